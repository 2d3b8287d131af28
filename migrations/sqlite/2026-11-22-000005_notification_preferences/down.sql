DROP TABLE digest_runs;
DROP TABLE notification_preferences;
