//! The writer task: group commit. It takes frames from every connection, stores a batch in one
//! transaction, publishes the new ones and only then tells each connection the outcome, so 确认 is
//! never sent before the commit.

use huoyan_store::Store;
use huoyan_store::frames::{NewFrame, StoredOutcome};
use tokio::sync::{broadcast, mpsc};
use tokio::time::Instant;

use crate::{GatewayConfig, GatewayEvent};

/// A frame to store and where to report.
pub(crate) struct Job {
    pub(crate) frame: NewFrame,
    pub(crate) reply: mpsc::UnboundedSender<Done>,
}

/// The outcome for one frame: `Ok` after commit (new row or retransmission), `Err` when the
/// transaction failed (the connection denies the frame so that the device retransmits).
pub(crate) struct Done {
    pub(crate) serial: u16,
    pub(crate) result: Result<StoredOutcome, String>,
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
    loop {
        // Fire reports first, whenever both queues hold jobs.
        let first = tokio::select! {
            biased;
            Some(job) = urgent.recv() => job,
            Some(job) = rx.recv() => job,
            else => break,
        };
        frames.push(first.frame);
        replies.push(first.reply);
        let deadline = Instant::now() + config.batch_delay;
        while frames.len() < max {
            if let Ok(job) = urgent.try_recv() {
                frames.push(job.frame);
                replies.push(job.reply);
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
            replies.push(job.reply);
        }
        let result = store.store_frames(&frames).await;
        match result {
            Ok(outcomes) => {
                tracing::debug!(frames = frames.len(), "batch committed");
                for ((frame, reply), outcome) in frames.drain(..).zip(replies.drain(..)).zip(outcomes) {
                    let serial = frame.serial;
                    if let StoredOutcome::New { id } = outcome {
                        let _ = events.send(GatewayEvent::FrameStored {
                            id,
                            device_address: frame.device_address,
                            serial,
                            command: frame.command,
                            adu_type: frame.adu_type,
                            quarantined: frame.quarantined,
                        });
                    }
                    // The connection may be gone; the device will retransmit on a new one.
                    let _ = reply.send(Done { serial, result: Ok(outcome) });
                }
            }
            Err(e) => {
                tracing::error!(error = %e, frames = frames.len(), "storing a batch of frames failed; denying them");
                let msg = e.to_string();
                for (frame, reply) in frames.drain(..).zip(replies.drain(..)) {
                    let _ = reply.send(Done { serial: frame.serial, result: Err(msg.clone()) });
                }
            }
        }
    }
}
