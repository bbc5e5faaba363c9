//! Huoyan's persistence: one storage interface, [`Store`], over two real backends — SQLite (embedded,
//! the default, WAL mode, one file in the data directory) and PostgreSQL (production). The same code
//! runs on both through sqlx's `Any` driver; the few differences of SQL dialect are in [`dialect`].
//! Both have their own versioned migrations ([`migrate`]).
//!
//! Records ([`huoyan_domain::Record`]) are kept in one table per kind with the same shape: promoted
//! columns for filtering, scoping and bounding-box queries, and the whole record as a JSON document.
//! Every write is checked (validation, jurisdiction scope, references), classified where it is a unit,
//! and recorded in the append-only audit log in the same transaction.
//!
//! Not here: HTTP, authentication of requests (the server resolves a token to a
//! [`huoyan_domain::account::Principal`] with [`Store::authenticate`]), file formats (`huoyan-import`).

pub mod accounts;
pub mod audit;
pub mod backup;
pub mod checkpoint;
pub mod dashboard;
pub mod dialect;
pub mod error;
pub mod import;
pub mod jurisdictions;
pub mod lead;
pub mod migrate;
pub mod notify;
pub mod query;
pub mod records;
pub mod rulesets;
pub mod stats;
#[cfg(feature = "testkit")]
pub mod testkit;
pub mod tiles_source;

use std::path::Path;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use huoyan_domain::RuleSet;
use huoyan_domain::account::Principal;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

pub use error::{Result, StoreError};
pub use query::{ListQuery, Page, Scope, SortKey};

/// Which database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

/// The store. Cheap to clone (a pool and shared caches).
#[derive(Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    pub(crate) backend: Backend,
    /// The classification rule set in force (reloaded when rule sets change).
    pub(crate) rules: Arc<RwLock<Arc<RuleSet>>>,
    /// Jurisdiction boundaries for assigning records by location (rebuilt after jurisdiction writes).
    pub(crate) areas: Arc<RwLock<Option<Arc<jurisdictions::AreaIndex>>>>,
    /// Path of the SQLite file, for backups.
    pub(crate) sqlite_path: Option<std::path::PathBuf>,
    /// The PostgreSQL URL, for connections outside the pool ([`notify::ChannelListener`]).
    pub(crate) pg_url: Option<String>,
    /// Held by every clone; the SQLite checkpointer ([`checkpoint`]) stops when it is gone.
    _alive: Arc<()>,
    /// The queue of this process's SQLite writers on the hot paths, and their one connection
    /// ([`Store::writer`]).
    writer: Arc<tokio::sync::Mutex<WriterConn>>,
    /// How to open that connection (SQLite only).
    writer_opts: Option<AnyConnectOptions>,
    /// The schemas migrated by [`Store::migrate_with`]: their references to kernel records are
    /// checked before a delete.
    modules: Arc<RwLock<Vec<&'static migrate::Schema>>>,
}

/// The hot writers' own SQLite connection, opened on first use ([`Store::writer`]).
#[derive(Default)]
struct WriterConn {
    conn: Option<sqlx::AnyConnection>,
    /// `BEGIN` failed on it: closed and opened afresh before the next transaction.
    failed: bool,
}

/// A turn to write on the hot paths ([`Store::writer`]); transactions begin with
/// [`WriteTurn::begin`]. Drop it only after the transaction is committed or dropped.
pub struct WriteTurn<'s> {
    store: &'s Store,
    /// SQLite: the queue's guard, holding the writers' connection. PostgreSQL: none.
    conn: Option<tokio::sync::MutexGuard<'s, WriterConn>>,
}

impl WriteTurn<'_> {
    /// Runs one statement as its own transaction: on SQLite on the hot writers' connection, on
    /// PostgreSQL on a pooled one (one round trip).
    pub async fn execute(&mut self, q: AnyQuery<'_>) -> Result<sqlx::any::AnyQueryResult> {
        let mut tx = match self.conn {
            Some(_) => self.begin().await?,
            None => return Ok(q.execute(&self.store.pool).await?),
        };
        let r = q.execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(r)
    }

    /// Begins a writing transaction: on SQLite `BEGIN IMMEDIATE` on the hot writers' own
    /// connection, on PostgreSQL [`Store::begin_write`] on a pooled one.
    pub async fn begin(&mut self) -> Result<sqlx::Transaction<'_, sqlx::Any>> {
        use sqlx::Connection;
        let Some(w) = self.conn.as_deref_mut() else {
            return self.store.begin_write().await;
        };
        if w.failed {
            if let Some(c) = w.conn.take() {
                let _ = c.close().await;
            }
            w.failed = false;
        }
        if w.conn.is_none() {
            let opts =
                self.store.writer_opts.as_ref().ok_or_else(|| StoreError::Config("no writer connection".into()))?;
            let mut c = sqlx::AnyConnection::connect_with(opts).await?;
            sqlite_session(&mut c).await?;
            // The writers' working set — the insertion points of every device in the frame
            // log's indexes — stays cached: SQLite keeps a connection's page cache across
            // transactions unless another connection wrote in between.
            c.execute(sqlx::AssertSqlSafe(format!("PRAGMA cache_size = -{WRITER_CACHE_KIB}"))).await?;
            w.conn = Some(c);
        }
        let conn = w.conn.as_mut().expect("opened above");
        match conn.begin_with("BEGIN IMMEDIATE").await {
            Ok(tx) => Ok(tx),
            Err(e) => {
                w.failed = true;
                Err(e.into())
            }
        }
    }
}

/// Page cache of the hot writers' SQLite connection, KiB (SQLite's default is 2,000).
pub const WRITER_CACHE_KIB: u32 = 65_536;

/// The settings of every SQLite connection: WAL lets readers (and `huoyan backup`) run beside
/// the writer; foreign keys are off by default in SQLite. `synchronous = FULL`: every commit is on
/// disk (fsync) before it returns, so what the gateway confirmed (确认) survives a power cut, not
/// only a crash of the process; with group commit that is one fsync per batch of frames.
/// Checkpoints run in the background ([`checkpoint`]); the autocheckpoint is the safety net.
/// `temp_store = MEMORY`: a statement that may fail half-way (every multi-row `INSERT` with a
/// unique key) keeps the pages it changes in a statement journal so that it can be undone alone;
/// in a temporary file that journal took a quarter of the frame writer's time in `pwrite`
/// (`examples/store_frames.rs` under `perf`). In memory it holds at most one statement's pages.
async fn sqlite_session(conn: &mut sqlx::AnyConnection) -> std::result::Result<(), sqlx::Error> {
    conn.execute(
        "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL; \
         PRAGMA temp_store = MEMORY;",
    )
    .await?;
    conn.execute(sqlx::AssertSqlSafe(format!("PRAGMA wal_autocheckpoint = {}", checkpoint::AUTOCHECKPOINT_PAGES)))
        .await?;
    Ok(())
}

/// Connection settings.
#[derive(Debug, Clone)]
pub struct StoreConfig {
    /// `sqlite:///path/huoyan.db` or `postgres://…`.
    pub url: String,
    /// PostgreSQL schema to use (created if missing); `None` for the default search path.
    pub pg_schema: Option<String>,
    /// Most pooled connections.
    pub max_connections: u32,
}

/// Declares a module's view of the store — `pub struct Name<'s>(pub &'s Store)`, `Copy`, with
/// `Deref<Target = Store>` for the kernel's functions — through which the module's own storage
/// methods go (`Incidents(&store).create_incident(..)`). See `docs/ARCHITECTURE.md`, "How to add
/// a module".
#[macro_export]
macro_rules! module_view {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy)]
        pub struct $name<'s>(pub &'s $crate::Store);

        impl ::std::ops::Deref for $name<'_> {
            type Target = $crate::Store;

            fn deref(&self) -> &$crate::Store {
                self.0
            }
        }
    };
}

/// The current time, UTC, RFC 3339 with milliseconds (how every timestamp is stored).
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn valid_schema_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !s.starts_with(|c: char| c.is_ascii_digit())
}

impl Store {
    /// Opens (creating if needed) the SQLite store `huoyan.db` in `dir` with the kernel's tables
    /// only, migrates it and loads the rules (see [`Store::open_dir_with`]).
    pub async fn open_dir(dir: &Path) -> Result<Store> {
        Store::open_dir_with(dir, &[]).await
    }

    /// Opens (creating if needed) the SQLite store `huoyan.db` in `dir`, migrates the kernel and
    /// `modules` ([`migrate::Schema`], in the order given) and loads the rules.
    pub async fn open_dir_with(dir: &Path, modules: &[&'static migrate::Schema]) -> Result<Store> {
        std::fs::create_dir_all(dir)
            .map_err(|e| StoreError::Config(format!("cannot create data directory {}: {e}", dir.display())))?;
        let file = dir.join("huoyan.db");
        Store::open_with(
            &StoreConfig { url: format!("sqlite://{}?mode=rwc", file.display()), pg_schema: None, max_connections: 8 },
            modules,
        )
        .await
    }

    /// Connects to the database named by the URL with the kernel's tables only, migrates it and
    /// loads the rules (see [`Store::open_with`]).
    pub async fn open(cfg: &StoreConfig) -> Result<Store> {
        Store::open_with(cfg, &[]).await
    }

    /// Connects to the database named by the URL, migrates the kernel and `modules` (in the
    /// order given; the composition passes every module's schema) and loads the rules.
    pub async fn open_with(cfg: &StoreConfig, modules: &[&'static migrate::Schema]) -> Result<Store> {
        let store = Store::connect(cfg).await?;
        store.migrate_with(modules).await?;
        store.reload_rules().await?;
        Ok(store)
    }

    /// Connects without migrating (for `huoyan migrate --status`).
    pub async fn connect(cfg: &StoreConfig) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let (backend, sqlite_path) = if let Some(rest) = cfg.url.strip_prefix("sqlite://") {
            let path = rest.split('?').next().unwrap_or(rest);
            (Backend::Sqlite, Some(std::path::PathBuf::from(path)))
        } else if cfg.url.starts_with("postgres://") || cfg.url.starts_with("postgresql://") {
            (Backend::Postgres, None)
        } else {
            return Err(StoreError::Config("database URL must start with sqlite:// or postgres://".into()));
        };
        let opts: AnyConnectOptions =
            cfg.url.parse().map_err(|e: sqlx::Error| StoreError::Config(format!("bad database URL: {e}")))?;
        let schema = cfg.pg_schema.clone();
        if let Some(s) = &schema
            && !valid_schema_name(s)
        {
            return Err(StoreError::Config(format!("schema name {s:?}: use lower-case letters, digits and _")));
        }
        let mut pool =
            AnyPoolOptions::new().max_connections(cfg.max_connections.max(1)).acquire_timeout(Duration::from_secs(10));
        match backend {
            Backend::Sqlite => {
                pool = pool.after_connect(|conn, _| Box::pin(sqlite_session(conn)));
            }
            Backend::Postgres => {
                if let Some(s) = schema.clone() {
                    pool = pool.after_connect(move |conn, _| {
                        let s = s.clone();
                        Box::pin(async move {
                            conn.execute(sqlx::AssertSqlSafe(format!("SET search_path TO {s}"))).await?;
                            Ok(())
                        })
                    });
                }
            }
        }
        if let (Backend::Postgres, Some(s)) = (backend, &schema) {
            // The schema must exist before the pool's connections select it.
            let tmp = AnyPoolOptions::new().max_connections(1).connect_with(opts.clone()).await?;
            tmp.execute(sqlx::AssertSqlSafe(format!("CREATE SCHEMA IF NOT EXISTS {s}"))).await?;
            tmp.close().await;
        }
        let alive = Arc::new(());
        if backend == Backend::Sqlite {
            tokio::spawn(checkpoint::run(opts.clone(), Arc::downgrade(&alive)));
        }
        let writer_opts = (backend == Backend::Sqlite).then(|| opts.clone());
        let pool = pool.connect_with(opts).await?;
        Ok(Store {
            pool,
            backend,
            rules: Arc::new(RwLock::new(Arc::new(RuleSet::national_baseline()))),
            areas: Arc::new(RwLock::new(None)),
            sqlite_path,
            pg_url: (backend == Backend::Postgres).then(|| cfg.url.clone()),
            _alive: alive,
            writer: Arc::new(tokio::sync::Mutex::new(WriterConn::default())),
            writer_opts,
            modules: Arc::default(),
        })
    }

    /// Waits for this process's turn to write on the hot paths (SQLite; on PostgreSQL, where
    /// writers do not exclude each other, at once). SQLite has one write lock per file, and a
    /// writer that finds it taken sleeps and retries in its busy handler: under the gateway's
    /// back-to-back batches the alarm engine lost that race for up to 1.8 s at p99. The hot
    /// writers (frames, signals, cursor, readings, an operator's handling, escalation) queue here
    /// instead, in order (tokio's mutex is fair), so each waits only for the transactions ahead of
    /// it. They also share one connection: a SQLite connection discards its page cache whenever
    /// another connection has written since its last transaction, so with a pooled connection per
    /// batch every batch re-read the indexes' pages. Hold the turn until the transaction is
    /// committed or dropped, and never across a call that takes it again.
    pub async fn writer(&self) -> WriteTurn<'_> {
        WriteTurn {
            store: self,
            conn: match self.backend {
                Backend::Sqlite => Some(self.writer.lock().await),
                Backend::Postgres => None,
            },
        }
    }

    /// Begins a transaction that will write. On SQLite `BEGIN IMMEDIATE`: the transaction takes
    /// the write lock at once (waiting up to the busy timeout if another holds it). A deferred
    /// transaction takes it at its first write instead, and if it read before and another
    /// connection committed in between, SQLite refuses at once with "database is locked"
    /// (`SQLITE_BUSY_SNAPSHOT`; waiting cannot help, so the busy timeout does not apply) — beside
    /// the gateway's back-to-back batches that failed any read-then-write transaction (a device
    /// registration, a dispatch, a timeline entry; `tests/contention.rs`). Read-only transactions
    /// (consistent multi-query reads) keep `pool.begin()`.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// The connection pool, for module crates' own queries (their tables only; see
    /// `docs/ARCHITECTURE.md`, "How to add a module").
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The SQLite database file, for the embedded backend.
    pub fn sqlite_path(&self) -> Option<&Path> {
        self.sqlite_path.as_deref()
    }

    /// Which backend this store runs on.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Checks the database answers (for `/api/v1/health`).
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Closes the pool and the hot writers' connection (after the transactions in progress).
    pub async fn close(&self) {
        use sqlx::Connection;
        if let Some(c) = self.writer.lock().await.conn.take() {
            let _ = c.close().await;
        }
        self.pool.close().await;
    }

    /// The rule set in force.
    pub fn rules(&self) -> Arc<RuleSet> {
        self.rules.read().map(|r| r.clone()).unwrap_or_else(|p| p.into_inner().clone())
    }
}

/// Checks that `principal` may act in the jurisdiction with `path`.
pub fn check_in_scope(principal: &Principal, path: &str) -> Result<()> {
    if huoyan_domain::jurisdiction::path_within(path, &principal.jurisdiction_path) {
        Ok(())
    } else {
        let e = huoyan_domain::FieldError::new(
            "jurisdiction_id",
            huoyan_domain::validate::code::OUTSIDE_JURISDICTION,
            "outside your jurisdiction",
        );
        Err(StoreError::Forbidden(e.into()))
    }
}

/// A nullable float parameter, bound as text and cast to DOUBLE PRECISION in the SQL.
///
/// sqlx 0.9's `Any` driver binds `None::<f64>` as a FLOAT4 null (its `Real`/`Double` null kinds are
/// swapped), so PostgreSQL's cached statement then expects 4-byte floats and refuses the next
/// `Some(f64)` ("incorrect binary data format"). Text has one type whether null or not, and Rust
/// prints an f64 in the shortest form that parses back to the same value.
pub fn opt_float(v: Option<f64>) -> Option<String> {
    v.map(|x| x.to_string())
}

/// A query of the `Any` driver.
pub type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>;

/// A query from SQL built at run time. Only table and column names from this crate and numbered
/// placeholders are ever formatted into such SQL; values are always bound.
pub fn dynq<'q>(sql: impl AsRef<str>) -> AnyQuery<'q> {
    sqlx::query(sqlx::AssertSqlSafe(sql.as_ref().to_owned()))
}

impl Store {
    /// Runs one administrative statement (tests and `huoyan migrate` housekeeping).
    #[doc(hidden)]
    pub async fn execute_admin(&self, sql: &str) -> Result<()> {
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned())).execute(&self.pool).await?;
        Ok(())
    }

    /// Runs one administrative query and returns its first column as text (tests: row counts,
    /// table lists).
    #[doc(hidden)]
    pub async fn admin_strings(&self, sql: &str) -> Result<Vec<String>> {
        use sqlx::Row;
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql.to_owned())).fetch_all(&self.pool).await?;
        Ok(rows.iter().map(|r| r.try_get::<String, _>(0)).collect::<Result<_, _>>()?)
    }
}

/// Refuses (409) when a row of `refs` (table, column) still names `id`: what a delete of a
/// record or jurisdiction checks first, in its transaction.
pub(crate) async fn refuse_if_referred(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    refs: &[(&str, &str)],
    id: i64,
    what: &str,
) -> Result<()> {
    use sqlx::Row;
    for (table, col) in refs {
        let n: i64 = dynq(format!("SELECT COUNT(*) FROM {table} WHERE {col} = $1"))
            .bind(id)
            .fetch_one(&mut **tx)
            .await?
            .try_get(0)?;
        if n > 0 {
            return Err(StoreError::conflict(format!("{n} {table} still {what}")));
        }
    }
    Ok(())
}
