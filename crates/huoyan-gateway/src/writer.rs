//! The writer task: group commit. It takes frames from every connection, stores a batch in one
//! transaction, publishes the new ones and only then tells each connection the outcome, so 确认 is
//! never sent before the commit.

use std::collections::HashMap;

use huoyan_store::Store;
use huoyan_store::frames::{NewFrame, StoredOutcome};
use tokio::sync::{broadcast, mpsc};
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

    fn send(&mut self, committed: bool) {
        for (_, (reply, serials)) in self.by_conn.drain() {
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
    let mut frames = Vec::with_capacity(max);
    let mut replies = Vec::with_capacity(max);
    let mut grouped = Replies::default();
    loop {
        // Fire reports first, whenever both queues hold jobs.
        let first = tokio::select! {
            biased;
            Some(job) = urgent.recv() => job,
            Some(job) = rx.recv() => job,
            else => break,
        };
        frames.push(first.frame);
        replies.push((first.conn, first.reply));
        let deadline = Instant::now() + config.batch_delay;
        while frames.len() < max {
            if let Ok(job) = urgent.try_recv() {
                frames.push(job.frame);
                replies.push((job.conn, job.reply));
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
            frames.push(job.frame);
            replies.push((job.conn, job.reply));
        }
        let started = Instant::now();
        let result = store.store_frames(&frames).await;
        match result {
            Ok(outcomes) => {
                tracing::debug!(frames = frames.len(), store_us = started.elapsed().as_micros(), "batch committed");
                for ((frame, (conn, reply)), outcome) in frames.drain(..).zip(replies.drain(..)).zip(outcomes) {
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
                for (frame, (conn, reply)) in frames.drain(..).zip(replies.drain(..)) {
                    grouped.add(conn, reply, frame.serial);
                }
                grouped.send(false);
            }
        }
    }
}
