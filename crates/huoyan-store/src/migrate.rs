//! Versioned migrations for both backends. Each backend has its own numbered SQL files under
//! `migrations/<backend>/`, embedded at compile time; the applied ones are recorded with a checksum
//! in `huoyan_migrations`, so an edited migration is detected instead of silently diverging.

use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::{Backend, Result, Store, StoreError, now};

/// One migration: version, name, SQL.
pub(crate) struct Migration {
    pub(crate) version: i64,
    pub(crate) name: &'static str,
    pub(crate) sql: &'static str,
}

const SQLITE: &[Migration] = &[
    Migration { version: 1, name: "base", sql: include_str!("../migrations/sqlite/0001_base.sql") },
    Migration { version: 2, name: "rtree", sql: include_str!("../migrations/sqlite/0002_rtree.sql") },
    Migration { version: 3, name: "alarm_frames", sql: include_str!("../migrations/sqlite/0003_alarm_frames.sql") },
    Migration { version: 4, name: "monitoring", sql: include_str!("../migrations/sqlite/0004_monitoring.sql") },
    Migration { version: 5, name: "incidents", sql: include_str!("../migrations/sqlite/0005_incidents.sql") },
    Migration { version: 6, name: "sensors", sql: include_str!("../migrations/sqlite/0006_sensors.sql") },
    Migration {
        version: 7,
        name: "frames_raw_only",
        sql: include_str!("../migrations/sqlite/0007_frames_raw_only.sql"),
    },
    Migration {
        version: 8,
        name: "frames_dedup_key",
        sql: include_str!("../migrations/sqlite/0008_frames_dedup_key.sql"),
    },
    Migration { version: 9, name: "frames_hash128", sql: include_str!("../migrations/sqlite/0009_frames_hash128.sql") },
];
const POSTGRES: &[Migration] = &[
    Migration { version: 1, name: "base", sql: include_str!("../migrations/postgres/0001_base.sql") },
    Migration { version: 2, name: "alarm_frames", sql: include_str!("../migrations/postgres/0002_alarm_frames.sql") },
    Migration { version: 3, name: "monitoring", sql: include_str!("../migrations/postgres/0003_monitoring.sql") },
    Migration { version: 4, name: "incidents", sql: include_str!("../migrations/postgres/0004_incidents.sql") },
    Migration { version: 5, name: "sensors", sql: include_str!("../migrations/postgres/0005_sensors.sql") },
    Migration {
        version: 6,
        name: "frames_raw_only",
        sql: include_str!("../migrations/postgres/0006_frames_raw_only.sql"),
    },
    Migration {
        version: 7,
        name: "frames_dedup_key",
        sql: include_str!("../migrations/postgres/0007_frames_dedup_key.sql"),
    },
    Migration {
        version: 8,
        name: "frames_hash128",
        sql: include_str!("../migrations/postgres/0008_frames_hash128.sql"),
    },
];

/// A migration's state, as printed by `huoyan migrate --status`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MigrationStatus {
    /// Version number.
    pub version: i64,
    /// Name.
    pub name: String,
    /// When applied (UTC), or `None` if pending.
    pub applied_at: Option<String>,
}

fn checksum(sql: &str) -> String {
    hex::encode(Sha256::digest(sql.as_bytes()))
}

impl Store {
    fn migrations(&self) -> &'static [Migration] {
        match self.backend {
            Backend::Sqlite => SQLITE,
            Backend::Postgres => POSTGRES,
        }
    }

    async fn ensure_migration_table(&self) -> Result<()> {
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS huoyan_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, \
             checksum TEXT NOT NULL, applied_at TEXT NOT NULL)",
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The applied and pending migrations.
    pub async fn migration_status(&self) -> Result<Vec<MigrationStatus>> {
        self.ensure_migration_table().await?;
        let rows = sqlx::query("SELECT version, applied_at FROM huoyan_migrations").fetch_all(&self.pool).await?;
        let applied: Vec<(i64, String)> =
            rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect::<Result<_, sqlx::Error>>()?;
        Ok(self
            .migrations()
            .iter()
            .map(|m| MigrationStatus {
                version: m.version,
                name: m.name.into(),
                applied_at: applied.iter().find(|(v, _)| *v == m.version).map(|(_, at)| at.clone()),
            })
            .collect())
    }

    /// Applies pending migrations, each in its own transaction; returns the versions applied.
    pub async fn migrate(&self) -> Result<Vec<i64>> {
        self.ensure_migration_table().await?;
        let rows = sqlx::query("SELECT version, checksum FROM huoyan_migrations").fetch_all(&self.pool).await?;
        let mut applied = Vec::new();
        for r in &rows {
            let (v, sum): (i64, String) = (r.try_get(0)?, r.try_get(1)?);
            match self.migrations().iter().find(|m| m.version == v) {
                None => {
                    return Err(StoreError::Migration(format!(
                        "the database has migration {v}, which this program does not know: it is newer than this program"
                    )));
                }
                Some(m) if checksum(m.sql) != sum => {
                    return Err(StoreError::Migration(format!(
                        "migration {v} ({}) was changed after it was applied; restore it and add a new migration",
                        m.name
                    )));
                }
                Some(_) => applied.push(v),
            }
        }
        let mut done = Vec::new();
        for m in self.migrations().iter().filter(|m| !applied.contains(&m.version)) {
            let mut tx = self.begin_write().await?;
            sqlx::raw_sql(m.sql).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO huoyan_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)")
                .bind(m.version)
                .bind(m.name)
                .bind(checksum(m.sql))
                .bind(now())
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            tracing::info!(version = m.version, name = m.name, "applied migration");
            done.push(m.version);
        }
        Ok(done)
    }
}
