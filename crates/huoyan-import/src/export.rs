//! Writing the unit and water-source registers to Excel, with the same headers [`crate::read_table`]
//! reads, vocabulary values as their Chinese terms, dates as Excel dates and yes/no as 是/否, so a
//! brigade can edit the sheet and import it again. Units get an extra grey column 单位类别 (their
//! classes, computed by the store; ignored on import).

use huoyan_domain::{Unit, WaterSource};
use rust_xlsxwriter::{Color, ExcelDateTime, Format, Workbook, XlsxError};

use crate::error::ImportError;
use crate::table_columns::{ColKind, Column, UNIT_COLUMNS, WATER_COLUMNS, heritage_zh};
use crate::values::Cell;

/// Writes units as an .xlsx register (sheet 社会单位).
pub fn write_xlsx_units(units: &[Unit]) -> Result<Vec<u8>, ImportError> {
    write_sheet("社会单位", UNIT_COLUMNS, units, unit_value)
}

/// Writes water sources as an .xlsx register (sheet 消防水源).
pub fn write_xlsx_water_sources(ws: &[WaterSource]) -> Result<Vec<u8>, ImportError> {
    write_sheet("消防水源", WATER_COLUMNS, ws, water_value)
}

fn text(v: &Option<String>) -> Cell {
    v.as_deref().map(Cell::text).unwrap_or(Cell::Empty)
}

fn num(v: Option<f64>) -> Cell {
    v.map(Cell::Number).unwrap_or(Cell::Empty)
}

fn int(v: Option<i64>) -> Cell {
    v.map(Cell::Int).unwrap_or(Cell::Empty)
}

fn boolean(v: Option<bool>) -> Cell {
    v.map(Cell::Bool).unwrap_or(Cell::Empty)
}

fn unit_value(u: &Unit, field: &str) -> Cell {
    let m = &u.metrics;
    match field {
        "name" => Cell::text(&u.name),
        "uscc" => text(&u.uscc),
        "address" => text(&u.address),
        "lon" => Cell::Number(u.lon),
        "lat" => Cell::Number(u.lat),
        "use_category" => Cell::text(u.use_category.zh()),
        "building_area_m2" => num(m.building_area_m2),
        "max_floor_area_m2" => num(m.max_floor_area_m2),
        "underground_area_m2" => num(m.underground_area_m2),
        "floors" => int(m.floors),
        "floor_located" => int(m.floor_located),
        "height_m" => num(m.height_m),
        "beds" => int(m.beds),
        "rooms" => int(m.rooms),
        "seats" => int(m.seats),
        "staff" => int(m.staff),
        "pupils" => int(m.pupils),
        "computers" => int(m.computers),
        "combustible_goods" => boolean(m.combustible_goods),
        "accommodation_mixed" => boolean(m.accommodation_mixed),
        "fire_separated" => boolean(m.fire_separated),
        "heritage_level" => m.heritage_level.as_deref().map(|h| Cell::text(heritage_zh(h))).unwrap_or(Cell::Empty),
        "timber_structure" => boolean(m.timber_structure),
        "safety_manager" => text(&u.safety_manager),
        "phone" => text(&u.phone),
        "source_ref" => text(&u.source_ref),
        "classes" => Cell::text(&u.classes.iter().map(|c| c.zh()).collect::<Vec<_>>().join("、")),
        _ => Cell::Empty,
    }
}

fn water_value(w: &WaterSource, field: &str) -> Cell {
    match field {
        "code" => text(&w.code),
        "kind" => Cell::text(w.kind.zh()),
        "status" => Cell::text(w.status.zh()),
        "address" => text(&w.address),
        "lon" => Cell::Number(w.lon),
        "lat" => Cell::Number(w.lat),
        "flow_lps" => num(w.flow_lps),
        "pressure_mpa" => num(w.pressure_mpa),
        "diameter_mm" => num(w.diameter_mm),
        "capacity_m3" => num(w.capacity_m3),
        "owner" => text(&w.owner),
        "last_inspected" => text(&w.last_inspected),
        "notes" => text(&w.notes),
        "source_ref" => text(&w.source_ref),
        _ => Cell::Empty,
    }
}

fn xlsx_err(e: XlsxError) -> ImportError {
    ImportError::Export(e.to_string())
}

fn write_sheet<T>(
    sheet: &str,
    columns: &[Column],
    records: &[T],
    value: fn(&T, &str) -> Cell,
) -> Result<Vec<u8>, ImportError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).map_err(xlsx_err)?;
    let bold = Format::new().set_bold();
    let grey_bold = Format::new().set_bold().set_font_color(Color::Gray);
    let grey = Format::new().set_font_color(Color::Gray);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let plain = Format::new();
    for (c, col) in columns.iter().enumerate() {
        let c = c as u16;
        let read_only = col.kind == ColKind::ReadOnly;
        ws.write_string_with_format(0, c, col.title(), if read_only { &grey_bold } else { &bold }).map_err(xlsx_err)?;
        let width = match col.field {
            "name" | "address" | "notes" | "source_ref" | "classes" => 30.0,
            "uscc" => 22.0,
            _ => 13.0,
        };
        ws.set_column_width(c, width).map_err(xlsx_err)?;
    }
    ws.set_freeze_panes(1, 0).map_err(xlsx_err)?;
    for (r, record) in records.iter().enumerate() {
        let row = u32::try_from(r + 1).map_err(|_| ImportError::Export("too many rows for one sheet".into()))?;
        for (c, col) in columns.iter().enumerate() {
            let c = c as u16;
            let fmt = if col.kind == ColKind::ReadOnly { &grey } else { &plain };
            match value(record, col.field) {
                Cell::Empty => {}
                Cell::Int(i) => {
                    ws.write_number_with_format(row, c, i as f64, fmt).map_err(xlsx_err)?;
                }
                Cell::Number(v) => {
                    ws.write_number_with_format(row, c, v, fmt).map_err(xlsx_err)?;
                }
                Cell::Bool(b) => {
                    ws.write_string_with_format(row, c, if b { "是" } else { "否" }, fmt).map_err(xlsx_err)?;
                }
                Cell::Text(s) if col.kind == ColKind::Date => match excel_date(&s) {
                    Some(d) => {
                        ws.write_date_with_format(row, c, d, &date).map_err(xlsx_err)?;
                    }
                    None => {
                        ws.write_string_with_format(row, c, &s, fmt).map_err(xlsx_err)?;
                    }
                },
                Cell::Text(s) => {
                    ws.write_string_with_format(row, c, &s, fmt).map_err(xlsx_err)?;
                }
                Cell::Date(d) => {
                    ws.write_string_with_format(row, c, d.format("%Y-%m-%d").to_string(), fmt).map_err(xlsx_err)?;
                }
            }
        }
    }
    book.save_to_buffer().map_err(xlsx_err)
}

/// `YYYY-MM-DD` as an Excel date.
fn excel_date(s: &str) -> Option<ExcelDateTime> {
    let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    ExcelDateTime::from_ymd(u16::try_from(d.year()).ok()?, d.month() as u8, d.day() as u8).ok()
}
