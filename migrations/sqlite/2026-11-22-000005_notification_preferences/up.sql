-- What each person wants to hear about (SQLite). Keep equivalent to the PostgreSQL migration.
-- No row: the defaults (issue updates on, every reply off, new issues for officials at once).
CREATE TABLE notification_preferences (
    user_id BIGINT PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Official answers and status changes of issues I report or follow.
    issue_updates BOOLEAN NOT NULL DEFAULT TRUE,
    -- Every other reply on those issues too.
    all_replies BOOLEAN NOT NULL DEFAULT FALSE,
    -- For officials: new issues in their scope, at once, in the morning digest, or not at all.
    official_new_issues TEXT NOT NULL DEFAULT 'immediate' CHECK (official_new_issues IN ('immediate', 'daily', 'off')),
    updated_at TIMESTAMP NOT NULL
);

-- One row per day the morning digest ran: whichever replica inserts it sends that day's digests.
CREATE TABLE digest_runs (
    day DATE PRIMARY KEY NOT NULL,
    ran_at TIMESTAMP NOT NULL
);
