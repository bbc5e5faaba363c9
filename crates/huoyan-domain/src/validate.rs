//! Field validation shared by the API, the importers and the store: a record is checked once, here,
//! and every error names the field, a stable code with its parameters (for clients that translate)
//! and the reason (human-readable, for API users and logs).
//!
//! The codes are listed in `docs/ARCHITECTURE.md` ("Error codes"); those every module uses are the
//! constants of [`code`], a module's own are beside its rules.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The parameters of a code, e.g. `{"min": 0, "max": 300}`.
pub type Params = BTreeMap<String, serde_json::Value>;

/// One invalid field: `field` is the JSON name (dotted for nested values), `code` says what is wrong
/// in a stable word, `params` its values, `reason` says why in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct FieldError {
    /// The field's name as it appears in the JSON body or the spreadsheet header mapping.
    pub field: String,
    /// Why the value is refused, in words (English, or Chinese first with English in brackets). For
    /// people and logs; clients translate `code` instead of parsing this.
    pub reason: String,
    /// Stable snake_case code of the problem (`required`, `out_of_range`, `timeline_order`, …; the
    /// list: `docs/ARCHITECTURE.md`, "Error codes"). New codes may be added; a client that does not
    /// know a code shows `reason`.
    pub code: String,
    /// The code's parameters, e.g. `{"min": 0, "max": 300}` for `out_of_range`; omitted when none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schema(value_type = HashMap<String, serde_json::Value>)]
    pub params: Params,
}

impl FieldError {
    /// An error for `field` with its code and reason, without parameters.
    pub fn new(field: impl Into<String>, code: &str, reason: impl Into<String>) -> FieldError {
        FieldError { field: field.into(), reason: reason.into(), code: code.into(), params: Params::new() }
    }

    /// The same error with the parameter `key` set.
    pub fn with(mut self, key: &str, value: impl Into<serde_json::Value>) -> FieldError {
        self.params.insert(key.into(), value.into());
        self
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)
    }
}

/// A refusal that is not a field's validation failure — a conflict with stored data, a write
/// outside the caller's jurisdiction — with, when a client may need to translate it, the field it
/// concerns and its code ([`FieldError`]; the API answers it as the one entry of `fields`). It reads
/// as its message (`Deref<Target = str>`).
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    /// What the caller is told.
    pub message: String,
    /// The field, code and parameters, when given; its `reason` is `message` (boxed: errors stay
    /// small on the `Err` path).
    pub detail: Option<Box<FieldError>>,
}

impl std::ops::Deref for Refusal {
    type Target = str;
    fn deref(&self) -> &str {
        &self.message
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<String> for Refusal {
    fn from(message: String) -> Refusal {
        Refusal { message, detail: None }
    }
}

impl From<&str> for Refusal {
    fn from(message: &str) -> Refusal {
        Refusal::from(message.to_string())
    }
}

/// A coded refusal: the message is the error's reason.
impl From<FieldError> for Refusal {
    fn from(e: FieldError) -> Refusal {
        Refusal { message: e.reason.clone(), detail: Some(Box::new(e)) }
    }
}

/// The codes every module uses (a module's own codes are beside its rules). Each names its
/// parameters.
pub mod code {
    /// Empty, blank or missing.
    pub const REQUIRED: &str = "required";
    /// Longer than `max` characters.
    pub const TOO_LONG: &str = "too_long";
    /// Contains control characters.
    pub const CONTROL_CHARACTERS: &str = "control_characters";
    /// `value` is outside `min`..`max` (either bound may be absent).
    pub const OUT_OF_RANGE: &str = "out_of_range";
    /// Longitude `value` is not within -180..180 (WGS84 degrees).
    pub const NOT_WGS84_LON: &str = "not_wgs84_lon";
    /// Latitude `value` is not within -90..90 (WGS84 degrees).
    pub const NOT_WGS84_LAT: &str = "not_wgs84_lat";
    /// `value` is not a calendar date `YYYY-MM-DD`.
    pub const NOT_A_DATE: &str = "not_a_date";
    /// `value` is not an RFC 3339 time.
    pub const NOT_A_TIME: &str = "not_a_time";
    /// A time (`value` when given) is later than now.
    pub const IN_FUTURE: &str = "in_future";
    /// No record `id` (of `kind`, a table name, when given) exists in the caller's jurisdiction.
    pub const UNKNOWN_REFERENCE: &str = "unknown_reference";
    /// `value` is not one of the accepted values (`allowed`, when the list is short).
    pub const UNKNOWN_VALUE: &str = "unknown_value";
    /// The body has a field `name` that does not exist.
    pub const UNKNOWN_FIELD: &str = "unknown_field";
    /// The value has the wrong JSON type.
    pub const WRONG_TYPE: &str = "wrong_type";
    /// More than `max` entries.
    pub const TOO_MANY: &str = "too_many";
    /// `n` entries where `min`..`max` are accepted.
    pub const COUNT_OUT_OF_RANGE: &str = "count_out_of_range";
    /// The same `id` is given twice.
    pub const DUPLICATE: &str = "duplicate";
    /// Not a usable geometry (the reason says what).
    pub const BAD_GEOMETRY: &str = "bad_geometry";
    /// 统一社会信用代码 of `n` characters, not 18 (GB 32100-2015).
    pub const USCC_LENGTH: &str = "uscc_length";
    /// 统一社会信用代码: `character` at `position` (1-based) is outside the GB 32100-2015 alphabet.
    pub const USCC_CHARACTER: &str = "uscc_character";
    /// 统一社会信用代码: the check character is `given`, `expected` by GB 32100-2015 §5.
    pub const USCC_CHECK_CHARACTER: &str = "uscc_check_character";
    /// The timeline stage `stage` is earlier than `before`, which it must follow (the times `at` and
    /// `before_at`; 全国火灾与警情统计系统 rules, `docs/standards/incident-statistics.md` §8.3).
    pub const TIMELINE_ORDER: &str = "timeline_order";
    /// The timeline stage `stage` is earlier than the 接警 time `alarm` (the incident's report).
    pub const TIMELINE_BEFORE_RECEIVED: &str = "timeline_before_received";
    /// A warning: the average speed `kmh` between 出动 and 到场 is outside `min`..`max` km/h.
    pub const IMPLAUSIBLE_SPEED: &str = "implausible_speed";
    /// 409: vehicle `vehicle` (its name) is `status`, not `expected` (statuses: `VehicleStatus` codes).
    pub const VEHICLE_STATUS: &str = "vehicle_status";
    /// 409: vehicle `vehicle` (its name) changed status meanwhile; try again.
    pub const VEHICLE_CHANGED: &str = "vehicle_changed";
    /// Not within the caller's jurisdiction.
    pub const OUTSIDE_JURISDICTION: &str = "outside_jurisdiction";
    /// Field `field` is the brigade's to change, not the caller's (a unit manager and its unit's
    /// class-deciding fields).
    pub const FIELD_LOCKED: &str = "field_locked";
    /// A change made with the session cookie lacks the client header `name` (CSRF protection).
    pub const CLIENT_HEADER_MISSING: &str = "client_header_missing";
    /// Nothing more specific: the reason says it.
    pub const INVALID: &str = "invalid";
}

/// Collects field errors while a record is checked.
#[derive(Debug, Default)]
pub struct Checker {
    errors: Vec<FieldError>,
}

/// The longest name or free-text field accepted (characters).
pub const MAX_TEXT: usize = 500;

impl Checker {
    /// Records an error for `field` with its code (no parameters).
    pub fn fail(&mut self, field: &str, code: &str, reason: impl Into<String>) {
        self.push(FieldError::new(field, code, reason));
    }

    /// Records an error.
    pub fn push(&mut self, e: FieldError) {
        self.errors.push(e);
    }

    /// A required, non-blank text of at most [`MAX_TEXT`] characters.
    pub fn required_text(&mut self, field: &str, v: &str) {
        if v.trim().is_empty() {
            self.fail(field, code::REQUIRED, "must not be empty");
        } else {
            self.text(field, v);
        }
    }

    /// An optional text of at most [`MAX_TEXT`] characters without control characters.
    pub fn text(&mut self, field: &str, v: &str) {
        if v.chars().count() > MAX_TEXT {
            self.push(
                FieldError::new(field, code::TOO_LONG, format!("longer than {MAX_TEXT} characters"))
                    .with("max", MAX_TEXT),
            );
        } else if v.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            self.fail(field, code::CONTROL_CHARACTERS, "contains control characters");
        }
    }

    /// Optional text.
    pub fn opt_text(&mut self, field: &str, v: &Option<String>) {
        if let Some(v) = v {
            self.text(field, v);
        }
    }

    /// A WGS84 longitude/latitude pair.
    pub fn lon_lat(&mut self, lon: f64, lat: f64) {
        if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
            self.push(
                FieldError::new(
                    "lon",
                    code::NOT_WGS84_LON,
                    format!("longitude {lon} is outside -180..180 (WGS84 degrees)"),
                )
                .with("value", lon),
            );
        }
        if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
            self.push(
                FieldError::new(
                    "lat",
                    code::NOT_WGS84_LAT,
                    format!("latitude {lat} is outside -90..90 (WGS84 degrees)"),
                )
                .with("value", lat),
            );
        }
    }

    /// An optional number within `[min, max]`.
    pub fn range(&mut self, field: &str, v: Option<f64>, min: f64, max: f64) {
        if let Some(v) = v
            && (!v.is_finite() || v < min || v > max)
        {
            self.push(out_of_range(field, v, min, max));
        }
    }

    /// An optional integer within `[min, max]`.
    pub fn int_range(&mut self, field: &str, v: Option<i64>, min: i64, max: i64) {
        if let Some(v) = v
            && (v < min || v > max)
        {
            self.push(out_of_range(field, v, min, max));
        }
    }

    /// A reference to another record by id: must be positive.
    pub fn reference(&mut self, field: &str, id: i64) {
        if id <= 0 {
            self.push(
                FieldError::new(field, code::UNKNOWN_REFERENCE, "must name an existing record (a positive id)")
                    .with("id", id),
            );
        }
    }

    /// An optional calendar date `YYYY-MM-DD`.
    pub fn date(&mut self, field: &str, v: &Option<String>) {
        if let Some(v) = v
            && chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_err()
        {
            self.push(
                FieldError::new(field, code::NOT_A_DATE, format!("{v:?} is not a date (YYYY-MM-DD)"))
                    .with("value", v.as_str()),
            );
        }
    }

    /// Finishes: `Ok` when no field failed.
    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.errors.is_empty() { Ok(()) } else { Err(self.errors) }
    }
}

/// No record `id` in the table `kind` (`unknown_reference` with `id` and `kind`), with the reason.
pub fn unknown_reference(field: &str, kind: &str, id: i64, reason: impl Into<String>) -> FieldError {
    FieldError::new(field, code::UNKNOWN_REFERENCE, reason).with("id", id).with("kind", kind)
}

/// `v` of `field` is outside `min..max` (`out_of_range` with `value`, `min` and `max`; a value that
/// is not a finite number is given as null).
pub fn out_of_range<T>(field: &str, v: T, min: T, max: T) -> FieldError
where
    T: std::fmt::Display + Into<serde_json::Value>,
{
    FieldError::new(field, code::OUT_OF_RANGE, format!("{v} is outside {min}..{max}"))
        .with("value", v)
        .with("min", min)
        .with("max", max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_each_bad_field() {
        let mut c = Checker::default();
        c.required_text("name", "  ");
        c.lon_lat(200.0, f64::NAN);
        c.range("floors", Some(-1.0), 0.0, 200.0);
        c.date("last_inspected", &Some("2026-13-01".into()));
        let errs = c.finish().unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "lon", "lat", "floors", "last_inspected"]);
        let codes: Vec<_> = errs.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(codes, ["required", "not_wgs84_lon", "not_wgs84_lat", "out_of_range", "not_a_date"]);
    }

    #[test]
    fn codes_carry_their_parameters() {
        let mut c = Checker::default();
        c.int_range("duty_strength", Some(301), 0, 300);
        c.range("pressure_mpa", Some(f64::NAN), 0.0, 5.0);
        c.text("notes", &"长".repeat(MAX_TEXT + 1));
        c.lon_lat(0.0, 95.5);
        c.reference("station_id", 0);
        let errs = c.finish().unwrap_err();
        assert_eq!(errs[0].reason, "301 is outside 0..300", "the reason is unchanged");
        assert_eq!(serde_json::to_value(&errs[0].params).unwrap(), json!({"value": 301, "min": 0, "max": 300}));
        assert_eq!(serde_json::to_value(&errs[1].params).unwrap(), json!({"value": null, "min": 0.0, "max": 5.0}));
        assert_eq!((errs[2].code.as_str(), &errs[2].params["max"]), ("too_long", &json!(MAX_TEXT)));
        assert_eq!((errs[3].code.as_str(), &errs[3].params["value"]), ("not_wgs84_lat", &json!(95.5)));
        assert_eq!((errs[4].code.as_str(), &errs[4].params["id"]), ("unknown_reference", &json!(0)));
    }

    #[test]
    fn serializes_code_beside_the_reason_and_skips_empty_params() {
        let e = FieldError::new("name", code::REQUIRED, "must not be empty");
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            json!({"field": "name", "reason": "must not be empty", "code": "required"})
        );
        let e = e.with("n", 17);
        assert_eq!(serde_json::to_value(&e).unwrap()["params"], json!({"n": 17}));
        let r = Refusal::from(FieldError::new("address", "address_taken", "already registered"));
        assert_eq!((&*r, r.detail.as_ref().map(|d| d.code.as_str())), ("already registered", Some("address_taken")));
        assert_eq!(Refusal::from("plain").detail, None);
    }

    #[test]
    fn accepts_good_values() {
        let mut c = Checker::default();
        c.required_text("name", "剑桥中心商场");
        c.lon_lat(-71.1, 42.37);
        c.date("d", &Some("2026-01-31".into()));
        assert!(c.finish().is_ok());
    }
}
