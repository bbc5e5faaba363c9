//! What protects the server from one client (issue: denial of service by anyone, CSRF, headers):
//! the connection cap and the header-read timeout on a real socket, bounded metrics labels, the
//! login throttle by address with `Retry-After` (a stranger cannot lock the owner out), the client
//! header required of cookie-authenticated changes, the security headers, the password policy,
//! `/metrics` access, and the `bearer` scheme in any case.

mod common;

use std::net::IpAddr;
use std::time::{Duration, Instant};

use huoyan_server::ServerConfig;
use reqwest::Method;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Reads until the server closes the connection, or `within` passes; true when it closed.
async fn closed_within(s: &mut TcpStream, within: Duration) -> bool {
    let mut buf = [0u8; 1024];
    let deadline = Instant::now() + within;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, s.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => continue,
            Err(_) => return false,
        }
    }
}

fn host_port(base: &str) -> String {
    base.trim_start_matches("http://").to_string()
}

#[tokio::test]
async fn a_slow_header_is_cut_off_and_the_server_keeps_answering() {
    let f = common::start_with(ServerConfig { header_read_timeout_secs: 1, ..Default::default() }).await;
    let mut slow = TcpStream::connect(host_port(&f.base)).await.unwrap();
    slow.write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    // Never finishes its headers: the server must hang up, well before a request timeout would.
    assert!(closed_within(&mut slow, Duration::from_secs(5)).await, "the slow client was not disconnected");
    // An idle socket that sends nothing at all is cut off too.
    let mut idle = TcpStream::connect(host_port(&f.base)).await.unwrap();
    assert!(closed_within(&mut idle, Duration::from_secs(5)).await, "the idle socket was not disconnected");
    let r = f.http.get(f.url("/api/v1/health")).send().await.unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn past_the_connection_cap_new_sockets_are_closed_and_served_again_later() {
    let f = common::start_with(ServerConfig { max_connections: 8, header_read_timeout_secs: 30, ..Default::default() })
        .await;
    // The fixture's own client may hold a keep-alive connection: use a fresh one afterwards.
    let mut idle = Vec::new();
    for _ in 0..8 {
        idle.push(TcpStream::connect(host_port(&f.base)).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut extra = TcpStream::connect(host_port(&f.base)).await.unwrap();
    assert!(
        closed_within(&mut extra, Duration::from_secs(3)).await,
        "a connection past the cap was kept open (the idle ones would exhaust descriptors)"
    );
    drop(idle);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let fresh = reqwest::Client::new();
    let r = fresh.get(f.url("/api/v1/health")).send().await.unwrap();
    assert_eq!(r.status(), 200, "served again once the idle sockets are gone");
    let m = fresh.get(f.url("/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(m.contains("huoyan_http_connections_refused_total"), "refusals are counted");
}

#[tokio::test]
async fn odd_methods_do_not_grow_the_metrics() {
    let f = common::start().await;
    for i in 0..200 {
        let m = Method::from_bytes(format!("XMETHOD{i}").as_bytes()).unwrap();
        let _ = f.http.request(m, f.url("/api/v1/health")).send().await.unwrap();
    }
    let m = f.http.get(f.url("/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(!m.contains("XMETHOD"), "a method string became a label");
    assert!(m.contains("method=\"other\""), "odd methods are counted as other");
}

async fn login_from(f: &common::Fixture, from: &str, user: &str, password: &str) -> reqwest::Response {
    let client = reqwest::Client::builder().local_address(from.parse::<IpAddr>().unwrap()).build().unwrap();
    client
        .post(f.url("/api/v1/auth/login"))
        .json(&json!({"username": user, "password": password}))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_stranger_cannot_lock_the_admin_out() {
    let f = common::start().await;
    for _ in 0..huoyan_server::throttle::MAX_FAILURES {
        let r = login_from(&f, "127.0.0.2", "admin", "wrong password!").await;
        assert_eq!(r.status(), 401);
    }
    let r = login_from(&f, "127.0.0.2", "admin", common::PASSWORD).await;
    assert_eq!(r.status(), 429, "the guessing address is throttled, even with the right password");
    let wait: u64 = r.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(wait > 0 && wait <= huoyan_server::throttle::WINDOW.as_secs(), "{wait}");
    // The owner, at another address, logs in.
    let r = login_from(&f, "127.0.0.1", "admin", common::PASSWORD).await;
    assert_eq!(r.status(), 200, "the stranger locked the admin out");
}

#[tokio::test]
async fn changes_under_the_session_cookie_need_the_client_header() {
    let f = common::start().await;
    let cookie = format!("huoyan_session={}", f.tokens["admin"]);
    let body = json!({"name": "跨站伪造", "level": "township", "parent_id": f.city.id});
    let before = f.fingerprint().await;
    // A cross-site form can send the cookie but not a custom header.
    let r = f
        .http
        .post(f.url("/api/v1/jurisdictions"))
        .header("cookie", &cookie)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["fields"][0]["code"], "client_header_missing", "{v}");
    assert_eq!(f.fingerprint().await.0, before.0, "the refused request wrote nothing (no audit entry)");
    // Reads need no header; the console's requests carry it.
    let r = f.http.get(f.url("/api/v1/auth/me")).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let r = f
        .http
        .post(f.url("/api/v1/events/test"))
        .header("cookie", &cookie)
        .header("x-huoyan-client", "console")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // A bearer token needs no header (another site cannot make a browser send it).
    let r = f.req(Method::POST, "/api/v1/events/test", Some("admin")).send().await.unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn the_bearer_scheme_is_case_insensitive() {
    let f = common::start().await;
    for scheme in ["bearer", "BEARER", "Bearer"] {
        let r = f
            .http
            .get(f.url("/api/v1/auth/me"))
            .header("authorization", format!("{scheme} {}", f.tokens["admin"]))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{scheme}");
    }
}

#[tokio::test]
async fn answers_carry_the_security_headers() {
    let f = common::start().await;
    for path in ["/", "/api/v1/health", "/api/v1/nothing-here"] {
        let r = f.http.get(f.url(path)).send().await.unwrap();
        let h = r.headers();
        let csp = h.get("content-security-policy").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), "{path}: {csp}");
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "same-origin", "{path}");
    }
}

#[tokio::test]
async fn the_cookie_is_secure_behind_tls() {
    let f = common::start().await;
    let login = |proto: Option<&'static str>| {
        let mut r =
            f.http.post(f.url("/api/v1/auth/login")).json(&json!({"username": "admin", "password": common::PASSWORD}));
        if let Some(p) = proto {
            r = r.header("x-forwarded-proto", p);
        }
        r.send()
    };
    let r = login(Some("https")).await.unwrap();
    let c = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(c.contains("; Secure"), "{c}");
    let r = login(None).await.unwrap();
    let c = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(!c.contains("Secure"), "plain HTTP on a LAN keeps working: {c}");
}

#[tokio::test]
async fn weak_passwords_are_refused() {
    let f = common::start().await;
    for (pw, code) in [("12345678", "password_too_common"), ("abcdefghijk", "password_too_simple")] {
        let r = f
            .req(Method::POST, "/api/v1/users", Some("admin"))
            .json(&json!({"username": "weak_one", "display_name": "弱", "role": "inspector", "jurisdiction_id": f.city.id, "password": pw}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422, "{pw}");
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["fields"][0]["code"], code, "{v}");
    }
}

#[tokio::test]
async fn metrics_can_be_turned_off() {
    let f = common::start_with(ServerConfig { metrics: huoyan_server::MetricsAccess::Off, ..Default::default() }).await;
    assert_eq!(f.http.get(f.url("/metrics")).send().await.unwrap().status(), 404);
    let g = common::start().await;
    assert_eq!(g.http.get(g.url("/metrics")).send().await.unwrap().status(), 200, "local by default");
}
