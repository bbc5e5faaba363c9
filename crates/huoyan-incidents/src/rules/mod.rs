//! Huoyan's dispatch logic (调度), with no I/O:
//!
//! - [`plan`]: dispatch plans (调派方案) as data — a TOML [`PlanSet`] keyed by incident category ×
//!   sub-type × response level × target class, each plan citing its source; loading, checks with
//!   typed errors ([`PlanError`]), and selection of the most specific matching plan;
//! - [`recommend`](mod@recommend): filling a plan from the available vehicles in road travel-time order, the
//!   micro-fire-station alerts of the 1–3–5 minute principle, and what could not be filled;
//! - [`preplan`]: the digital pre-plan (数字化预案) document of a key unit and its completeness score;
//! - [`timeline`]: timeline stages as entries, their checks, and the vehicle status flow they drive;
//! - [`number`]: the readable 接警编号 (`2026-000123`);
//! - [`code`]: the module's error codes (beside the kernel's, `huoyan_domain::validate::code`).
//!
//! The store persists incidents, dispatches and pre-plans; the server computes travel times with
//! `huoyan-geo` and calls in here.

pub mod number;
pub mod plan;
pub mod preplan;
pub mod recommend;
pub mod timeline;

pub use number::{incident_number, number_year};
pub use plan::{CN_BASELINE, MAX_LEVEL, Plan, PlanError, PlanSet, Requirement, SubType, Target};
pub use preplan::{Completeness, PrePlanDoc, Section};
pub use recommend::{
    ALERT_SOURCE, Alert, AlertReason, AlertRules, Assignment, Candidate, Force, Recommendation, TARGET_SOURCE,
    Unfilled, recommend,
};
pub use timeline::{Mark, Stage, advance, check_entry, incident_timeline, vehicle_timeline};

/// The incidents module's error codes, with their parameters (the kernel's — `required`,
/// `out_of_range`, `timeline_order`, … — are `huoyan_domain::validate::code`). Listed in
/// `docs/ARCHITECTURE.md`, "Error codes".
pub mod code {
    /// 409: the incident is closed (警情已处置结束); nothing more is recorded or sent.
    pub const INCIDENT_CLOSED: &str = "incident_closed";
    /// 422: the per-vehicle stage `stage` needs `vehicle_id`.
    pub const VEHICLE_REQUIRED: &str = "vehicle_required";
    /// 409: the stage `stage` is already recorded (for this vehicle when `vehicle` is true; then
    /// also `vehicle_id`).
    pub const STAGE_RECORDED: &str = "stage_recorded";
    /// 422 (field `vehicle_ids`): the stage `stage` belongs to the incident, not to vehicles.
    pub const INCIDENT_STAGE: &str = "incident_stage";
    /// 422 (field `vehicle_ids`): give `vehicle_id` or `vehicle_ids`, not both.
    pub const VEHICLE_OR_VEHICLES: &str = "vehicle_or_vehicles";
    /// 422 (field `vehicle_ids`): the vehicle `vehicle_id` is listed twice.
    pub const DUPLICATE_VEHICLE: &str = "duplicate_vehicle";
    /// 409: vehicle `vehicle` (id) is not committed to this incident, or has returned.
    pub const VEHICLE_NOT_COMMITTED: &str = "vehicle_not_committed";
    /// 409: the vehicle's status `status` does not allow recording `stage` (statuses move forward;
    /// from the store also `vehicle_id`).
    pub const VEHICLE_STATE: &str = "vehicle_state";
    /// 409: the fire is out (`stage`: 扑灭 or 结束 is recorded): no vehicle is sent any more
    /// (a reinforcement is for a fire still burning).
    pub const FIRE_OUT: &str = "fire_out";
    /// 409: `n` vehicles are still committed, so the incident cannot be closed.
    pub const VEHICLES_COMMITTED: &str = "vehicles_committed";
    /// 409: vehicle `vehicle` (name) is `status`, not 在队: it cannot be dispatched.
    pub const VEHICLE_NOT_AVAILABLE: &str = "vehicle_not_available";
    /// 409: vehicle `vehicle` (name) is already committed to another incident.
    pub const VEHICLE_COMMITTED_ELSEWHERE: &str = "vehicle_committed_elsewhere";
    /// 409: the vehicle has left (出动); record 中途返回 on the timeline instead of calling it off.
    pub const VEHICLE_LEFT: &str = "vehicle_left";
    /// 409: the vehicle is committed to incident `incident`; its status follows that timeline.
    pub const VEHICLE_ON_INCIDENT: &str = "vehicle_on_incident";
    /// 422: the status `status` comes only from a dispatch (set by hand: 在队 or 检修 only).
    pub const STATUS_FROM_DISPATCH: &str = "status_from_dispatch";
    /// 422: no unit matches `query`.
    pub const NO_MATCH: &str = "no_match";
    /// 422: `n` units match `query`; pick one (`unit_id`).
    pub const AMBIGUOUS: &str = "ambiguous";
    /// 422: no place given: lon and lat, `unit_id` or `unit_query`.
    pub const LOCATION_REQUIRED: &str = "location_required";
    /// 422: the point is not on the road network, or no force can reach it (`reason`: `off_network`
    /// or `unreachable`); send `accept_unroutable: true` to take the call anyway.
    pub const UNROUTABLE: &str = "unroutable";
    /// 422: a dispatch names neither `{"recommended": true}` nor chosen vehicles and alerts, or both.
    pub const RECOMMENDED_OR_CHOSEN: &str = "recommended_or_chosen";
    /// 409: 一键调派 found nothing available to dispatch (see the recommendation's unfilled).
    pub const NOTHING_AVAILABLE: &str = "nothing_available";
    /// 422: the dispatch plan set is refused (the reason names the plan).
    pub const BAD_PLAN_SET: &str = "bad_plan_set";
    /// 422: pre-plans are kept for 重点单位 and 高危单位 only.
    pub const NOT_KEY_UNIT: &str = "not_key_unit";
    /// 422: a file name of `min`..`max` characters without `/`, `\` or control characters.
    pub const BAD_FILE_NAME: &str = "bad_file_name";
    /// 422: an attachment that is not PNG, JPEG, WebP or PDF.
    pub const FILE_TYPE: &str = "file_type";
    /// 422: larger than `max_mib` MiB.
    pub const TOO_LARGE: &str = "too_large";
    /// 422: text longer than `max` characters (or `min`..`max`) or with control characters.
    pub const BAD_TEXT: &str = "bad_text";
}
