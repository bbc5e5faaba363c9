//! Huoyan's HTTP kernel: what every module's routes share. [`AppState`] (the store, settings, the
//! road-network service, the live bus), the authenticated caller ([`extract::Auth`]) and JSON
//! bodies ([`extract::JsonBody`]), the error every handler answers with ([`error::ApiError`], a
//! stable code the console translates), path ids and list parameters ([`params`]), the live event
//! bus to consoles ([`live`]) and the login throttle ([`throttle`]).
//!
//! Module crates (`huoyan-incidents`, …) build their `router()` on these; `huoyan-server` merges
//! the routers and serves them. Not here: any module's routes or tables.

pub mod error;
pub mod extract;
pub mod live;
pub mod openapi;
pub mod params;
pub mod throttle;

use std::sync::Arc;
use std::time::Instant;

use huoyan_store::Store;

/// Limits and settings of the HTTP server.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerConfig {
    /// Address to listen on.
    pub listen: String,
    /// Largest JSON body accepted, bytes.
    pub max_body_bytes: usize,
    /// Largest spreadsheet upload accepted, bytes.
    pub max_upload_bytes: usize,
    /// Requests taking longer are answered 408.
    pub request_timeout_secs: u64,
    /// The built console (`npm run build` in `console/`). Empty: `console/dist` when it exists
    /// in the working directory or beside the program, else only the landing page.
    pub web_dir: String,
    /// An external raster base map for the console instead of Huoyan's own vector tiles: an XYZ
    /// URL template, e.g. 天地图 `https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=<key>`.
    /// Empty: none (`external_raster` is null in `/api/v1/map/config`).
    pub tile_url: String,
    /// The map's attribution text. Empty: derived from the stored data's sources (OpenStreetMap's
    /// ODbL credit after an OSM import, the City of Cambridge for the demo). Set it when using
    /// `tile_url` (e.g. `天地图 © 国家地理信息公共服务平台`).
    pub tile_attribution: String,
    /// Memory for cached vector tiles, bytes (0: no cache, every tile is made on request).
    pub tile_cache_bytes: usize,
    /// Open HTTP connections at most; further ones are closed at once (counted in
    /// `huoyan_http_connections_refused_total`), so idle or slow clients cannot take the file
    /// descriptors the GB/T 26875 gateway shares with the HTTP server.
    pub max_connections: usize,
    /// A client must send a request's headers within this many seconds of connecting or of its
    /// previous answer, else the connection is closed (slow-header and idle sockets).
    pub header_read_timeout_secs: u64,
    /// Who may read `/metrics`: `local` (loopback addresses only, the default), `public`, or `off`.
    pub metrics: MetricsAccess,
    /// Mark the session cookie `Secure` on every login (set when the console is served over HTTPS;
    /// a proxy's `X-Forwarded-Proto: https` also sets it per request).
    pub secure_cookies: bool,
}

/// Who may read the Prometheus metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MetricsAccess {
    /// Anybody who can reach the port.
    Public,
    /// Only clients on the loopback interface (a Prometheus on the same host).
    #[default]
    Local,
    /// Not served (404).
    Off,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            listen: "127.0.0.1:8080".into(),
            max_body_bytes: 2 * 1024 * 1024,
            max_upload_bytes: 32 * 1024 * 1024,
            request_timeout_secs: 60,
            web_dir: String::new(),
            tile_url: String::new(),
            tile_attribution: String::new(),
            tile_cache_bytes: 64 * 1024 * 1024,
            max_connections: 512,
            header_read_timeout_secs: 10,
            metrics: MetricsAccess::Local,
            secure_cookies: false,
        }
    }
}

/// Shared state of the handlers.
#[derive(Clone)]
pub struct AppState {
    /// The store.
    pub store: Store,
    /// Settings.
    pub config: Arc<ServerConfig>,
    /// When the server started.
    pub started: Instant,
    /// Failed-login counts.
    pub logins: Arc<throttle::LoginGuard>,
    /// The road-network service (travel times by road).
    pub roads: Arc<huoyan_roads::RoadNetwork>,
    /// Events pushed to consoles.
    pub live: Arc<live::LiveBus>,
    /// Notified after sensor readings were stored: the alarm engine shares it
    /// (`huoyan_monitor::Engine::with_wake`) and evaluates them at once.
    pub monitor_wake: Arc<tokio::sync::Notify>,
}

impl AppState {
    /// State over a store.
    pub fn new(store: Store, config: ServerConfig) -> AppState {
        AppState {
            store,
            config: Arc::new(config),
            started: Instant::now(),
            logins: Arc::default(),
            roads: Arc::default(),
            live: Arc::default(),
            monitor_wake: Arc::default(),
        }
    }
}

/// The console's directory, when built: `web_dir`, else `console/dist` in the working directory
/// or beside the program, else `share/huoyan/console` of its prefix.
pub fn console_dir(config: &ServerConfig) -> Option<std::path::PathBuf> {
    let mut candidates = Vec::new();
    if !config.web_dir.is_empty() {
        candidates.push(std::path::PathBuf::from(&config.web_dir));
    } else {
        candidates.push(std::path::PathBuf::from("console/dist"));
        if let Ok(exe) = std::env::current_exe() {
            // target/release/huoyan → the repository's console/dist; /usr/bin/huoyan → /usr/share/huoyan/console.
            for up in exe.ancestors().skip(1).take(3) {
                candidates.push(up.join("console/dist"));
            }
            if let Some(prefix) = exe.ancestors().nth(2) {
                candidates.push(prefix.join("share/huoyan/console"));
            }
        }
    }
    candidates.into_iter().find(|d| d.join("index.html").is_file())
}

/// The directory of the map's label glyphs inside the console's (`huoyan-glyphs` writes it at
/// build time; `scripts/build-console.sh`).
pub const GLYPHS_DIR: &str = "glyphs";

/// The font stack the glyphs are made as.
pub const GLYPH_FONTSTACK: &str = "huoyan-sans";

/// The glyph URL template for MapLibre when the console has its glyphs, else `None`.
pub fn glyphs_url(config: &ServerConfig) -> Option<&'static str> {
    let dir = console_dir(config)?;
    dir.join(GLYPHS_DIR).join(GLYPH_FONTSTACK).join("0-255.pbf").is_file().then_some("/glyphs/{fontstack}/{range}.pbf")
}
