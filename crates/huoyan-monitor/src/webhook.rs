//! Delivery of the outbox (`webhook_outbox`): POSTs each entry's JSON to the configured URL with
//! headers `X-Huoyan-Event` and `X-Huoyan-Delivery` (the entry id, for the receiver to
//! de-duplicate), in order, until a 2xx answer; failures are retried with exponential back-off
//! (2, 4, 8 … s, at most 5 min). At least once, never lost: the entry was written in the same
//! transaction as the change it reports.
//!
//! Payload of `fire_confirmed`: `{ "event": "fire_confirmed", "alarm": <Alarm>, "confirmed_by":
//! "<user>", "confirmed_at": "<RFC 3339>" }` — documented in docs/MONITORING.md.

use crate::store::Monitoring;
use std::time::Duration;

use huoyan_store::Store;

/// Delivers due entries once; returns how many were delivered.
pub async fn deliver_due(store: &Store, client: &reqwest::Client, url: &str) -> huoyan_store::Result<usize> {
    let mut delivered = 0;
    for e in Monitoring(store).outbox_due(50).await? {
        let res = client
            .post(url)
            .header("X-Huoyan-Event", e.event.as_str())
            .header("X-Huoyan-Delivery", e.id.to_string())
            .json(&e.payload)
            .send()
            .await;
        let error = match res {
            Ok(r) if r.status().is_success() => None,
            Ok(r) => Some(format!("HTTP {}", r.status())),
            Err(err) => Some(err.to_string()),
        };
        let backoff = 2i64.saturating_pow(u32::try_from(e.attempts + 1).unwrap_or(30).min(30)).min(300);
        let retry_at = (chrono::Utc::now() + chrono::Duration::seconds(backoff))
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        Monitoring(store).outbox_result(e.id, error.as_deref(), &retry_at).await?;
        match error {
            None => delivered += 1,
            Some(err) => {
                tracing::warn!(id = e.id, error = %err, "webhook delivery failed; will retry");
                // Keep the order: later entries wait for this one.
                break;
            }
        }
    }
    Ok(delivered)
}

/// Runs the delivery loop until `shutdown` completes.
pub async fn run(store: Store, url: String, shutdown: impl Future<Output = ()>) {
    let client = match reqwest::Client::builder().timeout(Duration::from_secs(10)).build() {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "cannot build the webhook client");
            return;
        }
    };
    let mut shutdown = std::pin::pin!(shutdown);
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            _ = tick.tick() => {
                if let Err(e) = deliver_due(&store, &client, &url).await {
                    tracing::warn!(error = %e, "webhook outbox");
                }
            }
        }
    }
}
