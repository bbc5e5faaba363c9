//! The embedded MQTT endpoint over real sockets, on both backends: rumqttc as the sensor (QoS 0/1/2
//! publishes acknowledged after the commit, refused credentials, another sensor's topic) and raw
//! TCP for hostile input (garbage, a huge remaining length, no CONNECT, a slow sender, too many
//! connections) that must not keep a well-behaved sensor from its PUBACK.

use huoyan_monitor::store::Monitoring;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use common::TestStore;
use huoyan_domain::account::Principal;
use huoyan_monitor::store::sensors::NewSensor;
use huoyan_mqtt::MqttConfig;
use huoyan_mqtt::endpoint::{Endpoint, serve};
use huoyan_store::Store;
use huoyan_store::on_both;
use huoyan_store::testkit as common;
use rumqttc::{AsyncClient, ConnectReturnCode, ConnectionError, Event, EventLoop, MqttOptions, Packet, QoS};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::Notify;

/// The tables these tests need: the kernel's (always) and the monitoring module's.
const MODULES: &[&huoyan_store::migrate::Schema] = &[&huoyan_monitor::SCHEMA];

const A: &str = "tank-0001";
const B: &str = "tank-0002";

/// Two tank-level sensors; returns their tokens.
async fn sensors(s: &Store) -> (String, String) {
    let (city, _, _) = common::city_west_east(s).await;
    let mut tokens = Vec::new();
    for address in [A, B] {
        let new = NewSensor {
            jurisdiction_id: city.id,
            address: address.into(),
            name: format!("{address} 水池液位"),
            measurement: "tank_level".into(),
            ..Default::default()
        };
        tokens.push(Monitoring(s).register_sensor(&Principal::system(), new).await.unwrap().token);
    }
    (tokens.remove(0), tokens.remove(0))
}

/// The endpoint on an ephemeral port with `tweak`ed settings.
async fn start(s: &Store, tweak: impl FnOnce(&mut MqttConfig)) -> (SocketAddr, Arc<Notify>) {
    let mut config = MqttConfig { listen: "127.0.0.1:0".into(), ..Default::default() };
    tweak(&mut config);
    let endpoint = Endpoint::new(&config).unwrap();
    let listener = tokio::net::TcpListener::bind(&config.listen).await.unwrap();
    let addr = listener.local_addr().unwrap();
    let wake = Arc::new(Notify::new());
    tokio::spawn(serve(listener, s.clone(), endpoint, wake.clone(), std::future::pending()));
    (addr, wake)
}

fn device(addr: SocketAddr, id: &str, login: Option<(&str, &str)>) -> (AsyncClient, EventLoop) {
    let mut opts = MqttOptions::new(id, addr.ip().to_string(), addr.port());
    opts.set_keep_alive(Duration::from_secs(5));
    if let Some((user, password)) = login {
        opts.set_credentials(user, password);
    }
    AsyncClient::new(opts, 10)
}

fn topic(address: &str) -> String {
    format!("huoyan/sensors/{address}/readings")
}

/// A payload of one reading `ago` seconds old.
fn reading(ago: i64, value: f64) -> String {
    let at = (chrono::Utc::now() - chrono::Duration::seconds(ago)).to_rfc3339();
    serde_json::json!({ "readings": [{ "at": at, "value": value, "unit": "m" }] }).to_string()
}

/// Polls until `want` matches an incoming packet; the connection's end is an error.
async fn until(events: &mut EventLoop, want: impl Fn(&Packet) -> bool) -> Result<Packet, ConnectionError> {
    let wait = async {
        loop {
            if let Event::Incoming(p) = events.poll().await?
                && want(&p)
            {
                return Ok(p);
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(10), wait).await.expect("no answer within 10 s")
}

async fn acked(events: &mut EventLoop) -> Result<Packet, ConnectionError> {
    until(events, |p| matches!(p, Packet::PubAck(_))).await
}

async fn stories(s: &TestStore) {
    let (a_token, _) = sensors(s).await;
    let (addr, wake) = start(s, |_| {}).await;
    let (client, mut events) = device(addr, "dev-a", Some((A, &a_token)));
    // QoS 1: the reading is committed when the PUBACK arrives, and the engine was woken.
    let first = reading(60, 1.5);
    client.publish(topic(A), QoS::AtLeastOnce, false, first.clone()).await.unwrap();
    acked(&mut events).await.unwrap();
    assert_eq!(Monitoring(s).count_readings(None).await.unwrap(), 1, "stored before the PUBACK");
    tokio::time::timeout(Duration::from_secs(1), wake.notified()).await.expect("the engine was woken");
    let stored = Monitoring(s).readings_after(0, 10).await.unwrap();
    assert_eq!((stored[0].value, stored[0].metric.as_str(), stored[0].unit.as_str()), (1.5, "tank_level", "m"));
    // The same message again (a device resending): acknowledged, not stored twice.
    client.publish(topic(A), QoS::AtLeastOnce, false, first).await.unwrap();
    acked(&mut events).await.unwrap();
    // Refused for good (a retry would not fix them): acknowledged, nothing stored.
    let other_token = serde_json::json!({"token": "0".repeat(64), "readings": [{"at": chrono::Utc::now().to_rfc3339(), "value": 1.0}]});
    let other_address =
        serde_json::json!({"address": B, "readings": [{"at": chrono::Utc::now().to_rfc3339(), "value": 1.0}]});
    for bad in ["{".to_string(), reading(10, f64::MAX), other_token.to_string(), other_address.to_string()] {
        client.publish(topic(A), QoS::AtLeastOnce, false, bad).await.unwrap();
        acked(&mut events).await.unwrap();
    }
    assert_eq!(Monitoring(s).count_readings(None).await.unwrap(), 1);
    // Its own token and address in the payload are fine; QoS 2 completes; QoS 0 is stored silently.
    let own = serde_json::json!({"address": A, "token": a_token, "readings": [{"at": chrono::Utc::now().to_rfc3339(), "value": 1.2}]});
    client.publish(topic(A), QoS::AtLeastOnce, false, own.to_string()).await.unwrap();
    acked(&mut events).await.unwrap();
    client.publish(topic(A), QoS::ExactlyOnce, false, reading(30, 1.4)).await.unwrap();
    until(&mut events, |p| matches!(p, Packet::PubComp(_))).await.unwrap();
    client.publish(topic(A), QoS::AtMostOnce, false, reading(20, 1.3)).await.unwrap();
    // Subscribing fails (publish-only); the SUBACK also shows the QoS 0 publish before it was read.
    client.subscribe("huoyan/#", QoS::AtLeastOnce).await.unwrap();
    let suback = until(&mut events, |p| matches!(p, Packet::SubAck(_))).await.unwrap();
    let Packet::SubAck(suback) = suback else { unreachable!() };
    assert_eq!(suback.return_codes, [rumqttc::SubscribeReasonCode::Failure]);
    assert_eq!(Monitoring(s).count_readings(None).await.unwrap(), 4);
    let device = Monitoring(s).authenticate_sensor(A, &a_token).await.unwrap().unwrap();
    assert!(device.online, "a reading brings the sensor online");
}
on_both!(publishes, stories, MODULES);

async fn refusals(s: &TestStore) {
    let (a_token, b_token) = sensors(s).await;
    let (addr, _) = start(s, |_| {}).await;
    let refused = |r: &Result<Packet, ConnectionError>, code| matches!(r, Err(ConnectionError::ConnectionRefused(c)) if *c == code);
    // A wrong token, another sensor's token, an unknown address: the same answer.
    for (user, password) in [(A, "wrong"), (A, b_token.as_str()), ("tank-9999", a_token.as_str())] {
        let (_c, mut events) = device(addr, "dev-x", Some((user, password)));
        let r = until(&mut events, |_| true).await;
        assert!(refused(&r, ConnectReturnCode::NotAuthorized), "{user}: {r:?}");
    }
    let (_c, mut events) = device(addr, "dev-x", None);
    let r = until(&mut events, |_| true).await;
    assert!(refused(&r, ConnectReturnCode::BadUserNamePassword), "{r:?}");
    // Another sensor's topic: disconnected without a PUBACK, nothing stored.
    let (client, mut events) = device(addr, "dev-a", Some((A, &a_token)));
    client.publish(topic(B), QoS::AtLeastOnce, false, reading(10, 1.0)).await.unwrap();
    let r = acked(&mut events).await;
    assert!(r.is_err(), "the connection is closed, not acknowledged: {r:?}");
    assert_eq!(Monitoring(s).count_readings(None).await.unwrap(), 0);
}
on_both!(refused, refusals, MODULES);

/// Reads until the peer closes (true) or `within` passes (false).
async fn closed_within(socket: &mut TcpStream, within: Duration) -> bool {
    let mut buf = [0u8; 256];
    let drain = async {
        while let Ok(n) = socket.read(&mut buf).await {
            if n == 0 {
                break;
            }
        }
    };
    tokio::time::timeout(within, drain).await.is_ok()
}

async fn hostile(s: &TestStore) {
    let (a_token, _) = sensors(s).await;
    let (addr, _) = start(s, |c| {
        c.connect_timeout_secs = 1;
        c.max_packet_bytes = 1024;
    })
    .await;
    let started = tokio::time::Instant::now();
    let mut garbage = TcpStream::connect(addr).await.unwrap();
    garbage.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
    let mut huge = TcpStream::connect(addr).await.unwrap();
    huge.write_all(&[0x10, 0xff, 0xff, 0xff, 0x7f]).await.unwrap();
    let mut silent = TcpStream::connect(addr).await.unwrap();
    let mut slow = TcpStream::connect(addr).await.unwrap();
    let dribble = tokio::spawn(async move {
        // A CONNECT a byte every 200 ms, never finished in time.
        for b in [0x10u8, 40, 0, 4, b'M', b'Q', b'T', b'T', 4, 0xc2, 0, 30, 0, 5, b'd', b'e', b'v'] {
            if slow.write_all(&[b]).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        closed_within(&mut slow, Duration::from_secs(5)).await
    });
    // Meanwhile a sensor gets its PUBACK.
    let (client, mut events) = device(addr, "dev-a", Some((A, &a_token)));
    client.publish(topic(A), QoS::AtLeastOnce, false, reading(5, 2.0)).await.unwrap();
    acked(&mut events).await.unwrap();
    assert_eq!(Monitoring(s).count_readings(None).await.unwrap(), 1);
    assert!(closed_within(&mut garbage, Duration::from_secs(1)).await, "garbage is closed at once");
    assert!(closed_within(&mut huge, Duration::from_secs(1)).await, "a huge length is closed on its header");
    assert!(closed_within(&mut silent, Duration::from_secs(3)).await, "no CONNECT: closed at the timeout");
    assert!(started.elapsed() >= Duration::from_millis(900), "not before the timeout");
    assert!(dribble.await.unwrap(), "a slow sender is closed at the timeout too");
    // The well-behaved connection is still there.
    client.publish(topic(A), QoS::AtLeastOnce, false, reading(4, 2.1)).await.unwrap();
    acked(&mut events).await.unwrap();
    assert_eq!(Monitoring(s).count_readings(None).await.unwrap(), 2);
}
on_both!(hostile_input, hostile, MODULES);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_over_the_limit_are_closed_at_once() {
    let s = common::sqlite_with(MODULES).await;
    let (a_token, _) = sensors(&s).await;
    let (addr, _) = start(&s, |c| c.max_connections = 2).await;
    let idle = [TcpStream::connect(addr).await.unwrap(), TcpStream::connect(addr).await.unwrap()];
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut third = TcpStream::connect(addr).await.unwrap();
    assert!(closed_within(&mut third, Duration::from_secs(1)).await, "over the limit");
    drop(idle);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (client, mut events) = device(addr, "dev-a", Some((A, &a_token)));
    client.publish(topic(A), QoS::AtLeastOnce, false, reading(5, 2.0)).await.unwrap();
    acked(&mut events).await.unwrap();
    assert_eq!(Monitoring(&s).count_readings(None).await.unwrap(), 1, "the slots were freed");
    s.drop_schema().await;
}

#[test]
fn settings_are_checked() {
    let ok = MqttConfig { listen: "127.0.0.1:1883".into(), ..Default::default() };
    assert!(Endpoint::new(&ok).is_ok());
    for bad in [
        MqttConfig { max_packet_bytes: 10, ..ok.clone() },
        MqttConfig { max_connections: 0, ..ok.clone() },
        MqttConfig { connect_timeout_secs: 0, ..ok.clone() },
        MqttConfig { topic: "huoyan/+/readings".into(), ..ok.clone() },
    ] {
        assert!(Endpoint::new(&bad).is_err(), "{bad:?}");
    }
}
