//! Versioned migrations per module. Each module — the kernel and every module crate — owns a
//! [`Schema`]: its name and its numbered [`Migration`]s, each with the SQL of both backends under
//! the same version (files `migrations/<backend>/NNNN_name.sql` of its crate, embedded at compile
//! time). Applied migrations are recorded by (module, version) with a checksum of the SQL in
//! `huoyan_schema_migrations`, so an edited migration is detected instead of silently diverging.
//!
//! The composition (`huoyan-server`) passes the modules' schemas to [`Store::open_with`]; the kernel
//! is always first, then the modules in the order given (a module's tables may refer to the
//! kernel's and to those of modules before it). A store knows nothing of modules it was not given:
//! their rows in the table are left alone, so a tool that opens the kernel only works on any store.
//!
//! **Upgrade from one list per backend.** Until the module layout, every table was created by one
//! numbered list per backend, recorded in `huoyan_migrations(version, …)`. [`LEGACY`] maps each
//! of those versions to the (module, version) that now holds the same SQL; the first migration run
//! of a new binary copies the records over (checking the checksums match) in one transaction and
//! adds a sentinel row to the old table, so an older binary refuses the store ("newer than this
//! program") instead of re-creating tables.

use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::{Backend, Result, Store, StoreError, now};

/// One migration: the same version and name on both backends, each with its own SQL.
#[derive(Debug)]
pub struct Migration {
    /// Version within its module, from 1.
    pub version: i64,
    /// Short name (the file's name without the number).
    pub name: &'static str,
    /// The SQL on SQLite.
    pub sqlite: &'static str,
    /// The SQL on PostgreSQL.
    pub postgres: &'static str,
}

impl Migration {
    fn sql(&self, backend: Backend) -> &'static str {
        match backend {
            Backend::Sqlite => self.sqlite,
            Backend::Postgres => self.postgres,
        }
    }
}

/// A column of a module's table that refers to a kernel record or jurisdiction: the kernel refuses
/// to delete a record or jurisdiction that such a column still names (409, with the table).
#[derive(Debug)]
pub struct Reference {
    /// The module's table.
    pub table: &'static str,
    /// Its column holding the id.
    pub column: &'static str,
    /// The kernel table referred to: `jurisdictions` or a record table (`units`, `stations`, …).
    pub to: &'static str,
}

/// A module's tables: its name (the key of its migrations), its migrations in version order, and
/// its columns referring to the kernel's records.
#[derive(Debug)]
pub struct Schema {
    /// The module, e.g. `kernel`, `monitoring`, `incidents`.
    pub module: &'static str,
    /// Its migrations, versions 1, 2, … in order.
    pub migrations: &'static [Migration],
    /// Its references to kernel records, checked before the kernel deletes one.
    pub references: &'static [Reference],
}

/// The kernel's tables: jurisdictions, the base registers, accounts and sessions, audit, rule sets.
pub const KERNEL: Schema = Schema {
    module: "kernel",
    migrations: &[
        Migration {
            version: 1,
            name: "base",
            sqlite: include_str!("../migrations/sqlite/0001_base.sql"),
            postgres: include_str!("../migrations/postgres/0001_base.sql"),
        },
        Migration {
            version: 2,
            name: "rtree",
            sqlite: include_str!("../migrations/sqlite/0002_rtree.sql"),
            postgres: include_str!("../migrations/postgres/0002_rtree.sql"),
        },
    ],
    references: &[],
};

/// Where each migration of the old single list went: (backend, old version) → (module, version).
/// The SQL is the same file, so its checksum is the same.
pub const LEGACY: &[(Backend, i64, &str, i64)] = &[
    (Backend::Sqlite, 1, "kernel", 1),
    (Backend::Sqlite, 2, "kernel", 2),
    (Backend::Sqlite, 3, "monitoring", 1),
    (Backend::Sqlite, 4, "monitoring", 2),
    (Backend::Sqlite, 5, "incidents", 1),
    (Backend::Sqlite, 6, "monitoring", 3),
    (Backend::Sqlite, 7, "monitoring", 4),
    (Backend::Sqlite, 8, "monitoring", 5),
    (Backend::Sqlite, 9, "monitoring", 6),
    (Backend::Postgres, 1, "kernel", 1),
    (Backend::Postgres, 2, "monitoring", 1),
    (Backend::Postgres, 3, "monitoring", 2),
    (Backend::Postgres, 4, "incidents", 1),
    (Backend::Postgres, 5, "monitoring", 3),
    (Backend::Postgres, 6, "monitoring", 4),
    (Backend::Postgres, 7, "monitoring", 5),
    (Backend::Postgres, 8, "monitoring", 6),
];

/// The version written into the old table once its records are copied: an older binary that
/// opens the store stops with "the database has migration 1000, … newer than this program".
pub const LEGACY_SENTINEL: i64 = 1000;

/// A migration's state, as printed by `huoyan migrate --status`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MigrationStatus {
    /// The module it belongs to.
    pub module: String,
    /// Version number within the module.
    pub version: i64,
    /// Name.
    pub name: String,
    /// When applied (UTC), or `None` if pending.
    pub applied_at: Option<String>,
}

/// The SHA-256 of a migration's SQL, hex.
pub fn checksum(sql: &str) -> String {
    hex::encode(Sha256::digest(sql.as_bytes()))
}

/// The kernel and then `modules`, each once, in that order.
fn with_kernel(modules: &[&'static Schema]) -> Vec<&'static Schema> {
    let mut all: Vec<&'static Schema> = vec![&KERNEL];
    for m in modules {
        if !all.iter().any(|s| s.module == m.module) {
            all.push(m);
        }
    }
    all
}

impl Store {
    async fn ensure_migration_table(&self) -> Result<()> {
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS huoyan_schema_migrations (module TEXT NOT NULL, version BIGINT NOT NULL, \
             name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (module, version))",
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// (module, version, checksum, applied_at) of every recorded migration.
    async fn applied(&self) -> Result<Vec<(String, i64, String, String)>> {
        let rows = sqlx::query("SELECT module, version, checksum, applied_at FROM huoyan_schema_migrations")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?)))
            .collect::<Result<_, sqlx::Error>>()?)
    }

    /// Whether a table exists in the store's schema.
    async fn table_exists(&self, table: &str) -> Result<bool> {
        let sql = match self.backend {
            Backend::Sqlite => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $1",
            Backend::Postgres => {
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1"
            }
        };
        let n: i64 = sqlx::query(sql).bind(table).fetch_one(&self.pool).await?.try_get(0)?;
        Ok(n > 0)
    }

    /// Copies the records of the old single list (`huoyan_migrations`) into the per-module table,
    /// once; see the module documentation. Nothing to do for a new store or one already copied.
    async fn adopt_legacy(&self) -> Result<()> {
        let Some(old) = self.legacy().await? else { return Ok(()) };
        let mut tx = self.begin_write().await?;
        for (module, version, name, sum, at) in &old {
            sqlx::query(
                "INSERT INTO huoyan_schema_migrations (module, version, name, checksum, applied_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(*module)
            .bind(*version)
            .bind(name)
            .bind(sum)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("INSERT INTO huoyan_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)")
            .bind(LEGACY_SENTINEL)
            .bind("moved to huoyan_schema_migrations (per module)")
            .bind("-")
            .bind(now())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        tracing::info!(migrations = old.len(), "recorded the old migrations per module");
        Ok(())
    }

    /// The records of the old single list not yet copied, as (module, version, name, checksum,
    /// applied_at); `None` when there is no old list or it was copied already. A version the
    /// mapping does not know is refused: the store is newer than this program.
    #[allow(clippy::type_complexity)]
    async fn legacy(&self) -> Result<Option<Vec<(&'static str, i64, String, String, String)>>> {
        if !self.table_exists("huoyan_migrations").await? {
            return Ok(None);
        }
        let rows = sqlx::query("SELECT version, name, checksum, applied_at FROM huoyan_migrations ORDER BY version")
            .fetch_all(&self.pool)
            .await?;
        let old: Vec<(i64, String, String, String)> = rows
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?)))
            .collect::<Result<_, sqlx::Error>>()?;
        if old.iter().any(|(v, ..)| *v == LEGACY_SENTINEL) {
            return Ok(None);
        }
        let mut out = Vec::new();
        for (v, name, sum, at) in old {
            let Some((_, _, module, version)) = LEGACY.iter().find(|(b, ov, ..)| *b == self.backend && *ov == v) else {
                return Err(StoreError::Migration(format!(
                    "the database has migration {v} ({name}) of the old numbering, which this program does not know: \
                     it is newer than this program"
                )));
            };
            out.push((*module, *version, name, sum, at));
        }
        Ok(Some(out))
    }

    /// The applied and pending migrations of the kernel and `modules`.
    pub async fn migration_status_with(&self, modules: &[&'static Schema]) -> Result<Vec<MigrationStatus>> {
        self.ensure_migration_table().await?;
        let mut applied = self.applied().await?;
        // A store of the old single list before its first migration run: its records count
        // (they are copied, not re-applied, when it runs).
        for (module, version, _, sum, at) in self.legacy().await?.unwrap_or_default() {
            applied.push((module.to_string(), version, sum, at));
        }
        let mut out = Vec::new();
        for s in with_kernel(modules) {
            for m in s.migrations {
                out.push(MigrationStatus {
                    module: s.module.into(),
                    version: m.version,
                    name: m.name.into(),
                    applied_at: applied
                        .iter()
                        .find(|(module, v, ..)| module == s.module && *v == m.version)
                        .map(|(.., at)| at.clone()),
                });
            }
        }
        Ok(out)
    }

    /// The kernel's migrations and their state.
    pub async fn migration_status(&self) -> Result<Vec<MigrationStatus>> {
        self.migration_status_with(&[]).await
    }

    /// Applies the pending migrations of the kernel and `modules`, each in its own transaction;
    /// returns (module, version) of those applied. Refuses to run when an applied migration was
    /// changed, or the store has a migration of one of these modules that this program does not
    /// know (it is newer than this program).
    pub async fn migrate_with(&self, modules: &[&'static Schema]) -> Result<Vec<(String, i64)>> {
        self.ensure_migration_table().await?;
        self.adopt_legacy().await?;
        let applied = self.applied().await?;
        let schemas = with_kernel(modules);
        for (module, v, sum, _) in &applied {
            let Some(s) = schemas.iter().find(|s| s.module == module) else { continue };
            match s.migrations.iter().find(|m| m.version == *v) {
                None => {
                    return Err(StoreError::Migration(format!(
                        "the database has migration {module} {v}, which this program does not know: it is newer than this program"
                    )));
                }
                Some(m) if checksum(m.sql(self.backend)) != *sum => {
                    return Err(StoreError::Migration(format!(
                        "migration {module} {v} ({}) was changed after it was applied; restore it and add a new migration",
                        m.name
                    )));
                }
                Some(_) => {}
            }
        }
        let mut done = Vec::new();
        for s in &schemas {
            for m in s.migrations {
                if applied.iter().any(|(module, v, ..)| module == s.module && *v == m.version) {
                    continue;
                }
                let sql = m.sql(self.backend);
                let mut tx = self.begin_write().await?;
                sqlx::raw_sql(sql).execute(&mut *tx).await?;
                sqlx::query(
                    "INSERT INTO huoyan_schema_migrations (module, version, name, checksum, applied_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(s.module)
                .bind(m.version)
                .bind(m.name)
                .bind(checksum(sql))
                .bind(now())
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                tracing::info!(module = s.module, version = m.version, name = m.name, "applied migration");
                done.push((s.module.to_string(), m.version));
            }
        }
        if let Ok(mut known) = self.modules.write() {
            for s in &schemas {
                if !known.iter().any(|k| k.module == s.module) {
                    known.push(s);
                }
            }
        }
        Ok(done)
    }

    /// Applies the kernel's pending migrations (see [`Store::migrate_with`]).
    pub async fn migrate(&self) -> Result<Vec<(String, i64)>> {
        self.migrate_with(&[]).await
    }
}

impl Store {
    /// The (table, column) pairs of the migrated modules that refer to the kernel table `to`.
    pub(crate) fn module_references(&self, to: &str) -> Vec<(&'static str, &'static str)> {
        let known = self.modules.read().map(|k| k.clone()).unwrap_or_default();
        known.iter().flat_map(|s| s.references).filter(|r| r.to == to).map(|r| (r.table, r.column)).collect()
    }
}
