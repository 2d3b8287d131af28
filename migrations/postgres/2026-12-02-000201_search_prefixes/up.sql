-- Search by word prefix (PostgreSQL). Keep equivalent to the SQLite migration of the same name.
-- Nothing to change here: the GIN index of the stored tsvector (migration 12) already answers a
-- prefix query (`word:*`) from its sorted entries. SQLite's FTS5 table gets its prefix indexes.
SELECT 1;
