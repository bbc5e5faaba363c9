//! Intake-to-recommendation latency (`--incidents N`): the Cambridge demo served by `huoyan serve`
//! on 127.0.0.1, logged in as the demo dispatcher, then `N` incidents taken in one after another
//! (`POST /api/v1/incidents`, closed loop, one client) at seeded random units of the demo:
//! `{"category": "fire", "unit_id": <random unit>, "level": 1–3, "accept_unroutable": true}`.
//! Each answer carries the server's own time (`timing.total_ms`: the whole request;
//! `timing.recommendation_ms`: reading the forces, the one-to-many travel-time search and the plan
//! fill); the client measures the round trip. Nothing is dispatched, so every intake sees the same
//! fleet. The first intake builds the road graph and is reported apart.

use std::time::Instant;

use anyhow::{Context, bail};
use serde::Serialize;

use crate::store::{Backend, Server, Store};

/// The measurements of one backend.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct IncidentOutcome {
    pub(crate) backend: Backend,
    pub(crate) intakes: usize,
    pub(crate) errors: usize,
    /// The first intake (builds the road graph), client round trip, ms.
    pub(crate) first_ms: f64,
    pub(crate) client_p50_ms: f64,
    pub(crate) client_p99_ms: f64,
    pub(crate) server_p50_ms: f64,
    pub(crate) server_p99_ms: f64,
    pub(crate) server_max_ms: f64,
    pub(crate) recommendation_p50_ms: f64,
    pub(crate) recommendation_p99_ms: f64,
    /// Mean vehicles recommended per intake.
    pub(crate) mean_vehicles: f64,
    /// Intakes whose point was off the road network or unreachable (taken in with `accept_unroutable`).
    pub(crate) unroutable: usize,
}

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Nearest-rank percentile of sorted values.
pub(crate) fn pct(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1]
}

/// Runs `n` intakes against the store's server.
pub(crate) async fn run(
    store: &Store,
    backend: Backend,
    client: &reqwest::Client,
    n: usize,
    seed: u64,
) -> anyhow::Result<IncidentOutcome> {
    if !(1..=100_000).contains(&n) {
        bail!("--incidents: 1–100,000");
    }
    let server = Server::start(store, client).await?;
    let result = async {
        let base = &server.base;
        let r = client.post(format!("{base}/api/v1/auth/login")).json(&serde_json::json!({"username": "dispatcher", "password": "dispatcher@Huoyan2026"})).send().await?;
        if !r.status().is_success() {
            bail!("login as dispatcher: {}", r.status());
        }
        let token = r.json::<serde_json::Value>().await?["token"].as_str().context("no token")?.to_string();
        let units: serde_json::Value = client.get(format!("{base}/api/v1/units?limit=5000")).bearer_auth(&token).send().await?.json().await?;
        let ids: Vec<i64> = units["items"].as_array().map(|a| a.iter().filter_map(|u| u["id"].as_i64()).collect()).unwrap_or_default();
        if ids.is_empty() {
            bail!("the demo store has no units");
        }
        let mut state = seed;
        let (mut client_ms, mut server_ms, mut rec_ms) = (Vec::new(), Vec::new(), Vec::new());
        let (mut errors, mut unroutable, mut vehicles, mut first_ms) = (0, 0, 0usize, 0.0);
        for i in 0..=n {
            let unit = ids[(splitmix(&mut state) % ids.len() as u64) as usize];
            let level = 1 + splitmix(&mut state) % 3;
            let body = serde_json::json!({"category": "fire", "unit_id": unit, "level": level, "accept_unroutable": true, "notes": "huoyan-bench"});
            let t = Instant::now();
            let r = client.post(format!("{base}/api/v1/incidents")).bearer_auth(&token).json(&body).send().await?;
            let status = r.status();
            let v: serde_json::Value = r.json().await.unwrap_or_default();
            let took = t.elapsed().as_secs_f64() * 1000.0;
            if i == 0 {
                first_ms = took;
                continue;
            }
            if status.as_u16() != 201 {
                errors += 1;
                continue;
            }
            client_ms.push(took);
            server_ms.push(v["timing"]["total_ms"].as_f64().unwrap_or(f64::NAN));
            rec_ms.push(v["timing"]["recommendation_ms"].as_f64().unwrap_or(f64::NAN));
            vehicles += v["recommendation"]["assignments"].as_array().map_or(0, Vec::len);
            let warn = v["recommendation"]["warnings"].as_array().cloned().unwrap_or_default();
            if warn.iter().any(|w| w.as_str().is_some_and(|w| w.contains("travel times unavailable"))) {
                unroutable += 1;
            }
        }
        for v in [&mut client_ms, &mut server_ms, &mut rec_ms] {
            v.sort_by(f64::total_cmp);
        }
        let ok = client_ms.len().max(1) as f64;
        anyhow::Ok(IncidentOutcome {
            backend,
            intakes: client_ms.len(),
            errors,
            first_ms,
            client_p50_ms: pct(&client_ms, 0.5),
            client_p99_ms: pct(&client_ms, 0.99),
            server_p50_ms: pct(&server_ms, 0.5),
            server_p99_ms: pct(&server_ms, 0.99),
            server_max_ms: server_ms.last().copied().unwrap_or(0.0),
            recommendation_p50_ms: pct(&rec_ms, 0.5),
            recommendation_p99_ms: pct(&rec_ms, 0.99),
            mean_vehicles: vehicles as f64 / ok,
            unroutable,
        })
    }
    .await;
    server.stop().await?;
    result
}

/// The results as a Markdown table.
pub(crate) fn markdown(rows: &[IncidentOutcome]) -> String {
    let mut s = String::from(
        "Intake to recommendation (`POST /api/v1/incidents` at random demo units, one client, closed loop; server = the answer's `timing`):\n\n\
         | Backend | intakes | errors | first (builds graph) ms | client p50 / p99 ms | server p50 / p99 / max ms | recommendation p50 / p99 ms | vehicles per intake | unroutable |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for o in rows {
        s += &format!(
            "| {} | {} | {} | {:.1} | {:.2} / {:.2} | {:.2} / {:.2} / {:.2} | {:.2} / {:.2} | {:.1} | {} |\n",
            o.backend.name(),
            o.intakes,
            o.errors,
            o.first_ms,
            o.client_p50_ms,
            o.client_p99_ms,
            o.server_p50_ms,
            o.server_p99_ms,
            o.server_max_ms,
            o.recommendation_p50_ms,
            o.recommendation_p99_ms,
            o.mean_vehicles,
            o.unroutable
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!((pct(&v, 0.5), pct(&v, 0.99), pct(&[], 0.5)), (50.0, 99.0, 0.0));
    }
}
