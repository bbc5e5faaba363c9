//! The writer task: group commit. It takes frames from every connection, stores a batch in one
//! transaction, publishes the new ones and only then tells each connection the outcome, so 确认 is
//! never sent before the commit.
//!
//! Up to `writers` batches are in flight at once (a pipeline): while one transaction executes or
//! waits for its commit, the next batch is gathered, prepared and queued behind it, so the database
//! does not wait for the gateway between batches. Each batch is still one transaction, answered
//! only after its own commit; the store keeps the batches' commits in order
//! ([`Monitoring::store_frames`](huoyan_monitor::store::Monitoring::store_frames): PostgreSQL's append lock, SQLite's one writer).

use huoyan_monitor::store::Monitoring;
use std::collections::HashMap;

use huoyan_monitor::store::frames::{NewFrame, StoredOutcome};
use huoyan_store::Store;
use tokio::sync::{broadcast, mpsc};
use tokio::task::JoinSet;
use tokio::time::Instant;

use crate::{GatewayConfig, GatewayEvent};

/// A frame to store and where to report.
pub(crate) struct Job {
    pub(crate) frame: NewFrame,
    /// The connection's number (one [`Done`] per connection and batch).
    pub(crate) conn: u64,
    pub(crate) reply: mpsc::UnboundedSender<Done>,
}

/// The outcome for a connection's frames of one batch, in the order they were queued:
/// `committed` (each is a new row or a retransmission of a stored one), or not because the
/// transaction failed (the connection denies them so that the device retransmits).
pub(crate) struct Done {
    pub(crate) serials: Vec<u16>,
    pub(crate) committed: bool,
}

/// Groups a batch's replies by connection: one message, and one wake-up, per connection.
#[derive(Default)]
struct Replies {
    by_conn: HashMap<u64, (mpsc::UnboundedSender<Done>, Vec<u16>)>,
}

impl Replies {
    fn add(&mut self, conn: u64, reply: mpsc::UnboundedSender<Done>, serial: u16) {
        self.by_conn.entry(conn).or_insert_with(|| (reply, Vec::new())).1.push(serial);
    }

    fn send(self, committed: bool) {
        for (_, (reply, serials)) in self.by_conn {
            // The connection may be gone; the device will retransmit on a new one.
            let _ = reply.send(Done { serials, committed });
        }
    }
}

pub(crate) async fn run(
    store: Store,
    mut urgent: mpsc::Receiver<Job>,
    mut rx: mpsc::Receiver<Job>,
    config: GatewayConfig,
    events: broadcast::Sender<GatewayEvent>,
) {
    let max = config.batch_max.max(1);
    let mut in_flight = JoinSet::new();
    loop {
        // Fire reports first, whenever both queues hold jobs.
        let first = tokio::select! {
            biased;
            Some(job) = urgent.recv() => job,
            Some(job) = rx.recv() => job,
            else => break,
        };
        let mut batch = vec![first];
        let deadline = Instant::now() + config.batch_delay;
        while batch.len() < max {
            if let Ok(job) = urgent.try_recv() {
                batch.push(job);
                continue;
            }
            let job = match rx.try_recv() {
                Ok(job) => job,
                Err(mpsc::error::TryRecvError::Disconnected) => break,
                Err(mpsc::error::TryRecvError::Empty) => {
                    let next = tokio::time::timeout_at(deadline, async {
                        tokio::select! {
                            biased;
                            Some(job) = urgent.recv() => Some(job),
                            job = rx.recv() => job,
                        }
                    });
                    match next.await {
                        Ok(Some(job)) => job,
                        _ => break,
                    }
                }
            };
            batch.push(job);
        }
        in_flight.spawn(commit(store.clone(), batch, events.clone()));
        // A free place in the pipeline before gathering the next batch (which meanwhile grows).
        while in_flight.len() >= config.writers.max(1) {
            let _ = in_flight.join_next().await;
        }
    }
    while in_flight.join_next().await.is_some() {}
}

/// Stores one batch, publishes its new frames and answers its connections.
async fn commit(store: Store, batch: Vec<Job>, events: broadcast::Sender<GatewayEvent>) {
    let (frames, replies): (Vec<NewFrame>, Vec<_>) = batch.into_iter().map(|j| (j.frame, (j.conn, j.reply))).unzip();
    let started = Instant::now();
    let mut grouped = Replies::default();
    match Monitoring(&store).store_frames(&frames).await {
        Ok(outcomes) => {
            tracing::debug!(frames = frames.len(), store_us = started.elapsed().as_micros(), "batch committed");
            for ((frame, (conn, reply)), outcome) in frames.into_iter().zip(replies).zip(outcomes) {
                if let StoredOutcome::New { id } = outcome {
                    let _ = events.send(GatewayEvent::FrameStored {
                        id,
                        device_address: frame.device_address,
                        serial: frame.serial,
                        command: frame.command,
                        adu_type: frame.adu_type,
                        quarantined: frame.quarantined,
                    });
                }
                grouped.add(conn, reply, frame.serial);
            }
            grouped.send(true);
        }
        Err(e) => {
            tracing::error!(error = %e, frames = frames.len(), "storing a batch of frames failed; denying them");
            for (frame, (conn, reply)) in frames.into_iter().zip(replies) {
                grouped.add(conn, reply, frame.serial);
            }
            grouped.send(false);
        }
    }
}
