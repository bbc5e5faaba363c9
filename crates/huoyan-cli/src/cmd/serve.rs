//! `huoyan serve`: the API and console until Ctrl-C or SIGTERM.

use huoyan_server::AppState;
use huoyan_store::Store;

use crate::Cli;
use crate::config::Config;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Address to listen on (overrides the configuration).
    #[arg(long)]
    pub(crate) listen: Option<String>,
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}

/// Serves `store` on the configured (or given) address.
pub(crate) async fn serve_store(store: Store, cfg: &Config, listen: Option<&str>) -> anyhow::Result<()> {
    let mut server = cfg.server.clone();
    if let Some(l) = listen {
        server.listen = l.to_string();
    }
    let listener = tokio::net::TcpListener::bind(&server.listen)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", server.listen))?;
    let addr = listener.local_addr()?;
    tracing::info!(%addr, backend = ?store.backend(), "serving");
    println!("火眼 Huoyan serving on http://{addr}/  (API: http://{addr}/api/v1/openapi.json; Ctrl-C to stop)");
    huoyan_server::serve(listener, AppState::new(store, server), shutdown_signal()).await?;
    Ok(())
}

pub(crate) async fn run(cli: &Cli, cfg: &Config, a: &Args) -> anyhow::Result<()> {
    let store = super::open(cli, cfg).await?;
    serve_store(store, cfg, a.listen.as_deref()).await
}
