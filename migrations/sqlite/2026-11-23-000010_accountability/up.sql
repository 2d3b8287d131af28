-- Accountability figures (SQLite). Keep equivalent to the PostgreSQL migration.
-- Durations kept with each issue when they happen, so that medians and percentiles are an
-- ORDER BY on an indexed integer on both backends.

-- Seconds from the report to the first official answer, and who gave it.
ALTER TABLE issues ADD COLUMN first_answer_seconds INTEGER;
ALTER TABLE issues ADD COLUMN first_answer_by BIGINT REFERENCES users (id);
-- Seconds from the report to its (latest) resolution, while resolved.
ALTER TABLE issues ADD COLUMN resolution_seconds INTEGER;

UPDATE issues SET first_answer_seconds =
    CAST(round((julianday(first_official_answer_at) - julianday(created_at)) * 86400) AS INTEGER)
    WHERE first_official_answer_at IS NOT NULL;
UPDATE issues SET first_answer_by = (
    SELECT r.author_id FROM issue_replies r
    WHERE r.issue_id = issues.id AND r.is_official
    ORDER BY r.created_at, r.id LIMIT 1)
    WHERE first_official_answer_at IS NOT NULL;
UPDATE issues SET resolution_seconds =
    CAST(round((julianday(resolved_at) - julianday(created_at)) * 86400) AS INTEGER)
    WHERE resolved_at IS NOT NULL AND status = 'resolved';

CREATE INDEX issues_commune_first_answer ON issues (commune_id, first_answer_seconds);
CREATE INDEX issues_commune_resolution ON issues (commune_id, resolution_seconds);
CREATE INDEX issues_first_answer_by ON issues (first_answer_by);
CREATE INDEX issue_replies_official_author ON issue_replies (author_id) WHERE is_official;
CREATE INDEX issue_status_changes_actor ON issue_status_changes (actor_id);
