//! The incident timeline as entries (one per stage reached) and how it drives vehicle statuses.
//!
//! Stages are the fields of the statistics system's turnout record (`docs/standards/incident-statistics.md` §8.2; the
//! [`Timeline`] of `huoyan_domain::incident`). Five stages belong to one vehicle — 出动, 中途返回,
//! 到场, 撤离, 归队 — and move its status along 出动 → 途中 → 到场 → 返队 → 在队 (the dispatch
//! order itself sets 出动); the others belong to the incident.
//!
//! A fire with more than one crew has one incident timeline and one turnout per vehicle: a
//! reinforcement arrives after the first crew has deployed and put water on. So the ordering
//! rules (docs/standards/incident-statistics.md §8.3) are checked on two timelines: each
//! vehicle's own ([`vehicle_timeline`]: 出动 ≥ 接警, 到场 ≥ 出动, 撤离 ≥ 到场, 归队 ≥ 撤离 …) and the
//! incident's ([`incident_timeline`]: its stages against the first 出动, the first 到场 and the
//! last 撤离). Before an entry is stored, [`check_entry`] rebuilds both with the new time and runs
//! [`Timeline::check`]: impossible orders are errors; implausible values (average speed outside
//! 20–120 km/h) are warnings stored with the entry.

use chrono::{DateTime, Utc};
use huoyan_domain::incident::{TIMELINE_SOURCE, Timeline, TimelineCheck, local_time, param_time};
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

/// One vehicle's own timeline: 接警 (defaulting to when the incident was reported) and that
/// vehicle's 出动, 中途返回, 到场, 撤离 and 归队, with its road distance for the average speed. The
/// ordering rules between these stages (出动 ≥ 接警, 到场 ≥ 出动, 撤离 ≥ 到场, 归队 ≥ 撤离 …) hold
/// for every vehicle on its own; the incident's stages are not in it, so a reinforcement arriving
/// after 出水 is not "an arrival after water on".
pub fn vehicle_timeline(
    marks: &[Mark],
    vehicle: i64,
    reported_at: DateTime<Utc>,
    distance_km: Option<f64>,
) -> Timeline {
    let mut t = Timeline { distance_km, ..Default::default() };
    for m in marks {
        if m.stage == Stage::Alarm || (m.stage.per_vehicle() && m.vehicle_id == Some(vehicle)) {
            m.stage.set(&mut t, m.at);
        }
    }
    if t.alarm.is_none() {
        t.alarm = Some(reported_at);
    }
    t
}

/// The incident's timeline, to which the national ordering rules of the turnout record apply
/// (docs/standards/incident-statistics.md §8.3): 起火, 接警, the incident's own stages (展开, 出水,
/// 控制, 扑灭, 结束, 警情处置结束, the first time each is recorded), the **first** 出动 and the
/// **first** 到场 of any vehicle (展开 ≥ 到场 means: after the first crew arrived), and the **last**
/// 撤离 once every vehicle that arrived has withdrawn (结束 ≤ 撤离: the last crew leaves after the
/// end; a crew released earlier may leave before it). Per-vehicle 中途返回 and 归队 are the
/// vehicles' own ([`vehicle_timeline`]).
pub fn incident_timeline(marks: &[Mark], reported_at: DateTime<Utc>, fire_out_on_arrival: bool) -> Timeline {
    let mut t = Timeline { fire_out_on_arrival, ..Default::default() };
    let mut arrived: Vec<i64> = Vec::new();
    let mut withdrawn: Vec<(i64, DateTime<Utc>)> = Vec::new();
    for m in marks {
        match m.stage {
            Stage::MidwayReturn | Stage::Returned => {}
            Stage::Withdrawn => withdrawn.extend(m.vehicle_id.map(|v| (v, m.at))),
            Stage::Arrival => {
                arrived.extend(m.vehicle_id);
                m.stage.set(&mut t, m.at);
            }
            _ => m.stage.set(&mut t, m.at),
        }
    }
    if !arrived.is_empty() && arrived.iter().all(|v| withdrawn.iter().any(|(w, _)| w == v)) {
        t.withdrawn = withdrawn.iter().filter(|(w, _)| arrived.contains(w)).map(|(_, at)| *at).max();
    }
    if t.alarm.is_none() {
        t.alarm = Some(reported_at);
    }
    t
}

/// Checks a new entry against those recorded. Every entry is checked against the incident's
/// timeline ([`incident_timeline`]: a vehicle's 出动, 到场 or 撤离 may change its first 出动, first
/// 到场 or last 撤离); a per-vehicle entry also against that vehicle's own ([`vehicle_timeline`],
/// `vehicles` giving each vehicle sent with its road distance in km), whose average speed alone
/// is judged. Errors are impossible orders; warnings are implausible values. Times in the
/// refusals are Asia/Shanghai to the second, in the message and in the parameters.
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
        let reason =
            format!("{}时间（{}）不能晚于当前时间 (the time is in the future)", new.stage.zh(), local_time(new.at));
        out.errors.push(
            FieldError::new("at", kernel::IN_FUTURE, reason)
                .with("stage", new.stage.code())
                .with("at", param_time(new.at))
                .with("now", param_time(now)),
        );
        return out;
    }
    // Every stage but 起火 follows 接警 (出动 ≥ 接警 and the later stages ≥ 出动, §8.3, transitively).
    let alarm = marks.iter().filter(|m| m.stage == Stage::Alarm).map(|m| m.at).min().unwrap_or(reported_at);
    if !matches!(new.stage, Stage::Ignition | Stage::Alarm) && new.at < alarm {
        let reason = format!(
            "{}时间不能早于接警时间（{}时间 {}，接警时间 {}；依据：{TIMELINE_SOURCE}）",
            new.stage.zh(),
            new.stage.zh(),
            local_time(new.at),
            local_time(alarm)
        );
        out.errors.push(
            FieldError::new(new.stage.code(), kernel::TIMELINE_BEFORE_RECEIVED, reason)
                .with("stage", new.stage.code())
                .with("at", param_time(new.at))
                .with("alarm", param_time(alarm))
                .with("source", TIMELINE_SOURCE),
        );
        return out;
    }
    let mut all = marks.to_vec();
    all.push(new.clone());
    let mut checks = vec![incident_timeline(&all, reported_at, fire_out_on_arrival).check(now)];
    if let (true, Some(v)) = (new.stage.per_vehicle(), new.vehicle_id) {
        let d = vehicles.iter().find(|(x, _)| *x == v).and_then(|(_, d)| *d);
        let own = vehicle_timeline(&all, v, reported_at, d).check(now);
        // Speed is judged only for the vehicle whose 出动 or 到场 is being recorded.
        out.warnings.extend(own.warnings.iter().cloned());
        checks.push(own);
    }
    for c in checks {
        for e in c.errors {
            if !out.errors.contains(&e) {
                out.errors.push(e);
            }
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
        let t = incident_timeline(&marks, at(0), false);
        assert_eq!((t.deploy, t.arrival, t.alarm), (Some(at(8)), Some(at(6)), Some(at(0))), "the first arrival");
        let t = vehicle_timeline(&marks, 2, at(0), None);
        assert_eq!((t.deploy, t.arrival, t.alarm), (None, Some(at(7)), Some(at(0))), "a vehicle's own stages only");
    }

    /// Two vehicles: the first arrives and deploys, water on; the second arrives after 出水 (a
    /// reinforcement), both withdraw and return.
    #[test]
    fn a_reinforcement_arriving_after_water_on_is_accepted() {
        let vehicles = [(7, Some(3.0)), (8, Some(6.0))];
        let mut marks = vec![
            mark(Stage::Dispatch, 1, Some(7)),
            mark(Stage::Dispatch, 2, Some(8)),
            mark(Stage::Arrival, 6, Some(7)),
            mark(Stage::Deploy, 7, None),
            mark(Stage::WaterOn, 8, None),
        ];
        let second = mark(Stage::Arrival, 12, Some(8));
        let c = check_entry(&marks, &second, &vehicles, at(0), false, at(60));
        assert!(c.errors.is_empty() && c.warnings.is_empty(), "{c:?}");
        marks.push(second);
        // The first crew is released before the fire is out; the second stays until the end.
        for (m, ok) in [
            (mark(Stage::Withdrawn, 20, Some(7)), true),
            (mark(Stage::Extinguished, 30, None), true),
            (mark(Stage::Ended, 35, None), true),
            (mark(Stage::Returned, 30, Some(7)), true),
            (mark(Stage::Withdrawn, 40, Some(8)), true),
            (mark(Stage::Returned, 50, Some(8)), true),
            (mark(Stage::Closed, 55, None), true),
        ] {
            let c = check_entry(&marks, &m, &vehicles, at(0), false, at(60));
            assert_eq!(c.errors.is_empty(), ok, "{m:?}: {c:?}");
            marks.push(m);
        }
    }

    #[test]
    fn the_national_order_holds_for_the_incident_and_each_vehicle() {
        let vehicles = [(7, Some(3.0)), (8, Some(6.0))];
        let marks =
            vec![mark(Stage::Dispatch, 1, Some(7)), mark(Stage::Deploy, 7, None), mark(Stage::WaterOn, 8, None)];
        // The only vehicle arriving after 出水: the incident's first arrival would follow its 出水.
        let c = check_entry(&marks, &mark(Stage::Arrival, 9, Some(7)), &vehicles, at(0), false, at(60));
        let e = c.errors.iter().find(|e| e.field == "deploy").expect("展开 before the first arrival");
        assert_eq!((e.code.as_str(), &e.params["before"]), ("timeline_order", &serde_json::json!("arrival")));
        assert_eq!(
            (&e.params["at"], &e.params["before_at"]),
            (&serde_json::json!("2026-11-25T16:07:00+08:00"), &serde_json::json!("2026-11-25T16:09:00+08:00"))
        );
        assert!(e.reason.contains("展开时间 2026-11-25 16:07:00，到场时间 2026-11-25 16:09:00"), "{}", e.reason);
        assert_eq!(e.params["source"], TIMELINE_SOURCE);
        // A vehicle's own order: its arrival before its own 出动.
        let c = check_entry(&marks, &mark(Stage::Arrival, 0, Some(7)), &vehicles, at(0), false, at(60));
        assert!(c.errors.iter().any(|e| e.field == "arrival" && e.params["before"] == "dispatch"), "{c:?}");
        // 结束 after the last crew left is refused; a crew released before the end is not the last.
        let marks = vec![
            mark(Stage::Arrival, 6, Some(7)),
            mark(Stage::Arrival, 9, Some(8)),
            mark(Stage::Withdrawn, 20, Some(7)),
            mark(Stage::Ended, 30, None),
        ];
        let c = check_entry(&marks, &mark(Stage::Withdrawn, 25, Some(8)), &vehicles, at(0), false, at(60));
        let e = c.errors.iter().find(|e| e.field == "withdrawn").expect("the last crew left before 结束");
        assert_eq!(e.params["before"], "ended");
        assert!(
            check_entry(&marks, &mark(Stage::Withdrawn, 31, Some(8)), &vehicles, at(0), false, at(60))
                .errors
                .is_empty()
        );
        // The speed warning is the recorded vehicle's only.
        let marks = vec![
            mark(Stage::Dispatch, 1, Some(7)),
            mark(Stage::Arrival, 2, Some(7)),
            mark(Stage::Dispatch, 1, Some(8)),
        ];
        let c = check_entry(&marks, &mark(Stage::Arrival, 13, Some(8)), &vehicles, at(0), false, at(60));
        assert!(c.errors.is_empty() && c.warnings.is_empty(), "vehicle 7's 180 km/h is not vehicle 8's: {c:?}");
    }
}
