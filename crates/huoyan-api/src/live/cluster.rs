//! The live bus across the nodes of a cluster (several `huoyan serve` over one PostgreSQL
//! database and schema).
//!
//! Only the leading node's engine files alarms, and an operator's handling or an incident
//! happens on whichever node served the request; a console may be connected to any node. So each
//! node sends what it publishes to the others as PostgreSQL notifications on [`CHANNEL`]
//! ([`huoyan_store::notify`]) and publishes what the others send to its own consoles, numbered
//! in its own sequence. A node skips its own messages (they already went to its consoles).
//!
//! Nothing may be silently missing from an operator's screen: when an event cannot be relayed
//! (too large for a notification, the relay queue full, the database unreachable) the other
//! nodes get a `resync` instead, and a node whose listening connection was lost sends `resync`
//! to its own consoles — a console reloads its lists on `resync`. On SQLite (one node) this task
//! returns at once.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use huoyan_store::Store;
use huoyan_store::notify::{Heard, MAX_BODY_BYTES};
use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;

use super::{LiveBus, LiveEvent, NewLiveEvent};

/// The PostgreSQL notification channel of live events.
pub const CHANNEL: &str = "huoyan_live";

/// Events waiting to be relayed; beyond this the others are sent a `resync`.
pub const QUEUE: usize = 4096;

/// Events relayed in one statement at most.
const BATCH: usize = 64;

/// One message between nodes.
#[derive(Debug, Serialize, Deserialize)]
struct Message {
    /// The sending bus's origin.
    o: String,
    /// The event, or `None` for "reload: something of mine did not reach you".
    #[serde(default)]
    e: Option<Relayed>,
}

/// An event as it travels (its jurisdiction path too, which the stream never sends).
#[derive(Debug, Serialize, Deserialize)]
struct Relayed {
    kind: String,
    at: String,
    title: String,
    level: String,
    unhandled: bool,
    data: serde_json::Value,
    path: String,
}

fn encode(origin: &str, e: Option<&LiveEvent>) -> String {
    let m = Message {
        o: origin.to_string(),
        e: e.map(|e| Relayed {
            kind: e.kind.clone(),
            at: e.at.clone(),
            title: e.title.clone(),
            level: e.level.clone(),
            unhandled: e.unhandled,
            data: e.data.clone(),
            path: e.jurisdiction_path.clone(),
        }),
    };
    serde_json::to_string(&m).unwrap_or_default()
}

/// The body for `e`: the event, or a `resync` when it is too large for a notification.
fn body_for(origin: &str, e: &LiveEvent) -> String {
    let body = encode(origin, Some(e));
    if body.len() <= MAX_BODY_BYTES {
        body
    } else {
        tracing::warn!(kind = %e.kind, bytes = body.len(), "live event too large to relay; other nodes resync");
        encode(origin, None)
    }
}

/// Publishes a message another node sent to this node's consoles; ignores this node's own and
/// anything unreadable (logged).
fn receive(bus: &LiveBus, body: &str) {
    let m: Message = match serde_json::from_str(body) {
        Ok(m) => m,
        Err(e) => {
            tracing::warn!(error = %e, "unreadable live message from another node");
            return;
        }
    };
    if m.o == bus.origin() {
        return;
    }
    match m.e {
        Some(r) => {
            bus.publish_local(
                NewLiveEvent {
                    kind: r.kind,
                    title: r.title,
                    level: r.level,
                    unhandled: r.unhandled,
                    data: r.data,
                    jurisdiction_path: r.path,
                },
                r.at,
            );
        }
        None => bus.resync_local(),
    }
}

/// Relays `bus` to and from the other nodes until `shutdown` completes (PostgreSQL); returns at
/// once on SQLite.
pub async fn run(bus: Arc<LiveBus>, store: Store, shutdown: impl Future<Output = ()>) {
    if store.backend() != huoyan_store::Backend::Postgres {
        return;
    }
    let (tx, rx) = mpsc::channel(QUEUE);
    if bus.relay.set(tx).is_err() {
        tracing::warn!("the live bus already has a relay");
        return;
    }
    tokio::select! {
        () = send(bus.clone(), store.clone(), rx) => {}
        () = listen(bus, store) => {}
        () = shutdown => {}
    }
}

/// Sends this node's events, up to [`BATCH`] per statement.
async fn send(bus: Arc<LiveBus>, store: Store, mut rx: mpsc::Receiver<LiveEvent>) {
    let mut batch = Vec::with_capacity(BATCH);
    let mut failed = false;
    while rx.recv_many(&mut batch, BATCH).await > 0 {
        let mut bodies = Vec::with_capacity(batch.len() + 1);
        // Something was lost since the last message sent: the others reload first (the flag is
        // taken either way, so one loss means one resync).
        let lost = bus.relay_lost.swap(false, Ordering::Relaxed);
        if failed || lost {
            bodies.push(encode(bus.origin(), None));
        }
        bodies.extend(batch.drain(..).map(|e| body_for(bus.origin(), &e)));
        failed = match store.notify(CHANNEL, &bodies).await {
            Ok(()) => false,
            Err(e) => {
                tracing::warn!(error = %e, events = bodies.len(), "cannot relay live events to other nodes");
                tokio::time::sleep(Duration::from_secs(1)).await;
                true
            }
        };
    }
}

/// Publishes the others' events to this node's consoles; (re)opens the listening connection
/// every few seconds when it cannot, and sends `resync` to this node's consoles after any time
/// it was not listening.
async fn listen(bus: Arc<LiveBus>, store: Store) {
    // Whether this node has listened before (so a new connection means a gap), and whether the
    // last attempt failed (logged once).
    let (mut listened, mut failing) = (false, false);
    loop {
        let mut listener = match store.listen(CHANNEL).await {
            Ok(Some(l)) => l,
            Ok(None) => return,
            Err(e) => {
                if !failing {
                    tracing::warn!(error = %e, "cannot listen for other nodes' live events; retrying");
                }
                failing = true;
                tokio::time::sleep(Duration::from_secs(5)).await;
                continue;
            }
        };
        if listened || failing {
            bus.resync_local();
        }
        (listened, failing) = (true, false);
        loop {
            match listener.recv().await {
                Ok(Heard::Message(body)) => receive(&bus, &body),
                Ok(Heard::Gap) => bus.resync_local(),
                Err(e) => {
                    tracing::warn!(error = %e, "lost the connection for other nodes' live events");
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::live::{After, RESYNC};

    fn event(path: &str, title: &str) -> NewLiveEvent {
        NewLiveEvent {
            kind: "alarm".into(),
            title: title.into(),
            level: "fire".into(),
            unhandled: true,
            data: serde_json::json!({ "id": 7, "text": "三层 感烟" }),
            jurisdiction_path: path.into(),
        }
    }

    #[test]
    fn an_event_crosses_to_another_bus_with_its_path_and_time() {
        let (a, b) = (LiveBus::default(), LiveBus::default());
        b.publish(event("/1/", "b's own"));
        let seq = a.publish(event("/1/4/", "火警 · 西商场"));
        let (_, kept) = a.subscribe(Some(After::Seq(seq - 1)));
        let sent = &kept.unwrap()[0];
        receive(&b, &body_for(a.origin(), sent));
        let (_, got) = b.subscribe(Some(After::Seq(1)));
        let got = got.unwrap();
        assert_eq!(got.len(), 1);
        let e = &got[0];
        assert_eq!((e.seq, e.title.as_str(), e.jurisdiction_path.as_str()), (2, "火警 · 西商场", "/1/4/"));
        assert_eq!((e.at.as_str(), &e.data), (sent.at.as_str(), &sent.data));
    }

    #[test]
    fn a_bus_ignores_its_own_messages_and_garbage() {
        let a = LiveBus::default();
        let seq = a.publish(event("/1/", "x"));
        let (_, kept) = a.subscribe(Some(After::Seq(0)));
        receive(&a, &body_for(a.origin(), &kept.unwrap()[0]));
        for junk in ["", "{", "null", "{\"o\":5}", "[1,2]", &"x".repeat(10_000)] {
            receive(&a, junk);
        }
        assert_eq!(a.last_seq(), seq, "nothing was published");
    }

    #[test]
    fn an_event_too_large_for_a_notification_becomes_a_resync() {
        let (a, b) = (LiveBus::default(), LiveBus::default());
        let mut big = event("/1/", "big");
        big.data = serde_json::json!({ "text": "火".repeat(3_000) });
        a.publish(big);
        let (_, kept) = a.subscribe(Some(After::Seq(0)));
        let body = body_for(a.origin(), &kept.unwrap()[0]);
        assert!(body.len() <= MAX_BODY_BYTES, "{} bytes", body.len());
        receive(&b, &body);
        let (_, got) = b.subscribe(Some(After::Seq(0)));
        assert_eq!(got.unwrap().iter().map(|e| e.kind.as_str()).collect::<Vec<_>>(), [RESYNC]);
    }
}
