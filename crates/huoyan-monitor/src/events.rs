//! What the console's live panel shows for an alarm: the event the engine or an operator's
//! handling publishes on the live bus.

use huoyan_api::live::NewLiveEvent;

/// The event for an alarm the engine or an operator changed (`change`: `opened`, `merged`,
/// `resolved`, `escalated`, `handled`). Only a newly opened alarm is kind `alarm` (the panel's
/// sound); the rest are `alarm_update`.
pub fn alarm_event(alarm: &crate::store::alarms::Alarm, change: &str, jurisdiction_path: &str) -> NewLiveEvent {
    use crate::kinds::{kind_zh, result_zh};
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
