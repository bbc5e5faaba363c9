//! The live channel to the console (实时推送): one bus of [`LiveEvent`]s — new and changed alarms,
//! incidents, device presence — that `GET /api/v1/events/stream` pushes as Server-Sent Events.
//!
//! Each event carries the materialised path of its jurisdiction; a subscriber sees only events of
//! its own subtree. The bus keeps the last [`REPLAY`] events so a console that reconnects with
//! `Last-Event-ID` (browsers do this on their own) receives what it missed while away; a console
//! that was away longer reloads its lists (the stream says so with a `resync` event).
//!
//! Each bus has an origin, new at every start of the process: the stream's event ids are
//! `origin-seq`, so a console that reconnects after a restart, or to another node of a cluster,
//! is told to reload (`resync`) instead of being answered from another sequence. Nodes sharing a
//! PostgreSQL database relay their events to each other ([`cluster`]): a console on any node sees
//! the alarms the leading node's engine files and what operators on other nodes do.

pub mod cluster;

use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;
use tokio::sync::broadcast;

/// How many recent events are kept for reconnecting consoles.
pub const REPLAY: usize = 2048;

/// One pushed event.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LiveEvent {
    /// Sequence number, increasing; the SSE `id`.
    pub seq: u64,
    /// What happened: `alarm` (new alarm), `alarm_update` (merged repeat, handled, escalated),
    /// `incident`, `incident_update`, `device` (online/offline), `test`; [`RESYNC`] when events
    /// of another node may have been lost (the stream sends it as a `resync` event).
    pub kind: String,
    /// When (UTC RFC 3339).
    pub at: String,
    /// Headline in Chinese for the panel, e.g. `火警 · 某某大厦 · 3层 感烟探测器`.
    pub title: String,
    /// `fire` (red, sound), `warning` (amber), `info`.
    pub level: String,
    /// Whether an operator still has to act on it (counted as 未处理).
    pub unhandled: bool,
    /// The object, as its API returns it.
    pub data: serde_json::Value,
    /// Jurisdiction path (`/1/4/`) deciding who sees it; not sent.
    #[serde(skip)]
    pub jurisdiction_path: String,
}

/// The kind of a bus entry that tells consoles to reload their lists.
pub const RESYNC: &str = "resync";

/// An event before the bus numbers it.
#[derive(Debug, Clone)]
pub struct NewLiveEvent {
    /// See [`LiveEvent::kind`].
    pub kind: String,
    /// See [`LiveEvent::title`].
    pub title: String,
    /// See [`LiveEvent::level`].
    pub level: String,
    /// See [`LiveEvent::unhandled`].
    pub unhandled: bool,
    /// See [`LiveEvent::data`].
    pub data: serde_json::Value,
    /// See [`LiveEvent::jurisdiction_path`].
    pub jurisdiction_path: String,
}

/// The bus: publish from anywhere, subscribe per console.
pub struct LiveBus {
    tx: broadcast::Sender<LiveEvent>,
    recent: Mutex<(u64, VecDeque<LiveEvent>)>,
    origin: String,
    /// To the other nodes ([`cluster::run`] sets it on PostgreSQL).
    relay: std::sync::OnceLock<tokio::sync::mpsc::Sender<LiveEvent>>,
    /// An event could not be handed to the relay (its queue was full).
    relay_lost: AtomicBool,
}

impl Default for LiveBus {
    fn default() -> Self {
        let (tx, _) = broadcast::channel(REPLAY);
        LiveBus {
            tx,
            recent: Mutex::new((0, VecDeque::with_capacity(REPLAY))),
            origin: new_origin(),
            relay: std::sync::OnceLock::new(),
            relay_lost: AtomicBool::new(false),
        }
    }
}

/// A new origin: the time in nanoseconds and the process id, in hex (unique per start and node).
fn new_origin() -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    format!("{:x}{:x}", nanos as u64, std::process::id())
}

/// Where a reconnecting console left off (`Last-Event-ID` or `?after=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    /// After this sequence number of this bus.
    Seq(u64),
    /// An id of another origin (before a restart, or of another node): what was missed is unknown.
    Elsewhere,
}

impl LiveBus {
    /// This bus's origin (see the module documentation).
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The stream id of an event: `origin-seq`.
    pub fn event_id(&self, seq: u64) -> String {
        format!("{}-{seq}", self.origin)
    }

    /// Reads a `Last-Event-ID` (`origin-seq`) or a bare sequence number (taken as this bus's);
    /// `None` when it is neither.
    pub fn parse_after(&self, s: &str) -> Option<After> {
        let s = s.trim();
        match s.rsplit_once('-') {
            Some((origin, seq)) => {
                let seq = seq.parse::<u64>().ok()?;
                if origin.is_empty() || !origin.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                Some(if origin == self.origin { After::Seq(seq) } else { After::Elsewhere })
            }
            None => s.parse::<u64>().ok().map(After::Seq),
        }
    }

    /// Numbers and sends an event to this node's consoles and, in a cluster, to the other nodes';
    /// returns its sequence number.
    pub fn publish(&self, e: NewLiveEvent) -> u64 {
        let ev = self.publish_local(e, huoyan_store::now());
        if let Some(relay) = self.relay.get()
            && relay.try_send(ev.clone()).is_err()
        {
            self.relay_lost.store(true, Ordering::Relaxed);
        }
        ev.seq
    }

    /// Numbers and sends an event to this node's consoles only (an event another node relayed,
    /// with the time it happened there).
    pub fn publish_local(&self, e: NewLiveEvent, at: String) -> LiveEvent {
        let mut g = self.recent.lock().unwrap_or_else(|p| p.into_inner());
        g.0 += 1;
        let ev = LiveEvent {
            seq: g.0,
            kind: e.kind,
            at,
            title: e.title,
            level: e.level,
            unhandled: e.unhandled,
            data: e.data,
            jurisdiction_path: e.jurisdiction_path,
        };
        if g.1.len() == REPLAY {
            g.1.pop_front();
        }
        g.1.push_back(ev.clone());
        // Sent under the lock so that subscribers see events in sequence order.
        let _ = self.tx.send(ev.clone());
        ev
    }

    /// Tells this node's consoles to reload their lists (events of other nodes may be lost).
    pub fn resync_local(&self) {
        self.publish_local(
            NewLiveEvent {
                kind: RESYNC.into(),
                title: String::new(),
                level: "info".into(),
                unhandled: false,
                data: serde_json::Value::Null,
                jurisdiction_path: "/".into(),
            },
            huoyan_store::now(),
        );
    }

    /// A receiver of events from now on, and the events after `after` still kept (`None` when
    /// some were already dropped or `after` is of another origin, i.e. the caller must reload).
    pub fn subscribe(&self, after: Option<After>) -> (broadcast::Receiver<LiveEvent>, Option<Vec<LiveEvent>>) {
        let g = self.recent.lock().unwrap_or_else(|p| p.into_inner());
        let rx = self.tx.subscribe();
        let missed = match after {
            None => Some(Vec::new()),
            Some(After::Elsewhere) => None,
            Some(After::Seq(a)) if a >= g.0 => Some(Vec::new()),
            Some(After::Seq(a)) => match g.1.front() {
                Some(first) if first.seq <= a + 1 => Some(g.1.iter().filter(|e| e.seq > a).cloned().collect()),
                _ => None,
            },
        };
        (rx, missed)
    }

    /// The last sequence number given out.
    pub fn last_seq(&self) -> u64 {
        self.recent.lock().unwrap_or_else(|p| p.into_inner()).0
    }
}

/// Whether a subscriber scoped to `scope_path` sees an event of `event_path`.
pub fn visible(scope_path: &str, event_path: &str) -> bool {
    event_path.starts_with(scope_path)
}

/// Whether a subscriber scoped to `scope_path` is sent `e` (a [`RESYNC`] goes to everyone). A unit
/// manager's subscription (`unit`: its unit) is sent only the alarm events (`alarm`,
/// `alarm_update`) of its unit, by the alarm's `unit_id` in the event's data: the other events of
/// its jurisdiction are other units' business.
pub fn for_subscriber(scope_path: &str, unit: Option<i64>, e: &LiveEvent) -> bool {
    if e.kind == RESYNC {
        return true;
    }
    if !visible(scope_path, &e.jurisdiction_path) {
        return false;
    }
    match unit {
        None => true,
        Some(u) => {
            matches!(e.kind.as_str(), "alarm" | "alarm_update")
                && e.data.get("unit_id").and_then(|v| v.as_i64()) == Some(u)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(path: &str) -> NewLiveEvent {
        NewLiveEvent {
            kind: "test".into(),
            title: "测试".into(),
            level: "info".into(),
            unhandled: false,
            data: serde_json::json!({}),
            jurisdiction_path: path.into(),
        }
    }

    #[test]
    fn replays_what_a_reconnecting_console_missed() {
        let bus = LiveBus::default();
        for _ in 0..5 {
            bus.publish(ev("/1/"));
        }
        let (_, missed) = bus.subscribe(Some(After::Seq(3)));
        let seqs: Vec<u64> = missed.unwrap().iter().map(|e| e.seq).collect();
        assert_eq!(seqs, vec![4, 5]);
        let (_, none) = bus.subscribe(Some(After::Seq(5)));
        assert!(none.unwrap().is_empty());
        // The same, by the stream's id.
        let id = bus.event_id(3);
        assert_eq!(bus.parse_after(&id), Some(After::Seq(3)));
        assert_eq!(bus.subscribe(bus.parse_after(&id)).1.unwrap().len(), 2);
    }

    #[test]
    fn an_id_of_another_start_or_node_asks_for_a_reload() {
        let before = LiveBus::default();
        for _ in 0..3 {
            before.publish(ev("/1/"));
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
        // The process restarted (or the console reconnected to another node).
        let now = LiveBus::default();
        assert_ne!(before.origin(), now.origin());
        for _ in 0..5 {
            now.publish(ev("/1/"));
        }
        let old_id = before.event_id(2);
        assert_eq!(now.parse_after(&old_id), Some(After::Elsewhere));
        assert!(now.subscribe(now.parse_after(&old_id)).1.is_none(), "events 3..5 of this bus are not what it missed");
        // Bare numbers (scripts' `?after=`) are this bus's; anything else is refused.
        assert_eq!(now.parse_after(" 4 "), Some(After::Seq(4)));
        for bad in ["abc", "-", "x-3", "ab-", "ab-c", "-3", "1.5", ""] {
            assert_eq!(now.parse_after(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_resync_reaches_every_scope_and_is_kept_for_replay() {
        let bus = LiveBus::default();
        bus.publish(ev("/1/4/"));
        bus.resync_local();
        let (_, kept) = bus.subscribe(Some(After::Seq(0)));
        let kept = kept.unwrap();
        assert_eq!(kept.iter().map(|e| e.kind.as_str()).collect::<Vec<_>>(), ["test", RESYNC]);
        assert!(!for_subscriber("/1/5/", None, &kept[0]));
        assert!(for_subscriber("/1/5/", None, &kept[1]));
    }

    #[test]
    fn asks_for_a_reload_when_the_gap_is_gone() {
        let bus = LiveBus::default();
        for _ in 0..REPLAY + 10 {
            bus.publish(ev("/1/"));
        }
        assert!(bus.subscribe(Some(After::Seq(2))).1.is_none());
        assert_eq!(bus.subscribe(Some(After::Seq(20))).1.unwrap().len(), REPLAY - 10);
    }

    #[test]
    fn a_unit_manager_is_sent_only_its_units_alarms() {
        let bus = LiveBus::default();
        let mut alarm = ev("/1/4/");
        alarm.kind = "alarm".into();
        alarm.data = serde_json::json!({ "id": 1, "unit_id": 7 });
        let mine = bus.publish_local(alarm.clone(), "t".into());
        alarm.data["unit_id"] = serde_json::json!(8);
        let other = bus.publish_local(alarm.clone(), "t".into());
        alarm.kind = "incident".into();
        alarm.data = serde_json::json!({ "id": 2, "unit_id": 7 });
        let incident = bus.publish_local(alarm, "t".into());
        assert!(for_subscriber("/1/4/", Some(7), &mine));
        assert!(!for_subscriber("/1/4/", Some(7), &other));
        assert!(!for_subscriber("/1/4/", Some(7), &incident), "only alarm events");
        assert!(!for_subscriber("/1/5/", Some(7), &mine), "and within its jurisdiction");
        assert!(for_subscriber("/1/4/", None, &other) && for_subscriber("/1/4/", None, &incident));
    }

    #[test]
    fn scope_is_a_path_prefix() {
        assert!(visible("/", "/1/4/"));
        assert!(visible("/1/", "/1/4/"));
        assert!(!visible("/1/5/", "/1/4/"));
    }
}
