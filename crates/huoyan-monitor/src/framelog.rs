//! One Chinese line per stored frame for the operator's frame log (设备报文): the command, the ADU
//! type (GB/T 26875.3-2011 Table 2 and Table 3) and, per information object, what it names and
//! which state or operation bits are set (Figs. 6, 7, 9, 13, 14), e.g.
//! `发送数据 · 上传建筑消防设施部件运行状态 · 火灾报警系统1号 · 感烟火灾探测器 10回路2号：火警`.

use serde_json::Value;

use crate::signals::describe;

/// Chinese names of the state and operation bits, by the names the decoder gives them.
/// `normal` (bit 0) is left out: its polarity (1 = 正常, 0 = 测试) makes "set" meaningless, and
/// real fire frames carry it clear (see `huoyan_gb26875::flags`).
const BITS_ZH: &[(&str, &str)] = &[
    ("fire", "火警"),
    ("fault", "故障"),
    ("shield", "屏蔽"),
    ("supervise", "监管"),
    ("started", "启动"),
    ("feedback", "反馈"),
    ("delay", "延时"),
    ("main_power_fault", "主电故障"),
    ("backup_power_fault", "备电故障"),
    ("power_fault", "电源故障"),
    ("bus_fault", "总线故障"),
    ("manual", "手动状态"),
    ("config_changed", "配置改变"),
    ("reset", "复位"),
    ("channel_fault", "通信信道故障"),
    ("wiring_fault", "监测连接线路故障"),
    ("silence", "消音"),
    ("manual_alarm", "手动报警"),
    ("alarm_cleared", "警情消除"),
    ("self_test", "自检"),
    ("acknowledge", "确认"),
    ("test", "测试"),
    ("duty_check_reply", "查岗应答"),
];

/// Objects described in one line; the rest are counted.
const MAX_OBJECTS: usize = 3;

fn name_or(v: Option<&Value>, fallback: &str) -> String {
    match v.and_then(|v| v.get("name")).and_then(Value::as_str) {
        Some(n) if !n.is_empty() => n.to_string(),
        _ => match v.and_then(|v| v.get("code")).and_then(Value::as_u64) {
            Some(c) => format!("{fallback}{c}"),
            None => fallback.to_string(),
        },
    }
}

/// The set bits of a state or operation field in Chinese (`正常` when none is set).
fn bits_zh(flags: &Value) -> String {
    let set: Vec<&str> = BITS_ZH
        .iter()
        .filter(|(b, _)| flags.get(*b).and_then(Value::as_bool) == Some(true))
        .map(|(_, zh)| *zh)
        .collect();
    if set.is_empty() { "正常".to_string() } else { set.join("、") }
}

fn object_line(obj: &Value) -> String {
    let mut line = describe(obj);
    if let Some(flags) = obj.get("state").or_else(|| obj.get("flags")).filter(|f| f.is_object()) {
        line.push('：');
        line.push_str(&bits_zh(flags));
    }
    if let Some(value) = obj.get("physical").and_then(Value::as_f64) {
        let unit = obj.pointer("/analog_type/unit").and_then(Value::as_str).unwrap_or("");
        line.push_str(&format!("：{} {value}{unit}", name_or(obj.get("analog_type"), "模拟量")));
    }
    line
}

/// A stored frame's wire bytes (hex, as `alarm_frames.raw` holds them) decoded to the JSON
/// document `huoyan gb26875 decode` prints; a frame that does not decode gives
/// `{"error": "<reason>"}`, so one bad row does not hide the others.
pub fn decode_stored(raw_hex: &str) -> Value {
    huoyan_gb26875::decode_hex_to_json(raw_hex).unwrap_or_else(|e| serde_json::json!({ "error": e }))
}

/// The frame log line of a decoded frame (as `huoyan gb26875 decode` prints it). Never fails:
/// unknown or malformed parts are named by their codes or left out.
pub fn frame_summary(decoded: &Value) -> String {
    let mut parts = vec![name_or(decoded.get("command"), "命令")];
    let Some(adu) = decoded.get("adu").filter(|a| a.is_object()) else {
        return parts.remove(0);
    };
    parts.push(name_or(adu.get("type"), "类型"));
    let objects: &[Value] = adu.get("objects").and_then(Value::as_array).map_or(&[], Vec::as_slice);
    let mut lines: Vec<String> = objects.iter().filter(|o| o.is_object()).take(MAX_OBJECTS).map(object_line).collect();
    if objects.len() > MAX_OBJECTS {
        lines.push(format!("等 {} 条", objects.len()));
    }
    parts.extend(lines);
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    use crate::test_vector as vector;

    #[test]
    fn a_component_fire_names_the_command_the_type_the_component_and_the_bit() {
        let s = frame_summary(&vector("A1_upload_component_fire_smoke"));
        assert!(s.starts_with("发送数据 · "), "{s}");
        assert!(s.contains("部件运行状态"), "{s}");
        assert!(s.contains("感烟火灾探测器 10回路2号"), "{s}");
        assert!(s.ends_with("：火警"), "{s}");
    }

    #[test]
    fn a_uitd_mains_failure_and_a_duty_check_reply_name_their_bits() {
        let s = frame_summary(&vector("A4_upload_uitd_state_mainpower_fault"));
        assert!(s.ends_with("：主电故障"), "{s}");
        let s = frame_summary(&vector("A5_upload_uitd_op_duty_check_reply"));
        assert!(s.ends_with("：查岗应答"), "{s}");
    }

    #[test]
    fn a_stored_frame_decodes_to_the_cli_document_and_a_bad_one_names_its_error() {
        let hex = crate::test_vector_hex("A1_upload_component_fire_smoke");
        assert_eq!(decode_stored(&hex), vector("A1_upload_component_fire_smoke"));
        let bad = decode_stored("4040ff");
        assert!(bad["error"].as_str().is_some_and(|e| !e.is_empty()), "{bad}");
        assert!(decode_stored("zz")["error"].is_string());
    }

    #[test]
    fn a_confirm_without_adu_is_just_its_command() {
        assert_eq!(frame_summary(&vector("A2_center_ack")), "确认");
    }

    #[test]
    fn long_and_hostile_input_gives_a_line_and_no_panic() {
        let many = json!({"command": {"code": 2, "name": "发送数据"}, "adu": {"type": {"code": 21}, "objects": [{"state": {"fire": true}}, {"state": {}}, {"state": {}}, {"state": {}}, {"state": {}}]}});
        let s = frame_summary(&many);
        assert!(s.contains("类型21"), "{s}");
        assert!(s.ends_with("等 5 条"), "{s}");
        assert!(s.contains("火警"), "{s}");
        for v in [
            json!(null),
            json!(7),
            json!({"adu": "x"}),
            json!({"command": {"code": 9}, "adu": {"objects": [1, "a", null]}}),
        ] {
            assert!(!frame_summary(&v).is_empty(), "{v}");
        }
    }
}
