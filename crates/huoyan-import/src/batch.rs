//! What a reader returns: the records of one import, the report of what was imported and skipped,
//! and the progress callback long reads report to.

use std::collections::BTreeMap;

use huoyan_domain::jurisdiction::Jurisdiction;
use huoyan_domain::{Building, FieldError, Road, Station, Unit, WaterSource};
use serde::Serialize;

/// At most this many skipped items are listed one by one; all are counted.
pub const MAX_SKIPPED_LISTED: usize = 1000;

/// The records read from one source, ready for the store to write in one transaction.
#[derive(Debug, Clone, Default)]
pub struct ImportBatch {
    /// Jurisdictions from boundary layers (`id = 0`, `parent_id = None`, `path = ""`).
    pub jurisdictions: Vec<Jurisdiction>,
    /// Road segments.
    pub roads: Vec<Road>,
    /// Building footprints.
    pub buildings: Vec<Building>,
    /// Fire stations.
    pub stations: Vec<Station>,
    /// Water sources.
    pub water_sources: Vec<WaterSource>,
    /// Social units (not classified: the store does that).
    pub units: Vec<Unit>,
    /// What was imported and skipped.
    pub report: ImportReport,
    /// For [`crate::read_table`]: the spreadsheet row number (header = row 1 on a plain sheet) of each
    /// record produced, in order, so a record the store refuses can be reported as `第N行`. Empty for
    /// the other readers.
    pub source_rows: Vec<usize>,
    /// For the OSM readers: the name of the largest administrative area in the extract (the named
    /// `boundary=administrative` relation with the lowest `admin_level`), the natural root
    /// jurisdiction when the store has none yet. `None` for the other readers.
    pub region_name: Option<String>,
}

impl ImportBatch {
    /// An empty batch whose report names `source`.
    pub(crate) fn new(source: impl Into<String>) -> ImportBatch {
        ImportBatch {
            report: ImportReport { source: source.into(), ..ImportReport::default() },
            ..ImportBatch::default()
        }
    }

    /// Fills the report's counts and road length from the records.
    pub(crate) fn finish(mut self, tables: &[&str]) -> ImportBatch {
        let counts = [
            ("jurisdictions", self.jurisdictions.len()),
            ("roads", self.roads.len()),
            ("buildings", self.buildings.len()),
            ("stations", self.stations.len()),
            ("water_sources", self.water_sources.len()),
            ("units", self.units.len()),
        ];
        for (table, n) in counts {
            if n > 0 || tables.contains(&table) {
                self.report.imported.insert(table.to_string(), n);
            }
        }
        self.report.road_km = self.roads.iter().map(|r| r.length_m).sum::<f64>() / 1000.0;
        self
    }
}

/// The outcome of an import, shown to the user and kept with the import log.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    /// File name or description of the source.
    pub source: String,
    /// Records imported per table (`roads`, `water_sources` …, or `jurisdictions`).
    pub imported: BTreeMap<String, usize>,
    /// Skipped items, the first [`MAX_SKIPPED_LISTED`] of them.
    pub skipped: Vec<Skipped>,
    /// Every skipped item counted by a short reason key.
    pub skipped_by_reason: BTreeMap<String, usize>,
    /// Total length of the imported roads, km.
    pub road_km: f64,
}

impl ImportReport {
    /// Records a skipped item: `key` is a short, stable reason used for counting, `reason` the full
    /// explanation shown to the user.
    pub(crate) fn skip(&mut self, location: impl Into<String>, key: impl Into<String>, reason: impl Into<String>) {
        *self.skipped_by_reason.entry(key.into()).or_insert(0) += 1;
        if self.skipped.len() < MAX_SKIPPED_LISTED {
            self.skipped.push(Skipped { location: location.into(), reason: reason.into() });
        }
    }

    /// Records an item refused by `validate()`, naming each field (`label` maps field names to the
    /// source's own names, e.g. `lat` → `纬度`).
    pub(crate) fn skip_invalid(
        &mut self,
        location: impl Into<String>,
        errors: &[FieldError],
        label: &dyn Fn(&str) -> String,
    ) {
        let fields: Vec<String> = errors.iter().map(|e| label(&e.field)).collect();
        let reason = errors.iter().map(|e| format!("{}: {}", label(&e.field), e.reason)).collect::<Vec<_>>().join("; ");
        self.skip(location, format!("invalid {}", fields.join(", ")), reason);
    }

    /// Total number of skipped items (including those not listed).
    pub fn skipped_total(&self) -> usize {
        self.skipped_by_reason.values().sum()
    }
}

/// One item that was not imported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    /// Where: `第12行`, `feature 5`, `way 123` …
    pub location: String,
    /// Why, naming the field and value.
    pub reason: String,
}

/// Progress of a long read, e.g. drawn as a progress bar by the CLI.
pub trait Progress {
    /// A phase starts; `total` is in the unit later passed to [`Progress::advance`] (bytes, features).
    fn start(&self, label: &str, total: Option<u64>);
    /// `n` more units are done.
    fn advance(&self, n: u64);
    /// The phase is over.
    fn finish(&self);
}

/// A [`Progress`] that shows nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _label: &str, _total: Option<u64>) {}
    fn advance(&self, _n: u64) {}
    fn finish(&self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipped_list_is_capped_but_counted() {
        let mut r = ImportReport::default();
        for i in 0..1500 {
            r.skip(format!("row {i}"), if i % 2 == 0 { "even" } else { "odd" }, "reason");
        }
        assert_eq!(r.skipped.len(), MAX_SKIPPED_LISTED);
        assert_eq!(r.skipped_total(), 1500);
        assert_eq!(r.skipped_by_reason.get("even"), Some(&750));
    }
}
