-- The secret address of a person's Atom feed of everything they follow (PostgreSQL). Keep
-- equivalent to the SQLite migration.

-- One per person: a new token replaces the old one. Only the token's SHA-256 is kept; the address
-- is shown to its owner once.
CREATE TABLE feed_tokens (
    user_id BIGINT PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL
);
