//! The GB/T 26875.3 gateway: a TCP server for many user information transmission devices (用户信息
//! 传输装置, UITD). A thin async driver around the sans-IO [`huoyan_gb26875::Session`]:
//!
//! - one task per connection reads bytes, feeds the session and sends every device upload to one
//!   **writer task** over a bounded channel;
//! - uploads reporting a fire go to the writer over a second queue that it always empties first,
//!   so under load a 火警 waits for the batch being committed, not for the queue of routine states;
//! - the writer stores up to `batch_max` frames (or what arrived within `batch_delay`) in one
//!   transaction ([`Monitoring::store_frames`](huoyan_monitor::store::Monitoring::store_frames), group commit), with up to `writers`
//!   batches in flight (a pipeline), and only then reports back,
//!   so the connection sends 确认 (command 3) **after the commit, never before**; a failed commit is
//!   answered with 否认 (command 6) so the device retransmits;
//! - invalid frames are denied by the session and the connection stays up; retransmissions are
//!   confirmed again without a new row (session window, then the store's content hash);
//! - heartbeats (uploads without ADU) are confirmed without storing; they keep the device online;
//! - frames from unregistered addresses are denied (`refuse`) or stored with `quarantined = 1` and
//!   confirmed (`quarantine`);
//! - a registered device is online from its first frame and offline after `offline_after` of
//!   silence; transitions are written to `devices` and published as [`GatewayEvent`]s on a
//!   broadcast channel, together with every newly stored frame.
//!
//! - the centre polls each registered device (巡检: read the UITD state, type 81) every
//!   `patrol_interval` and syncs its clock (校时, type 90) on first contact and every
//!   `clock_sync_interval`; the session retries unanswered requests (10 s × 3).
//!
//! Sources (GB/T 26875.3 has no authentication; docs/SECURITY-gateway.md, [`guard`]): connections
//! from outside `allow` are closed at accept; a connection claiming a device whose
//! `allowed_sources` do not hold its source (or, with `require_binding`, a UITD without them) is
//! refused — nothing stored or confirmed, the device's presence untouched — and closed; a bound
//! device has one live session at a time.
//!
//! Limits: connections (`max_connections`, further connections are closed at once), the decoder
//! buffer per connection (`max_buffer`, at least one 30 + 1024-byte frame), frames awaiting commit
//! per connection (`max_inflight`; reading pauses beyond it, so a flooding connection slows itself
//! and not the others), silence (`idle_timeout`) and the time to finish a started frame
//! (`frame_timeout`, slow senders). Writes to a device that does not read time out as well.

mod conn;
pub mod guard;
mod presence;
mod writer;

use huoyan_monitor::store::Monitoring;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use huoyan_store::Store;
use serde::Serialize;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, broadcast, mpsc, watch};
use tokio::task::JoinSet;

pub use guard::{GatewayStats, Refusal};
pub use huoyan_gb26875::MAX_FRAME_LEN;
pub use huoyan_monitor::sources::SourceNet;

/// What to do with frames from addresses not registered in `devices`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnknownDevicePolicy {
    /// Deny (否认) every frame; nothing is stored.
    Refuse,
    /// Store with `quarantined = 1` and confirm.
    Quarantine,
}

/// Gateway settings; see [`GatewayConfig::default`] for the defaults.
#[derive(Debug, Clone)]
pub struct GatewayConfig {
    /// Concurrent connections; beyond it new connections are closed at once (default 1024).
    pub max_connections: usize,
    /// Decoder buffer per connection in bytes, at least [`MAX_FRAME_LEN`] (default 4 × 1054).
    pub max_buffer: usize,
    /// A connection silent this long is closed (default 120 s; devices beat every 20–30 s).
    pub idle_timeout: Duration,
    /// A frame started but not finished within this time closes the connection (slow sender);
    /// also bounds each write to the device (default 10 s).
    pub frame_timeout: Duration,
    /// A registered device silent this long is marked offline (default 90 s).
    pub offline_after: Duration,
    /// Unregistered devices (default refuse).
    pub unknown_devices: UnknownDevicePolicy,
    /// Frames of one connection awaiting commit before it stops reading (default 64).
    pub max_inflight: usize,
    /// Frames per transaction at most (default 256).
    pub batch_max: usize,
    /// How long the writer waits to fill a batch after its first frame (default 2 ms).
    pub batch_delay: Duration,
    /// Batches in flight at once (default 2; `huoyan serve` uses 1 on SQLite, where a second batch
    /// could only wait for the one write lock): the next is gathered and queued while one commits.
    pub writers: usize,
    /// Capacity of the queue to the writer (default 4096).
    pub queue: usize,
    /// Capacity of the event channel (default 1024); slow subscribers lose old events.
    pub events: usize,
    /// The centre's address, written as source in replies' headers (default zeros). Replies echo
    /// the device frame's addresses swapped, so this is informational for now.
    pub centre_address: [u8; 6],
    /// How long a lookup of an unregistered address is remembered per connection (default 10 s).
    pub unknown_cache: Duration,
    /// Patrol polling (巡检): the centre reads the UITD's state (type 81) this often on each
    /// connection of a registered device; no answer after the session's retries → a
    /// [`GatewayEvent::PatrolFailed`]. Zero = off. Default 1 h (the plans ask for ≤ 2 h).
    pub patrol_interval: Duration,
    /// Clock sync (校时, type 90): sent when a registered device is first heard on a connection
    /// and then this often. Zero = off. Default 24 h.
    pub clock_sync_interval: Duration,
    /// Networks connections may come from; others are closed at accept, before a byte is read.
    /// Empty (the default) = any source.
    pub allow: Vec<SourceNet>,
    /// Refuse a UITD whose record has no allowed sources (default false: such a device is
    /// accepted from any source, as before bindings existed).
    pub require_binding: bool,
    /// How long a connection keeps a registered device's record (its binding) before reading it
    /// again, so that a changed binding applies to live sessions too (default 60 s).
    pub device_cache: Duration,
}

impl Default for GatewayConfig {
    fn default() -> Self {
        Self {
            max_connections: 1024,
            max_buffer: 4 * MAX_FRAME_LEN,
            idle_timeout: Duration::from_secs(120),
            frame_timeout: Duration::from_secs(10),
            offline_after: Duration::from_secs(90),
            unknown_devices: UnknownDevicePolicy::Refuse,
            max_inflight: 64,
            batch_max: 256,
            batch_delay: Duration::from_millis(2),
            writers: 2,
            queue: 4096,
            events: 1024,
            centre_address: [0; 6],
            unknown_cache: Duration::from_secs(10),
            patrol_interval: Duration::from_secs(3600),
            clock_sync_interval: Duration::from_secs(24 * 3600),
            allow: Vec::new(),
            require_binding: false,
            device_cache: Duration::from_secs(60),
        }
    }
}

/// What the gateway reports to later consumers (console push, alarm handling).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum GatewayEvent {
    /// A new frame was committed (not sent for retransmissions).
    FrameStored {
        /// Row id in `alarm_frames`.
        id: i64,
        /// Source address, 12 hex digits.
        device_address: String,
        /// 业务流水号.
        serial: u16,
        /// Command byte.
        command: u8,
        /// ADU type.
        adu_type: Option<u8>,
        /// From an unregistered device.
        quarantined: bool,
    },
    /// A frame of an unregistered device was denied (policy `refuse`).
    FrameRefused {
        /// Source address.
        device_address: String,
        /// 业务流水号.
        serial: u16,
    },
    /// A registered device sent its first frame after being offline (or since the gateway started).
    DeviceOnline {
        /// Address.
        address: String,
        /// When (UTC RFC 3339).
        at: String,
    },
    /// A patrol read (巡检) got no answer after all retries.
    PatrolFailed {
        /// Address.
        address: String,
        /// When (UTC RFC 3339).
        at: String,
    },
    /// A patrol read was answered.
    PatrolAnswered {
        /// Address.
        address: String,
    },
    /// A connection claiming a registered device was refused ([`guard`]); published at most once
    /// a second per device, `count` being the refusals since the last one published.
    SourceRefused {
        /// The device's address.
        address: String,
        /// The refused connection's source address.
        from: String,
        /// [`Refusal::code`]: `source_not_allowed`, `binding_required` or `duplicate_session`.
        reason: String,
        /// Refusals since the last event for this device.
        count: i64,
        /// When (UTC RFC 3339).
        at: String,
    },
    /// A registered device was silent longer than `offline_after`.
    DeviceOffline {
        /// Address.
        address: String,
        /// When (UTC RFC 3339).
        at: String,
    },
}

/// Everything a connection task needs.
pub(crate) struct Shared {
    pub(crate) store: Store,
    pub(crate) config: GatewayConfig,
    pub(crate) events: broadcast::Sender<GatewayEvent>,
    pub(crate) presence: presence::Presence,
    pub(crate) jobs: mpsc::Sender<writer::Job>,
    /// Uploads reporting a fire ([`huoyan_gb26875::Frame::reports_fire`]): the writer takes these
    /// first, so a 火警 never waits behind a queue of routine states.
    pub(crate) urgent: mpsc::Sender<writer::Job>,
    /// Numbers the connections.
    pub(crate) next_conn: std::sync::atomic::AtomicU64,
    /// Refusals counted.
    pub(crate) stats: Arc<GatewayStats>,
    /// Bound devices' live sessions and refusal records.
    pub(crate) guard: guard::Guard,
}

/// A gateway: create it, [`Gateway::subscribe`] to its events, then [`Gateway::run`] it.
pub struct Gateway {
    store: Store,
    config: GatewayConfig,
    events: broadcast::Sender<GatewayEvent>,
    stats: Arc<GatewayStats>,
}

impl Gateway {
    /// A gateway over `store`.
    pub fn new(store: Store, config: GatewayConfig) -> Self {
        let (events, _) = broadcast::channel(config.events.max(1));
        Self { store, config, events, stats: Arc::default() }
    }

    /// The gateway's counters of refused connections (also the metric
    /// `huoyan_gateway_refused_total`).
    pub fn stats(&self) -> Arc<GatewayStats> {
        self.stats.clone()
    }

    /// A receiver of the gateway's events from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<GatewayEvent> {
        self.events.subscribe()
    }

    /// Serves `listener` until `shutdown` completes, then closes the connections (frames already
    /// queued are still committed) and returns.
    pub async fn run(self, listener: TcpListener, shutdown: impl Future<Output = ()>) -> std::io::Result<()> {
        let Gateway { store, config, events, stats } = self;
        let (jobs, job_rx) = mpsc::channel(config.queue.max(1));
        let (urgent, urgent_rx) = mpsc::channel(config.queue.max(1));
        let writer = tokio::spawn(writer::run(store.clone(), urgent_rx, job_rx, config.clone(), events.clone()));
        let presence = presence::Presence::default();
        // Devices the database believes online go offline after `offline_after` unless they speak.
        match Monitoring(&store).online_devices().await {
            Ok(list) => presence.seed(list),
            Err(e) => tracing::warn!(error = %e, "cannot read online devices"),
        }
        let shared = Arc::new(Shared {
            store,
            config,
            events,
            presence,
            jobs,
            urgent,
            next_conn: std::sync::atomic::AtomicU64::new(0),
            stats,
            guard: guard::Guard::default(),
        });
        let started = tokio::time::Instant::now();
        let (stop_tx, stop_rx) = watch::channel(false);
        let monitor = tokio::spawn(presence::monitor(shared.clone(), stop_rx.clone()));
        let permits = Arc::new(Semaphore::new(shared.config.max_connections.max(1)));
        let mut conns = JoinSet::new();
        let mut shutdown = std::pin::pin!(shutdown);
        loop {
            tokio::select! {
                () = &mut shutdown => break,
                accepted = listener.accept() => match accepted {
                    Ok((sock, peer)) if !guard::accept_allowed(&shared.config.allow, peer.ip()) => {
                        guard::refuse_at_accept(&shared.stats, started, peer);
                        drop(sock);
                    }
                    Ok((sock, peer)) => match permits.clone().try_acquire_owned() {
                        Ok(permit) => {
                            let (shared, stop) = (shared.clone(), stop_rx.clone());
                            conns.spawn(async move {
                                conn::serve(shared, sock, peer, stop).await;
                                drop(permit);
                            });
                        }
                        Err(_) => {
                            tracing::warn!(%peer, "connection limit reached: closing new connection");
                            drop(sock);
                        }
                    },
                    Err(e) => {
                        // E.g. out of file descriptors: back off instead of spinning.
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                },
                Some(_) = conns.join_next(), if !conns.is_empty() => {}
            }
        }
        let _ = stop_tx.send(true);
        let drain = async { while conns.join_next().await.is_some() {} };
        if tokio::time::timeout(Duration::from_secs(5), drain).await.is_err() {
            conns.abort_all();
        }
        monitor.abort();
        drop(shared);
        let _ = writer.await;
        Ok(())
    }
}

/// Runs a gateway with `config` over `store` on `listener` until `shutdown` completes. Use
/// [`Gateway`] to subscribe to its events.
pub async fn run(
    listener: TcpListener,
    store: Store,
    config: GatewayConfig,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    Gateway::new(store, config).run(listener, shutdown).await
}

/// The current UTC time as stored.
pub(crate) fn now_text() -> String {
    huoyan_store::now()
}
