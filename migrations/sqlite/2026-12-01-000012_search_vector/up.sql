-- Full-text search (SQLite). Keep equivalent to the PostgreSQL migration of the same name.
-- FTS5 already keeps its own index of the words (issues_fts), filled by triggers; this merges
-- its segments into one b-tree, which bulk loads and years of inserts leave fragmented.
INSERT INTO issues_fts (issues_fts) VALUES ('optimize');
