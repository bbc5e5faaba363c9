//! Unit tests of the endpoint's protocol core ([`super::session`]), driven without sockets or a
//! store: packets written with rumqttc's codec, results reported by hand.

use std::time::{Duration, Instant};

use bytes::BytesMut;
use huoyan_monitor::ingest::{IngestError, IngestResult};
use rumqttc::mqttbytes::QoS;
use rumqttc::mqttbytes::v4::{
    ConnAck, Connect, ConnectReturnCode, Packet, PubAck, PubComp, PubRec, PubRel, Publish, SubAck, SubscribeReasonCode,
    Unsubscribe,
};

use super::session::{Action, Auth, Closed, Limits, Session};
use crate::{MqttConfig, Outcome};

const SENSOR: &str = "hp-0001";
const TOKEN: &str = "secret-token";
const LIMIT: usize = 1024;

fn session(t0: Instant) -> Session {
    let limits = Limits { max_packet_bytes: LIMIT, connect_timeout: Duration::from_secs(10) };
    Session::new(MqttConfig::default(), limits, t0)
}

fn wire(p: Packet) -> Vec<u8> {
    let mut b = BytesMut::new();
    p.write(&mut b, usize::MAX).unwrap();
    b.to_vec()
}

fn connect(login: Option<(&str, &str)>, keep_alive: u16) -> Vec<u8> {
    let mut c = Connect::new("dev-1");
    c.keep_alive = keep_alive;
    if let Some((u, p)) = login {
        c.set_login(u, p);
    }
    wire(Packet::Connect(c))
}

fn publish(topic: &str, qos: QoS, pkid: u16, payload: &[u8]) -> Vec<u8> {
    let mut p = Publish::new(topic, qos, payload.to_vec());
    p.pkid = pkid;
    wire(Packet::Publish(p))
}

fn own_topic() -> String {
    format!("huoyan/sensors/{SENSOR}/readings")
}

/// The packets of the `Send` actions, and the close, if any.
fn answers(actions: &[Action]) -> (Vec<Packet>, Option<Closed>) {
    let mut sent = Vec::new();
    let mut closed = None;
    for a in actions {
        match a {
            Action::Send(b) => sent.push(Packet::read(&mut BytesMut::from(&b[..]), usize::MAX).unwrap()),
            Action::Close(why) => closed = Some(why.clone()),
            other => panic!("unexpected {other:?}"),
        }
    }
    (sent, closed)
}

fn connack(code: ConnectReturnCode) -> Packet {
    Packet::ConnAck(ConnAck::new(code, false))
}

/// A session past CONNECT with `keep_alive`, accepted as [`SENSOR`].
fn connected(t0: Instant, keep_alive: u16) -> Session {
    let mut s = session(t0);
    let asked = s.feed(&connect(Some((SENSOR, TOKEN)), keep_alive), t0);
    assert_eq!(asked, [Action::Authenticate { address: SENSOR.into(), token: TOKEN.into() }]);
    assert_eq!(answers(&s.authenticated(Auth::Sensor(SENSOR.into()), t0)).0, [connack(ConnectReturnCode::Success)]);
    s
}

fn stored() -> Outcome {
    Outcome::Stored(IngestResult { stored: 1, duplicates: 0, ids: vec![1] })
}

#[test]
fn connect_checks_the_credentials_before_connack() {
    let t0 = Instant::now();
    let mut s = session(t0);
    let asked = s.feed(&connect(Some(("HP-0001", TOKEN)), 30), t0);
    assert_eq!(asked, [Action::Authenticate { address: "HP-0001".into(), token: TOKEN.into() }]);
    assert!(s.is_busy() && s.sensor().is_none() && s.deadline().is_none(), "waits for the check");
    assert_eq!(
        answers(&s.authenticated(Auth::Sensor(SENSOR.into()), t0)),
        (vec![connack(ConnectReturnCode::Success)], None)
    );
    assert_eq!(s.sensor(), Some(SENSOR));
}

#[test]
fn refused_connects_get_their_return_code_then_close() {
    let t0 = Instant::now();
    let bad_auth = |auth: Auth| {
        let mut s = session(t0);
        s.feed(&connect(Some((SENSOR, "wrong")), 30), t0);
        answers(&s.authenticated(auth, t0))
    };
    assert_eq!(bad_auth(Auth::Refused), (vec![connack(ConnectReturnCode::NotAuthorized)], Some(Closed::Unauthorized)));
    assert_eq!(
        bad_auth(Auth::Unavailable),
        (vec![connack(ConnectReturnCode::ServiceUnavailable)], Some(Closed::Unavailable))
    );
    let first = |bytes: &[u8]| {
        let mut s = session(t0);
        let a = answers(&s.feed(bytes, t0));
        assert!(s.is_closed() && s.feed(&wire(Packet::PingReq), t0).is_empty(), "closed stays closed");
        a
    };
    let none = (vec![connack(ConnectReturnCode::BadUserNamePassword)], Some(Closed::NoCredentials));
    assert_eq!(first(&connect(None, 30)), none);
    assert_eq!(first(&connect(Some((SENSOR, "")), 30)), none);
    assert_eq!(first(&connect(Some(("", TOKEN)), 30)), none);
    // Other protocol levels: MQTT 5 and MQTT 3.1 (MQIsdp) get 0x01.
    let refused = (vec![connack(ConnectReturnCode::RefusedProtocolVersion)], Some(Closed::Protocol));
    let mut v5 = connect(Some((SENSOR, TOKEN)), 30);
    v5[8] = 5;
    assert_eq!(first(&v5), refused);
    let mut v3 = vec![0x10, 0];
    v3.extend([0, 6]);
    v3.extend(b"MQIsdp");
    v3.extend([3, 0b10, 0, 30, 0, 1, b'x']);
    v3[1] = (v3.len() - 2) as u8;
    assert_eq!(first(&v3), refused);
    let mut other = connect(Some((SENSOR, TOKEN)), 30);
    other[4] = b'X';
    assert_eq!(first(&other), (vec![], Some(Closed::Protocol)), "not MQTT at all: closed without CONNACK");
    // An empty client id needs a clean session.
    let mut c = Connect::new("");
    c.clean_session = false;
    c.set_login(SENSOR, TOKEN);
    assert_eq!(
        first(&wire(Packet::Connect(c))),
        (vec![connack(ConnectReturnCode::BadClientId)], Some(Closed::ClientId))
    );
}

#[test]
fn connect_must_come_first_and_once() {
    let t0 = Instant::now();
    for packet in [wire(Packet::PingReq), publish(&own_topic(), QoS::AtMostOnce, 0, b"{}"), wire(Packet::Disconnect)] {
        let mut s = session(t0);
        assert_eq!(answers(&s.feed(&packet, t0)), (vec![], Some(Closed::NotConnect)));
    }
    let mut s = connected(t0, 30);
    assert_eq!(answers(&s.feed(&connect(Some((SENSOR, TOKEN)), 30), t0)), (vec![], Some(Closed::SecondConnect)));
}

#[test]
fn a_qos1_publish_is_acknowledged_only_after_the_commit() {
    let t0 = Instant::now();
    let mut s = connected(t0, 30);
    // A PUBLISH and a PINGREQ in one read: the ping waits behind the store.
    let mut bytes = publish(&own_topic(), QoS::AtLeastOnce, 7, br#"{"readings": []}"#);
    bytes.extend(wire(Packet::PingReq));
    let a = s.feed(&bytes, t0);
    assert_eq!(
        a,
        [Action::Ingest { address: SENSOR.into(), token: TOKEN.into(), payload: br#"{"readings": []}"#[..].into() }]
    );
    assert!(s.is_busy());
    assert_eq!(answers(&s.ingested(&stored(), t0)).0, [Packet::PubAck(PubAck::new(7)), Packet::PingResp]);
    assert!(!s.is_busy());
    assert!(s.ingested(&stored(), t0).is_empty(), "a result nobody waits for is ignored");
    // Refused for good: acknowledged all the same (a retry would not fix it).
    s.feed(&publish(&own_topic(), QoS::AtLeastOnce, 8, b"{"), t0);
    let bad = Outcome::Refused(IngestError::Malformed("eof".into()));
    assert_eq!(answers(&s.ingested(&bad, t0)).0, [Packet::PubAck(PubAck::new(8))]);
    // The store failed: closed without PUBACK, so the device sends it again.
    s.feed(&publish(&own_topic(), QoS::AtLeastOnce, 9, b"{}"), t0);
    let failed = Outcome::Retry(IngestError::Store(huoyan_store::StoreError::invalid("x", "invalid", "down")));
    assert_eq!(answers(&s.ingested(&failed, t0)), (vec![], Some(Closed::StoreFailed)));
    // A token replaced meanwhile: closed, not acknowledged.
    let mut s = connected(t0, 30);
    s.feed(&publish(&own_topic(), QoS::AtLeastOnce, 1, b"{}"), t0);
    let revoked = Outcome::Refused(IngestError::Unauthorized);
    assert_eq!(answers(&s.ingested(&revoked, t0)), (vec![], Some(Closed::Revoked)));
}

#[test]
fn qos0_is_stored_silently_and_qos2_completes_in_four_steps() {
    let t0 = Instant::now();
    let mut s = connected(t0, 30);
    assert!(matches!(s.feed(&publish(&own_topic(), QoS::AtMostOnce, 0, b"{}"), t0)[..], [Action::Ingest { .. }]));
    assert_eq!(answers(&s.ingested(&stored(), t0)), (vec![], None));
    assert!(matches!(s.feed(&publish(&own_topic(), QoS::ExactlyOnce, 3, b"{}"), t0)[..], [Action::Ingest { .. }]));
    assert_eq!(answers(&s.ingested(&stored(), t0)).0, [Packet::PubRec(PubRec::new(3))]);
    assert_eq!(answers(&s.feed(&wire(Packet::PubRel(PubRel::new(3))), t0)).0, [Packet::PubComp(PubComp::new(3))]);
}

#[test]
fn only_the_sensors_own_topic_is_accepted() {
    let t0 = Instant::now();
    for topic in
        ["huoyan/sensors/hp-0002/readings", "huoyan/sensors/hp-0001/other", "huoyan/sensors/+/readings", "x", ""]
    {
        let mut s = connected(t0, 30);
        let a = s.feed(&publish(topic, QoS::AtLeastOnce, 1, b"{}"), t0);
        assert_eq!(answers(&a), (vec![], Some(Closed::Topic(topic.into()))), "{topic}");
    }
    let mut s = connected(t0, 30);
    let a = s.feed(&publish("huoyan/sensors/HP-0001/readings", QoS::AtLeastOnce, 1, b"{}"), t0);
    assert!(matches!(a[..], [Action::Ingest { .. }]), "the address is case-insensitive: {a:?}");
}

#[test]
fn ping_subscribe_unsubscribe_and_disconnect() {
    let t0 = Instant::now();
    let mut s = connected(t0, 30);
    assert_eq!(answers(&s.feed(&wire(Packet::PingReq), t0)).0, [Packet::PingResp]);
    let mut sub = rumqttc::mqttbytes::v4::Subscribe::new("huoyan/#", QoS::AtLeastOnce);
    sub.add("other/+".into(), QoS::AtMostOnce);
    sub.pkid = 5;
    let failure = vec![SubscribeReasonCode::Failure; 2];
    assert_eq!(answers(&s.feed(&wire(Packet::Subscribe(sub)), t0)).0, [Packet::SubAck(SubAck::new(5, failure))]);
    let mut unsub = Unsubscribe::new("huoyan/#");
    unsub.pkid = 6;
    let (sent, closed) = answers(&s.feed(&wire(Packet::Unsubscribe(unsub)), t0));
    assert_eq!((sent.len(), &sent[0], closed), (1, &Packet::UnsubAck(rumqttc::mqttbytes::v4::UnsubAck::new(6)), None));
    assert_eq!(
        answers(&s.feed(&wire(Packet::PubAck(PubAck::new(1))), t0)),
        (vec![], Some(Closed::Unexpected("PUBACK")))
    );
    let mut s = connected(t0, 30);
    assert_eq!(answers(&s.feed(&wire(Packet::Disconnect), t0)), (vec![], Some(Closed::Disconnect)));
}

#[test]
fn keep_alive_is_one_and_a_half_times_the_clients() {
    let t0 = Instant::now();
    let secs = Duration::from_secs;
    let mut s = connected(t0, 10);
    assert_eq!(s.deadline(), Some(t0 + secs(15)));
    assert!(s.timeout(t0 + secs(14)).is_empty());
    // A packet at 14 s moves the deadline to 29 s; half a packet does not.
    assert_eq!(answers(&s.feed(&wire(Packet::PingReq), t0 + secs(14))).0, [Packet::PingResp]);
    let half = publish(&own_topic(), QoS::AtLeastOnce, 1, b"{}");
    assert!(s.feed(&half[..5], t0 + secs(20)).is_empty());
    assert_eq!(s.deadline(), Some(t0 + secs(29)));
    assert!(s.timeout(t0 + secs(28)).is_empty());
    assert_eq!(answers(&s.timeout(t0 + secs(29))), (vec![], Some(Closed::KeepAlive)));
    // A store's time is not the client's: the deadline restarts when the result comes.
    let mut s = connected(t0, 10);
    s.feed(&publish(&own_topic(), QoS::AtLeastOnce, 1, b"{}"), t0 + secs(1));
    assert_eq!(s.deadline(), None, "none while busy");
    s.ingested(&stored(), t0 + secs(40));
    assert_eq!(s.deadline(), Some(t0 + secs(55)));
    // Keep-alive 0: none (the standard's "no keep-alive").
    assert_eq!(connected(t0, 0).deadline(), None);
}

#[test]
fn a_connection_without_connect_times_out() {
    let t0 = Instant::now();
    let mut s = session(t0);
    assert_eq!(s.deadline(), Some(t0 + Duration::from_secs(10)));
    // A slow sender dribbling its CONNECT does not extend it.
    let c = connect(Some((SENSOR, TOKEN)), 30);
    for (i, b) in c[..c.len() - 1].iter().enumerate() {
        assert!(s.feed(std::slice::from_ref(b), t0 + Duration::from_millis(i as u64 * 100)).is_empty());
    }
    assert!(s.timeout(t0 + Duration::from_secs(9)).is_empty());
    assert_eq!(answers(&s.timeout(t0 + Duration::from_secs(10))), (vec![], Some(Closed::ConnectTimeout)));
}

#[test]
fn an_oversized_packet_closes_on_its_header() {
    let t0 = Instant::now();
    // The largest remaining length MQTT can say, with no body: refused from the 5 header bytes.
    let mut s = connected(t0, 30);
    let a = s.feed(&[0x30, 0xff, 0xff, 0xff, 0x7f], t0);
    assert_eq!(answers(&a), (vec![], Some(Closed::TooLarge { size: 268_435_455, limit: LIMIT })));
    // One byte over the limit, before CONNECT too.
    let mut s = session(t0);
    let a = s.feed(&[0x10, 0x81, 0x08], t0);
    assert_eq!(answers(&a), (vec![], Some(Closed::TooLarge { size: LIMIT + 1, limit: LIMIT })));
    // A fifth length byte is malformed; at the limit is fine.
    let mut s = connected(t0, 30);
    assert!(matches!(answers(&s.feed(&[0x30, 0xff, 0xff, 0xff, 0xff, 0x01], t0)).1, Some(Closed::Malformed(_))));
    let mut s = connected(t0, 30);
    let topic = own_topic();
    let body = vec![b' '; LIMIT - 2 - topic.len() - 2];
    assert!(matches!(s.feed(&publish(&topic, QoS::AtLeastOnce, 1, &body), t0)[..], [Action::Ingest { .. }]));
    // A megabyte fed at once is not buffered whole: closed at the header.
    let mut s = connected(t0, 30);
    let mut big = publish(&topic, QoS::AtLeastOnce, 1, &vec![b'x'; 1 << 20]);
    big.extend(wire(Packet::PingReq));
    assert!(matches!(answers(&s.feed(&big, t0)).1, Some(Closed::TooLarge { .. })));
}

#[test]
fn truncated_packets_wait_and_inconsistent_ones_close() {
    let t0 = Instant::now();
    // CONNECT byte by byte: nothing until the last byte.
    let mut s = session(t0);
    let c = connect(Some((SENSOR, TOKEN)), 30);
    for b in &c[..c.len() - 1] {
        assert!(s.feed(std::slice::from_ref(b), t0).is_empty());
    }
    assert!(matches!(s.feed(&c[c.len() - 1..], t0)[..], [Action::Authenticate { .. }]));
    // A remaining length shorter than the fields it must hold.
    let mut cut = connect(Some((SENSOR, TOKEN)), 30);
    cut[1] -= 4;
    cut.truncate(cut.len() - 4);
    let mut s = session(t0);
    assert!(matches!(answers(&s.feed(&cut, t0)).1, Some(Closed::Malformed(_))));
    // A QoS 1 PUBLISH without a packet id; QoS 3; a PUBREL without a body.
    for bad in [vec![0x32, 2, 0, 0], vec![0x36, 4, 0, 1, b'x', 0], vec![0x62, 0]] {
        let mut s = connected(t0, 30);
        assert!(matches!(answers(&s.feed(&bad, t0)).1, Some(Closed::Malformed(_))), "{bad:?}");
    }
}

#[test]
fn garbage_never_panics_nor_authenticates() {
    let t0 = Instant::now();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..2000 {
        let len = (next() % 200) as usize;
        let mut bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        // Half the rounds start like a packet of a known type.
        if round % 2 == 0 && !bytes.is_empty() {
            bytes[0] = ((next() % 15) as u8) << 4;
        }
        let (mut fresh, mut open) = (session(t0), connected(t0, 30));
        for chunk in bytes.chunks(1 + (next() % 17) as usize) {
            for a in fresh.feed(chunk, t0) {
                assert!(matches!(a, Action::Send(_) | Action::Close(_)), "garbage authenticated: {a:?}");
            }
            for a in open.feed(chunk, t0) {
                if let Action::Ingest { .. } = a {
                    open.ingested(&stored(), t0);
                }
            }
        }
    }
}
