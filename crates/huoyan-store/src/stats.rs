//! Counts of what the store holds, within a scope (`huoyan stats --json`, the dashboard).

use std::collections::BTreeMap;

use huoyan_domain::EntityKind;
use serde::Serialize;
use sqlx::Row;

use crate::query::{Scope, Where, bind_all};
use crate::{Result, Store};

/// What the store holds.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Stats {
    /// Jurisdiction nodes.
    pub jurisdictions: i64,
    /// Stations and other forces.
    pub stations: i64,
    /// Vehicles.
    pub vehicles: i64,
    /// Personnel.
    pub personnel: i64,
    /// Water sources.
    pub water_sources: i64,
    /// Buildings.
    pub buildings: i64,
    /// Road segments.
    pub roads: i64,
    /// Total road length, km.
    pub road_km: f64,
    /// Social units.
    pub units: i64,
    /// Accounts.
    pub users: i64,
    /// Per table, counts by type code.
    pub by_kind: BTreeMap<String, BTreeMap<String, i64>>,
    /// Per table, counts by status code (units: by class list).
    pub by_status: BTreeMap<String, BTreeMap<String, i64>>,
}

impl Store {
    /// A fingerprint of the roads (count, last change, last id): changes whenever a road is written.
    pub async fn roads_version(&self) -> Result<String> {
        let row = sqlx::query("SELECT COUNT(*), MAX(updated_at), MAX(id) FROM roads").fetch_one(&self.pool).await?;
        let (n, at, id): (i64, Option<String>, Option<i64>) = (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
        Ok(format!("{n}/{}/{}", at.unwrap_or_default(), id.unwrap_or(0)))
    }

    /// Counts records visible in `scope`.
    pub async fn stats(&self, scope: &Scope) -> Result<Stats> {
        let mut w = Where::default();
        w.subtree(&scope.path);
        let mut counts = BTreeMap::new();
        let mut by_kind = BTreeMap::new();
        let mut by_status = BTreeMap::new();
        for k in EntityKind::ALL {
            let t = k.table();
            let n: i64 = bind_all(crate::dynq(format!("SELECT COUNT(*) FROM {t}{}", w.sql())), &w.args)
                .fetch_one(&self.pool)
                .await?
                .try_get(0)?;
            counts.insert(t, n);
            for (col, map) in [("kind", &mut by_kind), ("status", &mut by_status)] {
                let rows = bind_all(
                    crate::dynq(format!("SELECT {col}, COUNT(*) FROM {t}{} GROUP BY {col}", w.sql())),
                    &w.args,
                )
                .fetch_all(&self.pool)
                .await?;
                let mut m = BTreeMap::new();
                for r in &rows {
                    let key: Option<String> = r.try_get(0)?;
                    m.insert(key.unwrap_or_default(), r.try_get::<i64, _>(1)?);
                }
                map.insert(t.to_string(), m);
            }
        }
        let road_m: Option<f64> = bind_all(crate::dynq(format!("SELECT SUM(measure) FROM roads{}", w.sql())), &w.args)
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?;
        let esc = crate::query::escape_like(&scope.path);
        let users: i64 = sqlx::query(
            "SELECT COUNT(*) FROM users u JOIN jurisdictions j ON j.id = u.jurisdiction_id WHERE j.path LIKE $1",
        )
        .bind(format!("{esc}%"))
        .fetch_one(&self.pool)
        .await?
        .try_get(0)?;
        let jurisdictions: i64 = sqlx::query("SELECT COUNT(*) FROM jurisdictions WHERE path LIKE $1")
            .bind(format!("{esc}%"))
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?;
        let c = |t: &str| counts.get(t).copied().unwrap_or(0);
        Ok(Stats {
            jurisdictions,
            stations: c("stations"),
            vehicles: c("vehicles"),
            personnel: c("personnel"),
            water_sources: c("water_sources"),
            buildings: c("buildings"),
            roads: c("roads"),
            road_km: (road_m.unwrap_or(0.0) / 1000.0 * 1000.0).round() / 1000.0,
            units: c("units"),
            users,
            by_kind,
            by_status,
        })
    }
}
