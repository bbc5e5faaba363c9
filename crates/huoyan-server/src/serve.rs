//! The HTTP listener: accepts connections and serves each over HTTP/1.1 with limits that keep one
//! client from starving the others or the GB/T 26875 gateway in the same process:
//!
//! - **a connection cap** (`max_connections`): past it, a new connection is closed at once and
//!   counted (`huoyan_http_connections_refused_total`), so idle sockets cannot exhaust the file
//!   descriptors the gateway needs;
//! - **a header-read timeout** (`header_read_timeout_secs`): a client that connects and sends no
//!   complete request head in time — a slow-header attack, or a keep-alive socket left idle — is
//!   disconnected;
//! - each request's own time limit and body limits are layers of the router ([`crate::app`]).
//!
//! The peer's address is recorded on each request (`ConnectInfo`) for the login throttle and the
//! local-only metrics. HTTP/2 is not offered: browsers speak it only over TLS, which a reverse
//! proxy terminates (see `docs/SECURITY.md`).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::sync::{Semaphore, watch};
use tower::ServiceExt;

use crate::AppState;

/// How long shutdown waits for open connections (streams such as the live events never end).
const DRAIN: Duration = Duration::from_secs(5);

/// Resolves once the server is closing (or its sender is gone).
async fn closed(rx: &mut watch::Receiver<bool>) {
    loop {
        if *rx.borrow_and_update() {
            return;
        }
        if rx.changed().await.is_err() {
            return;
        }
    }
}

/// Serves until `shutdown` resolves, then stops accepting, asks open connections to finish and
/// waits for them up to a few seconds.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let max = state.config.max_connections.max(1);
    let header_timeout = Duration::from_secs(state.config.header_read_timeout_secs.max(1));
    let app = crate::app(state);
    let permits = Arc::new(Semaphore::new(max));
    let (closing_tx, closing_rx) = watch::channel(false);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // EMFILE and the like: the process is short of descriptors; back off briefly
                    // rather than spin, and keep serving the connections already open.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            metrics::counter!("huoyan_http_connections_refused_total").increment(1);
            tracing::debug!(%peer, max, "connection refused: at the connection cap");
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let service = TowerToHyperService::new(tower::service_fn(move |mut req: Request<Incoming>| {
            req.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
            app.clone().oneshot(req.map(axum::body::Body::new))
        }));
        let mut closing = closing_rx.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder.timer(TokioTimer::new()).header_read_timeout(header_timeout);
            let conn = builder.serve_connection(TokioIo::new(stream), service).with_upgrades();
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                r = conn.as_mut() => {
                    if let Err(e) = r {
                        tracing::trace!(%peer, error = %e, "connection ended");
                    }
                }
                () = closed(&mut closing) => {
                    conn.as_mut().graceful_shutdown();
                    let _ = tokio::time::timeout(DRAIN, conn).await;
                }
            }
        });
    }
    let _ = closing_tx.send(true);
    drop(listener);
    let _ = tokio::time::timeout(
        DRAIN + Duration::from_secs(1),
        permits.acquire_many(u32::try_from(max).unwrap_or(u32::MAX)),
    )
    .await;
    Ok(())
}
