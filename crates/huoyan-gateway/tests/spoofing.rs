//! Device spoofing (issue 14, defect 12): GB/T 26875.3 has no authentication, so the gateway
//! binds a device to the source addresses its record allows and closes connections from outside
//! `[gateway] allow` at accept (docs/SECURITY-gateway.md). Real sockets on Linux's loopback,
//! where a client may bind any of 127.0.0.0/8 as its source: 127.0.0.1 plays the impostor and
//! 127.0.0.2 (and .3) the device's allowed addresses. Every wait is bounded.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::*;
use huoyan_domain::account::Principal;
use huoyan_gateway::{GatewayConfig, GatewayEvent, Refusal};
use huoyan_gb26875::Command;
use huoyan_monitor::sources::SourceNet;
use huoyan_monitor::store::Monitoring;
use huoyan_monitor::store::devices::DeviceChange;
use huoyan_monitor::store::frames::Device;
use huoyan_monitor::{Engine, MonitorConfig};
use huoyan_store::Store;
use tokio::sync::broadcast;
use tokio::time::timeout;

async fn device(store: &Store) -> Device {
    Monitoring(store).device_by_address(DEVICE).await.unwrap().unwrap()
}

/// Sets the device's allowed sources.
async fn bind(store: &Store, sources: &[&str]) {
    let nets = sources.iter().map(|s| SourceNet::parse(s).unwrap()).collect();
    let id = device(store).await.id;
    let change = DeviceChange { allowed_sources: Some(nets), ..DeviceChange::default() };
    Monitoring(store).update_device(&Principal::system(), id, change).await.unwrap();
}

/// Open 离线 alarms of the device.
async fn open_offline(store: &Store) -> usize {
    store
        .admin_strings(&format!(
            "SELECT CAST(id AS TEXT) FROM alarms WHERE device_address = '{DEVICE}' AND kind = 'offline' AND status <> 'handled'"
        ))
        .await
        .unwrap()
        .len()
}

/// The device is offline with an open 离线 alarm, and the gateway's presence events reach the
/// alarm engine as `huoyan serve` wires them (a device coming online resolves its 离线 alarm).
async fn offline_with_alarm(h: &Harness) {
    let engine = || Engine::new(h.store.clone(), MonitorConfig::default(), Arc::new(|_: &_| {}));
    engine().presence(DEVICE, false, &huoyan_store::now()).await.unwrap();
    assert_eq!(open_offline(&h.store).await, 1);
    let (wired, mut events) = (engine(), h.events.resubscribe());
    tokio::spawn(async move {
        loop {
            match events.recv().await {
                Ok(GatewayEvent::DeviceOnline { address, at }) => wired.presence(&address, true, &at).await.unwrap(),
                Ok(_) | Err(broadcast::error::RecvError::Lagged(_)) => {}
                Err(broadcast::error::RecvError::Closed) => break,
            }
        }
    });
}

/// The connection ends without a single frame from the gateway (no 确认, no 否认).
async fn closed_without_reply(s: &mut tokio::net::TcpStream) {
    assert!(read_frame(s).await.is_none(), "the gateway answered a refused connection");
}

#[test]
fn a_claim_from_outside_the_binding_is_refused_and_changes_nothing() {
    mt().block_on(async {
        let mut h = Harness::start(GatewayConfig::default()).await;
        bind(&h.store, &["127.0.0.2/32"]).await;
        offline_with_alarm(&h).await;
        // An impostor on 127.0.0.1 sends the device's fire report, then tries its heartbeat.
        let mut s = h.connect().await;
        send(&mut s, &upload(1)).await;
        closed_without_reply(&mut s).await;
        let mut s = h.connect().await;
        send(&mut s, &heartbeat(2)).await;
        closed_without_reply(&mut s).await;
        let e = h.event(|e| matches!(e, GatewayEvent::SourceRefused { .. })).await;
        assert!(
            matches!(&e, GatewayEvent::SourceRefused { address, from, reason, count: 1, .. }
                if address == DEVICE && from == "127.0.0.1" && reason == "source_not_allowed"),
            "{e:?}"
        );
        assert_eq!(Monitoring(&h.store).count_frames(None).await.unwrap(), 0, "nothing stored");
        let d = device(&h.store).await;
        assert!(!d.online, "still offline");
        assert_eq!(open_offline(&h.store).await, 1, "its 离线 alarm still open");
        assert_eq!(h.stats.refused(Refusal::SourceNotAllowed), 2);
        // Recorded on the device (the second refusal within the same second waits for the next).
        assert_eq!(
            (d.refused_count, d.last_refused_from.as_deref(), d.last_refused_reason.as_deref()),
            (1, Some("127.0.0.1"), Some("source_not_allowed"))
        );
        assert!(d.last_refused_at.is_some());
        // The device itself, from its allowed address: stored, confirmed, online, alarm resolved.
        let mut s = h.connect_from("127.0.0.2").await;
        send(&mut s, &upload(1)).await;
        expect(&mut s, Command::Confirm, 1).await;
        assert_eq!(Monitoring(&h.store).count_frames(Some(DEVICE)).await.unwrap(), 1);
        // The first DeviceOnline of the run is the device's own.
        let online =
            h.event(|e| matches!(e, GatewayEvent::DeviceOnline { .. } | GatewayEvent::FrameStored { .. })).await;
        assert!(matches!(online, GatewayEvent::DeviceOnline { .. }), "{online:?}");
        let resolved = timeout(T, async {
            while open_offline(&h.store).await != 0 {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        });
        assert!(resolved.await.is_ok(), "the device's own frame resolves its 离线 alarm");
        assert!(device(&h.store).await.online);
        h.stop().await;
    });
}

#[test]
fn the_allow_list_closes_other_sources_at_accept() {
    mt().block_on(async {
        let cfg = GatewayConfig { allow: vec![SourceNet::parse("127.0.0.2/31").unwrap()], ..GatewayConfig::default() };
        let h = Harness::start(cfg).await;
        // Not a byte sent: closed at once (the idle timeout is 120 s).
        let mut s = h.connect().await;
        assert!(closed_within(&mut s, Duration::from_secs(5)).await, "closed at accept");
        let mut s = h.connect().await;
        let _ = tokio::io::AsyncWriteExt::write_all(&mut s, &upload(1)).await;
        closed_without_reply(&mut s).await;
        assert_eq!(h.stats.refused(Refusal::AllowList), 2);
        assert_eq!(Monitoring(&h.store).count_frames(None).await.unwrap(), 0);
        assert!(!device(&h.store).await.online);
        for from in ["127.0.0.2", "127.0.0.3"] {
            let mut s = h.connect_from(from).await;
            send(&mut s, &heartbeat(3)).await;
            expect(&mut s, Command::Confirm, 3).await;
        }
        assert_eq!(h.stats.refused(Refusal::AllowList), 2);
        h.stop().await;
    });
}

#[test]
fn require_binding_refuses_unbound_uitds_until_bound() {
    mt().block_on(async {
        let cfg = GatewayConfig {
            require_binding: true,
            device_cache: Duration::from_millis(100),
            ..GatewayConfig::default()
        };
        let h = Harness::start(cfg).await;
        let mut s = h.connect().await;
        send(&mut s, &upload(1)).await;
        closed_without_reply(&mut s).await;
        assert_eq!(h.stats.refused(Refusal::BindingRequired), 1);
        assert_eq!(device(&h.store).await.last_refused_reason.as_deref(), Some("binding_required"));
        assert_eq!(Monitoring(&h.store).count_frames(None).await.unwrap(), 0);
        bind(&h.store, &["127.0.0.1"]).await;
        let mut s = h.connect().await;
        send(&mut s, &upload(1)).await;
        expect(&mut s, Command::Confirm, 1).await;
        h.stop().await;
    });
}

#[test]
fn a_bound_device_has_one_session_and_a_reconnection_from_its_address_takes_over() {
    mt().block_on(async {
        let h = Harness::start(GatewayConfig::default()).await;
        bind(&h.store, &["127.0.0.2/31"]).await;
        let mut first = h.connect_from("127.0.0.2").await;
        send(&mut first, &upload(1)).await;
        expect(&mut first, Command::Confirm, 1).await;
        // Another allowed address while the session lives: refused, the session keeps working.
        let mut other = h.connect_from("127.0.0.3").await;
        send(&mut other, &upload(2)).await;
        closed_without_reply(&mut other).await;
        assert_eq!(h.stats.refused(Refusal::DuplicateSession), 1);
        send(&mut first, &upload(3)).await;
        expect(&mut first, Command::Confirm, 3).await;
        // The same address again (the device reconnected): the new connection takes over.
        let mut again = h.connect_from("127.0.0.2").await;
        send(&mut again, &upload(4)).await;
        expect(&mut again, Command::Confirm, 4).await;
        assert!(closed_within(&mut first, Duration::from_secs(5)).await, "the stale session is closed");
        // Once the session ends, another allowed address may connect.
        drop(again);
        let ok = timeout(T, async {
            loop {
                let mut s = h.connect_from("127.0.0.3").await;
                send(&mut s, &heartbeat(5)).await;
                if read_reply(&mut s).await.is_some_and(|f| f.command == Command::Confirm) {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        });
        assert!(ok.await.is_ok(), "the released session is free");
        assert_eq!(Monitoring(&h.store).count_frames(Some(DEVICE)).await.unwrap(), 3);
        h.stop().await;
    });
}

#[test]
fn a_binding_set_later_ends_a_live_session_from_elsewhere() {
    mt().block_on(async {
        let cfg = GatewayConfig { device_cache: Duration::from_millis(100), ..GatewayConfig::default() };
        let h = Harness::start(cfg).await;
        let mut s = h.connect().await;
        send(&mut s, &upload(1)).await;
        expect(&mut s, Command::Confirm, 1).await;
        bind(&h.store, &["127.0.0.2"]).await;
        tokio::time::sleep(Duration::from_millis(150)).await;
        send(&mut s, &upload(2)).await;
        closed_without_reply(&mut s).await;
        assert_eq!(Monitoring(&h.store).count_frames(None).await.unwrap(), 1);
        h.stop().await;
    });
}

#[test]
fn refusals_are_a_metric_with_bounded_labels() {
    let handle = metrics_exporter_prometheus::PrometheusBuilder::new().install_recorder().unwrap();
    mt().block_on(async {
        let h = Harness::start(GatewayConfig::default()).await;
        bind(&h.store, &["127.0.0.2"]).await;
        let mut s = h.connect().await;
        send(&mut s, &upload(1)).await;
        closed_without_reply(&mut s).await;
        let text = handle.render();
        let line = text
            .lines()
            .find(|l| l.starts_with("huoyan_gateway_refused_total{reason=\"source_not_allowed\"}"))
            .unwrap_or_else(|| panic!("no metric in {text}"));
        assert!(line.split(' ').next_back().unwrap().parse::<f64>().unwrap() >= 1.0, "{line}");
        // Only the four reasons are ever labels.
        for l in text.lines().filter(|l| l.starts_with("huoyan_gateway_refused_total{")) {
            assert!(Refusal::ALL.iter().any(|r| l.contains(&format!("reason=\"{}\"", r.code()))), "{l}");
        }
        h.stop().await;
    });
}

// --- the binding and the refusal record in the store, on both backends ---

async fn sources_story(store: &Store) {
    register(store).await;
    let sys = Principal::system();
    let d = device(store).await;
    assert!(d.allowed_sources.is_empty() && d.refused_count == 0 && d.last_refused_at.is_none());
    bind(store, &["10.0.0.0/8", "192.0.2.7", "fd00::/8"]).await;
    assert_eq!(device(store).await.allowed_sources, ["10.0.0.0/8", "192.0.2.7/32", "fd00::/8"]);
    // A name change keeps the binding; an empty list removes it.
    let named = DeviceChange { name: Some(" 一号装置（东门） ".into()), ..DeviceChange::default() };
    let after = Monitoring(store).update_device(&sys, d.id, named).await.unwrap();
    assert_eq!((after.name.as_str(), after.allowed_sources.len()), ("一号装置（东门）", 3));
    let cleared = DeviceChange { allowed_sources: Some(vec![]), ..DeviceChange::default() };
    assert!(Monitoring(store).update_device(&sys, d.id, cleared).await.unwrap().allowed_sources.is_empty());
    assert!(matches!(
        Monitoring(store).update_device(&sys, d.id + 1000, DeviceChange::default()).await,
        Err(huoyan_store::StoreError::NotFound { .. })
    ));
    // Refusals add up and keep the last source and reason.
    assert!(
        Monitoring(store)
            .record_refusal(DEVICE, 1, "2026-01-01T00:00:00.000Z", "192.0.2.9", "source_not_allowed")
            .await
            .unwrap()
    );
    assert!(
        Monitoring(store)
            .record_refusal(DEVICE, 4, "2026-01-01T00:00:01.000Z", "2001:db8::9", "duplicate_session")
            .await
            .unwrap()
    );
    assert!(!Monitoring(store).record_refusal("0000000000ff", 1, "2026-01-01T00:00:01.000Z", "x", "y").await.unwrap());
    let d = device(store).await;
    assert_eq!(
        (d.refused_count, d.last_refused_from.as_deref(), d.last_refused_reason.as_deref()),
        (5, Some("2001:db8::9"), Some("duplicate_session"))
    );
    // Both changes are audited.
    let n = store
        .admin_strings(&format!(
            "SELECT CAST(id AS TEXT) FROM audit_log WHERE entity = 'devices' AND entity_id = {} AND action = 'update'",
            d.id
        ))
        .await
        .unwrap()
        .len();
    assert_eq!(n, 3);
    // A stored binding that is not a JSON list (never written by Huoyan) does not read as unbound.
    store.execute_admin("UPDATE devices SET allowed_sources = 'garbage'").await.unwrap();
    let d = device(store).await;
    assert_eq!(d.allowed_sources, ["garbage"]);
    assert!(huoyan_monitor::sources::parse_stored(&d.allowed_sources).is_err());
}

// The story on SQLite and on PostgreSQL (when HUOYAN_TEST_PG_URL is set), with the monitoring tables.
huoyan_store::on_both!(device_sources, sources_story, &[&huoyan_monitor::SCHEMA]);
