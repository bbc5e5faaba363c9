//! The demo's past: a month of incidents as a county brigade's 接处警 log would hold them, so the
//! leader's home page shows a trend and the statistics have data on day one. Pure: the plan of
//! each incident (when, what, where among the units, how long each phase took); `huoyan demo`
//! takes each in through the real intake, dispatches the recommendation and records the timeline.
//!
//! The mix is a typical county's, not a measured one (marked as such in the demo's docs): about
//! four incidents a day, more in the evening than at night; 火灾扑救 25 %, 抢险救援 35 %, 社会救助
//! 20 %, 安保勤务 5 %, 虚假警 15 %; fires last 20–90 minutes on scene, others 10–40.

use chrono::{DateTime, Duration, Utc};
use huoyan_domain::incident::IncidentCategory;

use crate::names::mobile;
use crate::sample::{DemoRng, chance, index, int_between, rng_for, uniform};

const STREAM_HISTORY: u64 = 4;

/// One past incident to take in.
#[derive(Debug, Clone, PartialEq)]
pub struct PastIncident {
    /// 接警时间.
    pub reported_at: DateTime<Utc>,
    /// Category.
    pub category: IncidentCategory,
    /// Which of the given units it happened at (an index into the caller's list).
    pub unit: usize,
    /// The caller's mobile number.
    pub caller_phone: String,
    /// 被困人员 as told.
    pub trapped: Option<i64>,
    /// Minutes from 接警 to the crews leaving (出动).
    pub turnout_min: i64,
    /// Minutes on scene, from the first arrival to withdrawal (撤离).
    pub on_scene_min: i64,
}

/// The incidents of the `days` days before `now` (today excluded), oldest first, at `units` units.
pub fn past_incidents(days: u32, units: usize, now: DateTime<Utc>, seed: u64) -> Vec<PastIncident> {
    let mut rng = rng_for(seed, STREAM_HISTORY);
    let mut out = Vec::new();
    if units == 0 {
        return out;
    }
    let midnight = now.date_naive().and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    for d in (1..=i64::from(days)).rev() {
        let day = midnight - Duration::days(d);
        let n = int_between(&mut rng, 1, 7);
        let mut times: Vec<i64> = (0..n).map(|_| minute_of_day(&mut rng)).collect();
        times.sort_unstable();
        for m in times {
            let category = category(&mut rng);
            let fire = category == IncidentCategory::Fire;
            out.push(PastIncident {
                reported_at: day + Duration::minutes(m) + Duration::seconds(int_between(&mut rng, 0, 59)),
                category,
                unit: index(&mut rng, units),
                caller_phone: mobile(&mut rng),
                trapped: match category {
                    IncidentCategory::Fire | IncidentCategory::Rescue if chance(&mut rng, 0.15) => {
                        Some(int_between(&mut rng, 1, 4))
                    }
                    IncidentCategory::Fire | IncidentCategory::Rescue => Some(0),
                    _ => None,
                },
                turnout_min: 1,
                on_scene_min: if fire { int_between(&mut rng, 20, 90) } else { int_between(&mut rng, 10, 40) },
            });
        }
    }
    out
}

/// A minute of the day (UTC), more likely in the Beijing daytime and evening than at night.
fn minute_of_day(rng: &mut DemoRng) -> i64 {
    // Beijing 07:00–23:00 is UTC 23:00–15:00: four in five there.
    let beijing = if chance(rng, 0.8) { uniform(rng, 7.0, 23.0) } else { uniform(rng, 0.0, 31.0) % 24.0 };
    ((beijing - 8.0).rem_euclid(24.0) * 60.0) as i64
}

fn category(rng: &mut DemoRng) -> IncidentCategory {
    let x = uniform(rng, 0.0, 1.0);
    match x {
        x if x < 0.25 => IncidentCategory::Fire,
        x if x < 0.60 => IncidentCategory::Rescue,
        x if x < 0.80 => IncidentCategory::SocialAssistance,
        x if x < 0.85 => IncidentCategory::SecurityDuty,
        _ => IncidentCategory::FalseAlarm,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_of_incidents_before_today() {
        let now = DateTime::parse_from_rfc3339("2026-12-08T03:00:00Z").unwrap().with_timezone(&Utc);
        let v = past_incidents(30, 100, now, 7);
        assert!((30..=210).contains(&v.len()), "{}", v.len());
        assert!(v.windows(2).all(|w| w[0].reported_at <= w[1].reported_at), "oldest first");
        let first_day = DateTime::parse_from_rfc3339("2026-11-08T00:00:00Z").unwrap().with_timezone(&Utc);
        let today = DateTime::parse_from_rfc3339("2026-12-08T00:00:00Z").unwrap().with_timezone(&Utc);
        assert!(v.iter().all(|i| i.reported_at >= first_day && i.reported_at < today && i.unit < 100));
        let fires = v.iter().filter(|i| i.category == IncidentCategory::Fire).count();
        assert!(fires > 0 && fires < v.len() / 2, "{fires} of {}", v.len());
        assert_eq!(past_incidents(30, 100, now, 7), v, "the same seed gives the same month");
        assert!(past_incidents(30, 0, now, 7).is_empty());
    }
}
