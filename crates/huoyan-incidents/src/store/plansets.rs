//! Dispatch plan sets (调派方案) kept in the store: a brigade loads its own set (TOML or JSON,
//! checked by `crate::rules::PlanSet::check`); the newest loaded set is in force, and with none
//! loaded the baseline shipped in `huoyan-dispatch/plans/cn-baseline.toml` is. Loads are kept as
//! history. Plans apply to the whole deployment, so only accounts of a root jurisdiction (or the
//! system) may load them.

use std::sync::{Arc, Mutex, OnceLock};

use huoyan_domain::account::Principal;
use huoyan_store::audit::{self, AuditEntry};
use huoyan_store::{Result, StoreError, now};
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Row;
use utoipa::ToSchema;

use crate::rules::PlanSet;
use crate::store::Incidents;

/// A loaded plan set, as listed.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PlanSetInfo {
    /// Load number (0: the built-in baseline).
    pub seq: i64,
    /// The set's id.
    pub set_id: String,
    /// Its name.
    pub name: String,
    /// Who loaded it.
    pub loaded_by: String,
    /// When (UTC).
    pub loaded_at: String,
}

/// Parsed sets keyed by the SHA-256 of their stored body.
type Parsed = Mutex<Vec<(String, Arc<PlanSet>)>>;

/// Parsed sets (equal bodies parse equally, so one cache serves every store in the process).
fn cache() -> &'static Parsed {
    static C: OnceLock<Parsed> = OnceLock::new();
    C.get_or_init(|| Mutex::new(Vec::new()))
}

fn baseline() -> Arc<PlanSet> {
    static B: OnceLock<Arc<PlanSet>> = OnceLock::new();
    B.get_or_init(|| Arc::new(PlanSet::baseline())).clone()
}

impl Incidents<'_> {
    /// The plan set in force.
    pub async fn dispatch_plans(&self) -> Result<Arc<PlanSet>> {
        let row = sqlx::query("SELECT id, body, sha256 FROM dispatch_plan_sets ORDER BY id DESC LIMIT 1")
            .fetch_optional(self.pool())
            .await?;
        let Some(row) = row else { return Ok(baseline()) };
        let sha: String = row.try_get(2)?;
        if let Some(hit) = cache().lock().unwrap_or_else(|p| p.into_inner()).iter().find(|(s, _)| *s == sha) {
            return Ok(hit.1.clone());
        }
        let (id, body): (i64, String) = (row.try_get(0)?, row.try_get(1)?);
        let set = Arc::new(PlanSet::from_json(&body).map_err(|e| StoreError::Corrupt {
            table: "dispatch_plan_sets",
            id,
            reason: e.to_string(),
        })?);
        let mut c = cache().lock().unwrap_or_else(|p| p.into_inner());
        if c.len() >= 16 {
            c.remove(0);
        }
        c.push((sha, set.clone()));
        Ok(set)
    }

    /// Loads a plan set (already parsed); it is in force from now on.
    pub async fn load_dispatch_plans(&self, actor: &Principal, set: PlanSet) -> Result<PlanSetInfo> {
        let depth = actor.jurisdiction_path.split('/').filter(|s| !s.is_empty()).count();
        if depth > 1 {
            return Err(StoreError::Forbidden(
                "dispatch plans apply to the whole deployment; load them from an account of the root jurisdiction"
                    .into(),
            ));
        }
        set.check().map_err(|e| StoreError::invalid("plans", crate::rules::code::BAD_PLAN_SET, e.to_string()))?;
        let body = serde_json::to_string(&set)
            .map_err(|e| StoreError::invalid("plans", huoyan_domain::validate::code::INVALID, e.to_string()))?;
        let sha = hex::encode(Sha256::digest(body.as_bytes()));
        let at = now();
        let mut tx = self.begin_write().await?;
        let row = sqlx::query("INSERT INTO dispatch_plan_sets (set_id, name, body, sha256, loaded_by, loaded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
            .bind(set.id.as_str())
            .bind(set.name.as_str())
            .bind(body.as_str())
            .bind(sha.as_str())
            .bind(actor.username.as_str())
            .bind(at.as_str())
            .fetch_one(&mut *tx)
            .await?;
        let seq: i64 = row.try_get(0)?;
        let info = PlanSetInfo {
            seq,
            set_id: set.id.clone(),
            name: set.name.clone(),
            loaded_by: actor.username.clone(),
            loaded_at: at,
        };
        audit::append(
            &mut tx,
            self.backend(),
            actor,
            AuditEntry::new("load", "dispatch_plan_sets", Some(seq), None).after(&info),
        )
        .await?;
        tx.commit().await?;
        Ok(info)
    }

    /// Every load, newest first, then the built-in baseline.
    pub async fn dispatch_plan_history(&self) -> Result<Vec<PlanSetInfo>> {
        let rows = sqlx::query(
            "SELECT id, set_id, name, loaded_by, loaded_at FROM dispatch_plan_sets ORDER BY id DESC LIMIT 200",
        )
        .fetch_all(self.pool())
        .await?;
        let mut out: Vec<PlanSetInfo> = rows
            .iter()
            .map(|r| {
                Ok(PlanSetInfo {
                    seq: r.try_get(0)?,
                    set_id: r.try_get(1)?,
                    name: r.try_get(2)?,
                    loaded_by: r.try_get(3)?,
                    loaded_at: r.try_get(4)?,
                })
            })
            .collect::<std::result::Result<_, sqlx::Error>>()?;
        let b = baseline();
        out.push(PlanSetInfo {
            seq: 0,
            set_id: b.id.clone(),
            name: b.name.clone(),
            loaded_by: "huoyan".into(),
            loaded_at: b.effective_from.clone(),
        });
        Ok(out)
    }
}
