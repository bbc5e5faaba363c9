//! What the vector-tile route reads: roads, buildings and jurisdiction boundaries whose bounding
//! box overlaps a box, with only the columns a tile draws (the geometry and a few properties pulled
//! out of the JSON document by the database), a version string that changes whenever any of them
//! changes (for the tile cache), the extent of the data (for the map's initial view), and whether
//! records from a source (`osm:…`) are present (for the attribution).
//!
//! Base-map data is shared by every logged-in account, so none of this is confined to a scope.

use geojson::Geometry;
use huoyan_domain::geometry::BBox;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::query::{Arg, Where, bind_all};
use crate::{Backend, Result, Store, StoreError};

/// Most rows one layer of one tile reads (a tile with more is drawn with the first ones).
pub const MAX_ROWS: i64 = 200_000;

/// A road as a tile draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct TileRoad {
    /// Record id.
    pub id: i64,
    /// Road class code (`primary` …).
    pub class: String,
    /// Street name.
    pub name: String,
    /// 0 both ways, 1 along the line, −1 against it.
    pub oneway: i64,
    /// The centre line.
    pub geometry: Geometry,
}

/// A building as a tile draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct TileBuilding {
    /// Record id.
    pub id: i64,
    /// Name, may be empty.
    pub name: String,
    /// Floors above ground, when known.
    pub floors: Option<i64>,
    /// The footprint.
    pub footprint: Geometry,
}

/// A jurisdiction boundary as a tile draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct TileBoundary {
    /// Jurisdiction id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Level code (`city`, `township` …).
    pub level: String,
    /// The boundary.
    pub boundary: Geometry,
}

/// `doc`'s member `key` as text (objects as JSON) on each backend.
fn member(backend: Backend, key: &str) -> String {
    match backend {
        Backend::Sqlite => format!("json_extract(doc, '$.{key}')"),
        Backend::Postgres => format!("(doc->'{key}')::text"),
    }
}

/// `doc`'s integer member `key`.
fn int_member(backend: Backend, key: &str) -> String {
    match backend {
        Backend::Sqlite => format!("CAST(json_extract(doc, '$.{key}') AS BIGINT)"),
        Backend::Postgres => format!("CAST(doc->>'{key}' AS BIGINT)"),
    }
}

fn geometry(table: &'static str, id: i64, text: Option<String>) -> Result<Geometry> {
    let text = text.ok_or_else(|| StoreError::Corrupt { table, id, reason: "no geometry".into() })?;
    serde_json::from_str(&text).map_err(|e| StoreError::Corrupt { table, id, reason: format!("geometry: {e}") })
}

impl Store {
    /// The WHERE clause of a bounding-box overlap on a record table.
    fn bbox_where(&self, table: &str, b: &BBox) -> Where {
        let mut w = Where::default();
        let n = w.next();
        w.push(
            self.backend.bbox_overlap(table, n),
            vec![Arg::F(b.min_lon), Arg::F(b.min_lat), Arg::F(b.max_lon), Arg::F(b.max_lat)],
        );
        w
    }

    /// Roads of the given class codes (all when empty) overlapping `b`.
    pub async fn tile_roads(&self, b: &BBox, classes: &[&str]) -> Result<Vec<TileRoad>> {
        let mut w = self.bbox_where("roads", b);
        if !classes.is_empty() {
            let n = w.next();
            let ph: Vec<String> = (0..classes.len()).map(|i| format!("${}", n + i)).collect();
            w.push(format!("kind IN ({})", ph.join(", ")), classes.iter().map(|c| Arg::T(c.to_string())).collect());
        }
        let sql = format!(
            "SELECT id, kind, name, {}, {} FROM roads{} ORDER BY id LIMIT {MAX_ROWS}",
            int_member(self.backend, "oneway"),
            member(self.backend, "geometry"),
            w.sql()
        );
        let rows = bind_all(crate::dynq(&sql), &w.args).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r: &AnyRow| {
                let id: i64 = r.try_get(0)?;
                Ok(TileRoad {
                    id,
                    class: r.try_get::<Option<String>, _>(1)?.unwrap_or_default(),
                    name: r.try_get(2)?,
                    oneway: r.try_get::<Option<i64>, _>(3)?.unwrap_or(0),
                    geometry: geometry("roads", id, r.try_get(4)?)?,
                })
            })
            .collect()
    }

    /// Buildings overlapping `b`.
    pub async fn tile_buildings(&self, b: &BBox) -> Result<Vec<TileBuilding>> {
        let w = self.bbox_where("buildings", b);
        let sql = format!(
            "SELECT id, name, {}, {} FROM buildings{} ORDER BY id LIMIT {MAX_ROWS}",
            int_member(self.backend, "floors"),
            member(self.backend, "footprint"),
            w.sql()
        );
        let rows = bind_all(crate::dynq(&sql), &w.args).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r: &AnyRow| {
                let id: i64 = r.try_get(0)?;
                Ok(TileBuilding {
                    id,
                    name: r.try_get(1)?,
                    floors: r.try_get(2)?,
                    footprint: geometry("buildings", id, r.try_get(3)?)?,
                })
            })
            .collect()
    }

    /// Jurisdictions with a boundary overlapping `b`, every level.
    pub async fn tile_boundaries(&self, b: &BBox) -> Result<Vec<TileBoundary>> {
        let sql = format!(
            "SELECT id, name, level, {} FROM jurisdictions WHERE boundary IS NOT NULL \
             AND min_lon <= $3 AND max_lon >= $1 AND min_lat <= $4 AND max_lat >= $2 ORDER BY id LIMIT {MAX_ROWS}",
            self.backend.json_col("boundary")
        );
        let rows = crate::dynq(&sql)
            .bind(b.min_lon)
            .bind(b.min_lat)
            .bind(b.max_lon)
            .bind(b.max_lat)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r: &AnyRow| {
                let id: i64 = r.try_get(0)?;
                Ok(TileBoundary {
                    id,
                    name: r.try_get(1)?,
                    level: r.try_get(2)?,
                    boundary: geometry("jurisdictions", id, r.try_get(3)?)?,
                })
            })
            .collect()
    }

    /// A string that changes whenever a road, building or jurisdiction is created, changed or
    /// deleted: per table the row count, the latest `updated_at` and the highest id (ids are never
    /// reused, so a delete plus an insert still changes it). One statement.
    pub async fn tiles_version(&self) -> Result<String> {
        let parts: Vec<String> = ["roads", "buildings", "jurisdictions"]
            .iter()
            .map(|t| {
                format!("(SELECT COUNT(*) FROM {t}), (SELECT MAX(updated_at) FROM {t}), (SELECT MAX(id) FROM {t})")
            })
            .collect();
        let row = crate::dynq(format!("SELECT {}", parts.join(", "))).fetch_one(&self.pool).await?;
        let mut v = String::new();
        for t in 0..3 {
            let n: i64 = row.try_get(t * 3)?;
            let at: Option<String> = row.try_get(t * 3 + 1)?;
            let id: Option<i64> = row.try_get(t * 3 + 2)?;
            v.push_str(&format!("{n}/{}/{};", at.unwrap_or_default(), id.unwrap_or(0)));
        }
        Ok(v)
    }

    /// The box of the base map for an initial view: the boundary of `jurisdiction` if it has one,
    /// else of the roots together, else of all roads; `None` for an empty store.
    pub async fn map_extent(&self, jurisdiction: Option<i64>) -> Result<Option<BBox>> {
        let cols = "MIN(min_lon), MIN(min_lat), MAX(max_lon), MAX(max_lat)";
        let mut candidates = Vec::new();
        if let Some(j) = jurisdiction {
            candidates
                .push((format!("SELECT {cols} FROM jurisdictions WHERE id = $1 AND min_lon IS NOT NULL"), Some(j)));
        }
        candidates
            .push((format!("SELECT {cols} FROM jurisdictions WHERE parent_id IS NULL AND min_lon IS NOT NULL"), None));
        candidates.push((format!("SELECT {cols} FROM roads WHERE min_lon IS NOT NULL"), None));
        for (sql, arg) in candidates {
            let mut q = crate::dynq(&sql);
            if let Some(a) = arg {
                q = q.bind(a);
            }
            let row = q.fetch_one(&self.pool).await?;
            let v: [Option<f64>; 4] = [row.try_get(0)?, row.try_get(1)?, row.try_get(2)?, row.try_get(3)?];
            if let [Some(min_lon), Some(min_lat), Some(max_lon), Some(max_lat)] = v {
                return Ok(Some(BBox { min_lon, min_lat, max_lon, max_lat }));
            }
        }
        Ok(None)
    }

    /// Whether any road, building, station or water source came from a source whose references
    /// start with `prefix` (e.g. `osm:` for OpenStreetMap imports).
    pub async fn has_source(&self, prefix: &str) -> Result<bool> {
        let like = format!("{}%", crate::query::escape_like(prefix));
        for t in ["roads", "buildings", "stations", "water_sources"] {
            let row = crate::dynq(format!("SELECT 1 FROM {t} WHERE code LIKE $1 ESCAPE '\\' LIMIT 1"))
                .bind(like.as_str())
                .fetch_optional(&self.pool)
                .await?;
            if row.is_some() {
                return Ok(true);
            }
        }
        Ok(false)
    }
}
