//! `huoyan-bench` — reproducible benchmarks of a built `huoyan` binary, on SQLite and PostgreSQL:
//!
//! 1. **Import time**: `huoyan demo --no-serve` (the Cambridge, MA store) and `huoyan import osm`
//!    (the Andorra extract) into fresh stores, `--runs` times each; median, min and max wall time.
//! 2. **Query throughput and latency**: a Cambridge demo store served by `huoyan serve` on a free
//!    127.0.0.1 port, logged in as the demo admin, then a bounded closed-loop load per scenario
//!    (concurrency `-c`, duration `-d`, at most `--max-requests`): requests/s, p50/p90/p99/max
//!    latency, errors (any answer but 200), and where the CPU went.
//!
//! 3. **The monitoring centre** (`huoyan-bench gateway decode|ingest|connections|latency|all`):
//!    decode rate, durable ingest, connections held and alarm latency of the GB/T 26875.3 gateway
//!    (see `src/gateway/`).
//!
//! Results are printed as Markdown (and written as JSON with `--json FILE`). Everything runs on
//! loopback; every store is a fresh temporary directory or PostgreSQL schema, removed afterwards;
//! every `huoyan` started is killed on exit, error or Ctrl-C.
//!
//! ```text
//! cargo build --release -p huoyan-cli -p huoyan-bench
//! target/release/huoyan-bench --json bench.json
//! ```

mod gateway;
mod imports;
mod incidents;
mod load;
mod store;
mod sys;
mod tiles;

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::Parser;
use serde::Serialize;

use imports::{ImportTiming, cambridge, time_imports};
use load::{Load, Outcome, Scenario};
use store::{Backend, Env, Server, Store};

/// Benchmarks of the huoyan binary: import time and API query throughput/latency on SQLite and PostgreSQL.
#[derive(Debug, Parser)]
#[command(name = "huoyan-bench", version, about)]
struct Args {
    /// The huoyan binary under test (build it with `cargo build --release -p huoyan-cli`).
    #[arg(long, global = true, default_value = "target/release/huoyan")]
    huoyan: PathBuf,
    /// The OpenStreetMap extract to time `huoyan import osm` with.
    #[arg(long, default_value = "data/osm/andorra_2026-04-04.osm.pbf")]
    osm: PathBuf,
    /// PostgreSQL for the PostgreSQL runs (each store gets a fresh schema, dropped afterwards).
    #[arg(long, global = true, env = "HUOYAN_BENCH_PG_URL", default_value = "postgres://postgres@127.0.0.1:5432/test")]
    pg_url: String,
    /// The psql program (drops the schemas, measures their size).
    #[arg(long, global = true, default_value = "psql")]
    psql: PathBuf,
    /// Backends to measure.
    #[arg(long, global = true, value_enum, value_delimiter = ',', default_value = "sqlite,postgres")]
    backends: Vec<Backend>,
    /// Runs of each import.
    #[arg(short = 'n', long, default_value_t = 3)]
    runs: usize,
    /// Failed import attempts tolerated per dataset and backend (each is repeated on a fresh store and reported).
    #[arg(long, default_value_t = 3)]
    retries: usize,
    /// Build the Cambridge demo on PostgreSQL with sqlx's prepared-statement cache off
    /// (`statement-cache-capacity=0`): a work-around for the demo failing with "incorrect binary
    /// data format in bind parameter 5" when the statement cache is on. Its import row is labelled;
    /// `huoyan serve` always runs with the cache on.
    #[arg(long)]
    pg_demo_no_statement_cache: bool,
    /// Concurrent requests of the query load (1–64).
    #[arg(short = 'c', long, default_value_t = 8)]
    concurrency: usize,
    /// Seconds of measured load per scenario (at most 120).
    #[arg(short = 'd', long, default_value_t = 10.0)]
    duration: f64,
    /// Unmeasured warm-up seconds before each scenario.
    #[arg(long, default_value_t = 1.0)]
    warmup: f64,
    /// Hard cap on requests per scenario (and per warm-up).
    #[arg(long, default_value_t = 100_000)]
    max_requests: u64,
    /// HTTP listeners to run the query load against, one server each (`hyper`: Huoyan's own with its
    /// connection cap and header-read timeout; `axum`: the plain `axum::serve` it replaced).
    #[arg(long, value_enum, value_delimiter = ',', default_value = "hyper")]
    listeners: Vec<store::Listener>,
    /// Scenarios to run (default: all).
    #[arg(long, value_enum, value_delimiter = ',')]
    scenarios: Vec<Scenario>,
    /// Seed of the random requests.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// Skip the import timings.
    #[arg(long)]
    skip_import: bool,
    /// Skip the query load.
    #[arg(long)]
    skip_query: bool,
    /// Skip the vector tiles (z12–z16 over the demo, cache off and on; see `src/tiles.rs`).
    #[arg(long)]
    skip_tiles: bool,
    /// Seconds of measured tile requests per zoom, cache state and client count (at most 60).
    #[arg(long, default_value_t = 3.0)]
    tile_seconds: f64,
    /// Concurrent clients of the tile measurement, one row each (1–64).
    #[arg(long, value_delimiter = ',', default_value = "1,4")]
    tile_clients: Vec<usize>,
    /// Also measure intake-to-recommendation latency with this many incidents per backend
    /// (`POST /api/v1/incidents` at random demo units; see `src/incidents.rs`); 0: skip.
    #[arg(long, default_value_t = 0)]
    incidents: usize,
    /// Also write the results as JSON.
    #[arg(long, global = true)]
    json: Option<PathBuf>,
    /// Directory for the temporary data directories (default: the system temporary directory).
    #[arg(long, global = true)]
    tmp: Option<PathBuf>,
    /// Instead of the imports and queries: another benchmark.
    #[command(subcommand)]
    command: Option<Sub>,
}

/// Other benchmarks.
#[derive(Debug, Clone, clap::Subcommand)]
enum Sub {
    /// The monitoring centre: the GB/T 26875.3 gateway of `huoyan serve`.
    #[command(subcommand)]
    Gateway(gateway::Cmd),
}

/// The report of `huoyan-bench gateway …`.
#[derive(Debug, Serialize)]
struct GatewayReport {
    machine: sys::Machine,
    command: String,
    results: gateway::Results,
    load_at_end: String,
}

/// Machine line of a report.
fn machine_line(m: &sys::Machine, load_at_end: &str) -> String {
    format!(
        "Machine: {} CPUs ({}), {:.1} GiB RAM, Linux {}; {}; PostgreSQL {}; {}; load average at start {}, at end {}.\n\n",
        m.cpus,
        m.cpu_model,
        m.ram_gib,
        m.kernel,
        m.huoyan,
        m.postgres.as_deref().unwrap_or("–"),
        m.date_utc,
        m.load_at_start,
        load_at_end
    )
}

/// The query results of one backend.
#[derive(Debug, Serialize)]
struct QueryRun {
    backend: Backend,
    listener: store::Listener,
    outcomes: Vec<Outcome>,
}

#[derive(Debug, Serialize)]
struct Report {
    machine: sys::Machine,
    command: String,
    load: Load,
    imports: Vec<ImportTiming>,
    queries: Vec<QueryRun>,
    tiles: Vec<tiles::TileOutcome>,
    incidents: Vec<incidents::IncidentOutcome>,
    load_at_end: String,
}

const CAMBRIDGE: &str = "Cambridge demo";
const ANDORRA: &str = "Andorra OSM";

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    match s.len() {
        0 => 0.0,
        n if n % 2 == 1 => s[n / 2],
        n => (s[n / 2 - 1] + s[n / 2]) / 2.0,
    }
}

async fn login(client: &reqwest::Client, base: &str) -> anyhow::Result<String> {
    let r = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&serde_json::json!({"username": "admin", "password": "admin@Huoyan2026"}))
        .send()
        .await?;
    if !r.status().is_success() {
        bail!("login as admin: {}", r.status());
    }
    let v: serde_json::Value = r.json().await?;
    Ok(v["token"].as_str().context("the login answer has no token")?.to_string())
}

async fn unit_ids(client: &reqwest::Client, base: &str, token: &str) -> anyhow::Result<Vec<i64>> {
    let r = client.get(format!("{base}/api/v1/units?limit=5000")).bearer_auth(token).send().await?;
    if !r.status().is_success() {
        bail!("listing the units: {}", r.status());
    }
    let v: serde_json::Value = r.json().await?;
    let ids: Vec<i64> =
        v["items"].as_array().map(|a| a.iter().filter_map(|u| u["id"].as_i64()).collect()).unwrap_or_default();
    if ids.is_empty() {
        bail!("the demo store has no units");
    }
    Ok(ids)
}

async fn query_load(
    args: &Args,
    env: &Env,
    load: &Load,
    keep: &mut Vec<(Backend, Store)>,
) -> anyhow::Result<Vec<QueryRun>> {
    let scenarios: Vec<Scenario> =
        if args.scenarios.is_empty() { Scenario::ALL.to_vec() } else { args.scenarios.clone() };
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .pool_max_idle_per_host(load.concurrency)
        .no_proxy()
        .build()?;
    let mut out = Vec::new();
    for &backend in &args.backends {
        let store = match keep.iter().position(|(b, _)| *b == backend) {
            Some(i) => keep.swap_remove(i).1,
            None => {
                eprintln!("  building the Cambridge demo store on {} …", backend.name());
                let mut attempt = 0;
                loop {
                    match cambridge(env, backend, args.pg_demo_no_statement_cache).await {
                        Ok(ok) => break ok.0,
                        Err(e) if attempt < args.retries => {
                            attempt += 1;
                            eprintln!("  FAILED (attempt {attempt}), retrying on a fresh store: {e:#}");
                        }
                        Err(e) => return Err(e),
                    }
                }
            }
        };
        let mut store = store;
        // The server runs in the default configuration whatever the store was built with.
        store.set_no_statement_cache(false);
        for &listener in &args.listeners {
            let server = Server::start_with(&store, &client, listener).await?;
            let result = async {
                let token = login(&client, &server.base).await?;
                let ids = unit_ids(&client, &server.base, &token).await?;
                let mut outcomes = Vec::new();
                for &sc in &scenarios {
                    let o = load::run(&client, &server.base, &token, ids.clone(), server.pid, sc, load).await;
                    eprintln!(
                        "  {:<10} {:<15} {:<15} {:>8.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  errors {}",
                        backend.name(),
                        listener.name(),
                        format!("{sc:?}"),
                        o.rps,
                        o.p50_ms,
                        o.p99_ms,
                        o.errors
                    );
                    if let Some(e) = &o.first_error {
                        eprintln!("    first error: {e}");
                    }
                    outcomes.push(o);
                }
                anyhow::Ok(outcomes)
            }
            .await;
            server.stop().await?;
            out.push(QueryRun { backend, listener, outcomes: result? });
        }
        drop(store);
    }
    Ok(out)
}

/// The tile measurements on each backend's Cambridge store (built here when the imports did not
/// keep one; kept afterwards for the query load).
async fn tile_load(
    args: &Args,
    env: &Env,
    keep: &mut Vec<(Backend, Store)>,
) -> anyhow::Result<Vec<tiles::TileOutcome>> {
    if !(args.tile_seconds > 0.0 && args.tile_seconds <= 60.0)
        || args.tile_clients.iter().any(|c| !(1..=64).contains(c))
    {
        bail!("--tile-seconds: (0, 60]; --tile-clients: 1–64 each");
    }
    eprintln!("vector tiles (z12–z16, cold and warm, {} s per row) …", args.tile_seconds);
    let client = reqwest::Client::builder().timeout(Duration::from_secs(30)).no_proxy().build()?;
    let mut out = Vec::new();
    for &backend in &args.backends {
        if !keep.iter().any(|(b, _)| *b == backend) {
            eprintln!("  building the Cambridge demo store on {} …", backend.name());
            keep.push((backend, cambridge(env, backend, args.pg_demo_no_statement_cache).await?.0));
        }
        if let Some((_, store)) = keep.iter_mut().find(|(b, _)| *b == backend) {
            out.extend(tiles::run(store, backend, &client, &args.tile_clients, args.tile_seconds).await?);
        }
    }
    Ok(out)
}

fn huoyan_version(path: &std::path::Path) -> anyhow::Result<String> {
    let out = std::process::Command::new(path)
        .arg("--version")
        .output()
        .with_context(|| format!("cannot run {} (build it: cargo build --release -p huoyan-cli)", path.display()))?;
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn ms(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

fn mib(b: Option<u64>) -> String {
    b.map(|b| format!("{:.1}", b as f64 / 1024.0 / 1024.0)).unwrap_or_else(|| "–".into())
}

fn markdown(r: &Report) -> String {
    let mut s = machine_line(&r.machine, &r.load_at_end);
    s += &format!("Command: `{}`\n\n", r.command);
    if !r.imports.is_empty() {
        let runs = r.imports.first().map(|i| i.runs_s.len()).unwrap_or(0);
        s += &format!("Import (wall time of the whole `huoyan` process, {runs} runs each, fresh store every run):\n\n");
        s += "| Dataset | Backend | median s | min s | max s | own timer s | failed attempts | store MiB | result |\n|---|---|---:|---:|---:|---:|---:|---:|---|\n";
        for i in &r.imports {
            s += &format!(
                "| {} | {} | {:.2} | {:.2} | {:.2} | {} | {} | {} | {} |\n",
                i.dataset,
                match i.variant {
                    Some(v) => format!("{} ({v})", i.backend.name()),
                    None => i.backend.name().to_string(),
                },
                i.median_s,
                i.min_s,
                i.max_s,
                i.inner_median_s.map(|v| format!("{v:.2}")).unwrap_or_else(|| "–".into()),
                i.failed_attempts,
                mib(i.store_bytes),
                i.summary
            );
        }
        s += "\n";
        for i in r.imports.iter().filter(|i| i.failed_attempts > 0) {
            s += &format!(
                "{} on {}: {} of {} attempts failed; first failure: {}\n\n",
                i.dataset,
                i.backend.name(),
                i.failed_attempts,
                i.failed_attempts + i.runs_s.len(),
                i.first_failure.as_deref().unwrap_or("")
            );
        }
    }
    if !r.queries.is_empty() {
        let l = &r.load;
        s += &format!(
            "Queries (Cambridge demo store, `huoyan serve` on 127.0.0.1, closed loop, {} concurrent, {} s per scenario after {} s warm-up, cap {} requests; CPU = seconds used during the scenario):\n\n",
            l.concurrency, l.duration_s, l.warmup_s, l.max_requests
        );
        s += "| Backend | Listener | Scenario | requests | errors | req/s | p50 ms | p90 ms | p99 ms | max ms | KiB/answer | CPU server / postgres / bench s | machine busy |\n";
        s += "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n";
        for q in &r.queries {
            for o in &q.outcomes {
                s += &format!(
                    "| {} | {} | {} | {} | {} | {:.0} | {} | {} | {} | {} | {:.1} | {:.1} / {:.1} / {:.1} | {:.0} % |\n",
                    q.backend.name(),
                    q.listener.name(),
                    o.scenario.label(),
                    o.requests,
                    o.errors,
                    o.rps,
                    ms(o.p50_ms),
                    ms(o.p90_ms),
                    ms(o.p99_ms),
                    ms(o.max_ms),
                    o.mean_bytes / 1024.0,
                    o.cpu.server_s,
                    if q.backend == Backend::Postgres { o.cpu.postgres_s } else { 0.0 },
                    o.cpu.bench_s,
                    o.cpu.machine_busy_pct
                );
            }
        }
    }
    if !r.incidents.is_empty() {
        s += "\n";
        s += &incidents::markdown(&r.incidents);
    }
    if !r.tiles.is_empty() {
        s += "\n";
        s += &tiles::markdown(&r.tiles);
    }
    s
}

async fn run(args: Args) -> anyhow::Result<()> {
    if args.runs == 0 || args.runs > 20 {
        bail!("--runs: 1–20");
    }
    if args.concurrency == 0 || args.concurrency > 64 {
        bail!("--concurrency: 1–64");
    }
    if !(args.duration > 0.0 && args.duration <= 120.0 && (0.0..=30.0).contains(&args.warmup)) {
        bail!("--duration: (0, 120] seconds; --warmup: [0, 30] seconds");
    }
    if args.max_requests == 0 || args.max_requests > 10_000_000 {
        bail!("--max-requests: 1–10,000,000");
    }
    let version = huoyan_version(&args.huoyan)?;
    if !args.skip_import && args.command.is_none() && !args.osm.exists() {
        bail!("{} does not exist (run from the repository root or pass --osm)", args.osm.display());
    }
    let env = Env {
        huoyan: std::fs::canonicalize(&args.huoyan)?,
        pg_url: args.pg_url.clone(),
        psql: args.psql.clone(),
        tmp: args.tmp.clone().unwrap_or_else(std::env::temp_dir),
    };
    let postgres = if args.backends.contains(&Backend::Postgres) {
        Some(store::psql(&env, "SHOW server_version").context("PostgreSQL is not reachable with --pg-url")?)
    } else {
        None
    };
    let machine = sys::machine(version, postgres);
    let command = std::env::args().collect::<Vec<_>>().join(" ");
    if let Some(Sub::Gateway(cmd)) = &args.command {
        let results = gateway::run(cmd, &env, &args.backends).await?;
        let report = GatewayReport { machine, command, results, load_at_end: sys::loadavg() };
        println!(
            "{}Command: `{}`\n\n{}",
            machine_line(&report.machine, &report.load_at_end),
            report.command,
            report.results.markdown()
        );
        if let Some(path) = &args.json {
            std::fs::write(path, serde_json::to_string_pretty(&report)?)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        return Ok(());
    }
    let load = Load {
        concurrency: args.concurrency,
        duration_s: args.duration,
        warmup_s: args.warmup,
        max_requests: args.max_requests,
        seed: args.seed,
    };
    let mut keep = Vec::new();
    let imports = if args.skip_import {
        Vec::new()
    } else {
        eprintln!("import timings ({} runs each) …", args.runs);
        time_imports(&args, &env, &mut keep).await?
    };
    let tiles = if args.skip_tiles { Vec::new() } else { tile_load(&args, &env, &mut keep).await? };
    let queries = if args.skip_query {
        Vec::new()
    } else {
        eprintln!("query load ({} concurrent, {} s per scenario) …", load.concurrency, load.duration_s);
        query_load(&args, &env, &load, &mut keep).await?
    };
    let mut incident_rows = Vec::new();
    if args.incidents > 0 {
        eprintln!("incident intake ({} per backend) …", args.incidents);
        let client = reqwest::Client::builder().timeout(Duration::from_secs(30)).no_proxy().build()?;
        for &backend in &args.backends {
            let store = match keep.iter().position(|(b, _)| *b == backend) {
                Some(i) => keep.swap_remove(i).1,
                None => cambridge(&env, backend, args.pg_demo_no_statement_cache).await?.0,
            };
            let o = incidents::run(&store, backend, &client, args.incidents, args.seed).await?;
            eprintln!(
                "  {:<10} server p50 {:.2} ms  p99 {:.2} ms  errors {}",
                backend.name(),
                o.server_p50_ms,
                o.server_p99_ms,
                o.errors
            );
            incident_rows.push(o);
        }
    }
    drop(keep);
    let report = Report {
        machine,
        command,
        load,
        imports,
        queries,
        tiles,
        incidents: incident_rows,
        load_at_end: sys::loadavg(),
    };
    println!("{}", markdown(&report));
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&report)?)
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

// One thread for the load generator: it then takes at most one core from the server under test.
#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    let args = Args::parse();
    if let Some(Sub::Gateway(gateway::Cmd::HoldWorker(w))) = &args.command {
        return match gateway::worker(w).await {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e:#}");
                std::process::ExitCode::FAILURE
            }
        };
    }
    // On Ctrl-C the benchmark future is dropped: its servers and imports are killed (kill_on_drop),
    // its schemas dropped and its temporary directories removed.
    tokio::select! {
        r = run(args) => match r {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e:#}");
                std::process::ExitCode::FAILURE
            }
        },
        _ = tokio::signal::ctrl_c() => {
            eprintln!("interrupted; cleaning up");
            std::process::ExitCode::from(130)
        }
    }
}
