//! Huoyan's remote monitoring centre (远程监控中心), after the gateway has stored the frames:
//!
//! - [`kinds`]: alarm kinds, levels and operator results with their Chinese terms;
//! - [`signals`]: what a stored GB/T 26875.3 frame means (火警 of a component, a UITD fault …);
//! - [`engine`]: the task filing signals as merged alarms from a crash-safe cursor, presence
//!   (离线) and escalation (超时未处理);
//! - [`thresholds`]: sensor threshold rules as data, each citing its source, and their evaluation;
//! - [`ingest`]: the sensor reading payload (HTTP and MQTT), checked and stored;
//! - [`mqtt`]: the MQTT client subscribing to an external broker (Mosquitto …);
//! - [`webhook`]: at-least-once delivery of a confirmed fire to the 119 side.
//!
//! Storage is `huoyan_store::alarms`; the HTTP side (operator queue, live push) is in the server.

pub mod engine;
pub mod kinds;
pub mod mqtt;
pub mod ingest;
pub mod signals;
pub mod thresholds;
pub mod webhook;

pub use engine::{Engine, MonitorConfig, OnChange};
