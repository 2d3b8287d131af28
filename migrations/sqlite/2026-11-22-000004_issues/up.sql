-- Local issues: reports, their public thread and status history, supports, follows, flags,
-- idempotency keys (SQLite). Keep equivalent to migrations/postgres/2026-11-22-000004_issues.

CREATE TABLE issues (
    id INTEGER PRIMARY KEY NOT NULL,
    commune_id BIGINT NOT NULL REFERENCES communes (id),
    category_id BIGINT NOT NULL REFERENCES categories (id),
    arrondissement_id BIGINT REFERENCES arrondissements (id),
    author_id BIGINT NOT NULL REFERENCES users (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('ar', 'fr', 'zgh')),
    lat DOUBLE,
    lon DOUBLE,
    address TEXT,
    status TEXT NOT NULL DEFAULT 'submitted'
        CHECK (status IN ('submitted', 'acknowledged', 'in_progress', 'planned', 'resolved', 'not_responsible', 'duplicate', 'rejected')),
    -- public; pending (held: personal data, waiting for a moderator); hidden (by moderation).
    visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'pending', 'hidden')),
    expected_on DATE,
    responsible_body TEXT,
    duplicate_of BIGINT REFERENCES issues (id),
    -- Kept up to date with each support, reply and follow: lists never recount.
    support_count INTEGER NOT NULL DEFAULT 0,
    reply_count INTEGER NOT NULL DEFAULT 0,
    follower_count INTEGER NOT NULL DEFAULT 0,
    first_official_answer_at TIMESTAMP,
    resolved_at TIMESTAMP,
    -- Normalised words of title and description (domain::search::index_terms).
    search_text TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK ((lat IS NULL) = (lon IS NULL))
);
CREATE INDEX issues_commune_newest ON issues (commune_id, created_at DESC, id DESC);
CREATE INDEX issues_newest ON issues (created_at DESC, id DESC);
CREATE INDEX issues_commune_category_status ON issues (commune_id, category_id, status);
CREATE INDEX issues_author ON issues (author_id);
-- Full-text search over the normalised words, kept in step by triggers.
CREATE VIRTUAL TABLE issues_fts USING fts5(search_text, content='issues', content_rowid='id', tokenize='unicode61 remove_diacritics 0');
CREATE TRIGGER issues_fts_insert AFTER INSERT ON issues BEGIN
    INSERT INTO issues_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER issues_fts_delete AFTER DELETE ON issues BEGIN
    INSERT INTO issues_fts (issues_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER issues_fts_update AFTER UPDATE OF search_text ON issues BEGIN
    INSERT INTO issues_fts (issues_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO issues_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TABLE issue_replies (
    id INTEGER PRIMARY KEY NOT NULL,
    issue_id BIGINT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    -- An answer by an official in scope: the public record, never deleted.
    is_official BOOLEAN NOT NULL DEFAULT FALSE,
    official_title TEXT,
    visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'pending', 'hidden')),
    created_at TIMESTAMP NOT NULL,
    edited_at TIMESTAMP
);
CREATE INDEX issue_replies_thread ON issue_replies (issue_id, created_at, id);

CREATE TABLE issue_reply_edits (
    id INTEGER PRIMARY KEY NOT NULL,
    reply_id BIGINT NOT NULL REFERENCES issue_replies (id) ON DELETE CASCADE,
    previous_body TEXT NOT NULL,
    edited_at TIMESTAMP NOT NULL
);
CREATE INDEX issue_reply_edits_reply ON issue_reply_edits (reply_id);

CREATE TABLE issue_status_changes (
    id INTEGER PRIMARY KEY NOT NULL,
    issue_id BIGINT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    actor_id BIGINT NOT NULL REFERENCES users (id),
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    note TEXT NOT NULL,
    expected_on DATE,
    responsible_body TEXT,
    duplicate_of BIGINT REFERENCES issues (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX issue_status_changes_issue ON issue_status_changes (issue_id, created_at, id);

CREATE TABLE issue_supports (
    issue_id BIGINT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (issue_id, user_id)
);

CREATE TABLE issue_follows (
    issue_id BIGINT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (issue_id, user_id)
);
CREATE INDEX issue_follows_user ON issue_follows (user_id);

CREATE TABLE flags (
    id INTEGER PRIMARY KEY NOT NULL,
    target_type TEXT NOT NULL CHECK (target_type IN ('issue', 'reply')),
    target_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    reason TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (target_type, target_id, user_id)
);

-- Idempotency-Key of creating POSTs, scoped to the caller, kept 24 h.
CREATE TABLE idempotency_keys (
    user_id BIGINT NOT NULL REFERENCES users (id),
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    response_status INTEGER,
    response_body TEXT,
    response_location TEXT,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, key)
);
