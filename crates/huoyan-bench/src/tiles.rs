//! Vector-tile generation over the Cambridge demo: `huoyan serve` on 127.0.0.1, logged in as the
//! demo admin, then for each zoom 12–16 every tile covering the city (the box of
//! `/api/v1/map/config`, i.e. the city boundary) is requested over and over by `concurrency`
//! closed-loop workers for a bounded time:
//!
//! - **cold** — the server runs with `tile_cache_bytes = 0` (a `huoyan.toml` in the data
//!   directory), so every request reads the store and encodes the tile;
//! - **warm** — the default cache; one unmeasured pass fills it, then every request is a hit
//!   (still authenticated and checked against the data version).
//!
//! Every answer must be 200 or 204 (an empty tile); the client does not ask for gzip, so the
//! sizes are the raw tile bytes.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde::Serialize;

use crate::store::{Backend, Server, Store};
use crate::sys::{Cpu, CpuUse};

/// The zooms measured.
pub(crate) const ZOOMS: std::ops::RangeInclusive<u8> = 12..=16;

/// One (backend, zoom, cache state, concurrency) measurement.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TileOutcome {
    pub(crate) backend: Backend,
    pub(crate) zoom: u8,
    /// `cold` or `warm`.
    pub(crate) cache: &'static str,
    pub(crate) concurrency: usize,
    /// Distinct tiles covering the city at this zoom.
    pub(crate) tiles: usize,
    pub(crate) requests: u64,
    /// Measured seconds.
    pub(crate) seconds: f64,
    pub(crate) errors: u64,
    pub(crate) first_error: Option<String>,
    /// Answers that were 204 (no feature in the tile).
    pub(crate) empty: u64,
    pub(crate) tiles_per_s: f64,
    pub(crate) p50_ms: f64,
    pub(crate) p99_ms: f64,
    pub(crate) max_ms: f64,
    /// Mean bytes of the non-empty tiles (uncompressed).
    pub(crate) mean_bytes: f64,
    pub(crate) cpu: CpuUse,
}

/// The tile containing a point (XYZ scheme).
fn tile_of(lon: f64, lat: f64, z: u8) -> (u32, u32) {
    let n = (1u64 << z) as f64;
    let x = ((lon + 180.0) / 360.0 * n).floor().clamp(0.0, n - 1.0);
    let lat = lat.clamp(-85.051_128, 85.051_128).to_radians();
    let y = ((1.0 - lat.tan().asinh() / std::f64::consts::PI) / 2.0 * n).floor().clamp(0.0, n - 1.0);
    (x as u32, y as u32)
}

/// Tile paths covering `[west, south, east, north]` at zoom `z`.
fn covering(b: [f64; 4], z: u8) -> Vec<String> {
    let (x0, y0) = tile_of(b[0], b[3], z);
    let (x1, y1) = tile_of(b[2], b[1], z);
    let mut out = Vec::new();
    for y in y0..=y1 {
        for x in x0..=x1 {
            out.push(format!("/tiles/{z}/{x}/{y}.mvt"));
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    lat_us: Vec<u64>,
    errors: u64,
    first_error: Option<String>,
    empty: u64,
    bytes: u64,
}

/// Requests the tiles round-robin with `concurrency` workers until `seconds` or `cap` requests.
async fn hammer(
    client: &reqwest::Client,
    base: &str,
    auth: &str,
    paths: &Arc<Vec<String>>,
    concurrency: usize,
    seconds: f64,
    cap: usize,
) -> (Tally, f64) {
    let next = Arc::new(AtomicUsize::new(0));
    let until = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (client, base, auth, paths, next) =
            (client.clone(), base.to_string(), auth.to_string(), paths.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let mut t = Tally::default();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= cap || Instant::now() >= until {
                    return t;
                }
                let url = format!("{base}{}", paths[i % paths.len()]);
                let t0 = Instant::now();
                let res = match client.get(&url).header("Authorization", &auth).send().await {
                    Ok(r) => {
                        let status = r.status().as_u16();
                        match r.bytes().await {
                            Ok(b) if status == 200 => Ok(b.len()),
                            Ok(_) if status == 204 => Ok(0),
                            Ok(b) => {
                                Err(format!("{url}: {status}: {}", String::from_utf8_lossy(&b[..b.len().min(200)])))
                            }
                            Err(e) => Err(format!("{url}: {e}")),
                        }
                    }
                    Err(e) => Err(format!("{url}: {e}")),
                };
                t.lat_us.push(t0.elapsed().as_micros() as u64);
                match res {
                    Ok(0) => t.empty += 1,
                    Ok(n) => t.bytes += n as u64,
                    Err(e) => {
                        t.errors += 1;
                        t.first_error.get_or_insert(e);
                    }
                }
            }
        }));
    }
    let mut all = Tally::default();
    for task in tasks {
        if let Ok(t) = task.await {
            all.lat_us.extend(t.lat_us);
            all.errors += t.errors;
            all.empty += t.empty;
            all.bytes += t.bytes;
            if all.first_error.is_none() {
                all.first_error = t.first_error;
            }
        }
    }
    (all, started.elapsed().as_secs_f64())
}

fn pct(sorted: &[u64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1] as f64 / 1000.0
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
    Ok(format!("Bearer {}", v["token"].as_str().context("no token in the login answer")?))
}

/// Measures one backend's Cambridge store, cold then warm.
pub(crate) async fn run(
    store: &mut Store,
    backend: Backend,
    client: &reqwest::Client,
    concurrency: &[usize],
    seconds: f64,
) -> anyhow::Result<Vec<TileOutcome>> {
    let config = store.dir().join("huoyan.toml");
    let mut out = Vec::new();
    store.set_no_statement_cache(false);
    for cache in ["cold", "warm"] {
        if cache == "cold" {
            std::fs::write(&config, "[server]\ntile_cache_bytes = 0\n")?;
        } else {
            let _ = std::fs::remove_file(&config);
        }
        let server = Server::start(store, client).await?;
        let result = async {
            let auth = login(client, &server.base).await?;
            let cfg: serde_json::Value = client
                .get(format!("{}/api/v1/map/config", server.base))
                .header("Authorization", &auth)
                .send()
                .await?
                .json()
                .await?;
            let b: Vec<f64> = cfg["bounds"]
                .as_array()
                .context("the demo's map config has no bounds")?
                .iter()
                .filter_map(|v| v.as_f64())
                .collect();
            let bounds: [f64; 4] = b.try_into().map_err(|_| anyhow::anyhow!("bounds are not four numbers"))?;
            let mut rows = Vec::new();
            for z in ZOOMS {
                let paths = Arc::new(covering(bounds, z));
                if cache == "warm" {
                    let (t, _) = hammer(client, &server.base, &auth, &paths, 2, 60.0, paths.len()).await;
                    if t.errors > 0 {
                        bail!("warming z{z}: {}", t.first_error.unwrap_or_default());
                    }
                }
                for &c in concurrency {
                    let before = Cpu::now(server.pid);
                    let (mut t, secs) = hammer(client, &server.base, &auth, &paths, c, seconds, 1_000_000).await;
                    let cpu = CpuUse::between(before, Cpu::now(server.pid));
                    t.lat_us.sort_unstable();
                    let n = t.lat_us.len() as u64;
                    let full = n - t.errors - t.empty;
                    let o = TileOutcome {
                        backend,
                        zoom: z,
                        cache,
                        concurrency: c,
                        tiles: paths.len(),
                        requests: n,
                        seconds: secs,
                        errors: t.errors,
                        first_error: t.first_error,
                        empty: t.empty,
                        tiles_per_s: n as f64 / secs,
                        p50_ms: pct(&t.lat_us, 0.5),
                        p99_ms: pct(&t.lat_us, 0.99),
                        max_ms: pct(&t.lat_us, 1.0),
                        mean_bytes: if full == 0 { 0.0 } else { t.bytes as f64 / full as f64 },
                        cpu,
                    };
                    eprintln!(
                        "  {:<10} z{z} {cache} c={c}: {} tiles, {:.0} tiles/s, p50 {:.2} ms, p99 {:.2} ms, errors {}",
                        backend.name(),
                        o.tiles,
                        o.tiles_per_s,
                        o.p50_ms,
                        o.p99_ms,
                        o.errors
                    );
                    rows.push(o);
                }
            }
            anyhow::Ok(rows)
        }
        .await;
        server.stop().await?;
        out.extend(result?);
    }
    let _ = std::fs::remove_file(&config);
    Ok(out)
}

/// The Markdown table of the tile measurements.
pub(crate) fn markdown(rows: &[TileOutcome]) -> String {
    let Some(first) = rows.first() else { return String::new() };
    let seconds = first.seconds.round();
    let mut s = format!(
        "Vector tiles (Cambridge demo, every tile covering the city at each zoom, requested round-robin for about {seconds} s per row; cold = `tile_cache_bytes = 0`, warm = default cache after one pass; CPU = seconds of `huoyan serve` / all `postgres`):\n\n"
    );
    s += "| Backend | z | cache | clients | tiles | requests | empty | errors | tiles/s | p50 ms | p99 ms | max ms | KiB/tile | CPU server / postgres s |\n";
    s += "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
    for r in rows {
        s += &format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {:.0} | {:.2} | {:.2} | {:.2} | {:.1} | {:.1} / {:.1} |\n",
            r.backend.name(),
            r.zoom,
            r.cache,
            r.concurrency,
            r.tiles,
            r.requests,
            r.empty,
            r.errors,
            r.tiles_per_s,
            r.p50_ms,
            r.p99_ms,
            r.max_ms,
            r.mean_bytes / 1024.0,
            r.cpu.server_s,
            if r.backend == Backend::Postgres { r.cpu.postgres_s } else { 0.0 }
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiles_cover_the_box() {
        assert_eq!(tile_of(-71.1056, 42.3663, 14), (4955, 6059));
        let t = covering([-71.16, 42.35, -71.06, 42.40], 12);
        assert!(!t.is_empty() && t.len() <= 9, "{t:?}");
        assert!(covering([-71.16, 42.35, -71.06, 42.40], 16).len() > 100);
    }
}
