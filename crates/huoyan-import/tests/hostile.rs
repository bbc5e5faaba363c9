//! Hostile files against every reader: each is small (or made lazily) and claims or expands to far
//! more than the limits in `huoyan_import::limits`. Each must be refused with its stable code and
//! limit, quickly and without allocating what it claims. Before the limits, the spreadsheet that
//! names cell XFD1048576 and the shared-string table declaring 10¹² strings aborted the process
//! (`memory allocation of 549755813888 bytes failed` inside the Excel reader).

#[path = "support/hostile_files.rs"]
mod support;

use huoyan_import::limits::{self, code};
use huoyan_import::{
    ImportError, Mapping, NoProgress, OsmOptions, TableFormat, TableLayer, read_geojson, read_osm, read_osm_pbf,
    read_table,
};

fn refused(r: Result<huoyan_import::ImportBatch, ImportError>, expected: &str) -> ImportError {
    let err = r.expect_err("refused");
    println!("{expected}: {err}");
    assert_eq!(err.code(), expected, "{err}");
    err
}

#[test]
fn a_plain_generated_workbook_still_reads() {
    let book = support::xlsx(
        &support::sheet(Some("A1:D2"), &[("A1", "名称"), ("B1", "经度"), ("C1", "纬度"), ("D1", "类型")]),
        None,
    );
    // The header alone: no rows, but read (the generated workbook is valid).
    let b = read_table(&book, TableFormat::Xlsx, TableLayer::Units).expect("reads");
    assert!(b.units.is_empty());
}

#[test]
fn the_xfd1048576_sheet_is_refused_not_expanded() {
    // The file of issue 14: A1 名称 and XFD1048576, 1.6 KB; its dimension declared or not, or lying.
    for dimension in [Some("A1:XFD1048576"), None, Some("A1")] {
        let book = support::xlsx(&support::sheet(dimension, &[("A1", "名称"), ("XFD1048576", "x")]), None);
        assert!(book.len() < 2048, "{} bytes", book.len());
        let err = refused(read_table(&book, TableFormat::Xlsx, TableLayer::Units), code::TOO_MANY_COLUMNS);
        let field = err.field_error("file");
        assert_eq!(field.code, code::TOO_MANY_COLUMNS);
        assert_eq!(field.params["limit"], limits::MAX_TABLE_COLUMNS as u64);
        assert!(field.reason.contains("列数过多"), "{}", field.reason);
    }
    // Within the columns but a million rows down: the used range is too large.
    let book = support::xlsx(&support::sheet(None, &[("A1", "名称"), ("Z1048576", "x")]), None);
    let err = refused(read_table(&book, TableFormat::Xlsx, TableLayer::Units), code::SHEET_TOO_LARGE);
    assert!(err.to_string().contains("A1:Z1048576"), "{err}");
    // The declared range alone is enough to refuse.
    let book = support::xlsx(&support::sheet(Some("A1:Z1048576"), &[("A1", "名称")]), None);
    refused(read_table(&book, TableFormat::Xlsx, TableLayer::Units), code::SHEET_TOO_LARGE);
}

#[test]
fn a_declared_shared_string_count_is_not_trusted() {
    let book = support::shared_string_bomb_xlsx();
    let err = refused(read_table(&book, TableFormat::Xlsx, TableLayer::Units), code::TOO_MANY_SHARED_STRINGS);
    assert_eq!(err.field_error("file").params["found"], 1_000_000_000_000u64);
}

#[test]
fn a_zip_bomb_entry_is_measured_not_trusted() {
    let book = support::zip_bomb_xlsx(limits::MAX_ZIP_ENTRY_BYTES + (1 << 20));
    println!("bomb: {} bytes", book.len());
    assert!(book.len() < 4 << 20);
    let err = refused(read_table(&book, TableFormat::Xlsx, TableLayer::Units), code::ZIP_ENTRY_TOO_LARGE);
    assert!(err.to_string().contains("docProps/custom.xml"), "{err}");
}

#[test]
fn csv_lines_rows_and_columns_are_bounded() {
    // A 100 MB line: refused by a scan of the bytes, before decoding or parsing.
    let mut csv = b"name,lon,lat,kind\n".to_vec();
    csv.resize(csv.len() + (100 << 20), b'a');
    let err = refused(read_table(&csv, TableFormat::Csv, TableLayer::Units), code::LINE_TOO_LONG);
    assert!(err.to_string().contains("第2行"), "{err}");
    drop(csv);
    // 300 columns.
    let csv = format!("名称,经度,纬度,类型{}\n", ",x".repeat(300));
    refused(read_table(csv.as_bytes(), TableFormat::Csv, TableLayer::Units), code::TOO_MANY_COLUMNS);
    // More rows than the limit (short ones, so the file stays small).
    let mut csv = String::from("名称,经度,纬度,类型\n");
    for _ in 0..limits::MAX_TABLE_ROWS {
        csv.push_str("a\n");
    }
    refused(read_table(csv.as_bytes(), TableFormat::Csv, TableLayer::Units), code::TOO_MANY_ROWS);
}

#[test]
fn geojson_size_features_and_positions_are_bounded() {
    let m = Mapping::from_toml(
        "layer = \"roads\"\nsource_prefix = \"t\"\n[fields]\nname = \"N\"\n[defaults]\nclass = \"residential\"\n",
    )
    .unwrap();
    // One line with more positions than the limit is skipped and reported; the others import.
    let mut line = String::from("[");
    for i in 0..=limits::MAX_GEOMETRY_POSITIONS {
        if i > 0 {
            line.push(',');
        }
        line.push_str("[0,0]");
    }
    line.push(']');
    let json = format!(
        r#"{{"type":"FeatureCollection","features":[
        {{"type":"Feature","properties":{{"N":"huge"}},"geometry":{{"type":"LineString","coordinates":{line}}}}},
        {{"type":"Feature","properties":{{"N":"ok"}},"geometry":{{"type":"LineString","coordinates":[[0,0],[0.001,0.001]]}}}}]}}"#
    );
    let b = read_geojson(json.as_bytes(), &m, &NoProgress).expect("reads");
    assert_eq!(b.roads.len(), 1);
    assert_eq!(b.report.skipped_by_reason.get("too many coordinate positions"), Some(&1), "{:?}", b.report);
}

/// A PBF whose first blob header declares `datasize` bytes, followed by a few bytes only.
fn pbf_declaring(datasize_varint: &[u8]) -> Vec<u8> {
    let mut header = b"\x0a\x09OSMHeader\x18".to_vec();
    header.extend_from_slice(datasize_varint);
    let mut f = (header.len() as u32).to_be_bytes().to_vec();
    f.extend_from_slice(&header);
    f.extend_from_slice(&[0u8; 16]);
    f
}

#[test]
fn a_pbf_blob_declaring_gigabytes_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.osm.pbf");
    // 2^31 - 1 bytes, and a negative int32 (a ten-byte varint).
    for size in [&b"\xff\xff\xff\xff\x07"[..], &b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"[..]] {
        std::fs::write(&path, pbf_declaring(size)).unwrap();
        for r in [
            read_osm_pbf(&path, &OsmOptions::default(), &NoProgress),
            read_osm(&path, &OsmOptions::default(), &NoProgress),
        ] {
            let err = refused(r, code::BLOB_TOO_LARGE);
            assert_eq!(err.field_error("file").params["limit"], limits::MAX_PBF_BLOB_BYTES);
        }
    }
    // Within the limit but past the end of the file: named as truncated.
    std::fs::write(&path, pbf_declaring(b"\x80\x80\x40")).unwrap();
    let err = refused(read_osm_pbf(&path, &OsmOptions::default(), &NoProgress), code::BAD_FILE);
    assert!(err.to_string().contains("truncated"), "{err}");
}

#[test]
fn an_osm_xml_item_without_end_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.osm");
    let mut xml = b"<?xml version='1.0'?>\n<osm version='0.6'><node id='1' lat='0' lon='0' note='".to_vec();
    xml.resize(xml.len() + (8 << 20), b'x');
    xml.extend_from_slice(b"'/></osm>");
    std::fs::write(&path, &xml).unwrap();
    refused(read_osm(&path, &OsmOptions::default(), &NoProgress), code::XML_ITEM_TOO_LARGE);
}

#[test]
fn files_larger_than_a_limit_are_not_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(limits::MAX_TABLE_FILE_BYTES + 1).unwrap(); // sparse: no disk used
    let err = limits::read_file(&path, limits::MAX_TABLE_FILE_BYTES).expect_err("refused");
    assert_eq!(err.code(), code::FILE_TOO_LARGE, "{err}");
    assert!(err.to_string().contains("big.csv"), "{err}");
    std::fs::write(&path, b"a,b\n").unwrap();
    assert_eq!(limits::read_file(&path, limits::MAX_TABLE_FILE_BYTES).unwrap(), b"a,b\n");
}
