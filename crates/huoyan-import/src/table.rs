//! Reading unit and water-source registers from CSV or Excel with Chinese headers.
//!
//! CSV may be UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK (what Chinese Excel
//! saves); the delimiter is a comma, or a tab/semicolon when the header uses one. Excel workbooks
//! are read from their first sheet. The header row is the first row (among the first 20 non-empty
//! ones) naming every required column, so a title row above the header is tolerated. Row numbers
//! in the report are spreadsheet row numbers (`第N行`, the header of a plain sheet being row 1).

use std::collections::HashMap;

use huoyan_domain::{Record, Unit, UnitMetrics, UseCategory, WaterKind, WaterSource, WaterStatus};

use crate::batch::ImportBatch;
use crate::error::ImportError;
use crate::limits::{
    MAX_CSV_LINE_BYTES, MAX_TABLE_CELLS, MAX_TABLE_COLUMNS, MAX_TABLE_FILE_BYTES, MAX_TABLE_ROWS, code,
};
use crate::table_columns::{Column, UNIT_COLUMNS, WATER_COLUMNS, heritage_expected, normalize_header, parse_heritage};
use crate::values::{Cell, DateMode, parse_term};
use crate::xlsx::{Row, xlsx_rows};

/// The file format of a register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// Comma-separated text.
    Csv,
    /// Excel 2007+ workbook (first sheet).
    Xlsx,
}

/// Which register a table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableLayer {
    /// 社会单位 → [`Unit`].
    Units,
    /// 消防水源 → [`WaterSource`].
    WaterSources,
}

impl TableLayer {
    fn columns(self) -> &'static [Column] {
        match self {
            TableLayer::Units => UNIT_COLUMNS,
            TableLayer::WaterSources => WATER_COLUMNS,
        }
    }

    fn table(self) -> &'static str {
        match self {
            TableLayer::Units => "units",
            TableLayer::WaterSources => "water_sources",
        }
    }
}

/// For each field found in the header: its column index and its header as written.
type HeaderIndex = HashMap<&'static str, (usize, String)>;

/// Reads a register; bad rows are skipped and reported by row number.
pub fn read_table(bytes: &[u8], format: TableFormat, layer: TableLayer) -> Result<ImportBatch, ImportError> {
    let file = match format {
        TableFormat::Csv => "CSV",
        TableFormat::Xlsx => "xlsx",
    };
    if bytes.len() as u64 > MAX_TABLE_FILE_BYTES {
        let found = Some(bytes.len() as u64);
        return Err(ImportError::too_large(file, code::FILE_TOO_LARGE, MAX_TABLE_FILE_BYTES, found, None));
    }
    let rows = match format {
        TableFormat::Csv => csv_rows(bytes)?,
        TableFormat::Xlsx => xlsx_rows(bytes)?,
    };
    let rows: Vec<Row> = rows.into_iter().filter(|(_, cells)| cells.iter().any(|c| !c.is_empty())).collect();
    if rows.is_empty() {
        return Err(ImportError::format(file, "the file is empty: no header row"));
    }
    let columns = layer.columns();
    let (header_at, index) = find_header(&rows, columns)?;
    let mut batch = ImportBatch::new(format!("{file} ({})", layer.table()));
    for (n, cells) in &rows[header_at + 1..] {
        let mut row = RowFields { index: &index, cells, errors: Vec::new() };
        match layer {
            TableLayer::Units => {
                let u = unit(&mut row, *n);
                row.finish(&mut batch, u, *n, |b| &mut b.units);
            }
            TableLayer::WaterSources => {
                let w = water(&mut row, *n);
                row.finish(&mut batch, w, *n, |b| &mut b.water_sources);
            }
        }
    }
    Ok(batch.finish(&[layer.table()]))
}

/// Decodes CSV text: UTF-8 (BOM stripped), UTF-16 with BOM, else GB18030.
fn decode_text(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom..]).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// Refuses a CSV with a line longer than [`MAX_CSV_LINE_BYTES`], looking only at the bytes (before
/// decoding, which copies the text, and before the CSV parser buffers a record).
fn check_csv_lines(bytes: &[u8]) -> Result<(), ImportError> {
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        if line.len() > MAX_CSV_LINE_BYTES {
            let at = Some(format!("第{}行 (line {})", i + 1, i + 1));
            let limit = MAX_CSV_LINE_BYTES as u64;
            return Err(ImportError::too_large("CSV", code::LINE_TOO_LONG, limit, Some(line.len() as u64), at));
        }
    }
    Ok(())
}

fn csv_rows(bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    check_csv_lines(bytes)?;
    let text = decode_text(bytes);
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |d: u8| first_line.matches(d as char).count();
    let delimiter = [b'\t', b';'].into_iter().find(|d| count(*d) > count(b',')).unwrap_or(b',');
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut cells = 0u64;
    let mut record = csv::StringRecord::new();
    for i in 0.. {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| ImportError::format("CSV", format!("第{}行 (row {}): {e}", i + 1, i + 1)))?;
        if !more {
            break;
        }
        let at = || Some(format!("第{}行 (row {})", i + 1, i + 1));
        if record.len() > MAX_TABLE_COLUMNS {
            let (limit, found) = (MAX_TABLE_COLUMNS as u64, Some(record.len() as u64));
            return Err(ImportError::too_large("CSV", code::TOO_MANY_COLUMNS, limit, found, at()));
        }
        if rows.len() >= MAX_TABLE_ROWS {
            return Err(ImportError::too_large("CSV", code::TOO_MANY_ROWS, MAX_TABLE_ROWS as u64, None, at()));
        }
        cells += record.len() as u64;
        if cells > MAX_TABLE_CELLS {
            return Err(ImportError::too_large("CSV", code::TOO_MANY_CELLS, MAX_TABLE_CELLS, None, at()));
        }
        rows.push((i + 1, record.iter().map(Cell::text).collect()));
    }
    Ok(rows)
}

/// The header row (index into `rows`) and, for each field, its column index and header as written.
fn find_header(rows: &[Row], columns: &'static [Column]) -> Result<(usize, HeaderIndex), ImportError> {
    let mut first: Option<(usize, HeaderIndex)> = None;
    for (at, (_, cells)) in rows.iter().enumerate().take(20) {
        let mut index = HashMap::new();
        for (i, cell) in cells.iter().enumerate() {
            let written = cell.display();
            let norm = normalize_header(&written);
            if let Some(c) = columns.iter().find(|c| c.matches(&norm)) {
                index.entry(c.field).or_insert((i, written.trim().to_string()));
            }
        }
        if columns.iter().filter(|c| c.required).all(|c| index.contains_key(c.field)) {
            return Ok((at, index));
        }
        if first.is_none() {
            first = Some((at, index));
        }
    }
    let (at, index) = first.unwrap_or_default();
    let missing = columns.iter().find(|c| c.required && !index.contains_key(c.field));
    let found: Vec<String> =
        rows.get(at).map(|r| r.1.iter().map(Cell::display).filter(|h| !h.is_empty()).collect()).unwrap_or_default();
    match missing {
        Some(c) => Err(ImportError::MissingColumn { column: c.title().to_string(), found: found.join(", ") }),
        None => Ok((at, index)),
    }
}

/// Typed access to one row's cells, collecting `(column, message)` errors.
struct RowFields<'a> {
    index: &'a HeaderIndex,
    cells: &'a [Cell],
    errors: Vec<String>,
}

impl RowFields<'_> {
    fn cell(&self, field: &str) -> &Cell {
        self.index.get(field).and_then(|(i, _)| self.cells.get(*i)).unwrap_or(&Cell::Empty)
    }

    /// The column's header as written in the file, or the field's default header.
    fn header(&self, field: &str) -> String {
        let field = field.strip_prefix("metrics.").unwrap_or(field);
        match self.index.get(field) {
            Some((_, h)) => h.clone(),
            None => UNIT_COLUMNS
                .iter()
                .chain(WATER_COLUMNS)
                .find(|c| c.field == field)
                .map(|c| c.title().to_string())
                .unwrap_or_else(|| field.to_string()),
        }
    }

    fn typed<T>(&mut self, field: &str, conv: impl FnOnce(&Cell) -> Result<Option<T>, String>) -> Option<T> {
        match conv(self.cell(field)) {
            Ok(v) => v,
            Err(e) => {
                self.errors.push(format!("{}: {e}", self.header(field)));
                None
            }
        }
    }

    fn text(&mut self, field: &str) -> Option<String> {
        self.cell(field).to_text()
    }

    fn num(&mut self, field: &str) -> Option<f64> {
        self.typed(field, Cell::to_f64)
    }

    fn int(&mut self, field: &str) -> Option<i64> {
        self.typed(field, Cell::to_i64)
    }

    fn boolean(&mut self, field: &str) -> Option<bool> {
        self.typed(field, Cell::to_bool)
    }

    /// A required value: a blank cell is an error.
    fn required<T>(&mut self, field: &str, v: Option<T>) -> Option<T> {
        let header = self.header(field);
        if v.is_none() && self.cell(field).is_empty() {
            self.errors.push(format!("{header}: 缺少值 (missing value)"));
        }
        v
    }

    /// Adds the record, or skips the row naming every bad column.
    fn finish<R: Record>(
        mut self,
        batch: &mut ImportBatch,
        r: R,
        n: usize,
        out: impl FnOnce(&mut ImportBatch) -> &mut Vec<R>,
    ) {
        let failed: Vec<String> = self.errors.iter().map(|e| e.split(':').next().unwrap_or("").to_string()).collect();
        if let Err(errs) = r.validate() {
            for e in errs {
                let header = self.header(&e.field);
                if !failed.contains(&header) {
                    self.errors.push(format!("{header}: {}", e.reason));
                }
            }
        }
        if self.errors.is_empty() {
            out(batch).push(r);
            batch.source_rows.push(n);
        } else {
            let cols: Vec<&str> = self.errors.iter().map(|e| e.split(':').next().unwrap_or("")).collect();
            batch.report.skip(format!("第{n}行"), format!("invalid {}", cols.join(", ")), self.errors.join("; "));
        }
    }
}

/// `source_ref` from the 来源 column, else the natural key, else the row.
fn source_ref(row: &mut RowFields<'_>, table: &str, key: Option<(&str, &str)>, n: usize) -> Option<String> {
    row.text("source_ref").or_else(|| match key {
        Some((kind, v)) => Some(format!("{table}:{kind}/{v}")),
        None => Some(format!("{table}:row/{n}")),
    })
}

fn unit(row: &mut RowFields<'_>, n: usize) -> Unit {
    let lon = row.num("lon");
    let lon = row.required("lon", lon);
    let lat = row.num("lat");
    let lat = row.required("lat", lat);
    let category = row.typed("use_category", |c| parse_term(c, UseCategory::parse, UseCategory::expected));
    let category = row.required("use_category", category);
    let uscc = row.text("uscc").map(|s| s.replace(' ', "").to_uppercase());
    let metrics = UnitMetrics {
        building_area_m2: row.num("building_area_m2"),
        max_floor_area_m2: row.num("max_floor_area_m2"),
        underground_area_m2: row.num("underground_area_m2"),
        floors: row.int("floors"),
        floor_located: row.int("floor_located"),
        height_m: row.num("height_m"),
        beds: row.int("beds"),
        rooms: row.int("rooms"),
        seats: row.int("seats"),
        staff: row.int("staff"),
        pupils: row.int("pupils"),
        computers: row.int("computers"),
        combustible_goods: row.boolean("combustible_goods"),
        accommodation_mixed: row.boolean("accommodation_mixed"),
        fire_separated: row.boolean("fire_separated"),
        heritage_level: row
            .typed("heritage_level", |c| parse_term(c, parse_heritage, heritage_expected))
            .map(str::to_string),
        timber_structure: row.boolean("timber_structure"),
    };
    let key = uscc.clone();
    Unit {
        id: 0,
        jurisdiction_id: 0,
        name: row.text("name").unwrap_or_default(),
        source_ref: source_ref(row, "units", key.as_deref().map(|k| ("uscc", k)), n),
        uscc,
        address: row.text("address"),
        lon: lon.unwrap_or(0.0),
        lat: lat.unwrap_or(0.0),
        building_id: None,
        use_category: category.unwrap_or(UseCategory::Other),
        metrics,
        safety_manager: row.text("safety_manager"),
        phone: row.text("phone"),
        classes: Vec::new(),
        class_reasons: Vec::new(),
    }
}

fn water(row: &mut RowFields<'_>, n: usize) -> WaterSource {
    let lon = row.num("lon");
    let lon = row.required("lon", lon);
    let lat = row.num("lat");
    let lat = row.required("lat", lat);
    let kind = row.typed("kind", |c| parse_term(c, WaterKind::parse, WaterKind::expected));
    let kind = row.required("kind", kind);
    let code = row.text("code");
    WaterSource {
        id: 0,
        jurisdiction_id: 0,
        source_ref: source_ref(row, "water_sources", code.as_deref().map(|c| ("code", c)), n),
        code,
        kind: kind.unwrap_or(WaterKind::HydrantAbove),
        status: row
            .typed("status", |c| parse_term(c, WaterStatus::parse, WaterStatus::expected))
            .unwrap_or(WaterStatus::Unverified),
        address: row.text("address"),
        lon: lon.unwrap_or(0.0),
        lat: lat.unwrap_or(0.0),
        flow_lps: row.num("flow_lps"),
        pressure_mpa: row.num("pressure_mpa"),
        diameter_mm: row.num("diameter_mm"),
        capacity_m3: row.num("capacity_m3"),
        owner: row.text("owner"),
        last_inspected: row.typed("last_inspected", |c| c.to_date(&DateMode::Auto)),
        notes: row.text("notes"),
    }
}
