//! The per-connection session state machine, sans-IO in the style of quinn-proto: the caller feeds
//! bytes with [`Session::handle_bytes`], sends what [`Session::poll_transmit`] returns, reacts to
//! [`Session::poll_event`], and drives timers with [`Session::poll_timeout`] and
//! [`Session::handle_timeout`]. Time is always passed in; the session never reads a clock.
//!
//! Rules (§6.5 of the standard, "store before 确认"):
//! - A device upload (command 1 or 2 with an ADU) is delivered once as [`Event::Received`] and
//!   confirmed only when the caller calls [`Session::ack`] after its store commit. A
//!   retransmission (same serial, command and ADU) is not delivered again; if it was already
//!   confirmed the confirmation is re-sent (the device missed it).
//! - Empty uploads (heartbeats) are confirmed at once when `auto_ack_heartbeat` is set.
//! - An invalid frame is answered with 否认 (command 6) when its header is readable, except when
//!   it is itself a confirm or deny (no reply loops) or a false start skipped by the decoder.
//! - The de-duplication window is bounded (`dedup_window`); a pending frame pushed out of it can no
//!   longer be acknowledged, so the device retransmits and it is delivered again (at least once).
//! - The centre's own requests ([`Session::send`], commands 1 and 4) get serials from 0 upwards,
//!   are retransmitted after `timeout` up to `retries` times, then fail with
//!   [`Event::RequestFailed`]. Answers, confirms and denials are matched by serial.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use crate::adu::Adu;
use crate::frame::{DecodeError, EncodeError, Frame, HEADER_LEN, MAX_FRAME_LEN, START, try_encode};
use crate::stream::{RawFrame, StreamDecoder, StreamError};
use crate::types::{Address, Command, TimeTag, Version};

/// Session settings; [`Default`] follows the standard (10 s, 3 retries) and China time.
#[derive(Debug, Clone)]
pub struct SessionConfig {
    /// Time to wait for a reply to one of the centre's requests (标准: 不宜大于 10 s).
    pub timeout: Duration,
    /// Retransmissions after the first attempt (标准: 宜为 3 次).
    pub retries: u32,
    /// Version written in the centre's own requests.
    pub version: Version,
    /// The centre's address in its own requests.
    pub local_address: Address,
    /// The device's address; learned from its first valid frame when `None`.
    pub peer_address: Option<Address>,
    /// Offset of the local time written in time tags (China: 8 × 3600).
    pub utc_offset_seconds: i32,
    /// Remembered device frames for de-duplication and pending acknowledgements.
    pub dedup_window: usize,
    /// Stream buffer limit in bytes.
    pub buffer_limit: usize,
    /// Confirm empty uploads (heartbeats) without waiting for [`Session::ack`].
    pub auto_ack_heartbeat: bool,
    /// Maximum outstanding requests of the centre.
    pub max_outstanding: usize,
}

impl Default for SessionConfig {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            retries: 3,
            version: Version::default(),
            local_address: Address::default(),
            peer_address: None,
            utc_offset_seconds: 8 * 3600,
            dedup_window: 256,
            buffer_limit: 4 * MAX_FRAME_LEN,
            auto_ack_heartbeat: true,
            max_outstanding: 64,
        }
    }
}

/// What happened on the connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A new frame from the device. When `ack_required`, store it, then call [`Session::ack`].
    Received {
        /// The frame.
        frame: Frame,
        /// Its wire bytes.
        bytes: Vec<u8>,
        /// The device waits for 确认 (command 3) after the store commit.
        ack_required: bool,
    },
    /// A retransmission of a frame already delivered; not delivered again.
    Duplicate {
        /// Its serial.
        serial: u16,
        /// The confirmation was re-sent (the original was already acknowledged).
        reacknowledged: bool,
    },
    /// 应答 (command 5) to one of the centre's requests.
    Answered {
        /// Serial of the request.
        serial: u16,
        /// The answer frame.
        frame: Frame,
    },
    /// 确认 (command 3) of one of the centre's requests.
    Confirmed {
        /// Serial of the request.
        serial: u16,
    },
    /// 否认 (command 6) of one of the centre's requests.
    Denied {
        /// Serial of the request.
        serial: u16,
    },
    /// No reply after all retries.
    RequestFailed {
        /// Serial of the request.
        serial: u16,
        /// Transmissions made.
        attempts: u32,
    },
    /// A reply (commands 3, 5, 6) matching no outstanding request, e.g. after a timeout.
    Unmatched {
        /// The frame.
        frame: Frame,
    },
    /// An invalid frame, discarded.
    Invalid {
        /// Why.
        error: DecodeError,
        /// The rejected bytes.
        bytes: Vec<u8>,
        /// 否认 was sent.
        denied: bool,
    },
}

/// Why a session call was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    /// `ack` or `deny` for a serial with no pending device frame.
    #[error("no pending device frame with serial {0}")]
    UnknownSerial(u16),
    /// `send` accepts only 控制命令 (1) and 请求 (4).
    #[error("command {0} does not start an exchange (use 1 控制命令 or 4 请求)")]
    NotARequest(u8),
    /// No device address is configured or learned yet.
    #[error("no peer address: configure one or wait for the device's first frame")]
    NoPeerAddress,
    /// Too many requests awaiting replies.
    #[error("too many outstanding requests ({0})")]
    TooManyOutstanding(usize),
    /// The request does not fit in a frame.
    #[error(transparent)]
    Encode(#[from] EncodeError),
}

#[derive(Debug)]
struct Seen {
    serial: u16,
    command: Command,
    adu: Vec<u8>,
    header: Frame,
    replied: Option<Command>,
}

#[derive(Debug)]
struct Outstanding {
    serial: u16,
    bytes: Vec<u8>,
    deadline: Instant,
    attempts: u32,
}

/// One connection's protocol state.
#[derive(Debug)]
pub struct Session {
    config: SessionConfig,
    anchor: (Instant, i64),
    decoder: StreamDecoder,
    next_serial: u16,
    seen: VecDeque<Seen>,
    outstanding: Vec<Outstanding>,
    transmits: VecDeque<Vec<u8>>,
    events: VecDeque<Event>,
}

impl Session {
    /// A new session. `now` and `unix_seconds` name the same moment; wall-clock time tags of
    /// outgoing frames are derived from them and the monotonic `now` of later calls.
    pub fn new(config: SessionConfig, now: Instant, unix_seconds: i64) -> Self {
        Self {
            decoder: StreamDecoder::new(config.buffer_limit),
            config,
            anchor: (now, unix_seconds),
            next_serial: 0,
            seen: VecDeque::new(),
            outstanding: Vec::new(),
            transmits: VecDeque::new(),
            events: VecDeque::new(),
        }
    }

    /// The local time tag at `now`.
    pub fn time_tag(&self, now: Instant) -> TimeTag {
        let elapsed = now.saturating_duration_since(self.anchor.0).as_secs();
        let unix = self.anchor.1.saturating_add(i64::try_from(elapsed).unwrap_or(i64::MAX));
        TimeTag::from_unix(unix, self.config.utc_offset_seconds)
    }

    /// Feeds bytes received from the device.
    pub fn handle_bytes(&mut self, now: Instant, bytes: &[u8]) {
        self.decoder.feed(bytes);
        while let Some(item) = self.decoder.next_raw() {
            match item {
                Ok(raw) => self.on_frame(now, raw),
                Err(err) => self.on_invalid(now, err),
            }
        }
    }

    /// The next datagram or stream chunk to send to the device.
    pub fn poll_transmit(&mut self) -> Option<Vec<u8>> {
        self.transmits.pop_front()
    }

    /// The next event for the application.
    pub fn poll_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    /// When [`Session::handle_timeout`] must next be called, if a request is outstanding.
    pub fn poll_timeout(&self) -> Option<Instant> {
        self.outstanding.iter().map(|o| o.deadline).min()
    }

    /// Retransmits or fails the requests whose deadline has passed.
    pub fn handle_timeout(&mut self, now: Instant) {
        let (timeout, max_attempts) = (self.config.timeout, self.config.retries.saturating_add(1));
        let mut i = 0;
        while i < self.outstanding.len() {
            let o = &mut self.outstanding[i];
            if o.deadline > now {
                i += 1;
            } else if o.attempts < max_attempts {
                o.attempts += 1;
                o.deadline = now + timeout;
                self.transmits.push_back(o.bytes.clone());
                i += 1;
            } else {
                let o = self.outstanding.swap_remove(i);
                self.events.push_back(Event::RequestFailed { serial: o.serial, attempts: o.attempts });
            }
        }
    }

    /// Confirms (command 3) the oldest pending device frame with `serial`. Call it only after
    /// the frame is durably stored.
    pub fn ack(&mut self, now: Instant, serial: u16) -> Result<(), SessionError> {
        self.reply_pending(now, serial, Command::Confirm)
    }

    /// Denies (command 6) the oldest pending device frame with `serial`, e.g. when its content
    /// is refused; the device may retransmit.
    pub fn deny(&mut self, now: Instant, serial: u16) -> Result<(), SessionError> {
        self.reply_pending(now, serial, Command::Deny)?;
        // A denied frame is forgotten so that a retransmission is delivered again.
        self.seen.retain(|s| !(s.serial == serial && s.replied == Some(Command::Deny)));
        Ok(())
    }

    /// Sends a control command (1) or request (4) with serial from the session's counter and
    /// returns that serial. The reply arrives as an event; timeouts are retried.
    pub fn send(&mut self, now: Instant, command: Command, adu: Adu) -> Result<u16, SessionError> {
        if !matches!(command, Command::Control | Command::Request) {
            return Err(SessionError::NotARequest(command.code()));
        }
        let destination = self.config.peer_address.ok_or(SessionError::NoPeerAddress)?;
        if self.outstanding.len() >= self.config.max_outstanding {
            return Err(SessionError::TooManyOutstanding(self.outstanding.len()));
        }
        let mut serial = self.next_serial;
        while self.outstanding.iter().any(|o| o.serial == serial) {
            serial = serial.wrapping_add(1);
        }
        let frame = Frame {
            serial,
            version: self.config.version,
            time: self.time_tag(now),
            source: self.config.local_address,
            destination,
            command,
            adu: Some(adu),
        };
        let bytes = try_encode(&frame)?;
        self.next_serial = serial.wrapping_add(1);
        self.transmits.push_back(bytes.clone());
        self.outstanding.push(Outstanding { serial, bytes, deadline: now + self.config.timeout, attempts: 1 });
        Ok(serial)
    }

    fn reply_pending(&mut self, now: Instant, serial: u16, command: Command) -> Result<(), SessionError> {
        let time = self.time_tag(now);
        let seen = self
            .seen
            .iter_mut()
            .find(|s| s.serial == serial && s.replied.is_none())
            .ok_or(SessionError::UnknownSerial(serial))?;
        seen.replied = Some(command);
        self.transmits.push_back(seen.header.reply(command, time).encode());
        Ok(())
    }

    fn on_frame(&mut self, now: Instant, raw: RawFrame) {
        let RawFrame { frame, bytes } = raw;
        if self.config.peer_address.is_none() && matches!(frame.command, Command::Control | Command::SendData) {
            self.config.peer_address = Some(frame.source);
        }
        match frame.command {
            Command::Confirm | Command::Answer | Command::Deny => self.on_reply(frame),
            Command::Control | Command::SendData => self.on_upload(now, frame, bytes),
            Command::Request | Command::UserDefined(_) => {
                self.events.push_back(Event::Received { frame, bytes, ack_required: false });
            }
        }
    }

    fn on_reply(&mut self, frame: Frame) {
        let Some(i) = self.outstanding.iter().position(|o| o.serial == frame.serial) else {
            self.events.push_back(Event::Unmatched { frame });
            return;
        };
        let serial = self.outstanding.swap_remove(i).serial;
        self.events.push_back(match frame.command {
            Command::Answer => Event::Answered { serial, frame },
            Command::Deny => Event::Denied { serial },
            _ => Event::Confirmed { serial },
        });
    }

    fn on_upload(&mut self, now: Instant, frame: Frame, bytes: Vec<u8>) {
        let adu = bytes.get(HEADER_LEN..bytes.len().saturating_sub(3)).unwrap_or_default().to_vec();
        let (serial, command) = (frame.serial, frame.command);
        if let Some(seen) = self.seen.iter().find(|s| s.serial == serial && s.command == command && s.adu == adu) {
            let reacknowledged = seen.replied == Some(Command::Confirm);
            if reacknowledged {
                self.transmits.push_back(seen.header.reply(Command::Confirm, self.time_tag(now)).encode());
            }
            self.events.push_back(Event::Duplicate { serial, reacknowledged });
            return;
        }
        let heartbeat = frame.adu.is_none() && self.config.auto_ack_heartbeat;
        let header = Frame { adu: None, ..frame.clone() };
        if self.seen.len() >= self.config.dedup_window.max(1) {
            self.seen.pop_front();
        }
        self.seen.push_back(Seen { serial, command, adu, header, replied: None });
        self.events.push_back(Event::Received { frame, bytes, ack_required: !heartbeat });
        if heartbeat {
            // Invariant: the entry was just pushed and is not acknowledged.
            let _ = self.reply_pending(now, serial, Command::Confirm);
        }
    }

    fn on_invalid(&mut self, now: Instant, err: StreamError) {
        let StreamError { error, bytes } = err;
        // A `Truncated` span is a false start abandoned for a later frame, not a device frame.
        let denied = bytes.len() >= HEADER_LEN
            && bytes[..2] == START
            && !matches!(bytes[26], 3 | 6)
            && !matches!(error, DecodeError::Truncated { .. });
        if denied {
            let addr = |at: usize| {
                let mut a = [0u8; 6];
                a.copy_from_slice(&bytes[at..at + 6]);
                Address(a)
            };
            let bad = Frame {
                serial: u16::from_le_bytes([bytes[2], bytes[3]]),
                version: Version { main: bytes[4], user: bytes[5] },
                time: TimeTag::default(),
                source: addr(12),
                destination: addr(18),
                command: Command::Deny,
                adu: None,
            };
            self.transmits.push_back(bad.reply(Command::Deny, self.time_tag(now)).encode());
        }
        self.events.push_back(Event::Invalid { error, bytes, denied });
    }
}
