-- Signatures that leak nothing, kept no longer than needed (SQLite). Keep equivalent to the
-- PostgreSQL migration of the same name.
--
-- 1. A CIN already used on a petition no longer refuses a second signature (that refusal told
--    anyone whether a given person had signed): the CIN's keyed hash is indexed, not unique, and
--    a CIN seen twice is flagged on the dossier instead. One signature per account stays unique.
-- 2. Once a petition is closed and the retention period has passed, the signatories' CIN, its
--    hash, address and full name are erased (NULL); `personal_data_erased_at` says when.
-- SQLite cannot drop a table constraint or a NOT NULL: the table is rebuilt.

CREATE TABLE signatures_new (
    id INTEGER PRIMARY KEY NOT NULL,
    petition_id BIGINT NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    full_name TEXT,
    cin_encrypted TEXT,
    cin_hash TEXT,
    address_encrypted TEXT,
    lives_or_works_in_commune BOOLEAN NOT NULL,
    on_electoral_roll BOOLEAN NOT NULL,
    direct_interest BOOLEAN NOT NULL,
    show_name BOOLEAN NOT NULL DEFAULT FALSE,
    consented_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (petition_id, user_id)
);
INSERT INTO signatures_new (id, petition_id, user_id, full_name, cin_encrypted, cin_hash,
        address_encrypted, lives_or_works_in_commune, on_electoral_roll, direct_interest,
        show_name, consented_at, created_at)
    SELECT id, petition_id, user_id, full_name, cin_encrypted, cin_hash, address_encrypted,
        lives_or_works_in_commune, on_electoral_roll, direct_interest, show_name, consented_at,
        created_at
    FROM signatures;
DROP TABLE signatures;
ALTER TABLE signatures_new RENAME TO signatures;
CREATE INDEX signatures_user ON signatures (user_id);
-- Finds the other signatures with the same CIN on a petition (never unique).
CREATE INDEX signatures_cin_hash ON signatures (petition_id, cin_hash);

ALTER TABLE petitions ADD COLUMN personal_data_erased_at TIMESTAMP;
