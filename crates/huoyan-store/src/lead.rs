//! Leadership among `huoyan` nodes sharing one database: work that must run once (the alarm
//! engine filing frames from its cursor, escalation) runs on the node holding a named lock.
//!
//! On PostgreSQL the lock is a session advisory lock (`pg_try_advisory_lock`) held on a connection
//! taken out of the pool for as long as the [`Lead`] lives: if the node dies, its connection
//! closes and the lock is free for another node. On SQLite, one node owns the file, so the lead is
//! always granted. The lock is keyed by the schema and the name, so stores in other schemas of the
//! same database do not contend.

use sqlx::{Connection, Row};

use crate::{Backend, Result, Store};

/// A held lead; dropping it (or losing its connection) gives it up.
pub struct Lead {
    conn: Option<sqlx::AnyConnection>,
}

impl std::fmt::Debug for Lead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lead").field("shared", &self.conn.is_some()).finish()
    }
}

impl Lead {
    /// Whether the lead still holds (its connection answers).
    pub async fn holds(&mut self) -> bool {
        match self.conn.as_mut() {
            None => true,
            Some(c) => c.ping().await.is_ok(),
        }
    }
}

impl Store {
    /// Takes the lead `name` if no other node holds it.
    pub async fn try_lead(&self, name: &str) -> Result<Option<Lead>> {
        if self.backend == Backend::Sqlite {
            return Ok(Some(Lead { conn: None }));
        }
        let mut conn = self.pool.acquire().await?.detach();
        // Keyed by schema and name: stores in other schemas of the same database (tests, other
        // brigades) do not contend.
        let row = crate::dynq("SELECT pg_try_advisory_lock(hashtext(current_schema()), hashtext($1))")
            .bind(name)
            .fetch_one(&mut conn)
            .await?;
        let got: bool = row.try_get(0)?;
        if got {
            Ok(Some(Lead { conn: Some(conn) }))
        } else {
            let _ = conn.close().await;
            Ok(None)
        }
    }
}
