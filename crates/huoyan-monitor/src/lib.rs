//! Huoyan's remote monitoring centre (远程监控中心), after the gateway has stored the frames:
//!
//! - [`kinds`]: alarm kinds, levels and operator results with their Chinese terms;
//! - [`signals`]: what a stored GB/T 26875.3 frame means (火警 of a component, a UITD fault …);
//! - [`framelog`]: one Chinese line per stored frame for the operator's frame log;
//! - [`engine`]: the task filing signals as merged alarms from a crash-safe cursor, presence
//!   (离线) and escalation (超时未处理);
//! - [`thresholds`]: sensor threshold rules as data, each citing its source, and their evaluation;
//! - [`ingest`]: the sensor reading payload (HTTP and MQTT), checked and stored;
//! - [`webhook`]: at-least-once delivery of a confirmed fire to the 119 side.
//!
//! - [`store`]: the module's tables behind [`store::Monitoring`] (devices, the frame log, sensor
//!   readings, alarms, threshold rule sets, KPIs);
//! - [`routes`]: `router()` and the OpenAPI of `/alarms`, `/devices`, `/sensors`, `/thresholds`;
//! - [`events`]: what the console's live panel shows for an alarm.
//!
//! Transports are crates of their own: the MQTT client and embedded endpoint (`huoyan-mqtt`)
//! deliver readings to [`ingest`]; the GB/T 26875.3 gateway (`huoyan-gateway`) writes through [`store::Monitoring::store_frames`].

pub mod engine;
pub mod events;
pub mod framelog;
pub mod ingest;
pub mod kinds;
pub mod routes;
pub mod signals;
pub mod silence;
pub mod store;
pub mod thresholds;
pub mod webhook;

pub use engine::{Engine, MonitorConfig, OnChange};
pub use store::SCHEMA;

/// A sample frame of the project's GB/T 26875.3 vectors (the repository's copy in
/// `huoyan-gb26875/tests/data`, so a clone alone builds its tests), decoded, for the tests.
#[cfg(test)]
pub(crate) fn test_vector(name: &str) -> serde_json::Value {
    huoyan_gb26875::decode_hex_to_json(&test_vector_hex(name)).unwrap()
}

/// The hex of a sample frame of the project's GB/T 26875.3 vectors.
#[cfg(test)]
pub(crate) fn test_vector_hex(name: &str) -> String {
    let text = include_str!("../../huoyan-gb26875/tests/data/gb26875-vectors.json");
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    let frame = v["frames"].as_array().unwrap().iter().find(|f| f["name"] == name).unwrap();
    frame["hex"].as_str().unwrap().to_string()
}
