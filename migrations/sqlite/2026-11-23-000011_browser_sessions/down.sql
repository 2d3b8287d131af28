DROP INDEX sessions_cookie;
ALTER TABLE sessions DROP COLUMN cookie_hash;
