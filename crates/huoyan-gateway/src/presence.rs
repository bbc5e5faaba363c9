//! Online/offline tracking of registered devices: online from a frame, offline after
//! `offline_after` of silence. Transitions are written to `devices` and published.

use huoyan_monitor::store::Monitoring;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::watch;
use tokio::time::Instant;

use crate::{GatewayEvent, Shared, now_text};

#[derive(Debug)]
struct Live {
    last_seen: Instant,
    online: bool,
}

/// Last frame time per registered device address.
#[derive(Debug, Default)]
pub(crate) struct Presence {
    map: Mutex<HashMap<String, Live>>,
}

impl Presence {
    /// Devices recorded online when the gateway starts: online, last seen now.
    pub(crate) fn seed(&self, addresses: Vec<String>) {
        let now = Instant::now();
        let mut map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        for a in addresses {
            map.insert(a, Live { last_seen: now, online: true });
        }
    }

    /// Notes a frame from `address`; true when the device just came online.
    fn touch(&self, address: &str) -> bool {
        let now = Instant::now();
        let mut map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        let live = map.entry(address.to_owned()).or_insert(Live { last_seen: now, online: false });
        live.last_seen = now;
        !std::mem::replace(&mut live.online, true)
    }

    /// Marks devices silent for `after` offline and returns them.
    fn expire(&self, after: Duration) -> Vec<String> {
        let now = Instant::now();
        let mut map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        let mut gone = Vec::new();
        for (a, live) in map.iter_mut() {
            if live.online && now.duration_since(live.last_seen) >= after {
                live.online = false;
                gone.push(a.clone());
            }
        }
        map.retain(|_, l| l.online);
        gone
    }
}

/// Records that a registered device spoke; writes and publishes the online transition.
pub(crate) async fn seen(shared: &Shared, address: &str) {
    if shared.presence.touch(address) {
        let at = now_text();
        if let Err(e) = Monitoring(&shared.store).set_device_online(address, true, &at).await {
            tracing::warn!(error = %e, address, "cannot record device online");
        }
        tracing::info!(address, "device online");
        let _ = shared.events.send(GatewayEvent::DeviceOnline { address: address.to_owned(), at });
    }
}

/// Checks for silent devices until stopped.
pub(crate) async fn monitor(shared: Arc<Shared>, mut stop: watch::Receiver<bool>) {
    let after = shared.config.offline_after;
    let period = (after / 4).clamp(Duration::from_millis(20), Duration::from_secs(1));
    let mut tick = tokio::time::interval(period);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = stop.changed() => return,
            _ = tick.tick() => {}
        }
        for address in shared.presence.expire(after) {
            let at = now_text();
            if let Err(e) = Monitoring(&shared.store).set_device_online(&address, false, &at).await {
                tracing::warn!(error = %e, address, "cannot record device offline");
            }
            tracing::info!(address, "device offline (silent)");
            let _ = shared.events.send(GatewayEvent::DeviceOffline { address, at });
        }
    }
}
