//! Simulated user information transmission devices (用户信息传输装置, UITD): each device is one TCP
//! connection to a GB/T 26875.3 gateway that sends uploads (火警, 故障, normal states, 主电故障)
//! at its share of a total rate, heartbeats when idle, some retransmissions and some garbage, and
//! answers the centre's reads and controls. Like a real UITD it keeps an upload until 确认 and
//! resends it after 否认, after a timeout, and after reconnecting — so every upload the gateway
//! acknowledged is recorded in the report ([`SimReport::acked`]) for crash tests to check.
//!
//! Used by `huoyan simulate uitd`, the demo, the gateway's crash test and the ingest benchmark.

pub mod frames;

use std::collections::{BTreeMap, VecDeque};
use std::time::Duration;

use huoyan_gb26875::{Address, Command, StreamDecoder};
use rand::{Rng, SeedableRng};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::Instant;

pub use frames::Report;

/// What to simulate.
#[derive(Debug, Clone)]
pub struct SimConfig {
    /// The gateway, `HOST:PORT`.
    pub target: String,
    /// Number of devices (one connection each).
    pub devices: usize,
    /// The devices' addresses are `prefix` (2 bytes) followed by the device number (4 bytes).
    pub address_prefix: u16,
    /// Uploads per second across all devices; 0 = as fast as `window` allows.
    pub rate: f64,
    /// Uploads a device may have unacknowledged (1 = like a real UITD).
    pub window: usize,
    /// A device idle this long sends a heartbeat.
    pub heartbeat: Duration,
    /// Shares of uploads that report 火警, 故障 and 主电故障 (the rest: normal states).
    pub fire_share: f64,
    /// See `fire_share`.
    pub fault_share: f64,
    /// See `fire_share`.
    pub power_share: f64,
    /// Share of uploads sent twice (as after a lost confirmation).
    pub retransmit_share: f64,
    /// Share of uploads preceded by random bytes (line noise).
    pub garbage_share: f64,
    /// Stop after this long (then wait up to `drain` for outstanding confirmations).
    pub duration: Option<Duration>,
    /// Stop after this many uploads in all.
    pub max_uploads: Option<u64>,
    /// How long to wait for outstanding confirmations at the end.
    pub drain: Duration,
    /// No confirmation within this → resend (GB/T 26875.3: 10 s, 3 retries; we retry until the end).
    pub ack_timeout: Duration,
    /// Random seed.
    pub seed: u64,
    /// Keep every acknowledged upload in the report.
    pub record_acks: bool,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            target: "127.0.0.1:9026".into(),
            devices: 10,
            address_prefix: 0x5349,
            rate: 10.0,
            window: 1,
            heartbeat: Duration::from_secs(30),
            fire_share: 0.05,
            fault_share: 0.15,
            power_share: 0.02,
            retransmit_share: 0.01,
            garbage_share: 0.005,
            duration: None,
            max_uploads: None,
            drain: Duration::from_secs(15),
            ack_timeout: Duration::from_secs(10),
            seed: 1,
            record_acks: false,
        }
    }
}

/// The address of device `i`.
pub fn address_of(prefix: u16, i: u32) -> Address {
    let p = prefix.to_be_bytes();
    let n = i.to_be_bytes();
    Address([p[0], p[1], n[0], n[1], n[2], n[3]])
}

/// An upload the gateway acknowledged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acked {
    /// Device address.
    pub address: Address,
    /// Its serial.
    pub serial: u16,
    /// The wire bytes of the (first) transmission.
    pub bytes: Vec<u8>,
}

/// What happened.
#[derive(Debug, Clone, Default)]
pub struct SimReport {
    /// Distinct uploads sent (not counting resends).
    pub uploads: u64,
    /// Uploads confirmed.
    pub confirmed: u64,
    /// 否认 received.
    pub denied: u64,
    /// Resends (deliberate duplicates, after 否认, timeouts and reconnects).
    pub resent: u64,
    /// Heartbeats sent.
    pub heartbeats: u64,
    /// Garbage bursts sent.
    pub garbage: u64,
    /// Centre requests answered.
    pub answered: u64,
    /// Connections (re)established.
    pub connects: u64,
    /// Failed connection attempts.
    pub connect_failures: u64,
    /// Uploads still unconfirmed at the end.
    pub unconfirmed: u64,
    /// Milliseconds from first transmission to 确认, per confirmed upload.
    pub latencies_ms: Vec<f64>,
    /// Every confirmed upload (when `record_acks`).
    pub acked: Vec<Acked>,
    /// Uploads by report kind.
    pub by_report: BTreeMap<String, u64>,
}

impl SimReport {
    fn merge(&mut self, o: SimReport) {
        self.uploads += o.uploads;
        self.confirmed += o.confirmed;
        self.denied += o.denied;
        self.resent += o.resent;
        self.heartbeats += o.heartbeats;
        self.garbage += o.garbage;
        self.answered += o.answered;
        self.connects += o.connects;
        self.connect_failures += o.connect_failures;
        self.unconfirmed += o.unconfirmed;
        self.latencies_ms.extend(o.latencies_ms);
        self.acked.extend(o.acked);
        for (k, v) in o.by_report {
            *self.by_report.entry(k).or_default() += v;
        }
    }

    /// The `p`-quantile (0–1) of the confirmation latency, ms.
    pub fn latency_quantile(&self, p: f64) -> Option<f64> {
        let mut v = self.latencies_ms.clone();
        if v.is_empty() {
            return None;
        }
        v.sort_by(f64::total_cmp);
        v.get(((v.len() - 1) as f64 * p).round() as usize).copied()
    }
}

/// Why the simulation could not run.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    /// A setting is out of range.
    #[error("invalid simulation setting: {0}")]
    Config(String),
}

struct Pending {
    serial: u16,
    bytes: Vec<u8>,
    first_sent: Instant,
    last_sent: Instant,
}

/// Runs the simulation until its duration or upload budget is spent (or `stop` completes), then
/// waits for outstanding confirmations and reports.
pub async fn run(config: SimConfig, stop: impl Future<Output = ()> + Send + 'static) -> Result<SimReport, SimError> {
    if config.devices == 0 || config.devices > 1_000_000 {
        return Err(SimError::Config("devices must be 1–1,000,000".into()));
    }
    if !(config.rate >= 0.0 && config.rate.is_finite()) {
        return Err(SimError::Config("rate must be ≥ 0".into()));
    }
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        stop.await;
        let _ = stop_tx.send(true);
    });
    let budget = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(config.max_uploads.unwrap_or(u64::MAX)));
    let deadline = config.duration.map(|d| Instant::now() + d);
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..config.devices {
        let (cfg, budget, stop) = (config.clone(), budget.clone(), stop_rx.clone());
        tasks.spawn(device(cfg, i as u32, budget, deadline, stop));
    }
    let mut report = SimReport::default();
    while let Some(r) = tasks.join_next().await {
        if let Ok(r) = r {
            report.merge(r);
        }
    }
    Ok(report)
}

fn take_budget(budget: &std::sync::atomic::AtomicU64) -> bool {
    budget
        .fetch_update(std::sync::atomic::Ordering::Relaxed, std::sync::atomic::Ordering::Relaxed, |b| b.checked_sub(1))
        .is_ok()
}

fn pick_report(cfg: &SimConfig, rng: &mut impl Rng) -> Report {
    let x: f64 = rng.random();
    if x < cfg.fire_share {
        Report::Fire
    } else if x < cfg.fire_share + cfg.fault_share {
        Report::Fault
    } else if x < cfg.fire_share + cfg.fault_share + cfg.power_share {
        Report::MainPowerFault
    } else {
        Report::Normal
    }
}

/// One device: connect, send, resend, reconnect, until done.
async fn device(
    cfg: SimConfig,
    i: u32,
    budget: std::sync::Arc<std::sync::atomic::AtomicU64>,
    deadline: Option<Instant>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) -> SimReport {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(cfg.seed.wrapping_mul(1_000_003).wrapping_add(u64::from(i)));
    let me = address_of(cfg.address_prefix, i);
    let mut r = SimReport::default();
    let per_device = if cfg.rate > 0.0 { cfg.rate / cfg.devices as f64 } else { 0.0 };
    let interval = (per_device > 0.0).then(|| Duration::from_secs_f64(1.0 / per_device));
    // Spread the devices' first uploads over one interval.
    let mut next_upload = Instant::now() + interval.map_or(Duration::ZERO, |d| d.mul_f64(rng.random::<f64>()));
    let mut serial: u16 = rng.random();
    let mut pending: VecDeque<Pending> = VecDeque::new();
    let mut done_sending = false;
    let mut drain_until: Option<Instant> = None;
    let mut backoff = Duration::from_millis(50);
    'outer: loop {
        if *stop.borrow() {
            break;
        }
        let sock = match TcpStream::connect(&cfg.target).await {
            Ok(s) => s,
            Err(_) => {
                r.connect_failures += 1;
                if drain_until.is_some_and(|t| Instant::now() > t) {
                    break;
                }
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(1));
                continue;
            }
        };
        backoff = Duration::from_millis(50);
        r.connects += 1;
        let _ = sock.set_nodelay(true);
        let (mut rd, mut wr) = sock.into_split();
        // Resend what was outstanding when the last connection dropped.
        for p in pending.iter_mut() {
            if wr.write_all(&p.bytes).await.is_err() {
                continue 'outer;
            }
            p.last_sent = Instant::now();
            r.resent += 1;
        }
        let mut dec = StreamDecoder::new(4 * huoyan_gb26875::MAX_FRAME_LEN);
        let mut buf = vec![0u8; 8192];
        let mut last_tx = Instant::now();
        loop {
            let now = Instant::now();
            if !done_sending && (deadline.is_some_and(|d| now >= d) || *stop.borrow()) {
                done_sending = true;
            }
            if done_sending && pending.is_empty() {
                break 'outer;
            }
            if done_sending && drain_until.is_none() {
                drain_until = Some(now + cfg.drain);
            }
            if drain_until.is_some_and(|t| now >= t) {
                break 'outer;
            }
            let can_send = !done_sending && pending.len() < cfg.window.max(1);
            let send_at = if can_send { Some(if interval.is_some() { next_upload } else { now }) } else { None };
            let resend_at = pending.front().map(|p| p.last_sent + cfg.ack_timeout);
            let beat_at = last_tx + cfg.heartbeat;
            let mut wake = beat_at;
            for t in [send_at, resend_at, drain_until].into_iter().flatten() {
                wake = wake.min(t);
            }
            tokio::select! {
                read = rd.read(&mut buf) => {
                    let n = match read { Ok(0) | Err(_) => continue 'outer, Ok(n) => n };
                    dec.feed(&buf[..n]);
                    while let Some(item) = dec.next_frame() {
                        let Ok(frame) = item else { continue };
                        match frame.command {
                            Command::Confirm => {
                                if let Some(pos) = pending.iter().position(|p| p.serial == frame.serial) {
                                    let p = pending.remove(pos).unwrap_or_else(|| unreachable!());
                                    r.confirmed += 1;
                                    r.latencies_ms.push(p.first_sent.elapsed().as_secs_f64() * 1000.0);
                                    if cfg.record_acks {
                                        r.acked.push(Acked { address: me, serial: p.serial, bytes: p.bytes });
                                    }
                                }
                            }
                            Command::Deny => {
                                if let Some(p) = pending.iter_mut().find(|p| p.serial == frame.serial) {
                                    r.denied += 1;
                                    r.resent += 1;
                                    p.last_sent = Instant::now();
                                    if wr.write_all(&p.bytes).await.is_err() {
                                        continue 'outer;
                                    }
                                }
                            }
                            Command::Control | Command::Request => {
                                if let Some(reply) = frames::reply_to(&frame) {
                                    if wr.write_all(&reply.encode()).await.is_err() {
                                        continue 'outer;
                                    }
                                    r.answered += 1;
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ = stop.changed() => {}
                () = tokio::time::sleep_until(wake) => {
                    let now = Instant::now();
                    if let Some(front) = pending.front_mut()
                        && front.last_sent + cfg.ack_timeout <= now {
                            front.last_sent = now;
                            r.resent += 1;
                            if wr.write_all(&front.bytes).await.is_err() {
                                continue 'outer;
                            }
                            last_tx = now;
                        }
                    if send_at.is_some_and(|t| t <= now) {
                        if !take_budget(&budget) {
                            done_sending = true;
                            continue;
                        }
                        serial = serial.wrapping_add(1);
                        let report = pick_report(&cfg, &mut rng);
                        *r.by_report.entry(format!("{report:?}")).or_default() += 1;
                        let bytes = frames::upload(me, serial, report, &mut rng).encode();
                        if rng.random::<f64>() < cfg.garbage_share {
                            let junk: Vec<u8> = (0..rng.random_range(5..40)).map(|_| rng.random_range(0u8..0x40)).collect();
                            r.garbage += 1;
                            if wr.write_all(&junk).await.is_err() {
                                continue 'outer;
                            }
                        }
                        pending.push_back(Pending { serial, bytes: bytes.clone(), first_sent: now, last_sent: now });
                        r.uploads += 1;
                        if let Some(iv) = interval {
                            next_upload += iv;
                        }
                        if wr.write_all(&bytes).await.is_err() {
                            continue 'outer;
                        }
                        if rng.random::<f64>() < cfg.retransmit_share {
                            r.resent += 1;
                            if wr.write_all(&bytes).await.is_err() {
                                continue 'outer;
                            }
                        }
                        last_tx = now;
                    } else if beat_at <= now {
                        serial = serial.wrapping_add(1);
                        r.heartbeats += 1;
                        if wr.write_all(&frames::heartbeat(me, serial).encode()).await.is_err() {
                            continue 'outer;
                        }
                        last_tx = now;
                    }
                }
            }
        }
    }
    r.unconfirmed = pending.len() as u64;
    r
}

/// Formats an address as 12 hex digits.
pub fn address_hex(a: Address) -> String {
    huoyan_gb26875::bytes_to_hex(&a.0)
}
