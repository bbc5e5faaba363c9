//! The gateway over real sockets on 127.0.0.1, with a SQLite store in a temporary directory (and
//! the store part on PostgreSQL too when `HUOYAN_TEST_PG_URL` is set). Every wait is bounded.

mod common;

use huoyan_monitor::store::Monitoring;
use std::time::Duration;

use common::*;
use huoyan_domain::account::Principal;
use huoyan_gateway::{GatewayConfig, GatewayEvent, UnknownDevicePolicy};
use huoyan_gb26875::{Address, Command, Frame, encode};
use huoyan_monitor::store::frames::{NewDevice, NewFrame, StoredOutcome};
use huoyan_store::Store;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::time::timeout;

#[test]
fn frame_is_stored_before_the_confirmation() {
    mt().block_on(async {
        let mut h = Harness::start(GatewayConfig::default()).await;
        let mut s = h.connect().await;
        send(&mut s, &upload(1)).await;
        let f = read_reply(&mut s).await.unwrap();
        // At the moment the device reads 确认, the row is committed.
        assert_eq!(Monitoring(&h.store).count_frames(Some(DEVICE)).await.unwrap(), 1);
        assert_eq!((f.command, f.serial), (Command::Confirm, 1));
        assert_eq!(f.destination, Address([0x79, 3, 0, 0, 0, 0]), "the reply goes back to the device");
        let stored = Monitoring(&h.store).recent_frames(DEVICE, 10).await.unwrap();
        assert_eq!(stored[0].adu_type, Some(2));
        assert!(!stored[0].quarantined);
        let decoded = huoyan_gb26875::decode_hex_to_json(&stored[0].raw).unwrap();
        assert_eq!(decoded["adu"]["type"]["code"], 2, "the stored wire bytes decode to the upload");
        assert_eq!(decoded["serial"], 1);
        // The device came online with the frame, before its commit.
        h.event(|e| matches!(e, GatewayEvent::DeviceOnline { .. })).await;
        assert!(matches!(
            h.event(|e| matches!(e, GatewayEvent::FrameStored { .. })).await,
            GatewayEvent::FrameStored { serial: 1, adu_type: Some(2), quarantined: false, .. }
        ));
        assert!(Monitoring(&h.store).device_by_address(DEVICE).await.unwrap().unwrap().online);
        // A heartbeat is confirmed and not stored.
        send(&mut s, &heartbeat(2)).await;
        expect(&mut s, Command::Confirm, 2).await;
        assert_eq!(Monitoring(&h.store).count_frames(None).await.unwrap(), 1);
        h.stop().await;
    });
}

#[test]
fn retransmissions_are_confirmed_once_stored() {
    mt().block_on(async {
        let h = Harness::start(GatewayConfig::default()).await;
        let mut s = h.connect().await;
        send(&mut s, &upload(7)).await;
        expect(&mut s, Command::Confirm, 7).await;
        send(&mut s, &upload(7)).await;
        expect(&mut s, Command::Confirm, 7).await;
        // Over a new connection too (the store's content hash).
        drop(s);
        let mut s = h.connect().await;
        send(&mut s, &upload(7)).await;
        expect(&mut s, Command::Confirm, 7).await;
        assert_eq!(Monitoring(&h.store).count_frames(Some(DEVICE)).await.unwrap(), 1);
        // Another ADU with the same serial is a new frame.
        send(&mut s, &encode(&Frame { serial: 7, ..base(A4) })).await;
        expect(&mut s, Command::Confirm, 7).await;
        assert_eq!(Monitoring(&h.store).count_frames(Some(DEVICE)).await.unwrap(), 2);
        h.stop().await;
    });
}

#[test]
fn garbage_bad_checksum_and_huge_length_keep_the_connection() {
    mt().block_on(async {
        let h = Harness::start(GatewayConfig::default()).await;
        let mut s = h.connect().await;
        // Garbage, including stray markers, then a good frame.
        send(&mut s, b"\x00\xffgarbage@#@x##\r\n").await;
        send(&mut s, &upload(1)).await;
        expect(&mut s, Command::Confirm, 1).await;
        // A bad checksum: 否认, nothing stored.
        let mut bad = upload(2);
        let n = bad.len();
        bad[n - 3] = bad[n - 3].wrapping_add(1);
        send(&mut s, &bad).await;
        expect(&mut s, Command::Deny, 2).await;
        // A huge length field (65535 > 1024): 否认 from the header alone.
        let mut huge = upload(3)[..27].to_vec();
        huge[24] = 0xff;
        huge[25] = 0xff;
        send(&mut s, &huge).await;
        expect(&mut s, Command::Deny, 3).await;
        // Still up.
        send(&mut s, &upload(4)).await;
        expect(&mut s, Command::Confirm, 4).await;
        assert_eq!(Monitoring(&h.store).count_frames(None).await.unwrap(), 2);
        h.stop().await;
    });
}

#[test]
fn truncated_frame_times_out_without_disturbing_others() {
    mt().block_on(async {
        let cfg = GatewayConfig {
            frame_timeout: Duration::from_millis(300),
            idle_timeout: Duration::from_secs(30),
            ..GatewayConfig::default()
        };
        let h = Harness::start(cfg).await;
        let mut slow = h.connect().await;
        let mut other = h.connect().await;
        send(&mut slow, &upload(1)[..40]).await;
        send(&mut other, &upload(2)).await;
        expect(&mut other, Command::Confirm, 2).await;
        let started = std::time::Instant::now();
        assert!(closed_within(&mut slow, Duration::from_secs(5)).await, "slow sender closed");
        assert!(started.elapsed() < Duration::from_secs(3));
        send(&mut other, &upload(3)).await;
        expect(&mut other, Command::Confirm, 3).await;
        assert_eq!(Monitoring(&h.store).count_frames(None).await.unwrap(), 2);
        h.stop().await;
    });
}

#[test]
fn silent_connection_is_closed_after_the_idle_timeout() {
    mt().block_on(async {
        let cfg = GatewayConfig { idle_timeout: Duration::from_millis(300), ..GatewayConfig::default() };
        let h = Harness::start(cfg).await;
        let mut s = h.connect().await;
        send(&mut s, &upload(1)).await;
        expect(&mut s, Command::Confirm, 1).await;
        assert!(closed_within(&mut s, Duration::from_secs(5)).await);
        h.stop().await;
    });
}

#[test]
fn unknown_device_refused() {
    mt().block_on(async {
        let mut h = Harness::start(GatewayConfig::default()).await;
        let mut s = h.connect().await;
        send(&mut s, &upload_from(5, STRANGER)).await;
        expect(&mut s, Command::Deny, 5).await;
        assert!(matches!(
            h.event(|e| matches!(e, GatewayEvent::FrameRefused { .. })).await,
            GatewayEvent::FrameRefused { serial: 5, .. }
        ));
        // Its heartbeat is refused too; the registered device on the same link still works.
        send(&mut s, &encode(&Frame { serial: 6, adu: None, source: Address(STRANGER), ..base(A1) })).await;
        expect(&mut s, Command::Deny, 6).await;
        send(&mut s, &upload(8)).await;
        expect(&mut s, Command::Confirm, 8).await;
        assert_eq!(Monitoring(&h.store).count_frames(Some("010203040506")).await.unwrap(), 0);
        assert_eq!(Monitoring(&h.store).count_frames(None).await.unwrap(), 1);
        h.stop().await;
    });
}

#[test]
fn unknown_device_quarantined() {
    mt().block_on(async {
        let cfg = GatewayConfig { unknown_devices: UnknownDevicePolicy::Quarantine, ..GatewayConfig::default() };
        let h = Harness::start(cfg).await;
        let mut s = h.connect().await;
        send(&mut s, &upload_from(5, STRANGER)).await;
        expect(&mut s, Command::Confirm, 5).await;
        let rows = Monitoring(&h.store).recent_frames("010203040506", 10).await.unwrap();
        assert_eq!(rows.len(), 1);
        assert!(rows[0].quarantined);
        assert!(Monitoring(&h.store).device_by_address("010203040506").await.unwrap().is_none());
        h.stop().await;
    });
}

#[test]
fn connection_limit() {
    mt().block_on(async {
        let cfg = GatewayConfig { max_connections: 2, ..GatewayConfig::default() };
        let h = Harness::start(cfg).await;
        let mut a = h.connect().await;
        let mut b = h.connect().await;
        send(&mut a, &heartbeat(1)).await;
        expect(&mut a, Command::Confirm, 1).await;
        send(&mut b, &heartbeat(1)).await;
        expect(&mut b, Command::Confirm, 1).await;
        let mut c = h.connect().await;
        assert!(closed_within(&mut c, Duration::from_secs(5)).await, "third connection refused");
        // A slot frees when a connection ends.
        drop(a);
        let mut ok = false;
        for _ in 0..50 {
            let mut d = h.connect().await;
            let _ = d.write_all(&heartbeat(2)).await;
            if let Ok(Some(f)) = timeout(Duration::from_millis(500), read_reply(&mut d)).await {
                ok = f.command == Command::Confirm;
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(ok, "a new connection is accepted after one closed");
        h.stop().await;
    });
}

#[test]
fn flood_from_one_connection_does_not_delay_another() {
    mt().block_on(async {
        const N: u16 = 10_000;
        // Raw 30-byte confirmations only: no clock sync frame in between.
        let h = Harness::start(GatewayConfig { clock_sync_interval: Duration::ZERO, ..GatewayConfig::default() }).await;
        let flood = h.connect().await;
        let (mut rd, mut wr) = flood.into_split();
        let writer = tokio::spawn(async move {
            let mut all = Vec::new();
            for serial in 0..N {
                all.extend_from_slice(&upload(serial));
            }
            wr.write_all(&all).await.unwrap();
            wr
        });
        let acks = tokio::spawn(async move {
            let mut got = 0u16;
            let mut buf = [0u8; 30];
            while got < N {
                if rd.read_exact(&mut buf).await.is_err() {
                    break;
                }
                assert_eq!(buf[26], 3, "confirm");
                got += 1;
            }
            got
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        let mut other = h.connect().await;
        let started = std::time::Instant::now();
        send(&mut other, &upload_from(1, [0x79, 3, 0, 0, 0, 0])).await;
        expect(&mut other, Command::Confirm, 1).await;
        let waited = started.elapsed();
        assert!(waited < Duration::from_secs(2), "the other connection waited {waited:?}");
        let got = timeout(Duration::from_secs(60), acks).await.expect("flood acknowledged in time").unwrap();
        drop(writer);
        assert_eq!(got, N);
        // Serial 1 of the other connection is the same frame as the flood's serial 1.
        assert_eq!(Monitoring(&h.store).count_frames(None).await.unwrap(), i64::from(N));
        h.stop().await;
    });
}

#[test]
fn device_goes_offline_after_silence() {
    mt().block_on(async {
        let cfg = GatewayConfig { offline_after: Duration::from_millis(300), ..GatewayConfig::default() };
        let mut h = Harness::start(cfg).await;
        let mut s = h.connect().await;
        send(&mut s, &heartbeat(1)).await;
        expect(&mut s, Command::Confirm, 1).await;
        h.event(|e| matches!(e, GatewayEvent::DeviceOnline { .. })).await;
        assert!(matches!(h.event(|e| matches!(e, GatewayEvent::DeviceOffline { .. })).await,
            GatewayEvent::DeviceOffline { ref address, .. } if address == DEVICE));
        assert!(!Monitoring(&h.store).device_by_address(DEVICE).await.unwrap().unwrap().online);
        // It comes back with its next frame.
        send(&mut s, &heartbeat(2)).await;
        expect(&mut s, Command::Confirm, 2).await;
        h.event(|e| matches!(e, GatewayEvent::DeviceOnline { .. })).await;
        h.stop().await;
    });
}

// --- the store part, on both backends ---

fn new_frame(serial: u16, raw: &[u8]) -> NewFrame {
    NewFrame {
        received_at: huoyan_store::now(),
        device_address: DEVICE.into(),
        serial,
        command: 2,
        adu_type: Some(2),
        raw: raw.to_vec(),
        quarantined: false,
    }
}

async fn store_story(store: &Store) {
    register(store).await;
    let sys = Principal::system();
    let d = Monitoring(store).device_by_address(DEVICE).await.unwrap().unwrap();
    assert_eq!(d.name, "一号装置");
    assert!(!d.online);
    let again =
        NewDevice { jurisdiction_id: d.jurisdiction_id, unit_id: None, address: DEVICE.into(), name: "x".into() };
    assert!(matches!(Monitoring(store).register_device(&sys, again).await, Err(huoyan_store::StoreError::Conflict(_))));
    let bad =
        NewDevice { jurisdiction_id: d.jurisdiction_id, unit_id: None, address: "79030000".into(), name: "x".into() };
    assert!(matches!(Monitoring(store).register_device(&sys, bad).await, Err(huoyan_store::StoreError::Invalid(_))));
    // A batch with a retransmission inside it, then the same again: one transaction each.
    let a = upload(1);
    let b = upload(2);
    let out = Monitoring(store).store_frames(&[new_frame(1, &a), new_frame(2, &b), new_frame(1, &a)]).await.unwrap();
    assert!(matches!(out[0], StoredOutcome::New { .. }) && matches!(out[1], StoredOutcome::New { .. }));
    assert_eq!(out[2], StoredOutcome::Duplicate { id: out[0].id() });
    let out2 = Monitoring(store).store_frames(&[new_frame(2, &b)]).await.unwrap();
    assert_eq!(out2, vec![StoredOutcome::Duplicate { id: out[1].id() }]);
    assert_eq!(Monitoring(store).count_frames(Some(DEVICE)).await.unwrap(), 2);
    assert_eq!(Monitoring(store).count_frames(None).await.unwrap(), 2);
    let rows = Monitoring(store).recent_frames(DEVICE, 1).await.unwrap();
    assert_eq!((rows[0].serial, rows[0].raw.clone()), (2, hex::encode(&b)), "the wire bytes, stored once");
    assert!(Monitoring(store).device_by_address(DEVICE).await.unwrap().unwrap().last_seen_at.is_some());
    // Online transitions.
    assert!(Monitoring(store).set_device_online(DEVICE, true, &huoyan_store::now()).await.unwrap());
    assert!(!Monitoring(store).set_device_online(DEVICE, true, &huoyan_store::now()).await.unwrap());
    assert_eq!(Monitoring(store).online_devices().await.unwrap(), vec![DEVICE.to_string()]);
    // Text that could break an array literal or a statement is stored as it came (PostgreSQL takes
    // a batch as one array per column), also beside a missing ADU type.
    let odd = "x\",{\\} NULL '; y";
    let mut f = new_frame(7, &upload(7));
    f.received_at = odd.into();
    f.device_address = "0000000000FF".into();
    f.adu_type = None;
    f.quarantined = true;
    let out3 = Monitoring(store).store_frames(&[f]).await.unwrap();
    assert!(matches!(out3[0], StoredOutcome::New { .. }));
    let r = &Monitoring(store).recent_frames("0000000000ff", 5).await.unwrap()[0];
    assert_eq!((r.received_at.as_str(), r.adu_type, r.quarantined), (odd, None, true));
    // A batch larger than one SQLite statement (32 rows), with repeats of earlier frames.
    let big: Vec<NewFrame> = (100..200u16).map(|s| new_frame(s, &upload(s))).chain([new_frame(1, &a)]).collect();
    let out4 = Monitoring(store).store_frames(&big).await.unwrap();
    assert_eq!(out4.iter().filter(|o| matches!(o, StoredOutcome::New { .. })).count(), 100);
    assert_eq!(out4[100], StoredOutcome::Duplicate { id: out[0].id() });
    let ids: std::collections::HashSet<i64> = out4.iter().map(|o| o.id()).collect();
    assert_eq!(ids.len(), 101, "every frame its own row");
    assert_eq!(Monitoring(store).count_frames(None).await.unwrap(), 103);
    // last_seen_at is written at most once per device and second.
    let at = |t: &str, s: u16| NewFrame { received_at: t.into(), ..new_frame(s, &upload(s)) };
    let seen = async || Monitoring(store).device_by_address(DEVICE).await.unwrap().unwrap().last_seen_at.unwrap();
    Monitoring(store).store_frames(&[at("2099-01-01T00:00:00.100Z", 300)]).await.unwrap();
    assert_eq!(seen().await, "2099-01-01T00:00:00.100Z");
    Monitoring(store).store_frames(&[at("2099-01-01T00:00:00.900Z", 301)]).await.unwrap();
    assert_eq!(seen().await, "2099-01-01T00:00:00.100Z", "same second: not written again");
    Monitoring(store).store_frames(&[at("2099-01-01T00:00:01.000Z", 302)]).await.unwrap();
    assert_eq!(seen().await, "2099-01-01T00:00:01.000Z");
    // Append-only.
    assert!(store.execute_admin("UPDATE alarm_frames SET serial = 9").await.is_err());
    assert!(store.execute_admin("DELETE FROM alarm_frames").await.is_err());
    assert_eq!(Monitoring(store).count_frames(None).await.unwrap(), 106);
}

// The story on SQLite and on PostgreSQL (when HUOYAN_TEST_PG_URL is set), with the monitoring tables.
huoyan_store::on_both!(store_frames, store_story, &[&huoyan_monitor::SCHEMA]);

#[test]
fn registered_devices_get_clock_sync_and_patrol_reads() {
    mt().block_on(async {
        let mut h =
            Harness::start(GatewayConfig { patrol_interval: Duration::from_millis(300), ..GatewayConfig::default() })
                .await;
        let mut s = h.connect().await;
        send(&mut s, &upload(1)).await;
        let mut saw_sync = false;
        let mut saw_patrol = false;
        let mut confirmed = false;
        while !(saw_sync && saw_patrol && confirmed) {
            let f = read_frame(&mut s).await.expect("connection open");
            let ty = f.adu.as_ref().map(|a| a.type_code());
            match (f.command, ty) {
                (Command::Control, Some(90)) => {
                    saw_sync = true;
                    send(&mut s, &encode(&f.reply(Command::Confirm, f.time))).await;
                }
                (Command::Request, Some(81)) => {
                    saw_patrol = true;
                    let mut answer = f.reply(Command::Answer, f.time);
                    answer.adu = Some(huoyan_gb26875::Adu::UitdState(vec![huoyan_gb26875::UitdStateObject {
                        state: huoyan_gb26875::UitdState(1),
                        time: f.time,
                    }]));
                    send(&mut s, &encode(&answer)).await;
                }
                (Command::Confirm, None) => confirmed = true,
                other => panic!("unexpected {other:?}"),
            }
        }
        let e = h.event(|e| matches!(e, GatewayEvent::PatrolAnswered { .. })).await;
        assert_eq!(e, GatewayEvent::PatrolAnswered { address: DEVICE.into() });
        h.stop().await;
    });
}

/// Routine states and fire reports take different queues to the writer (fire first); both are
/// stored and confirmed, each exactly once, whatever the order they were sent in.
#[test]
fn routine_and_fire_uploads_are_both_stored_and_confirmed() {
    mt().block_on(async {
        let h = Harness::start(GatewayConfig::default()).await;
        let mut s = h.connect().await;
        let fault = |serial: u16| {
            let mut f = base(A1);
            f.serial = serial;
            if let Some(huoyan_gb26875::Adu::ComponentState(o)) = &mut f.adu {
                o[0].state = huoyan_gb26875::ComponentState(0x04);
            }
            assert!(!f.reports_fire());
            encode(&f)
        };
        let mut burst = Vec::new();
        for serial in 1..=40u16 {
            burst.extend(if serial % 10 == 0 { upload(serial) } else { fault(serial) });
        }
        send(&mut s, &burst).await;
        let mut confirmed = std::collections::BTreeSet::new();
        while confirmed.len() < 40 {
            let f = read_reply(&mut s).await.expect("connection open");
            assert_eq!(f.command, Command::Confirm);
            assert!(confirmed.insert(f.serial), "serial {} confirmed twice", f.serial);
        }
        assert_eq!(confirmed, (1..=40).collect());
        assert_eq!(Monitoring(&h.store).count_frames(Some(DEVICE)).await.unwrap(), 40);
        h.stop().await;
    });
}
