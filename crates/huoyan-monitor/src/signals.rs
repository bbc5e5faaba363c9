//! From a stored frame (its decoded JSON, as `huoyan gb26875 decode` prints it) to the signals an
//! operator must see. Only device uploads (command 2, 发送数据) make signals; answers to the
//! centre's reads (command 4) are kept in the frame log only.
//!
//! | ADU type (GB/T 26875.3-2011 8.2.1) | bits → kind |
//! |---|---|
//! | 1 系统状态 | fire → 火警; fault, bus_fault → 故障; main/backup_power_fault → 电源故障; supervise → 监管; shield → 屏蔽; started → 启动; feedback → 反馈 |
//! | 2 部件运行状态 | fire, fault, power_fault, supervise, shield, started, feedback |
//! | 4 操作信息 | manual_alarm (手动报警) → 火警 |
//! | 21 用户信息传输装置运行状态 | fire → 火警; fault, channel_fault, wiring_fault → 故障; main/backup_power_fault → 电源故障 |
//! | 24 用户信息传输装置操作信息 | manual_alarm (手动报警) → 火警 |
//!
//! Other types (analog values, versions, configuration, time) make no signal here.

use crate::store::alarms::Signal;
use huoyan_gb26875::{Adu, Command, Frame};
use serde_json::{Value, json};

use crate::kinds::{AlarmKind, AlarmResult};

/// (state bit name, kind) per ADU type.
const SYSTEM_BITS: &[(&str, AlarmKind)] = &[
    ("fire", AlarmKind::Fire),
    ("fault", AlarmKind::Fault),
    ("bus_fault", AlarmKind::Fault),
    ("main_power_fault", AlarmKind::PowerFault),
    ("backup_power_fault", AlarmKind::PowerFault),
    ("supervise", AlarmKind::Supervise),
    ("shield", AlarmKind::Shield),
    ("started", AlarmKind::Started),
    ("feedback", AlarmKind::Feedback),
];
const COMPONENT_BITS: &[(&str, AlarmKind)] = &[
    ("fire", AlarmKind::Fire),
    ("fault", AlarmKind::Fault),
    ("power_fault", AlarmKind::PowerFault),
    ("supervise", AlarmKind::Supervise),
    ("shield", AlarmKind::Shield),
    ("started", AlarmKind::Started),
    ("feedback", AlarmKind::Feedback),
];
const UITD_BITS: &[(&str, AlarmKind)] = &[
    ("fire", AlarmKind::Fire),
    ("fault", AlarmKind::Fault),
    ("channel_fault", AlarmKind::Fault),
    ("wiring_fault", AlarmKind::Fault),
    ("main_power_fault", AlarmKind::PowerFault),
    ("backup_power_fault", AlarmKind::PowerFault),
];
const OPERATION_BITS: &[(&str, AlarmKind)] = &[("manual_alarm", AlarmKind::Fire)];

fn name_of(v: &Value) -> &str {
    v.get("name").and_then(Value::as_str).unwrap_or("")
}

/// `火灾报警系统1号 · 感烟火灾探测器 10回路2号 · 三层东`.
pub(crate) fn describe(obj: &Value) -> String {
    let mut parts = Vec::new();
    if let Some(st) = obj.get("system_type") {
        let addr = obj.get("system_address").and_then(Value::as_u64).map(|a| format!("{a}号")).unwrap_or_default();
        parts.push(format!("{}{addr}", name_of(st)));
    }
    if let Some(ct) = obj.get("component_type") {
        let ca = obj.get("component_address");
        let lp = ca.and_then(|c| c.get("loop")).and_then(Value::as_u64);
        let pt = ca.and_then(|c| c.get("point")).and_then(Value::as_u64);
        let at = match (lp, pt) {
            (Some(l), Some(p)) => format!(" {l}回路{p}号"),
            _ => String::new(),
        };
        parts.push(format!("{}{at}", name_of(ct)));
    }
    if let Some(d) = obj.get("description").and_then(Value::as_str).map(str::trim).filter(|d| !d.is_empty()) {
        parts.push(d.to_string());
    }
    if parts.is_empty() { "用户信息传输装置".to_string() } else { parts.join(" · ") }
}

/// The component part of an object, kept in the alarm's detail.
fn component_of(obj: &Value, bits: &[&str]) -> Value {
    let mut c = json!({ "text": describe(obj), "bits": bits });
    for k in ["system_type", "system_address", "component_type", "component_address", "time"] {
        if let Some(v) = obj.get(k) {
            c[k] = v.clone();
        }
    }
    c
}

/// The signals of one stored frame.
pub fn from_frame(frame_id: i64, received_at: &str, device_address: &str, decoded: &Value) -> Vec<Signal> {
    let mut out = Vec::new();
    if decoded.pointer("/command/code").and_then(Value::as_u64) != Some(2) {
        return out;
    }
    let Some(adu) = decoded.get("adu") else { return out };
    let (bits, field): (&[(&str, AlarmKind)], &str) = match adu.pointer("/type/code").and_then(Value::as_u64) {
        Some(1) => (SYSTEM_BITS, "state"),
        Some(2) => (COMPONENT_BITS, "state"),
        // The decoder names the operation bits `flags` (GB/T 26875.3-2011 Figs. 9 and 14).
        Some(4) | Some(24) => (OPERATION_BITS, "flags"),
        Some(21) => (UITD_BITS, "state"),
        _ => return out,
    };
    for obj in adu.get("objects").and_then(Value::as_array).into_iter().flatten() {
        let Some(flags) = obj.get(field) else { continue };
        let set: Vec<&str> = bits
            .iter()
            .filter(|(b, _)| flags.get(*b).and_then(Value::as_bool) == Some(true))
            .map(|(b, _)| *b)
            .collect();
        let mut kinds: Vec<AlarmKind> = Vec::new();
        for (bit, kind) in bits {
            if set.contains(bit) && !kinds.contains(kind) {
                kinds.push(*kind);
            }
        }
        for kind in kinds {
            out.push(Signal {
                device_address: device_address.to_ascii_lowercase(),
                kind: kind.code().to_string(),
                level: kind.level().code().to_string(),
                at: received_at.to_string(),
                frame_id: Some(frame_id),
                summary: describe(obj),
                component: component_of(obj, &set),
                resolves: None,
            });
        }
    }
    out
}

/// The signals of a frame as stored: its wire bytes. A frame that cannot make a signal (not an
/// upload, another ADU type, or none of the bits above set — most uploads under load report
/// "normal") is recognised on the decoded frame itself, so its JSON document is never built. A
/// stored frame that does not decode (a hand-edited database) makes no signal and is logged.
pub fn from_raw(frame_id: i64, received_at: &str, device_address: &str, raw: &[u8]) -> Vec<Signal> {
    let frame = match huoyan_gb26875::decode(raw) {
        Ok(f) => f,
        Err(e) => {
            tracing::warn!(frame_id, error = %e, "a stored frame does not decode: no signal");
            return Vec::new();
        }
    };
    if !may_signal(&frame) {
        return Vec::new();
    }
    match serde_json::to_value(&frame) {
        Ok(v) => from_frame(frame_id, received_at, device_address, &v),
        Err(_) => Vec::new(),
    }
}

/// Whether [`from_frame`] can find a signal in `frame`: an upload of a type in the table above
/// with one of its bits set.
pub fn may_signal(frame: &Frame) -> bool {
    fn hit(set: Vec<&str>, bits: &[(&str, AlarmKind)]) -> bool {
        set.iter().any(|n| bits.iter().any(|(b, _)| b == n))
    }
    if frame.command != Command::SendData {
        return false;
    }
    match &frame.adu {
        Some(Adu::SystemState(o)) => o.iter().any(|o| hit(o.state.set_names(), SYSTEM_BITS)),
        Some(Adu::ComponentState(o)) => o.iter().any(|o| hit(o.state.set_names(), COMPONENT_BITS)),
        Some(Adu::Operation(o)) => o.iter().any(|o| hit(o.flags.set_names(), OPERATION_BITS)),
        Some(Adu::UitdState(o)) => o.iter().any(|o| hit(o.state.set_names(), UITD_BITS)),
        Some(Adu::UitdOperation(o)) => o.iter().any(|o| hit(o.flags.set_names(), OPERATION_BITS)),
        _ => false,
    }
}

/// The signal of a device going offline (`online = false`) or coming back (resolves the open
/// 离线 alarm as `recovered`).
pub fn presence(device_address: &str, online: bool, at: &str) -> Signal {
    Signal {
        device_address: device_address.to_ascii_lowercase(),
        kind: AlarmKind::Offline.code().into(),
        level: AlarmKind::Offline.level().code().into(),
        at: at.to_string(),
        frame_id: None,
        summary: if online {
            "设备恢复在线".into()
        } else {
            "设备离线（超过设定时间未收到数据）".into()
        },
        component: Value::Null,
        resolves: online.then(|| AlarmResult::Recovered.code().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_vector as vector;

    #[test]
    fn a_smoke_detector_in_fire_is_one_fire_signal_naming_the_component() {
        let s = from_frame(7, "2026-11-25T00:00:00.000Z", "790300000000", &vector("A1_upload_component_fire_smoke"));
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].kind, "fire");
        assert_eq!(s[0].level, "fire");
        assert_eq!(s[0].frame_id, Some(7));
        assert!(s[0].summary.contains("感烟火灾探测器 10回路2号"), "{}", s[0].summary);
        assert!(s[0].summary.starts_with("火灾报警系统1号"), "{}", s[0].summary);
    }

    #[test]
    fn from_raw_finds_what_from_frame_finds_in_every_vector_and_skips_only_empty_ones() {
        let text = include_str!("../../huoyan-gb26875/tests/data/gb26875-vectors.json");
        let v: Value = serde_json::from_str(text).unwrap();
        let mut with_signals = 0;
        for f in v["frames"].as_array().unwrap() {
            let raw = huoyan_gb26875::hex_to_bytes(f["hex"].as_str().unwrap()).unwrap();
            let Ok(frame) = huoyan_gb26875::decode(&raw) else { continue };
            let json = serde_json::to_value(&frame).unwrap();
            let full = from_frame(3, "t", "790300000000", &json);
            assert_eq!(from_raw(3, "t", "790300000000", &raw), full, "{}", f["name"]);
            if !full.is_empty() {
                with_signals += 1;
                assert!(may_signal(&frame), "{}", f["name"]);
            }
        }
        assert!(with_signals >= 2, "the vectors hold fires and faults");
        // Every single bit of a component state: the pre-filter agrees with the full derivation.
        let raw = huoyan_gb26875::hex_to_bytes(&crate::test_vector_hex("A1_upload_component_fire_smoke")).unwrap();
        let frame = huoyan_gb26875::decode(&raw).unwrap();
        for bit in 0..16 {
            let mut f = frame.clone();
            if let Some(Adu::ComponentState(o)) = &mut f.adu {
                o[0].state = huoyan_gb26875::ComponentState(1 << bit);
            }
            let full = from_frame(1, "t", "a", &serde_json::to_value(&f).unwrap());
            assert_eq!(may_signal(&f), !full.is_empty(), "bit {bit}");
            assert_eq!(from_raw(1, "t", "a", &huoyan_gb26875::encode(&f)), full, "bit {bit}");
        }
        assert!(from_raw(1, "t", "a", b"@@garbage##").is_empty());
    }

    #[test]
    fn a_uitd_mains_failure_is_a_power_fault() {
        let s = from_frame(1, "t", "790300000000", &vector("A4_upload_uitd_state_mainpower_fault"));
        assert_eq!(s.iter().map(|s| s.kind.as_str()).collect::<Vec<_>>(), ["power_fault"]);
        assert_eq!(s[0].level, "warning");
    }

    #[test]
    fn answers_versions_and_clock_make_no_signal() {
        for name in ["A6_upload_uitd_sw_version", "A7_upload_uitd_time", "A9_uitd_response_state", "A2_center_ack"] {
            assert!(from_frame(1, "t", "790300000000", &vector(name)).is_empty(), "{name}");
        }
    }

    #[test]
    fn hostile_json_makes_no_signal_and_no_panic() {
        for v in [
            json!(null),
            json!({"command": {"code": 2}}),
            json!({"command": {"code": 2}, "adu": {"type": {"code": 2}, "objects": "x"}}),
            json!({"command": {"code": 2}, "adu": {"type": {"code": 2}, "objects": [{"state": 5}, 3, {"state": {"fire": "yes"}}]}}),
        ] {
            assert!(from_frame(1, "t", "a", &v).is_empty(), "{v}");
        }
    }

    #[test]
    fn a_manual_alarm_operation_is_a_fire_and_a_duty_check_reply_is_none() {
        // Type 24 with flag bit 2 (手动报警), as the decoder prints it.
        let mut v = vector("A5_upload_uitd_op_duty_check_reply");
        assert!(from_frame(1, "t", "790300000000", &v).is_empty(), "查岗应答 is no alarm");
        v["adu"]["objects"][0]["flags"]["manual_alarm"] = json!(true);
        let s = from_frame(1, "t", "790300000000", &v);
        assert_eq!(s.iter().map(|s| s.kind.as_str()).collect::<Vec<_>>(), ["fire"]);
    }

    #[test]
    fn two_bits_of_one_kind_make_one_signal() {
        let v = json!({"command": {"code": 2}, "adu": {"type": {"code": 21}, "objects": [{"state": {"fault": true, "channel_fault": true, "fire": false}}]}});
        let s = from_frame(1, "t", "a", &v);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].kind, "fault");
    }
}
