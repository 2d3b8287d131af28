-- Accounts, sessions, roles and the audit log (SQLite).
-- Keep equivalent to migrations/postgres/2026-11-22-000003_accounts/up.sql.

CREATE TABLE users (
    id INTEGER PRIMARY KEY NOT NULL,
    -- NULL once the account is deleted: its public contributions stay, signed "former resident".
    email TEXT UNIQUE,
    password_hash TEXT,
    display_name TEXT NOT NULL,
    locale TEXT NOT NULL CHECK (locale IN ('ar', 'fr', 'zgh')),
    home_commune_id BIGINT REFERENCES communes (id),
    email_verified_at TIMESTAMP,
    is_admin BOOLEAN NOT NULL DEFAULT FALSE,
    banned_at TIMESTAMP,
    ban_reason TEXT,
    deleted_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Single-use links sent by mail (address verification, password reset); only a hash is kept.
CREATE TABLE email_tokens (
    id INTEGER PRIMARY KEY NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'password_reset')),
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX email_tokens_user ON email_tokens (user_id);

-- A session is a family of refresh tokens; its id is the access token's `sid`.
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP,
    revoked_reason TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE refresh_tokens (
    id INTEGER PRIMARY KEY NOT NULL,
    session_id BIGINT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TIMESTAMP NOT NULL,
    -- Set when rotated: presenting it again revokes the whole session.
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

CREATE TABLE officials (
    id INTEGER PRIMARY KEY NOT NULL,
    user_id BIGINT NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    commune_id BIGINT NOT NULL REFERENCES communes (id),
    arrondissement_id BIGINT REFERENCES arrondissements (id),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE official_categories (
    official_id BIGINT NOT NULL REFERENCES officials (id) ON DELETE CASCADE,
    category_id BIGINT NOT NULL REFERENCES categories (id),
    PRIMARY KEY (official_id, category_id)
);

CREATE TABLE moderators (
    id INTEGER PRIMARY KEY NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- NULL: every commune.
    commune_id BIGINT REFERENCES communes (id),
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX moderators_scope ON moderators (user_id, COALESCE(commune_id, 0));

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    founded_on DATE NOT NULL,
    head_office_commune_id BIGINT NOT NULL REFERENCES communes (id),
    purpose TEXT NOT NULL,
    verified_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE organisation_members (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    is_representative BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE UNIQUE INDEX organisation_one_representative ON organisation_members (organisation_id) WHERE is_representative = 1;

-- Append-only record of every admin and moderator action.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY NOT NULL,
    actor_user_id BIGINT REFERENCES users (id),
    action TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    before TEXT,
    after TEXT,
    request_id TEXT,
    created_at TIMESTAMP NOT NULL
);

-- Fixed-window counters for throttling (login, registration, reset requests).
CREATE TABLE throttle (
    key TEXT PRIMARY KEY NOT NULL,
    window_start TIMESTAMP NOT NULL,
    hits INTEGER NOT NULL
);
