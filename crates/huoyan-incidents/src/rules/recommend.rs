//! Recommendation: which vehicles to send, and which stations to alert, for an incident under a
//! plan. The caller supplies the forces with their road travel time to the incident (one
//! one-to-many search of the routing graph) and their vehicles; nothing here does I/O.
//!
//! **Filling the plan.** Only vehicles that are 在队 (`in_station`) at stations that are 执勤 or
//! 减员执勤 and can reach the incident by road are candidates; micro fire stations never fill a
//! plan (they are alerted, below). Requirements naming vehicle types are filled before those
//! accepting any type of a family, so a generic requirement does not take the only vehicle a
//! specific one needs; within a requirement vehicles go fastest first (ties: lower vehicle id). A
//! requirement that cannot be filled is reported in [`Recommendation::unfilled`] with the reason
//! (none in the register, all committed, or unreachable).
//!
//! **Alerts: the 1–3–5 minute principle** (“1-3-5 分钟”联动口径: the unit's micro fire station on
//! scene in 1 minute, neighbouring micro stations and full-time brigades — 区域联防 — in 3 minutes,
//! the fire-rescue station in 5 minutes; a local practice, not a national standard:
//! `docs/standards/stations-jianbiao152.md` §1.8, pages `http://crsrw.com/falvchangshi/115866.html`; the 3-minute arrival of
//! micro stations is also 公消〔2015〕301号). Implemented as:
//! 1. the micro fire station(s) of the incident's own unit are always alerted, whatever their
//!    travel time (they are on site);
//! 2. other micro stations and 政府专职队 / 企业专职队 / 志愿队 whose road travel time is at most
//!    [`AlertRules::joint_s`] (180 s) are alerted, nearest first, at most
//!    [`AlertRules::max_joint`] of them; a brigade already sending a vehicle is not alerted again;
//! 3. every assigned vehicle whose travel time exceeds [`AlertRules::target_s`] (300 s, the
//!    5-minute turnout target of 建标152-2017 第十三条) is flagged, and a warning names the first.

use huoyan_domain::{StationKind, StationStatus, VehicleFamily, VehicleStatus};
use serde::Serialize;
use utoipa::ToSchema;

use crate::rules::plan::Plan;

/// Where the alert rule comes from.
pub const ALERT_SOURCE: &str = "“1-3-5 分钟”联动口径（地方口径，非国标；docs/standards/stations-jianbiao152.md §1.8）；公消〔2015〕301号（微型消防站 3 分钟到场）";

/// Where the 5-minute target comes from.
pub const TARGET_SOURCE: &str = "建标152-2017 第十三条（接到出动指令后 5 min 内到达辖区边缘）";

/// A fire force with its travel time to the incident.
#[derive(Debug, Clone, PartialEq)]
pub struct Force {
    /// Station id.
    pub station_id: i64,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: StationKind,
    /// Readiness.
    pub status: StationStatus,
    /// For micro stations and enterprise brigades: the unit it belongs to.
    pub unit_id: Option<i64>,
    /// Road travel time to the incident, seconds; `None`: cannot reach it.
    pub eta_s: Option<f64>,
}

/// A vehicle of one of the forces.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Vehicle id.
    pub vehicle_id: i64,
    /// Its station.
    pub station_id: i64,
    /// Call sign.
    pub name: String,
    /// Family.
    pub family: VehicleFamily,
    /// Type, e.g. 水罐消防车.
    pub vehicle_type: String,
    /// Status; only `in_station` is available.
    pub status: VehicleStatus,
}

/// The thresholds of the alert rule (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlertRules {
    /// Joint-defence radius by road, seconds (3 minutes).
    pub joint_s: f64,
    /// Most joint-defence forces alerted besides the unit's own.
    pub max_joint: usize,
    /// Turnout target, seconds (5 minutes).
    pub target_s: f64,
}

impl Default for AlertRules {
    fn default() -> Self {
        AlertRules { joint_s: 180.0, max_joint: 3, target_s: 300.0 }
    }
}

/// One recommended vehicle.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Assignment {
    /// Index of the requirement in the plan.
    pub requirement: usize,
    /// The requirement's label.
    pub label: String,
    /// Vehicle id.
    pub vehicle_id: i64,
    /// Call sign.
    pub vehicle_name: String,
    /// Type.
    pub vehicle_type: String,
    /// Family.
    pub family: VehicleFamily,
    /// Station id.
    pub station_id: i64,
    /// Station name.
    pub station_name: String,
    /// Station kind.
    pub station_kind: StationKind,
    /// Road travel time, seconds.
    pub eta_s: f64,
    /// Within the 5-minute target.
    pub within_target: bool,
}

/// A requirement the available forces cannot fill.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Unfilled {
    /// Index of the requirement in the plan.
    pub requirement: usize,
    /// The requirement's label.
    pub label: String,
    /// How many the plan asks for.
    pub wanted: u32,
    /// How many were found.
    pub filled: u32,
    /// Why not more, in Chinese and English.
    pub reason: String,
}

/// Why a station is alerted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AlertReason {
    /// The incident unit's own micro fire station (1 minute).
    OwnMicro,
    /// A micro station or full-time/volunteer brigade within the joint-defence time (3 minutes).
    Joint,
}

/// A station to alert (联动通知).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Alert {
    /// Station id.
    pub station_id: i64,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: StationKind,
    /// Road travel time, seconds (`None`: unknown or unreachable by road).
    pub eta_s: Option<f64>,
    /// Rule that alerted it.
    pub reason: AlertReason,
    /// The rule in words.
    pub text: String,
}

/// The recommendation for one incident.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Recommendation {
    /// The plan used.
    pub plan_id: String,
    /// Its title.
    pub plan_title: String,
    /// Its source.
    pub plan_source: String,
    /// Whether its numbers were verified against the source.
    pub plan_verified: bool,
    /// Vehicles to send, by requirement, fastest first within each.
    pub assignments: Vec<Assignment>,
    /// Requirements not (fully) filled.
    pub unfilled: Vec<Unfilled>,
    /// Stations to alert.
    pub alerts: Vec<Alert>,
    /// Warnings for the dispatcher (e.g. the first vehicle beyond 5 minutes).
    pub warnings: Vec<String>,
}

impl Recommendation {
    /// The ids of the recommended vehicles.
    pub fn vehicle_ids(&self) -> Vec<i64> {
        self.assignments.iter().map(|a| a.vehicle_id).collect()
    }
}

fn usable(s: StationStatus) -> bool {
    matches!(s, StationStatus::OnDuty | StationStatus::Reduced)
}

fn fmt_min(s: f64) -> String {
    format!("{:.1} 分钟", s / 60.0)
}

/// Fills `plan` from `vehicles` of `forces` and chooses the stations to alert.
pub fn recommend(
    plan: &Plan,
    forces: &[Force],
    vehicles: &[Candidate],
    incident_unit: Option<i64>,
    rules: &AlertRules,
) -> Recommendation {
    let force = |id: i64| forces.iter().find(|f| f.station_id == id);
    // Requirements with named types first, then by plan order.
    let mut order: Vec<usize> = (0..plan.requirements.len()).collect();
    order.sort_by_key(|&i| (plan.requirements[i].types.is_empty(), i));
    let mut taken: Vec<i64> = Vec::new();
    let mut assignments = Vec::new();
    let mut unfilled = Vec::new();
    for i in order {
        let req = &plan.requirements[i];
        let matching: Vec<(&Candidate, &Force)> = vehicles
            .iter()
            .filter(|v| req.accepts(v.family, &v.vehicle_type))
            .filter_map(|v| force(v.station_id).filter(|f| f.kind != StationKind::Micro).map(|f| (v, f)))
            .collect();
        let mut free: Vec<(&Candidate, &Force, f64)> = matching
            .iter()
            .filter(|(v, f)| v.status == VehicleStatus::InStation && usable(f.status) && !taken.contains(&v.vehicle_id))
            .filter_map(|(v, f)| f.eta_s.filter(|t| t.is_finite()).map(|t| (*v, *f, t)))
            .collect();
        free.sort_by(|a, b| a.2.total_cmp(&b.2).then(a.0.vehicle_id.cmp(&b.0.vehicle_id)));
        let got = free.len().min(req.count as usize);
        for (v, f, t) in free.into_iter().take(got) {
            taken.push(v.vehicle_id);
            assignments.push(Assignment {
                requirement: i,
                label: req.label.clone(),
                vehicle_id: v.vehicle_id,
                vehicle_name: v.name.clone(),
                vehicle_type: v.vehicle_type.clone(),
                family: v.family,
                station_id: f.station_id,
                station_name: f.name.clone(),
                station_kind: f.kind,
                eta_s: t,
                within_target: t <= rules.target_s,
            });
        }
        if (got as u32) < req.count {
            let committed = matching.iter().filter(|(v, _)| v.status != VehicleStatus::InStation).count();
            let unreachable = matching
                .iter()
                .filter(|(v, f)| v.status == VehicleStatus::InStation && usable(f.status) && f.eta_s.is_none())
                .count();
            let off_duty = matching.iter().filter(|(_, f)| !usable(f.status)).count();
            let reason = if matching.is_empty() {
                "辖区内没有这类车辆 (no vehicle of this kind in the register)".to_string()
            } else {
                let mut parts = Vec::new();
                if committed > 0 {
                    parts.push(format!("{committed} 辆已出动或检修 ({committed} committed or under maintenance)"));
                }
                if unreachable > 0 {
                    parts.push(format!(
                        "{unreachable} 辆无法经道路到达 ({unreachable} cannot reach the incident by road)"
                    ));
                }
                if off_duty > 0 {
                    parts.push(format!("{off_duty} 辆所属队站停勤 ({off_duty} at stations out of service)"));
                }
                if parts.is_empty() {
                    parts.push("可用车辆已用于其他需求 (the available ones fill other requirements)".into());
                }
                parts.join("；")
            };
            unfilled.push(Unfilled {
                requirement: i,
                label: req.label.clone(),
                wanted: req.count,
                filled: got as u32,
                reason,
            });
        }
    }
    // Assignments in plan order, fastest first within a requirement.
    assignments.sort_by(|a, b| a.requirement.cmp(&b.requirement).then(a.eta_s.total_cmp(&b.eta_s)));
    unfilled.sort_by_key(|u| u.requirement);

    let mut alerts = Vec::new();
    for f in forces.iter().filter(|f| {
        f.kind == StationKind::Micro && incident_unit.is_some() && f.unit_id == incident_unit && usable(f.status)
    }) {
        alerts.push(Alert {
            station_id: f.station_id,
            name: f.name.clone(),
            kind: f.kind,
            eta_s: f.eta_s,
            reason: AlertReason::OwnMicro,
            text:
                "本单位微型消防站，1 分钟到场处置初起火灾 (the unit's own micro fire station: on scene within 1 minute)"
                    .into(),
        });
    }
    let sending: Vec<i64> = assignments.iter().map(|a| a.station_id).collect();
    let mut joint: Vec<(&Force, f64)> = forces
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                StationKind::Micro | StationKind::GovFullTime | StationKind::Enterprise | StationKind::Volunteer
            )
        })
        .filter(|f| {
            usable(f.status) && !alerts.iter().any(|a| a.station_id == f.station_id) && !sending.contains(&f.station_id)
        })
        .filter_map(|f| f.eta_s.filter(|t| t.is_finite() && *t <= rules.joint_s).map(|t| (f, t)))
        .collect();
    joint.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.station_id.cmp(&b.0.station_id)));
    for (f, t) in joint.into_iter().take(rules.max_joint) {
        alerts.push(Alert {
            station_id: f.station_id,
            name: f.name.clone(),
            kind: f.kind,
            eta_s: Some(t),
            reason: AlertReason::Joint,
            text: format!(
                "区域联防：{} 内可到场的{}（joint defence: a {} within 3 minutes by road）",
                fmt_min(t),
                f.kind.zh(),
                f.kind.code()
            ),
        });
    }

    let mut warnings = Vec::new();
    if let Some(first) = assignments.iter().min_by(|a, b| a.eta_s.total_cmp(&b.eta_s))
        && first.eta_s > rules.target_s
    {
        warnings.push(format!(
            "首车 {} 预计 {} 到场，超过 5 分钟（{TARGET_SOURCE}）(the first vehicle needs {:.0} s, beyond the 5-minute target)",
            first.vehicle_name,
            fmt_min(first.eta_s),
            first.eta_s
        ));
    }
    if incident_unit.is_some() && !alerts.iter().any(|a| a.reason == AlertReason::OwnMicro) {
        warnings.push("该单位没有执勤的微型消防站 (the unit has no micro fire station on duty)".into());
    }
    if !unfilled.is_empty() {
        let n: u32 = unfilled.iter().map(|u| u.wanted - u.filled).sum();
        warnings.push(format!("方案缺 {n} 辆车，见 unfilled (the plan lacks {n} vehicles; see unfilled)"));
    }
    Recommendation {
        plan_id: plan.id.clone(),
        plan_title: plan.title.clone(),
        plan_source: plan.source.clone(),
        plan_verified: plan.verified,
        assignments,
        unfilled,
        alerts,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::plan::{PlanSet, Target};
    use huoyan_domain::incident::IncidentCategory;

    fn force(id: i64, kind: StationKind, eta: Option<f64>, unit: Option<i64>) -> Force {
        Force {
            station_id: id,
            name: format!("站{id}"),
            kind,
            status: StationStatus::OnDuty,
            unit_id: unit,
            eta_s: eta,
        }
    }

    fn vehicle(id: i64, station: i64, family: VehicleFamily, t: &str) -> Candidate {
        Candidate {
            vehicle_id: id,
            station_id: station,
            name: format!("车{id}"),
            family,
            vehicle_type: t.into(),
            status: VehicleStatus::InStation,
        }
    }

    fn high_rise_2() -> Plan {
        let set = PlanSet::baseline();
        let t = Target {
            category: Some(IncidentCategory::Fire),
            sub_type: Some("high_rise".into()),
            level: 2,
            ..Default::default()
        };
        set.select(&t).unwrap().clone()
    }

    fn city() -> (Vec<Force>, Vec<Candidate>) {
        use VehicleFamily::*;
        let forces = vec![
            force(1, StationKind::Level1, Some(400.0), None),
            force(2, StationKind::Special, Some(200.0), None),
            force(3, StationKind::Level2, None, None), // off the network
            force(4, StationKind::Micro, Some(600.0), Some(77)), // the unit's own, far by road
            force(5, StationKind::Micro, Some(90.0), Some(12)),
            force(6, StationKind::Enterprise, Some(150.0), Some(13)),
            force(7, StationKind::Micro, Some(400.0), Some(14)), // beyond 3 minutes
        ];
        let vehicles = vec![
            vehicle(10, 1, Firefighting, "水罐消防车"),
            vehicle(11, 1, Firefighting, "泡沫消防车"),
            vehicle(12, 1, Aerial, "云梯消防车"),
            vehicle(20, 2, Firefighting, "水罐消防车"),
            vehicle(21, 2, Aerial, "登高平台消防车"),
            vehicle(22, 2, Special, "抢险救援消防车"),
            vehicle(23, 2, Special, "排烟消防车"),
            vehicle(30, 3, Firefighting, "水罐消防车"),
            vehicle(40, 4, Firefighting, "微型消防车"),
            vehicle(50, 5, Firefighting, "微型消防车"),
        ];
        (forces, vehicles)
    }

    #[test]
    fn fills_in_eta_order_and_reports_what_is_missing() {
        let (forces, vehicles) = city();
        let r = recommend(&high_rise_2(), &forces, &vehicles, Some(77), &AlertRules::default());
        let water: Vec<i64> = r.assignments.iter().filter(|a| a.requirement == 0).map(|a| a.vehicle_id).collect();
        assert_eq!(water, vec![20, 10, 11], "fastest first; the micro vehicles and the unreachable one are not used");
        let aerial: Vec<i64> = r.assignments.iter().filter(|a| a.requirement == 1).map(|a| a.vehicle_id).collect();
        assert_eq!(aerial, vec![21, 12]);
        assert!(r.assignments.iter().find(|a| a.vehicle_id == 21).unwrap().within_target);
        assert!(!r.assignments.iter().find(|a| a.vehicle_id == 12).unwrap().within_target);
        let u = &r.unfilled[0];
        assert_eq!((u.requirement, u.wanted, u.filled), (0, 4, 3));
        assert!(u.reason.contains("cannot reach"), "{}", u.reason);
        assert!(r.warnings.iter().any(|w| w.contains("lacks 1")), "{:?}", r.warnings);
    }

    #[test]
    fn committed_vehicles_are_not_recommended() {
        let (forces, mut vehicles) = city();
        for v in vehicles.iter_mut().filter(|v| v.station_id == 2) {
            v.status = VehicleStatus::OnScene;
        }
        vehicles.iter_mut().find(|v| v.vehicle_id == 12).unwrap().status = VehicleStatus::Maintenance;
        let r = recommend(&high_rise_2(), &forces, &vehicles, None, &AlertRules::default());
        assert!(!r.vehicle_ids().iter().any(|id| [20, 21, 22, 23, 12].contains(id)), "{:?}", r.vehicle_ids());
        let aerial = r.unfilled.iter().find(|u| u.requirement == 1).unwrap();
        assert_eq!(aerial.filled, 0);
        assert!(aerial.reason.contains("2 committed"), "{}", aerial.reason);
        // The first vehicle (水罐 at station 1) is beyond 5 minutes now.
        assert!(r.warnings.iter().any(|w| w.contains("beyond the 5-minute target")), "{:?}", r.warnings);
    }

    #[test]
    fn alerts_follow_the_1_3_5_rule() {
        let (forces, vehicles) = city();
        let r = recommend(&high_rise_2(), &forces, &vehicles, Some(77), &AlertRules::default());
        let alerted: Vec<(i64, AlertReason)> = r.alerts.iter().map(|a| (a.station_id, a.reason)).collect();
        // Own micro station although 10 minutes away by road; micro 5 and enterprise 6 within 3 min;
        // micro 7 (400 s) not.
        assert_eq!(alerted, vec![(4, AlertReason::OwnMicro), (5, AlertReason::Joint), (6, AlertReason::Joint)]);
        let r =
            recommend(&high_rise_2(), &forces, &vehicles, Some(99), &AlertRules { max_joint: 1, ..Default::default() });
        assert_eq!(r.alerts.iter().map(|a| a.station_id).collect::<Vec<_>>(), vec![5]);
        assert!(r.warnings.iter().any(|w| w.contains("no micro fire station")));
        // A station out of service is neither alerted nor used.
        let mut forces = forces;
        forces[4].status = StationStatus::OutOfService;
        forces[1].status = StationStatus::OutOfService;
        let r = recommend(&high_rise_2(), &forces, &vehicles, Some(77), &AlertRules::default());
        assert!(!r.alerts.iter().any(|a| a.station_id == 5));
        assert!(!r.assignments.iter().any(|a| a.station_id == 2));
        assert!(r.unfilled.iter().any(|u| u.reason.contains("out of service")), "{:?}", r.unfilled);
    }

    #[test]
    fn specific_requirements_are_filled_before_generic_ones() {
        let mut set = PlanSet::baseline();
        let p = set.plans.iter_mut().find(|p| p.id == "fire.2").unwrap();
        // fire.2: any aerial ×1 (generic) — add a specific platform requirement after it.
        p.requirements.push(crate::rules::plan::Requirement {
            label: "登高平台".into(),
            family: VehicleFamily::Aerial,
            types: vec!["登高平台消防车".into()],
            count: 1,
        });
        let p = p.clone();
        let (forces, vehicles) = city();
        let r = recommend(&p, &forces, &vehicles, None, &AlertRules::default());
        let platform = r.assignments.iter().find(|a| a.label == "登高平台").unwrap();
        assert_eq!(platform.vehicle_id, 21, "the only platform goes to the specific requirement");
        let generic = r.assignments.iter().find(|a| a.label == "举高消防车").unwrap();
        assert_eq!(generic.vehicle_id, 12);
    }

    #[test]
    fn empty_inputs_give_an_empty_answer_not_a_panic() {
        let r = recommend(&high_rise_2(), &[], &[], None, &AlertRules::default());
        assert!(r.assignments.is_empty() && r.alerts.is_empty());
        assert_eq!(r.unfilled.len(), 4);
        assert!(r.unfilled[0].reason.contains("no vehicle of this kind"));
        let bad = vec![force(1, StationKind::Level1, Some(f64::NAN), None)];
        let v = vec![
            vehicle(1, 1, VehicleFamily::Firefighting, "水罐消防车"),
            vehicle(2, 99, VehicleFamily::Firefighting, "水罐消防车"),
        ];
        let r = recommend(&high_rise_2(), &bad, &v, None, &AlertRules::default());
        assert!(r.assignments.is_empty(), "NaN travel times and unknown stations are skipped");
    }
}
