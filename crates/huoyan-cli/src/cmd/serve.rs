//! `huoyan serve`: the API, the console and the monitoring centre (GB/T 26875.3 gateway, MQTT
//! sensor ingestion, alarm engine, webhook) until Ctrl-C or SIGTERM.

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

/// Serves `store` on the configured (or given) address with the monitoring centre; runs the
/// UITD simulator against the gateway when `simulate` is given (the demo).
pub(crate) async fn serve_store(
    store: Store,
    cfg: &Config,
    listen: Option<&str>,
    simulate: Option<huoyan_simulator::SimConfig>,
) -> anyhow::Result<()> {
    let mut server = cfg.server.clone();
    if let Some(l) = listen {
        server.listen = l.to_string();
    }
    let listener = tokio::net::TcpListener::bind(&server.listen)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", server.listen))?;
    let addr = listener.local_addr()?;
    let state = AppState::new(store.clone(), server);
    huoyan_server::warm_up(&state);
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let monitoring = super::monitoring::start(&store, cfg, &state, stop_rx.clone()).await?;
    tracing::info!(%addr, backend = ?store.backend(), gateway = ?monitoring.gateway, "serving");
    println!("火眼 Huoyan serving on http://{addr}/  (API: http://{addr}/api/v1/openapi.json; Ctrl-C to stop)");
    if let Some(g) = monitoring.gateway {
        println!("  GB/T 26875.3 gateway for UITDs on {g}");
        println!("    {}", cfg.gateway.exposure_note(g));
    }
    if let Ok(b) = cfg.mqtt.broker() {
        println!("  sensor readings over MQTT from {}:{} on {}", b.host, b.port, cfg.mqtt.topic);
    }
    if let Some(m) = monitoring.mqtt {
        println!("  MQTT endpoint for sensors on {m} (publish to {})", cfg.mqtt.topic);
    }
    if let (Some(mut sim), Some(g)) = (simulate, monitoring.gateway) {
        sim.target = g.to_string();
        println!("  simulating {} UITDs at Cambridge units ({:.1} uploads/s)", sim.devices, sim.rate);
        let mut rx = stop_rx.clone();
        tokio::spawn(async move {
            let stop = async move {
                let _ = rx.wait_for(|s| *s).await;
            };
            if let Err(e) = huoyan_simulator::run(sim, stop).await {
                tracing::warn!(error = %e, "simulator");
            }
        });
    }
    if std::env::var("HUOYAN_BENCH_HTTP_LISTENER").as_deref() == Ok("axum") {
        // For `huoyan-bench --listeners hyper,axum` only: the plain `axum::serve` this listener
        // replaced (no connection cap, no header-read timeout), to measure both in one run.
        tracing::warn!("HUOYAN_BENCH_HTTP_LISTENER=axum: serving with axum::serve (benchmark comparison only)");
        let app = huoyan_server::app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
        axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await?;
    } else {
        huoyan_server::serve(listener, state, shutdown_signal()).await?;
    }
    let _ = stop_tx.send(true);
    monitoring.join().await;
    Ok(())
}

pub(crate) async fn run(cli: &Cli, cfg: &Config, a: &Args) -> anyhow::Result<()> {
    let store = super::open(cli, cfg).await?;
    super::sensor::load_data_dir_rules(&store, &cli.data).await?;
    serve_store(store, cfg, a.listen.as_deref(), None).await
}
