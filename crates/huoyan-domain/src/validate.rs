//! Field validation shared by the API, the importers and the store: a record is checked once, here,
//! and every error names the field and the reason.

use serde::Serialize;

/// One invalid field: `field` is the JSON name (dotted for nested values), `reason` says why.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    /// The field's name as it appears in the JSON body or the spreadsheet header mapping.
    pub field: String,
    /// Why the value is refused.
    pub reason: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)
    }
}

/// Collects field errors while a record is checked.
#[derive(Debug, Default)]
pub struct Checker {
    errors: Vec<FieldError>,
}

/// The longest name or free-text field accepted (characters).
pub const MAX_TEXT: usize = 500;

impl Checker {
    /// Records an error for `field`.
    pub fn fail(&mut self, field: &str, reason: impl Into<String>) {
        self.errors.push(FieldError { field: field.to_string(), reason: reason.into() });
    }

    /// A required, non-blank text of at most [`MAX_TEXT`] characters.
    pub fn required_text(&mut self, field: &str, v: &str) {
        if v.trim().is_empty() {
            self.fail(field, "must not be empty");
        } else {
            self.text(field, v);
        }
    }

    /// An optional text of at most [`MAX_TEXT`] characters without control characters.
    pub fn text(&mut self, field: &str, v: &str) {
        if v.chars().count() > MAX_TEXT {
            self.fail(field, format!("longer than {MAX_TEXT} characters"));
        } else if v.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            self.fail(field, "contains control characters");
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
            self.fail("lon", format!("longitude {lon} is outside -180..180 (WGS84 degrees)"));
        }
        if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
            self.fail("lat", format!("latitude {lat} is outside -90..90 (WGS84 degrees)"));
        }
    }

    /// An optional number within `[min, max]`.
    pub fn range(&mut self, field: &str, v: Option<f64>, min: f64, max: f64) {
        if let Some(v) = v
            && (!v.is_finite() || v < min || v > max)
        {
            self.fail(field, format!("{v} is outside {min}..{max}"));
        }
    }

    /// An optional integer within `[min, max]`.
    pub fn int_range(&mut self, field: &str, v: Option<i64>, min: i64, max: i64) {
        if let Some(v) = v
            && (v < min || v > max)
        {
            self.fail(field, format!("{v} is outside {min}..{max}"));
        }
    }

    /// A reference to another record by id: must be positive.
    pub fn reference(&mut self, field: &str, id: i64) {
        if id <= 0 {
            self.fail(field, "must name an existing record (a positive id)");
        }
    }

    /// An optional calendar date `YYYY-MM-DD`.
    pub fn date(&mut self, field: &str, v: &Option<String>) {
        if let Some(v) = v
            && chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_err()
        {
            self.fail(field, format!("{v:?} is not a date (YYYY-MM-DD)"));
        }
    }

    /// Finishes: `Ok` when no field failed.
    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.errors.is_empty() { Ok(()) } else { Err(self.errors) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
