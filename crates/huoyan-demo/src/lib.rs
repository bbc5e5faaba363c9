//! A reproducible generated population for the demo city.
//!
//! `huoyan demo` imports a real city's GIS (stations, hydrants, streets, boundary) and then adds
//! what a Chinese county brigade's register would hold but open data does not: social units
//! (社会单位) with their categories and attributes, 微型消防站 at key units, and the vehicles and
//! people of each station. This crate is the pure generator behind that: no database, no files,
//! no network, and the same output for the same seed and input.
//!
//! - [`generate_units`]: units placed beside real streets, with attributes that give the national
//!   baseline rules a realistic spread of 重点单位, 高危单位, 九小场所 and 三合一场所;
//! - [`generate_micro_stations`]: micro fire stations at the key and high-risk units;
//! - [`generate_crews`]: vehicles and personnel by station kind (建标152-2017), with duty strength;
//! - [`past_incidents`]: a month of past incidents for the 接处警 log and the leader's trend.
//!
//! Records come out with `id = 0` and `jurisdiction_id = 0` (the store assigns both) and units
//! without classes (the store classifies them with its rule set); every record passes its
//! `validate()`. The demo's registering authority is 永宁县, 银川市, 宁夏 (division 640121): credit
//! codes, plates (宁A) and institutional names follow it.

mod codes;
mod crews;
mod history;
mod micro;
mod names;
mod place;
mod profile;
mod sample;
mod trade;
mod units;

pub use crews::{Crews, generate_crews};
pub use history::{PastIncident, past_incidents};
pub use micro::generate_micro_stations;
pub use units::{MAX_UNITS, generate_units};

/// The seed `huoyan demo` uses unless told otherwise.
pub const DEFAULT_SEED: u64 = 20261125;
