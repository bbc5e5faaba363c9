//! Classification rule sets kept in the store: a province loads its own (with effective dates and
//! sources); the set in force today is used for every unit write. The national baseline is always
//! available as the fallback.

use std::sync::Arc;

use huoyan_domain::account::Principal;
use huoyan_domain::validate::{FieldError, code};
use huoyan_domain::{RuleSet, Unit};
use sqlx::Row;

use crate::audit::{self, AuditEntry};
use crate::query::{ListQuery, Scope};
use crate::{Result, Store, StoreError, now};

impl Store {
    /// All loaded rule sets plus the baseline.
    pub async fn rule_sets(&self) -> Result<Vec<RuleSet>> {
        let rows =
            crate::dynq(format!("SELECT id, {} FROM rule_sets ORDER BY effective_from", self.backend.json_col("body")))
                .fetch_all(&self.pool)
                .await?;
        let mut sets = vec![RuleSet::national_baseline()];
        for r in &rows {
            let body: String = r.try_get(1)?;
            let set: RuleSet = serde_json::from_str(&body).map_err(|e| StoreError::Corrupt {
                table: "rule_sets",
                id: 0,
                reason: e.to_string(),
            })?;
            sets.retain(|s| s.id != set.id);
            sets.push(set);
        }
        Ok(sets)
    }

    /// Re-selects the set in force today.
    pub async fn reload_rules(&self) -> Result<Arc<RuleSet>> {
        let sets = self.rule_sets().await?;
        let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
        let set = Arc::new(RuleSet::in_force(&sets, &today).cloned().unwrap_or_else(RuleSet::national_baseline));
        if let Ok(mut r) = self.rules.write() {
            *r = set.clone();
        }
        Ok(set)
    }

    /// Loads (or replaces, by id) a rule set, then reclassifies every unit under the set in force.
    /// Returns how many units changed class.
    pub async fn load_rule_set(&self, actor: &Principal, set: RuleSet) -> Result<usize> {
        set.check().map_err(|e| StoreError::invalid("rules", "bad_rule_set", e.to_string()))?;
        if set.id == RuleSet::national_baseline().id {
            let reason = "the national baseline ships with Huoyan; give your set its own id";
            return Err(FieldError::new("id", "reserved_id", reason).with("id", set.id.as_str()).into());
        }
        let body =
            serde_json::to_string(&set).map_err(|e| StoreError::invalid("rules", code::INVALID, e.to_string()))?;
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM rule_sets WHERE id = $1").bind(set.id.as_str()).execute(&mut *tx).await?;
        crate::dynq(format!(
            "INSERT INTO rule_sets (id, name, region, effective_from, effective_to, body, loaded_at) VALUES ($1, $2, $3, $4, $5, {}, $7)",
            self.backend.json_param(6)
        ))
        .bind(set.id.as_str())
        .bind(set.name.as_str())
        .bind(set.region.as_str())
        .bind(set.effective_from.as_str())
        .bind(set.effective_to.clone())
        .bind(body)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        audit::append(
            &mut tx,
            self.backend,
            actor,
            AuditEntry::new("load", "rule_sets", None, None)
                .after(&serde_json::json!({"id": set.id, "rules": set.rules.len()})),
        )
        .await?;
        tx.commit().await?;
        self.reload_rules().await?;
        self.reclassify_units(actor).await
    }

    /// Reclassifies every unit with the set in force; returns how many changed.
    pub async fn reclassify_units(&self, actor: &Principal) -> Result<usize> {
        let mut changed = 0;
        let mut offset = 0;
        loop {
            let q = ListQuery { limit: Some(1000), offset: Some(offset), ..Default::default() };
            let page = self.list::<Unit>(&Scope::all(), &q).await?;
            if page.items.is_empty() {
                break;
            }
            offset += page.items.len() as i64;
            let rules = self.rules();
            for u in page.items {
                let mut v = u.clone();
                rules.apply(&mut v);
                if v.classes != u.classes || v.class_reasons != u.class_reasons {
                    self.update(actor, u.id, v).await?;
                    changed += 1;
                }
            }
        }
        Ok(changed)
    }
}
