//! `huoyan import osm | geojson | table`: base data into the store. Each import is one transaction:
//! a failure leaves the store unchanged. The summary says what was imported, what was skipped and
//! why (by the reader: malformed features or rows; by the store: outside the jurisdiction, duplicate
//! codes).
//!
//! Into an empty store (no jurisdiction yet) the root jurisdiction is made first: from `--root`,
//! or for OpenStreetMap from the extract's largest named administrative area; otherwise the import
//! stops before reading, printing the command that makes the root. An import that writes nothing
//! it was given, or whose records the store refused, exits non-zero ([`Incomplete`]) after its
//! summary, so a script never takes a silent failure for success.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use huoyan_domain::account::Principal;
use huoyan_domain::jurisdiction::Jurisdiction;
use huoyan_domain::{JurisdictionLevel, StationKind};
use huoyan_import::limits::{MAX_GEOJSON_BYTES, MAX_TABLE_FILE_BYTES};
use huoyan_import::{ImportBatch, ImportReport, Layer, Mapping, OsmOptions, TableFormat, TableLayer};
use huoyan_store::{Scope, Store};
use serde::Serialize;

use crate::Cli;
use crate::config::Config;
use crate::progress::Bar;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Cmd {
    /// An OpenStreetMap extract (.osm.pbf, or XML: .osm, .osm.gz, .osm.bz2 — told from the bytes): drivable
    /// roads, buildings, fire stations, hydrants and other water sources.
    Osm {
        /// The extract (.osm.pbf, .osm, .osm.gz or .osm.bz2).
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
    /// Into an empty store: the name of the root jurisdiction to create first (for OSM, the
    /// extract's largest administrative area is used when this is not given).
    #[arg(long)]
    root: Option<String>,
    /// The level of a root made by this import: city, county, township … (or 市, 县/区 …).
    #[arg(long, default_value = "county")]
    root_level: JurisdictionLevel,
}

/// An import that ran to the end but did not write what it was given; `main` exits with
/// [`Incomplete::EXIT_CODE`] after the summary was printed.
#[derive(Debug)]
pub(crate) struct Incomplete(pub(crate) String);

impl Incomplete {
    /// The exit code of an incomplete import (1 is a failure before anything was written).
    pub(crate) const EXIT_CODE: u8 = 3;
}

impl std::fmt::Display for Incomplete {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Incomplete {}

/// What an import did.
#[derive(Debug, Serialize)]
pub(crate) struct Summary {
    pub(crate) report: ImportReport,
    pub(crate) written: std::collections::BTreeMap<String, usize>,
    pub(crate) refused: Vec<String>,
    /// Every record the store refused (`refused` lists at most 1,000).
    pub(crate) refused_total: usize,
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
    let mut refused_total = 0;
    refused_total += imp.records(batch.roads).await?.iter().filter(|id| id.is_none()).count();
    refused_total += imp.records(batch.buildings).await?.iter().filter(|id| id.is_none()).count();
    refused_total += imp.records(batch.stations).await?.iter().filter(|id| id.is_none()).count();
    refused_total += imp.records(batch.water_sources).await?.iter().filter(|id| id.is_none()).count();
    refused_total += imp.records(batch.units).await?.iter().filter(|id| id.is_none()).count();
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
    Ok(Summary { report: batch.report, written, refused, refused_total, seconds: started.elapsed().as_secs_f64() })
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
    if s.refused_total > 0 {
        println!("  refused by the store: {}", s.refused_total);
        for r in s.refused.iter().take(10) {
            println!("           {r}");
        }
    }
    Ok(())
}

fn read(path: &Path, limit: u64) -> anyhow::Result<Vec<u8>> {
    huoyan_import::limits::read_file(path, limit).with_context(|| format!("cannot read {}", path.display()))
}

/// The command that makes a root jurisdiction, for messages.
fn root_command(cli: &Cli) -> String {
    format!("huoyan --data {} jurisdiction add --name <名称> --level county", cli.data.display())
}

/// Into an empty store: the root to create, from `--root` or the data; an error naming the command
/// to run when there is neither. `None` when the store has a jurisdiction, or when a boundaries
/// layer brings its own roots and no `--root` was given.
fn root_to_create(cli: &Cli, common: &Common, empty: bool, batch: &ImportBatch) -> anyhow::Result<Option<String>> {
    if !empty {
        if common.root.is_some() {
            bail!("--root is for an empty store; this one already has jurisdictions (huoyan jurisdiction list)");
        }
        return Ok(None);
    }
    if common.root.is_none() && !batch.jurisdictions.is_empty() {
        return Ok(None);
    }
    match common.root.clone().or_else(|| batch.region_name.clone()) {
        Some(name) => Ok(Some(name)),
        None => bail!(
            "尚无辖区 (the store has no jurisdiction yet) and the data names no administrative area; nothing was written. \
             Give the root with --root <名称>, or create it first: {}",
            root_command(cli)
        ),
    }
}

pub(crate) async fn run(cli: &Cli, cfg: &Config, c: &Cmd) -> anyhow::Result<()> {
    let store = super::open(cli, cfg).await?;
    let bar = Bar::new();
    let common = match c {
        Cmd::Osm { common, .. } | Cmd::Geojson { common, .. } | Cmd::Table { common, .. } => common,
    };
    let empty = store.list_jurisdictions(&Scope::all(), false).await?.is_empty();
    let mapping = match c {
        Cmd::Geojson { mapping, .. } => {
            let text = String::from_utf8(read(mapping, 1 << 20)?).context("the mapping file is not UTF-8")?;
            Some(Mapping::from_toml(&text).with_context(|| format!("mapping file {}", mapping.display()))?)
        }
        _ => None,
    };
    // Only OSM can name its root, and a boundaries layer makes its own: stop before reading.
    let brings_root = matches!(c, Cmd::Osm { .. }) || mapping.as_ref().is_some_and(|m| m.layer == Layer::Boundaries);
    if empty && common.root.is_none() && !brings_root {
        bail!(
            "尚无辖区 (the store has no jurisdiction yet); nothing was read or written. \
             Give the root with --root <名称>, or create it first: {}",
            root_command(cli)
        );
    }
    let batch = match c {
        Cmd::Osm { file, station_kind, include_tracks, .. } => {
            let opts = OsmOptions { station_kind: *station_kind, include_tracks: *include_tracks };
            let file = file.clone();
            tokio::task::spawn_blocking(move || huoyan_import::read_osm(&file, &opts, &Bar::new())).await??
        }
        Cmd::Geojson { file, .. } => {
            let m = mapping.as_ref().context("mapping")?;
            huoyan_import::read_geojson(&read(file, MAX_GEOJSON_BYTES)?, m, &bar)?
        }
        Cmd::Table { file, layer, .. } => {
            let format = match file.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()) {
                Some(e) if e == "csv" => TableFormat::Csv,
                Some(e) if e == "xlsx" => TableFormat::Xlsx,
                _ => bail!("{}: use a .csv or .xlsx file", file.display()),
            };
            let layer = match layer {
                Register::Units => TableLayer::Units,
                Register::WaterSources => TableLayer::WaterSources,
            };
            huoyan_import::read_table(&read(file, MAX_TABLE_FILE_BYTES)?, format, layer)?
        }
    };
    let offered = offered(&batch);
    // With --strict and skipped items store_batch refuses before writing: the root is not made either.
    let refused_before_writing = common.strict && batch.report.skipped_total() > 0;
    let mut parent = common.parent;
    if let Some(name) = root_to_create(cli, common, empty, &batch)?
        && !refused_before_writing
    {
        let root = Jurisdiction {
            id: 0,
            parent_id: None,
            level: common.root_level,
            name: name.clone(),
            code: None,
            boundary: None,
            path: String::new(),
        };
        let j = store.create_jurisdiction(&Principal::system(), root).await?;
        let from = if common.root.is_some() { "--root" } else { "the extract's administrative boundary" };
        eprintln!("创建根辖区 created the root jurisdiction {} (id {}, {}; from {from})", j.name, j.id, j.level.zh());
        // A boundaries layer's areas go under the root just made.
        parent = parent.or(Some(j.id));
    }
    let summary = store_batch(&store, &Principal::system(), batch, parent, common.strict).await?;
    print_summary(&summary, common.json)?;
    let written: usize = summary.written.values().sum();
    let refused = summary.refused_total;
    if offered == 0 {
        return Err(Incomplete(format!(
            "the file held nothing to import ({} item(s) skipped); nothing was written",
            summary.report.skipped_total()
        ))
        .into());
    }
    if written == 0 {
        return Err(Incomplete(format!("nothing was written: all {offered} record(s) were refused (see above)")).into());
    }
    if refused > 0 {
        return Err(Incomplete(format!(
            "{refused} of {offered} record(s) refused by the store (see above); the other {written} were written"
        ))
        .into());
    }
    Ok(())
}

/// How many records (boundaries included) a batch asks the store to write.
fn offered(b: &ImportBatch) -> usize {
    b.jurisdictions.len() + b.roads.len() + b.buildings.len() + b.stations.len() + b.water_sources.len() + b.units.len()
}
