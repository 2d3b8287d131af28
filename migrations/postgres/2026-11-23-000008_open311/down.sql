DROP INDEX issue_status_changes_created;
DROP TABLE open311_tokens;
DROP TABLE api_keys;
