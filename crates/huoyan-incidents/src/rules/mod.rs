//! Huoyan's dispatch logic (调度), with no I/O:
//!
//! - [`plan`]: dispatch plans (调派方案) as data — a TOML [`PlanSet`] keyed by incident category ×
//!   sub-type × response level × target class, each plan citing its source; loading, checks with
//!   typed errors ([`PlanError`]), and selection of the most specific matching plan;
//! - [`recommend`](mod@recommend): filling a plan from the available vehicles in road travel-time order, the
//!   micro-fire-station alerts of the 1–3–5 minute principle, and what could not be filled;
//! - [`preplan`]: the digital pre-plan (数字化预案) document of a key unit and its completeness score;
//! - [`timeline`]: timeline stages as entries, their checks, and the vehicle status flow they drive.
//!
//! The store persists incidents, dispatches and pre-plans; the server computes travel times with
//! `huoyan-geo` and calls in here.

pub mod plan;
pub mod preplan;
pub mod recommend;
pub mod timeline;

pub use plan::{CN_BASELINE, MAX_LEVEL, Plan, PlanError, PlanSet, Requirement, SubType, Target};
pub use preplan::{Completeness, PrePlanDoc, Section};
pub use recommend::{
    ALERT_SOURCE, Alert, AlertReason, AlertRules, Assignment, Candidate, Force, Recommendation, TARGET_SOURCE,
    Unfilled, recommend,
};
pub use timeline::{Mark, Stage, advance, check_entry, timeline_of};
