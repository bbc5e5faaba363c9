//! Alarms of the remote monitoring centre (远程监控): what frames and sensor readings mean for an
//! operator, with merging and the operator's handling.
//!
//! - A [`Signal`] is one observation (a component in 火警, a UITD's mains failure, a device gone
//!   offline, a hydrant's pressure below its threshold). The monitor crate derives signals from
//!   stored frames and readings; this module only files them.
//! - Signals of the same device and kind merge into one open alarm (a storm from one panel is one
//!   alarm with a count and the list of components), until an operator handles it. The database
//!   enforces this with a unique `open_key` that is cleared on handling.
//! - [`Monitoring::apply_signals`](crate::store::Monitoring::apply_signals) files a batch and advances the engine's cursor over `alarm_frames`
//!   in the same transaction, so a crash between the two neither loses nor doubles an alarm.
//! - Handling (确认真实 / 误报 / 测试 / 忽略) is audited; a confirmed fire queues a webhook to the
//!   119 side in the same transaction (see [`crate::store::outbox`]).

use huoyan_domain::FieldError;
use huoyan_domain::account::Principal;
use huoyan_domain::validate::unknown_reference;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::code;
use crate::kinds::{AlarmKind, AlarmResult};
use crate::store::Monitoring;
use huoyan_store::query::{Arg, Page, Scope, Where, bind_all};
use huoyan_store::{Result, StoreError, now};

/// Components kept in an alarm's detail (the count goes on beyond).
pub const MAX_COMPONENTS: usize = 50;

/// One observation to file.
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    /// Device address (UITD: 12 hex digits; sensors: their registry address).
    pub device_address: String,
    /// Alarm kind code (`fire`, `fault`, `offline`, `low_pressure` …; see `huoyan-monitor`).
    pub kind: String,
    /// `fire`, `warning` or `info`.
    pub level: String,
    /// When observed (UTC RFC 3339).
    pub at: String,
    /// The frame it came from.
    pub frame_id: Option<i64>,
    /// Headline detail in Chinese, e.g. `火灾报警系统1 · 感烟火灾探测器 回路10 点2`.
    pub summary: String,
    /// The component or reading, as JSON (kept in the alarm's detail).
    pub component: serde_json::Value,
    /// When set, the signal does not open an alarm; it resolves an open one of this kind
    /// automatically with this result (e.g. `recovered` when an offline device is back).
    pub resolves: Option<String>,
}

/// An alarm.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Alarm {
    /// Id.
    pub id: i64,
    /// Jurisdiction node (the device's).
    pub jurisdiction_id: i64,
    /// The monitored unit.
    pub unit_id: Option<i64>,
    /// The device.
    pub device_id: Option<i64>,
    /// Its address.
    pub device_address: String,
    /// Kind code.
    pub kind: String,
    /// `fire`, `warning`, `info`.
    pub level: String,
    /// `open` (未处理), `escalated` (超时未处理) or `handled` (已处理).
    pub status: String,
    /// The operator's finding once handled: `real`, `false`, `test`, `ignored`, or `recovered`
    /// (resolved by the system).
    pub result: Option<String>,
    /// Headline detail in Chinese.
    pub summary: String,
    /// `{ "components": [...], "unit_name": ... }`.
    pub detail: serde_json::Value,
    /// Signals merged into it.
    pub count: i64,
    /// First signal (UTC RFC 3339).
    pub first_at: String,
    /// Latest signal.
    pub last_at: String,
    /// First frame.
    pub first_frame_id: Option<i64>,
    /// Latest frame.
    pub last_frame_id: Option<i64>,
    /// When it became overdue.
    pub escalated_at: Option<String>,
    /// When handled.
    pub handled_at: Option<String>,
    /// Who handled it.
    pub handled_by: Option<String>,
    /// The operator's note.
    pub note: Option<String>,
    /// The incident a confirmed fire became.
    pub incident_id: Option<i64>,
}

impl Alarm {
    /// Its kind ([`Alarm::kind`] holds the code; `None` for a code this program does not know).
    pub fn alarm_kind(&self) -> Option<AlarmKind> {
        AlarmKind::from_code(&self.kind)
    }

    /// Its result, once handled.
    pub fn alarm_result(&self) -> Option<AlarmResult> {
        self.result.as_deref().and_then(AlarmResult::from_code)
    }
}

/// What filing a signal did to an alarm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlarmChange {
    /// The alarm after the change.
    pub alarm: Alarm,
    /// `opened`, `merged` or `resolved`.
    pub change: &'static str,
    /// Materialised path of its jurisdiction (for pushing to the right consoles).
    pub jurisdiction_path: String,
}

/// Filters for [`Monitoring::list_alarms`](crate::store::Monitoring::list_alarms).
#[derive(Debug, Clone, Default)]
pub struct AlarmFilter {
    /// Only these statuses.
    pub status: Vec<String>,
    /// Only this kind.
    pub kind: Option<String>,
    /// Only these levels (`fire`, `warning`, `info`).
    pub levels: Vec<String>,
    /// Only this unit.
    pub unit_id: Option<i64>,
    /// Only this device address.
    pub device_address: Option<String>,
    /// First signal at or after (RFC 3339).
    pub since: Option<String>,
    /// Page size (1–500, default 50).
    pub limit: Option<i64>,
    /// Offset.
    pub offset: Option<i64>,
    /// The order: newest first (history) or the operator's priority (the queue).
    pub sort: AlarmSort,
}

/// The order of an alarm list (`sort` of `GET /alarms`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AlarmSort {
    /// Newest first (`time`; the history's order).
    #[default]
    Time,
    /// The operator's queue (`priority`), by [`priority_rank`] and then newest first.
    Priority,
}

/// An alarm's place in the operator's queue, smallest first: **unhandled 火警 first** (overdue
/// ones first among them), then other **overdue** (超时未处理) alarms, then the other unhandled by
/// level (预警 before 信息), then the handled. Within a rank, newest first. "Overdue" is the alarm
/// engine's escalation (`status = escalated`): an unhandled 火警 after
/// [`MonitorConfig::escalate_fire_secs`](crate::engine::MonitorConfig::escalate_fire_secs) (60 s),
/// any other after `escalate_warning_secs` (1,800 s) — local settings, not a standard's numbers;
/// that fire alarms come before other traffic follows GB 26875.1 (a UITD gives a fire alarm
/// priority, `docs/standards/gb26875.md` §8).
pub fn priority_rank(status: &str, level: &str) -> u8 {
    match (status, level) {
        ("handled", _) => 5,
        ("escalated", "fire") => 0,
        (_, "fire") => 1,
        ("escalated", _) => 2,
        (_, "warning") => 3,
        _ => 4,
    }
}

/// [`priority_rank`] in SQL over `a.status` and `a.level`.
const PRIORITY_RANK_SQL: &str = "CASE WHEN a.status = 'handled' THEN 5 \
     WHEN a.level = 'fire' AND a.status = 'escalated' THEN 0 WHEN a.level = 'fire' THEN 1 \
     WHEN a.status = 'escalated' THEN 2 WHEN a.level = 'warning' THEN 3 ELSE 4 END";

/// Confines alarms (`a`) to `scope`: its jurisdiction subtree and, for a unit manager, its unit.
pub(crate) fn scope_alarms(w: &mut Where, scope: &Scope) {
    w.subtree_on(&scope.path, "a.jurisdiction_id");
    if let Some(u) = scope.unit_id {
        let n = w.next();
        w.push(format!("a.unit_id = ${n}"), vec![Arg::I(u)]);
    }
}

/// An operator's decision.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Handling {
    /// `real` (确认真实; for 火警: 确认真实火警 → incident request), `false` (误报), `test` (测试),
    /// `ignored` (忽略).
    pub result: String,
    /// Note (at most 2,000 characters).
    #[serde(default)]
    pub note: Option<String>,
}

/// Results an operator may give (the codes of [`AlarmResult::BY_OPERATOR`]).
pub const RESULTS: &[&str] = &{
    let mut out = [""; AlarmResult::BY_OPERATOR.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = AlarmResult::BY_OPERATOR[i].code();
        i += 1;
    }
    out
};

pub const ALARM_COLS: &str = "a.id, a.jurisdiction_id, a.unit_id, a.device_id, a.device_address, a.kind, a.level, a.status, a.result, a.summary, a.detail, a.count, a.first_at, a.last_at, a.first_frame_id, a.last_frame_id, a.escalated_at, a.handled_at, a.handled_by, a.note, a.incident_id";

pub fn alarm_from_row(r: &AnyRow) -> Result<Alarm> {
    let id: i64 = r.try_get(0)?;
    let detail: String = r.try_get(10)?;
    Ok(Alarm {
        id,
        jurisdiction_id: r.try_get(1)?,
        unit_id: r.try_get(2)?,
        device_id: r.try_get(3)?,
        device_address: r.try_get(4)?,
        kind: r.try_get(5)?,
        level: r.try_get(6)?,
        status: r.try_get(7)?,
        result: r.try_get(8)?,
        summary: r.try_get(9)?,
        detail: serde_json::from_str(&detail).map_err(|e| StoreError::Corrupt {
            table: "alarms",
            id,
            reason: e.to_string(),
        })?,
        count: r.try_get(11)?,
        first_at: r.try_get(12)?,
        last_at: r.try_get(13)?,
        first_frame_id: r.try_get(14)?,
        last_frame_id: r.try_get(15)?,
        escalated_at: r.try_get(16)?,
        handled_at: r.try_get(17)?,
        handled_by: r.try_get(18)?,
        note: r.try_get(19)?,
        incident_id: r.try_get(20)?,
    })
}

pub(crate) type Tx<'c> = sqlx::Transaction<'c, sqlx::Any>;

/// The device a signal names: id, jurisdiction, unit, jurisdiction path, unit name.
struct DeviceRef {
    id: i64,
    jurisdiction_id: i64,
    unit_id: Option<i64>,
    path: String,
    unit_name: Option<String>,
}

async fn device_ref(tx: &mut Tx<'_>, address: &str) -> Result<Option<DeviceRef>> {
    let row = huoyan_store::dynq(
        "SELECT d.id, d.jurisdiction_id, d.unit_id, j.path, u.name FROM devices d JOIN jurisdictions j ON j.id = d.jurisdiction_id \
         LEFT JOIN units u ON u.id = d.unit_id WHERE d.address = $1",
    )
    .bind(address)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|r| {
        Ok(DeviceRef {
            id: r.try_get(0)?,
            jurisdiction_id: r.try_get(1)?,
            unit_id: r.try_get(2)?,
            path: r.try_get(3)?,
            unit_name: r.try_get(4)?,
        })
    })
    .transpose()
}

async fn open_alarm(tx: &mut Tx<'_>, key: &str) -> Result<Option<Alarm>> {
    let row = huoyan_store::dynq(format!("SELECT {ALARM_COLS} FROM alarms a WHERE a.open_key = $1"))
        .bind(key)
        .fetch_optional(&mut **tx)
        .await?;
    row.as_ref().map(alarm_from_row).transpose()
}

/// The alarm an incident is taken in from, checked in the intake's transaction: it exists in the
/// actor's scope, is a 火警 an operator confirmed as real (确认真实火警), and has not become an
/// incident yet. Refusals name the field `source.alarm_id`.
pub async fn alarm_for_incident(tx: &mut Tx<'_>, actor: &Principal, id: i64) -> Result<Alarm> {
    let missing = || -> StoreError {
        unknown_reference("source.alarm_id", "alarms", id, format!("报警 #{id} 不存在或不在您的辖区 (no such alarm)"))
            .into()
    };
    let a = match alarm_tx(tx, id).await {
        Err(StoreError::NotFound { .. }) => return Err(missing()),
        other => other?,
    };
    let path: String = huoyan_store::dynq("SELECT path FROM jurisdictions WHERE id = $1")
        .bind(a.jurisdiction_id)
        .fetch_one(&mut **tx)
        .await?
        .try_get(0)?;
    if !huoyan_domain::jurisdiction::path_within(&path, &actor.jurisdiction_path) {
        return Err(missing());
    }
    if a.alarm_kind() != Some(AlarmKind::Fire) {
        let reason = format!("报警 #{id} 不是火警，不能转为警情 (a {} alarm does not become an incident)", a.kind);
        let e = FieldError::new("source.alarm_id", code::ALARM_NOT_FIRE, reason).with("id", id);
        return Err(e.with("kind", a.kind.as_str()).into());
    }
    if a.alarm_result() != Some(AlarmResult::Real) {
        let reason = format!(
            "报警 #{id} 尚未确认为真实火警，不能转为警情 (only a fire alarm confirmed as real becomes an incident)"
        );
        return Err(FieldError::new("source.alarm_id", code::ALARM_NOT_CONFIRMED, reason).with("id", id).into());
    }
    if let Some(inc) = a.incident_id {
        let reason = format!("报警 #{id} 已转为警情 #{inc} (the alarm is already incident {inc})");
        let e = FieldError::new("source.alarm_id", code::ALARM_HAS_INCIDENT, reason).with("id", id);
        return Err(StoreError::Conflict(e.with("incident", inc).into()));
    }
    Ok(a)
}

/// Links an alarm to the incident it became, in the intake's transaction; a concurrent intake
/// from the same alarm loses with a conflict.
pub async fn link_incident_tx(tx: &mut Tx<'_>, alarm_id: i64, incident_id: i64) -> Result<()> {
    let done = huoyan_store::dynq("UPDATE alarms SET incident_id = $1 WHERE id = $2 AND incident_id IS NULL")
        .bind(incident_id)
        .bind(alarm_id)
        .execute(&mut **tx)
        .await?;
    if done.rows_affected() != 1 {
        let reason = format!("报警 #{alarm_id} 已转为警情 (the alarm already became an incident)");
        let e = FieldError::new("source.alarm_id", code::ALARM_HAS_INCIDENT, reason).with("id", alarm_id);
        return Err(StoreError::Conflict(e.into()));
    }
    Ok(())
}

pub(crate) async fn alarm_tx(tx: &mut Tx<'_>, id: i64) -> Result<Alarm> {
    let row = huoyan_store::dynq(format!("SELECT {ALARM_COLS} FROM alarms a WHERE a.id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    row.as_ref().map(alarm_from_row).transpose()?.ok_or(StoreError::NotFound { entity: "alarms", id })
}

fn push_component(detail: &mut serde_json::Value, component: &serde_json::Value) {
    if component.is_null() {
        return;
    }
    if !detail.is_object() {
        *detail = serde_json::json!({});
    }
    let list = detail.as_object_mut().map(|m| m.entry("components").or_insert_with(|| serde_json::json!([])));
    if let Some(serde_json::Value::Array(a)) = list
        && a.len() < MAX_COMPONENTS
        && !a.contains(component)
    {
        a.push(component.clone());
    }
}

impl Monitoring<'_> {
    /// Files signals in one transaction, merging into open alarms, and (when given) sets the
    /// named cursor over `alarm_frames` to `last_id` in the same transaction. Signals of
    /// unregistered devices are skipped. Returns the alarms changed, in order (an alarm changed
    /// twice appears once, in its final state).
    pub async fn apply_signals(&self, signals: &[Signal], cursor: Option<(&str, i64)>) -> Result<Vec<AlarmChange>> {
        let mut turn = self.writer().await;
        let mut tx = turn.begin().await?;
        let mut changes: Vec<AlarmChange> = Vec::new();
        let mut devices: Vec<(String, Option<DeviceRef>)> = Vec::new();
        for s in signals {
            if !devices.iter().any(|(a, _)| *a == s.device_address) {
                let d = device_ref(&mut tx, &s.device_address).await?;
                devices.push((s.device_address.clone(), d));
            }
            let Some(d) = devices.iter().find(|(a, _)| *a == s.device_address).and_then(|(_, d)| d.as_ref()) else {
                continue;
            };
            let key = format!("{}|{}", s.device_address, s.kind);
            let change = match (open_alarm(&mut tx, &key).await?, &s.resolves) {
                (Some(a), Some(result)) => {
                    huoyan_store::dynq("UPDATE alarms SET status = 'handled', result = $1, handled_at = $2, handled_by = 'system', open_key = NULL WHERE id = $3")
                        .bind(result.as_str())
                        .bind(s.at.as_str())
                        .bind(a.id)
                        .execute(&mut *tx)
                        .await?;
                    Some((a.id, "resolved"))
                }
                (None, Some(_)) => None,
                (Some(mut a), None) => {
                    push_component(&mut a.detail, &s.component);
                    huoyan_store::dynq("UPDATE alarms SET count = count + 1, last_at = $1, last_frame_id = COALESCE($2, last_frame_id), detail = $3 WHERE id = $4")
                        .bind(s.at.as_str())
                        .bind(s.frame_id)
                        .bind(a.detail.to_string())
                        .bind(a.id)
                        .execute(&mut *tx)
                        .await?;
                    Some((a.id, "merged"))
                }
                (None, None) => {
                    let mut detail = serde_json::json!({ "unit_name": d.unit_name });
                    push_component(&mut detail, &s.component);
                    let row = huoyan_store::dynq(
                        "INSERT INTO alarms (jurisdiction_id, unit_id, device_id, device_address, kind, level, status, summary, detail, count, first_at, last_at, first_frame_id, last_frame_id, open_key) \
                         VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, 1, $9, $9, $10, $10, $11) RETURNING id",
                    )
                    .bind(d.jurisdiction_id)
                    .bind(d.unit_id)
                    .bind(d.id)
                    .bind(s.device_address.as_str())
                    .bind(s.kind.as_str())
                    .bind(s.level.as_str())
                    .bind(s.summary.as_str())
                    .bind(detail.to_string())
                    .bind(s.at.as_str())
                    .bind(s.frame_id)
                    .bind(key.as_str())
                    .fetch_one(&mut *tx)
                    .await?;
                    Some((row.try_get::<i64, _>(0)?, "opened"))
                }
            };
            if let Some((id, what)) = change {
                let alarm = alarm_tx(&mut tx, id).await?;
                match changes.iter_mut().find(|c| c.alarm.id == id) {
                    Some(c) => {
                        c.alarm = alarm;
                        if c.change != "opened" {
                            c.change = what;
                        }
                    }
                    None => changes.push(AlarmChange { alarm, change: what, jurisdiction_path: d.path.clone() }),
                }
            }
        }
        if let Some((name, last_id)) = cursor {
            crate::store::cursor::set_tx(&mut tx, name, last_id).await?;
        }
        tx.commit().await?;
        Ok(changes)
    }

    /// Alarms visible in `scope` (a unit manager's: its unit's), in the order of [`AlarmFilter::sort`].
    pub async fn list_alarms(&self, scope: &Scope, f: &AlarmFilter) -> Result<Page<Alarm>> {
        let mut w = Where::default();
        scope_alarms(&mut w, scope);
        if !f.status.is_empty() {
            let first = w.next();
            let marks: Vec<String> = (0..f.status.len()).map(|i| format!("${}", first + i)).collect();
            w.push(format!("a.status IN ({})", marks.join(", ")), f.status.iter().map(|s| Arg::T(s.clone())).collect());
        }
        if let Some(k) = &f.kind {
            let n = w.next();
            w.push(format!("a.kind = ${n}"), vec![Arg::T(k.clone())]);
        }
        if !f.levels.is_empty() {
            let first = w.next();
            let marks: Vec<String> = (0..f.levels.len()).map(|i| format!("${}", first + i)).collect();
            w.push(format!("a.level IN ({})", marks.join(", ")), f.levels.iter().map(|s| Arg::T(s.clone())).collect());
        }
        if let Some(u) = f.unit_id {
            let n = w.next();
            w.push(format!("a.unit_id = ${n}"), vec![Arg::I(u)]);
        }
        if let Some(d) = &f.device_address {
            let n = w.next();
            w.push(format!("a.device_address = ${n}"), vec![Arg::T(d.to_ascii_lowercase())]);
        }
        if let Some(s) = &f.since {
            let n = w.next();
            w.push(format!("a.first_at >= ${n}"), vec![Arg::T(s.clone())]);
        }
        let limit = f.limit.unwrap_or(50).clamp(1, 500);
        let offset = f.offset.unwrap_or(0).max(0);
        let total: i64 = bind_all(huoyan_store::dynq(format!("SELECT COUNT(*) FROM alarms a{}", w.sql())), &w.args)
            .fetch_one(self.pool())
            .await?
            .try_get(0)?;
        let order = match f.sort {
            AlarmSort::Priority => format!("{PRIORITY_RANK_SQL}, a.id DESC"),
            AlarmSort::Time => "a.id DESC".to_string(),
        };
        let sql =
            format!("SELECT {ALARM_COLS} FROM alarms a{} ORDER BY {order} LIMIT {limit} OFFSET {offset}", w.sql());
        let rows = bind_all(huoyan_store::dynq(sql), &w.args).fetch_all(self.pool()).await?;
        let items = rows.iter().map(alarm_from_row).collect::<Result<Vec<_>>>()?;
        Ok(Page { items, total, limit, offset })
    }

    /// One alarm visible in `scope`.
    pub async fn get_alarm(&self, scope: &Scope, id: i64) -> Result<Alarm> {
        let page = self.list_alarm_ids(scope, &[id]).await?;
        page.into_iter().next().ok_or(StoreError::NotFound { entity: "alarms", id })
    }

    async fn list_alarm_ids(&self, scope: &Scope, ids: &[i64]) -> Result<Vec<Alarm>> {
        let mut w = Where::default();
        let first = w.next();
        let marks: Vec<String> = (0..ids.len()).map(|i| format!("${}", first + i)).collect();
        w.push(format!("a.id IN ({})", marks.join(", ")), ids.iter().map(|i| Arg::I(*i)).collect());
        scope_alarms(&mut w, scope);
        let rows = bind_all(huoyan_store::dynq(format!("SELECT {ALARM_COLS} FROM alarms a{}", w.sql())), &w.args)
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(alarm_from_row).collect()
    }

    /// The alarm an intake names, checked as the intake will check it in its own transaction (see
    /// [`alarm_for_incident`]): for answering before the recommendation is computed.
    pub async fn alarm_for_incident(&self, actor: &Principal, id: i64) -> Result<Alarm> {
        let mut tx = self.begin_write().await?;
        let a = alarm_for_incident(&mut tx, actor, id).await;
        tx.rollback().await?;
        a
    }

    /// Marks open alarms of `level` whose first signal is older than `before` (RFC 3339) as
    /// escalated (超时未处理); returns them with their jurisdiction paths.
    pub async fn escalate_overdue(&self, level: &str, before: &str) -> Result<Vec<(Alarm, String)>> {
        let mut turn = self.writer().await;
        let mut tx = turn.begin().await?;
        let rows = huoyan_store::dynq(format!(
            "SELECT {ALARM_COLS}, j.path FROM alarms a JOIN jurisdictions j ON j.id = a.jurisdiction_id WHERE a.status = 'open' AND a.level = $1 AND a.first_at < $2 ORDER BY a.id LIMIT 500"
        ))
        .bind(level)
        .bind(before)
        .fetch_all(&mut *tx)
        .await?;
        let at = now();
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let mut a = alarm_from_row(r)?;
            let path: String = r.try_get(21)?;
            huoyan_store::dynq(
                "UPDATE alarms SET status = 'escalated', escalated_at = $1 WHERE id = $2 AND status = 'open'",
            )
            .bind(at.as_str())
            .bind(a.id)
            .execute(&mut *tx)
            .await?;
            a.status = "escalated".into();
            a.escalated_at = Some(at.clone());
            out.push((a, path));
        }
        tx.commit().await?;
        Ok(out)
    }
}
