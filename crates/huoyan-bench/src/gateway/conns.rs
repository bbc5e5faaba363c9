//! Concurrent connections held: a fresh (empty) SQLite store served by `huoyan serve` with its
//! gateway set to `unknown_devices = "quarantine"` (heartbeats of unregistered devices are
//! confirmed without storing anything) and `max_connections` above the target. This process
//! raises its descriptor limit (soft to hard, and the hard limit too when it may — the server it
//! starts inherits it), then opens `connections` connections from 127.0.0.1–127.0.0.4 (to stay
//! clear of the ephemeral-port range of one source address), each sending a heartbeat and waiting
//! for its 确认. All are held for `hold` seconds, then each must get a second heartbeat confirmed.
//! Reported: how many were held, how long opening took, the server's memory, and what stopped
//! the count when it fell short of the target.

use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use huoyan_simulator::address_of;
use serde::Serialize;
use tokio::task::JoinSet;

use super::uitd::Device;
use super::{secs, serve};
use crate::store::{Backend, Env, Store};

/// `huoyan-bench gateway connections`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Args {
    /// Connections to open and hold (at most 60,000).
    #[arg(long, default_value_t = 20_000)]
    pub(crate) connections: usize,
    /// Seconds to hold them before checking each again (at most 120).
    #[arg(long, default_value_t = 5.0)]
    pub(crate) hold: f64,
    /// Connections being opened at the same time.
    #[arg(long, default_value_t = 200)]
    pub(crate) parallel: usize,
}

impl Default for Args {
    fn default() -> Self {
        Args { connections: 20_000, hold: 5.0, parallel: 200 }
    }
}

/// The result.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ConnOutcome {
    pub(crate) target: usize,
    /// Connections whose first heartbeat was confirmed.
    pub(crate) opened: usize,
    /// Of those, confirmed again after the hold.
    pub(crate) held: usize,
    pub(crate) open_seconds: f64,
    pub(crate) hold_seconds: f64,
    /// Server resident memory before and with all connections open, KiB.
    pub(crate) rss_before_kib: Option<u64>,
    pub(crate) rss_held_kib: Option<u64>,
    /// Descriptor limit of this process (and the server) before and after raising it.
    pub(crate) fd_limit_before: String,
    pub(crate) fd_limit_after: String,
    /// Failures while opening, by message (first few kinds).
    pub(crate) failures: Vec<(String, usize)>,
}

/// Raises RLIMIT_NOFILE to at least `want` if allowed; returns the limits before and after.
fn raise_fd_limit(want: u64) -> (String, String) {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let show = |l: &Rlimit| {
        format!(
            "{} / {}",
            l.current.map_or("∞".into(), |v| v.to_string()),
            l.maximum.map_or("∞".into(), |v| v.to_string())
        )
    };
    let before = getrlimit(Resource::Nofile);
    let hard = before.maximum.unwrap_or(u64::MAX);
    // Raising the hard limit needs CAP_SYS_RESOURCE; without it, the soft limit goes up to the hard one.
    let wanted = Rlimit { current: Some(want), maximum: Some(want.max(hard)) };
    if setrlimit(Resource::Nofile, wanted).is_err() {
        let _ = setrlimit(Resource::Nofile, Rlimit { current: before.maximum, maximum: before.maximum });
    }
    (show(&before), show(&getrlimit(Resource::Nofile)))
}

fn note(failures: &mut Vec<(String, usize)>, e: &str) {
    match failures.iter_mut().find(|(m, _)| m == e) {
        Some(f) => f.1 += 1,
        None => failures.push((e.to_string(), 1)),
    }
}

/// One heartbeat and its reply, within 30 s.
async fn beat(mut d: Device) -> Result<Device, String> {
    let r = tokio::time::timeout(Duration::from_secs(30), async {
        d.heartbeat().await?;
        let mut none = Vec::new();
        loop {
            let (denied, other) = d.read(&mut none).await?;
            if denied + other > 0 {
                return std::io::Result::Ok(());
            }
        }
    })
    .await;
    match r {
        Ok(Ok(())) => Ok(d),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("no reply within 30 s".into()),
    }
}

pub(crate) async fn run(a: &Args, env: &Env) -> anyhow::Result<ConnOutcome> {
    if !(1..=60_000).contains(&a.connections) || !(1..=1000).contains(&a.parallel) {
        anyhow::bail!("--connections: 1–60,000; --parallel: 1–1,000");
    }
    let hold = secs("hold", a.hold, 120.0)?;
    let (fd_limit_before, fd_limit_after) = raise_fd_limit(a.connections as u64 * 2 + 4096);
    eprintln!("connections: descriptor limit {fd_limit_before} → {fd_limit_after}");
    let client = reqwest::Client::builder().timeout(Duration::from_secs(30)).no_proxy().build()?;
    let store = Store::fresh(env, Backend::Sqlite)?;
    let gw = format!(
        "max_connections = {}\nunknown_devices = \"quarantine\"\nidle_timeout_secs = 600",
        a.connections + 1000
    );
    let (server, target) = serve(&store, &client, &gw).await?;
    let rss_before_kib = crate::sys::rss_kib(server.pid);
    eprintln!("  opening {} connections to the gateway on {target} …", a.connections);
    let started = Instant::now();
    let mut held: Vec<Device> = Vec::with_capacity(a.connections);
    let mut failures = Vec::new();
    let mut pending: JoinSet<Result<Device, String>> = JoinSet::new();
    for i in 0..a.connections {
        while pending.len() >= a.parallel {
            match pending.join_next().await {
                Some(Ok(Ok(d))) => held.push(d),
                Some(Ok(Err(e))) => note(&mut failures, &e),
                _ => {}
            }
        }
        let from = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 1 + (i % 4) as u8));
        let me = address_of(0x4342, i as u32);
        pending.spawn(async move {
            let d = Device::connect(target, me, Some(from), i as u64).await.map_err(|e| format!("connect: {e}"))?;
            beat(d).await
        });
    }
    while let Some(r) = pending.join_next().await {
        match r {
            Ok(Ok(d)) => held.push(d),
            Ok(Err(e)) => note(&mut failures, &e),
            Err(e) => note(&mut failures, &e.to_string()),
        }
    }
    let open_seconds = started.elapsed().as_secs_f64();
    let opened = held.len();
    eprintln!("  {opened} connections open in {open_seconds:.1} s; holding {} s …", hold.as_secs_f64());
    tokio::time::sleep(hold).await;
    let rss_held_kib = crate::sys::rss_kib(server.pid);
    let mut again: JoinSet<Result<Device, String>> = JoinSet::new();
    let mut alive = 0;
    for d in held {
        while again.len() >= a.parallel {
            alive += usize::from(matches!(again.join_next().await, Some(Ok(Ok(_)))));
        }
        again.spawn(beat(d));
    }
    while let Some(r) = again.join_next().await {
        alive += usize::from(matches!(r, Ok(Ok(_))));
    }
    server.stop().await?;
    failures.sort_by_key(|f| std::cmp::Reverse(f.1));
    failures.truncate(5);
    Ok(ConnOutcome {
        target: a.connections,
        opened,
        held: alive,
        open_seconds,
        hold_seconds: hold.as_secs_f64(),
        rss_before_kib,
        rss_held_kib,
        fd_limit_before,
        fd_limit_after,
        failures,
    })
}

pub(crate) fn markdown(o: &ConnOutcome) -> String {
    let mib = |k: Option<u64>| k.map_or("–".to_string(), |k| format!("{:.0}", k as f64 / 1024.0));
    let per = match (o.rss_before_kib, o.rss_held_kib) {
        (Some(a), Some(b)) if o.opened > 0 => format!("{:.1}", b.saturating_sub(a) as f64 / o.opened as f64),
        _ => "–".into(),
    };
    let mut s = format!(
        "Concurrent connections (one `huoyan serve`, SQLite, unregistered devices quarantined; each connection's heartbeat confirmed when opened and again after the hold):\n\n\
         | target | opened | held after {:.0} s | open time s | connections/s | server RSS MiB before / held | KiB per connection | descriptor limit (soft / hard) before → after |\n\
         |---:|---:|---:|---:|---:|---|---:|---|\n\
         | {} | {} | **{}** | {:.1} | {:.0} | {} / {} | {} | {} → {} |\n",
        o.hold_seconds,
        o.target,
        o.opened,
        o.held,
        o.open_seconds,
        o.opened as f64 / o.open_seconds.max(1e-9),
        mib(o.rss_before_kib),
        mib(o.rss_held_kib),
        per,
        o.fd_limit_before,
        o.fd_limit_after
    );
    for (m, n) in &o.failures {
        s += &format!("\n{n} connections failed: {m}\n");
    }
    s
}
