//! Reading OpenStreetMap XML (`.osm`, `.osm.gz`, `.osm.bz2`: what JOSM saves and Overpass returns)
//! into the same records as the PBF reader, through the same [`Collector`].
//!
//! The file is streamed (never held whole) in the same passes as a PBF: elements, then member
//! ways when relations need them, then node coordinates; each pass reads the file again, which
//! keeps memory proportional to what is kept. One XML item (a tag with its attributes, or a run
//! of text) may not exceed [`MAX_XML_ITEM_BYTES`], so a file of one endless tag cannot exhaust
//! memory. Elements JOSM marks `action="delete"` and history elements with `visible="false"` are
//! left out, as they are not in the data.

use std::io::BufRead;
use std::path::Path;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

use crate::batch::{ImportBatch, Progress};
use crate::error::ImportError;
use crate::limits::{MAX_XML_ITEM_BYTES, code};
use crate::osm::OsmOptions;
use crate::osm_format::{Compression, file_name, open_decoded};
use crate::osm_records::{Collector, poi_tags};
use crate::osm_tags::Tags;

/// Which elements a pass looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    Elements,
    MemberWays,
    Coordinates,
}

/// Reads an OSM XML file (compressed as `compression` says).
pub(crate) fn read_osm_xml(
    path: &Path,
    compression: Compression,
    opts: &OsmOptions,
    progress: &dyn Progress,
) -> Result<ImportBatch, ImportError> {
    let name = file_name(path);
    let mut c = Collector::new(name.clone(), opts);
    let saw_root = scan(path, &name, compression, "OSM 1/3: elements", Pass::Elements, progress, &mut c)?;
    if !saw_root {
        return Err(ImportError::format(&name, "no <osm> element: not an OpenStreetMap XML file"));
    }
    if !c.end_elements().is_empty() {
        scan(path, &name, compression, "OSM 2/3: member ways", Pass::MemberWays, progress, &mut c)?;
    }
    c.end_member_ways();
    scan(path, &name, compression, "OSM 3/3: node coordinates", Pass::Coordinates, progress, &mut c)?;
    Ok(c.finish(progress))
}

/// A buffered reader that fails once more than [`MAX_XML_ITEM_BYTES`] are consumed without
/// [`Bounded::reset`] (called after each XML event), and counts all bytes for progress.
struct Bounded<R> {
    inner: R,
    since_reset: u64,
    total: u64,
}

impl<R> Bounded<R> {
    fn reset(&mut self) {
        self.since_reset = 0;
    }
}

impl<R: BufRead> std::io::Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Bounded<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.since_reset > MAX_XML_ITEM_BYTES {
            return Err(std::io::Error::other(ItemTooLarge));
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.since_reset += amt as u64;
        self.total += amt as u64;
        self.inner.consume(amt);
    }
}

/// The I/O error [`Bounded`] stops the parser with.
#[derive(Debug)]
struct ItemTooLarge;

impl std::fmt::Display for ItemTooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "an XML item is longer than {MAX_XML_ITEM_BYTES} bytes")
    }
}

impl std::error::Error for ItemTooLarge {}

/// The element being read, with the children gathered so far.
struct Open {
    kind: Kind,
    id: i64,
    lon: f64,
    lat: f64,
    tags: Vec<(String, String)>,
    refs: Vec<i64>,
    members: Vec<(i64, String)>,
    skip: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Node,
    Way,
    Relation,
}

/// One pass over the file; returns whether an `<osm>` root element was seen.
fn scan(
    path: &Path,
    name: &str,
    compression: Compression,
    label: &str,
    pass: Pass,
    progress: &dyn Progress,
    c: &mut Collector<'_>,
) -> Result<bool, ImportError> {
    let bounded = Bounded { inner: open_decoded(path, compression)?, since_reset: 0, total: 0 };
    let mut xml = quick_xml::Reader::from_reader(bounded);
    let mut buf = Vec::new();
    let mut open: Option<Open> = None;
    let mut saw_root = false;
    let mut reported = 0u64;
    progress.start(label, None);
    loop {
        buf.clear();
        let event = xml.read_event_into(&mut buf).map_err(|e| xml_error(name, &xml, e))?;
        xml.get_mut().reset();
        let total = xml.get_ref().total;
        if total - reported >= 1 << 20 {
            progress.advance(total - reported);
            reported = total;
        }
        let (e, empty) = match event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                if matches!(e.local_name().as_ref(), "node" | "way" | "relation")
                    && let Some(o) = open.take()
                {
                    finish(pass, o, c);
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        match e.local_name().as_ref() {
            "osm" => saw_root = true,
            "node" | "way" | "relation" => {
                let o = start(name, &e)?;
                // `<node … />` has no end tag: it is complete now.
                if empty { finish(pass, o, c) } else { open = Some(o) }
            }
            "tag" if pass == Pass::Elements => {
                if let Some(o) = open.as_mut().filter(|o| !o.skip)
                    && let [Some(k), Some(v)] = attrs(name, &e, ["k", "v"])?
                {
                    o.tags.push((k, v));
                }
            }
            "nd" if pass != Pass::Coordinates => {
                if let Some(o) = open.as_mut().filter(|o| !o.skip && o.kind == Kind::Way) {
                    let [r] = attrs(name, &e, ["ref"])?;
                    o.refs.push(integer(name, &e, "ref", r)?);
                }
            }
            "member" if pass == Pass::Elements => {
                if let Some(o) = open.as_mut().filter(|o| !o.skip && o.kind == Kind::Relation)
                    && let [Some(kind), r, role] = attrs(name, &e, ["type", "ref", "role"])?
                    && kind == "way"
                {
                    o.members.push((integer(name, &e, "ref", r)?, role.unwrap_or_default()));
                }
            }
            _ => {}
        }
    }
    progress.advance(xml.get_ref().total - reported);
    progress.finish();
    Ok(saw_root)
}

/// The element whose start tag is `e`.
fn start(name: &str, e: &BytesStart<'_>) -> Result<Open, ImportError> {
    let kind = match e.local_name().as_ref() {
        "node" => Kind::Node,
        "way" => Kind::Way,
        _ => Kind::Relation,
    };
    let [id, lon, lat, action, visible] = attrs(name, e, ["id", "lon", "lat", "action", "visible"])?;
    let skip = action.as_deref() == Some("delete") || visible.as_deref() == Some("false");
    let coord = |key: &str, v: Option<String>| -> Result<f64, ImportError> {
        match v {
            Some(v) => v.trim().parse::<f64>().map_err(|_| bad(name, e, &format!("{key}={v:?} is not a number"))),
            None => Ok(f64::NAN),
        }
    };
    let (lon, lat) =
        if kind == Kind::Node && !skip { (coord("lon", lon)?, coord("lat", lat)?) } else { (f64::NAN, f64::NAN) };
    Ok(Open {
        kind,
        id: integer(name, e, "id", id)?,
        lon,
        lat,
        tags: Vec::new(),
        refs: Vec::new(),
        members: Vec::new(),
        skip,
    })
}

/// Hands a complete element to the collector, as the pass wants it.
fn finish(pass: Pass, o: Open, c: &mut Collector<'_>) {
    if o.skip {
        return;
    }
    match (pass, o.kind) {
        // A node without coordinates (a deleted one in a history file) is not in the data.
        (Pass::Elements, Kind::Node) if o.lon.is_finite() && o.lat.is_finite() => {
            let tags = poi_tags(o.tags.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            c.node(o.id, o.lon, o.lat, tags);
        }
        (Pass::Elements, Kind::Way) => {
            let tags = Tags(o.tags);
            if c.wants_way(&tags) {
                c.way(o.id, o.refs, tags);
            }
        }
        (Pass::Elements, Kind::Relation) => {
            let tags = Tags(o.tags);
            if c.wants_relation(&tags) {
                c.relation(o.id, tags, o.members);
            }
        }
        (Pass::MemberWays, Kind::Way) if c.wants_member_way(o.id) => c.member_way(o.id, o.refs),
        (Pass::Coordinates, Kind::Node) if o.lon.is_finite() && o.lat.is_finite() => c.coord(o.id, o.lon, o.lat),
        _ => {}
    }
}

fn bad(name: &str, e: &BytesStart<'_>, what: &str) -> ImportError {
    ImportError::format(name, format!("<{}>: {what}", e.name().as_ref()))
}

/// The values of the attributes `keys`, unescaped, in one pass over the tag.
fn attrs<const N: usize>(name: &str, e: &BytesStart<'_>, keys: [&str; N]) -> Result<[Option<String>; N], ImportError> {
    let mut out: [Option<String>; N] = std::array::from_fn(|_| None);
    for a in e.attributes() {
        let a = a.map_err(|err| bad(name, e, &format!("bad attribute: {err}")))?;
        if let Some(i) = keys.iter().position(|k| *k == a.key.as_ref()) {
            let v = a.normalized_value(XmlVersion::Implicit1_0).map_err(|err| bad(name, e, &err.to_string()))?;
            out[i] = Some(v.into_owned());
        }
    }
    Ok(out)
}

/// The required integer attribute `key` (an id or a reference) of value `v`.
fn integer(name: &str, e: &BytesStart<'_>, key: &str, v: Option<String>) -> Result<i64, ImportError> {
    match v {
        Some(v) => v.trim().parse().map_err(|_| bad(name, e, &format!("{key}={v:?} is not an integer"))),
        None => Err(bad(name, e, &format!("no {key} attribute"))),
    }
}

/// An XML error as an import error, naming the position; an over-long item as a limit refusal.
fn xml_error<R>(name: &str, xml: &quick_xml::Reader<R>, e: quick_xml::Error) -> ImportError {
    let at = xml.error_position();
    if let quick_xml::Error::Io(io) = &e
        && io.get_ref().is_some_and(|inner| inner.is::<ItemTooLarge>())
    {
        return ImportError::too_large(
            name,
            code::XML_ITEM_TOO_LARGE,
            MAX_XML_ITEM_BYTES,
            None,
            Some(format!("byte {at}")),
        );
    }
    ImportError::format(name, format!("XML error at byte {at}: {e}"))
}
