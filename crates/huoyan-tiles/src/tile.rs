//! Web-Mercator (EPSG:3857) tile math in the XYZ scheme used by MapLibre and OpenStreetMap: tile
//! (0, 0) is the north-west corner, y grows southwards. A [`TileId`] can only be built valid
//! (z ≤ [`MAX_ZOOM`], x and y below 2^z); [`Projector`] maps WGS84 to the tile's own coordinates
//! (0..extent, y down), where anything outside the tile is negative or above `extent`.

use crate::TileError;

/// The highest zoom accepted (about 2 cm per pixel at the equator; deeper makes no sense for a
/// base map and keeps every tile coordinate well inside `f64` and `i32`).
pub const MAX_ZOOM: u8 = 22;

/// The latitude where Web Mercator is cut off (the map is square): atan(sinh(π)).
pub const MAX_LAT: f64 = 85.051_128_779_806_59;

/// A box in WGS84 degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LonLatBox {
    /// Western longitude.
    pub west: f64,
    /// Southern latitude.
    pub south: f64,
    /// Eastern longitude.
    pub east: f64,
    /// Northern latitude.
    pub north: f64,
}

impl LonLatBox {
    /// Whether the two boxes overlap (edges touching count).
    pub fn intersects(&self, o: &LonLatBox) -> bool {
        self.west <= o.east && o.west <= self.east && self.south <= o.north && o.south <= self.north
    }
}

/// One tile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TileId {
    /// Zoom, 0..=[`MAX_ZOOM`].
    pub z: u8,
    /// Column, 0..2^z, west to east.
    pub x: u32,
    /// Row, 0..2^z, north to south.
    pub y: u32,
}

/// Position of a longitude/latitude in the unit square of the world map (x east, y south), with the
/// latitude clamped to ±[`MAX_LAT`]. Callers check finiteness first (see [`crate::geom`]).
pub fn world_xy(lon: f64, lat: f64) -> (f64, f64) {
    let x = (lon + 180.0) / 360.0;
    let lat = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0;
    (x, y)
}

/// The inverse of [`world_xy`].
pub fn lonlat_of_world(x: f64, y: f64) -> (f64, f64) {
    let lon = x * 360.0 - 180.0;
    let lat = (std::f64::consts::PI * (1.0 - 2.0 * y)).sinh().atan().to_degrees();
    (lon, lat)
}

/// Parses a path number: ASCII digits only (no sign, no spaces), at most 10 of them.
fn number(s: &str, whole: &str) -> Result<u64, TileError> {
    if s.is_empty() || s.len() > 10 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TileError::BadPath(whole.chars().take(80).collect()));
    }
    s.parse().map_err(|_| TileError::BadPath(whole.chars().take(80).collect()))
}

impl TileId {
    /// A checked tile id.
    pub fn new(z: u64, x: u64, y: u64) -> Result<TileId, TileError> {
        if z > MAX_ZOOM as u64 {
            return Err(TileError::ZoomOutOfRange { z, max: MAX_ZOOM });
        }
        let n = 1u64 << z;
        if x >= n || y >= n {
            return Err(TileError::TileOutOfRange { z: z as u8, x, y, n });
        }
        Ok(TileId { z: z as u8, x: x as u32, y: y as u32 })
    }

    /// Parses `{z}/{x}/{y}.mvt` (the part of the URL after `/tiles/`).
    pub fn parse_path(path: &str) -> Result<TileId, TileError> {
        let bad = || TileError::BadPath(path.chars().take(80).collect());
        let mut parts = path.split('/');
        let (Some(z), Some(x), Some(last), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let y = last.strip_suffix(".mvt").ok_or_else(bad)?;
        TileId::new(number(z, path)?, number(x, path)?, number(y, path)?)
    }

    /// Tiles per side at this zoom.
    pub fn count(&self) -> u64 {
        1u64 << self.z
    }

    /// The tile's box, grown by `margin` tile widths on every side (0 for the tile itself); the
    /// latitudes stay within ±[`MAX_LAT`], longitudes are not wrapped.
    pub fn bounds_with(&self, margin: f64) -> LonLatBox {
        let n = self.count() as f64;
        let m = if margin.is_finite() { margin.max(0.0) } else { 0.0 };
        let (west, north) = lonlat_of_world((self.x as f64 - m) / n, ((self.y as f64 - m) / n).max(0.0));
        let (east, south) = lonlat_of_world((self.x as f64 + 1.0 + m) / n, ((self.y as f64 + 1.0 + m) / n).min(1.0));
        LonLatBox { west, south, east, north }
    }

    /// The tile's WGS84 box.
    pub fn bounds(&self) -> LonLatBox {
        self.bounds_with(0.0)
    }

    /// The tile containing a point at zoom `z` (points on the antimeridian or the poles go to the
    /// last column or row).
    pub fn containing(lon: f64, lat: f64, z: u8) -> Result<TileId, TileError> {
        if !lon.is_finite() || !lat.is_finite() {
            return Err(TileError::NonFinite { lon, lat });
        }
        if z > MAX_ZOOM {
            return Err(TileError::ZoomOutOfRange { z: z as u64, max: MAX_ZOOM });
        }
        let (wx, wy) = world_xy(lon.clamp(-180.0, 180.0), lat);
        let n = (1u64 << z) as f64;
        let col = ((wx * n).floor().max(0.0) as u64).min((1u64 << z) - 1);
        let row = ((wy * n).floor().max(0.0) as u64).min((1u64 << z) - 1);
        TileId::new(z as u64, col, row)
    }

    /// Every tile at zoom `z` that a box touches, row by row; refuses more than `max` tiles.
    pub fn covering(b: &LonLatBox, z: u8, max: usize) -> Result<Vec<TileId>, TileError> {
        let nw = TileId::containing(b.west, b.north, z)?;
        let se = TileId::containing(b.east, b.south, z)?;
        let (x0, x1) = (nw.x.min(se.x), nw.x.max(se.x));
        let (y0, y1) = (nw.y.min(se.y), nw.y.max(se.y));
        let count = (x1 - x0 + 1) as u64 * (y1 - y0 + 1) as u64;
        if count > max as u64 {
            return Err(TileError::TooManyTiles { z, count, max });
        }
        let mut out = Vec::with_capacity(count as usize);
        for y in y0..=y1 {
            for x in x0..=x1 {
                out.push(TileId { z, x, y });
            }
        }
        Ok(out)
    }
}

impl std::fmt::Display for TileId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}/{}", self.z, self.x, self.y)
    }
}

/// Maps WGS84 to one tile's coordinates: 0..extent across the tile, y down.
#[derive(Debug, Clone, Copy)]
pub struct Projector {
    scale: f64,
    x0: f64,
    y0: f64,
}

impl Projector {
    /// The projector of `tile` with `extent` units per side.
    pub fn new(tile: TileId, extent: u32) -> Projector {
        let e = extent as f64;
        Projector { scale: tile.count() as f64 * e, x0: tile.x as f64 * e, y0: tile.y as f64 * e }
    }

    /// Tile coordinates of a (finite) point.
    pub fn project(&self, lon: f64, lat: f64) -> [f64; 2] {
        let (wx, wy) = world_xy(lon, lat);
        [wx * self.scale - self.x0, wy * self.scale - self.y0]
    }

    /// WGS84 of tile coordinates (for tests and debugging).
    pub fn unproject(&self, p: [f64; 2]) -> (f64, f64) {
        lonlat_of_world((p[0] + self.x0) / self.scale, (p[1] + self.y0) / self.scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked() {
        assert!(TileId::new(0, 0, 0).is_ok());
        assert_eq!(TileId::new(23, 0, 0), Err(TileError::ZoomOutOfRange { z: 23, max: 22 }));
        assert!(matches!(TileId::new(3, 8, 0), Err(TileError::TileOutOfRange { n: 8, .. })));
        assert!(matches!(TileId::new(3, 0, 8), Err(TileError::TileOutOfRange { .. })));
        assert!(TileId::new(22, (1 << 22) - 1, (1 << 22) - 1).is_ok());
        assert!(TileId::new(u64::MAX, u64::MAX, u64::MAX).is_err());
    }

    #[test]
    fn paths_parse_strictly() {
        assert_eq!(TileId::parse_path("14/4954/6057.mvt"), Ok(TileId { z: 14, x: 4954, y: 6057 }));
        for bad in [
            "14/4954/6057",
            "14/4954/6057.pbf",
            "-1/0/0.mvt",
            "1/-1/0.mvt",
            "a/0/0.mvt",
            "1/0",
            "1/0/0/0.mvt",
            "",
            "/1/0/0.mvt",
            "1//0.mvt",
            "+1/0/0.mvt",
            " 1/0/0.mvt",
            "99999999999/0/0.mvt",
            "1/0/.mvt",
            "１/0/0.mvt",
        ] {
            assert!(matches!(TileId::parse_path(bad), Err(TileError::BadPath(_))), "{bad:?}");
        }
        assert!(matches!(TileId::parse_path("23/0/0.mvt"), Err(TileError::ZoomOutOfRange { .. })));
        assert!(matches!(TileId::parse_path("2/4/0.mvt"), Err(TileError::TileOutOfRange { .. })));
        assert!(matches!(TileId::parse_path("2/0/4294967296.mvt"), Err(TileError::TileOutOfRange { .. })));
    }

    #[test]
    fn world_round_trips() {
        for (lon, lat) in [(0.0, 0.0), (-71.1, 42.37), (116.39, 39.9), (179.9, -85.0), (-180.0, 85.0)] {
            let (x, y) = world_xy(lon, lat);
            let (lon2, lat2) = lonlat_of_world(x, y);
            assert!((lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9, "{lon},{lat} → {lon2},{lat2}");
        }
        // Poles clamp to the square's edge instead of going to infinity.
        assert!((world_xy(0.0, 90.0).1 - 0.0).abs() < 1e-9);
        assert!((world_xy(0.0, -90.0).1 - 1.0).abs() < 1e-9);
    }

    #[test]
    fn tile_bounds_and_containing_agree() {
        // Cambridge, MA city hall at every zoom.
        let (lon, lat) = (-71.1056, 42.3663);
        for z in 0..=MAX_ZOOM {
            let t = TileId::containing(lon, lat, z).unwrap();
            let b = t.bounds();
            assert!(b.west <= lon && lon < b.east && b.south < lat && lat <= b.north, "z{z} {t} {b:?}");
            let p = Projector::new(t, 4096).project(lon, lat);
            assert!((0.0..4096.0).contains(&p[0]) && (0.0..4096.0).contains(&p[1]), "{p:?}");
            let (lon2, lat2) = Projector::new(t, 4096).unproject(p);
            assert!((lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9);
        }
        let t = TileId::containing(-71.1056, 42.3663, 14).unwrap();
        // As computed by the OSM wiki's formula: x = 4955.9, y = 6059.5.
        assert_eq!(t, TileId { z: 14, x: 4955, y: 6059 });
        // The tile's corners project to 0 and the extent.
        let b = t.bounds();
        let p = Projector::new(t, 4096);
        let nw = p.project(b.west, b.north);
        let se = p.project(b.east, b.south);
        assert!(
            nw[0].abs() < 1e-6 && nw[1].abs() < 1e-6 && (se[0] - 4096.0).abs() < 1e-6 && (se[1] - 4096.0).abs() < 1e-6
        );
        // The buffered box is larger on every side.
        let g = t.bounds_with(64.0 / 4096.0);
        assert!(g.west < b.west && g.east > b.east && g.south < b.south && g.north > b.north);
    }

    #[test]
    fn edges_of_the_world() {
        assert_eq!(TileId::containing(180.0, -90.0, 3).unwrap(), TileId { z: 3, x: 7, y: 7 });
        assert_eq!(TileId::containing(-180.0, 90.0, 3).unwrap(), TileId { z: 3, x: 0, y: 0 });
        assert!(TileId::containing(f64::NAN, 0.0, 3).is_err());
        assert!(TileId::containing(0.0, 0.0, 40).is_err());
        let all =
            TileId::covering(&LonLatBox { west: -180.0, south: -90.0, east: 180.0, north: 90.0 }, 2, 100).unwrap();
        assert_eq!(all.len(), 16);
        assert!(
            TileId::covering(&LonLatBox { west: -180.0, south: -90.0, east: 180.0, north: 90.0 }, 22, 1000).is_err()
        );
        let top = TileId::new(1, 0, 0).unwrap().bounds_with(1.0);
        assert!((top.north - MAX_LAT).abs() < 1e-9, "{top:?}");
    }
}
