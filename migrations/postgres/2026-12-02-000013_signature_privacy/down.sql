-- Back to one signature per CIN. Fails if two signatures of a petition share a CIN or if
-- personal data was erased: those cannot be undone.
ALTER TABLE petitions DROP COLUMN personal_data_erased_at;
ALTER TABLE signatures ALTER COLUMN address_encrypted SET NOT NULL;
ALTER TABLE signatures ALTER COLUMN cin_hash SET NOT NULL;
ALTER TABLE signatures ALTER COLUMN cin_encrypted SET NOT NULL;
ALTER TABLE signatures ALTER COLUMN full_name SET NOT NULL;
DROP INDEX signatures_cin_hash;
ALTER TABLE signatures ADD CONSTRAINT signatures_petition_id_cin_hash_key UNIQUE (petition_id, cin_hash);
