-- Signatures that leak nothing, kept no longer than needed (PostgreSQL). Keep equivalent to the
-- SQLite migration of the same name.
--
-- 1. A CIN already used on a petition no longer refuses a second signature (that refusal told
--    anyone whether a given person had signed): the CIN's keyed hash is indexed, not unique, and
--    a CIN seen twice is flagged on the dossier instead. One signature per account stays unique.
-- 2. Once a petition is closed and the retention period has passed, the signatories' CIN, its
--    hash, address and full name are erased (NULL); `personal_data_erased_at` says when.

ALTER TABLE signatures DROP CONSTRAINT signatures_petition_id_cin_hash_key;
-- Finds the other signatures with the same CIN on a petition (never unique).
CREATE INDEX signatures_cin_hash ON signatures (petition_id, cin_hash);
ALTER TABLE signatures ALTER COLUMN full_name DROP NOT NULL;
ALTER TABLE signatures ALTER COLUMN cin_encrypted DROP NOT NULL;
ALTER TABLE signatures ALTER COLUMN cin_hash DROP NOT NULL;
ALTER TABLE signatures ALTER COLUMN address_encrypted DROP NOT NULL;

ALTER TABLE petitions ADD COLUMN personal_data_erased_at TIMESTAMP;
