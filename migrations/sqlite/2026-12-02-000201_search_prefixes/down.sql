DROP TABLE issues_fts;
CREATE VIRTUAL TABLE issues_fts USING fts5(search_text, content='issues', content_rowid='id', tokenize='unicode61 remove_diacritics 0');
INSERT INTO issues_fts (issues_fts) VALUES ('rebuild');
