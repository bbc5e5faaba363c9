//! The append-only audit log: who changed what, when, with the record before and after. Entries are
//! written in the same transaction as the change they describe; the database refuses UPDATE and
//! DELETE on the table (triggers in the migrations).

use huoyan_domain::account::Principal;
use serde::Serialize;
use sqlx::{Any, Row, Transaction};

use crate::query::{Arg, Scope, Where, bind_all};
use crate::{Backend, Result, Store, StoreError, now};

/// An entry to append.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    action: &'static str,
    entity: &'static str,
    entity_id: Option<i64>,
    jurisdiction_id: Option<i64>,
    before: Option<String>,
    after: Option<String>,
}

impl AuditEntry {
    /// A new entry for `action` (`create`, `update`, `delete`, `import`, `login` …) on `entity`.
    pub fn new(
        action: &'static str,
        entity: &'static str,
        entity_id: Option<i64>,
        jurisdiction_id: Option<i64>,
    ) -> Self {
        AuditEntry { action, entity, entity_id, jurisdiction_id, before: None, after: None }
    }

    /// The record before the change.
    pub fn before<T: Serialize>(mut self, v: &T) -> Self {
        self.before = serde_json::to_string(v).ok();
        self
    }

    /// The record after the change (or a summary, for imports).
    pub fn after<T: Serialize>(mut self, v: &T) -> Self {
        self.after = serde_json::to_string(v).ok();
        self
    }
}

/// A stored audit entry.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AuditRecord {
    /// Sequence number.
    pub id: i64,
    /// When (UTC).
    pub at: String,
    /// Account id (0 = the system).
    pub user_id: i64,
    /// Login name.
    pub username: String,
    /// What was done.
    pub action: String,
    /// Table.
    pub entity: String,
    /// Record id.
    pub entity_id: Option<i64>,
    /// The record's jurisdiction.
    pub jurisdiction_id: Option<i64>,
    /// Before: the record, or what the action wrote (an object, a list …); null when none.
    #[schema(schema_with = any_json)]
    pub before: Option<serde_json::Value>,
    /// After, as `before`.
    #[schema(schema_with = any_json)]
    pub after: Option<serde_json::Value>,
}

/// The schema of any JSON value (an audit entry keeps what each action wrote: a record, a list of
/// dispatches, a number …).
fn any_json() -> utoipa::openapi::schema::Schema {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::SchemaType::AnyValue)
        .description(Some("any JSON value, or null"))
        .build()
        .into()
}

/// Appends an entry inside the caller's transaction.
pub async fn append(tx: &mut Transaction<'_, Any>, backend: Backend, actor: &Principal, e: AuditEntry) -> Result<()> {
    let sql = format!(
        "INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, jurisdiction_id, before, after) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, {}, {})",
        backend.json_param(8),
        backend.json_param(9)
    );
    crate::dynq(&sql)
        .bind(now())
        .bind(actor.user_id)
        .bind(actor.username.as_str())
        .bind(e.action)
        .bind(e.entity)
        .bind(e.entity_id)
        .bind(e.jurisdiction_id)
        .bind(e.before)
        .bind(e.after)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl Store {
    /// Appends an entry on its own (for events that change nothing else, e.g. a login).
    pub async fn audit(&self, actor: &Principal, e: AuditEntry) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        append(&mut tx, self.backend, actor, e).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Reads the log, newest first, for records in `scope` (entries without a jurisdiction are shown
    /// only to callers whose scope is a root).
    pub async fn audit_log(
        &self,
        scope: &Scope,
        entity: Option<&str>,
        entity_id: Option<i64>,
        limit: i64,
    ) -> Result<Vec<AuditRecord>> {
        let mut w = Where::default();
        if scope.path != "/" {
            let n = w.next();
            w.push(
                format!("jurisdiction_id IN (SELECT id FROM jurisdictions WHERE path LIKE ${n})"),
                vec![Arg::T(format!("{}%", crate::query::escape_like(&scope.path)))],
            );
        }
        if let Some(e) = entity {
            let n = w.next();
            w.push(format!("entity = ${n}"), vec![Arg::T(e.to_string())]);
        }
        if let Some(id) = entity_id {
            let n = w.next();
            w.push(format!("entity_id = ${n}"), vec![Arg::I(id)]);
        }
        let b = self.backend;
        let sql = format!(
            "SELECT id, at, user_id, username, action, entity, entity_id, jurisdiction_id, {} AS before, {} AS after \
             FROM audit_log{} ORDER BY id DESC LIMIT {}",
            b.json_col("before"),
            b.json_col("after"),
            w.sql(),
            limit.clamp(1, 1000)
        );
        let rows = bind_all(crate::dynq(&sql), &w.args).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
                Ok(AuditRecord {
                    id: r.try_get(0)?,
                    at: r.try_get(1)?,
                    user_id: r.try_get(2)?,
                    username: r.try_get(3)?,
                    action: r.try_get(4)?,
                    entity: r.try_get(5)?,
                    entity_id: r.try_get(6)?,
                    jurisdiction_id: r.try_get(7)?,
                    before: parse(r.try_get(8)?),
                    after: parse(r.try_get(9)?),
                })
            })
            .collect::<std::result::Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }
}
