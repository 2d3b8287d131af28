-- What the petition workflow adds (SQLite). Keep equivalent to the PostgreSQL migration.

-- Signatories and followers hear of each legal step of a petition unless they turn it off.
ALTER TABLE notification_preferences ADD COLUMN petition_updates BOOLEAN NOT NULL DEFAULT TRUE;

-- An association's declaration (good standing, office in the commune, activity linked to the
-- subject), JSON, checked again when it files.
ALTER TABLE petitions ADD COLUMN association_declaration TEXT;

-- A person's signatures and follows, for their export and the erasure of their account.
CREATE INDEX signatures_user ON signatures (user_id);
CREATE INDEX petition_follows_user ON petition_follows (user_id);
