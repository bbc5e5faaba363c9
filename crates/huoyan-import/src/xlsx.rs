//! Reading the first sheet of an .xlsx register within [`crate::limits`], without trusting what the
//! file declares.
//!
//! An .xlsx is a zip of XML parts. Before the Excel reader (calamine) opens it, every entry is
//! decompressed through a bounded reader and measured (zip bombs: [`MAX_ZIP_ENTRY_BYTES`],
//! [`MAX_ZIP_TOTAL_BYTES`]), and the shared-string table's declared `uniqueCount` (which the reader
//! reserves memory for) and its actual `<si>` count are checked ([`MAX_SHARED_STRINGS`]). The sheet
//! is then read cell by cell, never as a dense range: the declared `<dimension ref>` and the used
//! range actually seen must stay within [`MAX_TABLE_COLUMNS`] and [`MAX_TABLE_CELLS`], checked as
//! each cell arrives, so a 1.6 KB sheet holding `A1` and `XFD1048576` is refused instead of asking
//! for 512 GiB. Rows are built only from the cells present.
//!
//! It does not interpret the cells (that is `table.rs`).

use std::collections::BTreeMap;
use std::io::{BufReader, Cursor, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{Data, Reader, Xlsx};
use quick_xml::events::Event;

use crate::error::ImportError;
use crate::limits::{
    MAX_SHARED_STRINGS, MAX_TABLE_CELLS, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, MAX_ZIP_ENTRIES, MAX_ZIP_ENTRY_BYTES,
    MAX_ZIP_STYLES_BYTES, MAX_ZIP_TOTAL_BYTES, code,
};
use crate::values::Cell;

const FILE: &str = "xlsx";

/// A row with its spreadsheet row number (1-based) and its cells from column A.
pub(crate) type Row = (usize, Vec<Cell>);

/// The non-empty rows of the first sheet.
pub(crate) fn xlsx_rows(bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    check_archive(bytes)?;
    // calamine is only given a workbook whose parts passed the checks; a panic inside it on a
    // malformed part is still a refusal of the file, not a crash of the caller.
    catch_unwind(AssertUnwindSafe(|| read_sheet(bytes)))
        .unwrap_or_else(|_| Err(ImportError::format(FILE, "the workbook is damaged (the Excel reader failed on it)")))
}

/// Measures every entry of the archive by decompressing it through a bounded reader.
fn check_archive(bytes: &[u8]) -> Result<(), ImportError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ImportError::format(FILE, format!("not an Excel .xlsx workbook: {e}")))?;
    if zip.len() > MAX_ZIP_ENTRIES {
        let found = Some(zip.len() as u64);
        return Err(ImportError::too_large(FILE, code::ZIP_TOO_MANY_ENTRIES, MAX_ZIP_ENTRIES as u64, found, None));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| ImportError::format(FILE, format!("zip entry {i}: {e}")))?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_else(|_| format!("entry {i}"));
        let lower = name.to_ascii_lowercase();
        let limit = if lower.ends_with("styles.xml") || lower.contains("theme/") {
            MAX_ZIP_STYLES_BYTES
        } else {
            MAX_ZIP_ENTRY_BYTES
        };
        let mut bounded = Counting { inner: entry.take(limit + 1), n: 0 };
        if lower.ends_with("sharedstrings.xml") {
            check_shared_strings(&mut bounded, &name)?;
        }
        std::io::copy(&mut bounded, &mut std::io::sink())
            .map_err(|e| ImportError::format(FILE, format!("zip entry {name}: {e}")))?;
        if bounded.n > limit {
            return Err(ImportError::too_large(FILE, code::ZIP_ENTRY_TOO_LARGE, limit, None, Some(name)));
        }
        total += bounded.n;
        if total > MAX_ZIP_TOTAL_BYTES {
            return Err(ImportError::too_large(FILE, code::ZIP_TOO_LARGE, MAX_ZIP_TOTAL_BYTES, None, None));
        }
    }
    Ok(())
}

/// A reader counting the bytes read through it.
struct Counting<R> {
    inner: R,
    n: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.n += n as u64;
        Ok(n)
    }
}

/// Checks the declared (`uniqueCount`, `count`) and actual (`<si>`) number of shared strings.
fn check_shared_strings(r: &mut impl Read, name: &str) -> Result<(), ImportError> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(r));
    let mut buf = Vec::new();
    let mut strings = 0u64;
    let refuse = |found| {
        ImportError::too_large(FILE, code::TOO_MANY_SHARED_STRINGS, MAX_SHARED_STRINGS, found, Some(name.to_string()))
    };
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                "sst" => {
                    for a in e.attributes().flatten() {
                        if matches!(a.key.local_name().as_ref(), "uniqueCount" | "count") {
                            let declared = a.value.trim().parse::<u64>().ok();
                            match declared {
                                Some(n) if n > MAX_SHARED_STRINGS => return Err(refuse(Some(n))),
                                Some(_) => {}
                                // A count the reader cannot parse is ignored by it too, unless it
                                // is a number too large for u64.
                                None if a.value.bytes().all(|b| b.is_ascii_digit()) && !a.value.is_empty() => {
                                    return Err(refuse(None));
                                }
                                None => {}
                            }
                        }
                    }
                }
                "si" => {
                    strings += 1;
                    if strings > MAX_SHARED_STRINGS {
                        return Err(refuse(None));
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) => return Ok(()),
            // Malformed XML is for the Excel reader to report; the size is still measured.
            Err(_) => return Ok(()),
            Ok(_) => {}
        }
    }
}

fn read_sheet(bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    let mut book = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| ImportError::format(FILE, format!("not an Excel .xlsx workbook: {e}")))?;
    let sheet =
        book.sheet_names().into_iter().next().ok_or_else(|| ImportError::format(FILE, "the workbook has no sheet"))?;
    let mut cells =
        book.worksheet_cells_reader(&sheet).map_err(|e| ImportError::format(FILE, format!("first sheet: {e}")))?;
    let declared = cells.dimensions();
    let mut used = UsedRange::default();
    used.check_declared(declared.start, declared.end)?;
    let mut rows: BTreeMap<u32, Vec<(u32, Cell)>> = BTreeMap::new();
    let mut held = 0u64;
    while let Some(cell) = cells.next_cell().map_err(|e| ImportError::format(FILE, format!("first sheet: {e}")))? {
        let value = Data::from(cell.get_value().clone());
        if value == Data::Empty {
            continue;
        }
        let (r, c) = cell.get_position();
        used.add(r, c)?;
        held += 1;
        if held > MAX_TABLE_CELLS {
            return Err(ImportError::too_large(FILE, code::TOO_MANY_CELLS, MAX_TABLE_CELLS, None, None));
        }
        let row = rows.entry(r).or_default();
        row.push((c, excel_cell(&value)));
        if rows.len() > MAX_TABLE_ROWS {
            return Err(ImportError::too_large(FILE, code::TOO_MANY_ROWS, MAX_TABLE_ROWS as u64, None, None));
        }
    }
    Ok(rows
        .into_iter()
        .map(|(r, mut cells)| {
            cells.sort_by_key(|(c, _)| *c);
            let width = cells.last().map(|(c, _)| *c as usize + 1).unwrap_or(0);
            let mut dense = vec![Cell::Empty; width];
            for (c, v) in cells {
                dense[c as usize] = v;
            }
            (r as usize + 1, dense)
        })
        .collect())
}

/// The bounding box of the cells seen, checked as it grows.
#[derive(Default)]
struct UsedRange {
    rows: Option<(u32, u32)>,
    cols: Option<(u32, u32)>,
}

/// `A1`-style name of a 0-based cell position.
fn a1(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = u64::from(col) + 1;
    while c > 0 {
        letters.push(b'A' + ((c - 1) % 26) as u8);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), u64::from(row) + 1)
}

/// Cells of the box from `start` to `end` (inclusive), whichever way round they are given.
fn area(start: (u32, u32), end: (u32, u32)) -> u64 {
    let rows = u64::from(start.0.abs_diff(end.0)) + 1;
    let cols = u64::from(start.1.abs_diff(end.1)) + 1;
    rows * cols
}

impl UsedRange {
    fn check_declared(&self, start: (u32, u32), end: (u32, u32)) -> Result<(), ImportError> {
        let range = format!("<dimension ref=\"{}:{}\">", a1(start.0, start.1), a1(end.0, end.1));
        Self::check_box(start, end, range)
    }

    fn check_box(start: (u32, u32), end: (u32, u32), at: String) -> Result<(), ImportError> {
        let right = start.1.max(end.1);
        if right as usize >= MAX_TABLE_COLUMNS {
            let found = Some(u64::from(right) + 1);
            return Err(ImportError::too_large(
                FILE,
                code::TOO_MANY_COLUMNS,
                MAX_TABLE_COLUMNS as u64,
                found,
                Some(at),
            ));
        }
        let cells = area(start, end);
        if cells > MAX_TABLE_CELLS {
            return Err(ImportError::too_large(FILE, code::SHEET_TOO_LARGE, MAX_TABLE_CELLS, Some(cells), Some(at)));
        }
        Ok(())
    }

    fn add(&mut self, r: u32, c: u32) -> Result<(), ImportError> {
        let rows = self.rows.map_or((r, r), |(lo, hi)| (lo.min(r), hi.max(r)));
        let cols = self.cols.map_or((c, c), |(lo, hi)| (lo.min(c), hi.max(c)));
        if Some(rows) != self.rows || Some(cols) != self.cols {
            let (start, end) = ((rows.0, cols.0), (rows.1, cols.1));
            Self::check_box(start, end, format!("{}:{} (cell {})", a1(start.0, start.1), a1(end.0, end.1), a1(r, c)))?;
            self.rows = Some(rows);
            self.cols = Some(cols);
        }
        Ok(())
    }
}

fn excel_cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Int(*i),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::text(s),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match chrono::NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d)) {
                Some(date) => Cell::Date(date),
                None => Cell::Number(dt.as_f64()),
            }
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::Error(e) => Cell::Text(format!("#{e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_names() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(0, 25), "Z1");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(1_048_575, 16_383), "XFD1048576");
    }

    #[test]
    fn used_range_grows_until_a_limit() {
        let mut u = UsedRange::default();
        u.add(0, 0).unwrap();
        u.add(10, 20).unwrap();
        let err = u.add(1_048_575, 0).expect_err("a million rows of 21 columns");
        assert_eq!(err.code(), code::SHEET_TOO_LARGE);
        let err = UsedRange::default().add(0, MAX_TABLE_COLUMNS as u32).expect_err("column IW");
        assert_eq!(err.code(), code::TOO_MANY_COLUMNS);
        assert!(err.to_string().contains("IW1"), "{err}");
        // A declared range the wrong way round is measured all the same.
        let err = UsedRange::default().check_declared((1_048_575, 100), (0, 0)).expect_err("declared");
        assert_eq!(err.code(), code::SHEET_TOO_LARGE);
    }
}
