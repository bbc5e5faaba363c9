//! One device connection: read → [`Session::handle_bytes`] → uploads to the writer → 确认 after
//! the commit. Timers: silence (`idle_timeout`), an unfinished frame (`frame_timeout`), the
//! session's own retransmissions (`poll_timeout`). Before anything of a registered device is
//! stored, confirmed or taken as a sign of life, the connection must be admitted for it
//! ([`crate::guard`]: its source binding and its one live session).

use huoyan_monitor::store::Monitoring;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use huoyan_monitor::sources::{self, SourceNet};

use huoyan_gb26875::{
    Address, Adu, Command, Event, ReservedObject, Session, SessionConfig, StreamDecoder, TimeObject, bytes_to_hex,
};
use huoyan_monitor::store::frames::{Device, NewFrame};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::sync::{Notify, mpsc, watch};
use tokio::time::Instant;

use crate::guard::{self, Refusal};
use crate::writer::{Done, Job};
use crate::{GatewayEvent, Shared, UnknownDevicePolicy, now_text, presence};

/// Why a connection ends.
#[derive(Debug)]
enum Close {
    Eof,
    Stopped,
    Idle,
    SlowSender,
    Io(std::io::Error),
    WriteTimeout,
    WriterGone,
    /// Refused for a device it claimed ([`crate::guard`]).
    Refused(Refusal),
    /// A newer connection of the same bound device from the same address took over.
    Replaced,
}

/// A registered device as a connection knows it: the record and its parsed binding (`Err` when
/// the stored binding does not parse: refused, never treated as unbound).
#[derive(Debug, Clone)]
struct Known {
    device: Device,
    sources: Result<Vec<SourceNet>, ()>,
}

struct Conn {
    shared: Arc<Shared>,
    peer: SocketAddr,
    session: Session,
    /// A copy of the session's framing, to know when a frame is half received (slow senders).
    shadow: StreamDecoder,
    partial_since: Option<Instant>,
    last_activity: Instant,
    inflight: usize,
    /// This connection's number, for the writer's grouped replies.
    id: u64,
    replies: mpsc::UnboundedSender<Done>,
    /// Registered device per address; `None` = unknown, with the lookup time.
    devices: HashMap<Address, (Option<Known>, Instant)>,
    /// Bound devices whose session this connection holds.
    claimed: Vec<String>,
    /// Notified when a newer connection of a bound device takes over.
    kick: Arc<Notify>,
    /// The registered device this connection last heard from (for duplicates and heartbeats).
    last_device: Option<String>,
    /// Next patrol read and clock sync, once a registered device spoke.
    patrol_at: Option<Instant>,
    clock_at: Option<Instant>,
    /// Serials of outstanding patrol reads.
    patrols: Vec<u16>,
}

pub(crate) async fn serve(shared: Arc<Shared>, sock: TcpStream, peer: SocketAddr, mut stop: watch::Receiver<bool>) {
    let _ = sock.set_nodelay(true);
    let (mut rd, mut wr) = sock.into_split();
    let cfg = &shared.config;
    let session_cfg = SessionConfig {
        local_address: Address(cfg.centre_address),
        buffer_limit: cfg.max_buffer,
        auto_ack_heartbeat: false,
        dedup_window: 256.max(cfg.max_inflight.saturating_mul(2)),
        ..SessionConfig::default()
    };
    let now = Instant::now();
    let (replies, mut done_rx) = mpsc::unbounded_channel();
    let mut c = Conn {
        session: Session::new(session_cfg, now.into_std(), chrono::Utc::now().timestamp()),
        shadow: StreamDecoder::new(cfg.max_buffer),
        partial_since: None,
        last_activity: now,
        inflight: 0,
        id: shared.next_conn.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        replies,
        devices: HashMap::new(),
        claimed: Vec::new(),
        kick: Arc::new(Notify::new()),
        last_device: None,
        patrol_at: None,
        clock_at: None,
        patrols: Vec::new(),
        peer,
        shared: shared.clone(),
    };
    tracing::debug!(%peer, "connection open");
    let mut buf = vec![0u8; 4096];
    let max_inflight = cfg.max_inflight.max(1);
    let kick = c.kick.clone();
    let why = loop {
        let idle_at = c.last_activity + cfg.idle_timeout;
        let mut deadline = idle_at;
        let frame_at = c.partial_since.map(|t| t + cfg.frame_timeout);
        if let Some(t) = frame_at {
            deadline = deadline.min(t);
        }
        let session_at = c.session.poll_timeout().map(Instant::from_std);
        if let Some(t) = session_at {
            deadline = deadline.min(t);
        }
        for t in [c.patrol_at, c.clock_at].into_iter().flatten() {
            deadline = deadline.min(t);
        }
        let step: Result<(), Close> = tokio::select! {
            biased;
            _ = stop.changed() => Err(Close::Stopped),
            () = kick.notified() => Err(Close::Replaced),
            Some(done) = done_rx.recv() => {
                c.on_done(done);
                while let Ok(done) = done_rx.try_recv() {
                    c.on_done(done);
                }
                Ok(())
            }
            r = rd.read(&mut buf), if c.inflight < max_inflight => match r {
                Ok(0) => Err(Close::Eof),
                Ok(n) => c.on_bytes(&buf[..n]).await,
                Err(e) => Err(Close::Io(e)),
            },
            () = tokio::time::sleep_until(deadline) => {
                let now = Instant::now();
                if c.inflight == 0 && now >= idle_at {
                    Err(Close::Idle)
                } else if frame_at.is_some_and(|t| now >= t) {
                    Err(Close::SlowSender)
                } else {
                    if c.inflight > 0 && now >= idle_at {
                        // Waiting for our own commit is not the device's silence.
                        c.last_activity = now;
                    }
                    let mut r = Ok(());
                    if session_at.is_some_and(|t| now >= t) {
                        c.session.handle_timeout(now.into_std());
                        while let Some(event) = c.session.poll_event() {
                            if let Err(why) = c.on_event(event).await {
                                r = Err(why);
                                break;
                            }
                        }
                    }
                    if r.is_ok() {
                        c.centre_requests(now);
                    }
                    r
                }
            }
        };
        let flushed = c.flush(&mut wr).await;
        if let Err(why) = step.and(flushed) {
            break why;
        }
    };
    match why {
        // A refusal is logged by the guard, at most once a second per device.
        Close::Eof | Close::Stopped => tracing::debug!(%peer, ?why, "connection closed"),
        Close::Refused(r) => tracing::debug!(%peer, reason = r.code(), "connection refused"),
        Close::Io(e) => tracing::info!(%peer, error = %e, "connection closed on an I/O error"),
        _ => tracing::info!(%peer, ?why, "connection closed"),
    }
    shared.guard.release(c.id, &c.claimed);
    let _ = wr.shutdown().await;
}

impl Conn {
    async fn on_bytes(&mut self, bytes: &[u8]) -> Result<(), Close> {
        let now = Instant::now();
        self.last_activity = now;
        self.session.handle_bytes(now.into_std(), bytes);
        self.shadow.feed(bytes);
        let mut completed = false;
        while self.shadow.next_raw().is_some() {
            completed = true;
        }
        if self.shadow.buffered() == 0 {
            self.partial_since = None;
        } else if completed || self.partial_since.is_none() {
            self.partial_since = Some(now);
        }
        while let Some(event) = self.session.poll_event() {
            self.on_event(event).await?;
        }
        Ok(())
    }

    async fn on_event(&mut self, event: Event) -> Result<(), Close> {
        let now = Instant::now();
        match event {
            Event::Received { frame, bytes, ack_required: true } => {
                let address = bytes_to_hex(&frame.source.0);
                let device = self.device(frame.source).await;
                if let Some(known) = &device {
                    self.admit(known).await?;
                }
                let policy = self.shared.config.unknown_devices;
                let quarantined = match (&device, policy) {
                    (Some(_), _) => false,
                    (None, UnknownDevicePolicy::Quarantine) => true,
                    (None, UnknownDevicePolicy::Refuse) => {
                        tracing::info!(peer = %self.peer, address, serial = frame.serial, "frame from an unregistered device refused");
                        let _ = self.session.deny(now.into_std(), frame.serial);
                        let _ = self
                            .shared
                            .events
                            .send(GatewayEvent::FrameRefused { device_address: address, serial: frame.serial });
                        return Ok(());
                    }
                };
                if device.is_some() {
                    presence::seen(&self.shared, &address).await;
                    self.last_device = Some(address.clone());
                    self.schedule_centre_requests(now);
                }
                if frame.adu.is_none() {
                    // A heartbeat: nothing to store.
                    let _ = self.session.ack(now.into_std(), frame.serial);
                    return Ok(());
                }
                let record = NewFrame {
                    received_at: now_text(),
                    device_address: address,
                    serial: frame.serial,
                    command: frame.command.code(),
                    adu_type: frame.adu.as_ref().map(|a| a.type_code()),
                    raw: bytes,
                    quarantined,
                };
                self.inflight += 1;
                let queue = if frame.reports_fire() { &self.shared.urgent } else { &self.shared.jobs };
                queue
                    .send(Job { frame: record, conn: self.id, reply: self.replies.clone() })
                    .await
                    .map_err(|_| Close::WriterGone)?;
            }
            Event::Received { frame, ack_required: false, .. } => {
                // A request or user-defined command from the device: nothing to confirm.
                tracing::debug!(peer = %self.peer, command = frame.command.code(), "device frame without confirmation ignored");
                if let Some(known) = self.device(frame.source).await {
                    self.admit(&known).await?;
                    presence::seen(&self.shared, &known.device.address).await;
                }
            }
            Event::Duplicate { serial, reacknowledged } => {
                tracing::debug!(peer = %self.peer, serial, reacknowledged, "retransmission");
                if let Some(a) = self.last_device.clone() {
                    presence::seen(&self.shared, &a).await;
                }
            }
            Event::Invalid { error, bytes, denied } => {
                tracing::info!(peer = %self.peer, %error, len = bytes.len(), denied, "invalid frame");
            }
            Event::Answered { serial, .. } | Event::Confirmed { serial } | Event::Denied { serial } => {
                tracing::debug!(peer = %self.peer, serial, "reply to a centre request");
                if let Some(pos) = self.patrols.iter().position(|s| *s == serial) {
                    self.patrols.swap_remove(pos);
                    if let Some(a) = self.last_device.clone() {
                        presence::seen(&self.shared, &a).await;
                        let _ = self.shared.events.send(GatewayEvent::PatrolAnswered { address: a });
                    }
                }
            }
            Event::RequestFailed { serial, attempts } => {
                tracing::info!(peer = %self.peer, serial, attempts, "centre request failed");
                if let Some(pos) = self.patrols.iter().position(|s| *s == serial) {
                    self.patrols.swap_remove(pos);
                    if let Some(a) = self.last_device.clone() {
                        let _ = self.shared.events.send(GatewayEvent::PatrolFailed { address: a, at: now_text() });
                    }
                }
            }
            Event::Unmatched { frame } => {
                tracing::debug!(peer = %self.peer, serial = frame.serial, command = frame.command.code(), "unmatched reply");
            }
        }
        Ok(())
    }

    /// After the first frame of a registered device: clock sync now, patrol after an interval.
    fn schedule_centre_requests(&mut self, now: Instant) {
        let cfg = &self.shared.config;
        if self.patrol_at.is_none() && !cfg.patrol_interval.is_zero() {
            self.patrol_at = Some(now + cfg.patrol_interval);
        }
        if self.clock_at.is_none() && !cfg.clock_sync_interval.is_zero() {
            self.clock_at = Some(now);
        }
    }

    /// Sends the patrol read and the clock sync when due.
    fn centre_requests(&mut self, now: Instant) {
        let cfg = self.shared.config.clone();
        if self.patrol_at.is_some_and(|t| now >= t) {
            self.patrol_at = Some(now + cfg.patrol_interval);
            match self.session.send(
                now.into_std(),
                Command::Request,
                Adu::ReadUitdState(vec![ReservedObject { reserved: 0 }]),
            ) {
                Ok(serial) => self.patrols.push(serial),
                Err(e) => tracing::debug!(peer = %self.peer, error = %e, "patrol read not sent"),
            }
        }
        if self.clock_at.is_some_and(|t| now >= t) {
            self.clock_at = Some(now + cfg.clock_sync_interval);
            let time = self.session.time_tag(now.into_std());
            if let Err(e) =
                self.session.send(now.into_std(), Command::Control, Adu::SyncClock(vec![TimeObject { time }]))
            {
                tracing::debug!(peer = %self.peer, error = %e, "clock sync not sent");
            }
        }
    }

    fn on_done(&mut self, done: Done) {
        self.inflight = self.inflight.saturating_sub(done.serials.len());
        self.last_activity = self.last_activity.max(Instant::now());
        let now = Instant::now().into_std();
        for serial in done.serials {
            let r = if done.committed { self.session.ack(now, serial) } else { self.session.deny(now, serial) };
            if let Err(e) = r {
                // Pushed out of the de-duplication window: the device retransmits, and the store
                // recognises the retransmission.
                tracing::debug!(peer = %self.peer, error = %e, "reply after commit not sent");
            }
        }
    }

    /// Admits this connection for a registered device, or refuses it: its source must be in the
    /// device's allowed sources (when it has some, or when the gateway requires them), and a bound
    /// device has one live session. A refusal is counted and recorded ([`guard::refuse_device`])
    /// and closes the connection: nothing of the frame is stored or confirmed, and the device's
    /// presence is left alone.
    async fn admit(&mut self, known: &Known) -> Result<(), Close> {
        let ip = sources::canonical(self.peer.ip());
        let address = &known.device.address;
        let refusal = match &known.sources {
            Err(()) => Some(Refusal::SourceNotAllowed),
            Ok(nets) if nets.is_empty() => {
                (self.shared.config.require_binding && known.device.kind == "uitd").then_some(Refusal::BindingRequired)
            }
            Ok(nets) if !sources::any_contains(nets, ip) => Some(Refusal::SourceNotAllowed),
            Ok(_) => match self.shared.guard.claim(address, self.id, ip, &self.kick) {
                Ok(()) => {
                    if !self.claimed.contains(address) {
                        self.claimed.push(address.clone());
                    }
                    None
                }
                Err(r) => Some(r),
            },
        };
        match refusal {
            None => Ok(()),
            Some(r) => {
                guard::refuse_device(&self.shared, address, self.peer, r).await;
                Err(Close::Refused(r))
            }
        }
    }

    /// The registered device with `address`, looked up once per connection and again after
    /// `device_cache` (so a changed binding applies to a live session); unknown addresses again
    /// after `unknown_cache`.
    async fn device(&mut self, address: Address) -> Option<Known> {
        let now = Instant::now();
        let cfg = &self.shared.config;
        if let Some((d, at)) = self.devices.get(&address) {
            let ttl = if d.is_some() { cfg.device_cache } else { cfg.unknown_cache };
            if now.duration_since(*at) < ttl {
                return d.clone();
            }
        }
        let d = match Monitoring(&self.shared.store).device_by_address(&bytes_to_hex(&address.0)).await {
            Ok(d) => d.map(|device| {
                let sources = sources::parse_stored(&device.allowed_sources).map_err(|e| {
                    tracing::error!(address = device.address, error = %e, "stored allowed sources do not parse: the device is refused");
                });
                Known { device, sources }
            }),
            Err(e) => {
                tracing::warn!(error = %e, "device lookup failed");
                // A registered device stays known (with its binding) until a lookup succeeds.
                if let Some((Some(known), _)) = self.devices.get(&address) {
                    return Some(known.clone());
                }
                None
            }
        };
        if self.devices.len() >= 16 {
            // A connection carries one device; a peer cycling addresses must not grow this.
            self.devices.clear();
        }
        self.devices.insert(address, (d.clone(), now));
        d
    }

    /// Writes everything the session has to send in one write (a batch's 确认 for this
    /// connection arrive together).
    async fn flush(&mut self, wr: &mut OwnedWriteHalf) -> Result<(), Close> {
        let Some(mut out) = self.session.poll_transmit() else { return Ok(()) };
        while let Some(more) = self.session.poll_transmit() {
            out.extend_from_slice(&more);
        }
        match tokio::time::timeout(self.shared.config.frame_timeout, wr.write_all(&out)).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(Close::Io(e)),
            Err(_) => Err(Close::WriteTimeout),
        }
    }
}
