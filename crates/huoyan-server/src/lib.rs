//! Huoyan's HTTP server: the JSON API under `/api/v1` (records, jurisdictions, accounts, audit,
//! statistics, map features, spreadsheet import/export), its OpenAPI document generated from the
//! code at `/api/v1/openapi.json`, Prometheus metrics at `/metrics`, the live event stream to the
//! console (`/api/v1/events/stream`, see [`live`]) and the console itself: the built single-page
//! app from `web_dir` (default `console/dist`) with every unknown non-API path answered by its
//! `index.html`; without a build, a small landing page.
//!
//! Access: every route but health, the OpenAPI document, metrics and the landing page needs a
//! session (`POST /api/v1/auth/login`). The role table in `huoyan_domain::access` decides what kind
//! of access a role has; the store confines every query to the caller's jurisdiction subtree.
//!
//! Entry points: [`app`] builds the router; [`serve`] runs it on a listener until shutdown.

pub mod error;
pub mod extract;
pub mod live;
mod metrics;
pub mod openapi;
pub mod routes;
pub mod throttle;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use huoyan_store::Store;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

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
    /// The road graph for travel times.
    pub routing: Arc<routes::routing::RoutingCache>,
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
            routing: Arc::default(),
            live: Arc::default(),
            monitor_wake: Arc::default(),
        }
    }
}

const INDEX_HTML: &str = include_str!("../web/index.html");

async fn index() -> Html<&'static str> {
    Html(INDEX_HTML)
}

async fn openapi_json() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], openapi::document_json())
}

async fn not_found() -> error::ApiError {
    error::ApiError::NotFound("no such route; see /api/v1/openapi.json".into())
}

/// The console's directory, when built.
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

/// Hashed build assets never change: browsers may keep them.
async fn immutable_assets(req: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let assets = req.uri().path().starts_with("/assets/");
    let mut res = next.run(req).await;
    if assets && res.status().is_success() {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, header::HeaderValue::from_static("public, max-age=31536000, immutable"));
    }
    res
}

/// The whole application.
/// Builds the road graph in the background, so that the first incident intake or route after a
/// start does not wait for it (reading every road and contracting takes about a second on a county;
/// requests meanwhile wait for the same build). Failures are logged: routes answer them later.
pub fn warm_up(state: &AppState) {
    let st = state.clone();
    tokio::spawn(async move {
        let t = Instant::now();
        match routes::routing::graph(&st).await {
            Ok(g) => {
                tracing::info!(nodes = g.graph().num_nodes(), ms = t.elapsed().as_millis() as u64, "road graph built")
            }
            Err(e) => tracing::info!(error = ?e, "no road graph yet"),
        }
    });
}

pub fn app(state: AppState) -> Router {
    metrics::handle();
    let uploads = DefaultBodyLimit::max(state.config.max_upload_bytes);
    let api = routes::api_router()
        .route("/openapi.json", get(openapi_json))
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes));
    let files = routes::files::router().layer(uploads);
    let mut app = Router::new()
        .nest("/api/v1", files.merge(api).fallback(not_found))
        .route("/metrics", get(metrics::render))
        .merge(routes::tiles::router(&state.config))
        .route("/api", get(not_found));
    app = match console_dir(&state.config) {
        Some(dir) => {
            tracing::info!(dir = %dir.display(), "serving the console");
            let spa = tower_http::services::ServeDir::new(&dir)
                .fallback(tower_http::services::ServeFile::new(dir.join("index.html")));
            app.fallback_service(spa).layer(axum::middleware::from_fn(immutable_assets))
        }
        None => app.route("/", get(index)).fallback(not_found),
    };
    app.route("/landing", get(index))
        .layer(axum::middleware::from_fn(metrics::track))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(state.config.request_timeout_secs),
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Serves until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(state)).with_graceful_shutdown(shutdown).await
}
