//! Fresh stores for the `huoyan` binary under test, and the processes run against them.
//!
//! A [`Store`] is a temporary data directory (SQLite) or that plus a fresh PostgreSQL schema; both go
//! away when it is dropped (the schema with `psql … DROP SCHEMA … CASCADE`). Every child process is
//! started with `kill_on_drop`, so an error or Ctrl-C never leaves a `huoyan` running.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde::Serialize;
use tokio::process::{Child, Command};

/// Which database the `huoyan` under test uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Backend {
    /// Embedded SQLite file in a fresh temporary data directory.
    Sqlite,
    /// PostgreSQL, a fresh schema per store.
    Postgres,
}

impl Backend {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

/// Where things are.
#[derive(Debug, Clone)]
pub(crate) struct Env {
    /// The `huoyan` binary.
    pub(crate) huoyan: PathBuf,
    /// PostgreSQL URL for the stores on PostgreSQL.
    pub(crate) pg_url: String,
    /// The `psql` program (to drop schemas and measure their size).
    pub(crate) psql: PathBuf,
    /// Parent directory of the temporary data directories.
    pub(crate) tmp: PathBuf,
}

/// The URL without the parameters only sqlx knows (psql would refuse them).
fn libpq_url(url: &str) -> String {
    let Some((base, query)) = url.split_once('?') else { return url.to_string() };
    let kept: Vec<&str> = query.split('&').filter(|p| !p.starts_with("statement-cache-capacity=")).collect();
    if kept.is_empty() { base.to_string() } else { format!("{base}?{}", kept.join("&")) }
}

/// `url` with sqlx's prepared-statement cache switched off.
fn without_statement_cache(url: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}statement-cache-capacity=0")
}

/// Runs `psql` with one SQL command; returns its unaligned, tuples-only output.
pub(crate) fn psql(env: &Env, sql: &str) -> anyhow::Result<String> {
    let out = std::process::Command::new(&env.psql)
        .args(["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d"])
        .arg(libpq_url(&env.pg_url))
        .arg("-c")
        .arg(sql)
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("cannot run {}", env.psql.display()))?;
    if !out.status.success() {
        bail!("psql failed: {}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// A PostgreSQL schema dropped when this goes away.
#[derive(Debug)]
struct Schema {
    name: String,
    env: Env,
}

impl Drop for Schema {
    fn drop(&mut self) {
        if let Err(e) = psql(&self.env, &format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name)) {
            eprintln!("warning: could not drop the schema {}: {e:#}", self.name);
        }
    }
}

static NEXT: AtomicU32 = AtomicU32::new(1);

/// A fresh, empty store for the `huoyan` under test.
#[derive(Debug)]
pub(crate) struct Store {
    // Field order matters: the schema is dropped before the directory is removed.
    _schema: Option<Schema>,
    /// The PostgreSQL schema the processes use (owned by `schema`, or by the store this is a
    /// [`Store::sibling`] of).
    pg_schema: Option<String>,
    dir: tempfile::TempDir,
    env: Env,
    /// Run `huoyan` with sqlx's statement cache off (PostgreSQL only).
    no_statement_cache: bool,
}

impl Store {
    /// A fresh store: a new temporary data directory, and for PostgreSQL a new (empty) schema.
    pub(crate) fn fresh(env: &Env, backend: Backend) -> anyhow::Result<Store> {
        std::fs::create_dir_all(&env.tmp)?;
        let dir = tempfile::Builder::new().prefix("huoyan-bench-").tempdir_in(&env.tmp)?;
        let schema = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => {
                let name = format!("huoyan_bench_{}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
                // A leftover of a killed run with the same pid would not be empty: start clean.
                psql(env, &format!("DROP SCHEMA IF EXISTS {name} CASCADE"))?;
                Some(Schema { name, env: env.clone() })
            }
        };
        let pg_schema = schema.as_ref().map(|s| s.name.clone());
        Ok(Store { _schema: schema, pg_schema, dir, env: env.clone(), no_statement_cache: false })
    }

    /// Another node over the same PostgreSQL schema: a data directory of its own (its
    /// `huoyan.toml`, its log), the database shared. The schema stays owned by `self`.
    pub(crate) fn sibling(&self) -> anyhow::Result<Store> {
        if self.pg_schema.is_none() {
            bail!("only PostgreSQL stores can be shared by several nodes");
        }
        let dir = tempfile::Builder::new().prefix("huoyan-bench-node-").tempdir_in(&self.env.tmp)?;
        Ok(Store {
            _schema: None,
            pg_schema: self.pg_schema.clone(),
            dir,
            env: self.env.clone(),
            no_statement_cache: self.no_statement_cache,
        })
    }

    /// Whether the `huoyan` processes started from now on run with sqlx's prepared-statement cache
    /// off (PostgreSQL only; a work-around, see `--pg-demo-no-statement-cache`).
    pub(crate) fn set_no_statement_cache(&mut self, off: bool) {
        self.no_statement_cache = off;
    }

    /// The data directory.
    pub(crate) fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// `huoyan --data DIR <args>` against this store, with a clean environment: every `HUOYAN_*`
    /// variable of ours removed, the PostgreSQL ones set for a PostgreSQL store.
    pub(crate) fn command<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut c = Command::new(&self.env.huoyan);
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("HUOYAN_") {
                c.env_remove(k);
            }
        }
        c.arg("--data").arg(self.dir.path());
        if let Some(s) = &self.pg_schema {
            let url = if self.no_statement_cache {
                without_statement_cache(&self.env.pg_url)
            } else {
                self.env.pg_url.clone()
            };
            c.env("HUOYAN_DATABASE_URL", url).env("HUOYAN_PG_SCHEMA", s);
        }
        c.args(args).stdin(Stdio::null()).kill_on_drop(true);
        c
    }

    /// Runs `huoyan <args>` to completion; returns the wall time and its standard output.
    pub(crate) async fn run<I, S>(&self, args: I) -> anyhow::Result<(Duration, String)>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = self.command(args);
        let what =
            cmd.as_std().get_args().skip(2).map(|a| a.to_string_lossy().into_owned()).collect::<Vec<_>>().join(" ");
        let what = format!("huoyan {what}");
        let started = Instant::now();
        let out = cmd.output().await.with_context(|| format!("cannot run {}", self.env.huoyan.display()))?;
        let took = started.elapsed();
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            let last = err.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
            bail!("{what} failed ({}): {last}", out.status);
        }
        Ok((took, String::from_utf8_lossy(&out.stdout).into_owned()))
    }

    /// Runs one SQL query on the store (`sqlite3` on the SQLite file, `psql` in the schema);
    /// returns its unaligned, tuples-only output.
    pub(crate) fn sql(&self, sql: &str) -> anyhow::Result<String> {
        match &self.pg_schema {
            Some(s) => psql(&self.env, &format!("SET search_path TO {s}; {sql}")),
            None => {
                let out = std::process::Command::new("sqlite3")
                    .args(["-batch", "-noheader", "-readonly"])
                    .arg(self.dir.path().join("huoyan.db"))
                    .arg(sql)
                    .stdin(Stdio::null())
                    .output()
                    .context("cannot run sqlite3")?;
                if !out.status.success() {
                    bail!("sqlite3 failed: {}", String::from_utf8_lossy(&out.stderr).trim());
                }
                Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
            }
        }
    }

    /// Bytes the store occupies: the SQLite files, or the PostgreSQL schema's tables with indexes.
    pub(crate) fn size_bytes(&self) -> Option<u64> {
        match &self.pg_schema {
            None => {
                let mut n = 0;
                for f in ["huoyan.db", "huoyan.db-wal"] {
                    n += std::fs::metadata(self.dir.path().join(f)).map(|m| m.len()).unwrap_or(0);
                }
                Some(n)
            }
            Some(s) => psql(
                &self.env,
                &format!(
                    "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
                     WHERE n.nspname = '{s}' AND c.relkind IN ('r', 'm')"
                ),
            )
            .ok()
            .and_then(|v| v.parse().ok()),
        }
    }
}

/// A free TCP port on the loopback interface.
pub(crate) fn free_port() -> anyhow::Result<u16> {
    let l = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(l.local_addr()?.port())
}

/// The HTTP listener a `huoyan serve` runs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Listener {
    /// Huoyan's own (`huoyan_server::serve`: hyper-util with a connection cap and a header-read timeout).
    Hyper,
    /// The plain `axum::serve` it replaced (`HUOYAN_BENCH_HTTP_LISTENER=axum`).
    Axum,
}

impl Listener {
    /// As the report names it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Listener::Hyper => "huoyan (capped)",
            Listener::Axum => "axum::serve",
        }
    }
}

/// `huoyan serve` on 127.0.0.1, killed when dropped.
#[derive(Debug)]
pub(crate) struct Server {
    child: Child,
    /// `http://127.0.0.1:<port>`.
    pub(crate) base: String,
    /// Process id (for CPU accounting).
    pub(crate) pid: u32,
    log: PathBuf,
}

impl Server {
    /// Starts `huoyan serve` on a free loopback port and waits for `/api/v1/health` to answer 200.
    pub(crate) async fn start(store: &Store, client: &reqwest::Client) -> anyhow::Result<Server> {
        Server::start_with(store, client, Listener::Hyper).await
    }

    /// [`Server::start`] with the HTTP listener to measure.
    pub(crate) async fn start_with(
        store: &Store,
        client: &reqwest::Client,
        listener: Listener,
    ) -> anyhow::Result<Server> {
        let port = free_port()?;
        let listen = format!("127.0.0.1:{port}");
        let log = store.dir().join("serve.log");
        let file = std::fs::File::create(&log)?;
        let mut cmd = store.command(["serve", "--listen", listen.as_str()]);
        if listener == Listener::Axum {
            cmd.env("HUOYAN_BENCH_HTTP_LISTENER", "axum");
        }
        cmd.stdout(file.try_clone()?).stderr(file);
        let child = cmd.spawn().with_context(|| format!("cannot start {:?}", cmd))?;
        let pid = child.id().context("the server exited at once")?;
        let mut server = Server { child, base: format!("http://{listen}"), pid, log };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = server.child.try_wait()? {
                bail!("huoyan serve exited ({status}):\n{}", server.log_tail());
            }
            if let Ok(r) = client.get(format!("{}/api/v1/health", server.base)).send().await
                && r.status().is_success()
            {
                return Ok(server);
            }
            if Instant::now() > deadline {
                bail!("huoyan serve did not become healthy within 60 s:\n{}", server.log_tail());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }

    /// Kills the server and waits for it.
    pub(crate) async fn stop(mut self) -> anyhow::Result<()> {
        self.child.start_kill()?;
        self.child.wait().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        let u = "postgres://postgres@127.0.0.1:5432/test";
        assert_eq!(without_statement_cache(u), format!("{u}?statement-cache-capacity=0"));
        assert_eq!(libpq_url(&without_statement_cache(u)), u);
        let v = format!("{u}?sslmode=disable");
        assert_eq!(without_statement_cache(&v), format!("{v}&statement-cache-capacity=0"));
        assert_eq!(libpq_url(&without_statement_cache(&v)), v);
    }
}
