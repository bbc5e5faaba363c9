//! The monitoring centre's overview: devices in a jurisdiction with their state, and the KPIs
//! the plans track — online rate (在线率), intact rate of monitored systems (完好率: devices with no
//! open 故障/电源故障/离线 alarm), false-alarm rate (误报率) and time to handle (处警用时) — and the
//! queue's unhandled counts ([`AlarmCounts`]), which an operator brings to zero by handling.

use serde::Serialize;
use sqlx::Row;

use crate::kinds::{AlarmKind, AlarmResult};
use crate::store::Monitoring;
use crate::store::frames::Device;
use huoyan_store::Result;
use huoyan_store::query::{Arg, Scope, Where, bind_all};

/// KPIs of a jurisdiction.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct MonitoringKpis {
    /// Registered devices.
    pub devices: i64,
    /// Online now.
    pub online: i64,
    /// online / devices (0 when none).
    pub online_rate: f64,
    /// Devices without an open 故障, 电源故障 or 离线 alarm.
    pub intact: i64,
    /// intact / devices.
    pub intact_rate: f64,
    /// Open (unhandled) alarms by kind.
    pub open_by_kind: std::collections::BTreeMap<String, i64>,
    /// Alarms first signalled since `since` (handled or not), by kind.
    pub by_kind: std::collections::BTreeMap<String, i64>,
    /// Fire alarms handled since `since`, by result.
    pub fire_results: std::collections::BTreeMap<String, i64>,
    /// false / (real + false) of fire alarms handled since `since` (None without any).
    pub false_alarm_rate: Option<f64>,
    /// Mean seconds from first signal to an operator's handling (平均处警时长), fire alarms
    /// handled since `since` (those resolved by the system not counted).
    pub handle_mean_s: Option<f64>,
    /// Median seconds from first signal to handling, fire alarms since `since`.
    pub handle_p50_s: Option<f64>,
    /// 90th percentile of the same.
    pub handle_p90_s: Option<f64>,
    /// The period start.
    pub since: String,
}

/// Unhandled (未处理: open or escalated) alarms, as the queue's header shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AlarmCounts {
    /// 火警.
    pub fire: i64,
    /// 故障: faults and power faults (故障, 电源故障).
    pub fault: i64,
    /// Every other kind (监管, 离线, sensor thresholds, 屏蔽/启动/反馈 …).
    pub other: i64,
    /// Of all of them, those overdue (超时未处理).
    pub escalated: i64,
    /// fire + fault + other.
    pub total: i64,
}

fn ratio(a: i64, b: i64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn seconds_between(a: &str, b: &str) -> Option<f64> {
    let a = chrono::DateTime::parse_from_rfc3339(a).ok()?;
    let b = chrono::DateTime::parse_from_rfc3339(b).ok()?;
    Some((b - a).num_milliseconds() as f64 / 1000.0)
}

fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted.get(i).copied()
}

/// Confines devices to `scope`: its jurisdiction subtree and, for a unit manager, its unit.
fn scope_devices(w: &mut Where, scope: &Scope) {
    w.subtree(&scope.path);
    if let Some(u) = scope.unit_id {
        let n = w.next();
        w.push(format!("unit_id = ${n}"), vec![Arg::I(u)]);
    }
}

impl Monitoring<'_> {
    /// Devices visible in `scope` (all kinds; a unit manager's: its unit's), by id.
    pub async fn list_devices(&self, scope: &Scope, unit_id: Option<i64>) -> Result<Vec<Device>> {
        let mut w = Where::default();
        scope_devices(&mut w, scope);
        if let Some(u) = unit_id {
            let n = w.next();
            w.push(format!("unit_id = ${n}"), vec![Arg::I(u)]);
        }
        let sql =
            format!("SELECT {} FROM devices{} ORDER BY id LIMIT 20000", crate::store::frames::DEVICE_COLS, w.sql());
        let rows = bind_all(huoyan_store::dynq(sql), &w.args).fetch_all(self.pool()).await?;
        rows.iter().map(crate::store::frames::device_from_row).collect()
    }

    /// The names of the units with these ids (for listing devices with their units; ids that do
    /// not exist are left out).
    pub async fn unit_names(&self, ids: &[i64]) -> Result<std::collections::HashMap<i64, String>> {
        let mut out = std::collections::HashMap::new();
        for chunk in ids.chunks(500) {
            let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let args: Vec<Arg> = chunk.iter().map(|i| Arg::I(*i)).collect();
            let rows = bind_all(
                huoyan_store::dynq(format!("SELECT id, name FROM units WHERE id IN ({})", marks.join(", "))),
                &args,
            )
            .fetch_all(self.pool())
            .await?;
            for r in &rows {
                out.insert(r.try_get::<i64, _>(0)?, r.try_get::<String, _>(1)?);
            }
        }
        Ok(out)
    }

    /// The unhandled alarms of `scope` (a unit manager's: its unit's), of one unit when given.
    pub async fn unhandled_counts(&self, scope: &Scope, unit_id: Option<i64>) -> Result<AlarmCounts> {
        let mut w = Where::default();
        crate::store::alarms::scope_alarms(&mut w, scope);
        w.push("a.status <> 'handled'".into(), vec![]);
        if let Some(u) = unit_id {
            let n = w.next();
            w.push(format!("a.unit_id = ${n}"), vec![Arg::I(u)]);
        }
        let sql = format!("SELECT a.kind, a.status, COUNT(*) FROM alarms a{} GROUP BY a.kind, a.status", w.sql());
        let rows = bind_all(huoyan_store::dynq(sql), &w.args).fetch_all(self.pool()).await?;
        let mut c = AlarmCounts::default();
        for r in &rows {
            let kind: String = r.try_get(0)?;
            let status: String = r.try_get(1)?;
            let n: i64 = r.try_get(2)?;
            match AlarmKind::from_code(&kind) {
                Some(AlarmKind::Fire) => c.fire += n,
                Some(AlarmKind::Fault | AlarmKind::PowerFault) => c.fault += n,
                _ => c.other += n,
            }
            if status == "escalated" {
                c.escalated += n;
            }
            c.total += n;
        }
        Ok(c)
    }

    /// The KPIs of `scope` (a unit manager's: its unit's) since `since` (RFC 3339).
    pub async fn monitoring_kpis(&self, scope: &Scope, since: &str) -> Result<MonitoringKpis> {
        let mut w = Where::default();
        scope_devices(&mut w, scope);
        let row = bind_all(
            huoyan_store::dynq(format!(
                "SELECT COUNT(*), CAST(COALESCE(SUM(online), 0) AS BIGINT) FROM devices{}",
                w.sql()
            )),
            &w.args,
        )
        .fetch_one(self.pool())
        .await?;
        let devices: i64 = row.try_get(0)?;
        let online: i64 = row.try_get(1)?;
        let mut wa = Where::default();
        crate::store::alarms::scope_alarms(&mut wa, scope);
        wa.push("a.status <> 'handled'".into(), vec![]);
        let rows = bind_all(
            huoyan_store::dynq(format!("SELECT a.kind, COUNT(*) FROM alarms a{} GROUP BY a.kind", wa.sql())),
            &wa.args,
        )
        .fetch_all(self.pool())
        .await?;
        let mut open_by_kind = std::collections::BTreeMap::new();
        for r in &rows {
            open_by_kind.insert(r.try_get::<String, _>(0)?, r.try_get::<i64, _>(1)?);
        }
        let mut wk = Where::default();
        crate::store::alarms::scope_alarms(&mut wk, scope);
        let n = wk.next();
        wk.push(format!("a.first_at >= ${n}"), vec![Arg::T(since.to_string())]);
        let rows = bind_all(
            huoyan_store::dynq(format!("SELECT a.kind, COUNT(*) FROM alarms a{} GROUP BY a.kind", wk.sql())),
            &wk.args,
        )
        .fetch_all(self.pool())
        .await?;
        let mut by_kind = std::collections::BTreeMap::new();
        for r in &rows {
            by_kind.insert(r.try_get::<String, _>(0)?, r.try_get::<i64, _>(1)?);
        }
        let mut wb = Where::default();
        crate::store::alarms::scope_alarms(&mut wb, scope);
        // Devices broken: a fault, a power fault or offline, unhandled.
        let broken_kinds = [AlarmKind::Fault, AlarmKind::PowerFault, AlarmKind::Offline];
        let first = wb.next();
        let marks: Vec<String> = (0..broken_kinds.len()).map(|i| format!("${}", first + i)).collect();
        wb.push(
            format!("a.status <> 'handled' AND a.kind IN ({}) AND a.device_id IS NOT NULL", marks.join(", ")),
            broken_kinds.iter().map(|k| Arg::T(k.code().into())).collect(),
        );
        let broken: i64 = bind_all(
            huoyan_store::dynq(format!("SELECT COUNT(DISTINCT a.device_id) FROM alarms a{}", wb.sql())),
            &wb.args,
        )
        .fetch_one(self.pool())
        .await?
        .try_get(0)?;
        let mut wh = Where::default();
        crate::store::alarms::scope_alarms(&mut wh, scope);
        let n = wh.next();
        wh.push(
            format!("a.kind = ${n} AND a.status = 'handled' AND a.handled_at >= ${}", n + 1),
            vec![Arg::T(AlarmKind::Fire.code().into()), Arg::T(since.to_string())],
        );
        let rows = bind_all(
            huoyan_store::dynq(format!(
                "SELECT a.result, a.first_at, a.handled_at FROM alarms a{} ORDER BY a.id DESC LIMIT 100000",
                wh.sql()
            )),
            &wh.args,
        )
        .fetch_all(self.pool())
        .await?;
        let mut fire_results = std::collections::BTreeMap::new();
        let mut times = Vec::new();
        for r in &rows {
            let result: Option<String> = r.try_get(0)?;
            let result = result.unwrap_or_default();
            *fire_results.entry(result.clone()).or_insert(0) += 1;
            if result != AlarmResult::Recovered.code() {
                let first: String = r.try_get(1)?;
                let handled: Option<String> = r.try_get(2)?;
                if let Some(s) = handled.and_then(|h| seconds_between(&first, &h)) {
                    times.push(s);
                }
            }
        }
        times.sort_by(f64::total_cmp);
        let real = fire_results.get(AlarmResult::Real.code()).copied().unwrap_or(0);
        let false_ = fire_results.get(AlarmResult::False.code()).copied().unwrap_or(0);
        let intact = (devices - broken).max(0);
        Ok(MonitoringKpis {
            devices,
            online,
            online_rate: ratio(online, devices),
            intact,
            intact_rate: ratio(intact, devices),
            open_by_kind,
            by_kind,
            fire_results,
            false_alarm_rate: (real + false_ > 0).then(|| ratio(false_, real + false_)),
            handle_mean_s: (!times.is_empty()).then(|| times.iter().sum::<f64>() / times.len() as f64),
            handle_p50_s: percentile(&times, 0.5),
            handle_p90_s: percentile(&times, 0.9),
            since: since.to_string(),
        })
    }
}
