//! Hostile spreadsheets built in memory, shared by the reader's tests (`huoyan-import/tests/hostile.rs`)
//! and the server's (`huoyan-server/tests/import_bombs.rs`, which includes this file by path).

#![allow(dead_code)]

use std::io::Write;

pub(crate) type Book = zip::ZipWriter<std::io::Cursor<Vec<u8>>>;

/// An .xlsx workbook with one sheet, `sheet` being the worksheet XML and `shared` an optional
/// shared-string table.
pub(crate) fn xlsx(sheet: &str, shared: Option<&str>) -> Vec<u8> {
    xlsx_writer(sheet, shared).finish().unwrap().into_inner()
}

/// The same workbook, still open for more entries.
pub(crate) fn xlsx_writer(sheet: &str, shared: Option<&str>) -> Book {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut put = |name: &str, body: &[u8]| {
        z.start_file(name, opts).unwrap();
        z.write_all(body).unwrap();
    };
    put(
        "[Content_Types].xml",
        br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
    );
    put(
        "_rels/.rels",
        br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    put(
        "xl/workbook.xml",
        br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
    );
    put(
        "xl/_rels/workbook.xml.rels",
        br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
    );
    put("xl/worksheets/sheet1.xml", sheet.as_bytes());
    if let Some(s) = shared {
        put("xl/sharedStrings.xml", s.as_bytes());
    }
    z
}

/// A worksheet with `dimension` (when given) holding `cells`: (A1 reference, inline text).
pub(crate) fn sheet(dimension: Option<&str>, cells: &[(&str, &str)]) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    );
    if let Some(d) = dimension {
        s.push_str(&format!(r#"<dimension ref="{d}"/>"#));
    }
    s.push_str("<sheetData>");
    for (r, text) in cells {
        let row: String = r.chars().filter(char::is_ascii_digit).collect();
        s.push_str(&format!(r#"<row r="{row}"><c r="{r}" t="inlineStr"><is><t>{text}</t></is></c></row>"#));
    }
    s.push_str("</sheetData></worksheet>");
    s
}

/// A workbook whose sheet holds A1 名称 and a custom part of `bytes` spaces, written a MiB at a
/// time: the part compresses about a thousandfold (a zip bomb).
pub(crate) fn zip_bomb_xlsx(bytes: u64) -> Vec<u8> {
    let mut z = xlsx_writer(&sheet(None, &[("A1", "名称")]), None);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    z.start_file("docProps/custom.xml", opts).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..bytes.div_ceil(1 << 20) {
        z.write_all(&chunk).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// The file of issue 14: A1 名称 and XFD1048576, its dimension declared.
pub(crate) fn xfd1048576_xlsx() -> Vec<u8> {
    xlsx(&sheet(Some("A1:XFD1048576"), &[("A1", "名称"), ("XFD1048576", "x")]), None)
}

/// A workbook whose shared-string table declares 10¹² strings and holds one.
pub(crate) fn shared_string_bomb_xlsx() -> Vec<u8> {
    let sst = r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1000000000000" uniqueCount="1000000000000"><si><t>名称</t></si></sst>"#;
    let s = r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#;
    xlsx(s, Some(sst))
}
