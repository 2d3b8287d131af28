//! The schemas of the REST API's shapes that are not a use-case's view (those derive theirs where
//! they are written).

use utoipa::ToSchema;

/// A WGS 84 position (the use-cases' views describe theirs with it).
pub use tawasol_app::usecases::Position as GeoPointSchema;

/// A rectangle in degrees.
#[derive(Debug, ToSchema)]
#[schema(as = BoundingBox)]
pub struct BoundingBoxSchema {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

/// A text in Arabic, French and Tamazight (Tifinagh).
#[derive(Debug, ToSchema)]
#[schema(as = LocalizedText)]
pub struct LocalizedTextSchema {
    pub ar: String,
    pub fr: String,
    pub zgh: String,
}

/// The secret address of a personal feed.
#[derive(Debug, ToSchema)]
pub struct FeedUrl {
    pub url: String,
}

/// A probe's answer.
#[derive(Debug, ToSchema)]
pub struct Status {
    /// `live` or `ready`.
    pub status: String,
    /// `sqlite` or `postgresql` (readiness only).
    pub database: Option<String>,
}

/// An answer that says the same whatever happened (no account enumeration).
#[derive(Debug, ToSchema)]
pub struct Accepted {
    /// `accepted`.
    pub status: String,
    /// What happens next, localised.
    pub detail: String,
}
