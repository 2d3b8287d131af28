CREATE INDEX issues_search ON issues USING GIN (to_tsvector('simple', search_text));
DROP INDEX issues_search_fts;
ALTER TABLE issues DROP COLUMN search_fts;
