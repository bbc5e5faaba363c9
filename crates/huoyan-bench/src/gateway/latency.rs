//! Alarm latency under background load: the Cambridge demo with `connections + 1` registered
//! UITDs served by `huoyan serve`; the bench logs in as `admin` and subscribes to
//! `/api/v1/events/stream` (Server-Sent Events, as the console does). `connections` devices send
//! component-state uploads ("normal") at `background` frames/s in all (open loop, paced per
//! device); after a warm-up one more device sends a 火警 (fire) upload every `interval_ms`, one at
//! a time, and the time from writing it to receiving its alarm event (`alarm` when it opens the
//! alarm, `alarm_update` when it merges into the open one) is measured — the whole path: gateway,
//! commit, 确认, alarm engine, live bus, HTTP stream.

use std::time::Duration;

use anyhow::bail;
use huoyan_simulator::{Report, address_hex, address_of};
use serde::Serialize;
use tokio::sync::mpsc;
use tokio::time::Instant;

use super::uitd::{Device, Plan, Tally, drive};
use super::{DEMO_PREFIX, cpu_at, demo_store, pct_ms, serve, stored_and_backlog};
use crate::store::{Backend, Env};
use crate::sys::CpuUse;

/// `huoyan-bench gateway latency`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// Background uploads per second, all devices together (0 = none; at most 200,000).
    #[arg(long, default_value_t = 10_000.0)]
    pub(crate) background: f64,
    /// Background device connections (1–2999).
    #[arg(long, default_value_t = 100)]
    pub(crate) connections: usize,
    /// Fire uploads timed (1–10,000).
    #[arg(long, default_value_t = 100)]
    pub(crate) probes: usize,
    /// Milliseconds between fire uploads (10–10,000).
    #[arg(long, default_value_t = 100)]
    pub(crate) interval_ms: u64,
    /// Seconds of background load before the first fire upload.
    #[arg(long, default_value_t = 2.0)]
    pub(crate) warmup: f64,
}

impl Default for Args {
    fn default() -> Self {
        Args { background: 10_000.0, connections: 100, probes: 100, interval_ms: 100, warmup: 2.0 }
    }
}

/// One backend's result.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LatencyOutcome {
    pub(crate) backend: Backend,
    pub(crate) background_target: f64,
    /// Background confirmations per second while the fire uploads were timed.
    pub(crate) background_achieved: f64,
    pub(crate) background_p50_ms: f64,
    pub(crate) background_p99_ms: f64,
    pub(crate) probes: usize,
    /// Fire uploads whose event arrived (within 10 s).
    pub(crate) received: usize,
    pub(crate) p50_ms: f64,
    pub(crate) p99_ms: f64,
    pub(crate) max_ms: f64,
    /// The fire uploads' own 确认, p50 / p99.
    pub(crate) confirm_p50_ms: f64,
    pub(crate) confirm_p99_ms: f64,
    pub(crate) engine_backlog: Option<u64>,
    pub(crate) cpu: CpuUse,
    pub(crate) first_error: Option<String>,
}

/// Event name and JSON data of one SSE block (`event: …` / `data: …` lines).
fn parse_sse(block: &str) -> Option<(String, serde_json::Value)> {
    let mut event = String::from("message");
    let mut data = String::new();
    for line in block.lines() {
        if let Some(v) = line.strip_prefix("event:") {
            event = v.trim().to_string();
        } else if let Some(v) = line.strip_prefix("data:") {
            data.push_str(v.strip_prefix(' ').unwrap_or(v));
        }
    }
    let data = serde_json::from_str(&data).ok()?;
    Some((event, data))
}

/// Subscribes to the live stream; sends the arrival time of every alarm event of `device`, and
/// one `None` once the subscription is live (the `hello` event).
async fn watch(
    client: reqwest::Client,
    base: String,
    token: String,
    device: String,
    tx: mpsc::UnboundedSender<Option<Instant>>,
) -> anyhow::Result<()> {
    let mut r = client.get(format!("{base}/api/v1/events/stream")).bearer_auth(token).send().await?;
    if !r.status().is_success() {
        bail!("events/stream: {}", r.status());
    }
    let mut buf = String::new();
    while let Some(chunk) = r.chunk().await? {
        let got = Instant::now();
        buf.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buf.find("\n\n") {
            let block: String = buf.drain(..end + 2).collect();
            match parse_sse(&block) {
                Some((e, _)) if e == "hello" => tx.send(None)?,
                Some((e, v))
                    if (e == "alarm" || e == "alarm_update")
                        && v["data"]["device_address"] == device.as_str()
                        && (v["data"]["change"] == "opened" || v["data"]["change"] == "merged") =>
                {
                    tx.send(Some(got))?
                }
                _ => {}
            }
        }
    }
    Ok(())
}

pub(crate) async fn run(a: &Args, env: &Env, backends: &[Backend]) -> anyhow::Result<Vec<LatencyOutcome>> {
    if !(0.0..=200_000.0).contains(&a.background) || !(1..=2999).contains(&a.connections) {
        bail!("--background: 0–200,000; --connections: 1–2999");
    }
    if !(1..=10_000).contains(&a.probes) || !(10..=10_000).contains(&a.interval_ms) {
        bail!("--probes: 1–10,000; --interval-ms: 10–10,000");
    }
    let warmup = Duration::from_secs_f64(a.warmup.clamp(0.0, 30.0));
    let interval = Duration::from_millis(a.interval_ms);
    let client = reqwest::Client::builder().no_proxy().build()?;
    let mut out = Vec::new();
    for &backend in backends {
        let store = demo_store(env, backend, a.connections + 1).await?;
        let (server, target) = serve(&store, &client, &format!("max_connections = {}", a.connections + 100)).await?;
        eprintln!("  latency on {}: {} fire uploads under {} frames/s …", backend.name(), a.probes, a.background);
        let pid = server.pid;
        let base = server.base.clone();
        let result = async {
            let token = crate::login(&client, &base).await?;
            let probe_address = address_of(DEMO_PREFIX, a.connections as u32);
            let (tx, mut events) = mpsc::unbounded_channel();
            let sse = tokio::spawn(watch(client.clone(), base.clone(), token, address_hex(probe_address), tx));
            if !matches!(tokio::time::timeout(Duration::from_secs(10), events.recv()).await, Ok(Some(None))) {
                bail!("no hello on the event stream");
            }
            let measure_from = Instant::now() + warmup;
            let until = measure_from + interval * a.probes as u32 + Duration::from_millis(500);
            let rate = (a.background > 0.0).then(|| a.background / a.connections as f64);
            let plan = Plan { window: 256, rate, measure_from, until, drain: Duration::from_secs(10), max_uploads: 60_000 };
            let mut background = Vec::new();
            if rate.is_some() {
                for i in 0..a.connections {
                    let d = Device::connect(target, address_of(DEMO_PREFIX, i as u32), None, i as u64).await?;
                    background.push(tokio::spawn(drive(d, plan, Report::Normal)));
                }
            }
            let mut probe = Device::connect(target, probe_address, None, 1 << 40).await?;
            let c0 = cpu_at(measure_from, pid).await;
            let (mut lat, mut confirm) = (Vec::new(), Vec::new());
            let mut confirmed = Vec::new();
            for k in 0..a.probes {
                let at = measure_from + interval * k as u32;
                tokio::time::sleep_until(at).await;
                while events.try_recv().is_ok() {} // a late event of an earlier upload
                let sent = Instant::now();
                probe.send(1, Report::Fire).await?;
                let deadline = sent + Duration::from_secs(10);
                let mut seen = false;
                while !seen || probe.outstanding() > 0 {
                    tokio::select! {
                        e = events.recv() => match e {
                            Some(Some(t)) if !seen => {
                                seen = true;
                                lat.push(u32::try_from(t.saturating_duration_since(sent).as_micros()).unwrap_or(u32::MAX));
                            }
                            Some(_) => {}
                            None => bail!("the event stream ended"),
                        },
                        r = probe.read(&mut confirmed) => {
                            r?;
                            confirm.extend(confirmed.drain(..).map(|t| u32::try_from((Instant::now() - t).as_micros()).unwrap_or(u32::MAX)));
                        }
                        () = tokio::time::sleep_until(deadline) => break,
                    }
                }
            }
            let c1 = crate::sys::Cpu::now(pid);
            let mut t = Tally::default();
            for b in background {
                t.merge(b.await?);
            }
            sse.abort();
            anyhow::Ok((lat, confirm, t, CpuUse::between(c0, c1), (until - measure_from).as_secs_f64()))
        }
        .await;
        let (_, engine_backlog) = stored_and_backlog(&store);
        server.stop().await?;
        let (mut lat, mut confirm, mut t, cpu, window_s) = result?;
        lat.sort_unstable();
        confirm.sort_unstable();
        t.latencies_us.sort_unstable();
        let o = LatencyOutcome {
            backend,
            background_target: a.background,
            background_achieved: t.measured as f64 / window_s,
            background_p50_ms: pct_ms(&t.latencies_us, 0.5),
            background_p99_ms: pct_ms(&t.latencies_us, 0.99),
            probes: a.probes,
            received: lat.len(),
            p50_ms: pct_ms(&lat, 0.5),
            p99_ms: pct_ms(&lat, 0.99),
            max_ms: pct_ms(&lat, 1.0),
            confirm_p50_ms: pct_ms(&confirm, 0.5),
            confirm_p99_ms: pct_ms(&confirm, 0.99),
            engine_backlog,
            cpu,
            first_error: t.error,
        };
        eprintln!(
            "  {:<10} alarm event p50 {:.1} ms  p99 {:.1} ms  ({} of {}), background {:.0}/s",
            backend.name(),
            o.p50_ms,
            o.p99_ms,
            o.received,
            o.probes,
            o.background_achieved
        );
        out.push(o);
    }
    Ok(out)
}

pub(crate) fn markdown(rows: &[LatencyOutcome]) -> String {
    let mut s = String::from(
        "Alarm latency (fire upload written → its `alarm`/`alarm_update` event read from `/api/v1/events/stream`, one at a time, under background uploads; CPU = seconds used while the fire uploads were timed):\n\n\
         | Backend | background target / achieved frames/s | background 确认 p50 / p99 ms | fire uploads | events | **event p50 / p99** / max ms | fire 确认 p50 / p99 ms | engine backlog at end | CPU server / postgres / bench s | machine busy |\n\
         |---|---|---|---:|---:|---|---|---:|---|---:|\n",
    );
    for o in rows {
        s += &format!(
            "| {} | {:.0} / {:.0} | {:.1} / {:.1} | {} | {} | **{:.1} / {:.1}** / {:.0} | {:.1} / {:.1} | {} | {:.1} / {:.1} / {:.1} | {:.0} % |\n",
            o.backend.name(),
            o.background_target,
            o.background_achieved,
            o.background_p50_ms,
            o.background_p99_ms,
            o.probes,
            o.received,
            o.p50_ms,
            o.p99_ms,
            o.max_ms,
            o.confirm_p50_ms,
            o.confirm_p99_ms,
            o.engine_backlog.map_or("–".into(), |v| v.to_string()),
            o.cpu.server_s,
            if o.backend == Backend::Postgres { o.cpu.postgres_s } else { 0.0 },
            o.cpu.bench_s,
            o.cpu.machine_busy_pct
        );
    }
    for o in rows.iter().filter(|o| o.first_error.is_some()) {
        s += &format!("\n{}: first background error: {}\n", o.backend.name(), o.first_error.as_deref().unwrap_or(""));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sse_blocks_are_parsed() {
        let (e, v) =
            parse_sse("id: 7\nevent: alarm\ndata: {\"data\":{\"device_address\":\"534900000001\"}}\n\n").unwrap();
        assert_eq!(e, "alarm");
        assert_eq!(v["data"]["device_address"], "534900000001");
        assert_eq!(parse_sse("event: hello\ndata: {\"last_seq\":3}\n\n").unwrap().0, "hello");
        assert!(parse_sse(": keep-alive\n\n").is_none());
    }
}
