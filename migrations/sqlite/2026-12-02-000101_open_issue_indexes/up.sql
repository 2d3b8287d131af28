-- The open public issues that may be the same as a new one ("support this one instead"): near
-- it, or the newest of its commune and category. Partial indexes, so that finding them reads a
-- few index entries whatever the number of issues, and closed or held issues cost nothing.
-- The predicate is written exactly as persistence/src/issue/similar.rs writes it (both planners
-- match a query to a partial index by its terms). Keep equivalent to the PostgreSQL migration.
CREATE INDEX issues_open_place ON issues (commune_id, category_id, lat, lon)
    WHERE visibility = 'public' AND status IN ('submitted', 'acknowledged', 'in_progress', 'planned');
CREATE INDEX issues_open_recent ON issues (commune_id, category_id, created_at DESC, id DESC)
    WHERE visibility = 'public' AND status IN ('submitted', 'acknowledged', 'in_progress', 'planned');
