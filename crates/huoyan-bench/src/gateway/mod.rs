//! `huoyan-bench gateway …`: the monitoring centre's numbers (issue 4) against a real
//! `huoyan serve` with its GB/T 26875.3 gateway on a free 127.0.0.1 port:
//!
//! - `decode`: decode rate of the protocol crate, in process ([`decode`]);
//! - `ingest`: durable ingest — uploads confirmed per second, 确认 only after the commit
//!   ([`ingest`]), on SQLite and PostgreSQL;
//! - `connections`: concurrent device connections held, with what limited them ([`conns`]);
//! - `latency`: frame sent → alarm event on the console's SSE stream, under background load
//!   ([`latency`]).
//!
//! Every load is bounded in time and count; stores are fresh temporary directories or
//! PostgreSQL schemas, removed afterwards, and every `huoyan` started is killed on exit.

mod conns;
mod decode;
mod ingest;
mod latency;
mod uitd;

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{Context, bail};
use serde::Serialize;

pub(crate) use conns::worker;

use crate::store::{Backend, Env, Server, Store};

/// The demo's simulated devices' address prefix (`huoyan demo --uitds N` registers 5349…).
pub(crate) const DEMO_PREFIX: u16 = 0x5349;

/// Gateway benchmarks.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum Cmd {
    /// Decode rate of the GB/T 26875.3 codec, stream decoder and session (in process).
    Decode {
        /// Seconds per layer (at most 30).
        #[arg(long, default_value_t = 2.0)]
        seconds: f64,
    },
    /// Durable ingest: uploads confirmed per second (确认 after the commit), per backend.
    Ingest(ingest::Args),
    /// Concurrent connections held by one gateway (raises this process's descriptor limit).
    Connections(conns::Args),
    /// Alarm latency: a fire upload sent → its event on /api/v1/events/stream, under background load.
    Latency(latency::Args),
    /// All four with their defaults.
    All,
    /// A worker of `connections --nodes` (holds connections for it; not run by hand).
    #[command(hide = true)]
    HoldWorker(conns::WorkerArgs),
}

/// What `huoyan-bench gateway` measured.
#[derive(Debug, Default, Serialize)]
pub(crate) struct Results {
    decode: Vec<decode::DecodeOutcome>,
    ingest: Vec<ingest::IngestOutcome>,
    connections: Option<conns::ConnOutcome>,
    latency: Vec<latency::LatencyOutcome>,
}

impl Results {
    pub(crate) fn markdown(&self) -> String {
        let mut parts = Vec::new();
        if !self.decode.is_empty() {
            parts.push(decode::markdown(&self.decode));
        }
        if !self.ingest.is_empty() {
            parts.push(ingest::markdown(&self.ingest));
        }
        if let Some(c) = &self.connections {
            parts.push(conns::markdown(c));
        }
        if !self.latency.is_empty() {
            parts.push(latency::markdown(&self.latency));
        }
        parts.join("\n")
    }
}

/// Runs the chosen benchmark(s).
pub(crate) async fn run(cmd: &Cmd, env: &Env, backends: &[Backend]) -> anyhow::Result<Results> {
    let mut r = Results::default();
    let all = matches!(cmd, Cmd::All);
    match cmd {
        Cmd::Decode { seconds } => {
            if !(*seconds > 0.0 && *seconds <= 30.0) {
                bail!("--seconds: (0, 30]");
            }
            r.decode = decode::run(*seconds);
        }
        Cmd::Ingest(a) => r.ingest = ingest::run(a, env, backends).await?,
        Cmd::Connections(a) => r.connections = Some(conns::run(a, env).await?),
        Cmd::Latency(a) => r.latency = latency::run(a, env, backends).await?,
        Cmd::All | Cmd::HoldWorker(_) => {}
    }
    if all {
        eprintln!("decode rate …");
        r.decode = decode::run(2.0);
        r.ingest = ingest::run(&ingest::Args::default(), env, backends).await?;
        r.connections = Some(conns::run(&conns::Args::default(), env).await?);
        r.latency = latency::run(&latency::Args::default(), env, backends).await?;
    }
    Ok(r)
}

/// A Cambridge demo store with `uitds` registered devices (addresses 5349 + device number).
pub(crate) async fn demo_store(env: &Env, backend: Backend, uitds: usize) -> anyhow::Result<Store> {
    let s = Store::fresh(env, backend)?;
    eprintln!("  building the Cambridge demo with {uitds} UITDs on {} …", backend.name());
    s.run(["demo", "--no-serve", "--uitds", &uitds.to_string()]).await?;
    Ok(s)
}

/// `huoyan serve` over `store` with its gateway on a free loopback port, configured by
/// `huoyan.toml` in the data directory (`gateway` = extra lines of its `[gateway]` section).
pub(crate) async fn serve(
    store: &Store,
    client: &reqwest::Client,
    gateway: &str,
) -> anyhow::Result<(Server, SocketAddr)> {
    let port = crate::store::free_port()?;
    let toml = format!("[gateway]\nlisten = \"127.0.0.1:{port}\"\n{gateway}\n\n[log]\nlevel = \"warn\"\n");
    std::fs::write(store.dir().join("huoyan.toml"), toml).context("writing huoyan.toml")?;
    let server = Server::start(store, client).await?;
    Ok((server, SocketAddr::from(([127, 0, 0, 1], port))))
}

/// Frames stored, and how many the alarm engine has not read yet.
pub(crate) fn stored_and_backlog(store: &Store) -> (Option<u64>, Option<u64>) {
    let n = |sql: &str| store.sql(sql).ok().and_then(|v| v.trim().parse::<u64>().ok());
    let stored = n("SELECT COUNT(*) FROM alarm_frames");
    let backlog = n(
        "SELECT COALESCE((SELECT MAX(id) FROM alarm_frames), 0) - COALESCE((SELECT last_id FROM monitor_cursors WHERE name = 'alarms'), 0)",
    );
    (stored, backlog)
}

/// Nearest-rank percentile of sorted microseconds, in ms.
pub(crate) fn pct_ms(sorted_us: &[u32], q: f64) -> f64 {
    let v: Vec<f64> = sorted_us.iter().map(|&u| f64::from(u) / 1000.0).collect();
    crate::incidents::pct(&v, q)
}

/// Waits for `d`, then takes a CPU snapshot.
pub(crate) async fn cpu_at(at: tokio::time::Instant, pid: u32) -> crate::sys::Cpu {
    tokio::time::sleep_until(at).await;
    crate::sys::Cpu::now(pid)
}

/// Seconds as a `Duration`, refusing nonsense.
pub(crate) fn secs(name: &str, v: f64, max: f64) -> anyhow::Result<Duration> {
    if !(v > 0.0 && v <= max) {
        bail!("--{name}: (0, {max}] seconds");
    }
    Ok(Duration::from_secs_f64(v))
}
