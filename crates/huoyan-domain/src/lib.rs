//! Huoyan's base model and its rules, with no I/O.
//!
//! - [`terms`](mod@terms): the closed vocabularies (station kinds, water-source status, use categories, roles …),
//!   each value with its code and the users' Chinese term;
//! - [`model`]: the records (roads, buildings, stations, vehicles, personnel, water sources, units)
//!   and the [`model::Record`] trait the store is generic over;
//! - [`jurisdiction`] and [`account`]: the jurisdiction tree and accounts;
//! - [`classify`]: unit classification (重点单位, 高危单位, 九小场所, 三合一) from rule sets kept as data;
//! - [`access`]: which role may read or change what;
//! - [`incident`]: incident categories, fire grading and the dispatch timeline's checks;
//! - [`validate`], [`geometry`], [`uscc`]: field checks, WGS84 geometry helpers, and the
//!   统一社会信用代码 check character.
//!
//! Storage, HTTP and import live in other crates; everything here is plain data and functions.

#[macro_use]
pub mod terms;
pub mod access;
pub mod account;
pub mod classify;
pub mod geometry;
pub mod incident;
pub mod jurisdiction;
pub mod model;
pub mod uscc;
pub mod validate;

pub use classify::RuleSet;
pub use model::{Building, EntityKind, Person, Record, Road, Station, Unit, UnitMetrics, Vehicle, WaterSource};
pub use terms::*;
pub use validate::{FieldError, Params, Refusal};
