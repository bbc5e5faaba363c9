//! The operator's handling of alarms (处置): one alarm (确认真实 / 误报 / 测试 / 忽略), or many at once
//! (误报 / 测试 / 忽略 only: a real fire is confirmed one by one, since it starts the 119 side).
//!
//! Both are audited per alarm. A batch is **all or nothing**: the alarms are checked and handled
//! in one transaction, and the first refusal (not found or outside the caller's scope, already
//! handled) rolls every one of them back and names the alarm (`ids[i]`). At most [`MAX_BATCH`]
//! alarms per batch.

use huoyan_domain::FieldError;
use huoyan_domain::account::Principal;
use huoyan_domain::validate::code as kernel;

use crate::code;
use crate::kinds::{AlarmKind, AlarmResult};
use crate::store::Monitoring;
use crate::store::alarms::{Alarm, Handling, RESULTS, Tx, alarm_tx};
use huoyan_store::audit::{self, AuditEntry};
use huoyan_store::{Result, StoreError, check_in_scope, now};

/// The most alarms one batch may handle.
pub const MAX_BATCH: usize = 100;

/// Results a batch may give: every operator's result but `real`.
pub const BATCH_RESULTS: &[&str] = &["false", "test", "ignored"];

/// Many alarms handled at once with one result and one note (`POST /alarms/handle`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchHandling {
    /// The alarms (1–100; a repeated id counts once).
    pub ids: Vec<i64>,
    /// `false` (误报), `test` (测试) or `ignored` (忽略); never `real`: a real fire is confirmed
    /// one by one (`POST /alarms/{id}/handle`).
    pub result: String,
    /// Note for every one of them (at most 2,000 characters).
    #[serde(default)]
    pub note: Option<String>,
}

/// The result code and the trimmed note, checked.
fn checked(code: &str, note: Option<&str>) -> Result<(AlarmResult, Option<String>)> {
    let result = AlarmResult::from_code(code).filter(|r| AlarmResult::BY_OPERATOR.contains(r));
    let Some(result) = result else {
        let reason = format!("must be one of {} (确认真实, 误报, 测试, 忽略)", RESULTS.join(", "));
        let e = FieldError::new("result", kernel::UNKNOWN_VALUE, reason).with("value", code);
        return Err(e.with("allowed", RESULTS.to_vec()).into());
    };
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > 2000) {
        return Err(FieldError::new("note", kernel::TOO_LONG, "at most 2,000 characters").with("max", 2000).into());
    }
    Ok((result, note.map(str::to_string)))
}

impl Monitoring<'_> {
    /// Records an operator's decision on an open or escalated alarm (audited). A `real` fire
    /// queues the `fire_confirmed` webhook in the same transaction. Returns the alarm and its
    /// jurisdiction path.
    pub async fn handle_alarm(&self, actor: &Principal, id: i64, h: &Handling) -> Result<(Alarm, String)> {
        let (result, note) = checked(&h.result, h.note.as_deref())?;
        let mut turn = self.writer().await;
        let mut tx = turn.begin().await?;
        let at = now();
        let done = self.handle_tx(&mut tx, actor, id, result, note.as_deref(), &at, "result").await?;
        tx.commit().await?;
        Ok(done)
    }

    /// Handles many alarms with one result (误报 / 测试 / 忽略) and one note, all or nothing (see
    /// the module's documentation). Returns them in the order given, with their jurisdiction paths.
    pub async fn handle_alarms(&self, actor: &Principal, b: &BatchHandling) -> Result<Vec<(Alarm, String)>> {
        if b.result == AlarmResult::Real.code() {
            let reason = "确认真实火警须逐条处置，不能批量 (a real alarm is confirmed one by one)";
            let e = FieldError::new("result", code::REAL_ONE_BY_ONE, reason).with("value", b.result.as_str());
            return Err(e.with("allowed", BATCH_RESULTS.to_vec()).into());
        }
        if !BATCH_RESULTS.contains(&b.result.as_str()) {
            let reason = format!("must be one of {} (误报, 测试, 忽略)", BATCH_RESULTS.join(", "));
            let e = FieldError::new("result", kernel::UNKNOWN_VALUE, reason).with("value", b.result.as_str());
            return Err(e.with("allowed", BATCH_RESULTS.to_vec()).into());
        }
        let (result, note) = checked(&b.result, b.note.as_deref())?;
        let mut ids: Vec<i64> = Vec::with_capacity(b.ids.len());
        for id in &b.ids {
            if !ids.contains(id) {
                ids.push(*id);
            }
        }
        if ids.is_empty() {
            return Err(FieldError::new("ids", kernel::REQUIRED, "select at least one alarm").into());
        }
        if ids.len() > MAX_BATCH {
            let reason = format!("at most {MAX_BATCH} alarms at once");
            return Err(FieldError::new("ids", kernel::TOO_MANY, reason).with("max", MAX_BATCH).into());
        }
        let mut turn = self.writer().await;
        let mut tx = turn.begin().await?;
        let at = now();
        let mut out = Vec::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            let field = format!("ids[{i}]");
            out.push(self.handle_tx(&mut tx, actor, *id, result, note.as_deref(), &at, &field).await?);
        }
        tx.commit().await?;
        Ok(out)
    }

    /// One alarm's handling inside `tx`: scope, role and state checked, the row updated, the
    /// webhook queued for a real fire, the audit entry written. `field` names the alarm in a
    /// refusal (`result` for one, `ids[i]` in a batch).
    #[allow(clippy::too_many_arguments)]
    async fn handle_tx(
        &self,
        tx: &mut Tx<'_>,
        actor: &Principal,
        id: i64,
        result: AlarmResult,
        note: Option<&str>,
        at: &str,
        field: &str,
    ) -> Result<(Alarm, String)> {
        let before = alarm_tx(tx, id).await?;
        let path = self.jurisdiction_path_tx(tx, before.jurisdiction_id).await?;
        // An alarm outside the caller's jurisdiction is not found, as in the lists: a 403 would
        // tell that it exists.
        if check_in_scope(actor, &path).is_err() {
            return Err(StoreError::NotFound { entity: "alarms", id });
        }
        if actor.unit_id.is_some() {
            return Err(StoreError::Forbidden("a unit manager does not handle alarms".into()));
        }
        if before.status == "handled" {
            let reason = format!(
                "alarm {id} was already handled by {} at {} ({}); 该警情已处理",
                before.handled_by.as_deref().unwrap_or("?"),
                before.handled_at.as_deref().unwrap_or("?"),
                before.result.as_deref().unwrap_or("?")
            );
            let e = FieldError::new(field, code::ALARM_HANDLED, reason)
                .with("id", id)
                .with("by", before.handled_by.clone())
                .with("at", before.handled_at.clone())
                .with("result", before.result.clone());
            return Err(StoreError::Conflict(e.into()));
        }
        huoyan_store::dynq("UPDATE alarms SET status = 'handled', result = $1, note = $2, handled_at = $3, handled_by = $4, open_key = NULL WHERE id = $5 AND status <> 'handled'")
            .bind(result.code())
            .bind(note)
            .bind(at)
            .bind(actor.username.as_str())
            .bind(id)
            .execute(&mut **tx)
            .await?;
        let after = alarm_tx(tx, id).await?;
        if after.alarm_kind() == Some(AlarmKind::Fire) && result == AlarmResult::Real {
            let payload = serde_json::json!({ "event": "fire_confirmed", "alarm": after, "confirmed_by": actor.username, "confirmed_at": at });
            crate::store::outbox::enqueue_tx(tx, "fire_confirmed", &payload).await?;
        }
        audit::append(
            tx,
            self.backend(),
            actor,
            AuditEntry::new("handle", "alarms", Some(id), Some(after.jurisdiction_id)).before(&before).after(&after),
        )
        .await?;
        Ok((after, path))
    }
}
