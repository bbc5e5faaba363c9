//! Hostile spreadsheets posted to `POST /api/v1/units/import` through the real server cannot take
//! it down (issue 14, defect 1): a 1.6 KB .xlsx naming cell XFD1048576 made the process abort
//! (`memory allocation of 549755813888 bytes failed`), and with it the GB/T 26875 gateway. Each file
//! must be refused with a 422 on `file` naming the limit, write nothing, and leave the server
//! answering `/api/v1/health`.

mod common;

#[path = "../../huoyan-import/tests/support/hostile_files.rs"]
mod hostile;

use huoyan_import::limits;
use reqwest::Method;
use serde_json::Value;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async fn post(f: &common::Fixture, ct: &str, body: Vec<u8>) -> (u16, Value) {
    let r = f.req(Method::POST, "/api/v1/units/import", Some("admin")).header("content-type", ct).body(body);
    let r = r.send().await.expect("the server answers the upload");
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

async fn healthy(f: &common::Fixture) {
    let r = f.http.get(format!("{}/api/v1/health", f.base)).send().await.expect("the server is still up");
    assert_eq!(r.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_spreadsheets_are_refused_and_the_server_stays_up() {
    let f = common::start().await;
    let before = f.fingerprint().await;
    let mut long_line = "名称,经度,纬度,类型\n".as_bytes().to_vec();
    long_line.resize(long_line.len() + limits::MAX_CSV_LINE_BYTES + 1, b'a');
    let cases: Vec<(&str, &str, Vec<u8>, &str)> = vec![
        ("XFD1048576", XLSX, hostile::xfd1048576_xlsx(), "列数过多"),
        ("shared strings", XLSX, hostile::shared_string_bomb_xlsx(), "共享字符串过多"),
        ("zip bomb", XLSX, hostile::zip_bomb_xlsx(limits::MAX_ZIP_ENTRY_BYTES + (1 << 20)), "解压后过大"),
        ("long CSV line", "text/csv", long_line, "行过长"),
        ("300 columns", "text/csv", format!("名称,经度,纬度,类型{}\n", ",x".repeat(300)).into_bytes(), "列数过多"),
    ];
    for (what, ct, body, words) in cases {
        println!("{what}: {} bytes", body.len());
        let (s, v) = post(&f, ct, body).await;
        println!("{what}: {s} {v}");
        assert_eq!((s, v["fields"][0]["field"].as_str()), (422, Some("file")), "{what}: {v}");
        let reason = v["fields"][0]["reason"].as_str().unwrap_or_default();
        assert!(reason.contains(words) && reason.contains("上限"), "{what} names the limit: {v}");
        healthy(&f).await;
    }
    assert_eq!(f.fingerprint().await.0, before.0, "nothing written");
}
