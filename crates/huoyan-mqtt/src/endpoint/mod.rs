//! The embedded MQTT 3.1.1 ingest endpoint: `huoyan serve` listens for MQTT itself
//! (`[mqtt] listen`), so a single-node brigade needs no Mosquitto. It is **publish-only**, not a
//! general broker: sensors publish their readings to it, nothing is forwarded to anyone.
//!
//! - **Connect**: CONNECT must be the first packet (else the connection is closed) and MQTT 3.1.1
//!   (protocol level 4; another MQTT level gets CONNACK 0x01 and is closed). The user name is the
//!   sensor's address, the password its ingestion token — the HTTP endpoint's token, checked by
//!   `Monitoring::authenticate_sensor`. No user name or password: CONNACK 0x04; unknown address, not a
//!   sensor or wrong token: CONNACK 0x05 (not told apart); the store failing: 0x03; each is
//!   followed by the close. A second CONNECT closes. The session is never persistent
//!   (`session present` is always 0): the endpoint keeps no state between connections.
//! - **Publish**: only on the configured `topic` with `{address}` the authenticated sensor;
//!   another sensor's topic or a topic not matching closes the connection (3.1.1 has no negative
//!   acknowledgement), nothing stored. The payload is [`huoyan_monitor::ingest`]'s JSON; `address` and
//!   `token` may be left out and must agree when given. Retain flags and wills are ignored.
//! - **Acknowledgement after the commit**: QoS 0 is stored without an answer; QoS 1 gets its PUBACK
//!   only after the readings are committed; QoS 2 is stored on PUBLISH and PUBREC follows the
//!   commit, PUBREL gets PUBCOMP (exactly-once for readings comes from the store recognising a
//!   re-sent reading, not from per-session packet ids). A payload refused for good (bad JSON, bad
//!   reading) is logged and acknowledged, as by the client ([`crate`]); a store failure
//!   closes without acknowledgement so the device sends again; a token replaced while connected
//!   closes too.
//! - **Other packets**: PINGREQ → PINGRESP; SUBSCRIBE → SUBACK with 0x80 (failure) for each
//!   filter; UNSUBSCRIBE → UNSUBACK; DISCONNECT closes; packets only a server sends close.
//! - **Limits**: packets above `max_packet_bytes` (remaining length, 64 KiB by default) close the
//!   connection as soon as their fixed header is read; `connect_timeout_secs` (10) for the
//!   CONNECT; 1.5 × the client's keep-alive without a complete packet closes (keep-alive 0: no
//!   limit, as the standard says); at most `max_connections` (4096), more are closed at once.
//!
//! - **TLS**: with `tls_cert` and `tls_key` (PEM files) the endpoint speaks MQTT over TLS only
//!   (rustls, TLS 1.2 and 1.3; the handshake must finish within `connect_timeout_secs`); a client
//!   speaking plain MQTT to it is closed without anything stored. Devices authenticate with their
//!   token as before (no client certificates).
//!
//! Not built: client certificates, taking over a session when a client id connects twice (the
//! old connection ends at its keep-alive), MQTT 5.
//!
//! [`session`] is the protocol without I/O; [`server`] runs it on sockets.

pub mod server;
pub mod session;

pub use server::{Endpoint, serve};
pub use session::{Action, Auth, Closed, Limits, Session};

#[cfg(test)]
mod tests;
