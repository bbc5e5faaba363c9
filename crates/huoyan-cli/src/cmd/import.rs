//! `huoyan import osm | geojson | table`: base data into the store. Each import is one transaction:
//! a failure leaves the store unchanged. The summary says what was imported, what was skipped and
//! why (by the reader: malformed features or rows; by the store: outside the jurisdiction, duplicate
//! codes).

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use huoyan_domain::StationKind;
use huoyan_domain::account::Principal;
use huoyan_import::{ImportBatch, ImportReport, Mapping, OsmOptions, TableFormat, TableLayer};
use huoyan_store::Store;
use serde::Serialize;

use crate::Cli;
use crate::config::Config;
use crate::progress::Bar;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Cmd {
    /// An OpenStreetMap extract (.osm.pbf): drivable roads, buildings, fire stations, hydrants and other water sources.
    Osm {
        /// The .osm.pbf file.
        file: PathBuf,
        /// Kind given to fire stations (OSM does not say).
        #[arg(long, default_value = "level1")]
        station_kind: StationKind,
        /// Also import highway=track.
        #[arg(long)]
        include_tracks: bool,
        #[command(flatten)]
        common: Common,
    },
    /// A GeoJSON layer with a field-mapping file (see crates/huoyan-import/mappings/ for examples).
    Geojson {
        /// The .geojson file.
        file: PathBuf,
        /// The mapping file (TOML).
        #[arg(long)]
        mapping: PathBuf,
        #[command(flatten)]
        common: Common,
    },
    /// A CSV or Excel (.xlsx) register with Chinese headers.
    Table {
        /// The .csv or .xlsx file.
        file: PathBuf,
        /// What the rows are.
        #[arg(long, value_enum)]
        layer: Register,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum Register {
    /// 社会单位
    Units,
    /// 消防水源
    WaterSources,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Common {
    /// Parent node for a boundaries layer (its features become child nodes); without it they become roots.
    #[arg(long)]
    parent: Option<i64>,
    /// Fail (and write nothing) if any feature or row is skipped.
    #[arg(long)]
    strict: bool,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

/// What an import did.
#[derive(Debug, Serialize)]
pub(crate) struct Summary {
    pub(crate) report: ImportReport,
    pub(crate) written: std::collections::BTreeMap<String, usize>,
    pub(crate) refused: Vec<String>,
    pub(crate) seconds: f64,
}

/// Writes a batch: boundaries as jurisdiction nodes under `parent`, then every record in one
/// transaction. With `strict`, any skipped or refused item aborts the import.
pub(crate) async fn store_batch(
    store: &Store,
    actor: &Principal,
    batch: ImportBatch,
    parent: Option<i64>,
    strict: bool,
) -> anyhow::Result<Summary> {
    let started = std::time::Instant::now();
    if strict && batch.report.skipped_total() > 0 {
        bail!(
            "{} item(s) would be skipped (first: {:?}); nothing was written",
            batch.report.skipped_total(),
            batch.report.skipped.first()
        );
    }
    let mut written = std::collections::BTreeMap::new();
    if !batch.jurisdictions.is_empty() {
        let n = store.import_jurisdictions(actor, parent, batch.jurisdictions).await?.len();
        written.insert("jurisdictions".to_string(), n);
    }
    let mut imp = store.begin_import(actor).await?;
    imp.records(batch.roads).await?;
    imp.records(batch.buildings).await?;
    imp.records(batch.stations).await?;
    imp.records(batch.water_sources).await?;
    imp.records(batch.units).await?;
    let refused: Vec<String> =
        imp.refused.iter().map(|r| format!("{} #{}: {}", r.table, r.index + 1, r.reason)).collect();
    if strict && !refused.is_empty() {
        imp.rollback().await?;
        bail!("{} record(s) refused (first: {}); nothing was written", refused.len(), refused[0]);
    }
    for (t, n) in &imp.written {
        written.insert((*t).to_string(), *n);
    }
    imp.commit(&batch.report.source, &batch.report).await?;
    Ok(Summary { report: batch.report, written, refused, seconds: started.elapsed().as_secs_f64() })
}

pub(crate) fn print_summary(s: &Summary, json: bool) -> anyhow::Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(s)?);
        return Ok(());
    }
    println!("导入 import of {} in {:.1} s", s.report.source, s.seconds);
    for (t, n) in &s.written {
        println!("  written  {t:<14} {n}");
    }
    if s.report.road_km > 0.0 {
        println!("  roads    {:.1} km", s.report.road_km);
    }
    let skipped = s.report.skipped_total();
    if skipped > 0 {
        println!("  skipped  {skipped} (by reason):");
        for (reason, n) in &s.report.skipped_by_reason {
            println!("    {n:>6}  {reason}");
        }
        for sk in s.report.skipped.iter().take(10) {
            println!("           {}: {}", sk.location, sk.reason);
        }
    }
    if !s.refused.is_empty() {
        println!("  refused by the store: {}", s.refused.len());
        for r in s.refused.iter().take(10) {
            println!("           {r}");
        }
    }
    Ok(())
}

fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

pub(crate) async fn run(cli: &Cli, cfg: &Config, c: &Cmd) -> anyhow::Result<()> {
    let store = super::open(cli, cfg).await?;
    let bar = Bar::new();
    let (batch, common) = match c {
        Cmd::Osm { file, station_kind, include_tracks, common } => {
            let opts = OsmOptions { station_kind: *station_kind, include_tracks: *include_tracks };
            let file = file.clone();
            let batch =
                tokio::task::spawn_blocking(move || huoyan_import::read_osm_pbf(&file, &opts, &Bar::new())).await??;
            (batch, common)
        }
        Cmd::Geojson { file, mapping, common } => {
            let text = String::from_utf8(read(mapping)?).context("the mapping file is not UTF-8")?;
            let m = Mapping::from_toml(&text).with_context(|| format!("mapping file {}", mapping.display()))?;
            (huoyan_import::read_geojson(&read(file)?, &m, &bar)?, common)
        }
        Cmd::Table { file, layer, common } => {
            let format = match file.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()) {
                Some(e) if e == "csv" => TableFormat::Csv,
                Some(e) if e == "xlsx" => TableFormat::Xlsx,
                _ => bail!("{}: use a .csv or .xlsx file", file.display()),
            };
            let layer = match layer {
                Register::Units => TableLayer::Units,
                Register::WaterSources => TableLayer::WaterSources,
            };
            (huoyan_import::read_table(&read(file)?, format, layer)?, common)
        }
    };
    let summary = store_batch(&store, &Principal::system(), batch, common.parent, common.strict).await?;
    print_summary(&summary, common.json)
}
