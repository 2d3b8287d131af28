-- The mail outbox (SQLite): a use-case writes a row in the same transaction as the change
-- that causes the mail; workers claim due rows under a lease (SQLite serialises writers, so one UPDATE claims atomically).
-- Keep equivalent to migrations/postgres/2026-11-22-000002_outbox/up.sql.

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY NOT NULL,
    dedupe_key TEXT NOT NULL UNIQUE,
    recipient TEXT NOT NULL CHECK (recipient LIKE '%_@_%'),
    locale TEXT NOT NULL CHECK (locale IN ('ar', 'fr', 'zgh')),
    template TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMP NOT NULL,
    locked_by TEXT,
    locked_until TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);

CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE status = 'sent';
CREATE INDEX outbox_dead ON outbox (id) WHERE status = 'dead';
