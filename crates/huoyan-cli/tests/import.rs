//! `huoyan import` as a new user meets it: into an empty data directory, with OSM XML as JOSM and
//! Overpass give it, and exit codes a script can trust (0 only when everything given was
//! written; 3 after the summary when records were refused or nothing was written; 1 when the
//! import stopped before writing).

use std::io::Write;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod common;
use common::huoyan;

fn text(out: &Output) -> String {
    format!("{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = huoyan(data, args);
    assert!(out.status.success(), "huoyan {args:?} failed:\n{}", text(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stats(data: &Path) -> Value {
    serde_json::from_str(&ok(data, &["stats", "--json"])).unwrap()
}

fn repo(p: &str) -> String {
    format!("{}/../../{p}", env!("CARGO_MANIFEST_DIR"))
}

fn small_osm() -> String {
    repo("crates/huoyan-import/tests/data/small.osm")
}

#[test]
fn osm_xml_into_an_empty_store_makes_the_root_from_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = huoyan(dir.path(), &["import", "osm", &small_osm()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("测试县"), "names the root it made:\n{}", text(&out));
    let s = stats(dir.path());
    assert_eq!(s["jurisdictions"], 1);
    assert_eq!(s["roads"], 1);
    assert_eq!(s["buildings"], 1);
    assert_eq!(s["stations"], 1);
    assert_eq!(s["water_sources"], 1);
    assert!(ok(dir.path(), &["jurisdiction", "list"]).contains("测试县"));

    // --root names it instead; gzip-compressed XML is read the same.
    let dir = tempfile::tempdir().unwrap();
    let gz = dir.path().join("small.osm.gz");
    let mut enc = flate2::write::GzEncoder::new(std::fs::File::create(&gz).unwrap(), flate2::Compression::fast());
    enc.write_all(&std::fs::read(small_osm()).unwrap()).unwrap();
    enc.finish().unwrap();
    ok(dir.path(), &["import", "osm", gz.to_str().unwrap(), "--root", "某县", "--root-level", "city"]);
    let list = ok(dir.path(), &["jurisdiction", "list"]);
    assert!(list.contains("某县") && !list.contains("测试县"), "{list}");
    assert_eq!(stats(dir.path())["roads"], 1);
    // --root into a store that has a root is refused, nothing written.
    let out = huoyan(dir.path(), &["import", "osm", &small_osm(), "--root", "另一县"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(stats(dir.path())["roads"], 1);
}

#[test]
fn a_pbf_named_osm_is_read_by_its_bytes_with_the_pbf_counts() {
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("andorra.osm");
    std::fs::copy(repo("data/osm/andorra_2026-04-04.osm.pbf"), &renamed).unwrap();
    let out = huoyan(dir.path(), &["import", "osm", renamed.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", text(&out));
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["refused_total"], 0, "{summary}");
    let s = stats(dir.path());
    assert_eq!(s["jurisdictions"], 1, "the root made from Andorra's boundary");
    assert_eq!(s["roads"], 3732);
    assert_eq!(s["buildings"], 7463);
    assert_eq!(s["stations"], 4);
    assert_eq!(s["water_sources"], 23);
}

#[test]
fn an_import_into_an_empty_store_without_a_root_stops_with_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("units.csv");
    std::fs::write(&csv, "名称,经度,纬度,类型\n好商店,0.5,0.5,商店\n").unwrap();
    let out = huoyan(dir.path(), &["import", "table", csv.to_str().unwrap(), "--layer", "units"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("jurisdiction add --name"), "prints the command:\n{}", text(&out));
    assert_eq!(stats(dir.path())["units"], 0);
    // An OSM extract that names no administrative area stops the same way, before writing.
    let osm = dir.path().join("noarea.osm");
    let xml = std::fs::read_to_string(small_osm()).unwrap().replace("'administrative'", "'postal_code'");
    std::fs::write(&osm, xml).unwrap();
    let out = huoyan(dir.path(), &["import", "osm", osm.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("--root"), "{}", text(&out));
    assert_eq!(stats(dir.path())["jurisdictions"], 0);
    // With --root it goes in.
    ok(dir.path(), &["import", "table", csv.to_str().unwrap(), "--layer", "units", "--root", "某县"]);
    assert_eq!(stats(dir.path())["units"], 1);
}

#[test]
fn imports_that_write_less_than_given_exit_non_zero_after_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["jurisdiction", "add", "--name", "测试市", "--level", "city"]);
    let csv = dir.path().join("units.csv");
    let header = "名称,统一社会信用代码,经度,纬度,类型\n";
    std::fs::write(&csv, format!("{header}某商场,91350100M000100Y43,0.5,0.5,商场/市场\n")).unwrap();
    ok(dir.path(), &["import", "table", csv.to_str().unwrap(), "--layer", "units"]);
    // The same unit again: the store refuses it (统一社会信用代码 already present), nothing written.
    let out = huoyan(dir.path(), &["import", "table", csv.to_str().unwrap(), "--layer", "units"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    assert!(text(&out).contains("refused by the store: 1"), "the summary comes first:\n{}", text(&out));
    assert!(text(&out).contains("nothing was written"), "{}", text(&out));
    // One refused, one new: written, and still exit 3 naming the refusal.
    std::fs::write(&csv, format!("{header}某商场,91350100M000100Y43,0.5,0.5,商场/市场\n某网吧,,0.5,0.5,网吧\n"))
        .unwrap();
    let out = huoyan(dir.path(), &["import", "table", csv.to_str().unwrap(), "--layer", "units"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    assert!(text(&out).contains("1 of 2 record(s) refused"), "{}", text(&out));
    assert_eq!(stats(dir.path())["units"], 2);
    // A file with nothing to import.
    std::fs::write(&csv, header).unwrap();
    let out = huoyan(dir.path(), &["import", "table", csv.to_str().unwrap(), "--layer", "units"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    assert!(text(&out).contains("nothing to import"), "{}", text(&out));
    // A file that is not what the command reads is named, exit 1.
    let out = huoyan(dir.path(), &["import", "osm", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("CSV"), "{}", text(&out));
}
