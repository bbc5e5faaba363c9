//! The incident timeline as entries (one per stage reached) and how it drives vehicle statuses.
//!
//! Stages are the fields of the statistics system's turnout record (`docs/standards/incident-statistics.md` §8.2; the
//! [`Timeline`] of `huoyan_domain::incident`). Five stages belong to one vehicle — 出动, 中途返回,
//! 到场, 撤离, 归队 — and move its status along 出动 → 途中 → 到场 → 返队 → 在队 (the dispatch
//! order itself sets 出动); the others belong to the incident. Before an entry is stored,
//! [`check_entry`] rebuilds each affected vehicle's [`Timeline`] with the new time and runs
//! [`Timeline::check`]: impossible orders are errors; implausible values (average speed outside
//! 20–120 km/h) are warnings stored with the entry.

use chrono::{DateTime, Utc};
use huoyan_domain::incident::{Timeline, TimelineCheck};
use huoyan_domain::validate::code as kernel;
use huoyan_domain::{FieldError, Refusal, VehicleStatus};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A stage of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum Stage {
    /// 起火.
    Ignition,
    /// 接警.
    Alarm,
    /// 出动 (a vehicle leaves).
    Dispatch,
    /// 中途返回.
    MidwayReturn,
    /// 到场.
    Arrival,
    /// 展开.
    Deploy,
    /// 出水.
    WaterOn,
    /// 控制.
    Controlled,
    /// 扑灭.
    Extinguished,
    /// 结束.
    Ended,
    /// 撤离.
    Withdrawn,
    /// 归队.
    Returned,
    /// 警情处置结束.
    Closed,
}

impl Stage {
    /// Every stage, in the usual order.
    pub const ALL: [Stage; 13] = [
        Stage::Ignition,
        Stage::Alarm,
        Stage::Dispatch,
        Stage::MidwayReturn,
        Stage::Arrival,
        Stage::Deploy,
        Stage::WaterOn,
        Stage::Controlled,
        Stage::Extinguished,
        Stage::Ended,
        Stage::Withdrawn,
        Stage::Returned,
        Stage::Closed,
    ];

    /// The code (the [`Timeline`] field name).
    pub fn code(self) -> &'static str {
        match self {
            Stage::Ignition => "ignition",
            Stage::Alarm => "alarm",
            Stage::Dispatch => "dispatch",
            Stage::MidwayReturn => "midway_return",
            Stage::Arrival => "arrival",
            Stage::Deploy => "deploy",
            Stage::WaterOn => "water_on",
            Stage::Controlled => "controlled",
            Stage::Extinguished => "extinguished",
            Stage::Ended => "ended",
            Stage::Withdrawn => "withdrawn",
            Stage::Returned => "returned",
            Stage::Closed => "closed",
        }
    }

    /// The users' term.
    pub fn zh(self) -> &'static str {
        match self {
            Stage::Ignition => "起火",
            Stage::Alarm => "接警",
            Stage::Dispatch => "出动",
            Stage::MidwayReturn => "中途返回",
            Stage::Arrival => "到场",
            Stage::Deploy => "展开",
            Stage::WaterOn => "出水",
            Stage::Controlled => "控制",
            Stage::Extinguished => "扑灭",
            Stage::Ended => "结束",
            Stage::Withdrawn => "撤离",
            Stage::Returned => "归队",
            Stage::Closed => "警情处置结束",
        }
    }

    /// Parses a code or Chinese term.
    pub fn parse(s: &str) -> Option<Stage> {
        let s = s.trim();
        Stage::ALL.into_iter().find(|v| v.code() == s || v.zh() == s)
    }

    /// Whether the stage belongs to one vehicle (and needs `vehicle_id`).
    pub fn per_vehicle(self) -> bool {
        matches!(self, Stage::Dispatch | Stage::MidwayReturn | Stage::Arrival | Stage::Withdrawn | Stage::Returned)
    }

    /// The vehicle status the stage leads to, for per-vehicle stages.
    pub fn vehicle_status(self) -> Option<VehicleStatus> {
        Some(match self {
            Stage::Dispatch => VehicleStatus::EnRoute,
            Stage::Arrival => VehicleStatus::OnScene,
            Stage::MidwayReturn | Stage::Withdrawn => VehicleStatus::Returning,
            Stage::Returned => VehicleStatus::InStation,
            _ => return None,
        })
    }

    fn set(self, t: &mut Timeline, at: DateTime<Utc>) {
        let slot = match self {
            Stage::Ignition => &mut t.ignition,
            Stage::Alarm => &mut t.alarm,
            Stage::Dispatch => &mut t.dispatch,
            Stage::MidwayReturn => &mut t.midway_return,
            Stage::Arrival => &mut t.arrival,
            Stage::Deploy => &mut t.deploy,
            Stage::WaterOn => &mut t.water_on,
            Stage::Controlled => &mut t.controlled,
            Stage::Extinguished => &mut t.extinguished,
            Stage::Ended => &mut t.ended,
            Stage::Withdrawn => &mut t.withdrawn,
            Stage::Returned => &mut t.returned,
            Stage::Closed => &mut t.closed,
        };
        // The first time a stage is recorded counts.
        if slot.is_none_or(|old| at < old) {
            *slot = Some(at);
        }
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Stage {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Stage {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Stage::parse(&s).ok_or_else(|| {
            let all: Vec<String> = Stage::ALL.iter().map(|v| format!("{}({})", v.code(), v.zh())).collect();
            serde::de::Error::custom(format!("unknown stage {s:?}; expected one of: {}", all.join(", ")))
        })
    }
}

/// The status a committed vehicle moves to when `stage` is recorded, or why it cannot (Chinese and
/// English; code `vehicle_state` with `status` and `stage`). 出动 from 出动 (the order) to 途中; 到场
/// from 出动 or 途中 (a missed 出动 time may be filled in later); 中途返回 before arrival; 撤离 from
/// 到场; 归队 from 返队 (after 撤离 or 中途返回). Nothing moves backwards.
pub fn advance(current: VehicleStatus, stage: Stage) -> Result<VehicleStatus, Refusal> {
    use VehicleStatus::*;
    let Some(next) = stage.vehicle_status() else {
        return Ok(current);
    };
    let ok = match stage {
        Stage::Dispatch => current == Dispatched,
        Stage::Arrival | Stage::MidwayReturn => matches!(current, Dispatched | EnRoute),
        Stage::Withdrawn => current == OnScene,
        Stage::Returned => current == Returning,
        _ => false,
    };
    if ok {
        Ok(next)
    } else {
        let reason = format!(
            "车辆当前状态为{}，不能记录{} (the vehicle is {}; {} cannot be recorded now)",
            current.zh(),
            stage.zh(),
            current.code(),
            stage.code()
        );
        Err(FieldError::new("stage", super::code::VEHICLE_STATE, reason)
            .with("status", current.code())
            .with("stage", stage.code())
            .into())
    }
}

/// A recorded entry, as [`check_entry`] needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Stage.
    pub stage: Stage,
    /// When.
    pub at: DateTime<Utc>,
    /// The vehicle, for per-vehicle stages.
    pub vehicle_id: Option<i64>,
}

/// The timeline of one vehicle (`None`: the incident's own stages only): the incident's stages,
/// then that vehicle's. The alarm time defaults to when the incident was reported.
pub fn timeline_of(
    marks: &[Mark],
    vehicle: Option<i64>,
    reported_at: DateTime<Utc>,
    distance_km: Option<f64>,
    fire_out_on_arrival: bool,
) -> Timeline {
    let mut t = Timeline { distance_km, fire_out_on_arrival, ..Default::default() };
    for m in marks.iter().filter(|m| !m.stage.per_vehicle() || (vehicle.is_some() && m.vehicle_id == vehicle)) {
        m.stage.set(&mut t, m.at);
    }
    if t.alarm.is_none() {
        t.alarm = Some(reported_at);
    }
    t
}

/// Checks a new entry against those recorded: for a per-vehicle stage the vehicle's timeline, for
/// an incident stage the timeline of every vehicle sent (`vehicles`, with their road distance in
/// km) and the incident's own. Errors are impossible orders; warnings are implausible values.
pub fn check_entry(
    marks: &[Mark],
    new: &Mark,
    vehicles: &[(i64, Option<f64>)],
    reported_at: DateTime<Utc>,
    fire_out_on_arrival: bool,
    now: DateTime<Utc>,
) -> TimelineCheck {
    let mut out = TimelineCheck::default();
    if new.at > now + chrono::Duration::minutes(5) {
        let reason = format!("{}时间不能晚于当前时间 (the time is in the future)", new.stage.zh());
        out.errors.push(FieldError::new("at", kernel::IN_FUTURE, reason).with("stage", new.stage.code()));
        return out;
    }
    // Every stage but 起火 follows 接警 (出动 ≥ 接警 and the later stages ≥ 出动, §8.3, transitively).
    let alarm = marks.iter().filter(|m| m.stage == Stage::Alarm).map(|m| m.at).min().unwrap_or(reported_at);
    if !matches!(new.stage, Stage::Ignition | Stage::Alarm) && new.at < alarm {
        let reason =
            format!("{}时间不能早于接警时间 ({} {} < alarm {alarm})", new.stage.zh(), new.stage.code(), new.at);
        out.errors.push(
            FieldError::new(new.stage.code(), kernel::TIMELINE_BEFORE_RECEIVED, reason)
                .with("stage", new.stage.code())
                .with("at", new.at.to_rfc3339())
                .with("alarm", alarm.to_rfc3339()),
        );
        return out;
    }
    let mut all = marks.to_vec();
    all.push(new.clone());
    let targets: Vec<(Option<i64>, Option<f64>)> = if new.stage.per_vehicle() {
        let d = vehicles.iter().find(|(v, _)| Some(*v) == new.vehicle_id).and_then(|(_, d)| *d);
        vec![(new.vehicle_id, d)]
    } else {
        std::iter::once((None, None)).chain(vehicles.iter().map(|(v, d)| (Some(*v), *d))).collect()
    };
    for (v, d) in targets {
        let c = timeline_of(&all, v, reported_at, d, fire_out_on_arrival).check(now);
        for e in c.errors {
            if !out.errors.contains(&e) {
                out.errors.push(e);
            }
        }
        // Speed is judged only for the vehicle whose 出动 or 到场 is being recorded.
        if v.is_some() && v == new.vehicle_id {
            out.warnings.extend(c.warnings);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(min: i64) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-25T08:00:00Z").unwrap().with_timezone(&Utc)
            + chrono::Duration::minutes(min)
    }

    fn mark(stage: Stage, min: i64, v: Option<i64>) -> Mark {
        Mark { stage, at: at(min), vehicle_id: v }
    }

    #[test]
    fn stages_parse_by_code_and_term() {
        assert_eq!(Stage::parse("到场"), Some(Stage::Arrival));
        assert_eq!(Stage::parse("water_on"), Some(Stage::WaterOn));
        let e = serde_json::from_str::<Stage>("\"arrive\"").unwrap_err().to_string();
        assert!(e.contains("arrival(到场)"), "{e}");
        assert_eq!(serde_json::to_string(&Stage::Closed).unwrap(), "\"closed\"");
    }

    #[test]
    fn statuses_move_forward_only() {
        use VehicleStatus::*;
        assert_eq!(advance(Dispatched, Stage::Dispatch), Ok(EnRoute));
        assert_eq!(advance(Dispatched, Stage::Arrival), Ok(OnScene), "arrival may skip 途中");
        assert!(advance(Dispatched, Stage::Returned).is_err(), "归队 needs 撤离 or 中途返回 first");
        assert!(advance(EnRoute, Stage::Withdrawn).is_err());
        assert!(advance(EnRoute, Stage::Dispatch).is_err());
        assert_eq!(advance(OnScene, Stage::Withdrawn), Ok(Returning));
        assert_eq!(advance(Returning, Stage::Returned), Ok(InStation));
        assert_eq!(advance(EnRoute, Stage::MidwayReturn), Ok(Returning));
        assert!(advance(OnScene, Stage::MidwayReturn).is_err());
        let e = advance(Returning, Stage::Arrival).unwrap_err();
        assert!(e.contains("返队") && e.contains("cannot be recorded"), "{e}");
        assert!(advance(Maintenance, Stage::Dispatch).is_err());
        assert_eq!(advance(OnScene, Stage::WaterOn), Ok(OnScene), "incident stages leave the status");
    }

    #[test]
    fn impossible_orders_are_errors_and_odd_speeds_warnings() {
        let marks = vec![mark(Stage::Dispatch, 1, Some(7)), mark(Stage::Arrival, 6, Some(7))];
        // Arrival of vehicle 8 before its own 出动 is fine to check (it has none); before the alarm it is not.
        let c = check_entry(&marks, &mark(Stage::Dispatch, -3, Some(8)), &[(8, None)], at(0), false, at(60));
        assert_eq!(c.errors[0].field, "dispatch", "{c:?}");
        // Withdrawal before arrival.
        let c = check_entry(&marks, &mark(Stage::Withdrawn, 5, Some(7)), &[(7, Some(3.0))], at(0), false, at(60));
        assert!(c.errors.iter().any(|e| e.reason.contains("撤离时间不能早于到场时间")), "{c:?}");
        // 出水 before vehicle 7's arrival: an incident stage checked against every vehicle.
        let c = check_entry(&marks, &mark(Stage::WaterOn, 4, None), &[(7, Some(3.0))], at(0), false, at(60));
        assert!(c.errors.iter().any(|e| e.field == "water_on"), "{c:?}");
        // 30 km in 5 minutes: implausible, a warning only.
        let marks = vec![mark(Stage::Dispatch, 1, Some(7))];
        let c = check_entry(&marks, &mark(Stage::Arrival, 6, Some(7)), &[(7, Some(30.0))], at(0), false, at(60));
        assert!(c.errors.is_empty(), "{c:?}");
        assert!(c.warnings[0].reason.contains("360 km/h"), "{c:?}");
        // Any stage before the alarm (here the report time).
        let c = check_entry(&[], &mark(Stage::Arrival, -1, Some(7)), &[], at(0), false, at(60));
        assert!(c.errors[0].reason.contains("到场时间不能早于接警时间"), "{c:?}");
        // The future.
        let c = check_entry(&marks, &mark(Stage::Arrival, 90, Some(7)), &[], at(0), false, at(60));
        assert!(c.errors[0].reason.contains("future"));
    }

    #[test]
    fn refusals_carry_codes_and_parameters() {
        let e = advance(VehicleStatus::OnScene, Stage::Returned).unwrap_err();
        let d = e.detail.as_ref().unwrap();
        assert_eq!((d.field.as_str(), d.code.as_str()), ("stage", "vehicle_state"));
        assert_eq!(
            serde_json::to_value(&d.params).unwrap(),
            serde_json::json!({"status": "on_scene", "stage": "returned"})
        );
        assert!(e.contains("车辆当前状态为到场，不能记录归队"), "the message is unchanged: {}", &*e);
        // Before 接警.
        let c = check_entry(&[], &mark(Stage::WaterOn, -1, None), &[], at(0), false, at(60));
        let e = &c.errors[0];
        assert_eq!((e.code.as_str(), &e.params["stage"]), ("timeline_before_received", &serde_json::json!("water_on")));
        // 撤离 before 到场: the order rule with both stages.
        let marks = vec![mark(Stage::Dispatch, 1, Some(7)), mark(Stage::Arrival, 6, Some(7))];
        let c = check_entry(&marks, &mark(Stage::Withdrawn, 5, Some(7)), &[(7, Some(3.0))], at(0), false, at(60));
        let e = c.errors.iter().find(|e| e.code == "timeline_order").unwrap();
        assert_eq!(
            (&e.params["stage"], &e.params["before"]),
            (&serde_json::json!("withdrawn"), &serde_json::json!("arrival"))
        );
        // The future.
        let c = check_entry(&marks, &mark(Stage::Arrival, 90, Some(7)), &[], at(0), false, at(60));
        assert_eq!((c.errors[0].field.as_str(), c.errors[0].code.as_str()), ("at", "in_future"));
    }

    #[test]
    fn the_first_time_of_a_stage_counts_and_alarm_defaults_to_the_report() {
        let marks = vec![
            mark(Stage::Deploy, 9, None),
            mark(Stage::Deploy, 8, None),
            mark(Stage::Arrival, 6, Some(1)),
            mark(Stage::Arrival, 7, Some(2)),
        ];
        let t = timeline_of(&marks, Some(2), at(0), None, false);
        assert_eq!((t.deploy, t.arrival, t.alarm), (Some(at(8)), Some(at(7)), Some(at(0))));
        assert_eq!(timeline_of(&marks, None, at(0), None, false).arrival, None);
    }
}
