//! Named cursors over append-only tables: how far a consumer (the alarm engine) has read, saved in
//! the same transaction as what it did with the rows, so that after a crash it resumes exactly.
//! On PostgreSQL every append also notifies [`APPEND_CHANNEL`], so that a reader on another node
//! ([`Store::append_listener`]) is woken at the commit instead of at its next poll.

use sqlx::Row;

use crate::{Result, Store};

pub(crate) async fn set_tx(tx: &mut sqlx::Transaction<'_, sqlx::Any>, name: &str, last_id: i64) -> Result<()> {
    // Portable upsert: both SQLite and PostgreSQL accept ON CONFLICT … DO UPDATE.
    crate::dynq("INSERT INTO monitor_cursors (name, last_id) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET last_id = excluded.last_id")
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
pub(crate) async fn append_lock(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: crate::Backend,
    table: &str,
) -> Result<()> {
    if backend == crate::Backend::Postgres {
        crate::dynq(
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

impl Store {
    /// A listener for appends by any node ([`crate::notify::ChannelListener`]); `None` on SQLite, where one
    /// process owns the file and wakes its reader itself.
    pub async fn append_listener(&self) -> Result<Option<crate::notify::ChannelListener>> {
        self.listen(APPEND_CHANNEL).await
    }

    /// The cursor `name` (0 when never set).
    pub async fn cursor(&self, name: &str) -> Result<i64> {
        let row = crate::dynq("SELECT last_id FROM monitor_cursors WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
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

    /// Frames after `after_id` in id order, at most `limit`, with their wire bytes.
    pub async fn frames_after(&self, after_id: i64, limit: i64) -> Result<Vec<FrameRecord>> {
        let sql = "SELECT id, received_at, device_address, quarantined, raw FROM alarm_frames WHERE id > $1 ORDER BY id LIMIT $2";
        let rows = crate::dynq(sql).bind(after_id).bind(limit.max(1)).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                let id: i64 = r.try_get(0)?;
                let text: String = r.try_get(4)?;
                let raw = hex::decode(&text).map_err(|e| crate::StoreError::Corrupt {
                    table: "alarm_frames",
                    id,
                    reason: format!("raw is not hex: {e}"),
                })?;
                Ok(FrameRecord {
                    id,
                    received_at: r.try_get(1)?,
                    device_address: r.try_get(2)?,
                    quarantined: r.try_get::<i64, _>(3)? != 0,
                    raw,
                })
            })
            .collect()
    }
}

/// A stored frame as the alarm engine reads it ([`Store::frames_after`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameRecord {
    /// Row id.
    pub id: i64,
    /// When the gateway received it (UTC RFC 3339).
    pub received_at: String,
    /// Source address, 12 hex digits.
    pub device_address: String,
    /// From an unregistered device.
    pub quarantined: bool,
    /// The wire bytes.
    pub raw: Vec<u8>,
}
