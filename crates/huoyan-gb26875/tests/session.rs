//! The session with a simulated clock: store before 确认, de-duplication of retransmissions,
//! 否认 of invalid frames, request/answer matching, 10 s × 3 retries. The expected replies are
//! the standard's example frames (set A), byte for byte.

use std::time::{Duration, Instant};

use huoyan_gb26875::*;

const A1: &str = "404001000101203a091a090c790300000000385b0100000030000202010101280a000200020020202020202020202020202020202020202020202020202020202020202000023a091a090c462323";
const A2_ACK: &str = "404001000101233a091a090c385b01000000790300000000000003ab2323";
const A3_NAK: &str = "404001000101233a091a090c385b01000000790300000000000006ae2323";
const A8_READ: &str = "404001000101203a091a090c385b01000000790300000000030004510100fe2323";
const A9_ANSWER: &str = "404001000101203a091a090c790300000000385b01000000090005150108023a091a090c452323";
const A10_NAK: &str = "404001000101233a091a090c790300000000385b01000000000006ae2323";
const A16_ACK: &str = "404001000101233a091a090c790300000000385b01000000000003ab2323";
/// 2012-09-26 09:58:32 China time.
const UNIX_0958_32: i64 = 1_348_624_712;

fn h(s: &str) -> Vec<u8> {
    hex_to_bytes(s).unwrap()
}

fn config() -> SessionConfig {
    SessionConfig {
        local_address: Address::from_hex("385b01000000").unwrap(),
        peer_address: Some(Address::from_hex("790300000000").unwrap()),
        ..SessionConfig::default()
    }
}

fn session() -> (Session, Instant) {
    let t0 = Instant::now();
    (Session::new(config(), t0, UNIX_0958_32), t0)
}

fn events(s: &mut Session) -> Vec<Event> {
    std::iter::from_fn(|| s.poll_event()).collect()
}

fn transmits(s: &mut Session) -> Vec<Vec<u8>> {
    std::iter::from_fn(|| s.poll_transmit()).collect()
}

#[test]
fn store_before_ack_and_dedup() {
    let (mut s, t0) = session();
    let t = t0 + Duration::from_secs(3);
    s.handle_bytes(t, &h(A1));
    let ev = events(&mut s);
    let [Event::Received { frame, bytes, ack_required: true }] = ev.as_slice() else { panic!("{ev:?}") };
    assert_eq!(bytes, &h(A1));
    assert_eq!(frame.serial, 1);
    assert!(transmits(&mut s).is_empty(), "no 确认 before the store commit");

    // The device retransmits before the store finished: not delivered again, not acknowledged.
    s.handle_bytes(t, &h(A1));
    assert_eq!(events(&mut s), [Event::Duplicate { serial: 1, reacknowledged: false }]);
    assert!(transmits(&mut s).is_empty());

    // Store committed: 确认 goes out, byte-identical to the standard's example A2.
    s.ack(t, 1).unwrap();
    assert_eq!(transmits(&mut s), [h(A2_ACK)]);
    assert_eq!(s.ack(t, 1), Err(SessionError::UnknownSerial(1)));

    // The device missed the 确认 and retransmits: re-acknowledged, still not delivered again.
    s.handle_bytes(t, &h(A1));
    assert_eq!(events(&mut s), [Event::Duplicate { serial: 1, reacknowledged: true }]);
    assert_eq!(transmits(&mut s), [h(A2_ACK)]);
}

#[test]
fn same_serial_different_content_is_new() {
    let (mut s, t0) = session();
    let a1 = decode(&h(A1)).unwrap();
    let mut other = a1.clone();
    other.adu = Some(Adu::UitdState(vec![UitdStateObject { state: UitdState(0x02), time: a1.time }]));
    s.handle_bytes(t0, &encode(&a1));
    s.handle_bytes(t0, &encode(&other));
    let ev = events(&mut s);
    assert_eq!(ev.iter().filter(|e| matches!(e, Event::Received { ack_required: true, .. })).count(), 2);
    s.ack(t0, 1).unwrap();
    s.ack(t0, 1).unwrap();
    assert_eq!(transmits(&mut s).len(), 2);
}

#[test]
fn invalid_frame_is_denied() {
    let (mut s, t0) = session();
    let mut bad = h(A1);
    let cs = bad.len() - 3;
    bad[cs] ^= 1;
    s.handle_bytes(t0 + Duration::from_secs(3), &bad);
    let ev = events(&mut s);
    let [Event::Invalid { error: DecodeError::Checksum { .. }, denied: true, .. }] = ev.as_slice() else {
        panic!("{ev:?}")
    };
    assert_eq!(transmits(&mut s), [h(A3_NAK)], "否认 = the standard's example A3");

    // A damaged 确认/否认 is not answered (no reply loops).
    let mut bad_ack = h(A16_ACK);
    bad_ack[27] ^= 1;
    s.handle_bytes(t0, &bad_ack);
    assert!(matches!(events(&mut s).as_slice(), [Event::Invalid { denied: false, .. }]));
    assert!(transmits(&mut s).is_empty());
}

#[test]
fn caller_denial_lets_a_retransmission_through() {
    let (mut s, t0) = session();
    s.handle_bytes(t0, &h(A1));
    events(&mut s);
    s.deny(t0, 1).unwrap();
    assert_eq!(decode(&transmits(&mut s)[0]).unwrap().command, Command::Deny);
    s.handle_bytes(t0, &h(A1));
    assert!(matches!(events(&mut s).as_slice(), [Event::Received { ack_required: true, .. }]));
}

#[test]
fn heartbeat_is_acknowledged_at_once() {
    let (mut s, t0) = session();
    let mut hb = decode(&h(A1)).unwrap();
    hb.adu = None;
    hb.serial = 7;
    s.handle_bytes(t0, &encode(&hb));
    assert!(matches!(events(&mut s).as_slice(), [Event::Received { ack_required: false, .. }]));
    let tx = transmits(&mut s);
    let ack = decode(&tx[0]).unwrap();
    assert_eq!(
        (ack.command, ack.serial, ack.source, ack.destination),
        (Command::Confirm, 7, hb.destination, hb.source)
    );
}

#[test]
fn request_answer_matching() {
    let (mut s, t0) = session();
    let read = || Adu::ReadUitdState(vec![ReservedObject { reserved: 0 }]);
    assert_eq!(s.send(t0, Command::Request, read()), Ok(0));
    assert_eq!(s.send(t0, Command::Request, read()), Ok(1));
    let tx = transmits(&mut s);
    assert_eq!(tx[1], h(A8_READ), "the second request is the standard's example A8");
    s.handle_bytes(t0 + Duration::from_secs(1), &h(A9_ANSWER));
    let ev = events(&mut s);
    let [Event::Answered { serial: 1, frame }] = ev.as_slice() else { panic!("{ev:?}") };
    assert!(matches!(&frame.adu, Some(Adu::UitdState(o)) if o[0].state.main_power_fault()));
    assert!(s.poll_timeout().is_some(), "request 0 still waits");
    assert!(transmits(&mut s).is_empty(), "answers are not acknowledged");
}

#[test]
fn control_confirmed_or_denied() {
    let (mut s, t0) = session();
    let init = || Adu::InitUitd(vec![ReservedObject { reserved: 0 }]);
    s.send(t0, Command::Control, init()).unwrap();
    s.send(t0, Command::Control, init()).unwrap();
    s.handle_bytes(t0, &h(A16_ACK));
    assert_eq!(events(&mut s), [Event::Confirmed { serial: 1 }]);
    s.handle_bytes(t0, &h(A10_NAK));
    assert!(matches!(events(&mut s).as_slice(), [Event::Unmatched { .. }]), "serial 1 is done");
    let mut nak0 = decode(&h(A10_NAK)).unwrap();
    nak0.serial = 0;
    s.handle_bytes(t0, &encode(&nak0));
    assert_eq!(events(&mut s), [Event::Denied { serial: 0 }]);
    assert_eq!(s.poll_timeout(), None);
}

#[test]
fn timeout_three_retries_then_failure() {
    let (mut s, t0) = session();
    let serial = s.send(t0, Command::Request, Adu::ReadUitdTime(vec![ReservedObject { reserved: 0 }])).unwrap();
    let first = transmits(&mut s);
    assert_eq!(first.len(), 1);
    let ten = Duration::from_secs(10);
    assert_eq!(s.poll_timeout(), Some(t0 + ten));
    s.handle_timeout(t0 + ten - Duration::from_millis(1));
    assert!(transmits(&mut s).is_empty(), "not yet");
    for k in 1..=3u32 {
        let now = t0 + ten * k;
        s.handle_timeout(now);
        assert_eq!(transmits(&mut s), first, "retry {k} is the same frame");
        assert!(events(&mut s).is_empty());
        assert_eq!(s.poll_timeout(), Some(now + ten));
    }
    s.handle_timeout(t0 + ten * 4);
    assert_eq!(events(&mut s), [Event::RequestFailed { serial, attempts: 4 }]);
    assert!(transmits(&mut s).is_empty());
    assert_eq!(s.poll_timeout(), None);
    // A late answer matches nothing.
    let mut late = decode(&h(A9_ANSWER)).unwrap();
    late.serial = serial;
    s.handle_bytes(t0 + ten * 5, &encode(&late));
    assert!(matches!(events(&mut s).as_slice(), [Event::Unmatched { .. }]));
}

#[test]
fn send_refusals_and_peer_learning() {
    let t0 = Instant::now();
    let mut s = Session::new(SessionConfig::default(), t0, UNIX_0958_32);
    let read = || Adu::ReadUitdState(vec![ReservedObject { reserved: 0 }]);
    assert_eq!(s.send(t0, Command::Request, read()), Err(SessionError::NoPeerAddress));
    assert_eq!(s.send(t0, Command::SendData, read()), Err(SessionError::NotARequest(2)));
    s.handle_bytes(t0, &h(A1));
    s.send(t0, Command::Request, read()).unwrap();
    let f = decode(&transmits(&mut s)[0]).unwrap();
    assert_eq!(f.destination.to_string(), "790300000000");
    assert_eq!(s.time_tag(t0 + Duration::from_secs(86_400)).to_string(), "2012-09-27 09:58:32");
}

#[test]
fn random_bytes_into_a_session_never_panic() {
    let (mut s, t0) = session();
    let mut x: u32 = 12345;
    for i in 0..20_000u64 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        let chunk = x.to_le_bytes();
        s.handle_bytes(t0 + Duration::from_millis(i), &chunk[..(x as usize % 4) + 1]);
        while s.poll_event().is_some() {}
        while s.poll_transmit().is_some() {}
    }
}
