//! Huoyan's HTTP server: the JSON API under `/api/v1` (records, jurisdictions, accounts, audit,
//! statistics, map features, spreadsheet import/export), its OpenAPI document generated from the
//! code at `/api/v1/openapi.json`, Prometheus metrics at `/metrics`, and the public landing page.
//!
//! Access: every route but health, the OpenAPI document, metrics and the landing page needs a
//! session (`POST /api/v1/auth/login`). The role table in `huoyan_domain::access` decides what kind
//! of access a role has; the store confines every query to the caller's jurisdiction subtree.
//!
//! Entry points: [`app`] builds the router; [`serve`] runs it on a listener until shutdown.

pub mod error;
pub mod extract;
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
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig { listen: "127.0.0.1:8080".into(), max_body_bytes: 2 * 1024 * 1024, max_upload_bytes: 32 * 1024 * 1024, request_timeout_secs: 60 }
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
}

impl AppState {
    /// State over a store.
    pub fn new(store: Store, config: ServerConfig) -> AppState {
        AppState { store, config: Arc::new(config), started: Instant::now(), logins: Arc::default(), routing: Arc::default() }
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

/// The whole application.
pub fn app(state: AppState) -> Router {
    metrics::handle();
    let uploads = DefaultBodyLimit::max(state.config.max_upload_bytes);
    let api = routes::api_router()
        .route("/openapi.json", get(openapi_json))
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes));
    let files = routes::files::router().layer(uploads);
    Router::new()
        .nest("/api/v1", files.merge(api))
        .route("/", get(index))
        .route("/metrics", get(metrics::render))
        .fallback(not_found)
        .layer(axum::middleware::from_fn(metrics::track))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(state.config.request_timeout_secs)))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Serves until `shutdown` resolves.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
    axum::serve(listener, app(state)).with_graceful_shutdown(shutdown).await
}
