//! Named cursors over append-only tables: how far a consumer (the alarm engine) has read, saved in
//! the same transaction as what it did with the rows, so that after a crash it resumes exactly.
//! On PostgreSQL every append also notifies [`APPEND_CHANNEL`], so that a reader on another node
//! ([`Monitoring::append_listener`]) is woken at the commit instead of at its next poll.

use sqlx::Row;

use crate::store::Monitoring;
use huoyan_store::Result;

pub async fn set_tx(tx: &mut sqlx::Transaction<'_, sqlx::Any>, name: &str, last_id: i64) -> Result<()> {
    // Portable upsert: both SQLite and PostgreSQL accept ON CONFLICT … DO UPDATE.
    huoyan_store::dynq("INSERT INTO monitor_cursors (name, last_id) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET last_id = excluded.last_id")
        .bind(name)
        .bind(last_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Serialises the transactions appending to a table read by a cursor (`alarm_frames`,
/// `sensor_readings`) so that ids become visible in id order. A cursor reader takes `id > last`;
/// were two appends to commit out of order (PostgreSQL: node A takes id 100, node B takes 101 and
/// commits first, the engine reads 101 and moves past 100, then A commits), a confirmed frame
/// would never be filed. On PostgreSQL a transaction-level advisory lock per schema and table,
/// taken before the first insert and held to the commit; on SQLite the file's single write lock
/// already does this. In the same statement, on PostgreSQL, a `NOTIFY` of [`APPEND_CHANNEL`] with
/// the schema as payload, delivered when (and only if) the transaction commits.
pub async fn append_lock(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: huoyan_store::Backend,
    table: &str,
) -> Result<()> {
    if backend == huoyan_store::Backend::Postgres {
        huoyan_store::dynq(
            "SELECT 1 FROM pg_advisory_xact_lock(hashtext(current_schema()), hashtext($1)), \
             pg_notify($2, current_schema())",
        )
        .bind(table)
        .bind(APPEND_CHANNEL)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// The PostgreSQL notification channel of appends to `alarm_frames` and `sensor_readings`; the
/// payload is the schema, so stores in other schemas of the same database are told apart.
pub const APPEND_CHANNEL: &str = "huoyan_append";

impl Monitoring<'_> {
    /// A listener for appends by any node ([`huoyan_store::notify::ChannelListener`]); `None` on SQLite, where one
    /// process owns the file and wakes its reader itself.
    pub async fn append_listener(&self) -> Result<Option<huoyan_store::notify::ChannelListener>> {
        self.listen(APPEND_CHANNEL).await
    }

    /// The cursor `name` (0 when never set).
    pub async fn cursor(&self, name: &str) -> Result<i64> {
        let row = huoyan_store::dynq("SELECT last_id FROM monitor_cursors WHERE name = $1")
            .bind(name)
            .fetch_optional(self.pool())
            .await?;
        Ok(match row {
            Some(r) => r.try_get(0)?,
            None => 0,
        })
    }

    /// Sets the cursor `name` on its own (when a batch produced nothing to file).
    pub async fn set_cursor(&self, name: &str, last_id: i64) -> Result<()> {
        let mut turn = self.writer().await;
        let mut tx = turn.begin().await?;
        set_tx(&mut tx, name, last_id).await?;
        tx.commit().await?;
        Ok(())
    }
}
