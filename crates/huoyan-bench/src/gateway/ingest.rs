//! Durable ingest: the Cambridge demo with `connections` registered UITDs, served by `huoyan
//! serve`; each device keeps `window` uploads in flight (component states "normal", 78 bytes) and
//! sends the next as soon as one is confirmed (closed loop). The gateway confirms only after the
//! batch holding the frame is committed, so confirmations per second is the durable ingest rate.
//! Measured for `duration` seconds after a `warmup`; afterwards every outstanding upload is
//! awaited, and the frames stored are counted in the database.

use std::time::Duration;

use huoyan_simulator::{Report, address_of};
use serde::Serialize;
use tokio::time::Instant;

use super::uitd::{Device, Plan, Tally, drive};
use super::{DEMO_PREFIX, cpu_at, demo_store, pct_ms, secs, stored_and_backlog};
use crate::store::{Backend, Env};
use crate::sys::CpuUse;

/// `huoyan-bench gateway ingest`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// Device connections (registered UITDs of the demo, 1–3000).
    #[arg(long, default_value_t = 100)]
    pub(crate) connections: usize,
    /// Uploads in flight per connection (the gateway reads up to 64 ahead per connection).
    #[arg(long, default_value_t = 32)]
    pub(crate) window: usize,
    /// Measured seconds (at most 60).
    #[arg(short = 'd', long, default_value_t = 10.0)]
    pub(crate) duration: f64,
    /// Unmeasured seconds first.
    #[arg(long, default_value_t = 2.0)]
    pub(crate) warmup: f64,
    /// The gateway's `batch_max` (frames per transaction); the server's default when not given.
    #[arg(long)]
    pub(crate) batch_max: Option<usize>,
    /// The gateway's `writers` (batches in flight at once); the server's default when not given.
    #[arg(long)]
    pub(crate) writers: Option<usize>,
}

impl Default for Args {
    fn default() -> Self {
        Args { connections: 100, window: 32, duration: 10.0, warmup: 2.0, batch_max: None, writers: None }
    }
}

/// One backend's result.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct IngestOutcome {
    pub(crate) backend: Backend,
    pub(crate) connections: usize,
    pub(crate) window: usize,
    pub(crate) seconds: f64,
    /// Confirmations inside the measured window.
    pub(crate) confirmed: u64,
    pub(crate) frames_per_s: f64,
    pub(crate) p50_ms: f64,
    pub(crate) p99_ms: f64,
    pub(crate) max_ms: f64,
    pub(crate) sent: u64,
    pub(crate) confirmed_total: u64,
    pub(crate) denied: u64,
    pub(crate) unconfirmed: u64,
    /// Frames in `alarm_frames` afterwards.
    pub(crate) stored: Option<u64>,
    /// Frames the alarm engine had not read when the load ended (by its saved cursor).
    pub(crate) engine_backlog: Option<u64>,
    /// Seconds after the load until the engine's saved cursor reached the end of the log (it
    /// saves when idle, at most once a second, and looks every second: an upper bound, ±1 s);
    /// `None` if not within [`CATCH_UP_LIMIT`].
    pub(crate) engine_caught_up_s: Option<f64>,
    pub(crate) cpu: CpuUse,
    pub(crate) first_error: Option<String>,
}

pub(crate) async fn run(a: &Args, env: &Env, backends: &[Backend]) -> anyhow::Result<Vec<IngestOutcome>> {
    if !(1..=3000).contains(&a.connections) || !(1..=1024).contains(&a.window) {
        anyhow::bail!("--connections: 1–3000; --window: 1–1024");
    }
    let duration = secs("duration", a.duration, 60.0)?;
    let warmup = Duration::from_secs_f64(a.warmup.clamp(0.0, 30.0));
    let client = reqwest::Client::builder().timeout(Duration::from_secs(30)).no_proxy().build()?;
    let mut out = Vec::new();
    for &backend in backends {
        let store = demo_store(env, backend, a.connections).await?;
        let mut gw = format!("max_connections = {}", a.connections + 100);
        if let Some(b) = a.batch_max {
            gw += &format!("\nbatch_max = {b}");
        }
        if let Some(w) = a.writers {
            gw += &format!("\nwriters = {w}");
        }
        let (server, target) = super::serve(&store, &client, &gw).await?;
        eprintln!("  ingest on {}: {} connections × window {} …", backend.name(), a.connections, a.window);
        let pid = server.pid;
        let result = async {
            let mut devices = Vec::new();
            for i in 0..a.connections {
                devices.push(Device::connect(target, address_of(DEMO_PREFIX, i as u32), None, i as u64).await?);
            }
            let measure_from = Instant::now() + warmup;
            let until = measure_from + duration;
            // Serials are 16 bits: a device sends fewer than 60,000 uploads in a run.
            let plan = Plan {
                window: a.window,
                rate: None,
                measure_from,
                until,
                drain: Duration::from_secs(20),
                max_uploads: 60_000,
            };
            let tasks: Vec<_> = devices.into_iter().map(|d| tokio::spawn(drive(d, plan, Report::Normal))).collect();
            let cpu = tokio::spawn(async move {
                let a = cpu_at(measure_from, pid).await;
                (a, cpu_at(until, pid).await)
            });
            let mut t = Tally::default();
            for task in tasks {
                t.merge(task.await?);
            }
            let (c0, c1) = cpu.await?;
            anyhow::Ok((t, CpuUse::between(c0, c1)))
        };
        let result = result.await;
        let (stored, engine_backlog) = stored_and_backlog(&store);
        let load_ended = std::time::Instant::now();
        let mut engine_caught_up_s = None;
        while load_ended.elapsed() < CATCH_UP_LIMIT {
            if stored_and_backlog(&store).1 == Some(0) {
                engine_caught_up_s = Some(load_ended.elapsed().as_secs_f64());
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        server.stop().await?;
        let (mut t, cpu) = result?;
        t.latencies_us.sort_unstable();
        let o = IngestOutcome {
            backend,
            connections: a.connections,
            window: a.window,
            seconds: duration.as_secs_f64(),
            confirmed: t.measured,
            frames_per_s: t.measured as f64 / duration.as_secs_f64(),
            p50_ms: pct_ms(&t.latencies_us, 0.5),
            p99_ms: pct_ms(&t.latencies_us, 0.99),
            max_ms: pct_ms(&t.latencies_us, 1.0),
            sent: t.sent,
            confirmed_total: t.confirmed,
            denied: t.denied,
            unconfirmed: t.unconfirmed,
            stored,
            engine_backlog,
            engine_caught_up_s,
            cpu,
            first_error: t.error,
        };
        eprintln!(
            "  {:<10} {:>8.0} frames/s  p50 {:.1} ms  p99 {:.1} ms  stored {:?} of {} confirmed  backlog {:?}",
            backend.name(),
            o.frames_per_s,
            o.p50_ms,
            o.p99_ms,
            o.stored,
            o.confirmed_total,
            o.engine_backlog
        );
        out.push(o);
    }
    Ok(out)
}

/// How long to wait for the alarm engine to catch up after the load.
const CATCH_UP_LIMIT: Duration = Duration::from_secs(20);

pub(crate) fn markdown(rows: &[IngestOutcome]) -> String {
    let mut s = String::from(
        "Durable ingest (Cambridge demo with registered UITDs, `huoyan serve` on 127.0.0.1; closed loop: each connection keeps `window` uploads in flight, 确认 only after the commit; CPU = seconds used in the measured window):\n\n\
         | Backend | connections × window | s | confirmed | frames/s | 确认 p50 / p99 / max ms | sent / confirmed / stored | denied | unconfirmed | engine backlog / caught up after s | CPU server / postgres / bench s | machine busy |\n\
         |---|---|---:|---:|---:|---|---|---:|---:|---|---|---:|\n",
    );
    let opt = |v: Option<u64>| v.map_or("–".to_string(), |v| v.to_string());
    for o in rows {
        s += &format!(
            "| {} | {} × {} | {:.0} | {} | **{:.0}** | {:.1} / {:.1} / {:.0} | {} / {} / {} | {} | {} | {} / {} | {:.1} / {:.1} / {:.1} | {:.0} % |\n",
            o.backend.name(),
            o.connections,
            o.window,
            o.seconds,
            o.confirmed,
            o.frames_per_s,
            o.p50_ms,
            o.p99_ms,
            o.max_ms,
            o.sent,
            o.confirmed_total,
            opt(o.stored),
            o.denied,
            o.unconfirmed,
            opt(o.engine_backlog),
            o.engine_caught_up_s.map_or(format!("> {}", CATCH_UP_LIMIT.as_secs()), |s| format!("{s:.1}")),
            o.cpu.server_s,
            if o.backend == Backend::Postgres { o.cpu.postgres_s } else { 0.0 },
            o.cpu.bench_s,
            o.cpu.machine_busy_pct
        );
    }
    for o in rows.iter().filter(|o| o.first_error.is_some()) {
        s += &format!("\n{}: first error: {}\n", o.backend.name(), o.first_error.as_deref().unwrap_or(""));
    }
    s
}
