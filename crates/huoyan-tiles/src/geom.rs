//! Geometries as the tile pipeline takes them: points, lines and polygons in WGS84, always "multi"
//! (one shape is a list of one). Built from GeoJSON with every position checked: NaN, infinities,
//! coordinates outside −180..180/−90..90, short positions and absurd vertex counts are typed
//! errors, so nothing downstream sees a bad number.

use geojson::Value as G;

use crate::TileError;
use crate::tile::{LonLatBox, Projector};

/// A longitude/latitude (WGS84) or, after projection, tile x/y.
pub type Pt = [f64; 2];

/// Most vertices one geometry may have (a very detailed county boundary has some 10⁵).
pub const MAX_VERTICES: usize = 2_000_000;

/// A geometry in WGS84.
#[derive(Debug, Clone, PartialEq)]
pub enum Geometry {
    /// One or more points.
    Points(Vec<Pt>),
    /// One or more lines.
    Lines(Vec<Vec<Pt>>),
    /// One or more polygons, each an exterior ring followed by its holes.
    Polygons(Vec<Vec<Vec<Pt>>>),
}

fn pos(p: &[f64]) -> Result<Pt, TileError> {
    let (Some(&lon), Some(&lat)) = (p.first(), p.get(1)) else { return Err(TileError::ShortPosition) };
    check(lon, lat)?;
    Ok([lon, lat])
}

/// Checks one WGS84 position.
pub fn check(lon: f64, lat: f64) -> Result<(), TileError> {
    if !lon.is_finite() || !lat.is_finite() {
        return Err(TileError::NonFinite { lon, lat });
    }
    if lon.abs() > 180.0 || lat.abs() > 90.0 {
        return Err(TileError::OutOfWorld { lon, lat });
    }
    Ok(())
}

fn line(ps: &[Vec<f64>]) -> Result<Vec<Pt>, TileError> {
    ps.iter().map(|p| pos(p)).collect()
}

fn rings(rs: &[Vec<Vec<f64>>]) -> Result<Vec<Vec<Pt>>, TileError> {
    rs.iter().map(|r| line(r)).collect()
}

impl Geometry {
    /// From a GeoJSON geometry; counts vertices before converting, so a huge one costs nothing.
    pub fn from_geojson(g: &geojson::Geometry) -> Result<Geometry, TileError> {
        let count = match &g.value {
            G::Point(_) => 1,
            G::MultiPoint(p) | G::LineString(p) => p.len(),
            G::MultiLineString(l) | G::Polygon(l) => l.iter().map(Vec::len).sum(),
            G::MultiPolygon(p) => p.iter().flatten().map(Vec::len).sum(),
            G::GeometryCollection(_) => return Err(TileError::Unsupported("GeometryCollection")),
        };
        if count > MAX_VERTICES {
            return Err(TileError::TooManyVertices { count, max: MAX_VERTICES });
        }
        Ok(match &g.value {
            G::Point(p) => Geometry::Points(vec![pos(p)?]),
            G::MultiPoint(ps) => Geometry::Points(line(ps)?),
            G::LineString(ps) => Geometry::Lines(vec![line(ps)?]),
            G::MultiLineString(ls) => Geometry::Lines(rings(ls)?),
            G::Polygon(rs) => Geometry::Polygons(vec![rings(rs)?]),
            G::MultiPolygon(ps) => Geometry::Polygons(ps.iter().map(|p| rings(p)).collect::<Result<_, _>>()?),
            G::GeometryCollection(_) => return Err(TileError::Unsupported("GeometryCollection")),
        })
    }

    /// Checks every position of a geometry built in code (from GeoJSON it is already checked).
    pub fn validate(&self) -> Result<(), TileError> {
        let count = self.vertex_count();
        if count > MAX_VERTICES {
            return Err(TileError::TooManyVertices { count, max: MAX_VERTICES });
        }
        self.each(|p| check(p[0], p[1]))
    }

    fn each(&self, mut f: impl FnMut(&Pt) -> Result<(), TileError>) -> Result<(), TileError> {
        match self {
            Geometry::Points(ps) => ps.iter().try_for_each(f),
            Geometry::Lines(ls) => ls.iter().flatten().try_for_each(f),
            Geometry::Polygons(ps) => ps.iter().flatten().flatten().try_for_each(&mut f),
        }
    }

    /// Number of positions.
    pub fn vertex_count(&self) -> usize {
        match self {
            Geometry::Points(ps) => ps.len(),
            Geometry::Lines(ls) => ls.iter().map(Vec::len).sum(),
            Geometry::Polygons(ps) => ps.iter().flatten().map(Vec::len).sum(),
        }
    }

    /// The bounding box, `None` when empty.
    pub fn bbox(&self) -> Option<LonLatBox> {
        let mut b: Option<LonLatBox> = None;
        let _ = self.each(|p| {
            let e = b.get_or_insert(LonLatBox { west: p[0], south: p[1], east: p[0], north: p[1] });
            e.west = e.west.min(p[0]);
            e.east = e.east.max(p[0]);
            e.south = e.south.min(p[1]);
            e.north = e.north.max(p[1]);
            Ok(())
        });
        b
    }

    /// The same shape in tile coordinates (the positions must be finite: check first).
    pub fn project(&self, p: &Projector) -> Geometry {
        let pl = |l: &Vec<Pt>| l.iter().map(|q| p.project(q[0], q[1])).collect::<Vec<Pt>>();
        match self {
            Geometry::Points(ps) => Geometry::Points(pl(ps)),
            Geometry::Lines(ls) => Geometry::Lines(ls.iter().map(pl).collect()),
            Geometry::Polygons(ps) => Geometry::Polygons(ps.iter().map(|rs| rs.iter().map(pl).collect()).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gj(v: G) -> geojson::Geometry {
        geojson::Geometry::new(v)
    }

    #[test]
    fn from_geojson_keeps_the_shape() {
        let g = Geometry::from_geojson(&gj(G::LineString(vec![vec![1.0, 2.0], vec![3.0, 4.0, 5.0]]))).unwrap();
        assert_eq!(g, Geometry::Lines(vec![vec![[1.0, 2.0], [3.0, 4.0]]]));
        let g = Geometry::from_geojson(&gj(G::Point(vec![1.0, 2.0]))).unwrap();
        assert_eq!(g.bbox(), Some(LonLatBox { west: 1.0, south: 2.0, east: 1.0, north: 2.0 }));
        let sq = vec![vec![vec![0.0, 0.0], vec![1.0, 0.0], vec![1.0, 1.0], vec![0.0, 0.0]]];
        let g = Geometry::from_geojson(&gj(G::MultiPolygon(vec![sq.clone(), sq]))).unwrap();
        assert_eq!(g.vertex_count(), 8);
    }

    #[test]
    fn hostile_positions_are_typed_errors() {
        for bad in [
            G::Point(vec![f64::NAN, 0.0]),
            G::Point(vec![0.0, f64::INFINITY]),
            G::Point(vec![181.0, 0.0]),
            G::Point(vec![0.0, -90.5]),
            G::Point(vec![1.0]),
            G::LineString(vec![vec![0.0, 0.0], vec![f64::NEG_INFINITY, 1.0]]),
            G::GeometryCollection(vec![]),
        ] {
            assert!(Geometry::from_geojson(&gj(bad.clone())).is_err(), "{bad:?}");
        }
        let huge = G::LineString(vec![vec![0.0, 0.0]; MAX_VERTICES + 1]);
        assert!(matches!(Geometry::from_geojson(&gj(huge)), Err(TileError::TooManyVertices { .. })));
        assert!(Geometry::Lines(vec![vec![[f64::NAN, 0.0]]]).validate().is_err());
        assert!(Geometry::Points(vec![]).bbox().is_none());
    }
}
