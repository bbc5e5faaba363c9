//! Huoyan's remote monitoring centre (远程监控中心), after the gateway has stored the frames:
//!
//! - [`kinds`]: alarm kinds, levels and operator results with their Chinese terms;
//! - [`signals`]: what a stored GB/T 26875.3 frame means (火警 of a component, a UITD fault …);
//! - [`framelog`]: one Chinese line per stored frame for the operator's frame log;
//! - [`engine`]: the task filing signals as merged alarms from a crash-safe cursor, presence
//!   (离线) and escalation (超时未处理);
//! - [`thresholds`]: sensor threshold rules as data, each citing its source, and their evaluation;
//! - [`ingest`]: the sensor reading payload (HTTP and MQTT), checked and stored;
//! - [`webhook`]: at-least-once delivery of a confirmed fire to the 119 side;
//! - [`sources`]: allowed source addresses (CIDRs) of a UITD's connections and of the gateway.
//!
//! - [`store`]: the module's tables behind [`store::Monitoring`] (devices, the frame log, sensor
//!   readings, alarms, threshold rule sets, KPIs);
//! - [`api`]: **the module's public interface to other modules** (the incidents module takes an
//!   incident in from a confirmed 火警 through it); other modules use it, not [`store`];
//! - [`routes`]: `router()` and the OpenAPI of `/alarms`, `/devices`, `/sensors`, `/thresholds`;
//! - [`events`]: what the console's live panel shows for an alarm;
//! - [`code`]: the module's error codes (beside the kernel's, `huoyan_domain::validate::code`).
//!
//! Transports are crates of their own: the MQTT client and embedded endpoint (`huoyan-mqtt`)
//! deliver readings to [`ingest`]; the GB/T 26875.3 gateway (`huoyan-gateway`) writes through [`store::Monitoring::store_frames`].

pub mod api;
pub mod engine;
pub mod events;
pub mod framelog;
pub mod ingest;
pub mod kinds;
pub mod routes;
pub mod signals;
pub mod silence;
pub mod sources;
pub mod store;
pub mod thresholds;
pub mod webhook;

pub use engine::{Engine, MonitorConfig, OnChange};
pub use store::SCHEMA;

/// The monitoring module's error codes, with their parameters (the kernel's — `required`,
/// `out_of_range`, `unknown_reference`, … — are `huoyan_domain::validate::code`). Listed in
/// `docs/ARCHITECTURE.md`, "Error codes".
pub mod code {
    /// A UITD address that is not 6 bytes written as 12 hex digits.
    pub const BAD_UITD_ADDRESS: &str = "bad_uitd_address";
    /// A sensor address (`device`, in a rule) that is not 4–64 characters of `a-z 0-9 - _`.
    pub const BAD_SENSOR_ADDRESS: &str = "bad_sensor_address";
    /// 409: a device with `address` is already registered.
    pub const ADDRESS_TAKEN: &str = "address_taken";
    /// A `measurement` sensor (a hydrant's pressure) names the water source it watches.
    pub const WATER_SOURCE_REQUIRED: &str = "water_source_required";
    /// A reading's `unit` is not its measurement's (`expected`; `measurement`): no conversion.
    pub const WRONG_UNIT: &str = "wrong_unit";
    /// A reading older than `max_days` days (`value`: its time).
    pub const TOO_OLD: &str = "too_old";
    /// The payload's address is not the sensor's the message is for.
    pub const ADDRESS_MISMATCH: &str = "address_mismatch";
    /// MQTT (logged, never answered): the payload's token is not the one the connection
    /// authenticated with.
    pub const TOKEN_MISMATCH: &str = "token_mismatch";
    /// MQTT (logged): the topic does not match the configured pattern.
    pub const TOPIC_MISMATCH: &str = "topic_mismatch";
    /// The alarm `id` is a `kind` alarm, not a 火警: it does not become an incident.
    pub const ALARM_NOT_FIRE: &str = "alarm_not_fire";
    /// The 火警 `id` is not confirmed as real (确认真实火警) yet.
    pub const ALARM_NOT_CONFIRMED: &str = "alarm_not_confirmed";
    /// 409: the alarm `id` already became incident `incident` (absent when not known).
    pub const ALARM_HAS_INCIDENT: &str = "alarm_has_incident";
    /// 409: the alarm `id` was already handled by `by` at `at` with `result`.
    pub const ALARM_HANDLED: &str = "alarm_handled";
    /// A batch (`POST /alarms/handle`) asked for `real`: a real alarm is confirmed one by one
    /// (`allowed`: the batch's results).
    pub const REAL_ONE_BY_ONE: &str = "real_one_by_one";
    /// Threshold rules (field `rules`): not a rule set; `line` and `column` when known.
    pub const RULES_SYNTAX: &str = "rules_syntax";
    /// Threshold rules: the set's `id` and `name` must not be empty.
    pub const RULES_ID_NAME: &str = "rules_id_name";
    /// Threshold rules: `min`..`max` rules (`list`: `rule` or `silence`).
    pub const RULES_COUNT: &str = "rules_count";
    // The codes below are about one rule: their parameters also hold `rule` (its 1-based number)
    // or `silence_rule` (among the silence rules), and its `measurement`.
    /// The rule's measurement is not one Huoyan knows.
    pub const UNKNOWN_MEASUREMENT: &str = "unknown_measurement";
    /// The threshold is not a finite number of magnitude at most `max`.
    pub const RULE_VALUE: &str = "rule_value";
    /// The hysteresis is not a number within `min`..`max`.
    pub const RULE_HYSTERESIS: &str = "rule_hysteresis";
    /// The silence limit is not within `min`..`max` seconds.
    pub const SILENCE_AFTER: &str = "silence_after";
    /// `kind` is not a sensor alarm kind.
    pub const NOT_SENSOR_ALARM_KIND: &str = "not_sensor_alarm_kind";
    /// The rule cites no source (standard and clause, or 本地设定).
    pub const SOURCE_REQUIRED: &str = "source_required";
    /// A fire rule must not recover by itself (`recovers = false`).
    pub const FIRE_RECOVERS: &str = "fire_recovers";
    /// The rule names `device`, which is not a registered sensor.
    pub const UNREGISTERED_SENSOR: &str = "unregistered_sensor";
    /// The rule names `device`, which measures `has`, not the rule's `want`.
    pub const SENSOR_MEASUREMENT: &str = "sensor_measurement";
    // Allowed source addresses of a UITD (`allowed_sources[i]`, `crate::sources`).
    /// `value` is not an IP address or a CIDR network.
    pub const BAD_CIDR: &str = "bad_cidr";
    /// `value`'s prefix is longer than `max` (32 for IPv4, 128 for IPv6).
    pub const CIDR_PREFIX: &str = "cidr_prefix";
    /// `value` has bits set beyond its prefix; `network` is the network it lies in.
    pub const CIDR_HOST_BITS: &str = "cidr_host_bits";
    /// Allowed sources are for UITDs (GB/T 26875.3 over TCP); a sensor authenticates by its token.
    pub const SOURCES_UITD_ONLY: &str = "sources_uitd_only";
}

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
