//! The outgoing webhook queue (transactional outbox): a notification is written in the same
//! transaction as the change it reports (e.g. an alarm confirmed as a real fire), and a delivery
//! worker posts it until the receiver answers 2xx — at least once, in order of creation, with
//! back-off. Receivers de-duplicate by the entry's `id`.

use serde::Serialize;
use sqlx::Row;

use crate::store::Monitoring;
use huoyan_store::{Result, now};

/// A queued notification.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutboxEntry {
    /// Id (the receiver's de-duplication key, sent as `X-Huoyan-Delivery`).
    pub id: i64,
    /// Event name, e.g. `fire_confirmed`.
    pub event: String,
    /// The JSON body.
    pub payload: serde_json::Value,
    /// Attempts so far.
    pub attempts: i64,
}

pub async fn enqueue_tx(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    event: &str,
    payload: &serde_json::Value,
) -> Result<i64> {
    let at = now();
    let row = huoyan_store::dynq("INSERT INTO webhook_outbox (created_at, event, payload, attempts, next_at) VALUES ($1, $2, $3, 0, $1) RETURNING id")
        .bind(at.as_str())
        .bind(event)
        .bind(payload.to_string())
        .fetch_one(&mut **tx)
        .await?;
    Ok(row.try_get(0)?)
}

impl Monitoring<'_> {
    /// Entries due for delivery (not delivered, `next_at` passed), oldest first.
    pub async fn outbox_due(&self, limit: i64) -> Result<Vec<OutboxEntry>> {
        let rows = huoyan_store::dynq("SELECT id, event, payload, attempts FROM webhook_outbox WHERE delivered_at IS NULL AND next_at <= $1 ORDER BY id LIMIT $2")
            .bind(now())
            .bind(limit.max(1))
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| {
                let id: i64 = r.try_get(0)?;
                let p: String = r.try_get(2)?;
                Ok(OutboxEntry {
                    id,
                    event: r.try_get(1)?,
                    payload: serde_json::from_str(&p).map_err(|e| huoyan_store::StoreError::Corrupt {
                        table: "webhook_outbox",
                        id,
                        reason: e.to_string(),
                    })?,
                    attempts: r.try_get(3)?,
                })
            })
            .collect()
    }

    /// Records a delivery (`error` = None) or a failed attempt to retry at `retry_at`.
    pub async fn outbox_result(&self, id: i64, error: Option<&str>, retry_at: &str) -> Result<()> {
        let q = match error {
            None => huoyan_store::dynq(
                "UPDATE webhook_outbox SET delivered_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2",
            )
            .bind(now())
            .bind(id),
            Some(e) => huoyan_store::dynq(
                "UPDATE webhook_outbox SET attempts = attempts + 1, last_error = $1, next_at = $2 WHERE id = $3",
            )
            .bind(e.to_string())
            .bind(retry_at.to_string())
            .bind(id),
        };
        q.execute(self.pool()).await?;
        Ok(())
    }

    /// Entries not yet delivered.
    pub async fn outbox_pending(&self) -> Result<i64> {
        Ok(huoyan_store::dynq("SELECT COUNT(*) FROM webhook_outbox WHERE delivered_at IS NULL")
            .fetch_one(self.pool())
            .await?
            .try_get(0)?)
    }
}
