//! Huoyan's MQTT transport for sensor readings: the client below and the embedded endpoint
//! ([`endpoint`]), both delivering to the monitoring module's ingestion.
//!
//! Sensor readings over MQTT: a client (rumqttc) subscribing to an external broker — Mosquitto or
//! any MQTT 3.1.1 broker — on a topic pattern such as `huoyan/sensors/{address}/readings`. The
//! payload is the HTTP one ([`huoyan_monitor::ingest`]); the sensor authenticates with `token` in it (a
//! broker ACL restricting each device to its own topic is a further layer, not a replacement).
//!
//! Delivery: QoS 1 with manual acknowledgement — a message is acknowledged only after its readings
//! are committed (or it was refused for good: bad token, bad payload, which a retry would not
//! fix). A store failure leaves it unacknowledged, so the broker delivers it again; the store
//! recognises a re-sent reading (same sensor, metric and time). The session is persistent
//! (`clean_session = false` with a fixed client id), so the broker keeps messages while Huoyan
//! restarts. The client reconnects on its own with back-off (1 s doubling to 30 s).
//!
//! A single node needs no broker: [`crate::endpoint`] lets sensors publish to `huoyan serve`
//! itself (`listen`). Both may run at once; they share `topic` and the payload.

pub mod endpoint;

use std::sync::Arc;
use std::time::Duration;

use huoyan_monitor::ingest::{self, IngestError};
use huoyan_store::Store;
use rumqttc::{AsyncClient, Event, MqttOptions, Packet, QoS};
use serde::{Deserialize, Serialize};
use tokio::sync::Notify;

/// `[mqtt]` in the configuration.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct MqttConfig {
    /// The external broker, `mqtt://[user:password@]host[:port]` (port 1883 by default); empty =
    /// no client.
    pub url: String,
    /// Topic pattern with `{address}` standing for one level, the sensor's address.
    pub topic: String,
    /// Client id (the broker keeps the session under it).
    pub client_id: String,
    /// Keep-alive, seconds.
    pub keep_alive_secs: u64,
    /// The embedded ingest endpoint's address, e.g. `127.0.0.1:1883`; empty = none.
    pub listen: String,
    /// Embedded endpoint: largest accepted packet (remaining length), bytes.
    pub max_packet_bytes: usize,
    /// Embedded endpoint: simultaneous connections at most.
    pub max_connections: usize,
    /// Embedded endpoint: seconds a new connection has to send its CONNECT (and, with TLS, to
    /// finish the handshake first).
    pub connect_timeout_secs: u64,
    /// Embedded endpoint over TLS (MQTT over TLS, usually port 8883): the server's certificate
    /// chain, a PEM file; empty = plain TCP. Set with `tls_key`.
    pub tls_cert: String,
    /// The certificate's private key, a PEM file (PKCS#8, PKCS#1 or SEC1).
    pub tls_key: String,
}

impl Default for MqttConfig {
    fn default() -> Self {
        MqttConfig {
            url: String::new(),
            topic: "huoyan/sensors/{address}/readings".into(),
            client_id: "huoyan-monitor".into(),
            keep_alive_secs: 30,
            listen: String::new(),
            max_packet_bytes: 64 * 1024,
            max_connections: 4096,
            connect_timeout_secs: 10,
            tls_cert: String::new(),
            tls_key: String::new(),
        }
    }
}

/// A configuration mistake.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MqttConfigError {
    /// The URL.
    #[error(
        "mqtt.url {0:?}: use mqtt://[user:password@]host[:port] (TLS is not built in; put a TLS-terminating broker or tunnel in front)"
    )]
    Url(String),
    /// The topic pattern.
    #[error("mqtt.topic {0:?}: needs exactly one level that is exactly {{address}}, and no + or #")]
    Topic(String),
    /// The endpoint's TLS certificate or key.
    #[error("mqtt.tls_cert / mqtt.tls_key: {0}")]
    Tls(String),
    /// A limit of the embedded endpoint out of range.
    #[error("mqtt.{name} = {value}: must be {range}")]
    Limit {
        /// The setting.
        name: &'static str,
        /// Its value.
        value: u64,
        /// The accepted range.
        range: &'static str,
    },
}

/// The broker's host, port and credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broker {
    /// Host.
    pub host: String,
    /// Port.
    pub port: u16,
    /// User and password, when given.
    pub credentials: Option<(String, String)>,
}

impl MqttConfig {
    /// Parses `url`.
    pub fn broker(&self) -> Result<Broker, MqttConfigError> {
        let bad = || MqttConfigError::Url(self.url.clone());
        let rest = self.url.strip_prefix("mqtt://").or_else(|| self.url.strip_prefix("tcp://")).ok_or_else(bad)?;
        let rest = rest.trim_end_matches('/');
        let (credentials, hostport) = match rest.rsplit_once('@') {
            Some((cred, hp)) => {
                let (u, p) = cred.split_once(':').unwrap_or((cred, ""));
                (Some((u.to_string(), p.to_string())), hp)
            }
            None => (None, rest),
        };
        let (host, port) = match hostport.rsplit_once(':') {
            Some((h, p)) => (h, p.parse::<u16>().map_err(|_| bad())?),
            None => (hostport, 1883),
        };
        if host.is_empty() || host.contains('/') || port == 0 {
            return Err(bad());
        }
        Ok(Broker { host: host.to_string(), port, credentials })
    }

    /// The subscription filter (`{address}` → `+`), after checking the pattern.
    pub fn filter(&self) -> Result<String, MqttConfigError> {
        let levels: Vec<&str> = self.topic.split('/').collect();
        let ok = levels.iter().filter(|l| **l == "{address}").count() == 1
            && levels.iter().all(|l| !l.contains('+') && !l.contains('#') && (*l == "{address}" || !l.contains('{')));
        if !ok {
            return Err(MqttConfigError::Topic(self.topic.clone()));
        }
        Ok(levels.iter().map(|l| if *l == "{address}" { "+" } else { l }).collect::<Vec<_>>().join("/"))
    }

    /// The sensor address in a topic matching the pattern.
    pub fn address_of<'t>(&self, topic: &'t str) -> Option<&'t str> {
        let pattern: Vec<&str> = self.topic.split('/').collect();
        let levels: Vec<&str> = topic.split('/').collect();
        if pattern.len() != levels.len() {
            return None;
        }
        let mut address = None;
        for (p, l) in pattern.iter().zip(&levels) {
            if *p == "{address}" {
                address = Some(*l);
            } else if p != l {
                return None;
            }
        }
        address.filter(|a| !a.is_empty())
    }
}

/// What became of one message.
#[derive(Debug)]
pub enum Outcome {
    /// Stored (or recognised as already stored).
    Stored(ingest::IngestResult),
    /// Refused for good (acknowledged, logged).
    Refused(IngestError),
    /// The store failed: not acknowledged, the broker will deliver it again.
    Retry(IngestError),
}

/// Handles one message on `topic`.
pub async fn handle(store: &Store, config: &MqttConfig, topic: &str, payload: &[u8]) -> Outcome {
    let Some(address) = config.address_of(topic) else {
        let reason = format!("{topic} does not match {}", config.topic);
        return Outcome::Refused(ingest::invalid("topic", huoyan_monitor::code::TOPIC_MISMATCH, reason));
    };
    let p = match ingest::parse(payload) {
        Ok(p) => p,
        Err(e) => return Outcome::Refused(e),
    };
    let Some(token) = p.token.clone().filter(|t| !t.trim().is_empty()) else {
        return Outcome::Refused(IngestError::Unauthorized);
    };
    store_payload(store, address, &token, &p).await
}

/// Authenticates, checks and stores a decoded payload, sorting the result into an [`Outcome`]
/// (shared by the client and the embedded endpoint).
pub(crate) async fn store_payload(store: &Store, address: &str, token: &str, p: &ingest::ReadingsPayload) -> Outcome {
    match ingest::ingest(store, address, token, p).await {
        Ok(r) => Outcome::Stored(r),
        Err(e @ IngestError::Store(_)) => Outcome::Retry(e),
        Err(e) => Outcome::Refused(e),
    }
}

/// Runs the client until `shutdown` completes: connects, subscribes (again after each
/// reconnection), stores readings and wakes the engine through `wake`.
pub async fn run(
    store: Store,
    config: MqttConfig,
    wake: Arc<Notify>,
    shutdown: impl Future<Output = ()>,
) -> Result<(), MqttConfigError> {
    let broker = config.broker()?;
    let filter = config.filter()?;
    let mut opts = MqttOptions::new(config.client_id.clone(), broker.host.clone(), broker.port);
    opts.set_keep_alive(Duration::from_secs(config.keep_alive_secs.clamp(5, 3600)));
    opts.set_clean_session(false);
    opts.set_manual_acks(true);
    opts.set_max_packet_size(256 * 1024, 256 * 1024);
    if let Some((u, p)) = &broker.credentials {
        opts.set_credentials(u.clone(), p.clone());
    }
    let (client, mut events) = AsyncClient::new(opts, 64);
    let mut shutdown = std::pin::pin!(shutdown);
    let mut backoff = Duration::from_secs(1);
    loop {
        let event = tokio::select! {
            () = &mut shutdown => break,
            e = events.poll() => e,
        };
        match event {
            Ok(Event::Incoming(Packet::ConnAck(_))) => {
                backoff = Duration::from_secs(1);
                tracing::info!(host = %broker.host, port = broker.port, %filter, "MQTT connected; subscribing");
                if let Err(e) = client.try_subscribe(filter.clone(), QoS::AtLeastOnce) {
                    tracing::error!(error = %e, "MQTT subscribe failed");
                }
            }
            Ok(Event::Incoming(Packet::Publish(msg))) => {
                match handle(&store, &config, &msg.topic, &msg.payload).await {
                    Outcome::Stored(r) => {
                        if let Err(e) = client.try_ack(&msg) {
                            tracing::warn!(error = %e, "MQTT ack failed (the broker will deliver the message again)");
                        }
                        if r.stored > 0 {
                            wake.notify_one();
                        }
                    }
                    Outcome::Refused(e) => {
                        tracing::warn!(topic = %msg.topic, error = %e, "MQTT reading refused");
                        let _ = client.try_ack(&msg);
                    }
                    Outcome::Retry(e) => {
                        tracing::error!(topic = %msg.topic, error = %e, "storing MQTT readings failed; left for redelivery")
                    }
                }
            }
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(error = %e, retry_in_s = backoff.as_secs(), "MQTT connection lost");
                tokio::select! {
                    () = &mut shutdown => break,
                    () = tokio::time::sleep(backoff) => {}
                }
                backoff = (backoff * 2).min(Duration::from_secs(30));
            }
        }
    }
    let _ = client.try_disconnect();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(url: &str, topic: &str) -> MqttConfig {
        MqttConfig { url: url.into(), topic: topic.into(), ..Default::default() }
    }

    #[test]
    fn broker_urls() {
        let b = cfg("mqtt://127.0.0.1:1883", "").broker().unwrap();
        assert_eq!((b.host.as_str(), b.port, b.credentials), ("127.0.0.1", 1883, None));
        let b = cfg("mqtt://huoyan:s3cret@broker.local", "").broker().unwrap();
        assert_eq!((b.host.as_str(), b.port), ("broker.local", 1883));
        assert_eq!(b.credentials, Some(("huoyan".into(), "s3cret".into())));
        for bad in ["", "http://x:1883", "mqtts://x:8883", "mqtt://:1883", "mqtt://x:99999", "mqtt://x:0"] {
            assert!(cfg(bad, "").broker().is_err(), "{bad}");
        }
    }

    #[test]
    fn topic_patterns() {
        let c = MqttConfig::default();
        assert_eq!(c.filter().unwrap(), "huoyan/sensors/+/readings");
        assert_eq!(c.address_of("huoyan/sensors/hp-0001/readings"), Some("hp-0001"));
        assert_eq!(c.address_of("huoyan/sensors/hp-0001/other"), None);
        assert_eq!(c.address_of("huoyan/sensors//readings"), None);
        assert_eq!(c.address_of("huoyan/sensors/a/b/readings"), None);
        for bad in
            ["huoyan/sensors/readings", "huoyan/+/{address}", "a/{address}/{address}", "a/#/{address}", "a/x{address}"]
        {
            assert!(cfg("", bad).filter().is_err(), "{bad}");
        }
    }
}
