//! Concurrent connections held: a fresh (empty) SQLite store served by `huoyan serve` with its
//! gateway set to `unknown_devices = "quarantine"` (heartbeats of unregistered devices are
//! confirmed without storing anything) and `max_connections` above the target. This process
//! raises its descriptor limit (soft to hard, and the hard limit too when it may — the server it
//! starts inherits it), then opens `connections` connections from 127.0.0.1–127.0.0.4 (to stay
//! clear of the ephemeral-port range of one source address), each sending a heartbeat and waiting
//! for its 确认. All are held for `hold` seconds, then each must get a second heartbeat confirmed.
//! Reported: how many were held, how long opening took, the server's memory, and what stopped
//! the count when it fell short of the target.
//!
//! `--nodes N` (N > 1) measures the centre as N `huoyan serve` nodes sharing one PostgreSQL schema,
//! each with its own gateway port (as behind a TCP load balancer), the connections spread evenly.
//! A process may hold only so many descriptors (`RLIMIT_NOFILE`; this sandbox's hard limit is
//! 20,000 and cannot be raised), so the connections are opened by worker processes of this tool
//! (`gateway hold-worker`, at most `--per-worker` each) that report when all are open, hold them
//! until told to check, check each once more and print their counts as JSON.

use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use huoyan_simulator::address_of;
use serde::Serialize;
use tokio::task::JoinSet;

use super::uitd::Device;
use super::{secs, serve};
use anyhow::Context;

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
    /// Connections being opened at the same time (per worker).
    #[arg(long, default_value_t = 200)]
    pub(crate) parallel: usize,
    /// `huoyan serve` nodes; more than one shares a PostgreSQL schema.
    #[arg(long, default_value_t = 1)]
    pub(crate) nodes: usize,
    /// Connections per worker process when the connections are opened by workers (nodes > 1).
    #[arg(long, default_value_t = 8_000)]
    pub(crate) per_worker: usize,
}

impl Default for Args {
    fn default() -> Self {
        Args { connections: 20_000, hold: 5.0, parallel: 200, nodes: 1, per_worker: 8_000 }
    }
}

/// `huoyan-bench gateway hold-worker` (started by `connections --nodes`, not by hand).
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct WorkerArgs {
    /// The gateway.
    #[arg(long)]
    pub(crate) target: std::net::SocketAddr,
    /// Connections to open.
    #[arg(long)]
    pub(crate) count: usize,
    /// Number of the first device (addresses and source IPs follow from it).
    #[arg(long)]
    pub(crate) first: usize,
    /// Connections being opened at the same time.
    #[arg(long, default_value_t = 200)]
    pub(crate) parallel: usize,
}

/// What a worker reports.
#[derive(Debug, Default, Serialize, serde::Deserialize)]
pub(crate) struct WorkerOutcome {
    opened: usize,
    held: usize,
    failures: Vec<(String, usize)>,
}

/// The result.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ConnOutcome {
    pub(crate) target: usize,
    /// `huoyan serve` nodes (and the backend they share).
    pub(crate) nodes: usize,
    pub(crate) backend: Backend,
    /// Worker processes that opened the connections (0: this process did).
    pub(crate) workers: usize,
    /// Connections whose first heartbeat was confirmed.
    pub(crate) opened: usize,
    /// Of those, confirmed again after the hold.
    pub(crate) held: usize,
    pub(crate) open_seconds: f64,
    pub(crate) hold_seconds: f64,
    /// Servers' resident memory (summed over the nodes) before and with all connections open, KiB.
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
    note_n(failures, e, 1);
}

/// Counts `n` failures with message `e`.
fn note_n(failures: &mut Vec<(String, usize)>, e: &str, n: usize) {
    match failures.iter_mut().find(|(m, _)| m == e) {
        Some(f) => f.1 += n,
        None => failures.push((e.to_string(), n)),
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

/// Opens `count` device connections to `target` (device numbers from `first`), each with its
/// heartbeat confirmed; returns those open and the failures by message.
async fn open_all(
    target: std::net::SocketAddr,
    first: usize,
    count: usize,
    parallel: usize,
    failures: &mut Vec<(String, usize)>,
) -> Vec<Device> {
    let mut held: Vec<Device> = Vec::with_capacity(count);
    let mut pending: JoinSet<Result<Device, String>> = JoinSet::new();
    for i in first..first + count {
        while pending.len() >= parallel {
            match pending.join_next().await {
                Some(Ok(Ok(d))) => held.push(d),
                Some(Ok(Err(e))) => note(failures, &e),
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
            Ok(Err(e)) => note(failures, &e),
            Err(e) => note(failures, &e.to_string()),
        }
    }
    held
}

/// A second heartbeat on each held connection; how many were confirmed.
async fn check_all(held: Vec<Device>, parallel: usize) -> usize {
    let mut again: JoinSet<Result<Device, String>> = JoinSet::new();
    let mut alive = 0;
    for d in held {
        while again.len() >= parallel {
            alive += usize::from(matches!(again.join_next().await, Some(Ok(Ok(_)))));
        }
        again.spawn(beat(d));
    }
    while let Some(r) = again.join_next().await {
        alive += usize::from(matches!(r, Ok(Ok(_))));
    }
    alive
}

/// The worker: opens its connections, prints `OPENED <n>`, waits for a line on standard input,
/// checks them again and prints its [`WorkerOutcome`] as JSON.
pub(crate) async fn worker(a: &WorkerArgs) -> anyhow::Result<()> {
    raise_fd_limit(a.count as u64 + 1024);
    let mut failures = Vec::new();
    let held = open_all(a.target, a.first, a.count, a.parallel.clamp(1, 1000), &mut failures).await;
    let opened = held.len();
    println!("OPENED {opened}");
    tokio::task::spawn_blocking(|| std::io::stdin().read_line(&mut String::new())).await??;
    let held = check_all(held, a.parallel.clamp(1, 1000)).await;
    println!("{}", serde_json::to_string(&WorkerOutcome { opened, held, failures })?);
    Ok(())
}

/// A worker process started with this tool's own binary.
struct Worker {
    child: tokio::process::Child,
    out: tokio::io::Lines<tokio::io::BufReader<tokio::process::ChildStdout>>,
}

impl Worker {
    fn spawn(target: std::net::SocketAddr, first: usize, count: usize, parallel: usize) -> anyhow::Result<Worker> {
        use tokio::io::AsyncBufReadExt;
        let me = std::env::current_exe()?;
        let mut child = tokio::process::Command::new(me)
            .args(["gateway", "hold-worker", "--target", &target.to_string()])
            .args(["--count", &count.to_string(), "--first", &first.to_string(), "--parallel", &parallel.to_string()])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .kill_on_drop(true)
            .spawn()?;
        let out = tokio::io::BufReader::new(child.stdout.take().context("worker stdout")?).lines();
        Ok(Worker { child, out })
    }

    async fn line(&mut self) -> anyhow::Result<String> {
        self.out.next_line().await?.context("the worker ended early")
    }
}

pub(crate) async fn run(a: &Args, env: &Env) -> anyhow::Result<ConnOutcome> {
    if !(1..=60_000).contains(&a.connections) || !(1..=1000).contains(&a.parallel) {
        anyhow::bail!("--connections: 1–60,000; --parallel: 1–1,000");
    }
    if !(1..=8).contains(&a.nodes) || !(100..=15_000).contains(&a.per_worker) {
        anyhow::bail!("--nodes: 1–8; --per-worker: 100–15,000");
    }
    let hold = secs("hold", a.hold, 120.0)?;
    let (fd_limit_before, fd_limit_after) = raise_fd_limit(a.connections as u64 * 2 + 4096);
    eprintln!("connections: descriptor limit {fd_limit_before} → {fd_limit_after}");
    let client = reqwest::Client::builder().timeout(Duration::from_secs(30)).no_proxy().build()?;
    let backend = if a.nodes > 1 { Backend::Postgres } else { Backend::Sqlite };
    let store = Store::fresh(env, backend)?;
    let share = a.connections.div_ceil(a.nodes);
    let gw = format!("max_connections = {}\nunknown_devices = \"quarantine\"\nidle_timeout_secs = 600", share + 1000);
    // The nodes start one after the other: the first migrates the shared schema.
    let mut stores = Vec::new();
    for i in 1..a.nodes {
        stores.push(store.sibling().with_context(|| format!("node {i}"))?);
    }
    let mut servers = Vec::new();
    let mut targets = Vec::new();
    for s in std::iter::once(&store).chain(stores.iter()) {
        let (server, target) = serve(s, &client, &gw).await?;
        servers.push(server);
        targets.push(target);
    }
    let rss = |servers: &[crate::store::Server]| -> Option<u64> {
        servers.iter().map(|s| crate::sys::rss_kib(s.pid)).sum::<Option<u64>>()
    };
    let rss_before_kib = rss(&servers);
    eprintln!("  opening {} connections to {} gateway(s) {targets:?} …", a.connections, a.nodes);
    let started = Instant::now();
    let mut failures = Vec::new();
    let (opened, held, open_seconds, rss_held_kib, workers) = if a.nodes == 1 {
        let conns = open_all(targets[0], 0, a.connections, a.parallel, &mut failures).await;
        let open_seconds = started.elapsed().as_secs_f64();
        let opened = conns.len();
        eprintln!("  {opened} connections open in {open_seconds:.1} s; holding {} s …", hold.as_secs_f64());
        tokio::time::sleep(hold).await;
        let rss_held = rss(&servers);
        (opened, check_all(conns, a.parallel).await, open_seconds, rss_held, 0)
    } else {
        // Each node's share, split among workers of at most `per_worker` connections.
        let mut workers = Vec::new();
        let mut first = 0;
        for (n, target) in targets.iter().enumerate() {
            let mine = share.min(a.connections - (n * share).min(a.connections));
            let mut left = mine;
            while left > 0 {
                let count = left.min(a.per_worker);
                workers.push(Worker::spawn(*target, first, count, a.parallel)?);
                first += count;
                left -= count;
            }
        }
        let mut opened = 0;
        for w in &mut workers {
            let line = w.line().await?;
            opened += line.strip_prefix("OPENED ").and_then(|n| n.trim().parse::<usize>().ok()).unwrap_or(0);
        }
        let open_seconds = started.elapsed().as_secs_f64();
        eprintln!(
            "  {opened} connections open in {open_seconds:.1} s ({} workers); holding {} s …",
            workers.len(),
            hold.as_secs_f64()
        );
        tokio::time::sleep(hold).await;
        let rss_held = rss(&servers);
        let mut held = 0;
        let n = workers.len();
        for w in &mut workers {
            use tokio::io::AsyncWriteExt;
            if let Some(stdin) = w.child.stdin.as_mut() {
                stdin.write_all(b"check\n").await?;
            }
        }
        for w in &mut workers {
            let o: WorkerOutcome = serde_json::from_str(&w.line().await?).context("a worker's report")?;
            held += o.held;
            for (m, k) in o.failures {
                note_n(&mut failures, &m, k);
            }
            let _ = w.child.wait().await;
        }
        (opened, held, open_seconds, rss_held, n)
    };
    for s in servers {
        s.stop().await?;
    }
    failures.sort_by_key(|f| std::cmp::Reverse(f.1));
    failures.truncate(5);
    Ok(ConnOutcome {
        target: a.connections,
        nodes: a.nodes,
        backend,
        workers,
        opened,
        held,
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
        "Concurrent connections ({} `huoyan serve` on {}, unregistered devices quarantined; each connection's heartbeat confirmed when opened and again after the hold; {}):\n\n\
         | target | opened | held after {:.0} s | open time s | connections/s | servers' RSS MiB before / held | KiB per connection | descriptor limit (soft / hard) before → after |\n\
         |---:|---:|---:|---:|---:|---|---:|---|\n\
         | {} | {} | **{}** | {:.1} | {:.0} | {} / {} | {} | {} → {} |\n",
        o.nodes,
        o.backend.name(),
        if o.workers == 0 {
            "opened by this process".to_string()
        } else {
            format!("opened by {} worker processes", o.workers)
        },
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
