//! The crash test of the monitoring centre: the real `huoyan serve` (with its GB/T 26875.3 gateway)
//! is killed with SIGKILL at random moments and restarted, round after round, while simulated
//! UITDs (`huoyan-simulator`, reconnecting and resending like real devices) upload as fast as
//! their window allows. Afterwards every upload the gateway acknowledged with 确认 must be in
//! `alarm_frames` — the gateway confirms only after the commit — and, since the devices resend
//! until confirmed, every upload sent is stored exactly once.
//!
//! On SQLite in a temporary directory; also on PostgreSQL (a fresh schema, dropped afterwards)
//! when `HUOYAN_TEST_PG_URL` is set. About 15 s per backend; `HUOYAN_CRASH_SEED` repeats a run's
//! kill schedule (the seed is printed).

use huoyan_monitor::store::Monitoring;
use std::collections::{HashMap, HashSet};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use huoyan_domain::JurisdictionLevel;
use huoyan_domain::account::Principal;
use huoyan_domain::jurisdiction::Jurisdiction;
use huoyan_monitor::store::frames::NewDevice;
use huoyan_simulator::{SimConfig, SimReport, address_hex, address_of};
use huoyan_store::{Store, StoreConfig};

/// Simulated devices (one connection each) and their address prefix ("CR").
const DEVICES: u32 = 8;
const PREFIX: u16 = 0x4352;
/// Kill rounds and how long the devices keep sending.
const ROUNDS: usize = 6;
const LOAD: Duration = Duration::from_secs(11);

/// xorshift64*, seeded from the clock unless `HUOYAN_CRASH_SEED` is set.
struct Rng(u64);

impl Rng {
    fn between(&mut self, lo: Duration, hi: Duration) -> Duration {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % 1_000_000;
        lo + (hi - lo).mul_f64(x as f64 / 1_000_000.0)
    }
}

/// Where the server keeps its data.
#[derive(Clone)]
enum Backend {
    Sqlite,
    Postgres { url: String, schema: String },
}

impl Backend {
    fn store_config(&self, dir: &Path) -> StoreConfig {
        match self {
            Backend::Sqlite => StoreConfig {
                url: format!("sqlite://{}?mode=rwc", dir.join("huoyan.db").display()),
                pg_schema: None,
                max_connections: 2,
            },
            Backend::Postgres { url, schema } => {
                StoreConfig { url: url.clone(), pg_schema: Some(schema.clone()), max_connections: 2 }
            }
        }
    }
}

/// The PostgreSQL schema of a run, dropped when the test ends (also when it fails).
struct SchemaGuard(Option<(String, String)>);

impl Drop for SchemaGuard {
    fn drop(&mut self) {
        let Some((url, schema)) = self.0.take() else { return };
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            rt.block_on(async {
                if let Ok(admin) = Store::connect(&StoreConfig { url, pg_schema: None, max_connections: 1 }).await {
                    let _ = admin.execute_admin(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE")).await;
                    admin.close().await;
                }
            });
        })
        .join();
    }
}

/// `huoyan serve`, killed with SIGKILL when dropped.
struct Server {
    child: Option<Child>,
    data: PathBuf,
    backend: Backend,
    gateway: String,
    log: PathBuf,
}

impl Server {
    fn spawn(&mut self) {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_huoyan"));
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("HUOYAN_") {
                cmd.env_remove(k);
            }
        }
        if let Backend::Postgres { url, schema } = &self.backend {
            cmd.env("HUOYAN_DATABASE_URL", url).env("HUOYAN_PG_SCHEMA", schema);
        }
        let log = std::fs::OpenOptions::new().create(true).append(true).open(&self.log).unwrap();
        cmd.arg("--data")
            .arg(&self.data)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .env("HUOYAN_GATEWAY_LISTEN", &self.gateway)
            .env("HUOYAN_LOG_LEVEL", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log);
        self.child = Some(cmd.spawn().expect("start huoyan serve"));
    }

    /// Waits until the gateway accepts connections.
    async fn ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = self.child.as_mut().and_then(|c| c.try_wait().unwrap()) {
                panic!("huoyan serve exited ({status}):\n{}", self.log_tail());
            }
            if tokio::net::TcpStream::connect(&self.gateway).await.is_ok() {
                return;
            }
            assert!(Instant::now() < deadline, "the gateway did not come up within 60 s:\n{}", self.log_tail());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// SIGKILL, then reap.
    fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            c.kill().unwrap();
            c.wait().unwrap();
        }
    }

    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

async fn register_devices(store: &Store) {
    let sys = Principal::system();
    let city = Jurisdiction {
        id: 0,
        parent_id: None,
        level: JurisdictionLevel::City,
        name: "崩溃测试市".into(),
        code: None,
        boundary: None,
        path: String::new(),
    };
    let city = store.create_jurisdiction(&sys, city).await.unwrap();
    for i in 0..DEVICES {
        let address = address_hex(address_of(PREFIX, i));
        let d = NewDevice { jurisdiction_id: city.id, unit_id: None, address, name: format!("崩溃测试装置 {i}") };
        Monitoring(store).register_device(&sys, d).await.unwrap();
    }
}

/// The ADU bytes as hex: with the device and serial, what identifies an upload (its time tag
/// may differ between transmissions).
fn adu_hex(raw: &[u8]) -> String {
    huoyan_gb26875::bytes_to_hex(&raw[27..raw.len() - 3])
}

async fn crash_loop(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let store = huoyan_server::open_store(&backend.store_config(dir.path())).await.unwrap();
    register_devices(&store).await;
    store.close().await;

    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let gateway = format!("127.0.0.1:{port}");
    let mut server = Server {
        child: None,
        data: dir.path().to_path_buf(),
        backend: backend.clone(),
        gateway,
        log: dir.path().join("serve.log"),
    };
    server.spawn();
    server.ready().await;

    let seed = std::env::var("HUOYAN_CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
    });
    eprintln!("crash test seed {seed} (HUOYAN_CRASH_SEED={seed} repeats the kill schedule)");
    let mut rng = Rng(seed | 1);
    let sim = SimConfig {
        target: server.gateway.clone(),
        devices: DEVICES as usize,
        address_prefix: PREFIX,
        rate: 1_500.0,
        window: 8,
        heartbeat: Duration::from_secs(2),
        retransmit_share: 0.02,
        garbage_share: 0.01,
        duration: Some(LOAD),
        drain: Duration::from_secs(30),
        ack_timeout: Duration::from_secs(1),
        seed,
        record_acks: true,
        ..SimConfig::default()
    };
    let started = Instant::now();
    let devices = tokio::spawn(huoyan_simulator::run(sim, std::future::pending()));

    // Kill at random moments, most while the devices send (the rest while they resend what is
    // still unconfirmed); the last restart leaves the devices time to drain.
    let (mut kills, mut under_load) = (0, 0);
    let mut down = Duration::ZERO;
    while kills < ROUNDS {
        tokio::time::sleep(rng.between(Duration::from_millis(300), Duration::from_millis(1500))).await;
        server.kill();
        kills += 1;
        under_load += usize::from(started.elapsed() < LOAD);
        let t = Instant::now();
        tokio::time::sleep(rng.between(Duration::ZERO, Duration::from_millis(300))).await;
        server.spawn();
        server.ready().await;
        down += t.elapsed();
    }
    let report: SimReport = devices.await.unwrap().unwrap();
    let took = started.elapsed();
    // A last crash, after everything was confirmed.
    server.kill();

    let store = huoyan_server::open_store(&backend.store_config(dir.path())).await.unwrap();
    let mut stored: HashMap<String, HashSet<(i64, String)>> = HashMap::new();
    for i in 0..DEVICES {
        let address = address_hex(address_of(PREFIX, i));
        let rows = Monitoring(&store).recent_frames(&address, 10_000_000).await.unwrap();
        let set = rows.iter().map(|r| (r.serial, adu_hex(&huoyan_gb26875::hex_to_bytes(&r.raw).unwrap()))).collect();
        stored.insert(address, set);
    }
    let total = Monitoring(&store).count_frames(None).await.unwrap();
    store.close().await;

    let missing: Vec<String> = report
        .acked
        .iter()
        .filter(|a| {
            let key = (i64::from(a.serial), adu_hex(&a.bytes));
            !stored.get(&address_hex(a.address)).is_some_and(|s| s.contains(&key))
        })
        .map(|a| format!("{} serial {}", address_hex(a.address), a.serial))
        .collect();
    eprintln!(
        "{kills} SIGKILLs ({under_load} while sending) in {:.1} s (down {:.1} s in all): {} uploads, {} confirmed, {} stored, {} missing; {} connections, {} resends, {} 否认, {} unconfirmed",
        took.as_secs_f64(),
        down.as_secs_f64(),
        report.uploads,
        report.acked.len(),
        total,
        missing.len(),
        report.connects,
        report.resent,
        report.denied,
        report.unconfirmed
    );
    assert!(
        missing.is_empty(),
        "acknowledged but not stored: {:?}\n{}",
        &missing[..missing.len().min(10)],
        server.log_tail()
    );
    assert!(under_load >= 1, "no kill while the devices were sending");
    assert!(report.connects > kills as u64, "the devices reconnected after the kills");
    assert!(report.acked.len() >= 1_000, "too little load to mean anything: {} confirmed", report.acked.len());
    assert_eq!(report.unconfirmed, 0, "every upload is confirmed after the last restart");
    // The devices resend until confirmed, the store recognises resends: each upload exactly once.
    assert_eq!(report.acked.len() as u64, report.uploads);
    assert_eq!(total, report.uploads as i64, "stored frames = uploads sent");
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

#[test]
fn sigkill_loses_no_acknowledged_frame_sqlite() {
    runtime().block_on(crash_loop(Backend::Sqlite));
}

#[test]
fn sigkill_loses_no_acknowledged_frame_postgres() {
    let Some(url) = std::env::var("HUOYAN_TEST_PG_URL").ok().filter(|u| !u.is_empty()) else {
        eprintln!("HUOYAN_TEST_PG_URL not set: PostgreSQL variant skipped");
        return;
    };
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    let schema = format!("huoyan_crash_{}_{}", std::process::id(), nanos % 100_000);
    let _guard = SchemaGuard(Some((url.clone(), schema.clone())));
    runtime().block_on(crash_loop(Backend::Postgres { url, schema }));
}
