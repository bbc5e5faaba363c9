//! Digital pre-plans (数字化预案) of key units: the document's sections, their checks, and the
//! completeness score the plans ask to be 100 % (预案制定率、完整度 100%, the local 十四五 fire plans).
//!
//! Eleven sections, equal weight: building facts, floors, occupancy, hazardous materials, fire
//! facilities, key parts, water sources within reach, access routes, attack notes, evacuation notes,
//! attachments (floor plans). A list section a unit may truly have nothing in (hazardous
//! materials, fire facilities, water sources) counts as present when it was *filled in*, also as
//! an explicit empty list (`[]` = "checked: none"); absent (`null`) means not filled in. The other
//! list sections need at least one entry; notes need non-blank text; attachments at least one file.

use huoyan_domain::FieldError;
use huoyan_domain::validate::code;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Longest free-text note, characters.
pub const MAX_NOTE: usize = 20_000;
/// Most entries in one list section.
pub const MAX_ENTRIES: usize = 500;

/// The sections of a pre-plan, in the order they are scored and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// 建筑信息.
    Building,
    /// 楼层情况.
    Floors,
    /// 人员情况.
    Occupancy,
    /// 危险化学品.
    HazardousMaterials,
    /// 消防设施.
    FireFacilities,
    /// 重点部位.
    KeyParts,
    /// 周边水源.
    WaterSources,
    /// 行车路线与消防车道.
    AccessRoutes,
    /// 灭火救援要点.
    AttackNotes,
    /// 疏散要点.
    EvacuationNotes,
    /// 附件（平面图）.
    Attachments,
}

impl Section {
    /// Every section, in order.
    pub const ALL: [Section; 11] = [
        Section::Building,
        Section::Floors,
        Section::Occupancy,
        Section::HazardousMaterials,
        Section::FireFacilities,
        Section::KeyParts,
        Section::WaterSources,
        Section::AccessRoutes,
        Section::AttackNotes,
        Section::EvacuationNotes,
        Section::Attachments,
    ];

    /// The users' term.
    pub fn zh(self) -> &'static str {
        match self {
            Section::Building => "建筑信息",
            Section::Floors => "楼层情况",
            Section::Occupancy => "人员情况",
            Section::HazardousMaterials => "危险化学品",
            Section::FireFacilities => "消防设施",
            Section::KeyParts => "重点部位",
            Section::WaterSources => "周边水源",
            Section::AccessRoutes => "行车路线与消防车道",
            Section::AttackNotes => "灭火救援要点",
            Section::EvacuationNotes => "疏散要点",
            Section::Attachments => "附件（平面图）",
        }
    }
}

/// Building facts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BuildingFacts {
    /// Structure, e.g. 钢筋混凝土框架.
    #[serde(default)]
    pub structure: Option<String>,
    /// Fire-resistance rating, e.g. 一级.
    #[serde(default)]
    pub fire_resistance: Option<String>,
    /// Height, m.
    #[serde(default)]
    pub height_m: Option<f64>,
    /// Floors above ground.
    #[serde(default)]
    pub floors_above: Option<i64>,
    /// Floors below ground.
    #[serde(default)]
    pub floors_below: Option<i64>,
    /// Total floor area, m².
    #[serde(default)]
    pub area_m2: Option<f64>,
    /// Other facts.
    #[serde(default)]
    pub notes: Option<String>,
}

/// One floor or group of floors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Floor {
    /// Floor(s), e.g. `1`, `-2`, `3-10`.
    pub floor: String,
    /// Use, e.g. 商场, 车库.
    pub usage: String,
    /// Area, m².
    #[serde(default)]
    pub area_m2: Option<f64>,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
}

/// People in the building.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Occupancy {
    /// People by day.
    #[serde(default)]
    pub day: Option<i64>,
    /// People by night.
    #[serde(default)]
    pub night: Option<i64>,
    /// Notes (e.g. bedridden patients, children).
    #[serde(default)]
    pub notes: Option<String>,
}

/// A named entry with a location and notes (hazardous material, facility, key part, route).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Name, e.g. 液化石油气, 室内消火栓系统, 配电室, 东侧消防车道.
    pub name: String,
    /// Where.
    #[serde(default)]
    pub location: Option<String>,
    /// Quantity, capacity, width … as text.
    #[serde(default)]
    pub quantity: Option<String>,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
}

/// A water source within reach of the unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WaterRef {
    /// The water source record, when it is in the register.
    #[serde(default)]
    pub water_source_id: Option<i64>,
    /// Description, e.g. 东门外 DN150 地上消火栓.
    pub description: String,
    /// Distance by road, m.
    #[serde(default)]
    pub distance_m: Option<f64>,
}

/// The pre-plan document (attachments are kept beside it and counted by the store).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PrePlanDoc {
    /// 建筑信息.
    #[serde(default)]
    pub building: Option<BuildingFacts>,
    /// 楼层情况.
    #[serde(default)]
    pub floors: Vec<Floor>,
    /// 人员情况.
    #[serde(default)]
    pub occupancy: Option<Occupancy>,
    /// 危险化学品 (`[]`: checked, none).
    #[serde(default)]
    pub hazardous_materials: Option<Vec<Entry>>,
    /// 消防设施 (`[]`: checked, none).
    #[serde(default)]
    pub fire_facilities: Option<Vec<Entry>>,
    /// 重点部位.
    #[serde(default)]
    pub key_parts: Vec<Entry>,
    /// 周边水源 (`[]`: checked, none within reach).
    #[serde(default)]
    pub water_sources: Option<Vec<WaterRef>>,
    /// 行车路线与消防车道.
    #[serde(default)]
    pub access_routes: Vec<Entry>,
    /// 灭火救援要点.
    #[serde(default)]
    pub attack_notes: Option<String>,
    /// 疏散要点.
    #[serde(default)]
    pub evacuation_notes: Option<String>,
}

/// How complete a pre-plan is.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Completeness {
    /// Share of sections present, 0–100, one decimal.
    pub percent: f64,
    /// Sections present.
    pub present: Vec<Section>,
    /// Sections missing.
    pub missing: Vec<Section>,
    /// The missing sections' Chinese terms, for display.
    pub missing_zh: Vec<String>,
}

fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|s| s.trim().is_empty())
}

impl PrePlanDoc {
    /// Whether a section is present (see the module documentation); `attachments` is their count.
    pub fn has(&self, s: Section, attachments: usize) -> bool {
        match s {
            Section::Building => self.building.as_ref().is_some_and(|b| {
                b.floors_above.is_some() || b.height_m.is_some() || b.area_m2.is_some() || !blank(&b.structure)
            }),
            Section::Floors => !self.floors.is_empty(),
            Section::Occupancy => {
                self.occupancy.as_ref().is_some_and(|o| o.day.is_some() || o.night.is_some() || !blank(&o.notes))
            }
            Section::HazardousMaterials => self.hazardous_materials.is_some(),
            Section::FireFacilities => self.fire_facilities.is_some(),
            Section::KeyParts => !self.key_parts.is_empty(),
            Section::WaterSources => self.water_sources.is_some(),
            Section::AccessRoutes => !self.access_routes.is_empty(),
            Section::AttackNotes => !blank(&self.attack_notes),
            Section::EvacuationNotes => !blank(&self.evacuation_notes),
            Section::Attachments => attachments > 0,
        }
    }

    /// The completeness score with `attachments` files attached.
    pub fn completeness(&self, attachments: usize) -> Completeness {
        let (present, missing): (Vec<Section>, Vec<Section>) =
            Section::ALL.iter().partition(|s| self.has(**s, attachments));
        let percent = (present.len() as f64 * 1000.0 / Section::ALL.len() as f64).round() / 10.0;
        Completeness { percent, missing_zh: missing.iter().map(|s| s.zh().to_string()).collect(), present, missing }
    }

    /// Checks every field; all failures are reported.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errs = Vec::new();
        let mut fail = |e: FieldError| errs.push(e);
        let bad_text = |f: String, max: usize, r: &str| FieldError::new(f, super::code::BAD_TEXT, r).with("max", max);
        let text = |v: &str, max: usize| {
            v.chars().count() <= max && !v.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
        };
        let num = |v: Option<f64>, max: f64| v.is_none_or(|x| x.is_finite() && (0.0..=max).contains(&x));
        let int = |v: Option<i64>, max: i64| v.is_none_or(|x| (0..=max).contains(&x));
        if let Some(b) = &self.building {
            for (f, v) in [("structure", &b.structure), ("fire_resistance", &b.fire_resistance), ("notes", &b.notes)] {
                if v.as_deref().is_some_and(|v| !text(v, MAX_NOTE)) {
                    fail(bad_text(format!("building.{f}"), MAX_NOTE, "too long or has control characters"));
                }
            }
            if !num(b.height_m, 1000.0)
                || !num(b.area_m2, 10_000_000.0)
                || !int(b.floors_above, 200)
                || !int(b.floors_below, 20)
            {
                fail(FieldError::new(
                    "building",
                    code::OUT_OF_RANGE,
                    "height 0–1000 m, area 0–10,000,000 m², floors 0–200 above and 0–20 below",
                ));
            }
        }
        if let Some(o) = &self.occupancy {
            if !int(o.day, 10_000_000) || !int(o.night, 10_000_000) {
                fail(
                    FieldError::new("occupancy", code::OUT_OF_RANGE, "people must be 0–10,000,000")
                        .with("min", 0)
                        .with("max", 10_000_000),
                );
            }
            if o.notes.as_deref().is_some_and(|v| !text(v, MAX_NOTE)) {
                fail(bad_text("occupancy.notes".into(), MAX_NOTE, "too long or has control characters"));
            }
        }
        let mut lists: Vec<(&str, Vec<&Entry>)> = vec![
            ("key_parts", self.key_parts.iter().collect()),
            ("access_routes", self.access_routes.iter().collect()),
        ];
        if let Some(h) = &self.hazardous_materials {
            lists.push(("hazardous_materials", h.iter().collect()));
        }
        if let Some(h) = &self.fire_facilities {
            lists.push(("fire_facilities", h.iter().collect()));
        }
        for (name, list) in lists {
            if list.len() > MAX_ENTRIES {
                fail(FieldError::new(name, code::TOO_MANY, "more than 500 entries").with("max", MAX_ENTRIES));
            }
            for (i, e) in list.iter().enumerate() {
                if e.name.trim().is_empty() || !text(&e.name, 500) {
                    let e = bad_text(
                        format!("{name}[{i}].name"),
                        500,
                        "must be 1–500 characters without control characters",
                    );
                    fail(e.with("min", 1));
                }
                for v in [&e.location, &e.quantity, &e.notes].into_iter().flatten() {
                    if !text(v, MAX_NOTE) {
                        fail(bad_text(format!("{name}[{i}]"), MAX_NOTE, "text too long or has control characters"));
                    }
                }
            }
        }
        if self.floors.len() > MAX_ENTRIES {
            fail(FieldError::new("floors", code::TOO_MANY, "more than 500 entries").with("max", MAX_ENTRIES));
        }
        for (i, f) in self.floors.iter().enumerate() {
            if f.floor.trim().is_empty() || !text(&f.floor, 50) || !text(&f.usage, 500) || !num(f.area_m2, 10_000_000.0)
            {
                let reason = "floor 1–50 characters, usage at most 500, area 0–10,000,000 m²";
                fail(FieldError::new(format!("floors[{i}]"), code::INVALID, reason));
            }
        }
        if let Some(w) = &self.water_sources {
            if w.len() > MAX_ENTRIES {
                fail(
                    FieldError::new("water_sources", code::TOO_MANY, "more than 500 entries").with("max", MAX_ENTRIES),
                );
            }
            for (i, x) in w.iter().enumerate() {
                if x.description.trim().is_empty()
                    || !text(&x.description, 500)
                    || !num(x.distance_m, 100_000.0)
                    || x.water_source_id.is_some_and(|id| id <= 0)
                {
                    let reason = "description 1–500 characters, distance 0–100,000 m, id positive";
                    fail(FieldError::new(format!("water_sources[{i}]"), code::INVALID, reason));
                }
            }
        }
        for (f, v) in [("attack_notes", &self.attack_notes), ("evacuation_notes", &self.evacuation_notes)] {
            if v.as_deref().is_some_and(|v| !text(v, MAX_NOTE)) {
                fail(bad_text(f.into(), MAX_NOTE, "longer than 20,000 characters or has control characters"));
            }
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: &str) -> Entry {
        Entry { name: n.into(), location: None, quantity: None, notes: None }
    }

    fn full() -> PrePlanDoc {
        PrePlanDoc {
            building: Some(BuildingFacts { floors_above: Some(24), height_m: Some(80.0), ..Default::default() }),
            floors: vec![Floor { floor: "1-3".into(), usage: "商场".into(), area_m2: Some(9000.0), notes: None }],
            occupancy: Some(Occupancy { day: Some(3000), night: Some(200), notes: None }),
            hazardous_materials: Some(vec![]),
            fire_facilities: Some(vec![entry("自动喷水灭火系统")]),
            key_parts: vec![entry("配电室")],
            water_sources: Some(vec![WaterRef {
                water_source_id: Some(3),
                description: "东门外地上消火栓".into(),
                distance_m: Some(80.0),
            }]),
            access_routes: vec![entry("东侧消防车道")],
            attack_notes: Some("内攻控制中庭".into()),
            evacuation_notes: Some("疏散至南广场".into()),
        }
    }

    #[test]
    fn an_empty_plan_scores_zero_and_names_every_section() {
        let c = PrePlanDoc::default().completeness(0);
        assert_eq!(c.percent, 0.0);
        assert_eq!(c.missing.len(), 11);
        assert_eq!(c.missing_zh[0], "建筑信息");
    }

    #[test]
    fn a_full_plan_with_a_floor_plan_scores_100() {
        let d = full();
        assert_eq!(d.completeness(1).percent, 100.0);
        let c = d.completeness(0);
        assert_eq!(c.missing, vec![Section::Attachments]);
        assert_eq!(c.percent, 90.9);
    }

    #[test]
    fn explicit_none_counts_but_absent_and_blank_do_not() {
        let mut d = full();
        d.hazardous_materials = None;
        d.attack_notes = Some("   ".into());
        d.building = Some(BuildingFacts::default());
        let c = d.completeness(2);
        assert_eq!(c.missing, vec![Section::Building, Section::HazardousMaterials, Section::AttackNotes]);
        assert_eq!(c.percent, 72.7);
    }

    #[test]
    fn bad_values_are_refused_by_field() {
        let mut d = full();
        d.key_parts.push(entry(""));
        d.building.as_mut().unwrap().height_m = Some(f64::NAN);
        d.attack_notes = Some("x".repeat(MAX_NOTE + 1));
        d.water_sources = Some(vec![WaterRef { water_source_id: Some(-1), description: "a".into(), distance_m: None }]);
        let fields: Vec<String> = d.validate().unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["building", "key_parts[1].name", "water_sources[0]", "attack_notes"]);
        assert!(full().validate().is_ok());
        let err = serde_json::from_str::<PrePlanDoc>(r#"{"colour": "red"}"#).unwrap_err().to_string();
        assert!(err.contains("unknown field"), "{err}");
    }
}
