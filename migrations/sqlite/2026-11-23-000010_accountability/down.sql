DROP INDEX issue_status_changes_actor;
DROP INDEX issue_replies_official_author;
DROP INDEX issues_first_answer_by;
DROP INDEX issues_commune_resolution;
DROP INDEX issues_commune_first_answer;
ALTER TABLE issues DROP COLUMN resolution_seconds;
ALTER TABLE issues DROP COLUMN first_answer_by;
ALTER TABLE issues DROP COLUMN first_answer_seconds;
