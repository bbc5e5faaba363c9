//! Geometry helpers on WGS84 coordinates: bounding boxes, GeoJSON geometry checks, lengths and
//! point-in-polygon. Coordinates are always `[lon, lat]` in WGS84 (EPSG:4326); GCJ-02 offsets are a
//! display concern and never stored.

use geo::{Contains, Distance, Haversine};
use geojson::{Geometry, Value};
use serde::{Deserialize, Serialize};

/// Most vertices accepted in one geometry (a county boundary has a few thousand).
pub const MAX_VERTICES: usize = 200_000;

/// A bounding box `min_lon, min_lat, max_lon, max_lat`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct BBox {
    /// West edge.
    pub min_lon: f64,
    /// South edge.
    pub min_lat: f64,
    /// East edge.
    pub max_lon: f64,
    /// North edge.
    pub max_lat: f64,
}

impl BBox {
    /// A box around one point.
    pub fn point(lon: f64, lat: f64) -> BBox {
        BBox { min_lon: lon, min_lat: lat, max_lon: lon, max_lat: lat }
    }

    /// Parses `minLon,minLat,maxLon,maxLat` as used in `?bbox=` query strings.
    pub fn parse(s: &str) -> Result<BBox, String> {
        let parts: Vec<&str> = s.split(',').collect();
        if parts.len() != 4 {
            return Err("bbox must be four numbers: minLon,minLat,maxLon,maxLat".into());
        }
        let mut v = [0.0; 4];
        for (i, p) in parts.iter().enumerate() {
            v[i] = p.trim().parse::<f64>().map_err(|_| format!("bbox value {p:?} is not a number"))?;
            if !v[i].is_finite() {
                return Err(format!("bbox value {p:?} is not finite"));
            }
        }
        let b = BBox { min_lon: v[0], min_lat: v[1], max_lon: v[2], max_lat: v[3] };
        if !(-180.0..=180.0).contains(&b.min_lon) || !(-180.0..=180.0).contains(&b.max_lon) {
            return Err("bbox longitudes must be within -180..180".into());
        }
        if !(-90.0..=90.0).contains(&b.min_lat) || !(-90.0..=90.0).contains(&b.max_lat) {
            return Err("bbox latitudes must be within -90..90".into());
        }
        if b.min_lon > b.max_lon || b.min_lat > b.max_lat {
            return Err("bbox minimum must not exceed maximum".into());
        }
        Ok(b)
    }

    /// Grows the box to hold a point.
    pub fn extend(&mut self, lon: f64, lat: f64) {
        self.min_lon = self.min_lon.min(lon);
        self.min_lat = self.min_lat.min(lat);
        self.max_lon = self.max_lon.max(lon);
        self.max_lat = self.max_lat.max(lat);
    }

    /// Whether the point lies in the box (edges included).
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        lon >= self.min_lon && lon <= self.max_lon && lat >= self.min_lat && lat <= self.max_lat
    }
}

/// Every `[lon, lat]` position of a geometry.
fn positions(g: &Value, out: &mut Vec<[f64; 2]>) {
    let mut push =
        |p: &Vec<f64>| out.push([p.first().copied().unwrap_or(f64::NAN), p.get(1).copied().unwrap_or(f64::NAN)]);
    match g {
        Value::Point(p) => push(p),
        Value::MultiPoint(ps) | Value::LineString(ps) => ps.iter().for_each(push),
        Value::MultiLineString(ls) | Value::Polygon(ls) => ls.iter().flatten().for_each(push),
        Value::MultiPolygon(ps) => ps.iter().flatten().flatten().for_each(push),
        Value::GeometryCollection(gs) => {
            for g in gs {
                positions(&g.value, out);
            }
        }
    }
}

/// The bounding box of a geometry, `None` when it has no positions.
pub fn bbox_of(g: &Geometry) -> Option<BBox> {
    let mut ps = Vec::new();
    positions(&g.value, &mut ps);
    let first = ps.first()?;
    let mut b = BBox::point(first[0], first[1]);
    for p in &ps {
        b.extend(p[0], p[1]);
    }
    Some(b)
}

/// The geometry kinds a field accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// LineString or MultiLineString.
    Line,
    /// Polygon or MultiPolygon.
    Area,
}

/// Checks a geometry's kind and coordinates; returns the reason it is refused.
pub fn check_geometry(g: &Geometry, shape: Shape) -> Result<(), String> {
    let ok_kind = matches!(
        (&g.value, shape),
        (Value::LineString(_) | Value::MultiLineString(_), Shape::Line)
            | (Value::Polygon(_) | Value::MultiPolygon(_), Shape::Area)
    );
    if !ok_kind {
        let want = match shape {
            Shape::Line => "LineString or MultiLineString",
            Shape::Area => "Polygon or MultiPolygon",
        };
        return Err(format!("geometry must be a {want}, got {}", g.value.type_name()));
    }
    let mut ps = Vec::new();
    positions(&g.value, &mut ps);
    if ps.len() > MAX_VERTICES {
        return Err(format!("geometry has {} vertices, more than {MAX_VERTICES}", ps.len()));
    }
    if ps.len() < 2 {
        return Err("geometry has fewer than two positions".into());
    }
    for p in &ps {
        if !p[0].is_finite() || !p[1].is_finite() || p[0].abs() > 180.0 || p[1].abs() > 90.0 {
            return Err(format!("position [{}, {}] is not a WGS84 longitude/latitude", p[0], p[1]));
        }
    }
    let rings: Vec<&Vec<Vec<f64>>> = match &g.value {
        Value::Polygon(rs) => rs.iter().collect(),
        Value::MultiPolygon(ps) => ps.iter().flatten().collect(),
        _ => Vec::new(),
    };
    for r in rings {
        if r.len() < 4 || r.first() != r.last() {
            return Err("polygon rings must be closed and have at least four positions".into());
        }
    }
    Ok(())
}

/// Length of a line geometry in metres (haversine).
pub fn length_m(g: &Geometry) -> f64 {
    let line_len = |ps: &Vec<Vec<f64>>| -> f64 {
        ps.windows(2)
            .map(|w| Haversine.distance(geo::Point::new(w[0][0], w[0][1]), geo::Point::new(w[1][0], w[1][1])))
            .sum()
    };
    match &g.value {
        Value::LineString(ps) => line_len(ps),
        Value::MultiLineString(ls) => ls.iter().map(line_len).sum(),
        _ => 0.0,
    }
}

/// Distance in metres between two points (haversine).
pub fn distance_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    Haversine.distance(geo::Point::new(a.0, a.1), geo::Point::new(b.0, b.1))
}

/// An area geometry prepared for point-in-polygon tests.
#[derive(Debug, Clone)]
pub struct Area {
    shape: geo::MultiPolygon<f64>,
    bbox: BBox,
}

impl Area {
    /// Prepares a Polygon or MultiPolygon; `None` for other kinds.
    pub fn new(g: &Geometry) -> Option<Area> {
        let shape: geo::Geometry<f64> = g.clone().try_into().ok()?;
        let shape = match shape {
            geo::Geometry::Polygon(p) => geo::MultiPolygon(vec![p]),
            geo::Geometry::MultiPolygon(m) => m,
            _ => return None,
        };
        Some(Area { shape, bbox: bbox_of(g)? })
    }

    /// Whether the point lies inside.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        self.bbox.contains(lon, lat) && self.shape.contains(&geo::Point::new(lon, lat))
    }
}

/// The representative point of an area or line (the centroid), for records that need one point.
pub fn centroid(g: &Geometry) -> Option<(f64, f64)> {
    use geo::Centroid;
    let shape: geo::Geometry<f64> = g.clone().try_into().ok()?;
    shape.centroid().map(|p| (p.x(), p.y()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Geometry {
        Geometry::new(Value::Polygon(vec![vec![
            vec![0.0, 0.0],
            vec![1.0, 0.0],
            vec![1.0, 1.0],
            vec![0.0, 1.0],
            vec![0.0, 0.0],
        ]]))
    }

    #[test]
    fn bbox_parse_rejects_bad_input() {
        assert!(BBox::parse("1,2,3").is_err());
        assert!(BBox::parse("a,2,3,4").is_err());
        assert!(BBox::parse("3,2,1,4").is_err());
        assert!(BBox::parse("-181,0,0,1").is_err());
        assert_eq!(BBox::parse("-71.2,42.3,-71.0,42.4").unwrap().max_lat, 42.4);
    }

    #[test]
    fn area_contains_and_rejects() {
        let a = Area::new(&square()).unwrap();
        assert!(a.contains(0.5, 0.5));
        assert!(!a.contains(1.5, 0.5));
    }

    #[test]
    fn geometry_checks_name_the_problem() {
        assert!(check_geometry(&square(), Shape::Area).is_ok());
        assert!(check_geometry(&square(), Shape::Line).unwrap_err().contains("LineString"));
        let open =
            Geometry::new(Value::Polygon(vec![vec![vec![0.0, 0.0], vec![1.0, 0.0], vec![1.0, 1.0], vec![0.0, 1.0]]]));
        assert!(check_geometry(&open, Shape::Area).unwrap_err().contains("closed"));
        let far = Geometry::new(Value::LineString(vec![vec![0.0, 0.0], vec![0.0, 95.0]]));
        assert!(check_geometry(&far, Shape::Line).unwrap_err().contains("WGS84"));
    }

    #[test]
    fn length_of_one_degree_of_latitude() {
        let g = Geometry::new(Value::LineString(vec![vec![0.0, 0.0], vec![0.0, 1.0]]));
        let m = length_m(&g);
        assert!((m - 111_195.0).abs() < 100.0, "{m}");
    }
}
