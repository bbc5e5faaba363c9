//! Huoyan's HTTP server, the composition: it merges the platform base's routes (`huoyan-base`:
//! registers, jurisdictions, accounts, map, import/export, dashboard, live stream) with each
//! module's (`huoyan-monitor`, `huoyan-incidents`) under `/api/v1`, composes their OpenAPI
//! document at `/api/v1/openapi.json` ([`openapi`]), serves the vocabularies of all of them
//! (`/api/v1/terms`), Prometheus metrics at `/metrics`, and the console itself: the built
//! single-page app from `web_dir` (default `console/dist`) with every unknown non-API path answered
//! by its `index.html`; without a build, a small landing page. It owns no route logic of its own.
//!
//! Access: every route but health, the OpenAPI document, metrics and the landing page needs a
//! session (`POST /api/v1/auth/login`). The role table in `huoyan_domain::access` decides what kind
//! of access a role has; the store confines every query to the caller's jurisdiction subtree.
//!
//! Entry points: [`app`] builds the router; [`serve`] runs it on a listener until shutdown;
//! [`open_store`] opens a store with every module's tables ([`MODULES`]).

mod headers;
mod metrics;
pub mod openapi;
mod serve;
mod terms;

pub use serve::serve;

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse};
use axum::routing::get;
pub use huoyan_api::{AppState, MetricsAccess, ServerConfig, error, extract, live, throttle};
pub use huoyan_monitor::events::alarm_event;

/// Every module's tables, in the order their migrations run (after the kernel's): what a store
/// of the whole program is opened with ([`open_store`]).
pub const MODULES: &[&huoyan_store::migrate::Schema] = &[&huoyan_monitor::SCHEMA, &huoyan_incidents::SCHEMA];

/// Opens the store with every module's tables, migrating it.
pub async fn open_store(cfg: &huoyan_store::StoreConfig) -> huoyan_store::Result<huoyan_store::Store> {
    huoyan_store::Store::open_with(cfg, MODULES).await
}

/// Opens (creating) the SQLite store in `dir` with every module's tables, migrating it.
pub async fn open_store_dir(dir: &std::path::Path) -> huoyan_store::Result<huoyan_store::Store> {
    huoyan_store::Store::open_dir_with(dir, MODULES).await
}
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

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

pub use huoyan_api::console_dir;

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

/// Builds the road graph in the background (see [`huoyan_roads::RoadNetwork::warm_up`]).
pub fn warm_up(state: &AppState) {
    state.roads.warm_up(state.store.clone());
}

/// Every `/api/v1` route but the uploads: the base's, each module's, and the composition's own.
fn api_router() -> Router<AppState> {
    Router::new()
        .merge(huoyan_base::api_router())
        .merge(huoyan_monitor::routes::router())
        .merge(huoyan_incidents::routes::router())
        .route("/terms", get(terms::terms))
}

/// The whole application.
pub fn app(state: AppState) -> Router {
    metrics::handle();
    let uploads = DefaultBodyLimit::max(state.config.max_upload_bytes);
    let api = api_router()
        .route("/openapi.json", get(openapi_json))
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes));
    let files = huoyan_base::upload_router().layer(uploads);
    let mut app = Router::new()
        .nest("/api/v1", files.merge(api).fallback(not_found))
        .route("/metrics", get(metrics::render))
        .merge(huoyan_base::tiles_router(&state.config))
        .route("/api", get(not_found));
    app = match console_dir(&state.config) {
        Some(dir) => {
            tracing::info!(dir = %dir.display(), "serving the console");
            let spa = tower_http::services::ServeDir::new(&dir)
                .fallback(tower_http::services::ServeFile::new(dir.join("index.html")));
            // The map's label glyphs: a missing range is a 404, never the console's page.
            let glyphs = tower_http::services::ServeDir::new(dir.join(huoyan_api::GLYPHS_DIR));
            app.nest_service("/glyphs", glyphs).fallback_service(spa).layer(axum::middleware::from_fn(immutable_assets))
        }
        None => app.route("/", get(index)).fallback(not_found),
    };
    let headers = headers::SecurityHeaders::new(&state.config);
    app.route("/landing", get(index))
        .layer(axum::middleware::from_fn(huoyan_api::params::drop_empty_query))
        .layer(axum::middleware::from_fn(metrics::track))
        .layer(axum::middleware::from_fn_with_state(headers, headers::add))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(state.config.request_timeout_secs),
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
