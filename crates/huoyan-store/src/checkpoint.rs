//! Background WAL checkpoints for the embedded SQLite store.
//!
//! In WAL mode SQLite copies the log back into the database file (a checkpoint) every 1,000 pages
//! by default, and it does so inside the commit of whichever connection crosses the mark. Under
//! the gateway's ingest that is the one writer: measured at 15 % of the server's CPU, all of it on
//! the path between a batch's commit and its 确认. So the store's connections checkpoint
//! automatically only as a safety net ([`AUTOCHECKPOINT_PAGES`]), and this task checkpoints in the
//! background (`PASSIVE`: it never blocks the writer or the readers) on its own connection, every
//! [`INTERVAL`]. It stops when the last clone of the [`crate::Store`] is dropped.

use std::sync::Weak;
use std::time::Duration;

use sqlx::any::AnyConnectOptions;
use sqlx::{Connection, Executor};

/// Pages after which a committing connection still checkpoints itself (about 64 MiB of log with
/// 4 KiB pages), should the background task fall behind.
pub const AUTOCHECKPOINT_PAGES: u32 = 16_384;

/// How often the background task checkpoints.
pub const INTERVAL: Duration = Duration::from_millis(250);

/// Runs until `alive` can no longer be upgraded.
pub(crate) async fn run(opts: AnyConnectOptions, alive: Weak<()>) {
    let mut conn: Option<sqlx::AnyConnection> = None;
    let mut tick = tokio::time::interval(INTERVAL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if alive.upgrade().is_none() {
            break;
        }
        if conn.is_none() {
            match sqlx::AnyConnection::connect_with(&opts).await {
                Ok(c) => conn = Some(c),
                Err(e) => {
                    tracing::warn!(error = %e, "WAL checkpointer cannot connect; the writers checkpoint themselves");
                    continue;
                }
            }
        }
        if let Some(c) = conn.as_mut()
            && let Err(e) = c.execute("PRAGMA wal_checkpoint(PASSIVE)").await
        {
            tracing::warn!(error = %e, "WAL checkpoint failed");
            conn = None;
        }
    }
    if let Some(c) = conn {
        let _ = c.close().await;
    }
}
