//! The live channel to the console (实时推送): one bus of [`LiveEvent`]s — new and changed alarms,
//! incidents, device presence — that `GET /api/v1/events/stream` pushes as Server-Sent Events.
//!
//! Each event carries the materialised path of its jurisdiction; a subscriber sees only events of
//! its own subtree. The bus keeps the last [`REPLAY`] events so a console that reconnects with
//! `Last-Event-ID` (browsers do this on their own) receives what it missed while away; a console
//! that was away longer reloads its lists (the stream says so with a `resync` event).

use std::collections::VecDeque;
use std::sync::Mutex;

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
    /// `incident`, `incident_update`, `device` (online/offline), `test`.
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
}

impl Default for LiveBus {
    fn default() -> Self {
        let (tx, _) = broadcast::channel(REPLAY);
        LiveBus { tx, recent: Mutex::new((0, VecDeque::with_capacity(REPLAY))) }
    }
}

impl LiveBus {
    /// Numbers and sends an event; returns its sequence number.
    pub fn publish(&self, e: NewLiveEvent) -> u64 {
        let mut g = self.recent.lock().unwrap_or_else(|p| p.into_inner());
        g.0 += 1;
        let ev = LiveEvent {
            seq: g.0,
            kind: e.kind,
            at: huoyan_store::now(),
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
        let _ = self.tx.send(ev);
        g.0
    }

    /// A receiver of events from now on, and the events after `after` still kept (`None` when
    /// some were already dropped, i.e. the caller must reload).
    pub fn subscribe(&self, after: Option<u64>) -> (broadcast::Receiver<LiveEvent>, Option<Vec<LiveEvent>>) {
        let g = self.recent.lock().unwrap_or_else(|p| p.into_inner());
        let rx = self.tx.subscribe();
        let missed = match after {
            None => Some(Vec::new()),
            Some(a) if a >= g.0 => Some(Vec::new()),
            Some(a) => match g.1.front() {
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

/// The event for an alarm the engine or an operator changed (`change`: `opened`, `merged`,
/// `resolved`, `escalated`, `handled`). Only a newly opened alarm is kind `alarm` (the panel's
/// sound); the rest are `alarm_update`.
pub fn alarm_event(alarm: &huoyan_store::alarms::Alarm, change: &str, jurisdiction_path: &str) -> NewLiveEvent {
    use huoyan_monitor::kinds::{kind_zh, result_zh};
    let unit = alarm.detail.get("unit_name").and_then(|v| v.as_str()).unwrap_or("未关联单位");
    let mut title = format!("{} · {unit} · {}", kind_zh(&alarm.kind), alarm.summary);
    if alarm.count > 1 {
        title.push_str(&format!("（{}次）", alarm.count));
    }
    match change {
        "escalated" => title = format!("超时未处理 · {title}"),
        "handled" | "resolved" => {
            title = format!("已处理（{}）· {title}", result_zh(&alarm.kind, alarm.result.as_deref().unwrap_or("")))
        }
        _ => {}
    }
    let mut data = serde_json::to_value(alarm).unwrap_or_default();
    data["change"] = serde_json::Value::from(change);
    NewLiveEvent {
        kind: if change == "opened" { "alarm".into() } else { "alarm_update".into() },
        title,
        level: alarm.level.clone(),
        unhandled: alarm.status != "handled",
        data,
        jurisdiction_path: jurisdiction_path.to_string(),
    }
}

/// Whether a subscriber scoped to `scope_path` sees an event of `event_path`.
pub fn visible(scope_path: &str, event_path: &str) -> bool {
    event_path.starts_with(scope_path)
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
        let (_, missed) = bus.subscribe(Some(3));
        let seqs: Vec<u64> = missed.unwrap().iter().map(|e| e.seq).collect();
        assert_eq!(seqs, vec![4, 5]);
        let (_, none) = bus.subscribe(Some(5));
        assert!(none.unwrap().is_empty());
    }

    #[test]
    fn asks_for_a_reload_when_the_gap_is_gone() {
        let bus = LiveBus::default();
        for _ in 0..REPLAY + 10 {
            bus.publish(ev("/1/"));
        }
        assert!(bus.subscribe(Some(2)).1.is_none());
        assert_eq!(bus.subscribe(Some(20)).1.unwrap().len(), REPLAY - 10);
    }

    #[test]
    fn scope_is_a_path_prefix() {
        assert!(visible("/", "/1/4/"));
        assert!(visible("/1/", "/1/4/"));
        assert!(!visible("/1/5/", "/1/4/"));
    }
}
