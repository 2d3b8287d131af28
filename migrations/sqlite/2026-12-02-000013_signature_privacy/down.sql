-- Back to one signature per CIN. Fails if two signatures of a petition share a CIN or if
-- personal data was erased: those cannot be undone.
ALTER TABLE petitions DROP COLUMN personal_data_erased_at;
CREATE TABLE signatures_old (
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
INSERT INTO signatures_old SELECT id, petition_id, user_id, full_name, cin_encrypted, cin_hash,
        address_encrypted, lives_or_works_in_commune, on_electoral_roll, direct_interest,
        show_name, consented_at, created_at
    FROM signatures;
DROP TABLE signatures;
ALTER TABLE signatures_old RENAME TO signatures;
CREATE INDEX signatures_user ON signatures (user_id);
