//! What is happening with incidents, for the leader's home page (`GET /incidents/summary`):
//! open incidents now by status (and those with people trapped), today's intake by category
//! (today: the calendar day in Asia/Shanghai), vehicles committed now, and a daily series over
//! the last days for the trend. Counted in SQL where a GROUP BY does it on both backends; days
//! are cut in Rust (China Standard Time, UTC+8 all year).

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, SecondsFormat, TimeZone, Utc};
use serde::Serialize;
use sqlx::Row;
use utoipa::ToSchema;

use huoyan_domain::incident::IncidentCategory;
use huoyan_store::query::{Scope, Where, bind_all};
use huoyan_store::{Result, StoreError};

use crate::store::Incidents;

/// The longest trend the summary gives, days.
pub const MAX_DAYS: u32 = 366;

/// Incidents of one day (Asia/Shanghai).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct DayCount {
    /// The day, `YYYY-MM-DD` in Asia/Shanghai.
    pub day: String,
    /// Incidents taken in that day.
    pub total: i64,
    /// Of which 火灾扑救.
    pub fires: i64,
}

/// Incidents now and today.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct IncidentSummary {
    /// Incidents not closed.
    pub open: i64,
    /// Incidents not closed, per status code (`received`, `dispatched`, `on_scene`), zeros included.
    pub open_by_status: BTreeMap<String, i64>,
    /// Open incidents where the caller said people are trapped (被困人员 > 0).
    pub open_trapped: i64,
    /// Vehicles committed to an incident now (出动 … 返队, not yet 归队).
    pub vehicles_committed: i64,
    /// Incidents taken in today (接警 since 00:00 Asia/Shanghai).
    pub today: i64,
    /// Today's per category code, zeros included.
    pub today_by_category: BTreeMap<String, i64>,
    /// Today's already closed.
    pub today_closed: i64,
    /// Start of today, RFC 3339 with the +08:00 offset.
    pub day_start: String,
    /// One entry per day, oldest first, ending today (days without incidents included).
    pub daily: Vec<DayCount>,
}

fn china() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| chrono::Offset::fix(&Utc))
}

/// 00:00 Asia/Shanghai of the day `now` falls in.
pub fn day_start(now: DateTime<Utc>) -> DateTime<FixedOffset> {
    let local = now.with_timezone(&china()).date_naive();
    midnight(local)
}

fn midnight(day: NaiveDate) -> DateTime<FixedOffset> {
    let naive = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    china().from_local_datetime(&naive).single().unwrap_or_else(|| china().from_utc_datetime(&naive))
}

/// The Asia/Shanghai day of a stored UTC time (`None` when it does not parse).
fn local_day(stored: &str) -> Option<NaiveDate> {
    Some(DateTime::parse_from_rfc3339(stored).ok()?.with_timezone(&china()).date_naive())
}

/// Stored times are UTC RFC 3339 with milliseconds and `Z`: compared as text.
fn stored(t: DateTime<FixedOffset>) -> String {
    t.with_timezone(&Utc).to_rfc3339_opts(SecondsFormat::Millis, true)
}

impl Incidents<'_> {
    /// Incidents now and today in `scope`, with a daily series over `days` days ending today
    /// (1 ..= [`MAX_DAYS`]), as of `now`.
    pub async fn incident_summary(&self, scope: &Scope, days: u32, now: DateTime<Utc>) -> Result<IncidentSummary> {
        if scope.unit_id.is_some() {
            return Err(StoreError::Forbidden("a unit manager does not see incidents".into()));
        }
        let days = days.clamp(1, MAX_DAYS);
        let today = day_start(now);
        let first_day = today.date_naive() - Duration::days(i64::from(days) - 1);
        let from = stored(midnight(first_day));

        let mut w = Where::default();
        w.subtree(&scope.path);
        w.push("status <> 'closed'".into(), vec![]);
        let sql = format!(
            "SELECT status, COUNT(*), SUM(CASE WHEN trapped > 0 THEN 1 ELSE 0 END) FROM incidents{} GROUP BY status",
            w.sql()
        );
        let mut open_by_status: BTreeMap<String, i64> =
            ["received", "dispatched", "on_scene"].iter().map(|s| (s.to_string(), 0)).collect();
        let (mut open, mut open_trapped) = (0, 0);
        for r in bind_all(huoyan_store::dynq(sql), &w.args).fetch_all(self.pool()).await? {
            let n: i64 = r.try_get(1)?;
            let trapped: Option<i64> = r.try_get(2)?;
            open += n;
            open_trapped += trapped.unwrap_or(0);
            *open_by_status.entry(r.try_get(0)?).or_insert(0) += n;
        }

        let mut w = Where::default();
        w.subtree(&scope.path);
        w.push(
            "status IN ('dispatched', 'en_route', 'on_scene', 'returning') AND vehicle_id IS NOT NULL".into(),
            vec![],
        );
        let sql = format!("SELECT COUNT(*) FROM dispatches{}", w.sql());
        let vehicles_committed: i64 =
            bind_all(huoyan_store::dynq(sql), &w.args).fetch_one(self.pool()).await?.try_get(0)?;

        let mut w = Where::default();
        w.subtree(&scope.path);
        let n = w.next();
        w.push(format!("reported_at >= ${n}"), vec![huoyan_store::query::Arg::T(from)]);
        let sql = format!("SELECT reported_at, category, status FROM incidents{} LIMIT 1000000", w.sql());
        let mut daily: Vec<DayCount> = (0..days)
            .map(|i| DayCount {
                day: (first_day + Duration::days(i64::from(i))).format("%Y-%m-%d").to_string(),
                total: 0,
                fires: 0,
            })
            .collect();
        let mut today_by_category: BTreeMap<String, i64> =
            IncidentCategory::ALL.iter().map(|c| (c.code().to_string(), 0)).collect();
        let (mut today_n, mut today_closed) = (0, 0);
        for r in bind_all(huoyan_store::dynq(sql), &w.args).fetch_all(self.pool()).await? {
            let at: String = r.try_get(0)?;
            let category: String = r.try_get(1)?;
            let status: String = r.try_get(2)?;
            let Some(day) = local_day(&at) else { continue };
            let i = (day - first_day).num_days();
            let Some(slot) = usize::try_from(i).ok().and_then(|i| daily.get_mut(i)) else { continue };
            slot.total += 1;
            if category == IncidentCategory::Fire.code() {
                slot.fires += 1;
            }
            if day == today.date_naive() {
                today_n += 1;
                *today_by_category.entry(category).or_insert(0) += 1;
                if status == "closed" {
                    today_closed += 1;
                }
            }
        }
        Ok(IncidentSummary {
            open,
            open_by_status,
            open_trapped,
            vehicles_committed,
            today: today_n,
            today_by_category,
            today_closed,
            day_start: today.to_rfc3339_opts(SecondsFormat::Secs, false),
            daily,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_cut_at_midnight_in_beijing() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        assert_eq!(day_start(t("2026-12-07T16:00:00Z")).to_rfc3339(), "2026-12-08T00:00:00+08:00");
        assert_eq!(day_start(t("2026-12-07T15:59:59Z")).to_rfc3339(), "2026-12-07T00:00:00+08:00");
        assert_eq!(stored(day_start(t("2026-12-08T03:00:00Z"))), "2026-12-07T16:00:00.000Z");
        assert_eq!(local_day("2026-12-07T16:30:00.000Z"), NaiveDate::from_ymd_opt(2026, 12, 8));
        assert_eq!(local_day("not a time"), None);
    }
}
