//! The embedded MQTT endpoint over TLS (`[mqtt] tls_cert` / `tls_key`): a sensor connecting with
//! TLS gets its CONNACK and its PUBACK after the commit; plain MQTT, a client that does not trust
//! the certificate and bad certificate settings get nothing stored.

use huoyan_monitor::store::Monitoring;
use std::sync::Arc;
use std::time::Duration;

use huoyan_domain::account::Principal;
use huoyan_monitor::store::sensors::NewSensor;
use huoyan_mqtt::MqttConfig;
use huoyan_mqtt::endpoint::{Endpoint, serve};
use huoyan_store::testkit as common;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::rustls;

/// The tables these tests need: the kernel's (always) and the monitoring module's.
const MODULES: &[&huoyan_store::migrate::Schema] = &[&huoyan_monitor::SCHEMA];

/// An MQTT packet: the fixed header's first byte, the remaining length, the body.
fn packet(first: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![first];
    let mut n = body.len();
    loop {
        let mut b = (n % 128) as u8;
        n /= 128;
        if n > 0 {
            b |= 0x80;
        }
        out.push(b);
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(body);
    out
}

fn string(s: &str) -> Vec<u8> {
    let mut out = (s.len() as u16).to_be_bytes().to_vec();
    out.extend_from_slice(s.as_bytes());
    out
}

/// CONNECT (MQTT 3.1.1, clean session, keep-alive 30 s) with user name and password.
fn connect(user: &str, password: &str) -> Vec<u8> {
    let mut body = string("MQTT");
    body.extend_from_slice(&[4, 0xc2, 0, 30]);
    body.extend(string("tls-dev"));
    body.extend(string(user));
    body.extend(string(password));
    packet(0x10, &body)
}

/// PUBLISH at QoS 1 with packet id 1.
fn publish(topic: &str, payload: &str) -> Vec<u8> {
    let mut body = string(topic);
    body.extend_from_slice(&[0, 1]);
    body.extend_from_slice(payload.as_bytes());
    packet(0x32, &body)
}

async fn read_exact<S: AsyncRead + Unpin>(s: &mut S, n: usize) -> Vec<u8> {
    let mut buf = vec![0u8; n];
    tokio::time::timeout(Duration::from_secs(5), s.read_exact(&mut buf)).await.expect("an answer in time").unwrap();
    buf
}

/// Connects, publishes one reading and returns (CONNACK, PUBACK).
async fn session<S: AsyncRead + AsyncWrite + Unpin>(s: &mut S, user: &str, token: &str) -> (Vec<u8>, Vec<u8>) {
    s.write_all(&connect(user, token)).await.unwrap();
    let connack = read_exact(s, 4).await;
    let at = (chrono::Utc::now() - chrono::Duration::seconds(5)).to_rfc3339();
    let payload = format!("{{\"readings\": [{{\"at\": \"{at}\", \"value\": 1.5}}]}}");
    s.write_all(&publish(&format!("huoyan/sensors/{user}/readings"), &payload)).await.unwrap();
    (connack, read_exact(s, 4).await)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sensor_publishes_over_tls_and_plain_mqtt_is_refused() {
    let s = common::sqlite_with(MODULES).await;
    let (city, _, _) = common::city_west_east(&s).await;
    let new = NewSensor {
        jurisdiction_id: city.id,
        address: "tank-tls1".into(),
        name: "水池液位（TLS）".into(),
        measurement: "tank_level".into(),
        ..Default::default()
    };
    let token = Monitoring(&s).register_sensor(&Principal::system(), new).await.unwrap().token;

    // A certificate for 127.0.0.1, as PEM files.
    let cert = rcgen::generate_simple_self_signed(vec!["127.0.0.1".into(), "localhost".into()]).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (cert_path, key_path) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert_path, cert.cert.pem()).unwrap();
    std::fs::write(&key_path, cert.key_pair.serialize_pem()).unwrap();
    let config = MqttConfig {
        listen: "127.0.0.1:0".into(),
        connect_timeout_secs: 2,
        tls_cert: cert_path.display().to_string(),
        tls_key: key_path.display().to_string(),
        ..Default::default()
    };

    // Bad settings are refused at start, naming what is wrong.
    for (bad, want) in [
        (MqttConfig { tls_key: String::new(), ..config.clone() }, "both"),
        (MqttConfig { tls_cert: "/nonexistent/cert.pem".into(), ..config.clone() }, "/nonexistent/cert.pem: not a PEM"),
        (MqttConfig { tls_cert: key_path.display().to_string(), ..config.clone() }, "not a PEM certificate chain"),
        (MqttConfig { tls_key: cert_path.display().to_string(), ..config.clone() }, "not a PEM private key"),
    ] {
        let err = Endpoint::new(&bad).unwrap_err().to_string();
        assert!(err.starts_with("mqtt.tls_cert / mqtt.tls_key") && err.contains(want), "{err}");
    }

    let endpoint = Endpoint::new(&config).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let wake = Arc::new(tokio::sync::Notify::new());
    tokio::spawn(serve(listener, s.store.clone(), endpoint, wake, std::future::pending()));

    // Plain MQTT to the TLS endpoint: at most a TLS alert (record type 0x15), never a CONNACK,
    // then closed; nothing stored.
    let mut plain = TcpStream::connect(addr).await.unwrap();
    plain.write_all(&connect("tank-tls1", &token)).await.unwrap();
    let mut got = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), plain.read_to_end(&mut got)).await;
    assert!(read.is_ok(), "closed in time");
    assert!(got.is_empty() || got[0] == 0x15, "no MQTT answer to plain text: {got:02x?}");

    // A client that does not trust the certificate: the handshake fails.
    let client = |roots: rustls::RootCertStore| {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let cfg = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_root_certificates(roots)
            .with_no_client_auth();
        tokio_rustls::TlsConnector::from(Arc::new(cfg))
    };
    let name = rustls::pki_types::ServerName::try_from("127.0.0.1").unwrap();
    let untrusting = client(rustls::RootCertStore::empty());
    assert!(untrusting.connect(name.clone(), TcpStream::connect(addr).await.unwrap()).await.is_err());
    assert_eq!(Monitoring(&s).count_readings(None).await.unwrap(), 0);

    // A sensor that trusts it: CONNACK accepted, PUBACK after the commit.
    let mut roots = rustls::RootCertStore::empty();
    roots.add(cert.cert.der().clone()).unwrap();
    let mut tls = client(roots).connect(name, TcpStream::connect(addr).await.unwrap()).await.unwrap();
    let (connack, puback) = session(&mut tls, "tank-tls1", &token).await;
    assert_eq!(connack, [0x20, 2, 0, 0], "CONNACK accepted");
    assert_eq!(puback, [0x40, 2, 0, 1], "PUBACK for packet 1");
    assert_eq!(Monitoring(&s).count_readings(None).await.unwrap(), 1, "stored before the PUBACK");
    s.drop_schema().await;
}
