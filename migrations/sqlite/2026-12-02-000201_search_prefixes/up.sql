-- Search by word prefix (SQLite). Keep equivalent to the PostgreSQL migration of the same name.
-- The FTS5 table is made again with prefix indexes of 2, 3 and 4 characters: a short prefix
-- (what a search box sends while a word is being typed, or a short Arabic stem once
-- domain::search has taken the article and the vowel marks off) matches many terms, which FTS5
-- would otherwise merge term by term on every query; with the index it reads one list, in order,
-- and can stop early. The triggers are unchanged (they name the table, which keeps its name).
DROP TABLE issues_fts;
CREATE VIRTUAL TABLE issues_fts USING fts5(search_text, content='issues', content_rowid='id', tokenize='unicode61 remove_diacritics 0', prefix='2 3 4');
INSERT INTO issues_fts (issues_fts) VALUES ('rebuild');
INSERT INTO issues_fts (issues_fts) VALUES ('optimize');
