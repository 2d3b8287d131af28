DROP INDEX petition_follows_user;
DROP INDEX signatures_user;
ALTER TABLE petitions DROP COLUMN association_declaration;
ALTER TABLE notification_preferences DROP COLUMN petition_updates;
