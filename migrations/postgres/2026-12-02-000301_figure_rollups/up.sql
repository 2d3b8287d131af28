-- Roll-ups of the accountability figures (PostgreSQL). Keep equivalent to the SQLite migration.
-- Every write to an issue, an official answer or a status change inserts delta rows (triggers,
-- so no write path can forget them, and no row that every report updates); the application
-- folds them into figure_rollup every few seconds (persistence/src/stats/rollup.rs, which
-- holds the same expansion as the backfill below). A read sums roll-up rows plus the deltas
-- not folded yet.

-- One row per change of what an issue, answer or status change contributes: n = +1 for the new
-- state, -1 for the old one. kind 0: the issue itself (public only); 1: an official public answer
-- (user_id its author); 2: a status change (user_id its actor). The place (commune,
-- arrondissement (0: none), category, report time) is the issue's.
CREATE TABLE figure_deltas (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind INTEGER NOT NULL,
    commune_id BIGINT NOT NULL,
    arrondissement_id BIGINT NOT NULL,
    category_id BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    status TEXT NOT NULL,
    answered INTEGER NOT NULL,
    first_answer_seconds INTEGER,
    resolution_seconds INTEGER,
    user_id BIGINT NOT NULL,
    n BIGINT NOT NULL
);

-- Sums by level (0: the commune; 1: each category, arrondissement_id 0; 2: each arrondissement
-- and category), grain (0: UTC day, period = days since 1970-01-01; 1: UTC month, period =
-- year * 12 + month - 1) and kind: 0 issues by status (bucket 1 answered, 0 not); 1 first
-- answers by duration bucket and who gave it; 2 resolutions (of issues resolved now) by
-- duration bucket; 3 official answers by author; 4 status changes by actor. A duration's bucket
-- is the duration rounded to the nearest 6 minutes up to a day, hour up to a week, day beyond,
-- plus one second when that rounds down onto a whole day (so that "within N days" stays exact).
CREATE TABLE figure_rollup (
    commune_id BIGINT NOT NULL,
    level BIGINT NOT NULL,
    arrondissement_id BIGINT NOT NULL,
    category_id BIGINT NOT NULL,
    grain BIGINT NOT NULL,
    period BIGINT NOT NULL,
    kind BIGINT NOT NULL,
    status TEXT NOT NULL,
    bucket BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (commune_id, level, grain, arrondissement_id, category_id, period, kind, status, bucket, user_id)
);

CREATE FUNCTION figure_issue_delta() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moved BOOLEAN := TG_OP = 'UPDATE' AND (
        OLD.visibility IS DISTINCT FROM NEW.visibility OR OLD.commune_id IS DISTINCT FROM NEW.commune_id
        OR OLD.arrondissement_id IS DISTINCT FROM NEW.arrondissement_id
        OR OLD.category_id IS DISTINCT FROM NEW.category_id OR OLD.created_at IS DISTINCT FROM NEW.created_at);
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.visibility = 'public' THEN
        INSERT INTO figure_deltas (kind, commune_id, arrondissement_id, category_id, created_at, status,
            answered, first_answer_seconds, resolution_seconds, user_id, n)
        VALUES (0, OLD.commune_id, COALESCE(OLD.arrondissement_id, 0), OLD.category_id, OLD.created_at,
            OLD.status, CASE WHEN OLD.first_official_answer_at IS NULL THEN 0 ELSE 1 END,
            OLD.first_answer_seconds, OLD.resolution_seconds, COALESCE(OLD.first_answer_by, 0), -1);
        IF moved THEN
            INSERT INTO figure_deltas (kind, commune_id, arrondissement_id, category_id, created_at, status,
                answered, user_id, n)
            SELECT 1, OLD.commune_id, COALESCE(OLD.arrondissement_id, 0), OLD.category_id, OLD.created_at,
                '', 0, r.author_id, -COUNT(*)
            FROM issue_replies r WHERE r.issue_id = OLD.id AND r.is_official AND r.visibility = 'public'
            GROUP BY r.author_id;
            INSERT INTO figure_deltas (kind, commune_id, arrondissement_id, category_id, created_at, status,
                answered, user_id, n)
            SELECT 2, OLD.commune_id, COALESCE(OLD.arrondissement_id, 0), OLD.category_id, OLD.created_at,
                '', 0, s.actor_id, -COUNT(*)
            FROM issue_status_changes s WHERE s.issue_id = OLD.id GROUP BY s.actor_id;
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.visibility = 'public' THEN
        INSERT INTO figure_deltas (kind, commune_id, arrondissement_id, category_id, created_at, status,
            answered, first_answer_seconds, resolution_seconds, user_id, n)
        VALUES (0, NEW.commune_id, COALESCE(NEW.arrondissement_id, 0), NEW.category_id, NEW.created_at,
            NEW.status, CASE WHEN NEW.first_official_answer_at IS NULL THEN 0 ELSE 1 END,
            NEW.first_answer_seconds, NEW.resolution_seconds, COALESCE(NEW.first_answer_by, 0), 1);
        IF moved THEN
            INSERT INTO figure_deltas (kind, commune_id, arrondissement_id, category_id, created_at, status,
                answered, user_id, n)
            SELECT 1, NEW.commune_id, COALESCE(NEW.arrondissement_id, 0), NEW.category_id, NEW.created_at,
                '', 0, r.author_id, COUNT(*)
            FROM issue_replies r WHERE r.issue_id = NEW.id AND r.is_official AND r.visibility = 'public'
            GROUP BY r.author_id;
            INSERT INTO figure_deltas (kind, commune_id, arrondissement_id, category_id, created_at, status,
                answered, user_id, n)
            SELECT 2, NEW.commune_id, COALESCE(NEW.arrondissement_id, 0), NEW.category_id, NEW.created_at,
                '', 0, s.actor_id, COUNT(*)
            FROM issue_status_changes s WHERE s.issue_id = NEW.id GROUP BY s.actor_id;
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER figure_issue_insert AFTER INSERT OR DELETE ON issues
    FOR EACH ROW EXECUTE FUNCTION figure_issue_delta();
CREATE TRIGGER figure_issue_update AFTER UPDATE ON issues FOR EACH ROW
    WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility OR OLD.commune_id IS DISTINCT FROM NEW.commune_id
        OR OLD.arrondissement_id IS DISTINCT FROM NEW.arrondissement_id
        OR OLD.category_id IS DISTINCT FROM NEW.category_id OR OLD.created_at IS DISTINCT FROM NEW.created_at
        OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.first_official_answer_at IS DISTINCT FROM NEW.first_official_answer_at
        OR OLD.first_answer_seconds IS DISTINCT FROM NEW.first_answer_seconds
        OR OLD.resolution_seconds IS DISTINCT FROM NEW.resolution_seconds
        OR OLD.first_answer_by IS DISTINCT FROM NEW.first_answer_by)
    EXECUTE FUNCTION figure_issue_delta();

CREATE FUNCTION figure_reply_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.is_official AND OLD.visibility = 'public' THEN
        INSERT INTO figure_deltas (kind, commune_id, arrondissement_id, category_id, created_at, status,
            answered, user_id, n)
        SELECT 1, i.commune_id, COALESCE(i.arrondissement_id, 0), i.category_id, i.created_at, '', 0,
            OLD.author_id, -1
        FROM issues i WHERE i.id = OLD.issue_id AND i.visibility = 'public';
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.is_official AND NEW.visibility = 'public' THEN
        INSERT INTO figure_deltas (kind, commune_id, arrondissement_id, category_id, created_at, status,
            answered, user_id, n)
        SELECT 1, i.commune_id, COALESCE(i.arrondissement_id, 0), i.category_id, i.created_at, '', 0,
            NEW.author_id, 1
        FROM issues i WHERE i.id = NEW.issue_id AND i.visibility = 'public';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER figure_reply_insert AFTER INSERT OR DELETE ON issue_replies
    FOR EACH ROW EXECUTE FUNCTION figure_reply_delta();
CREATE TRIGGER figure_reply_update AFTER UPDATE ON issue_replies FOR EACH ROW
    WHEN (OLD.is_official IS DISTINCT FROM NEW.is_official OR OLD.visibility IS DISTINCT FROM NEW.visibility
        OR OLD.issue_id IS DISTINCT FROM NEW.issue_id OR OLD.author_id IS DISTINCT FROM NEW.author_id)
    EXECUTE FUNCTION figure_reply_delta();

CREATE FUNCTION figure_status_change_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO figure_deltas (kind, commune_id, arrondissement_id, category_id, created_at, status,
            answered, user_id, n)
        SELECT 2, i.commune_id, COALESCE(i.arrondissement_id, 0), i.category_id, i.created_at, '', 0,
            OLD.actor_id, -1
        FROM issues i WHERE i.id = OLD.issue_id AND i.visibility = 'public';
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO figure_deltas (kind, commune_id, arrondissement_id, category_id, created_at, status,
            answered, user_id, n)
        SELECT 2, i.commune_id, COALESCE(i.arrondissement_id, 0), i.category_id, i.created_at, '', 0,
            NEW.actor_id, 1
        FROM issues i WHERE i.id = NEW.issue_id AND i.visibility = 'public';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER figure_status_change_insert AFTER INSERT OR DELETE OR UPDATE OF issue_id, actor_id
    ON issue_status_changes FOR EACH ROW EXECUTE FUNCTION figure_status_change_delta();

-- The most overdue issues: open, public and unanswered ones only, oldest first.
CREATE INDEX issues_overdue ON issues (commune_id, created_at, id)
    WHERE visibility = 'public' AND first_official_answer_at IS NULL
    AND status IN ('submitted', 'acknowledged', 'in_progress', 'planned');

-- Backfill: the same expansion as the fold, over the existing rows, in one grouped pass.
INSERT INTO figure_rollup (commune_id, level, arrondissement_id, category_id, grain, period, kind, status, bucket, user_id, n)
SELECT commune_id, level, arrondissement_id, category_id, grain, period, kind, status, bucket, user_id, SUM(n)
FROM (
    SELECT d.commune_id, l.level,
        CASE WHEN l.level = 2 THEN d.arrondissement_id ELSE 0 END AS arrondissement_id,
        CASE WHEN l.level = 0 THEN 0 ELSE d.category_id END AS category_id,
        g.grain,
        CASE WHEN g.grain = 0 THEN CAST(FLOOR(EXTRACT(EPOCH FROM d.created_at) / 86400) AS INTEGER)
            ELSE CAST(EXTRACT(YEAR FROM d.created_at) * 12 + EXTRACT(MONTH FROM d.created_at) - 1 AS INTEGER) END AS period,
        k.kind,
        CASE WHEN k.kind = 0 THEN d.status ELSE '' END AS status,
        CASE k.kind WHEN 0 THEN CAST(d.answered AS BIGINT)
            WHEN 1 THEN CASE WHEN d.first_answer_seconds <= 86400 THEN (CAST(d.first_answer_seconds AS BIGINT) + 180) / 360 * 360 + CASE WHEN (CAST(d.first_answer_seconds AS BIGINT) + 180) / 360 * 360 < d.first_answer_seconds AND ((CAST(d.first_answer_seconds AS BIGINT) + 180) / 360 * 360) % 86400 = 0 THEN 1 ELSE 0 END
                WHEN d.first_answer_seconds <= 604800 THEN (CAST(d.first_answer_seconds AS BIGINT) + 1800) / 3600 * 3600 + CASE WHEN (CAST(d.first_answer_seconds AS BIGINT) + 1800) / 3600 * 3600 < d.first_answer_seconds AND ((CAST(d.first_answer_seconds AS BIGINT) + 1800) / 3600 * 3600) % 86400 = 0 THEN 1 ELSE 0 END
                ELSE (CAST(d.first_answer_seconds AS BIGINT) + 43200) / 86400 * 86400 + CASE WHEN (CAST(d.first_answer_seconds AS BIGINT) + 43200) / 86400 * 86400 < d.first_answer_seconds AND ((CAST(d.first_answer_seconds AS BIGINT) + 43200) / 86400 * 86400) % 86400 = 0 THEN 1 ELSE 0 END END
            WHEN 2 THEN CASE WHEN d.resolution_seconds <= 86400 THEN (CAST(d.resolution_seconds AS BIGINT) + 180) / 360 * 360 + CASE WHEN (CAST(d.resolution_seconds AS BIGINT) + 180) / 360 * 360 < d.resolution_seconds AND ((CAST(d.resolution_seconds AS BIGINT) + 180) / 360 * 360) % 86400 = 0 THEN 1 ELSE 0 END
                WHEN d.resolution_seconds <= 604800 THEN (CAST(d.resolution_seconds AS BIGINT) + 1800) / 3600 * 3600 + CASE WHEN (CAST(d.resolution_seconds AS BIGINT) + 1800) / 3600 * 3600 < d.resolution_seconds AND ((CAST(d.resolution_seconds AS BIGINT) + 1800) / 3600 * 3600) % 86400 = 0 THEN 1 ELSE 0 END
                ELSE (CAST(d.resolution_seconds AS BIGINT) + 43200) / 86400 * 86400 + CASE WHEN (CAST(d.resolution_seconds AS BIGINT) + 43200) / 86400 * 86400 < d.resolution_seconds AND ((CAST(d.resolution_seconds AS BIGINT) + 43200) / 86400 * 86400) % 86400 = 0 THEN 1 ELSE 0 END END
            ELSE 0 END AS bucket,
        CASE WHEN k.kind IN (0, 2) THEN 0 ELSE d.user_id END AS user_id,
        d.n
    FROM (
        SELECT 0 AS kind, commune_id, COALESCE(arrondissement_id, 0) AS arrondissement_id, category_id,
            created_at, status, CASE WHEN first_official_answer_at IS NULL THEN 0 ELSE 1 END AS answered,
            first_answer_seconds, resolution_seconds, COALESCE(first_answer_by, 0) AS user_id,
            CAST(1 AS BIGINT) AS n
        FROM issues WHERE visibility = 'public'
        UNION ALL
        SELECT 1, i.commune_id, COALESCE(i.arrondissement_id, 0), i.category_id, i.created_at, '', 0,
            NULL, NULL, r.author_id, COUNT(*)
        FROM issue_replies r JOIN issues i ON i.id = r.issue_id
        WHERE i.visibility = 'public' AND r.is_official AND r.visibility = 'public'
        GROUP BY i.id, r.author_id
        UNION ALL
        SELECT 2, i.commune_id, COALESCE(i.arrondissement_id, 0), i.category_id, i.created_at, '', 0,
            NULL, NULL, s.actor_id, COUNT(*)
        FROM issue_status_changes s JOIN issues i ON i.id = s.issue_id
        WHERE i.visibility = 'public'
        GROUP BY i.id, s.actor_id
    ) d
    CROSS JOIN (SELECT 0 AS level UNION ALL SELECT 1 UNION ALL SELECT 2) l
    CROSS JOIN (SELECT 0 AS grain UNION ALL SELECT 1) g
    JOIN (SELECT 0 AS kind, 0 AS source UNION ALL SELECT 1, 0 UNION ALL SELECT 2, 0
        UNION ALL SELECT 3, 1 UNION ALL SELECT 4, 2) k ON k.source = d.kind
    WHERE (k.kind <> 1 OR d.first_answer_seconds IS NOT NULL)
        AND (k.kind <> 2 OR (d.status = 'resolved' AND d.resolution_seconds IS NOT NULL))
) x
GROUP BY commune_id, level, arrondissement_id, category_id, grain, period, kind, status, bucket, user_id;
