//! The live bus across the nodes of a cluster (PostgreSQL): what one node publishes reaches the
//! consoles of another, in order, once; not those of another schema; an event too large for a
//! notification becomes a `resync` there.

mod common;

use std::sync::Arc;
use std::time::Duration;

use huoyan_server::live::{After, LiveBus, LiveEvent, NewLiveEvent, RESYNC, cluster};
use tokio::sync::watch;

fn event(title: &str) -> NewLiveEvent {
    NewLiveEvent {
        kind: "alarm".into(),
        title: title.into(),
        level: "fire".into(),
        unhandled: true,
        data: serde_json::json!({ "title": title }),
        jurisdiction_path: "/1/".into(),
    }
}

/// Events of `bus` after `after`.
fn after(bus: &LiveBus, after: u64) -> Vec<LiveEvent> {
    bus.subscribe(Some(After::Seq(after))).1.expect("kept")
}

/// Waits until `bus` has more than `seq` events (publishing `ping` on `from` every 100 ms when
/// given, so that a listener that just opened its connection hears one); true when it did.
async fn wait_for(bus: &LiveBus, seq: u64, ping: Option<&LiveBus>) -> bool {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while tokio::time::Instant::now() < deadline {
        if bus.last_seq() > seq {
            return true;
        }
        if let Some(p) = ping {
            p.publish(event("ping"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nodes_events_reach_the_other_nodes_consoles_once_and_in_order() {
    let Some(pg) = common::postgres("live_cluster").await else { return };
    let other = common::postgres("live_cluster_x").await.unwrap();
    let node_b = pg.another_node().await;
    let (stop_tx, stop) = watch::channel(false);
    let stopped = |mut rx: watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|s| *s).await;
    };
    let (a, b, x) = (Arc::new(LiveBus::default()), Arc::new(LiveBus::default()), Arc::new(LiveBus::default()));
    let tasks = [
        tokio::spawn(cluster::run(a.clone(), pg.store.clone(), stopped(stop.clone()))),
        tokio::spawn(cluster::run(b.clone(), node_b.clone(), stopped(stop.clone()))),
        tokio::spawn(cluster::run(x.clone(), other.store.clone(), stopped(stop.clone()))),
    ];

    // Both listening: a's pings reach b, b's reach a.
    assert!(wait_for(&b, 0, Some(&a)).await, "a's events never reached b");
    assert!(wait_for(&a, a.last_seq(), Some(&b)).await, "b's events never reached a");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (a0, b0) = (a.last_seq(), b.last_seq());

    // 200 events from a: b gets each once, in order, with a's time; a does not get them back.
    let mut sent = Vec::new();
    for i in 0..200 {
        let seq = a.publish(event(&format!("火警 {i}")));
        sent.push(after(&a, seq - 1).remove(0));
    }
    assert!(wait_for(&b, b0 + 199, None).await, "b got {} of 200", b.last_seq() - b0);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let got = after(&b, b0);
    assert_eq!(got.len(), 200, "each once");
    for (g, s) in got.iter().zip(&sent) {
        assert_eq!((&g.title, &g.at, &g.data, &g.jurisdiction_path), (&s.title, &s.at, &s.data, &s.jurisdiction_path));
    }
    assert_eq!(a.last_seq(), a0 + 200, "a's own events are not published twice on a");

    // An operator on b: a's consoles see it.
    let a1 = a.last_seq();
    b.publish(event("已处理 · 误报"));
    assert!(wait_for(&a, a1, None).await);
    assert_eq!(after(&a, a1).iter().map(|e| e.title.as_str()).collect::<Vec<_>>(), ["已处理 · 误报"]);

    // Too large for a notification: a's consoles are told to reload instead.
    let a2 = a.last_seq();
    let mut big = event("big");
    big.data = serde_json::json!({ "text": "火".repeat(4_000) });
    b.publish(big);
    assert!(wait_for(&a, a2, None).await);
    assert_eq!(after(&a, a2).iter().map(|e| e.kind.as_str()).collect::<Vec<_>>(), [RESYNC]);

    // Another schema (another cluster in the same database) heard none of it.
    assert_eq!(x.last_seq(), 0, "{:?}", after(&x, 0).first().map(|e| e.title.clone()));

    stop_tx.send(true).unwrap();
    for t in tasks {
        tokio::time::timeout(Duration::from_secs(5), t).await.expect("relay stops").unwrap();
    }
    node_b.close().await;
    other.drop().await;
    pg.drop().await;
}
