//! The open public issues that may be the same as a new one: near it, or among the newest of its
//! commune and category (whose titles the caller compares). One statement served by two partial
//! indexes of the open public issues (`issues_open_place`, `issues_open_recent`), whatever the
//! size of the table.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Nullable, Text};
use tawasol_domain::BoundingBox;

/// How many of the newest open issues of a commune and category have their titles compared.
pub const SIMILAR_RECENT: i64 = 200;

/// An open public issue that may be the same: enough to judge (its title and place), not the
/// whole row.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct SimilarCandidate {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Nullable<Double>)]
    pub lat: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    pub lon: Option<f64>,
}

/// The open statuses as the partial indexes' predicate writes them (a literal, so that both
/// planners match it to the indexes; a test keeps it equal to `IssueStatus::is_open`).
pub(crate) const OPEN_PUBLIC: &str = "visibility = 'public' \
     AND status IN ('submitted', 'acknowledged', 'in_progress', 'planned')";

/// The open public issues of this commune and category inside `near` (if given), then the
/// `SIMILAR_RECENT` newest of them (an issue may come twice; `except` never comes).
pub fn similar_candidates(
    conn: &mut AnyConnection,
    commune_id: i64,
    category_id: i64,
    near: Option<BoundingBox>,
    except: Option<i64>,
) -> Result<Vec<SimilarCandidate>, PersistenceError> {
    // Without a place, an empty box (no latitude is above 90): one statement shape either way.
    let (south, west, north, east) = near.map_or((91.0, 181.0, 91.0, 181.0), |b| {
        (b.south, b.west, b.north, b.east)
    });
    let except = except.unwrap_or(0);
    let sql = |p: fn(u8) -> String| {
        format!(
            "SELECT id, title, lat, lon FROM issues \
             WHERE commune_id = {c} AND category_id = {k} AND {OPEN_PUBLIC} \
             AND lat BETWEEN {s} AND {n} AND lon BETWEEN {w} AND {e} AND id <> {x} \
             UNION ALL \
             SELECT id, title, lat, lon FROM (SELECT id, title, lat, lon, created_at FROM issues \
             WHERE commune_id = {c} AND category_id = {k} AND {OPEN_PUBLIC} \
             ORDER BY created_at DESC, id DESC LIMIT {l}) AS recent WHERE id <> {x}",
            c = p(1),
            k = p(2),
            s = p(3),
            n = p(4),
            w = p(5),
            e = p(6),
            x = p(7),
            l = p(8),
        )
    };
    // SQLite's numbered parameters (`?NNN`) may be reused as PostgreSQL's `$n` are.
    let query = |placeholder: fn(u8) -> String| {
        diesel::sql_query(sql(placeholder))
            .bind::<BigInt, _>(commune_id)
            .bind::<BigInt, _>(category_id)
            .bind::<Double, _>(south)
            .bind::<Double, _>(north)
            .bind::<Double, _>(west)
            .bind::<Double, _>(east)
            .bind::<BigInt, _>(except)
            .bind::<BigInt, _>(SIMILAR_RECENT)
    };
    Ok(match conn {
        AnyConnection::Postgresql(c) => query(|i| format!("${i}")).load(c)?,
        AnyConnection::Sqlite(c) => query(|i| format!("?{i}")).load(c)?,
    })
}

#[cfg(test)]
mod tests {
    use super::OPEN_PUBLIC;
    use tawasol_domain::issue::IssueStatus;

    #[test]
    fn the_literal_open_statuses_are_the_domains() {
        let open: Vec<String> = IssueStatus::ALL
            .into_iter()
            .filter(|s| s.is_open())
            .map(|s| format!("'{}'", s.as_str()))
            .collect();
        assert!(OPEN_PUBLIC.ends_with(&format!("status IN ({})", open.join(", "))));
    }
}
