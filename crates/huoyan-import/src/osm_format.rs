//! Telling what an OpenStreetMap file is from its bytes, not its name: PBF, XML (`.osm`, what JOSM
//! and Overpass write), gzip- or bzip2-compressed XML — or something else, named (a spreadsheet, a
//! GeoJSON layer, a GPX track …) so the user learns what they gave. Also the PBF framing check:
//! every blob's declared size is read and refused above [`MAX_PBF_BLOB_BYTES`] before any blob is
//! read.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use crate::error::ImportError;
use crate::limits::{MAX_PBF_BLOB_BYTES, code};

/// How many bytes (decompressed, for a compressed file) are looked at to tell the format.
const SNIFF_BYTES: u64 = 64 * 1024;

/// The compression around an OSM XML file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compression {
    /// Plain XML.
    None,
    /// gzip (`.osm.gz`).
    Gzip,
    /// bzip2 (`.osm.bz2`, what planet dumps and some extracts use).
    Bzip2,
}

/// What a file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Format {
    /// OSM PBF.
    Pbf,
    /// OSM XML, possibly compressed.
    Xml(Compression),
    /// Something else, described for the user (`a ZIP archive (.xlsx, .zip …)`).
    Other(String),
    /// Empty, or bytes of no format known here (a damaged file among them), described.
    Unknown(String),
}

impl Format {
    /// The format's name for messages.
    pub(crate) fn describe(&self) -> String {
        match self {
            Format::Pbf => "OSM PBF".into(),
            Format::Xml(Compression::None) => "OSM XML".into(),
            Format::Xml(Compression::Gzip) => "gzip 压缩的 OSM XML (gzip-compressed OSM XML)".into(),
            Format::Xml(Compression::Bzip2) => "bzip2 压缩的 OSM XML (bzip2-compressed OSM XML)".into(),
            Format::Other(what) | Format::Unknown(what) => what.clone(),
        }
    }
}

/// The file's name for messages.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// Opens a file, naming it in the error.
pub(crate) fn open(path: &Path) -> Result<File, ImportError> {
    File::open(path).map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())).into())
}

/// The file's content, decompressed as `compression` says.
pub(crate) fn open_decoded(path: &Path, compression: Compression) -> Result<Box<dyn BufRead>, ImportError> {
    let file = BufReader::new(open(path)?);
    Ok(match compression {
        Compression::None => Box::new(file),
        Compression::Gzip => Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file))),
        Compression::Bzip2 => Box::new(BufReader::new(bzip2::read::MultiBzDecoder::new(file))),
    })
}

/// What the file at `path` is, from its first bytes (decompressed when it is gzip or bzip2).
pub(crate) fn sniff(path: &Path) -> Result<Format, ImportError> {
    let mut head = Vec::new();
    open(path)?.take(SNIFF_BYTES).read_to_end(&mut head)?;
    let compression = if head.starts_with(&[0x1f, 0x8b]) {
        Compression::Gzip
    } else if head.starts_with(b"BZh") {
        Compression::Bzip2
    } else {
        return Ok(sniff_bytes(&head, false));
    };
    let mut inner = Vec::new();
    // A damaged stream shows as what could be decompressed before the damage.
    let _ = open_decoded(path, compression)?.take(SNIFF_BYTES).read_to_end(&mut inner);
    Ok(match sniff_bytes(&inner, true) {
        Format::Xml(_) => Format::Xml(compression),
        Format::Other(what) | Format::Unknown(what) => {
            let outer = if compression == Compression::Gzip { "gzip" } else { "bzip2" };
            Format::Other(format!("{outer} 压缩的{what} ({outer}-compressed {what})"))
        }
        Format::Pbf => Format::Other("压缩的 OSM PBF (a compressed PBF: decompress it first)".into()),
    })
}

/// What `head`, the first bytes of a file, show it is.
pub(crate) fn sniff_bytes(head: &[u8], decompressed: bool) -> Format {
    let other = |s: &str| Format::Other(s.to_string());
    if head.is_empty() {
        return Format::Unknown(if decompressed { "空内容 (empty content)" } else { "空文件 (an empty file)" }.into());
    }
    // PBF: a 4-byte length, then the BlobHeader whose first field is the type "OSMHeader".
    if head.len() >= 15
        && head[4] == 0x0a
        && (head[5..].starts_with(b"\x09OSMHeader") || head[5..].starts_with(b"\x07OSMData"))
    {
        return Format::Pbf;
    }
    let magic: [(&[u8], &str); 8] = [
        (b"PK\x03\x04", "ZIP 压缩包 (a ZIP archive: .xlsx, .zip …)"),
        (b"%PDF", "PDF"),
        (b"\xfd7zXZ\x00", "xz 压缩文件 (xz-compressed)"),
        (b"\x28\xb5\x2f\xfd", "zstd 压缩文件 (zstd-compressed)"),
        (b"7z\xbc\xaf\x27\x1c", "7z 压缩包 (a 7z archive)"),
        (b"\xff\xe0\x04o5m2", "o5m (convert it to .osm.pbf with osmium or osmconvert)"),
        (b"\xd0\xcf\x11\xe0", "旧版 Excel .xls (an old Excel .xls file)"),
        (b"\x89PNG", "PNG 图片 (a PNG image)"),
    ];
    if let Some((_, what)) = magic.iter().find(|(m, _)| head.starts_with(m)) {
        return other(what);
    }
    let text = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = text.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(text.len());
    let text = &text[start..];
    match text.first() {
        Some(b'<') => match xml_root(text) {
            Some(root) if root == "osm" => Format::Xml(Compression::None),
            Some(root) => Format::Other(format!(
                "XML（根元素 <{root}>，不是 <osm>）(XML whose root element is <{root}>, not <osm>)"
            )),
            None => other("XML（没有根元素）(XML without a root element)"),
        },
        Some(b'{' | b'[') => {
            let s = String::from_utf8_lossy(&text[..text.len().min(4096)]);
            if s.contains("FeatureCollection") || s.contains("\"Feature\"") {
                other("GeoJSON (import it with `huoyan import geojson` and a mapping)")
            } else {
                other("JSON")
            }
        }
        Some(_) if !text[..text.len().min(1024)].contains(&0) => {
            let line =
                String::from_utf8_lossy(&text[..text.iter().position(|b| *b == b'\n').unwrap_or(text.len()).min(200)])
                    .into_owned();
            if line.contains(',') || line.contains('\t') {
                other("文本表格 CSV (a CSV table: import it with `huoyan import table`)")
            } else {
                other("文本 (plain text)")
            }
        }
        _ => Format::Unknown("未知格式 (an unknown binary format)".into()),
    }
}

/// The name of the root element of an XML document's beginning.
fn xml_root(head: &[u8]) -> Option<String> {
    let mut r = quick_xml::Reader::from_reader(head);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match r.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                return Some(e.name().as_ref().to_string());
            }
            Ok(quick_xml::events::Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// Reads every blob header of a PBF file (seeking over the blobs) and refuses a declared blob size
/// above [`MAX_PBF_BLOB_BYTES`] or beyond the end of the file, before any blob is read.
pub(crate) fn check_pbf_framing(path: &Path) -> Result<(), ImportError> {
    let name = file_name(path);
    let mut f = BufReader::new(open(path)?);
    let size = f.get_ref().metadata()?.len();
    let mut pos = 0u64;
    for i in 0.. {
        let mut len = [0u8; 4];
        match f.read_exact(&mut len) {
            Ok(()) => {}
            // The end of the file, or a truncated length the PBF reader reports.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(e) => return Err(e.into()),
        }
        let header_len = u64::from(u32::from_be_bytes(len));
        if header_len > 64 * 1024 {
            let at = Some(format!("blob {i} header"));
            return Err(ImportError::too_large(&name, code::BLOB_TOO_LARGE, 64 * 1024, Some(header_len), at));
        }
        let mut header = vec![0u8; header_len as usize];
        if f.read_exact(&mut header).is_err() {
            return Ok(()); // truncated: the PBF reader names it
        }
        let Some(datasize) = blob_datasize(&header) else {
            return Ok(()); // malformed: the PBF reader names it
        };
        if datasize > MAX_PBF_BLOB_BYTES {
            let at = Some(format!("blob {i}"));
            return Err(ImportError::too_large(&name, code::BLOB_TOO_LARGE, MAX_PBF_BLOB_BYTES, Some(datasize), at));
        }
        pos += 4 + header_len;
        if pos + datasize > size {
            return Err(ImportError::format(
                &name,
                format!("blob {i} declares {datasize} bytes but the file ends {} bytes later (truncated?)", size - pos),
            ));
        }
        pos += datasize;
        f.seek(SeekFrom::Start(pos))?;
    }
    Ok(())
}

/// The `datasize` (field 3) of a PBF `BlobHeader` message; `None` when the message is malformed.
fn blob_datasize(mut b: &[u8]) -> Option<u64> {
    fn varint(b: &mut &[u8]) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = b.split_first()?;
            *b = rest;
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
    let mut datasize = None;
    while !b.is_empty() {
        let key = varint(&mut b)?;
        match key & 7 {
            0 => {
                let v = varint(&mut b)?;
                if key >> 3 == 3 {
                    // An int32: a negative size is encoded as a huge varint.
                    datasize = Some(v);
                }
            }
            1 => b = b.get(8..)?,
            2 => {
                let n = usize::try_from(varint(&mut b)?).ok()?;
                b = b.get(n..)?;
            }
            5 => b = b.get(4..)?,
            _ => return None,
        }
    }
    datasize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_their_bytes() {
        assert_eq!(sniff_bytes(b"<?xml version='1.0'?>\n<osm version='0.6'>", false), Format::Xml(Compression::None));
        assert_eq!(sniff_bytes(b"\xef\xbb\xbf  <osm>", false), Format::Xml(Compression::None));
        let pbf = b"\x00\x00\x00\x0d\x0a\x09OSMHeader\x18\x7b";
        assert_eq!(sniff_bytes(pbf, false), Format::Pbf);
        let cases: [(&[u8], &str); 4] = [
            (b"PK\x03\x04rest", "ZIP"),
            (b"<?xml version='1.0'?><gpx><trk/></gpx>", "<gpx>"),
            (b"{\"type\":\"FeatureCollection\",\"features\":[]}", "GeoJSON"),
            (b"name,lon,lat\nA,1,2\n", "CSV"),
        ];
        for (bytes, named) in cases {
            match sniff_bytes(bytes, false) {
                Format::Other(what) => assert!(what.contains(named), "{what} should name {named}"),
                f => panic!("{f:?} for {bytes:?}"),
            }
        }
        for (bytes, named) in [(&b""[..], "empty"), (b"\x00\x00\x00\x05\x01\x02\xff\xfe\xfa", "unknown")] {
            match sniff_bytes(bytes, false) {
                Format::Unknown(what) => assert!(what.contains(named), "{what} should name {named}"),
                f => panic!("{f:?} for {bytes:?}"),
            }
        }
    }

    #[test]
    fn blob_header_sizes_are_read() {
        // type "OSMData" (field 1), datasize 300 (field 3).
        let h = b"\x0a\x07OSMData\x18\xac\x02";
        assert_eq!(blob_datasize(h), Some(300));
        // A negative int32 datasize is a ten-byte varint: far above any limit.
        let h = b"\x0a\x07OSMData\x18\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01";
        assert!(blob_datasize(h).unwrap() > MAX_PBF_BLOB_BYTES);
        assert_eq!(blob_datasize(b"\x0a\x09OSM"), None, "truncated string");
    }
}
