//! `huoyan simulate uitd`: simulated user information transmission devices speaking GB/T 26875.3
//! to a gateway (fires, faults, heartbeats, retransmissions, some garbage), for demos and load.

use std::time::Duration;

use anyhow::bail;

/// Simulators.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Cmd {
    /// UITDs: one TCP connection per device.
    Uitd(UitdArgs),
}

#[derive(Debug, clap::Args)]
pub(crate) struct UitdArgs {
    /// Number of devices.
    #[arg(long, default_value_t = 10)]
    devices: usize,
    /// Uploads per second of all devices together (0 = as fast as --window allows).
    #[arg(long, default_value_t = 10.0)]
    rate: f64,
    /// The gateway, HOST:PORT.
    #[arg(long, default_value = "127.0.0.1:9026")]
    target: String,
    /// Stop after this many seconds.
    #[arg(long)]
    duration: Option<f64>,
    /// Stop after this many uploads.
    #[arg(long)]
    uploads: Option<u64>,
    /// Unconfirmed uploads a device may have (1 = like a real UITD).
    #[arg(long, default_value_t = 1)]
    window: usize,
    /// Device address prefix, 4 hex digits (the registered demo devices use 5349).
    #[arg(long, default_value = "5349")]
    prefix: String,
    /// Shares of uploads reporting 火警 / 故障.
    #[arg(long, default_value_t = 0.05)]
    fire_share: f64,
    #[arg(long, default_value_t = 0.15)]
    fault_share: f64,
    /// Shares of retransmitted uploads and of garbage bursts.
    #[arg(long, default_value_t = 0.01)]
    retransmit_share: f64,
    #[arg(long, default_value_t = 0.005)]
    garbage_share: f64,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

pub(crate) async fn run(cmd: &Cmd) -> anyhow::Result<()> {
    let Cmd::Uitd(a) = cmd;
    let prefix =
        u16::from_str_radix(&a.prefix, 16).map_err(|_| anyhow::anyhow!("--prefix {:?}: 4 hex digits", a.prefix))?;
    if a.duration.is_none() && a.uploads.is_none() {
        eprintln!("no --duration or --uploads: running until Ctrl-C");
    }
    for (name, v) in [
        ("fire-share", a.fire_share),
        ("fault-share", a.fault_share),
        ("retransmit-share", a.retransmit_share),
        ("garbage-share", a.garbage_share),
    ] {
        if !(0.0..=1.0).contains(&v) {
            bail!("--{name} {v}: a share is between 0 and 1");
        }
    }
    let cfg = huoyan_simulator::SimConfig {
        target: a.target.clone(),
        devices: a.devices,
        address_prefix: prefix,
        rate: a.rate,
        window: a.window,
        fire_share: a.fire_share,
        fault_share: a.fault_share,
        retransmit_share: a.retransmit_share,
        garbage_share: a.garbage_share,
        duration: a.duration.map(Duration::from_secs_f64),
        max_uploads: a.uploads,
        seed: a.seed,
        ..huoyan_simulator::SimConfig::default()
    };
    let started = std::time::Instant::now();
    let stop = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let r = huoyan_simulator::run(cfg, stop).await?;
    let secs = started.elapsed().as_secs_f64();
    let summary = serde_json::json!({
        "devices": a.devices,
        "seconds": secs,
        "uploads": r.uploads,
        "confirmed": r.confirmed,
        "confirmed_per_s": r.confirmed as f64 / secs.max(1e-9),
        "denied": r.denied,
        "resent": r.resent,
        "heartbeats": r.heartbeats,
        "garbage": r.garbage,
        "answered_centre_requests": r.answered,
        "connects": r.connects,
        "connect_failures": r.connect_failures,
        "unconfirmed": r.unconfirmed,
        "confirm_ms_p50": r.latency_quantile(0.5),
        "confirm_ms_p99": r.latency_quantile(0.99),
        "by_report": r.by_report,
    });
    if a.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        println!(
            "{} devices, {:.1} s: {} uploads, {} confirmed ({:.0}/s), {} denied, {} resent, {} unconfirmed; confirmation p50 {:.1} ms, p99 {:.1} ms",
            a.devices,
            secs,
            r.uploads,
            r.confirmed,
            r.confirmed as f64 / secs.max(1e-9),
            r.denied,
            r.resent,
            r.unconfirmed,
            r.latency_quantile(0.5).unwrap_or(f64::NAN),
            r.latency_quantile(0.99).unwrap_or(f64::NAN)
        );
    }
    if r.unconfirmed > 0 {
        bail!("{} uploads were never confirmed", r.unconfirmed);
    }
    Ok(())
}
