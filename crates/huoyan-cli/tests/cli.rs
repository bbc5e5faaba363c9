//! The real `huoyan` binary in temporary data directories: the demo's counts, the Andorra import's
//! counts, failed imports that leave the store unchanged, backups while the server runs, and the
//! account commands.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;
use common::huoyan;

fn ok(data: &Path, args: &[&str]) -> String {
    let out = huoyan(data, args);
    assert!(
        out.status.success(),
        "huoyan {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stats(data: &Path) -> Value {
    serde_json::from_str(&ok(data, &["stats", "--json"])).unwrap()
}

fn repo(p: &str) -> String {
    format!("{}/../../{p}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn demo_builds_cambridge_with_its_population() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(dir.path(), &["demo", "--no-serve"]);
    assert!(out.contains("admin@Huoyan2026"), "prints the demo passwords:\n{out}");
    // A month of past incidents, each through the intake, dispatch and timeline, none refused.
    let line = out.lines().find(|l| l.contains("past incidents")).unwrap_or_else(|| panic!("no history line:\n{out}"));
    let n: usize = line.split_whitespace().nth(2).and_then(|w| w.parse().ok()).unwrap_or(0);
    assert!(n >= 30 && line.contains("(0 skipped)"), "{line}");
    let s = stats(dir.path());
    assert_eq!(s["water_sources"], 1960);
    assert_eq!(s["roads"], 2643);
    assert!((s["road_km"].as_f64().unwrap() - 251.4).abs() < 1.0, "{s}");
    assert_eq!(s["units"], 3000);
    assert_eq!(s["stations"], 16, "8 city stations and 8 micro fire stations");
    assert_eq!(s["by_kind"]["stations"]["micro"], 8);
    assert_eq!(s["by_kind"]["stations"]["special"], 1);
    assert!(s["vehicles"].as_i64().unwrap() >= 8 * 2);
    assert_eq!(s["users"], 7);
    assert_eq!(s["jurisdictions"], 10, "city, county and 8 engine districts");
    // Key units, 九小场所 and 三合一 all present.
    let classes = s["by_status"]["units"].as_object().unwrap();
    for class in ["key_unit", "high_risk", "nine_small", "three_in_one"] {
        assert!(classes.keys().any(|k| k.contains(class)), "{class} missing: {classes:?}");
    }
    // A second run replaces the demo store; a store the demo did not make is refused.
    ok(dir.path(), &["demo", "--no-serve", "--units", "100"]);
    assert_eq!(stats(dir.path())["units"], 100);
    let other = tempfile::tempdir().unwrap();
    ok(other.path(), &["jurisdiction", "add", "--name", "某县", "--level", "county"]);
    let out = huoyan(other.path(), &["demo", "--no-serve"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("did not create"));
}

#[test]
fn andorra_imports_with_the_right_counts() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["jurisdiction", "add", "--name", "Andorra", "--level", "city"]);
    let out = ok(dir.path(), &["import", "osm", &repo("data/osm/andorra_2026-04-04.osm.pbf"), "--json"]);
    let summary: Value = serde_json::from_str(&out).unwrap();
    assert!(summary["refused"].as_array().unwrap().is_empty(), "{summary}");
    let s = stats(dir.path());
    assert_eq!(s["stations"], 4);
    assert_eq!(s["water_sources"], 23);
    assert_eq!(s["buildings"], 7463);
    assert_eq!(s["roads"], 3732);
    let km = s["road_km"].as_f64().unwrap();
    assert!((km - 555.0).abs() < 5.0, "{km} km");
}

#[test]
fn failed_imports_leave_the_store_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["jurisdiction", "add", "--name", "测试市", "--level", "city"]);
    let before = stats(dir.path());
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "名称,经度,纬度,类型\n好商店,0.5,0.5,商店\n坏行,abc,0.5,商店\n").unwrap();
    // --strict: one bad row, nothing written.
    let out = huoyan(dir.path(), &["import", "table", bad.to_str().unwrap(), "--layer", "units", "--strict"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing was written"));
    assert_eq!(stats(dir.path()), before);
    // Not a PBF.
    let out = huoyan(dir.path(), &["import", "osm", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    assert_eq!(stats(dir.path()), before);
    // A mapping naming an unknown field.
    let mapping = dir.path().join("m.toml");
    std::fs::write(&mapping, "layer = \"stations\"\n[fields]\ncolour = \"X\"\n").unwrap();
    let out = huoyan(
        dir.path(),
        &[
            "import",
            "geojson",
            &repo("data/cambridge_ma/Public_Safety/Fire_Stations/PUBLICSAFETY_FireStations.geojson"),
            "--mapping",
            mapping.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("colour"));
    assert_eq!(stats(dir.path()), before);
    // Without --strict the good row goes in and the bad one is reported with its row number.
    let out = ok(dir.path(), &["import", "table", bad.to_str().unwrap(), "--layer", "units"]);
    assert!(out.contains("第3行"), "{out}");
    assert_eq!(stats(dir.path())["units"], 1);
}

#[test]
fn accounts_backup_and_migrations_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["jurisdiction", "add", "--name", "测试市", "--level", "city"]);
    let out = huoyan(
        dir.path(),
        &["user", "add", "--username", "zhang", "--role", "防火监督员", "--jurisdiction", "1", "--password", "short"],
    );
    assert!(!out.status.success(), "password policy");
    ok(
        dir.path(),
        &[
            "user",
            "add",
            "--username",
            "zhang",
            "--role",
            "防火监督员",
            "--jurisdiction",
            "1",
            "--password",
            "long enough 1",
        ],
    );
    assert!(ok(dir.path(), &["user", "list"]).contains("zhang"));
    assert!(ok(dir.path(), &["migrate", "--status"]).contains("0001 base"));
    let copy = dir.path().join("copy.db");
    ok(dir.path(), &["backup", "--out", copy.to_str().unwrap()]);
    let restored = tempfile::tempdir().unwrap();
    std::fs::copy(&copy, restored.path().join("huoyan.db")).unwrap();
    assert_eq!(stats(restored.path())["users"], 1);
    let out = huoyan(dir.path(), &["backup", "--out", copy.to_str().unwrap()]);
    assert!(!out.status.success(), "never overwrites");
    // A bad configuration file is refused with its problem named.
    std::fs::write(dir.path().join("huoyan.toml"), "[server]\nport = 1\n").unwrap();
    let out = huoyan(dir.path(), &["stats"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("port"));
}

/// `huoyan demo` serves the store it built; `huoyan backup` copies it while it serves.
#[test]
fn demo_serves_and_backup_runs_beside_it() {
    use std::io::{BufRead, BufReader, Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_huoyan"))
        .arg("--data")
        .arg(dir.path())
        .args(["demo", "--units", "300", "--listen", "127.0.0.1:0"])
        .env_remove("HUOYAN_DATABASE_URL")
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("demo ended before serving").unwrap();
        if let Some(rest) = line.split("serving on http://").nth(1) {
            break rest.split('/').next().unwrap().to_string();
        }
    };
    let get = |path: &str| {
        let mut s = std::net::TcpStream::connect(&addr).unwrap();
        write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    };
    let health = get("/api/v1/health");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.contains("\"database\":true"), "{health}");
    assert!(get("/").contains("火眼"));
    let copy = dir.path().join("live-copy.db");
    ok(dir.path(), &["backup", "--out", copy.to_str().unwrap()]);
    child.kill().unwrap();
    child.wait().unwrap();
    let restored = tempfile::tempdir().unwrap();
    std::fs::copy(&copy, restored.path().join("huoyan.db")).unwrap();
    let s = stats(restored.path());
    assert_eq!((s["units"].as_i64(), s["water_sources"].as_i64()), (Some(300), Some(1960)));
}

#[test]
fn gb26875_decode_prints_json_or_names_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let good = "404001000101203a091a090c790300000000385b0100000030000202010101280a000200020020202020202020202020202020202020202020202020202020202020202000023a091a090c462323";
    let v: Value = serde_json::from_str(&ok(dir.path(), &["gb26875", "decode", good])).unwrap();
    assert_eq!(v["command"]["code"], 2);
    assert_eq!(v["adu"]["type"]["code"], 2);
    assert_eq!(v["adu"]["objects"][0]["state"]["fire"], true);
    assert_eq!(v["source"], "790300000000");
    let bad = good.replace("0c462323", "0c472323");
    let out = huoyan(dir.path(), &["gb26875", "decode", &bad]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("checksum mismatch: given 47, computed 46"));
}

#[test]
fn route_and_eta_on_the_demo_streets() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["demo", "--no-serve", "--units", "50"]);
    // Fire Headquarters (491 Broadway) to Fire Company 3 (175 Cambridge St).
    let r: Value =
        serde_json::from_str(&ok(dir.path(), &["route", "--from", "-71.11478,42.37532", "--to", "-71.07872,42.37119"]))
            .unwrap();
    let (secs, m) = (r["seconds"].as_f64().unwrap(), r["meters"].as_f64().unwrap());
    assert!(m > 3000.0 && m < 6000.0, "{m} m");
    let kmh = m / secs * 3.6;
    assert!((15.0..=60.0).contains(&kmh), "average {kmh} km/h over {m} m in {secs} s");
    assert_eq!(r["path"]["geometry"]["type"], "LineString");
    let etas: Vec<Value> = serde_json::from_str(&ok(dir.path(), &["eta", "--at", "-71.1,42.37"])).unwrap();
    assert_eq!(etas.len() as i64, stats(dir.path())["stations"].as_i64().unwrap(), "every force");
    let secs: Vec<f64> = etas.iter().filter_map(|e| e["seconds"].as_f64()).collect();
    assert!(secs.len() >= 8 && secs.windows(2).all(|w| w[0] <= w[1]), "fastest first: {secs:?}");
    // Far from any road: a clear error, not a panic.
    let out = huoyan(dir.path(), &["route", "--from", "-70,42", "--to", "-71.0787,42.3712"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no routable road within"));
    let out = huoyan(dir.path(), &["eta", "--at", "abc"]);
    assert!(!out.status.success());
}

#[test]
fn sensor_commands_register_with_a_token_and_load_rules() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["jurisdiction", "add", "--name", "测试县", "--level", "county"]);
    let out = ok(
        dir.path(),
        &[
            "sensor",
            "add",
            "--address",
            "SP-0001",
            "--name",
            "喷淋",
            "--measurement",
            "sprinkler_pressure",
            "--jurisdiction",
            "1",
        ],
    );
    let token = out.lines().find(|l| l.starts_with("token")).and_then(|l| l.split_whitespace().last()).unwrap();
    assert_eq!(token.len(), 64, "{out}");
    // A hydrant sensor must name its hydrant; an unknown measurement is refused.
    for args in [
        &[
            "sensor",
            "add",
            "--address",
            "hp-1",
            "--name",
            "x",
            "--measurement",
            "hydrant_pressure",
            "--jurisdiction",
            "1",
        ][..],
        &["sensor", "add", "--address", "hp-2", "--name", "x", "--measurement", "humidity", "--jurisdiction", "1"][..],
    ] {
        assert!(!huoyan(dir.path(), args).status.success(), "{args:?}");
    }
    assert!(ok(dir.path(), &["sensor", "list"]).contains("sp-0001"));
    // The rules in force: the shipped set, citing GB 50974-2014 7.2.8; a changed copy loads, a broken one does not.
    let shown = ok(dir.path(), &["sensor", "rules", "show"]);
    assert!(shown.contains("source = \"GB 50974-2014 7.2.8\""), "{shown}");
    let file = dir.path().join("t.toml");
    std::fs::write(&file, shown.replace("value = 0.14", "value = 0.2")).unwrap();
    ok(dir.path(), &["sensor", "rules", "load", file.to_str().unwrap()]);
    assert!(ok(dir.path(), &["sensor", "rules", "show"]).contains("value = 0.2"));
    std::fs::write(&file, shown.replace("unit = \"MPa\"", "unit = \"bar\"")).unwrap();
    let bad = huoyan(dir.path(), &["sensor", "rules", "load", file.to_str().unwrap()]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unit"), "{}", String::from_utf8_lossy(&bad.stderr));
    assert!(ok(dir.path(), &["sensor", "rules", "show"]).contains("value = 0.2"), "the refused set is not in force");
}
