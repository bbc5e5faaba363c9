//! The jurisdiction tree in the store: nodes with materialised paths (`/1/4/9/`) so a subtree is one
//! prefix match, and an in-memory index of boundaries to assign records to the deepest node that
//! contains them.

use std::sync::Arc;

use huoyan_domain::JurisdictionLevel;
use huoyan_domain::account::Principal;
use huoyan_domain::geometry::{Area, bbox_of};
use huoyan_domain::jurisdiction::{Jurisdiction, check_child_level};
use huoyan_domain::validate::unknown_reference;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::audit::{self, AuditEntry};
use crate::query::{Scope, escape_like};
use crate::{Result, Store, StoreError, check_in_scope, now, opt_float};

/// Boundaries of all nodes that have one, deepest first.
pub(crate) struct AreaIndex {
    nodes: Vec<(i64, String, Area)>,
}

impl AreaIndex {
    fn locate(&self, lon: f64, lat: f64, within: &str) -> Option<i64> {
        self.nodes
            .iter()
            .find(|(_, path, area)| path.starts_with(within) && area.contains(lon, lat))
            .map(|(id, _, _)| *id)
    }
}

fn decode(row: &AnyRow, with_boundary: bool) -> Result<Jurisdiction> {
    let id: i64 = row.try_get("id")?;
    let level: String = row.try_get("level")?;
    let boundary: Option<String> = if with_boundary { row.try_get("boundary")? } else { None };
    let corrupt = |reason: String| StoreError::Corrupt { table: "jurisdictions", id, reason };
    Ok(Jurisdiction {
        id,
        parent_id: row.try_get("parent_id")?,
        level: JurisdictionLevel::parse(&level).ok_or_else(|| corrupt(format!("level {level:?}")))?,
        name: row.try_get("name")?,
        code: row.try_get("code")?,
        boundary: boundary.map(|b| serde_json::from_str(&b)).transpose().map_err(|e| corrupt(e.to_string()))?,
        path: row.try_get("path")?,
    })
}

impl Store {
    fn jcols(&self, with_boundary: bool) -> String {
        let b =
            if with_boundary { format!(", {} AS boundary", self.backend.json_col("boundary")) } else { String::new() };
        format!("id, parent_id, level, name, code, path{b}")
    }

    /// The materialised path of a node.
    pub async fn jurisdiction_path(&self, id: i64) -> Result<String> {
        let row =
            sqlx::query("SELECT path FROM jurisdictions WHERE id = $1").bind(id).fetch_optional(&self.pool).await?;
        row.map(|r| r.try_get(0)).transpose()?.ok_or(StoreError::NotFound { entity: "jurisdictions", id })
    }

    pub async fn jurisdiction_path_tx(&self, tx: &mut Transaction<'_, Any>, id: i64) -> Result<String> {
        let row =
            sqlx::query("SELECT path FROM jurisdictions WHERE id = $1").bind(id).fetch_optional(&mut **tx).await?;
        match row {
            Some(r) => Ok(r.try_get(0)?),
            None => Err(unknown_reference(
                "jurisdiction_id",
                "jurisdictions",
                id,
                format!("jurisdiction {id} does not exist"),
            )
            .into()),
        }
    }

    /// The node a record goes to when none is given: the actor's own, or for the system the first root.
    pub async fn default_jurisdiction(&self, actor: &Principal) -> Result<i64> {
        if actor.jurisdiction_id > 0 {
            return Ok(actor.jurisdiction_id);
        }
        let row = sqlx::query("SELECT id FROM jurisdictions WHERE parent_id IS NULL ORDER BY id LIMIT 1")
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(r) => Ok(r.try_get(0)?),
            None => Err(StoreError::invalid(
                "jurisdiction_id",
                "no_root_jurisdiction",
                "no jurisdiction exists yet; create the root first",
            )),
        }
    }

    /// The deepest node under `within` whose boundary contains the point.
    pub async fn locate(&self, lon: f64, lat: f64, within: &str) -> Result<Option<i64>> {
        let cached = self.areas.read().ok().and_then(|a| a.clone());
        let index = match cached {
            Some(i) => i,
            None => {
                let rows =
                    crate::dynq(format!("SELECT {} FROM jurisdictions WHERE boundary IS NOT NULL", self.jcols(true)))
                        .fetch_all(&self.pool)
                        .await?;
                let mut nodes = Vec::new();
                for r in &rows {
                    let j = decode(r, true)?;
                    if let Some(area) = j.boundary.as_ref().and_then(Area::new) {
                        nodes.push((j.id, j.path, area));
                    }
                }
                // Deepest first: more path segments means deeper.
                nodes.sort_by_key(|(_, p, _)| std::cmp::Reverse(p.matches('/').count()));
                let i = Arc::new(AreaIndex { nodes });
                if let Ok(mut a) = self.areas.write() {
                    *a = Some(i.clone());
                }
                i
            }
        };
        Ok(index.locate(lon, lat, within))
    }

    pub(crate) fn forget_areas(&self) {
        if let Ok(mut a) = self.areas.write() {
            *a = None;
        }
    }

    /// Creates a node. A root can be created only by the system (CLI, demo); other nodes need a parent
    /// in the actor's subtree, at a deeper level.
    pub async fn create_jurisdiction(&self, actor: &Principal, j: Jurisdiction) -> Result<Jurisdiction> {
        let mut tx = self.begin_write().await?;
        let j = self.create_jurisdiction_tx(&mut tx, actor, j).await?;
        tx.commit().await?;
        self.forget_areas();
        Ok(j)
    }

    /// Creates several nodes under `parent_id` (or as roots) in one transaction: all or none.
    pub async fn import_jurisdictions(
        &self,
        actor: &Principal,
        parent_id: Option<i64>,
        nodes: Vec<Jurisdiction>,
    ) -> Result<Vec<Jurisdiction>> {
        let mut tx = self.begin_write().await?;
        let mut out = Vec::with_capacity(nodes.len());
        for mut j in nodes {
            j.parent_id = parent_id;
            out.push(self.create_jurisdiction_tx(&mut tx, actor, j).await?);
        }
        tx.commit().await?;
        self.forget_areas();
        Ok(out)
    }

    pub(crate) async fn create_jurisdiction_tx(
        &self,
        tx: &mut Transaction<'_, Any>,
        actor: &Principal,
        mut j: Jurisdiction,
    ) -> Result<Jurisdiction> {
        j.validate().map_err(StoreError::Invalid)?;
        let parent_path = match j.parent_id {
            None => {
                if actor.jurisdiction_path != "/" {
                    return Err(StoreError::Forbidden("only the system administrator (CLI) creates a root".into()));
                }
                "/".to_string()
            }
            Some(pid) => {
                let row = sqlx::query("SELECT path, level FROM jurisdictions WHERE id = $1")
                    .bind(pid)
                    .fetch_optional(&mut **tx)
                    .await?;
                let Some(row) = row else {
                    return Err(unknown_reference(
                        "parent_id",
                        "jurisdictions",
                        pid,
                        format!("jurisdiction {pid} does not exist"),
                    )
                    .into());
                };
                let (path, level): (String, String) = (row.try_get(0)?, row.try_get(1)?);
                check_in_scope(actor, &path)?;
                let plevel = JurisdictionLevel::parse(&level).unwrap_or(JurisdictionLevel::City);
                check_child_level(plevel, j.level).map_err(|e| StoreError::Invalid(vec![e]))?;
                path
            }
        };
        let b = j.boundary.as_ref().and_then(bbox_of);
        let boundary = j.boundary.as_ref().map(|g| g.to_string());
        let t = now();
        let sql = format!(
            "INSERT INTO jurisdictions (parent_id, level, name, code, path, min_lon, min_lat, max_lon, max_lat, boundary, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, '', CAST($5 AS DOUBLE PRECISION), CAST($6 AS DOUBLE PRECISION), CAST($7 AS DOUBLE PRECISION), CAST($8 AS DOUBLE PRECISION), {}, $10, $10) RETURNING id",
            self.backend.json_param(9)
        );
        let id: i64 = crate::dynq(&sql)
            .bind(j.parent_id)
            .bind(j.level.code())
            .bind(j.name.as_str())
            .bind(j.code.clone())
            .bind(opt_float(b.map(|b| b.min_lon)))
            .bind(opt_float(b.map(|b| b.min_lat)))
            .bind(opt_float(b.map(|b| b.max_lon)))
            .bind(opt_float(b.map(|b| b.max_lat)))
            .bind(boundary)
            .bind(t)
            .fetch_one(&mut **tx)
            .await?
            .try_get(0)?;
        j.id = id;
        j.path = format!("{parent_path}{id}/");
        sqlx::query("UPDATE jurisdictions SET path = $1 WHERE id = $2")
            .bind(j.path.as_str())
            .bind(id)
            .execute(&mut **tx)
            .await?;
        let mut summary = j.clone();
        summary.boundary = None;
        audit::append(
            tx,
            self.backend,
            actor,
            AuditEntry::new("create", "jurisdictions", Some(id), Some(id)).after(&summary),
        )
        .await?;
        Ok(j)
    }

    /// Lists the nodes of the caller's subtree, optionally with boundaries.
    pub async fn list_jurisdictions(&self, scope: &Scope, with_boundary: bool) -> Result<Vec<Jurisdiction>> {
        let rows = crate::dynq(format!(
            "SELECT {} FROM jurisdictions WHERE path LIKE $1 ORDER BY path",
            self.jcols(with_boundary)
        ))
        .bind(format!("{}%", escape_like(&scope.path)))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| decode(r, with_boundary)).collect()
    }

    /// Gets a node in the caller's subtree.
    pub async fn get_jurisdiction(&self, scope: &Scope, id: i64) -> Result<Jurisdiction> {
        let row = crate::dynq(format!("SELECT {} FROM jurisdictions WHERE id = $1 AND path LIKE $2", self.jcols(true)))
            .bind(id)
            .bind(format!("{}%", escape_like(&scope.path)))
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(r) => decode(&r, true),
            None => Err(StoreError::NotFound { entity: "jurisdictions", id }),
        }
    }

    /// Changes a node's name, code, level or boundary (moving it under another parent is not supported).
    pub async fn update_jurisdiction(&self, actor: &Principal, id: i64, mut j: Jurisdiction) -> Result<Jurisdiction> {
        let before = self.get_jurisdiction(&Scope::from(actor), id).await?;
        if j.parent_id != before.parent_id {
            return Err(StoreError::invalid(
                "parent_id",
                "cannot_move",
                "moving a jurisdiction under another parent is not supported",
            ));
        }
        j.validate().map_err(StoreError::Invalid)?;
        j.id = id;
        j.path = before.path.clone();
        let b = j.boundary.as_ref().and_then(bbox_of);
        let sql = format!(
            "UPDATE jurisdictions SET level = $1, name = $2, code = $3, min_lon = CAST($4 AS DOUBLE PRECISION), min_lat = CAST($5 AS DOUBLE PRECISION), \
             max_lon = CAST($6 AS DOUBLE PRECISION), max_lat = CAST($7 AS DOUBLE PRECISION), \
             boundary = {}, updated_at = $9 WHERE id = $10",
            self.backend.json_param(8)
        );
        let mut tx = self.begin_write().await?;
        crate::dynq(&sql)
            .bind(j.level.code())
            .bind(j.name.as_str())
            .bind(j.code.clone())
            .bind(opt_float(b.map(|b| b.min_lon)))
            .bind(opt_float(b.map(|b| b.min_lat)))
            .bind(opt_float(b.map(|b| b.max_lon)))
            .bind(opt_float(b.map(|b| b.max_lat)))
            .bind(j.boundary.as_ref().map(|g| g.to_string()))
            .bind(now())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let strip = |mut x: Jurisdiction| {
            x.boundary = None;
            x
        };
        audit::append(
            &mut tx,
            self.backend,
            actor,
            AuditEntry::new("update", "jurisdictions", Some(id), Some(id))
                .before(&strip(before))
                .after(&strip(j.clone())),
        )
        .await?;
        tx.commit().await?;
        self.forget_areas();
        Ok(j)
    }

    /// Deletes a node that has no children, records or accounts.
    pub async fn delete_jurisdiction(&self, actor: &Principal, id: i64) -> Result<()> {
        let before = self.get_jurisdiction(&Scope::from(actor), id).await?;
        if before.path == actor.jurisdiction_path {
            return Err(StoreError::Forbidden("you cannot delete your own jurisdiction".into()));
        }
        let mut tx = self.begin_write().await?;
        let mut refs = vec![("jurisdictions", "parent_id"), ("users", "jurisdiction_id")];
        refs.extend(huoyan_domain::EntityKind::ALL.iter().map(|k| (k.table(), "jurisdiction_id")));
        refs.extend(self.module_references("jurisdictions"));
        crate::refuse_if_referred(&mut tx, &refs, id, "belong to this jurisdiction").await?;
        sqlx::query("DELETE FROM jurisdictions WHERE id = $1").bind(id).execute(&mut *tx).await?;
        let mut summary = before;
        summary.boundary = None;
        audit::append(
            &mut tx,
            self.backend,
            actor,
            AuditEntry::new("delete", "jurisdictions", Some(id), summary.parent_id).before(&summary),
        )
        .await?;
        tx.commit().await?;
        self.forget_areas();
        Ok(())
    }
}
