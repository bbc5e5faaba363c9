//! Sensor readings in: one JSON payload for HTTP (`POST /api/v1/sensors/readings`) and MQTT
//! (`huoyan/sensors/{address}/readings`), checked and stored before the device is answered (HTTP
//! 200, MQTT PUBACK); the alarm engine evaluates them afterwards.
//!
//! ```json
//! { "address": "hp-0001",              // HTTP: required; MQTT: optional, must match the topic
//!   "token": "…",                      // MQTT: required; HTTP: or the X-Huoyan-Device-Token header
//!   "readings": [ { "at": "2026-12-02T08:00:00Z", "value": 0.12,
//!                   "metric": "hydrant_pressure",   // optional: the sensor's measurement
//!                   "unit": "MPa" } ] }             // optional: must be the measurement's unit
//! ```
//!
//! Limits: 1–[`MAX_BATCH`] readings; values finite with |value| ≤ [`MAX_ABS_VALUE`]; `at` an RFC 3339
//! time at most [`MAX_FUTURE_SECS`] ahead of the server clock and at most [`MAX_AGE_DAYS`] old. A
//! payload with any bad reading is refused whole (nothing stored).

use crate::store::Monitoring;
use crate::store::frames::{Device, StoredOutcome};
use crate::store::sensors::{NewReading, measurement};
use chrono::{DateTime, SecondsFormat, Utc};
use huoyan_domain::Params;
use huoyan_domain::validate::code as kernel;
use huoyan_store::{Store, StoreError};

use crate::code;
use serde::{Deserialize, Serialize};

/// Most readings in one payload.
pub const MAX_BATCH: usize = 100;
/// Largest accepted magnitude of a value.
pub const MAX_ABS_VALUE: f64 = 1e6;
/// How far a reading's time may be ahead of the server's clock (device clocks drift).
pub const MAX_FUTURE_SECS: i64 = 300;
/// How old a reading may be (a sensor that buffered while its link was down).
pub const MAX_AGE_DAYS: i64 = 7;

/// The payload.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadingsPayload {
    /// The sensor's address.
    #[serde(default)]
    pub address: Option<String>,
    /// Its ingestion token (MQTT; on HTTP the header may carry it instead).
    #[serde(default)]
    pub token: Option<String>,
    /// The readings.
    pub readings: Vec<ReadingIn>,
}

/// One reading in a payload.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadingIn {
    /// When measured (RFC 3339 with offset).
    pub at: String,
    /// The value, in the measurement's unit.
    pub value: f64,
    /// Measurement code; default the sensor's.
    #[serde(default)]
    pub metric: Option<String>,
    /// Unit; when given, must be the measurement's.
    #[serde(default)]
    pub unit: Option<String>,
}

/// What was stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct IngestResult {
    /// New readings stored.
    pub stored: usize,
    /// Readings already stored earlier (same metric and time), not stored again.
    pub duplicates: usize,
    /// Row ids, in payload order.
    pub ids: Vec<i64>,
}

/// Why a payload was refused.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// Not JSON of the payload's shape.
    #[error("malformed payload: {0}")]
    Malformed(String),
    /// Unknown address or wrong token (not told apart).
    #[error("unknown sensor or wrong token")]
    Unauthorized,
    /// A field is wrong.
    #[error("{field}: {reason}")]
    Invalid {
        /// The field path, e.g. `readings[2].value`.
        field: String,
        /// Why.
        reason: String,
        /// The problem's code (`huoyan_domain::validate::code`, `crate::code`).
        code: &'static str,
        /// The code's parameters.
        params: Params,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// An invalid reading or message: the field, its stable code and the reason (the MQTT transport refuses
/// with it too).
pub fn invalid(field: impl Into<String>, code: &'static str, reason: impl Into<String>) -> IngestError {
    IngestError::Invalid { field: field.into(), reason: reason.into(), code, params: Params::new() }
}

impl IngestError {
    /// The same error with the parameter `key` set (for [`IngestError::Invalid`]).
    fn with(mut self, key: &str, value: impl Into<serde_json::Value>) -> IngestError {
        if let IngestError::Invalid { params, .. } = &mut self {
            params.insert(key.into(), value.into());
        }
        self
    }
}

/// Decodes a payload (MQTT; the HTTP server decodes with its own field-naming extractor).
pub fn parse(bytes: &[u8]) -> Result<ReadingsPayload, IngestError> {
    serde_json::from_slice(bytes).map_err(|e| IngestError::Malformed(e.to_string()))
}

/// Checks a payload's readings against the sensor and the clock `now`.
pub fn check(device: &Device, p: &ReadingsPayload, now: DateTime<Utc>) -> Result<Vec<NewReading>, IngestError> {
    if p.readings.is_empty() || p.readings.len() > MAX_BATCH {
        let reason = format!("1–{MAX_BATCH} readings per payload, got {}", p.readings.len());
        return Err(invalid("readings", kernel::COUNT_OUT_OF_RANGE, reason)
            .with("n", p.readings.len())
            .with("min", 1)
            .with("max", MAX_BATCH));
    }
    let own = device.measurement.as_deref().unwrap_or_default();
    let mut out = Vec::with_capacity(p.readings.len());
    for (i, r) in p.readings.iter().enumerate() {
        let f = |name: &str| format!("readings[{i}].{name}");
        let metric = r.metric.as_deref().unwrap_or(own);
        let Some(m) = measurement(metric) else {
            return Err(invalid(f("metric"), kernel::UNKNOWN_VALUE, format!("{metric:?} is not a measurement"))
                .with("value", metric));
        };
        if let Some(u) = &r.unit
            && u != m.unit
        {
            let reason = format!("{} is measured in {}, not {u:?}", m.code, m.unit);
            return Err(invalid(f("unit"), code::WRONG_UNIT, reason)
                .with("unit", u.as_str())
                .with("expected", m.unit)
                .with("measurement", m.code));
        }
        if !r.value.is_finite() || r.value.abs() > MAX_ABS_VALUE {
            let reason = format!("a finite number of magnitude at most {MAX_ABS_VALUE}");
            return Err(invalid(f("value"), kernel::OUT_OF_RANGE, reason)
                .with("value", r.value)
                .with("min", -MAX_ABS_VALUE)
                .with("max", MAX_ABS_VALUE));
        }
        let at = DateTime::parse_from_rfc3339(r.at.trim())
            .map_err(|_| {
                invalid(f("at"), kernel::NOT_A_TIME, format!("{:?} is not an RFC 3339 time", r.at))
                    .with("value", r.at.as_str())
            })?
            .with_timezone(&Utc);
        if at > now + chrono::Duration::seconds(MAX_FUTURE_SECS) {
            let reason = format!("{} is in the future (the device clock is wrong?)", r.at);
            return Err(invalid(f("at"), kernel::IN_FUTURE, reason)
                .with("value", r.at.as_str())
                .with("max_secs", MAX_FUTURE_SECS));
        }
        if at < now - chrono::Duration::days(MAX_AGE_DAYS) {
            let reason = format!("{} is older than {MAX_AGE_DAYS} days", r.at);
            return Err(invalid(f("at"), code::TOO_OLD, reason)
                .with("value", r.at.as_str())
                .with("max_days", MAX_AGE_DAYS));
        }
        out.push(NewReading {
            at: at.to_rfc3339_opts(SecondsFormat::Millis, true),
            metric: m.code.to_string(),
            value: r.value,
            unit: m.unit.to_string(),
        });
    }
    Ok(out)
}

/// Authenticates the sensor, checks the payload and stores its readings (all or none).
pub async fn ingest(
    store: &Store,
    address: &str,
    token: &str,
    p: &ReadingsPayload,
) -> Result<IngestResult, IngestError> {
    if let Some(a) = &p.address
        && !a.trim().eq_ignore_ascii_case(address.trim())
    {
        return Err(invalid("address", code::ADDRESS_MISMATCH, "does not match the sensor the message is for"));
    }
    let device = Monitoring(store).authenticate_sensor(address, token).await?.ok_or(IngestError::Unauthorized)?;
    let readings = check(&device, p, Utc::now())?;
    let outcomes = Monitoring(store).store_readings(&device, &readings).await?;
    let stored = outcomes.iter().filter(|o| matches!(o, StoredOutcome::New { .. })).count();
    Ok(IngestResult { stored, duplicates: outcomes.len() - stored, ids: outcomes.iter().map(|o| o.id()).collect() })
}

impl From<IngestError> for huoyan_api::error::ApiError {
    fn from(e: IngestError) -> huoyan_api::error::ApiError {
        use huoyan_api::error::ApiError;
        match e {
            IngestError::Malformed(m) => ApiError::BadRequest(m),
            IngestError::Unauthorized => ApiError::Unauthorized("unknown sensor or wrong device token".into()),
            IngestError::Invalid { field, reason, code, params } => {
                huoyan_domain::FieldError { params, ..huoyan_domain::FieldError::new(field, code, reason) }.into()
            }
            IngestError::Store(s) => s.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sensor() -> Device {
        Device {
            id: 1,
            jurisdiction_id: 1,
            unit_id: None,
            address: "hp-0001".into(),
            name: "x".into(),
            registered_at: String::new(),
            last_seen_at: None,
            online: false,
            kind: "sensor".into(),
            measurement: Some("hydrant_pressure".into()),
            building_id: None,
            water_source_id: Some(1),
            last_value: None,
            allowed_sources: Vec::new(),
            refused_count: 0,
            last_refused_at: None,
            last_refused_from: None,
            last_refused_reason: None,
        }
    }

    fn payload(json: serde_json::Value) -> ReadingsPayload {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn a_good_payload_is_normalised() {
        let now = Utc::now();
        let at = (now - chrono::Duration::minutes(1)).to_rfc3339();
        let r = check(&sensor(), &payload(serde_json::json!({"readings": [{"at": at, "value": 0.12}]})), now).unwrap();
        assert_eq!((r[0].metric.as_str(), r[0].unit.as_str(), r[0].value), ("hydrant_pressure", "MPa", 0.12));
        assert!(r[0].at.ends_with('Z') && r[0].at.len() == 24, "{}", r[0].at);
    }

    #[test]
    fn bad_readings_name_the_field() {
        let now = Utc::now();
        let ok = now.to_rfc3339();
        let cases = [
            (serde_json::json!([]), "readings"),
            (serde_json::json!([{"at": ok, "value": 1e7}]), "readings[0].value"),
            (serde_json::json!([{"at": ok, "value": 0.1}, {"at": "yesterday", "value": 0.1}]), "readings[1].at"),
            (
                serde_json::json!([{"at": (now + chrono::Duration::hours(1)).to_rfc3339(), "value": 0.1}]),
                "readings[0].at",
            ),
            (
                serde_json::json!([{"at": (now - chrono::Duration::days(8)).to_rfc3339(), "value": 0.1}]),
                "readings[0].at",
            ),
            (serde_json::json!([{"at": ok, "value": 0.1, "unit": "kPa"}]), "readings[0].unit"),
            (serde_json::json!([{"at": ok, "value": 0.1, "metric": "humidity"}]), "readings[0].metric"),
        ];
        for (readings, want) in cases {
            match check(&sensor(), &payload(serde_json::json!({ "readings": readings })), now) {
                Err(IngestError::Invalid { field, .. }) => assert_eq!(field, want),
                other => panic!("{want}: {other:?}"),
            }
        }
        let e = check(
            &sensor(),
            &payload(serde_json::json!({ "readings": [{"at": ok, "value": 0.1, "unit": "kPa"}] })),
            now,
        );
        match e {
            Err(IngestError::Invalid { code, params, .. }) => {
                assert_eq!(code, "wrong_unit");
                assert_eq!(
                    serde_json::to_value(params).unwrap(),
                    serde_json::json!({"unit": "kPa", "expected": "MPa", "measurement": "hydrant_pressure"})
                );
            }
            other => panic!("{other:?}"),
        }
        let many: Vec<_> = (0..=MAX_BATCH).map(|_| serde_json::json!({"at": ok, "value": 0.2})).collect();
        assert!(matches!(
            check(&sensor(), &payload(serde_json::json!({ "readings": many })), now),
            Err(IngestError::Invalid { .. })
        ));
        for bad in [
            &b"{"[..],
            br#"{"readings": [{"at": "x", "value": "0.1"}]}"#,
            br#"{"readings": [], "extra": 1}"#,
            br#"{"readings": [{"at": "x", "value": 1e999}]}"#,
        ] {
            assert!(matches!(parse(bad), Err(IngestError::Malformed(_))), "{}", String::from_utf8_lossy(bad));
        }
    }
}
