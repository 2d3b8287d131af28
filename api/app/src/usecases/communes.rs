//! Reading communes and their reference data.

use super::{Page, UseCaseError, with_conn};
use tawasol_domain::{Commune, CommuneSlug, PageLimit};
use tawasol_persistence::Database;
use tawasol_persistence::commune::{self, CommuneWithCategories};

/// Communes by slug, a page at a time.
pub async fn list(
    db: &Database,
    after: Option<CommuneSlug>,
    limit: PageLimit,
) -> Result<Page<Commune, CommuneSlug>, UseCaseError> {
    with_conn(db, move |conn| {
        let rows = commune::list(conn, after.as_ref(), limit.get() + 1)?;
        Ok(Page::from_overfetch(rows, limit, |c| c.slug.clone()))
    })
    .await
}

/// One commune with its arrondissements and categories. A slug that cannot exist is simply
/// not found.
pub async fn show(db: &Database, slug: &str) -> Result<CommuneWithCategories, UseCaseError> {
    let Ok(parsed) = CommuneSlug::parse(slug) else {
        return Err(UseCaseError::CommuneNotFound(slug.to_owned()));
    };
    let wanted = slug.to_owned();
    with_conn(db, move |conn| {
        commune::find(conn, &parsed)?.ok_or(UseCaseError::CommuneNotFound(wanted))
    })
    .await
}
