//! Prometheus metrics: a request counter and latency histogram per route, rendered at `/metrics`
//! for the clients the `metrics` setting allows (loopback only by default). Every label has a
//! bounded set of values — the route template (or `unmatched`), the method among the standard ones
//! (else `other`), the status — so strange requests cannot grow the series without end.

use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use huoyan_api::extract::ClientAddr;
use huoyan_api::{AppState, MetricsAccess};
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
    let method = method_label(req.method()).to_owned();
    let res = next.run(req).await;
    let status = res.status().as_u16().to_string();
    let labels = [("method", method), ("route", route), ("status", status)];
    metrics::counter!("huoyan_http_requests_total", &labels).increment(1);
    metrics::histogram!("huoyan_http_request_duration_seconds", &labels).record(start.elapsed().as_secs_f64());
    res
}

/// The method as a label: one of the standard methods, else `other`.
fn method_label(m: &Method) -> &'static str {
    const KNOWN: [Method; 9] = [
        Method::GET,
        Method::HEAD,
        Method::POST,
        Method::PUT,
        Method::PATCH,
        Method::DELETE,
        Method::OPTIONS,
        Method::CONNECT,
        Method::TRACE,
    ];
    KNOWN.iter().find(|k| *k == m).map_or("other", |k| k.as_str())
}

/// `/metrics`, for whom the `metrics` setting allows.
pub(crate) async fn render(
    State(st): State<AppState>,
    ClientAddr(addr): ClientAddr,
) -> Result<String, huoyan_api::error::ApiError> {
    let allowed = match st.config.metrics {
        MetricsAccess::Public => true,
        MetricsAccess::Local => addr.is_some_and(|a| a.is_loopback()),
        MetricsAccess::Off => false,
    };
    if !allowed {
        return Err(huoyan_api::error::ApiError::NotFound("no such route; see /api/v1/openapi.json".into()));
    }
    Ok(handle().map(|h| h.render()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_methods_share_one_label() {
        assert_eq!(method_label(&Method::GET), "GET");
        assert_eq!(method_label(&Method::from_bytes(b"FOOBAR1").unwrap()), "other");
        assert_eq!(method_label(&Method::from_bytes(b"PROPFIND").unwrap()), "other");
    }
}
