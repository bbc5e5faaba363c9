//! One MQTT 3.1.1 connection of the embedded endpoint as a state machine without I/O: fed the
//! bytes read from the socket (and the time), it answers with [`Action`]s — send these bytes,
//! check these credentials, store this payload, close — and is told the results. The socket loop
//! is in [`super::server`]; the unit tests drive this directly.
//!
//! While a check or a store is outstanding ([`Session::is_busy`]) no further packet is read, so
//! acknowledgements leave in the order of the publishes and a PUBACK can only follow the commit.
//! Packets are framed and decoded by `rumqttc::mqttbytes::v4`; the size limit is checked on the
//! fixed header, before a byte of the body is buffered.

use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use huoyan_monitor::ingest::IngestError;
use rumqttc::mqttbytes::v4::{
    ConnAck, Connect, ConnectReturnCode, Packet, PubAck, PubComp, PubRec, Publish, SubAck, SubscribeReasonCode,
    UnsubAck,
};
use rumqttc::mqttbytes::{self, PacketType, QoS};

use crate::{MqttConfig, Outcome};

/// The limits of one connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted packet, counted as its remaining length (variable header and payload).
    pub max_packet_bytes: usize,
    /// Time a new connection has to complete its CONNECT.
    pub connect_timeout: Duration,
}

/// What the socket loop is to do, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Write these bytes.
    Send(Bytes),
    /// Check the credentials and report with [`Session::authenticated`].
    Authenticate {
        /// The user name: the sensor's address.
        address: String,
        /// The password: its ingestion token.
        token: String,
    },
    /// Store the payload for the authenticated sensor and report with [`Session::ingested`].
    Ingest {
        /// The sensor's address (normalised by the store).
        address: String,
        /// The token it connected with.
        token: String,
        /// The PUBLISH payload (JSON, [`huoyan_monitor::ingest`]).
        payload: Bytes,
    },
    /// Close the connection (after the sends before it).
    Close(Closed),
}

/// The result of an [`Action::Authenticate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Auth {
    /// A sensor with this (normalised) address and that token.
    Sensor(String),
    /// Unknown address, not a sensor, or wrong token (not told apart).
    Refused,
    /// The store could not answer.
    Unavailable,
}

/// Why a connection ended.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Closed {
    /// The client sent DISCONNECT.
    #[error("the client disconnected")]
    Disconnect,
    /// The first packet was not CONNECT.
    #[error("the first packet was not CONNECT")]
    NotConnect,
    /// A second CONNECT.
    #[error("a second CONNECT")]
    SecondConnect,
    /// Not MQTT 3.1.1 (CONNACK 0x01 was sent when it was another MQTT version).
    #[error("not MQTT 3.1.1")]
    Protocol,
    /// An empty client id with `clean_session = 0` (CONNACK 0x02).
    #[error("an empty client id without a clean session")]
    ClientId,
    /// No user name or password (CONNACK 0x04).
    #[error("no user name (sensor address) or password (token)")]
    NoCredentials,
    /// Wrong credentials (CONNACK 0x05).
    #[error("unknown sensor or wrong token")]
    Unauthorized,
    /// The store could not check the credentials (CONNACK 0x03).
    #[error("the store could not check the credentials")]
    Unavailable,
    /// A packet over the size limit (announced in its fixed header).
    #[error("a packet of {size} bytes (the limit is {limit})")]
    TooLarge {
        /// Its announced remaining length.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// A packet that does not decode.
    #[error("a malformed packet: {0}")]
    Malformed(String),
    /// A packet a client does not send to a server that never publishes (PUBACK, SUBACK …).
    #[error("an unexpected {0} packet")]
    Unexpected(&'static str),
    /// A PUBLISH on a topic that is not this sensor's.
    #[error("topic {0:?} is not this sensor's")]
    Topic(String),
    /// The sensor's token no longer authenticates (rotated while connected).
    #[error("the sensor's token was replaced")]
    Revoked,
    /// The store failed: no acknowledgement, the device sends the message again.
    #[error("the store failed; the message was not acknowledged")]
    StoreFailed,
    /// No CONNECT within the connect timeout.
    #[error("no CONNECT within the connect timeout")]
    ConnectTimeout,
    /// Nothing within 1.5 × the keep-alive.
    #[error("nothing received within 1.5 × the keep-alive")]
    KeepAlive,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    /// Waiting for CONNECT.
    New,
    /// CONNECT received, credentials being checked.
    Authenticating { token: String, keep_alive: u16 },
    /// Accepted.
    Connected { address: String, token: String, keep_alive: u16 },
    /// Closed; everything further is ignored.
    Closed,
}

/// One connection.
#[derive(Debug)]
pub struct Session {
    pattern: MqttConfig,
    limits: Limits,
    state: State,
    buf: BytesMut,
    /// A store is outstanding for a publish with this QoS and packet id.
    storing: Option<(QoS, u16)>,
    opened: Instant,
    heard: Instant,
}

/// The packet's bytes.
fn encode(p: Packet) -> Bytes {
    let mut b = BytesMut::with_capacity(8);
    // Only acknowledgements are written: a few bytes, within any limit, never an error.
    let _ = p.write(&mut b, usize::MAX);
    b.freeze()
}

fn connack(code: ConnectReturnCode) -> Action {
    Action::Send(encode(Packet::ConnAck(ConnAck::new(code, false))))
}

/// The name of a packet only a server sends (or only in answer to the server's publishes).
fn server_only(p: &Packet) -> &'static str {
    match p {
        Packet::ConnAck(_) => "CONNACK",
        Packet::PubAck(_) => "PUBACK",
        Packet::PubRec(_) => "PUBREC",
        Packet::PubComp(_) => "PUBCOMP",
        Packet::SubAck(_) => "SUBACK",
        Packet::UnsubAck(_) => "UNSUBACK",
        _ => "PINGRESP",
    }
}

/// The protocol name and level of a CONNECT frame, read without decoding the rest.
fn protocol(frame: &[u8]) -> Option<(&[u8], u8)> {
    let header = 2 + frame.iter().skip(1).take(4).position(|b| b & 0x80 == 0)?;
    let body = frame.get(header..)?;
    let len = usize::from(u16::from_be_bytes([*body.first()?, *body.get(1)?]));
    Some((body.get(2..2 + len)?, *body.get(2 + len)?))
}

impl Session {
    /// A connection opened at `now`, publishing on topics of `pattern.topic`.
    pub fn new(pattern: MqttConfig, limits: Limits, now: Instant) -> Session {
        Session { pattern, limits, state: State::New, buf: BytesMut::new(), storing: None, opened: now, heard: now }
    }

    /// Waiting for the result of an [`Action::Authenticate`] or [`Action::Ingest`]: feed nothing
    /// until it is reported.
    pub fn is_busy(&self) -> bool {
        matches!(self.state, State::Authenticating { .. }) || self.storing.is_some()
    }

    /// Closed.
    pub fn is_closed(&self) -> bool {
        self.state == State::Closed
    }

    /// The authenticated sensor's address.
    pub fn sensor(&self) -> Option<&str> {
        match &self.state {
            State::Connected { address, .. } => Some(address),
            _ => None,
        }
    }

    /// When the connection is to be closed if no packet arrives before: the connect timeout, then
    /// 1.5 × the keep-alive after the last packet (none with keep-alive 0, as the standard says).
    pub fn deadline(&self) -> Option<Instant> {
        match &self.state {
            _ if self.is_busy() => None,
            State::New => Some(self.opened + self.limits.connect_timeout),
            State::Connected { keep_alive, .. } if *keep_alive > 0 => {
                Some(self.heard + Duration::from_millis(u64::from(*keep_alive) * 1500))
            }
            _ => None,
        }
    }

    /// The clock reached `now`: closes the connection when past its [`Session::deadline`].
    pub fn timeout(&mut self, now: Instant) -> Vec<Action> {
        match self.deadline() {
            Some(d) if now >= d => {
                let why = if self.state == State::New { Closed::ConnectTimeout } else { Closed::KeepAlive };
                self.close(why)
            }
            _ => Vec::new(),
        }
    }

    /// Bytes read from the socket at `now`.
    pub fn feed(&mut self, mut data: &[u8], now: Instant) -> Vec<Action> {
        let mut out = Vec::new();
        // A frame is at most 5 header bytes and the limit: never buffer more than one while
        // parsing (while busy the socket loop does not read).
        let frame_max = self.limits.max_packet_bytes.saturating_add(5);
        while !data.is_empty() && !self.is_closed() {
            let room = if self.is_busy() { data.len() } else { frame_max.saturating_sub(self.buf.len()).max(1) };
            let (now_in, rest) = data.split_at(room.min(data.len()));
            self.buf.extend_from_slice(now_in);
            data = rest;
            self.drain(now, &mut out);
        }
        out
    }

    /// The result of [`Action::Authenticate`].
    pub fn authenticated(&mut self, auth: Auth, now: Instant) -> Vec<Action> {
        let State::Authenticating { token, keep_alive } = std::mem::replace(&mut self.state, State::Closed) else {
            return Vec::new();
        };
        let mut out = match auth {
            Auth::Sensor(address) => {
                self.state = State::Connected { address, token, keep_alive };
                vec![connack(ConnectReturnCode::Success)]
            }
            Auth::Refused => {
                [vec![connack(ConnectReturnCode::NotAuthorized)], self.close(Closed::Unauthorized)].concat()
            }
            Auth::Unavailable => {
                [vec![connack(ConnectReturnCode::ServiceUnavailable)], self.close(Closed::Unavailable)].concat()
            }
        };
        self.resume(now, &mut out);
        out
    }

    /// The result of [`Action::Ingest`]: acknowledges a stored payload (PUBACK for QoS 1, PUBREC
    /// for QoS 2) and one refused for good; closes without acknowledging on a store failure or a
    /// token no longer valid.
    pub fn ingested(&mut self, outcome: &Outcome, now: Instant) -> Vec<Action> {
        let Some((qos, pkid)) = self.storing.take() else { return Vec::new() };
        let mut out = match outcome {
            Outcome::Refused(IngestError::Unauthorized) => self.close(Closed::Revoked),
            Outcome::Retry(_) => self.close(Closed::StoreFailed),
            Outcome::Stored(_) | Outcome::Refused(_) => match qos {
                QoS::AtMostOnce => Vec::new(),
                QoS::AtLeastOnce => vec![Action::Send(encode(Packet::PubAck(PubAck::new(pkid))))],
                QoS::ExactlyOnce => vec![Action::Send(encode(Packet::PubRec(PubRec::new(pkid))))],
            },
        };
        self.resume(now, &mut out);
        out
    }

    /// After a wait: the server's time is not held against the client; packets that arrived
    /// meanwhile are read.
    fn resume(&mut self, now: Instant, out: &mut Vec<Action>) {
        self.heard = self.heard.max(now);
        self.drain(now, out);
    }

    fn close(&mut self, why: Closed) -> Vec<Action> {
        self.state = State::Closed;
        self.storing = None;
        self.buf = BytesMut::new();
        vec![Action::Close(why)]
    }

    /// Handles the complete packets in the buffer until one needs a result.
    fn drain(&mut self, now: Instant, out: &mut Vec<Action>) {
        while !self.is_busy() && !self.is_closed() {
            let header = match mqttbytes::check(self.buf.iter(), self.limits.max_packet_bytes) {
                Ok(h) => h,
                Err(mqttbytes::Error::InsufficientBytes(_)) => return,
                Err(mqttbytes::Error::PayloadSizeLimitExceeded(size)) => {
                    return out.extend(self.close(Closed::TooLarge { size, limit: self.limits.max_packet_bytes }));
                }
                Err(e) => return out.extend(self.close(Closed::Malformed(e.to_string()))),
            };
            if header.packet_type().ok() == Some(PacketType::Connect) && self.state == State::New {
                match protocol(&self.buf[..header.frame_length()]) {
                    Some((b"MQTT", 4)) => {}
                    Some((b"MQTT" | b"MQIsdp", _)) => {
                        out.push(connack(ConnectReturnCode::RefusedProtocolVersion));
                        return out.extend(self.close(Closed::Protocol));
                    }
                    _ => return out.extend(self.close(Closed::Protocol)),
                }
            }
            match Packet::read(&mut self.buf, self.limits.max_packet_bytes) {
                Ok(p) => {
                    self.heard = now;
                    self.packet(p, out);
                }
                Err(e) => return out.extend(self.close(Closed::Malformed(e.to_string()))),
            }
        }
    }

    fn packet(&mut self, p: Packet, out: &mut Vec<Action>) {
        if !matches!(self.state, State::Connected { .. }) {
            let closed = match p {
                Packet::Connect(c) if self.state == State::New => return self.connect(c, out),
                Packet::Connect(_) => Closed::SecondConnect,
                _ => Closed::NotConnect,
            };
            return out.extend(self.close(closed));
        }
        let reply = match p {
            Packet::Publish(p) => return self.publish(p, out),
            Packet::PubRel(r) => Packet::PubComp(PubComp::new(r.pkid)),
            Packet::PingReq => Packet::PingResp,
            // Publish-only: every subscription fails (0x80).
            Packet::Subscribe(s) => {
                Packet::SubAck(SubAck::new(s.pkid, vec![SubscribeReasonCode::Failure; s.filters.len()]))
            }
            Packet::Unsubscribe(u) => Packet::UnsubAck(UnsubAck::new(u.pkid)),
            Packet::Disconnect => return out.extend(self.close(Closed::Disconnect)),
            Packet::Connect(_) => return out.extend(self.close(Closed::SecondConnect)),
            other => return out.extend(self.close(Closed::Unexpected(server_only(&other)))),
        };
        out.push(Action::Send(encode(reply)));
    }

    fn publish(&mut self, p: Publish, out: &mut Vec<Action>) {
        let State::Connected { address, token, .. } = &self.state else { return };
        if !self.pattern.address_of(&p.topic).is_some_and(|a| a.eq_ignore_ascii_case(address)) {
            return out.extend(self.close(Closed::Topic(p.topic)));
        }
        out.push(Action::Ingest { address: address.clone(), token: token.clone(), payload: p.payload });
        self.storing = Some((p.qos, p.pkid));
    }

    fn connect(&mut self, c: Connect, out: &mut Vec<Action>) {
        if c.client_id.is_empty() && !c.clean_session {
            out.push(connack(ConnectReturnCode::BadClientId));
            return out.extend(self.close(Closed::ClientId));
        }
        match c.login {
            Some(l) if !l.username.trim().is_empty() && !l.password.trim().is_empty() => {
                self.state = State::Authenticating { token: l.password.clone(), keep_alive: c.keep_alive };
                out.push(Action::Authenticate { address: l.username, token: l.password });
            }
            _ => {
                out.push(connack(ConnectReturnCode::BadUserNamePassword));
                out.extend(self.close(Closed::NoCredentials));
            }
        }
    }
}
