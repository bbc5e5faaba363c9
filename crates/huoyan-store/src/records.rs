//! Create, read, update, delete and list for every [`Record`] kind, generically: one table shape,
//! one set of statements. Each write checks the record, its jurisdiction against the caller's
//! scope and its references, classifies units, and appends to the audit log in the same transaction.

use huoyan_domain::FieldError;
use huoyan_domain::account::Principal;
use huoyan_domain::validate::{code, unknown_reference};
use huoyan_domain::{EntityKind, Record, Role, Unit, Vehicle, VehicleStatus};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::audit::{self, AuditEntry};
use crate::query::{Arg, ListQuery, Page, Scope, Where, bind_all};
use crate::{Backend, Result, Store, StoreError, check_in_scope, now, opt_float};

/// Columns selected for a record.
fn select_cols(store: &Store) -> String {
    format!("id, jurisdiction_id, {} AS doc", store.backend.json_col("doc"))
}

/// Decodes a row of `id, jurisdiction_id, doc`.
pub fn decode<R: Record>(row: &AnyRow) -> Result<R> {
    let id: i64 = row.try_get(0)?;
    let jid: i64 = row.try_get(1)?;
    let doc: String = row.try_get(2)?;
    let mut r: R = serde_json::from_str(&doc).map_err(|e| StoreError::Corrupt {
        table: R::KIND.table(),
        id,
        reason: e.to_string(),
    })?;
    r.set_id(id);
    r.set_jurisdiction_id(jid);
    Ok(r)
}

/// Applies the unit-manager restriction to a query on `kind`.
fn unit_restriction(scope: &Scope, kind: EntityKind, w: &mut Where) -> Result<()> {
    if let Some(unit) = scope.unit_id {
        if kind != EntityKind::Unit {
            return Err(StoreError::Forbidden("a unit manager sees only its own unit".into()));
        }
        let n = w.next();
        w.push(format!("id = ${n}"), vec![Arg::I(unit)]);
    }
    Ok(())
}

impl Store {
    /// Lists records of one kind visible in `scope`.
    pub async fn list<R: Record>(&self, scope: &Scope, q: &ListQuery) -> Result<Page<R>> {
        let table = R::KIND.table();
        let mut w = Where::default();
        w.subtree_on(&scope.path, q.subtree_column());
        unit_restriction(scope, R::KIND, &mut w)?;
        let jpath = match q.jurisdiction_id {
            Some(j) => Some(self.jurisdiction_path(j).await?),
            None => None,
        };
        q.where_clause(self.backend, table, &mut w, jpath.as_deref());
        let limit = q.effective_limit();
        let offset = q.offset.unwrap_or(0).max(0);
        let count_sql = format!("SELECT COUNT(*) FROM {table}{}", w.sql());
        let total: i64 = bind_all(crate::dynq(&count_sql), &w.args).fetch_one(&self.pool).await?.try_get(0)?;
        // Late materialisation: the page's ids are chosen on the narrow columns, and only those
        // rows' documents are read.
        let order = q.order_sql();
        let sql = format!(
            "SELECT {} FROM {table} WHERE id IN (SELECT id FROM {table}{} ORDER BY {order} LIMIT {limit} OFFSET {offset}) ORDER BY {order}",
            select_cols(self),
            w.sql(),
        );
        let rows = bind_all(crate::dynq(&sql), &w.args).fetch_all(&self.pool).await?;
        let items = rows.iter().map(decode::<R>).collect::<Result<Vec<R>>>()?;
        Ok(Page { items, total, limit, offset })
    }

    /// Gets one record visible in `scope`.
    pub async fn get<R: Record>(&self, scope: &Scope, id: i64) -> Result<R> {
        let table = R::KIND.table();
        let mut w = Where::default();
        w.push("id = $1".into(), vec![Arg::I(id)]);
        w.subtree(&scope.path);
        unit_restriction(scope, R::KIND, &mut w)?;
        let sql = format!("SELECT {} FROM {table}{}", select_cols(self), w.sql());
        let row = bind_all(crate::dynq(&sql), &w.args).fetch_optional(&self.pool).await?;
        match row {
            Some(row) => decode(&row),
            None => Err(StoreError::NotFound { entity: table, id }),
        }
    }

    /// Fills derived fields and checks a record before it is written: parent and jurisdiction,
    /// scope, references, uniqueness, validation, classification.
    pub async fn prepare<R: Record>(
        &self,
        tx: &mut Transaction<'_, Any>,
        actor: &Principal,
        r: &mut R,
        self_id: Option<i64>,
    ) -> Result<String> {
        if self_id.is_none() && actor.role == Role::UnitManager {
            return Err(StoreError::Forbidden("a unit manager cannot create records".into()));
        }
        if let Some(parent_kind) = R::PARENT {
            let parent_id = r.index().parent_id.unwrap_or(0);
            let field = "station_id";
            let row = crate::dynq(format!("SELECT jurisdiction_id FROM {} WHERE id = $1", parent_kind.table()))
                .bind(parent_id)
                .fetch_optional(&mut **tx)
                .await?;
            let Some(row) = row else {
                let reason = format!("{} {parent_id} does not exist", parent_kind.table());
                return Err(unknown_reference(field, parent_kind.table(), parent_id, reason).into());
            };
            r.set_jurisdiction_id(row.try_get(0)?);
        } else if r.jurisdiction_id() == 0 {
            let located = match r.index().bbox {
                // Located in the whole tree, so a point in another's area is refused below rather
                // than quietly filed under the actor's own node.
                Some(b) => self.locate((b.min_lon + b.max_lon) / 2.0, (b.min_lat + b.max_lat) / 2.0, "/").await?,
                None => None,
            };
            let jid = match located {
                Some(j) => j,
                None => self.default_jurisdiction(actor).await?,
            };
            r.set_jurisdiction_id(jid);
        }
        let path = self.jurisdiction_path_tx(tx, r.jurisdiction_id()).await?;
        check_in_scope(actor, &path)?;
        for (field, kind, id) in r.references() {
            // A reference must name a record the caller may see: one outside the caller's
            // jurisdiction is refused as unknown (its existence is not revealed).
            let row = crate::dynq(format!("SELECT jurisdiction_id FROM {} WHERE id = $1", kind.table()))
                .bind(id)
                .fetch_optional(&mut **tx)
                .await?;
            let visible = match row {
                Some(row) => {
                    let jid: i64 = row.try_get(0)?;
                    let rpath = self.jurisdiction_path_tx(tx, jid).await?;
                    huoyan_domain::jurisdiction::path_within(&rpath, &actor.jurisdiction_path)
                }
                None => false,
            };
            if !visible {
                return Err(unknown_reference(
                    field,
                    kind.table(),
                    id,
                    format!("{} {id} does not exist", kind.table()),
                )
                .into());
            }
        }
        if R::KIND == EntityKind::Unit {
            // Classes are derived, never taken from the caller.
            let mut v =
                serde_json::to_value(&*r).map_err(|e| StoreError::invalid("body", code::INVALID, e.to_string()))?;
            let mut unit: Unit = serde_json::from_value(v.clone())
                .map_err(|e| StoreError::invalid("body", code::INVALID, e.to_string()))?;
            self.rules().apply(&mut unit);
            v = serde_json::to_value(&unit).map_err(|e| StoreError::invalid("body", code::INVALID, e.to_string()))?;
            *r = serde_json::from_value(v).map_err(|e| StoreError::invalid("body", code::INVALID, e.to_string()))?;
        }
        r.validate().map_err(StoreError::Invalid)?;
        if R::UNIQUE_CODE
            && let Some(code) = r.index().code
        {
            let dup = crate::dynq(format!("SELECT id FROM {} WHERE code = $1 AND id <> $2", R::KIND.table()))
                .bind(code.as_str())
                .bind(self_id.unwrap_or(0))
                .fetch_optional(&mut **tx)
                .await?;
            if let Some(row) = dup {
                let other: i64 = row.try_get(0)?;
                return Err(StoreError::conflict(format!(
                    "code {code} is already used by {} {other}",
                    R::KIND.table()
                )));
            }
        }
        Ok(path)
    }

    /// Inserts one record inside a transaction (no audit entry); returns its id.
    pub async fn insert_row<R: Record>(&self, tx: &mut Transaction<'_, Any>, r: &R) -> Result<i64> {
        let sql = format!(
            "INSERT INTO {} (jurisdiction_id, name, kind, status, code, parent_id, measure, min_lon, min_lat, max_lon, max_lat, doc, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, {F7}, {F8}, {F9}, {F10}, {F11}, {}, $13, $13) RETURNING id",
            R::KIND.table(),
            self.backend.json_param(12),
            F7 = FLOAT_CAST[0],
            F8 = FLOAT_CAST[1],
            F9 = FLOAT_CAST[2],
            F10 = FLOAT_CAST[3],
            F11 = FLOAT_CAST[4],
        );
        let row = bind_record(crate::dynq(&sql), r)?.bind(now()).fetch_one(&mut **tx).await?;
        Ok(row.try_get(0)?)
    }

    /// Creates a record; returns it with its id and derived fields.
    pub async fn insert<R: Record>(&self, actor: &Principal, mut r: R) -> Result<R> {
        let mut tx = self.begin_write().await?;
        r.set_id(0);
        self.prepare(&mut tx, actor, &mut r, None).await?;
        let id = self.insert_row(&mut tx, &r).await?;
        r.set_id(id);
        audit::append(
            &mut tx,
            self.backend,
            actor,
            AuditEntry::new("create", R::KIND.table(), Some(id), Some(r.jurisdiction_id())).after(&r),
        )
        .await?;
        tx.commit().await?;
        Ok(r)
    }

    /// Replaces a record (the caller must see both the old and the new jurisdiction).
    pub async fn update<R: Record>(&self, actor: &Principal, id: i64, mut r: R) -> Result<R> {
        let before: R = self.get(&Scope::from(actor), id).await?;
        if actor.role == Role::UnitManager && R::KIND == EntityKind::Unit {
            locked_fields_unchanged(&before, &r)?;
        }
        let mut tx = self.begin_write().await?;
        r.set_id(id);
        if R::PARENT.is_none() && (r.jurisdiction_id() == 0 || r.jurisdiction_id() == before.jurisdiction_id()) {
            // Filed where it is: a record that moved is re-filed under the node its new place lies
            // in (and the caller must see that node, checked in `prepare`); without a node there,
            // or without a move, it stays where it was.
            let moved = r.index().bbox != before.index().bbox;
            let located = match (moved, r.index().bbox) {
                (true, Some(b)) => {
                    self.locate((b.min_lon + b.max_lon) / 2.0, (b.min_lat + b.max_lat) / 2.0, "/").await?
                }
                _ => None,
            };
            r.set_jurisdiction_id(located.unwrap_or(before.jurisdiction_id()));
        }
        self.prepare(&mut tx, actor, &mut r, Some(id)).await?;
        let sql = format!(
            "UPDATE {} SET jurisdiction_id = $1, name = $2, kind = $3, status = $4, code = $5, parent_id = $6, measure = {F7}, \
             min_lon = {F8}, min_lat = {F9}, max_lon = {F10}, max_lat = {F11}, doc = {}, updated_at = $13, version = version + 1 WHERE id = $14",
            R::KIND.table(),
            self.backend.json_param(12),
            F7 = FLOAT_CAST[0],
            F8 = FLOAT_CAST[1],
            F9 = FLOAT_CAST[2],
            F10 = FLOAT_CAST[3],
            F11 = FLOAT_CAST[4],
        );
        let done = bind_record(crate::dynq(&sql), &r)?.bind(now()).bind(id).execute(&mut *tx).await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::NotFound { entity: R::KIND.table(), id });
        }
        audit::append(
            &mut tx,
            self.backend,
            actor,
            AuditEntry::new("update", R::KIND.table(), Some(id), Some(r.jurisdiction_id())).before(&before).after(&r),
        )
        .await?;
        tx.commit().await?;
        Ok(r)
    }

    /// Deletes a record. Records others depend on (a station with vehicles, a unit with accounts) are
    /// refused with a conflict naming the dependants.
    pub async fn delete<R: Record>(&self, actor: &Principal, id: i64) -> Result<()> {
        if actor.role == Role::UnitManager {
            return Err(StoreError::Forbidden("a unit manager cannot delete records".into()));
        }
        let before: R = self.get(&Scope::from(actor), id).await?;
        let mut tx = self.begin_write().await?;
        let mut refs = dependants(R::KIND).to_vec();
        refs.extend(self.module_references(R::KIND.table()));
        crate::refuse_if_referred(&mut tx, &refs, id, "refer to this record").await?;
        crate::dynq(format!("DELETE FROM {} WHERE id = $1", R::KIND.table())).bind(id).execute(&mut *tx).await?;
        audit::append(
            &mut tx,
            self.backend,
            actor,
            AuditEntry::new("delete", R::KIND.table(), Some(id), Some(before.jurisdiction_id())).before(&before),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The float placeholders `$7 … $11` of inserts and updates (see [`crate::opt_float`]).
const FLOAT_CAST: [&str; 5] = [
    "CAST($7 AS DOUBLE PRECISION)",
    "CAST($8 AS DOUBLE PRECISION)",
    "CAST($9 AS DOUBLE PRECISION)",
    "CAST($10 AS DOUBLE PRECISION)",
    "CAST($11 AS DOUBLE PRECISION)",
];

/// Binds `$1 … $12`: the jurisdiction, the promoted columns, the bounding box and the document.
fn bind_record<'q, R: Record>(
    q: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments>,
    r: &R,
) -> Result<sqlx::query::Query<'q, Any, sqlx::any::AnyArguments>> {
    let ix = r.index();
    let doc = serde_json::to_string(r).map_err(|e| StoreError::invalid("body", code::INVALID, e.to_string()))?;
    let b = ix.bbox;
    Ok(q.bind(r.jurisdiction_id())
        .bind(ix.name)
        .bind(ix.kind)
        .bind(ix.status)
        .bind(ix.code)
        .bind(ix.parent_id)
        .bind(opt_float(ix.measure))
        .bind(opt_float(b.map(|b| b.min_lon)))
        .bind(opt_float(b.map(|b| b.min_lat)))
        .bind(opt_float(b.map(|b| b.max_lon)))
        .bind(opt_float(b.map(|b| b.max_lat)))
        .bind(doc))
}

/// The kernel's tables and columns that refer to a record of `kind` (the modules' are in their
/// schemas' references).
fn dependants(kind: EntityKind) -> &'static [(&'static str, &'static str)] {
    match kind {
        EntityKind::Station => &[("vehicles", "parent_id"), ("personnel", "parent_id")],
        EntityKind::Unit => &[("users", "unit_id"), ("stations", "parent_id")],
        EntityKind::Building => &[("units", "parent_id")],
        _ => &[],
    }
}

/// Refuses a unit manager's change to the fields that decide its unit's classes or place
/// (`huoyan_domain::access::UNIT_FIELDS_LOCKED_FOR_MANAGER`): 403 `field_locked` naming the first.
fn locked_fields_unchanged<R: Record>(before: &R, after: &R) -> Result<()> {
    let (b, a) = (serde_json::to_value(before), serde_json::to_value(after));
    let (Ok(b), Ok(a)) = (b, a) else { return Ok(()) };
    for field in huoyan_domain::access::UNIT_FIELDS_LOCKED_FOR_MANAGER {
        let (old, new) = (b.get(*field), a.get(*field));
        // jurisdiction_id 0 means "keep it" in a replacement.
        let kept = old == new || (*field == "jurisdiction_id" && new.and_then(|v| v.as_i64()) == Some(0));
        if !kept {
            let e =
                FieldError::new(*field, code::FIELD_LOCKED, "a unit manager cannot change this field; ask the brigade")
                    .with("field", *field);
            return Err(StoreError::Forbidden(e.into()));
        }
    }
    Ok(())
}

/// Moves a vehicle record to `to`, if it is in `from` (compare-and-set), in the caller's
/// transaction; returns it. The one way modules change a vehicle's status (dispatch, the timeline).
pub async fn set_vehicle_status_tx(
    tx: &mut Transaction<'_, Any>,
    backend: Backend,
    id: i64,
    from: Option<VehicleStatus>,
    to: VehicleStatus,
) -> Result<Vehicle> {
    let row = crate::dynq(format!(
        "SELECT {} AS doc, status, jurisdiction_id FROM vehicles WHERE id = $1",
        backend.json_col("doc")
    ))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else { return Err(StoreError::NotFound { entity: "vehicles", id }) };
    let doc: String = row.try_get(0)?;
    let status: Option<String> = row.try_get(1)?;
    let mut v: Vehicle =
        serde_json::from_str(&doc).map_err(|e| StoreError::Corrupt { table: "vehicles", id, reason: e.to_string() })?;
    v.id = id;
    v.jurisdiction_id = row.try_get(2)?;
    if let Some(f) = from
        && v.status != f
    {
        let reason = format!(
            "车辆 {} 当前状态为{}，不是{} (vehicle {} is {}, not {})",
            v.name,
            v.status.zh(),
            f.zh(),
            v.name,
            v.status.code(),
            f.code()
        );
        let e = FieldError::new("status", code::VEHICLE_STATUS, reason)
            .with("vehicle", v.name.as_str())
            .with("status", v.status.code())
            .with("expected", f.code());
        return Err(StoreError::Conflict(e.into()));
    }
    v.status = to;
    let doc = serde_json::to_string(&v).map_err(|e| StoreError::invalid("vehicle", code::INVALID, e.to_string()))?;
    let json = backend.json_param(2);
    let done = crate::dynq(format!("UPDATE vehicles SET status = $1, doc = {json}, updated_at = $3, version = version + 1 WHERE id = $4 AND status = $5"))
        .bind(to.code())
        .bind(doc)
        .bind(now())
        .bind(id)
        .bind(status.unwrap_or_default())
        .execute(&mut **tx)
        .await?;
    if done.rows_affected() != 1 {
        let reason = format!("车辆 {} 的状态刚被修改，请重试 (vehicle {} changed meanwhile)", v.name, v.name);
        let e = FieldError::new("status", code::VEHICLE_CHANGED, reason).with("vehicle", v.name.as_str());
        return Err(StoreError::Conflict(e.into()));
    }
    Ok(v)
}
