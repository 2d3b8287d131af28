-- Open311 GeoReport v2 (SQLite). Keep equivalent to the PostgreSQL migration.

-- Keys that admins issue to organisations and apps. Requests made with a key are attributed to
-- its owner account; only the key's SHA-256 is kept (the key is shown once, when issued).
CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY NOT NULL,
    owner_user_id BIGINT NOT NULL REFERENCES users (id),
    organisation_id BIGINT REFERENCES organisations (id),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    key_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX api_keys_owner ON api_keys (owner_user_id);

-- The token answered to an Open311 POST, for `tokens/{token}`: it tells the request's id once
-- the issue is public (an issue held for a moderator has no public id yet).
CREATE TABLE open311_tokens (
    id INTEGER PRIMARY KEY NOT NULL,
    token TEXT NOT NULL UNIQUE,
    issue_id BIGINT NOT NULL UNIQUE REFERENCES issues (id) ON DELETE CASCADE,
    api_key_id BIGINT NOT NULL REFERENCES api_keys (id),
    created_at TIMESTAMP NOT NULL
);

-- Open311's servicerequestupdates read the status history by time.
CREATE INDEX issue_status_changes_created ON issue_status_changes (created_at, id);
