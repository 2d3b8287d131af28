-- Full-text search (PostgreSQL). Keep equivalent to the SQLite migration of the same name.
-- The words' tsvector is stored with each issue instead of being computed by to_tsvector for
-- every row a search filters: at a million issues, a search ordered by date filtered ~1,000 rows
-- at ~85 µs each. The column is the PostgreSQL half of the backend-specific search structure
-- (SQLite's is the issues_fts FTS5 table), so the schema comparison leaves both out.
ALTER TABLE issues ADD COLUMN search_fts tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
CREATE INDEX issues_search_fts ON issues USING GIN (search_fts);
DROP INDEX issues_search;
