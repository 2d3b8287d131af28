//! Points on the map and the boxes that say whether a point lies in a commune.

use serde::Serialize;

/// A WGS 84 position. Latitude in [-90, 90], longitude in [-180, 180], both finite.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InvalidGeo {
    #[error("latitude must be a number between -90 and 90")]
    Latitude,
    #[error("longitude must be a number between -180 and 180")]
    Longitude,
    #[error(
        "the box's south edge must lie below its north edge and its west edge west of its east edge"
    )]
    InvertedBox,
}

impl GeoPoint {
    pub fn parse(lat: f64, lon: f64) -> Result<GeoPoint, InvalidGeo> {
        if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
            return Err(InvalidGeo::Latitude);
        }
        if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
            return Err(InvalidGeo::Longitude);
        }
        Ok(GeoPoint { lat, lon })
    }

    /// The position as every public surface gives it: rounded to four decimal places (about
    /// 11 m), enough to find a pothole, not a doorway. The author and the commune's officials
    /// see the exact point.
    pub fn public(self) -> GeoPoint {
        GeoPoint {
            lat: public_degrees(self.lat),
            lon: public_degrees(self.lon),
        }
    }
}

/// Decimal places of a public coordinate (see [`GeoPoint::public`]).
pub const PUBLIC_DECIMALS: i32 = 4;

/// A coordinate rounded to [`PUBLIC_DECIMALS`].
pub fn public_degrees(degrees: f64) -> f64 {
    let scale = 10f64.powi(PUBLIC_DECIMALS);
    (degrees * scale).round() / scale
}

/// A rough rectangle around a commune, used to check that a reported location lies in it.
/// Moroccan communes never straddle the antimeridian, so west < east always holds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BoundingBox {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

impl BoundingBox {
    pub fn parse(south: f64, west: f64, north: f64, east: f64) -> Result<BoundingBox, InvalidGeo> {
        let sw = GeoPoint::parse(south, west)?;
        let ne = GeoPoint::parse(north, east)?;
        if sw.lat >= ne.lat || sw.lon >= ne.lon {
            return Err(InvalidGeo::InvertedBox);
        }
        Ok(BoundingBox {
            south,
            west,
            north,
            east,
        })
    }

    /// Edges included: a point on the border is inside.
    pub fn contains(&self, point: GeoPoint) -> bool {
        (self.south..=self.north).contains(&point.lat)
            && (self.west..=self.east).contains(&point.lon)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_positions_have_four_decimals() {
        let exact = GeoPoint::parse(35.760_123_9, -5.815_049_1).unwrap();
        assert_eq!(
            exact.public(),
            GeoPoint {
                lat: 35.7601,
                lon: -5.815
            }
        );
        assert_eq!(public_degrees(-11.102_06), -11.1021);
    }

    #[test]
    fn points_must_be_on_earth() {
        assert!(GeoPoint::parse(35.7767, -5.8039).is_ok());
        assert_eq!(GeoPoint::parse(91.0, 0.0), Err(InvalidGeo::Latitude));
        assert_eq!(GeoPoint::parse(f64::NAN, 0.0), Err(InvalidGeo::Latitude));
        assert_eq!(GeoPoint::parse(0.0, -180.5), Err(InvalidGeo::Longitude));
        assert_eq!(
            GeoPoint::parse(0.0, f64::INFINITY),
            Err(InvalidGeo::Longitude)
        );
    }

    #[test]
    fn a_box_contains_its_inside_and_its_edges() {
        let tangier = BoundingBox::parse(35.70, -5.93, 35.81, -5.72).unwrap();
        assert!(tangier.contains(GeoPoint::parse(35.7767, -5.8039).unwrap()));
        assert!(tangier.contains(GeoPoint::parse(35.70, -5.93).unwrap()));
        // Sefrou's centre is not in Tangier.
        assert!(!tangier.contains(GeoPoint::parse(33.8294, -4.8395).unwrap()));
        assert_eq!(
            BoundingBox::parse(35.81, -5.93, 35.70, -5.72),
            Err(InvalidGeo::InvertedBox)
        );
    }
}

impl GeoPoint {
    /// Great-circle distance in metres (haversine; plenty precise at a city's scale).
    pub fn distance_m(self, other: GeoPoint) -> f64 {
        const EARTH_RADIUS_M: f64 = 6_371_000.0;
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = (other.lat - self.lat).to_radians();
        let dl = (other.lon - self.lon).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_M * a.sqrt().asin()
    }
}

#[cfg(test)]
mod distance_tests {
    use super::*;

    #[test]
    fn distances_are_in_metres() {
        let a = GeoPoint::parse(35.7767, -5.8039).unwrap();
        let b = GeoPoint::parse(35.7776, -5.8039).unwrap();
        assert!((a.distance_m(b) - 100.0).abs() < 1.0, "{}", a.distance_m(b));
        assert_eq!(a.distance_m(a), 0.0);
        let sefrou = GeoPoint::parse(33.8294, -4.8395).unwrap();
        assert!((a.distance_m(sefrou) / 1000.0 - 236.0).abs() < 5.0);
    }
}
