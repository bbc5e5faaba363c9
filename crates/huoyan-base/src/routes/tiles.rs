//! The base map as Mapbox vector tiles, served from the store so the console needs no tile server
//! and no internet: `GET /tiles/{z}/{x}/{y}.mvt` (outside `/api/v1`, as map clients expect) and
//! its description `GET /api/v1/map/config`.
//!
//! - **Access**: a login (bearer token or the console's `huoyan_session` cookie) and `Map` read.
//!   Roads, buildings and boundaries are not secret beyond that, so tiles are not confined to the
//!   caller's jurisdiction and one cache serves everybody.
//! - **Content**: the layers of `huoyan_tiles::basemap` (roads by class from z10–14, buildings
//!   from z14, jurisdiction boundaries; no water bodies are stored yet, so no `water` layer) for
//!   zooms 10–18. Zooms 0–9 and 19–22 are valid but empty; z > 22, negative or non-numeric parts
//!   and a missing `.mvt` are 400; x or y ≥ 2^z name no tile: 404.
//! - **Cache**: an LRU of encoded tiles bounded in bytes (`tile_cache_bytes`, 0 = off), emptied
//!   when the store's roads, buildings or jurisdictions change (a version read per request).
//! - **HTTP**: `Content-Type: application/vnd.mapbox-vector-tile`, a weak ETag of the bytes with
//!   `If-None-Match` → 304, `Cache-Control: private, max-age=60`. A tile with nothing in it is
//!   **204 No Content** (MapLibre draws it as empty). gzip comes from the server's
//!   `CompressionLayer`, whose default predicate compresses this content type.

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Json, Router};
use huoyan_domain::access::{Action, Resource};
use huoyan_domain::geometry::BBox;
use huoyan_domain::{JurisdictionLevel, RoadClass};
use huoyan_store::Store;
use huoyan_tiles::basemap::{self, LAYERS};
use huoyan_tiles::cache::ByteLru;
use huoyan_tiles::{Geometry, TileBuilder, TileError, TileId, Value};
use serde::Serialize;

use huoyan_api::error::{ApiError, ApiResult};
use huoyan_api::extract::Auth;
use huoyan_api::{AppState, ServerConfig};

/// The media type of a vector tile.
pub(crate) const MVT: &str = "application/vnd.mapbox-vector-tile";
/// How long a browser may use a tile before revalidating it with its ETag.
pub(crate) const MAX_AGE_SECS: u32 = 60;
/// The tile URL template given to clients.
pub(crate) const TEMPLATE: &str = "/tiles/{z}/{x}/{y}.mvt";

/// Attribution by the prefix of the records' source references, when not configured.
const SOURCES: &[(&str, &str)] = &[
    ("osm:", "© OpenStreetMap contributors (ODbL 1.0)"),
    ("cambridge-", "City of Cambridge, MA GIS (public domain, PDDL 1.0)"),
];

/// An encoded tile and its ETag.
#[derive(Debug)]
pub(crate) struct Tile {
    bytes: axum::body::Bytes,
    etag: String,
}

impl Tile {
    fn new(bytes: Vec<u8>) -> Tile {
        // FNV-1a: a stable 64-bit digest of the bytes (a validator, not a security measure).
        let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ *b as u64).wrapping_mul(0x100_0000_01b3));
        Tile { etag: format!("W/\"{hash:016x}-{}\"", bytes.len()), bytes: bytes.into() }
    }
}

/// The tile cache: encoded tiles of one data version.
pub(crate) struct TileCache {
    inner: Mutex<(String, ByteLru<TileId, Arc<Tile>>)>,
}

impl TileCache {
    /// A cache of at most `bytes` (0: nothing is kept).
    pub(crate) fn new(bytes: usize) -> TileCache {
        TileCache { inner: Mutex::new((String::new(), ByteLru::new(bytes))) }
    }

    fn get(&self, version: &str, id: TileId) -> Option<Arc<Tile>> {
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if g.0 != version {
            g.1.clear();
            g.0 = version.to_string();
            return None;
        }
        g.1.get(&id).cloned()
    }

    fn put(&self, version: &str, id: TileId, t: Arc<Tile>) {
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        // A tile made from data older than the cache's is not kept.
        if g.0 == version {
            let size = t.bytes.len();
            g.1.insert(id, t, size);
        }
    }
}

/// `/tiles/…`, with its cache (merged at the top level, not under `/api/v1`).
pub(crate) fn router(config: &ServerConfig) -> Router<AppState> {
    let cache = Arc::new(TileCache::new(config.tile_cache_bytes));
    Router::new().route("/tiles/{*path}", get(tile)).layer(Extension(cache))
}

/// `/map/config` (merged under `/api/v1`).
pub(crate) fn api_router() -> Router<AppState> {
    Router::new().route("/map/config", get(map_config))
}

/// A path that is not a tile is malformed (400); a well-formed one whose x or y is outside its
/// zoom's grid names no tile (404): the document's schema cannot tie x and y to z.
fn bad(e: TileError) -> ApiError {
    let msg = format!("{e}; tiles are {TEMPLATE} with z ≤ {}", huoyan_tiles::tile::MAX_ZOOM);
    match e {
        TileError::TileOutOfRange { .. } => ApiError::NotFound(msg),
        _ => ApiError::BadRequest(msg),
    }
}

async fn tile(
    State(st): State<AppState>,
    Extension(cache): Extension<Arc<TileCache>>,
    auth: Auth,
    uri: Uri,
    headers: HeaderMap,
) -> ApiResult<Response> {
    auth.require(Resource::Map, Action::Read)?;
    let path = uri.path().strip_prefix("/tiles/").unwrap_or_default();
    let id = TileId::parse_path(path).map_err(bad)?;
    let version = st.store.tiles_version().await?;
    let t = match cache.get(&version, id) {
        Some(t) => t,
        None => {
            let t = Arc::new(render(&st.store, id).await?);
            cache.put(&version, id, t.clone());
            t
        }
    };
    Ok(respond(&t, &headers))
}

/// Whether `If-None-Match` names the tile's ETag (weak comparison, as for GET).
fn not_modified(headers: &HeaderMap, etag: &str) -> bool {
    let bare = |s: &str| s.trim().trim_start_matches("W/").to_string();
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| tag.trim() == "*" || bare(tag) == bare(etag))
}

fn respond(t: &Tile, headers: &HeaderMap) -> Response {
    let status = if not_modified(headers, &t.etag) {
        StatusCode::NOT_MODIFIED
    } else if t.bytes.is_empty() {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::OK
    };
    let mut res =
        if status == StatusCode::OK { Body::from(t.bytes.clone()).into_response() } else { status.into_response() };
    *res.status_mut() = status;
    let h = res.headers_mut();
    if status == StatusCode::OK {
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(MVT));
    }
    if let Ok(v) = HeaderValue::from_str(&t.etag) {
        h.insert(header::ETAG, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!("private, max-age={MAX_AGE_SECS}")) {
        h.insert(header::CACHE_CONTROL, v);
    }
    res
}

/// Reads what reaches the tile and encodes it (the CPU part off the async workers).
async fn render(store: &Store, id: TileId) -> ApiResult<Tile> {
    if !basemap::in_range(id.z) {
        return Ok(Tile::new(Vec::new()));
    }
    let mut b = TileBuilder::new(id, basemap::options(id.z)).map_err(|e| ApiError::Internal(e.to_string()))?;
    let r = b.reach();
    let bbox = BBox { min_lon: r.west, min_lat: r.south, max_lon: r.east, max_lat: r.north };
    let classes = basemap::road_classes_at(id.z);
    let codes: Vec<&str> =
        if classes.len() == RoadClass::ALL.len() { vec![] } else { classes.iter().map(|c| c.code()).collect() };
    let roads = store.tile_roads(&bbox, &codes).await?;
    let buildings = if id.z >= basemap::BUILDINGS_MIN_ZOOM { store.tile_buildings(&bbox).await? } else { vec![] };
    let boundaries = store.tile_boundaries(&bbox).await?;
    let task = tokio::task::spawn_blocking(move || {
        for l in LAYERS {
            b.layer(l.id);
        }
        let mut skipped = Vec::new();
        let mut add = |layer: &str, rid: i64, g: &geojson::Geometry, props: &[(&str, Value)]| {
            let r = Geometry::from_geojson(g).and_then(|g| b.add(layer, u64::try_from(rid).ok(), &g, props));
            if let Err(e) = r {
                skipped.push(format!("{layer} {rid}: {e}"));
            }
        };
        for x in &buildings {
            let mut props = vec![("name", Value::String(x.name.clone()))];
            if let Some(f) = x.floors {
                props.push(("floors", Value::Int(f)));
            }
            add(basemap::BUILDINGS, x.id, &x.footprint, &props);
        }
        for x in &roads {
            add(
                basemap::ROADS,
                x.id,
                &x.geometry,
                &[
                    ("class", Value::String(x.class.clone())),
                    ("name", Value::String(x.name.clone())),
                    ("oneway", Value::Int(x.oneway)),
                ],
            );
        }
        for x in &boundaries {
            add(
                basemap::BOUNDARIES,
                x.id,
                &x.boundary,
                &[
                    ("id", Value::Int(x.id)),
                    ("name", Value::String(x.name.clone())),
                    ("level", Value::String(x.level.clone())),
                ],
            );
        }
        if !skipped.is_empty() {
            tracing::warn!(tile = %id, count = skipped.len(), first = %skipped[0], "features left out of a tile");
        }
        Tile::new(b.finish())
    });
    task.await.map_err(|e| ApiError::Internal(format!("rendering tile {id}: {e}")))
}

/// A class code (road class, jurisdiction level) with its term and the zoom it appears from.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct CodeInfo {
    /// The code (`class` of `roads`, `level` of `boundaries`).
    pub code: &'static str,
    /// Chinese term.
    pub zh: &'static str,
    /// First zoom with features of this code.
    pub minzoom: u8,
}

/// A source layer of the tiles.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct MapLayer {
    /// Source-layer name.
    pub id: &'static str,
    /// Chinese name for the legend.
    pub zh: &'static str,
    /// `line` or `polygon`.
    pub geometry: &'static str,
    /// First zoom with features.
    pub minzoom: u8,
    /// Property name → meaning.
    pub fields: std::collections::BTreeMap<&'static str, &'static str>,
    /// For `roads`: the classes; for `boundaries`: the level codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub classes: Vec<CodeInfo>,
}

/// How the console draws the base map.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct MapConfig {
    /// Tile URL template on this server (prefix the page's origin where an absolute URL is needed).
    pub tiles: &'static str,
    /// First zoom with tiles.
    pub minzoom: u8,
    /// Deepest zoom with tiles; clients over-zoom beyond.
    pub maxzoom: u8,
    /// The source layers.
    pub layers: Vec<MapLayer>,
    /// An external raster XYZ URL to draw instead (e.g. 天地图 with its key), from the server's
    /// `tile_url` setting; `null` when not configured.
    pub external_raster: Option<String>,
    /// MapLibre's glyph URL template for the labels (street and place names), served by huoyan
    /// from the console's build (`/glyphs/{fontstack}/{range}.pbf`, Latin and full-width forms;
    /// Chinese is drawn with the browser's fonts); `null` when the console was built without them.
    pub glyphs: Option<&'static str>,
    /// The font stack to name in the style's `text-font`.
    pub fontstack: &'static str,
    /// Data credits the map must show (the `tile_attribution` setting, else derived from the
    /// sources of the stored records, e.g. OpenStreetMap's ODbL credit after an OSM import).
    pub attribution: String,
    /// Initial view centre `[lon, lat]`; `null` when the store holds no geography.
    pub center: Option<Vec<f64>>,
    /// Initial view `[west, south, east, north]`: the caller's jurisdiction boundary, else the
    /// roots', else the roads'; `null` when the store holds no geography.
    pub bounds: Option<Vec<f64>>,
}

async fn map_config(State(st): State<AppState>, auth: Auth) -> ApiResult<Json<MapConfig>> {
    let p = auth.require(Resource::Map, Action::Read)?;
    let extent = st.store.map_extent(Some(p.jurisdiction_id).filter(|j| *j > 0)).await?;
    let attribution = if st.config.tile_attribution.is_empty() {
        let mut parts = Vec::new();
        for (prefix, text) in SOURCES {
            if st.store.has_source(prefix).await? {
                parts.push(*text);
            }
        }
        parts.join(" · ")
    } else {
        st.config.tile_attribution.clone()
    };
    let layers = LAYERS
        .iter()
        .map(|l| MapLayer {
            id: l.id,
            zh: l.zh,
            geometry: l.geometry,
            minzoom: l.minzoom,
            fields: l.fields.iter().copied().collect(),
            classes: match l.id {
                basemap::ROADS => RoadClass::ALL
                    .iter()
                    .map(|c| CodeInfo { code: c.code(), zh: c.zh(), minzoom: basemap::road_min_zoom(*c) })
                    .collect(),
                basemap::BOUNDARIES => JurisdictionLevel::ALL
                    .iter()
                    .map(|c| CodeInfo { code: c.code(), zh: c.zh(), minzoom: l.minzoom })
                    .collect(),
                _ => vec![],
            },
        })
        .collect();
    Ok(Json(MapConfig {
        tiles: TEMPLATE,
        minzoom: basemap::MIN_ZOOM,
        maxzoom: basemap::MAX_ZOOM,
        layers,
        external_raster: Some(st.config.tile_url.clone()).filter(|u| !u.trim().is_empty()),
        glyphs: huoyan_api::glyphs_url(&st.config),
        fontstack: huoyan_api::GLYPH_FONTSTACK,
        attribution,
        center: extent.map(|b| vec![(b.min_lon + b.max_lon) / 2.0, (b.min_lat + b.max_lat) / 2.0]),
        bounds: extent.map(|b| vec![b.min_lon, b.min_lat, b.max_lon, b.max_lat]),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_and_if_none_match() {
        let t = Tile::new(vec![1, 2, 3]);
        assert!(t.etag.starts_with("W/\"") && t.etag.ends_with("-3\""));
        assert_ne!(t.etag, Tile::new(vec![1, 2, 4]).etag);
        let mut h = HeaderMap::new();
        assert!(!not_modified(&h, &t.etag));
        h.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_str(&format!("\"x\", {}", t.etag.trim_start_matches("W/"))).unwrap(),
        );
        assert!(not_modified(&h, &t.etag));
        assert_eq!(respond(&t, &h).status(), StatusCode::NOT_MODIFIED);
        assert_eq!(respond(&Tile::new(vec![]), &HeaderMap::new()).status(), StatusCode::NO_CONTENT);
        let ok = respond(&t, &HeaderMap::new());
        assert_eq!((ok.status(), ok.headers()[header::CONTENT_TYPE].to_str().unwrap()), (StatusCode::OK, MVT));
    }

    #[test]
    fn the_cache_forgets_older_versions() {
        let c = TileCache::new(1 << 20);
        let id = TileId::new(12, 1, 1).unwrap();
        assert!(c.get("v1", id).is_none());
        c.put("v1", id, Arc::new(Tile::new(vec![1])));
        assert!(c.get("v1", id).is_some());
        assert!(c.get("v2", id).is_none(), "a new version empties the cache");
        c.put("v1", id, Arc::new(Tile::new(vec![1])));
        assert!(c.get("v2", id).is_none(), "a tile of an old version is not kept");
    }
}
