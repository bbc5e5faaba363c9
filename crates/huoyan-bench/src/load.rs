//! A bounded closed-loop load on a `huoyan serve` on 127.0.0.1: `concurrency` workers each send one
//! request, wait for the whole answer, and send the next, until the duration is over or the request
//! cap is reached. Every answer must be 200; anything else (or a transport error) counts as an error.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::sys::{Cpu, CpuUse};

/// Cambridge, MA: the box the random query boxes are drawn in.
const LON: (f64, f64) = (-71.16, -71.06);
const LAT: (f64, f64) = (42.35, 42.40);
/// Metres per degree of latitude.
const M_PER_DEG: f64 = 111_320.0;

/// Search strings for the unit list (the generated unit names are Chinese register names; some
/// small shops carry a Cambridge street address). `None` means no `q`.
const QUERIES: &[Option<&str>] = &[
    None,
    None,
    None,
    None,
    Some("店"),
    Some("鑫源"),
    Some("超市"),
    Some("面"),
    Some("火锅"),
    Some("St"),
    Some("宏达"),
    Some("便利"),
];

/// A small, seeded generator (SplitMix64): reproducible request sequences without a dependency.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// Uniform in `[lo, hi)`.
    fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A random square box of about `side_m` metres inside Cambridge: `minLon,minLat,maxLon,maxLat`.
fn bbox(rng: &mut Rng, side_m: f64) -> String {
    let mid_lat = (LAT.0 + LAT.1) / 2.0;
    let half_lat = side_m / 2.0 / M_PER_DEG;
    let half_lon = side_m / 2.0 / (M_PER_DEG * mid_lat.to_radians().cos());
    let lon = rng.between(LON.0 + half_lon, LON.1 - half_lon);
    let lat = rng.between(LAT.0 + half_lat, LAT.1 - half_lat);
    format!("{:.6},{:.6},{:.6},{:.6}", lon - half_lon, lat - half_lat, lon + half_lon, lat + half_lat)
}

/// The query scenarios.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Scenario {
    /// (a) a page of 50 water sources at a random offset.
    WaterPage,
    /// (b) restaurants and shops, 50 per page, with or without a name search.
    UnitsFiltered,
    /// (c) water sources in a random ~500 m box (limit 500).
    WaterBbox,
    /// (d) the map's features (stations, water sources, units) in a random ~1 km box.
    MapFeatures,
    /// (e) one unit by id.
    UnitById,
}

impl Scenario {
    pub(crate) const ALL: &[Scenario] =
        &[Scenario::WaterPage, Scenario::UnitsFiltered, Scenario::WaterBbox, Scenario::MapFeatures, Scenario::UnitById];

    /// The request as the table shows it.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Scenario::WaterPage => "(a) `GET /water_sources?limit=50&offset=rand(0..1900)`",
            Scenario::UnitsFiltered => "(b) `GET /units?kind=restaurant,shop&limit=50[&q=…]`",
            Scenario::WaterBbox => "(c) `GET /water_sources?bbox=<~500 m>&limit=500`",
            Scenario::MapFeatures => "(d) `GET /map/features?bbox=<~1 km>&layers=stations,water_sources,units`",
            Scenario::UnitById => "(e) `GET /units/<random id>`",
        }
    }

    /// A random request path (after `/api/v1`).
    fn path(self, rng: &mut Rng, unit_ids: &[i64]) -> String {
        match self {
            Scenario::WaterPage => format!("/water_sources?limit=50&offset={}", rng.below(1900)),
            Scenario::UnitsFiltered => match QUERIES[rng.below(QUERIES.len() as u64) as usize] {
                None => "/units?kind=restaurant,shop&limit=50".to_string(),
                Some(q) => format!("/units?kind=restaurant,shop&limit=50&q={q}"),
            },
            Scenario::WaterBbox => format!("/water_sources?bbox={}&limit=500", bbox(rng, 500.0)),
            Scenario::MapFeatures => {
                format!("/map/features?bbox={}&layers=stations,water_sources,units", bbox(rng, 1000.0))
            }
            Scenario::UnitById => format!("/units/{}", unit_ids[rng.below(unit_ids.len() as u64) as usize]),
        }
    }
}

/// How hard and how long.
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) struct Load {
    pub(crate) concurrency: usize,
    pub(crate) duration_s: f64,
    pub(crate) warmup_s: f64,
    pub(crate) max_requests: u64,
    pub(crate) seed: u64,
}

/// What one scenario measured.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Outcome {
    pub(crate) scenario: Scenario,
    pub(crate) requests: u64,
    pub(crate) errors: u64,
    pub(crate) first_error: Option<String>,
    pub(crate) seconds: f64,
    pub(crate) rps: f64,
    pub(crate) p50_ms: f64,
    pub(crate) p90_ms: f64,
    pub(crate) p99_ms: f64,
    pub(crate) max_ms: f64,
    pub(crate) mean_ms: f64,
    /// Mean size of an answer body (uncompressed: the client does not ask for gzip).
    pub(crate) mean_bytes: f64,
    pub(crate) cpu: CpuUse,
}

/// What the workers share.
struct Shared {
    client: reqwest::Client,
    base: String,
    auth: String,
    unit_ids: Vec<i64>,
    sent: AtomicU64,
}

#[derive(Default)]
struct Tally {
    latencies_us: Vec<u64>,
    errors: u64,
    first_error: Option<String>,
    bytes: u64,
}

async fn worker(sh: Arc<Shared>, scenario: Scenario, mut rng: Rng, until: Instant, cap: u64) -> Tally {
    let mut t = Tally::default();
    while Instant::now() < until && sh.sent.fetch_add(1, Ordering::Relaxed) < cap {
        let url = format!("{}/api/v1{}", sh.base, scenario.path(&mut rng, &sh.unit_ids));
        let started = Instant::now();
        let res = match sh.client.get(&url).header("Authorization", &sh.auth).send().await {
            Ok(r) => {
                let status = r.status();
                match r.bytes().await {
                    Ok(b) if status == reqwest::StatusCode::OK => Ok(b.len()),
                    Ok(b) => Err(format!("{url}: {status}: {}", String::from_utf8_lossy(&b[..b.len().min(300)]))),
                    Err(e) => Err(format!("{url}: {e}")),
                }
            }
            Err(e) => Err(format!("{url}: {e}")),
        };
        t.latencies_us.push(started.elapsed().as_micros() as u64);
        match res {
            Ok(n) => t.bytes += n as u64,
            Err(e) => {
                t.errors += 1;
                t.first_error.get_or_insert(e);
            }
        }
    }
    t
}

async fn phase(sh: &Arc<Shared>, scenario: Scenario, load: &Load, rng: &mut Rng, seconds: f64, cap: u64) -> Tally {
    sh.sent.store(0, Ordering::Relaxed);
    let until = Instant::now() + Duration::from_secs_f64(seconds);
    let mut tasks = Vec::new();
    for _ in 0..load.concurrency {
        tasks.push(tokio::spawn(worker(sh.clone(), scenario, Rng::new(rng.next()), until, cap)));
    }
    let mut all = Tally::default();
    for t in tasks {
        // A worker task only ends by returning (it never panics on a bad answer).
        if let Ok(t) = t.await {
            all.latencies_us.extend(t.latencies_us);
            all.errors += t.errors;
            all.bytes += t.bytes;
            if all.first_error.is_none() {
                all.first_error = t.first_error;
            }
        }
    }
    all
}

/// Nearest-rank percentile of sorted values, in milliseconds.
fn pct(sorted: &[u64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1] as f64 / 1000.0
}

/// Runs one scenario: an unmeasured warm-up, then the measured load.
pub(crate) async fn run(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    unit_ids: Vec<i64>,
    server_pid: u32,
    scenario: Scenario,
    load: &Load,
) -> Outcome {
    let sh = Arc::new(Shared {
        client: client.clone(),
        base: base.to_string(),
        auth: format!("Bearer {token}"),
        unit_ids,
        sent: AtomicU64::new(0),
    });
    let mut rng = Rng::new(load.seed ^ (scenario as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
    if load.warmup_s > 0.0 {
        phase(&sh, scenario, load, &mut rng, load.warmup_s, load.max_requests).await;
    }
    let before = Cpu::now(server_pid);
    let started = Instant::now();
    let mut t = phase(&sh, scenario, load, &mut rng, load.duration_s, load.max_requests).await;
    let seconds = started.elapsed().as_secs_f64();
    let cpu = CpuUse::between(before, Cpu::now(server_pid));
    t.latencies_us.sort_unstable();
    let n = t.latencies_us.len() as u64;
    let ok = n - t.errors;
    Outcome {
        scenario,
        requests: n,
        errors: t.errors,
        first_error: t.first_error,
        seconds,
        rps: n as f64 / seconds,
        p50_ms: pct(&t.latencies_us, 0.50),
        p90_ms: pct(&t.latencies_us, 0.90),
        p99_ms: pct(&t.latencies_us, 0.99),
        max_ms: pct(&t.latencies_us, 1.0),
        mean_ms: if n == 0 { 0.0 } else { t.latencies_us.iter().sum::<u64>() as f64 / n as f64 / 1000.0 },
        mean_bytes: if ok == 0 { 0.0 } else { t.bytes as f64 / ok as f64 },
        cpu,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_stay_inside_cambridge_and_have_the_size_asked() {
        let mut rng = Rng::new(7);
        for _ in 0..1000 {
            let b: Vec<f64> = bbox(&mut rng, 500.0).split(',').map(|v| v.parse().unwrap()).collect();
            assert!(b[0] >= LON.0 && b[2] <= LON.1 && b[1] >= LAT.0 && b[3] <= LAT.1, "{b:?}");
            let h = (b[3] - b[1]) * M_PER_DEG;
            assert!((h - 500.0).abs() < 1.0, "{h}");
        }
    }

    #[test]
    fn percentiles_are_nearest_rank() {
        let v: Vec<u64> = (1..=100).map(|i| i * 1000).collect();
        assert_eq!(pct(&v, 0.5), 50.0);
        assert_eq!(pct(&v, 0.99), 99.0);
        assert_eq!(pct(&v, 1.0), 100.0);
        assert_eq!(pct(&[], 0.5), 0.0);
    }

    #[test]
    fn paths_are_well_formed() {
        let mut rng = Rng::new(1);
        for s in Scenario::ALL {
            let p = s.path(&mut rng, &[3, 4]);
            assert!(p.starts_with('/'), "{p}");
        }
    }
}
