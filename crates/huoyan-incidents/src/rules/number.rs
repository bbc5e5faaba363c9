//! 接警编号: the number users say and search by, `YYYY-NNNNNN` — the year of 接警 in China
//! Standard Time and the incident's place in that year's intake order, six digits (more after the
//! millionth incident of a year). Huoyan's own convention: no national standard fixes the format
//! of a brigade's incident number (the statistics system numbers its own filings); the id stays
//! the key in the API.

use chrono::{DateTime, Datelike, FixedOffset, Utc};

/// The year an incident reported at `at` is numbered in: its year in Asia/Shanghai (UTC+8 all year).
pub fn number_year(at: DateTime<Utc>) -> i64 {
    let china = FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| chrono::Offset::fix(&Utc));
    i64::from(at.with_timezone(&china).year())
}

/// The number of the `seq`-th incident (from 1) of `year`: `2026-000123`.
pub fn incident_number(year: i64, seq: i64) -> String {
    format!("{year}-{seq:06}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_is_china_standard_time() {
        let before = DateTime::parse_from_rfc3339("2026-12-31T15:59:59Z").unwrap().with_timezone(&Utc);
        let after = DateTime::parse_from_rfc3339("2026-12-31T16:00:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(number_year(before), 2026);
        // 2027-01-01 00:00 in Beijing.
        assert_eq!(number_year(after), 2027);
    }

    #[test]
    fn six_digits_then_more() {
        assert_eq!(incident_number(2026, 123), "2026-000123");
        assert_eq!(incident_number(2026, 1), "2026-000001");
        assert_eq!(incident_number(2026, 1_234_567), "2026-1234567");
    }
}
