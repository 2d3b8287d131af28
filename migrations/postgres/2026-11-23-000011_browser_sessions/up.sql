-- Browser sessions (PostgreSQL). Keep equivalent to the SQLite migration.
-- A session opened in a browser is found by its cookie (stored as SHA-256, like every token).
ALTER TABLE sessions ADD COLUMN cookie_hash TEXT;
CREATE UNIQUE INDEX sessions_cookie ON sessions (cookie_hash);
