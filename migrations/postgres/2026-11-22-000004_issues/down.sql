DROP TABLE idempotency_keys;
DROP TABLE flags;
DROP TABLE issue_follows;
DROP TABLE issue_supports;
DROP TABLE issue_status_changes;
DROP TABLE issue_reply_edits;
DROP TABLE issue_replies;
DROP TABLE issues;
