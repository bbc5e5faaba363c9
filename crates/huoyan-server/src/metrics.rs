//! Prometheus metrics: a request counter and latency histogram per route, rendered at `/metrics`.

use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// The process-wide recorder (installed once; tests start several servers in one process).
pub(crate) fn handle() -> Option<&'static PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let h = PrometheusBuilder::new()
                .set_buckets(&[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0])
                .ok()?
                .install_recorder()
                .ok()?;
            Some(h)
        })
        .as_ref()
}

/// Records each request's route, method, status and duration.
pub(crate) async fn track(req: Request, next: Next) -> Response {
    let start = Instant::now();
    let route =
        req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "unmatched".into());
    let method = req.method().to_string();
    let res = next.run(req).await;
    let status = res.status().as_u16().to_string();
    let labels = [("method", method), ("route", route), ("status", status)];
    metrics::counter!("huoyan_http_requests_total", &labels).increment(1);
    metrics::histogram!("huoyan_http_request_duration_seconds", &labels).record(start.elapsed().as_secs_f64());
    res
}

/// `/metrics`.
pub(crate) async fn render() -> String {
    handle().map(|h| h.render()).unwrap_or_default()
}
