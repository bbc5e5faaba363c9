//! Digital pre-plans (数字化预案) of key units: one per unit (消防安全重点单位 or 火灾高危单位),
//! the document as JSON with its completeness score kept for listing, and attachments (floor
//! plans: PNG, JPEG, WebP or PDF, checked by their first bytes) stored as blobs in the database
//! so every node of a PostgreSQL deployment serves the same files. Limits: [`MAX_ATTACHMENT_BYTES`]
//! per file, [`MAX_ATTACHMENTS`] files per plan.

use huoyan_domain::FieldError;
use huoyan_domain::account::Principal;
use huoyan_domain::validate::{code as kernel, unknown_reference};
use huoyan_store::audit::{self, AuditEntry};
use huoyan_store::query::{Arg, Page, Scope, Where, bind_all};
use huoyan_store::{Result, StoreError, now};
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};
use utoipa::ToSchema;

use crate::rules::{Completeness, PrePlanDoc, code};
use crate::store::Incidents;

/// Largest attachment, bytes (10 MiB).
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;
/// Most attachments per pre-plan.
pub const MAX_ATTACHMENTS: usize = 20;

/// An attachment's metadata.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AttachmentMeta {
    /// Id.
    pub id: i64,
    /// File name.
    pub name: String,
    /// `image/png`, `image/jpeg`, `image/webp` or `application/pdf`.
    pub content_type: String,
    /// Size, bytes.
    pub size_bytes: i64,
    /// SHA-256, hex.
    pub sha256: String,
    /// Uploaded (UTC).
    pub created_at: String,
}

/// A pre-plan with its attachments and score.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PrePlan {
    /// Id.
    pub id: i64,
    /// The unit.
    pub unit_id: i64,
    /// The unit's name.
    pub unit_name: String,
    /// Jurisdiction (the unit's).
    pub jurisdiction_id: i64,
    /// The document.
    pub doc: PrePlanDoc,
    /// Attachments.
    pub attachments: Vec<AttachmentMeta>,
    /// Completeness.
    pub completeness: Completeness,
    /// Created (UTC).
    pub created_at: String,
    /// Last change (UTC).
    pub updated_at: String,
    /// Incremented on every change.
    pub version: i64,
}

/// A pre-plan as listed.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PrePlanSummary {
    /// Id.
    pub id: i64,
    /// The unit.
    pub unit_id: i64,
    /// The unit's name.
    pub unit_name: String,
    /// Jurisdiction.
    pub jurisdiction_id: i64,
    /// Completeness, percent.
    pub completeness: f64,
    /// Last change (UTC).
    pub updated_at: String,
}

/// The content type of a file by its first bytes, if it is an accepted kind.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else {
        None
    }
}

fn deny_unit_managers(scope: &Scope) -> Result<()> {
    if scope.unit_id.is_some() {
        Err(StoreError::Forbidden("a unit manager does not see pre-plans".into()))
    } else {
        Ok(())
    }
}

impl Incidents<'_> {
    async fn attachments_tx(&self, tx: &mut Transaction<'_, Any>, preplan_id: i64) -> Result<Vec<AttachmentMeta>> {
        let rows = sqlx::query("SELECT id, name, content_type, size_bytes, sha256, created_at FROM preplan_attachments WHERE preplan_id = $1 ORDER BY id")
            .bind(preplan_id)
            .fetch_all(&mut **tx)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(AttachmentMeta {
                    id: r.try_get(0)?,
                    name: r.try_get(1)?,
                    content_type: r.try_get(2)?,
                    size_bytes: r.try_get(3)?,
                    sha256: r.try_get(4)?,
                    created_at: r.try_get(5)?,
                })
            })
            .collect::<std::result::Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }

    async fn preplan_row(
        &self,
        tx: &mut Transaction<'_, Any>,
        scope: &Scope,
        by: &str,
        id: i64,
    ) -> Result<Option<PrePlan>> {
        deny_unit_managers(scope)?;
        let mut w = Where::default();
        w.push(format!("p.{by} = $1"), vec![Arg::I(id)]);
        w.subtree_on(&scope.path, "p.jurisdiction_id");
        let sql = format!(
            "SELECT p.id, p.unit_id, u.name, p.jurisdiction_id, {} AS doc, p.created_at, p.updated_at, p.version FROM preplans p JOIN units u ON u.id = p.unit_id{}",
            self.backend().json_col("p.doc"),
            w.sql()
        );
        let row: Option<AnyRow> = bind_all(huoyan_store::dynq(&sql), &w.args).fetch_optional(&mut **tx).await?;
        let Some(r) = row else { return Ok(None) };
        let pid: i64 = r.try_get(0)?;
        let doc: String = r.try_get(4)?;
        let doc: PrePlanDoc = serde_json::from_str(&doc).map_err(|e| StoreError::Corrupt {
            table: "preplans",
            id: pid,
            reason: e.to_string(),
        })?;
        let attachments = self.attachments_tx(tx, pid).await?;
        Ok(Some(PrePlan {
            id: pid,
            unit_id: r.try_get(1)?,
            unit_name: r.try_get(2)?,
            jurisdiction_id: r.try_get(3)?,
            completeness: doc.completeness(attachments.len()),
            doc,
            attachments,
            created_at: r.try_get(5)?,
            updated_at: r.try_get(6)?,
            version: r.try_get(7)?,
        }))
    }

    /// A pre-plan visible in `scope`.
    pub async fn get_preplan(&self, scope: &Scope, id: i64) -> Result<PrePlan> {
        let mut tx = self.pool().begin().await?;
        let p = self.preplan_row(&mut tx, scope, "id", id).await?;
        tx.commit().await?;
        p.ok_or(StoreError::NotFound { entity: "preplans", id })
    }

    /// The pre-plan of a unit, if it has one visible in `scope`.
    pub async fn preplan_for_unit(&self, scope: &Scope, unit_id: i64) -> Result<Option<PrePlan>> {
        let mut tx = self.pool().begin().await?;
        let p = self.preplan_row(&mut tx, scope, "unit_id", unit_id).await?;
        tx.commit().await?;
        Ok(p)
    }

    /// Pre-plans visible in `scope`, least complete first (then by id).
    pub async fn list_preplans(
        &self,
        scope: &Scope,
        limit: Option<i64>,
        offset: Option<i64>,
    ) -> Result<Page<PrePlanSummary>> {
        deny_unit_managers(scope)?;
        let mut w = Where::default();
        w.subtree_on(&scope.path, "p.jurisdiction_id");
        let limit = limit.unwrap_or(50).clamp(1, 1000);
        let offset = offset.unwrap_or(0).max(0);
        let total: i64 = bind_all(huoyan_store::dynq(format!("SELECT COUNT(*) FROM preplans p{}", w.sql())), &w.args)
            .fetch_one(self.pool())
            .await?
            .try_get(0)?;
        let sql = format!(
            "SELECT p.id, p.unit_id, u.name, p.jurisdiction_id, p.completeness, p.updated_at FROM preplans p JOIN units u ON u.id = p.unit_id{} \
             ORDER BY p.completeness, p.id LIMIT {limit} OFFSET {offset}",
            w.sql()
        );
        let rows = bind_all(huoyan_store::dynq(&sql), &w.args).fetch_all(self.pool()).await?;
        let items = rows
            .iter()
            .map(|r| {
                Ok(PrePlanSummary {
                    id: r.try_get(0)?,
                    unit_id: r.try_get(1)?,
                    unit_name: r.try_get(2)?,
                    jurisdiction_id: r.try_get(3)?,
                    completeness: r.try_get(4)?,
                    updated_at: r.try_get(5)?,
                })
            })
            .collect::<std::result::Result<_, sqlx::Error>>()?;
        Ok(Page { items, total, limit, offset })
    }

    /// Creates or replaces the pre-plan of a key unit.
    pub async fn put_preplan(&self, actor: &Principal, unit_id: i64, doc: PrePlanDoc) -> Result<PrePlan> {
        let scope = Scope::from(actor);
        deny_unit_managers(&scope)?;
        doc.validate().map_err(StoreError::Invalid)?;
        let mut tx = self.begin_write().await?;
        let row = sqlx::query("SELECT u.jurisdiction_id, j.path, u.status FROM units u JOIN jurisdictions j ON j.id = u.jurisdiction_id WHERE u.id = $1")
            .bind(unit_id)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(row) = row else {
            return Err(unknown_reference("unit_id", "units", unit_id, format!("unit {unit_id} does not exist")).into());
        };
        let (jid, path, classes): (i64, String, Option<String>) = (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
        if !huoyan_domain::jurisdiction::path_within(&path, &actor.jurisdiction_path) {
            return Err(unknown_reference("unit_id", "units", unit_id, format!("unit {unit_id} does not exist")).into());
        }
        let classes = classes.unwrap_or_default();
        if !classes.contains("|key_unit|") && !classes.contains("|high_risk|") {
            return Err(StoreError::invalid(
                "unit_id",
                code::NOT_KEY_UNIT,
                "预案针对消防安全重点单位和火灾高危单位 (pre-plans are kept for key units and high-risk units)",
            ));
        }
        let before = self.preplan_row(&mut tx, &Scope::all(), "unit_id", unit_id).await?;
        let n_att = before.as_ref().map_or(0, |b| b.attachments.len());
        let percent = doc.completeness(n_att).percent;
        let body =
            serde_json::to_string(&doc).map_err(|e| StoreError::invalid("doc", kernel::INVALID, e.to_string()))?;
        let at = now();
        let id = match &before {
            Some(b) => {
                huoyan_store::dynq(format!(
                    "UPDATE preplans SET doc = {}, completeness = $2, updated_at = $3, version = version + 1, jurisdiction_id = $4 WHERE id = $5",
                    self.backend().json_param(1)
                ))
                .bind(body)
                .bind(percent)
                .bind(at.as_str())
                .bind(jid)
                .bind(b.id)
                .execute(&mut *tx)
                .await?;
                b.id
            }
            None => huoyan_store::dynq(format!(
                "INSERT INTO preplans (jurisdiction_id, unit_id, doc, completeness, created_at, updated_at) VALUES ($1, $2, {}, $4, $5, $5) RETURNING id",
                self.backend().json_param(3)
            ))
            .bind(jid)
            .bind(unit_id)
            .bind(body)
            .bind(percent)
            .bind(at.as_str())
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?,
        };
        let after = self
            .preplan_row(&mut tx, &Scope::all(), "id", id)
            .await?
            .ok_or(StoreError::NotFound { entity: "preplans", id })?;
        let mut e =
            AuditEntry::new(if before.is_some() { "update" } else { "create" }, "preplans", Some(id), Some(jid))
                .after(&after.doc);
        if let Some(b) = &before {
            e = e.before(&b.doc);
        }
        audit::append(&mut tx, self.backend(), actor, e).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Deletes a pre-plan and its attachments.
    pub async fn delete_preplan(&self, actor: &Principal, id: i64) -> Result<()> {
        let before = self.get_preplan(&Scope::from(actor), id).await?;
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM preplan_attachments WHERE preplan_id = $1").bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM preplans WHERE id = $1").bind(id).execute(&mut *tx).await?;
        audit::append(
            &mut tx,
            self.backend(),
            actor,
            AuditEntry::new("delete", "preplans", Some(id), Some(before.jurisdiction_id)).before(&before.doc),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Attaches a file (content type taken from its first bytes); returns the plan afterwards.
    pub async fn add_attachment(
        &self,
        actor: &Principal,
        preplan_id: i64,
        name: &str,
        bytes: &[u8],
    ) -> Result<PrePlan> {
        let plan = self.get_preplan(&Scope::from(actor), preplan_id).await?;
        let name = name.trim();
        if name.is_empty()
            || name.chars().count() > 200
            || name.chars().any(|c| c.is_control() || c == '/' || c == '\\')
        {
            let reason = "a file name of 1–200 characters without / \\ or control characters";
            return Err(FieldError::new("name", code::BAD_FILE_NAME, reason).with("min", 1).with("max", 200).into());
        }
        if bytes.len() > MAX_ATTACHMENT_BYTES {
            let mib = MAX_ATTACHMENT_BYTES / 1024 / 1024;
            return Err(FieldError::new("file", code::TOO_LARGE, format!("larger than {mib} MiB"))
                .with("max_mib", mib)
                .into());
        }
        let Some(ct) = sniff(bytes) else {
            let reason = "only PNG, JPEG, WebP images and PDF documents are accepted";
            return Err(StoreError::invalid("file", code::FILE_TYPE, reason));
        };
        if plan.attachments.len() >= MAX_ATTACHMENTS {
            let reason = format!("a pre-plan holds at most {MAX_ATTACHMENTS} attachments");
            return Err(StoreError::Conflict(
                FieldError::new("file", kernel::TOO_MANY, reason).with("max", MAX_ATTACHMENTS).into(),
            ));
        }
        let sha = hex::encode(Sha256::digest(bytes));
        let mut tx = self.begin_write().await?;
        let row = sqlx::query("INSERT INTO preplan_attachments (preplan_id, name, content_type, size_bytes, sha256, data, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")
            .bind(preplan_id)
            .bind(name)
            .bind(ct)
            .bind(bytes.len() as i64)
            .bind(sha.as_str())
            .bind(bytes.to_vec())
            .bind(now())
            .fetch_one(&mut *tx)
            .await?;
        let aid: i64 = row.try_get(0)?;
        self.rescore(&mut tx, preplan_id).await?;
        let after = self
            .preplan_row(&mut tx, &Scope::all(), "id", preplan_id)
            .await?
            .ok_or(StoreError::NotFound { entity: "preplans", id: preplan_id })?;
        let meta = after.attachments.iter().find(|a| a.id == aid).cloned();
        audit::append(
            &mut tx,
            self.backend(),
            actor,
            AuditEntry::new("attach", "preplans", Some(preplan_id), Some(plan.jurisdiction_id)).after(&meta),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// An attachment and its bytes, visible in `scope`.
    pub async fn attachment(&self, scope: &Scope, id: i64) -> Result<(AttachmentMeta, Vec<u8>)> {
        deny_unit_managers(scope)?;
        let mut w = Where::default();
        w.push("a.id = $1".into(), vec![Arg::I(id)]);
        w.subtree_on(&scope.path, "p.jurisdiction_id");
        let sql = format!(
            "SELECT a.id, a.name, a.content_type, a.size_bytes, a.sha256, a.created_at, a.data FROM preplan_attachments a JOIN preplans p ON p.id = a.preplan_id{}",
            w.sql()
        );
        let row = bind_all(huoyan_store::dynq(&sql), &w.args).fetch_optional(self.pool()).await?;
        let Some(r) = row else { return Err(StoreError::NotFound { entity: "preplan_attachments", id }) };
        let meta = AttachmentMeta {
            id: r.try_get(0)?,
            name: r.try_get(1)?,
            content_type: r.try_get(2)?,
            size_bytes: r.try_get(3)?,
            sha256: r.try_get(4)?,
            created_at: r.try_get(5)?,
        };
        Ok((meta, r.try_get(6)?))
    }

    /// Removes an attachment; returns the plan afterwards.
    pub async fn delete_attachment(&self, actor: &Principal, id: i64) -> Result<PrePlan> {
        let (meta, _) = self.attachment(&Scope::from(actor), id).await?;
        let mut tx = self.begin_write().await?;
        let pid: i64 = sqlx::query("SELECT preplan_id FROM preplan_attachments WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        sqlx::query("DELETE FROM preplan_attachments WHERE id = $1").bind(id).execute(&mut *tx).await?;
        self.rescore(&mut tx, pid).await?;
        let after = self
            .preplan_row(&mut tx, &Scope::all(), "id", pid)
            .await?
            .ok_or(StoreError::NotFound { entity: "preplans", id: pid })?;
        audit::append(
            &mut tx,
            self.backend(),
            actor,
            AuditEntry::new("detach", "preplans", Some(pid), Some(after.jurisdiction_id)).before(&meta),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    async fn rescore(&self, tx: &mut Transaction<'_, Any>, preplan_id: i64) -> Result<()> {
        let p = self
            .preplan_row(tx, &Scope::all(), "id", preplan_id)
            .await?
            .ok_or(StoreError::NotFound { entity: "preplans", id: preplan_id })?;
        sqlx::query("UPDATE preplans SET completeness = $1, updated_at = $2, version = version + 1 WHERE id = $3")
            .bind(p.completeness.percent)
            .bind(now())
            .bind(preplan_id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }
}
