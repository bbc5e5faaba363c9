//! Import time: `huoyan demo --no-serve` (the Cambridge, MA store) and `huoyan import osm` (the
//! Andorra extract) into fresh stores, `--runs` times each; median, min and max wall time, and the
//! time the command itself reports for its store phase.

use std::time::Duration;

use anyhow::bail;
use serde::Serialize;

use crate::store::{Backend, Env, Store};
use crate::{ANDORRA, Args, CAMBRIDGE, median};

/// The timings of one import.
#[derive(Debug, Serialize)]
pub(crate) struct ImportTiming {
    pub(crate) dataset: &'static str,
    pub(crate) backend: Backend,
    /// How the run differs from the default configuration, if it does.
    pub(crate) variant: Option<&'static str>,
    pub(crate) runs_s: Vec<f64>,
    pub(crate) median_s: f64,
    pub(crate) min_s: f64,
    pub(crate) max_s: f64,
    /// Median of the time the command itself reports for building or writing the store (the
    /// demo's "built in", the import's store phase): the wall time minus start-up, migrations and,
    /// for OSM, reading the PBF.
    pub(crate) inner_median_s: Option<f64>,
    /// What the store holds afterwards (from the command's own summary).
    pub(crate) summary: String,
    /// Size of the store afterwards, bytes.
    pub(crate) store_bytes: Option<u64>,
    /// Attempts that failed (and were repeated on a fresh store; they are not in the timings).
    pub(crate) failed_attempts: usize,
    /// The first failure.
    pub(crate) first_failure: Option<String>,
}

/// The demo's one-line store summary (`store: 8 stations, …`) and its build time (`built in 1.2 s`).
fn demo_summary(stdout: &str) -> (String, Option<f64>) {
    let summary = stdout.lines().find_map(|l| l.trim().strip_prefix("store: ")).unwrap_or("").to_string();
    let built = stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("built in "))
        .and_then(|v| v.trim_end_matches(" s").trim().parse().ok());
    (summary, built)
}

/// What `huoyan import osm --json` says it wrote, and how long its store phase took.
fn osm_summary(stdout: &str) -> (String, Option<f64>) {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(stdout) else { return (String::new(), None) };
    let written = v["written"]
        .as_object()
        .map(|m| m.iter().map(|(k, n)| format!("{n} {k}")).collect::<Vec<_>>().join(", "))
        .unwrap_or_default();
    let summary = match v["report"]["road_km"].as_f64() {
        Some(km) if km > 0.0 => format!("{written} ({km:.0} km of road)"),
        _ => written,
    };
    (summary, v["seconds"].as_f64())
}

/// A built store, the wall time, the summary and the command's own time.
type Built = (Store, Duration, (String, Option<f64>));

/// Builds the Cambridge demo store; returns it with the wall time and the demo's summary.
pub(crate) async fn cambridge(env: &Env, backend: Backend, no_cache: bool) -> anyhow::Result<Built> {
    let mut s = Store::fresh(env, backend)?;
    s.set_no_statement_cache(no_cache && backend == Backend::Postgres);
    let (took, out) = s.run(["demo", "--no-serve"]).await?;
    let summary = demo_summary(&out);
    Ok((s, took, summary))
}

/// Imports the Andorra extract into a fresh store under a new root; returns the wall time of the import alone.
async fn andorra(env: &Env, backend: Backend, osm: &std::path::Path) -> anyhow::Result<Built> {
    let s = Store::fresh(env, backend)?;
    s.run(["jurisdiction", "add", "--name", "Andorra", "--level", "city"]).await?;
    let (took, out) =
        s.run([std::ffi::OsStr::new("import"), "osm".as_ref(), osm.as_os_str(), "--json".as_ref()]).await?;
    Ok((s, took, osm_summary(&out)))
}

pub(crate) async fn time_imports(
    args: &Args,
    env: &Env,
    keep: &mut Vec<(Backend, Store)>,
) -> anyhow::Result<Vec<ImportTiming>> {
    let mut out = Vec::new();
    for &backend in &args.backends {
        for dataset in [CAMBRIDGE, ANDORRA] {
            let no_cache = dataset == CAMBRIDGE && backend == Backend::Postgres && args.pg_demo_no_statement_cache;
            let mut runs = Vec::new();
            let mut summary = String::new();
            let mut inner = Vec::new();
            let mut store_bytes = None;
            let mut failed_attempts = 0;
            let mut first_failure = None;
            for i in 1..=args.runs {
                let (s, took, sum) = loop {
                    let r = if dataset == CAMBRIDGE {
                        cambridge(env, backend, no_cache).await
                    } else {
                        andorra(env, backend, &args.osm).await
                    };
                    match r {
                        Ok(ok) => break ok,
                        Err(e) => {
                            failed_attempts += 1;
                            eprintln!("  {dataset:<15} {:<10} run {i}/{}: FAILED: {e:#}", backend.name(), args.runs);
                            first_failure.get_or_insert_with(|| format!("{e:#}"));
                            if failed_attempts > args.retries {
                                bail!(
                                    "{dataset} on {}: {failed_attempts} failed attempts; giving up (for the demo on PostgreSQL see --pg-demo-no-statement-cache)",
                                    backend.name()
                                );
                            }
                        }
                    }
                };
                eprintln!("  {dataset:<15} {:<10} run {i}/{}: {:.2} s", backend.name(), args.runs, took.as_secs_f64());
                runs.push(took.as_secs_f64());
                summary = sum.0;
                inner.extend(sum.1);
                store_bytes = s.size_bytes();
                // The last Cambridge store serves the query load (and the tiles).
                if dataset == CAMBRIDGE && i == args.runs && !(args.skip_query && args.skip_tiles) {
                    keep.retain(|(b, _)| *b != backend);
                    keep.push((backend, s));
                }
            }
            out.push(ImportTiming {
                dataset,
                backend,
                variant: no_cache.then_some("statement cache off"),
                median_s: median(&runs),
                min_s: runs.iter().copied().fold(f64::INFINITY, f64::min),
                max_s: runs.iter().copied().fold(0.0, f64::max),
                runs_s: runs,
                inner_median_s: (!inner.is_empty()).then(|| median(&inner)),
                summary,
                store_bytes,
                failed_attempts,
                first_failure,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_are_read() {
        let demo = "x\n  built in 1.4 s\n  store: 16 stations, 3000 units\n";
        assert_eq!(demo_summary(demo), ("16 stations, 3000 units".to_string(), Some(1.4)));
        let osm =
            r#"{"report": {"road_km": 554.6}, "written": {"roads": 3, "stations": 4}, "refused": [], "seconds": 0.75}"#;
        assert_eq!(osm_summary(osm), ("3 roads, 4 stations (555 km of road)".to_string(), Some(0.75)));
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
    }
}
