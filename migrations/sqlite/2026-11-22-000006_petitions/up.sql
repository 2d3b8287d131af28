-- Local petitions under Organic Law 113-14 (SQLite). Keep equivalent to the PostgreSQL migration.

CREATE TABLE petitions (
    id INTEGER PRIMARY KEY NOT NULL,
    commune_id BIGINT NOT NULL REFERENCES communes (id),
    agent_id BIGINT NOT NULL REFERENCES users (id),
    filer_type TEXT NOT NULL CHECK (filer_type IN ('citizens', 'association')),
    organisation_id BIGINT REFERENCES organisations (id),
    title TEXT NOT NULL,
    request TEXT NOT NULL,
    reasons TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
        ('draft', 'collecting', 'ready', 'filed', 'admissible', 'inadmissible', 'on_agenda', 'decided', 'withdrawn')),
    -- Kept with each signature and withdrawal.
    signature_count INTEGER NOT NULL DEFAULT 0,
    receipt_number TEXT,
    filed_on DATE,
    next_session_on DATE,
    session_date DATE,
    committee TEXT,
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('adopted', 'rejected')),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK ((filer_type = 'association') = (organisation_id IS NOT NULL))
);
CREATE INDEX petitions_commune_status ON petitions (commune_id, status, id);

-- The public timeline: every step, with what it carried (JSON).
CREATE TABLE petition_events (
    id INTEGER PRIMARY KEY NOT NULL,
    petition_id BIGINT NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    actor_id BIGINT REFERENCES users (id),
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    details TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX petition_events_petition ON petition_events (petition_id, id);

-- One signature per person and per national ID number: the CIN and address are encrypted
-- (AES-GCM); the CIN's keyed hash (HMAC) enforces uniqueness without revealing it.
CREATE TABLE signatures (
    id INTEGER PRIMARY KEY NOT NULL,
    petition_id BIGINT NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    full_name TEXT NOT NULL,
    cin_encrypted TEXT NOT NULL,
    cin_hash TEXT NOT NULL,
    address_encrypted TEXT NOT NULL,
    lives_or_works_in_commune BOOLEAN NOT NULL,
    on_electoral_roll BOOLEAN NOT NULL,
    direct_interest BOOLEAN NOT NULL,
    show_name BOOLEAN NOT NULL DEFAULT FALSE,
    consented_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (petition_id, user_id),
    UNIQUE (petition_id, cin_hash)
);

CREATE TABLE petition_follows (
    petition_id BIGINT NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (petition_id, user_id)
);
