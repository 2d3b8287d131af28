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
        // One more than asked tells whether another page follows.
        let mut items = commune::list(conn, after.as_ref(), limit.get() + 1)?;
        let next = if items.len() > usize::from(limit.get()) {
            items.truncate(usize::from(limit.get()));
            items.last().map(|c| c.slug.clone())
        } else {
            None
        };
        Ok(Page { items, next })
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
