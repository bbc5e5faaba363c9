//! Who may speak for a device. GB/T 26875.3-2011 has no authentication: a frame names its UITD by
//! a 6-byte address any TCP client can write. The gateway therefore checks the one thing the
//! protocol does not let a client choose freely, its source address (docs/SECURITY-gateway.md):
//!
//! - `[gateway] allow` ([`GatewayConfig::allow`](crate::GatewayConfig::allow)): a connection from
//!   outside these networks is closed at accept, before a byte is read;
//! - a device's `allowed_sources`: a connection claiming the device's address from elsewhere is
//!   refused — its frames are neither stored nor confirmed, the device's online state and its
//!   离线 alarm are left alone, and the connection is closed; with `require_binding`, a UITD
//!   without allowed sources is refused the same way;
//! - one live session per bound device: a second connection claiming a bound device that already
//!   has a session is refused, unless it comes from the very address of that session (the device
//!   reconnected, its old connection is stale): then it takes over and the old one is closed.
//!   Unbound devices keep the behaviour from before bindings (any number of connections).
//!
//! Every refusal is counted ([`GatewayStats`] and the metric `huoyan_gateway_refused_total`
//! with the label `reason`, one of four values). A refusal for a registered device is also
//! recorded on the device (`refused_count`, `last_refused_*`), logged and published as
//! [`GatewayEvent::SourceRefused`], at most once a second
//! per device (the count catches up at the next record), so that a flood of spoofed connections
//! costs the database and the log little.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use huoyan_monitor::store::Monitoring;
use serde::Serialize;
use tokio::sync::Notify;
use tokio::time::Instant;

use crate::{GatewayEvent, Shared, now_text};

/// Why a connection was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// Its source is outside `[gateway] allow` (closed at accept).
    AllowList,
    /// It claimed a device whose allowed sources do not hold its source.
    SourceNotAllowed,
    /// It claimed a UITD without allowed sources while the gateway requires them.
    BindingRequired,
    /// It claimed a bound device that has a live session from another address.
    DuplicateSession,
}

impl Refusal {
    /// Every reason.
    pub const ALL: [Refusal; 4] =
        [Refusal::AllowList, Refusal::SourceNotAllowed, Refusal::BindingRequired, Refusal::DuplicateSession];

    /// The code: the metric's label, the device's `last_refused_reason`, the event's `reason`.
    pub const fn code(self) -> &'static str {
        match self {
            Refusal::AllowList => "allow_list",
            Refusal::SourceNotAllowed => "source_not_allowed",
            Refusal::BindingRequired => "binding_required",
            Refusal::DuplicateSession => "duplicate_session",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Refused connections since the gateway started, per reason.
#[derive(Debug, Default)]
pub struct GatewayStats {
    refused: [AtomicU64; 4],
    /// When each reason was last logged (seconds since the gateway started + 1; 0 = never).
    logged: [AtomicU64; 4],
}

impl GatewayStats {
    /// Connections refused for `reason`.
    pub fn refused(&self, reason: Refusal) -> u64 {
        self.refused[reason.index()].load(Ordering::Relaxed)
    }
}

/// Counts a refusal (stats and metric).
pub(crate) fn count(stats: &GatewayStats, reason: Refusal) {
    stats.refused[reason.index()].fetch_add(1, Ordering::Relaxed);
    metrics::counter!("huoyan_gateway_refused_total", "reason" => reason.code()).increment(1);
}

/// Whether a connection from `ip` may be accepted (`allow` empty: any source).
pub(crate) fn accept_allowed(allow: &[huoyan_monitor::sources::SourceNet], ip: IpAddr) -> bool {
    allow.is_empty() || huoyan_monitor::sources::any_contains(allow, ip)
}

/// A refusal at accept: counted, logged at most once a second.
pub(crate) fn refuse_at_accept(stats: &GatewayStats, started: Instant, peer: SocketAddr) {
    count(stats, Refusal::AllowList);
    let second = started.elapsed().as_secs() + 1;
    let slot = &stats.logged[Refusal::AllowList.index()];
    if slot.swap(second, Ordering::Relaxed) != second {
        tracing::warn!(%peer, total = stats.refused(Refusal::AllowList), "connection from outside [gateway] allow closed at accept");
    }
}

/// The live session of a bound device.
#[derive(Debug)]
pub(crate) struct BoundSession {
    conn: u64,
    ip: IpAddr,
    kick: Arc<Notify>,
}

/// Live sessions of bound devices, and the pending refusal records per device.
#[derive(Debug, Default)]
pub(crate) struct Guard {
    sessions: Mutex<HashMap<String, BoundSession>>,
    /// Per device address: when its refusals were last recorded, and how many since.
    records: Mutex<HashMap<String, (Option<Instant>, i64)>>,
}

/// How often at most a device's refusals are written, logged and published.
const RECORD_EVERY: Duration = Duration::from_secs(1);

impl Guard {
    /// Claims the session of the bound device `address` for connection `conn` from `ip`.
    pub(crate) fn claim(&self, address: &str, conn: u64, ip: IpAddr, kick: &Arc<Notify>) -> Result<(), Refusal> {
        let mut map = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
        match map.get(address) {
            Some(s) if s.conn == conn => return Ok(()),
            Some(s) if s.ip == ip => {
                // The device reconnected from the same address: its old connection is stale.
                tracing::info!(
                    address,
                    old = s.conn,
                    new = conn,
                    "bound device reconnected: the old session is closed"
                );
                s.kick.notify_one();
            }
            Some(s) => {
                tracing::debug!(address, live = s.conn, refused = conn, "second session of a bound device");
                return Err(Refusal::DuplicateSession);
            }
            None => {}
        }
        map.insert(address.to_owned(), BoundSession { conn, ip, kick: kick.clone() });
        Ok(())
    }

    /// Releases the sessions connection `conn` holds.
    pub(crate) fn release(&self, conn: u64, addresses: &[String]) {
        let mut map = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
        for a in addresses {
            if map.get(a).is_some_and(|s| s.conn == conn) {
                map.remove(a);
            }
        }
    }

    /// How many refusals of `address` to record now (0: recorded less than a second ago).
    fn due(&self, address: &str) -> i64 {
        let now = Instant::now();
        let mut map = self.records.lock().unwrap_or_else(|p| p.into_inner());
        let (last, pending) = map.entry(address.to_owned()).or_insert((None, 0));
        *pending += 1;
        if last.is_some_and(|t| now.duration_since(t) < RECORD_EVERY) {
            return 0;
        }
        *last = Some(now);
        std::mem::take(pending)
    }
}

/// A refusal of a connection claiming the registered device `address`: counted; recorded on the
/// device, logged and published at most once a second per device.
pub(crate) async fn refuse_device(shared: &Shared, address: &str, peer: SocketAddr, reason: Refusal) {
    count(&shared.stats, reason);
    let n = shared.guard.due(address);
    if n == 0 {
        return;
    }
    let at = now_text();
    let from = huoyan_monitor::sources::canonical(peer.ip()).to_string();
    tracing::warn!(address, %peer, reason = reason.code(), refusals = n, "connection claiming a device refused");
    if let Err(e) = Monitoring(&shared.store).record_refusal(address, n, &at, &from, reason.code()).await {
        tracing::warn!(error = %e, address, "cannot record a refused connection");
    }
    let _ = shared.events.send(GatewayEvent::SourceRefused {
        address: address.to_owned(),
        from,
        reason: reason.code().to_owned(),
        count: n,
        at,
    });
}
