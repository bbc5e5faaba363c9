//! Lean simulated UITDs for the gateway benchmarks: one TCP connection per device, uploads built
//! by `huoyan-simulator`'s frame builder (component states, GB/T 26875.3 command 2), several in
//! flight at once (`window`), either as fast as the confirmations come back (closed loop) or at a
//! fixed rate (open loop). Each upload's time from the write to its 确认 is recorded when the
//! confirmation falls inside the measured window. The centre's own requests (clock sync, patrol)
//! are answered like a real device does.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::time::Duration;

use huoyan_gb26875::{Address, Command, StreamDecoder};
use huoyan_simulator::Report;
use huoyan_simulator::frames;
use rand::SeedableRng;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::Instant;

/// How one device sends.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Plan {
    /// Uploads in flight at most.
    pub(crate) window: usize,
    /// Uploads per second of this device; `None` = as fast as `window` allows.
    pub(crate) rate: Option<f64>,
    /// Confirmations from this moment on are measured …
    pub(crate) measure_from: Instant,
    /// … until this one, when sending stops.
    pub(crate) until: Instant,
    /// Outstanding uploads are awaited this long after `until`.
    pub(crate) drain: Duration,
    /// Uploads this device may send at most (its serials must not wrap).
    pub(crate) max_uploads: u64,
}

/// What one device saw.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    /// Uploads sent.
    pub(crate) sent: u64,
    /// Confirmations received (all).
    pub(crate) confirmed: u64,
    /// Confirmations inside the measured window.
    pub(crate) measured: u64,
    /// 否认 received.
    pub(crate) denied: u64,
    /// Uploads never confirmed (connection lost or drain time over).
    pub(crate) unconfirmed: u64,
    /// Write → 确认, µs, of the measured confirmations.
    pub(crate) latencies_us: Vec<u32>,
    /// The first I/O error, if any.
    pub(crate) error: Option<String>,
}

impl Tally {
    pub(crate) fn merge(&mut self, o: Tally) {
        self.sent += o.sent;
        self.confirmed += o.confirmed;
        self.measured += o.measured;
        self.denied += o.denied;
        self.unconfirmed += o.unconfirmed;
        self.latencies_us.extend(o.latencies_us);
        if self.error.is_none() {
            self.error = o.error;
        }
    }
}

/// A connected device.
pub(crate) struct Device {
    sock: TcpStream,
    me: Address,
    serial: u16,
    rng: rand_chacha::ChaCha8Rng,
    decoder: StreamDecoder,
    /// Serial and write time of the uploads awaiting 确认, oldest first.
    outstanding: VecDeque<(u16, Instant)>,
    buf: Vec<u8>,
    out: Vec<u8>,
}

impl Device {
    /// Connects device `me`, optionally from a given local address (to spread many connections
    /// over several loopback source addresses).
    pub(crate) async fn connect(
        target: SocketAddr,
        me: Address,
        from: Option<std::net::IpAddr>,
        seed: u64,
    ) -> std::io::Result<Device> {
        let sock = match from {
            None => TcpStream::connect(target).await?,
            Some(ip) => {
                let s = tokio::net::TcpSocket::new_v4()?;
                s.bind(SocketAddr::new(ip, 0))?;
                s.connect(target).await?
            }
        };
        sock.set_nodelay(true)?;
        Ok(Device {
            sock,
            me,
            serial: 0,
            rng: rand_chacha::ChaCha8Rng::seed_from_u64(seed),
            decoder: StreamDecoder::default(),
            outstanding: VecDeque::new(),
            buf: vec![0; 16 << 10],
            out: Vec::with_capacity(8 << 10),
        })
    }

    /// Queues `n` uploads of `report` and writes them in one go.
    pub(crate) async fn send(&mut self, n: usize, report: Report) -> std::io::Result<()> {
        self.out.clear();
        let now = Instant::now();
        for _ in 0..n {
            self.serial = self.serial.wrapping_add(1);
            let f = frames::upload(self.me, self.serial, report, &mut self.rng);
            self.out.extend_from_slice(&f.encode());
            self.outstanding.push_back((self.serial, now));
        }
        self.sock.write_all(&self.out).await
    }

    /// A heartbeat (an upload without ADU), not tracked.
    pub(crate) async fn heartbeat(&mut self) -> std::io::Result<()> {
        self.serial = self.serial.wrapping_add(1);
        let f = frames::heartbeat(self.me, self.serial);
        self.sock.write_all(&f.encode()).await
    }

    /// Uploads awaiting 确认.
    pub(crate) fn outstanding(&self) -> usize {
        self.outstanding.len()
    }

    /// Reads once (waits for data); returns the confirmed uploads' write times and the number of
    /// denials (and of other replies, e.g. to heartbeats), answering the centre's requests.
    pub(crate) async fn read(&mut self, confirmed: &mut Vec<Instant>) -> std::io::Result<(u64, u64)> {
        let n = self.sock.read(&mut self.buf).await?;
        if n == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "the gateway closed the connection"));
        }
        self.decoder.feed(&self.buf[..n]);
        let (mut denied, mut other) = (0, 0);
        while let Some(item) = self.decoder.next_frame() {
            let Ok(frame) = item else { continue };
            match frame.command {
                Command::Confirm | Command::Deny => {
                    match self.outstanding.iter().position(|(s, _)| *s == frame.serial) {
                        Some(i) => {
                            let (_, at) = self.outstanding.remove(i).unwrap_or_else(|| unreachable!());
                            if frame.command == Command::Confirm {
                                confirmed.push(at);
                            } else {
                                denied += 1;
                            }
                        }
                        None => other += 1,
                    }
                }
                Command::Control | Command::Request => {
                    if let Some(reply) = frames::reply_to(&frame) {
                        self.sock.write_all(&reply.encode()).await?;
                    }
                }
                _ => other += 1,
            }
        }
        Ok((denied, other))
    }
}

/// Runs one device by `plan` with every upload reporting `report`.
pub(crate) async fn drive(mut d: Device, plan: Plan, report: Report) -> Tally {
    let mut t = Tally::default();
    let interval = plan.rate.filter(|r| *r > 0.0).map(|r| Duration::from_secs_f64(1.0 / r));
    let mut next = Instant::now();
    let mut confirmed = Vec::new();
    let result: std::io::Result<()> = async {
        loop {
            let now = Instant::now();
            let sending = now < plan.until && t.sent < plan.max_uploads;
            if !sending && (d.outstanding() == 0 || now >= plan.until + plan.drain) {
                return Ok(());
            }
            let room = plan.window.saturating_sub(d.outstanding()) as u64;
            let due = match interval {
                None => room,
                Some(iv) if now >= next => {
                    let behind = (now - next).as_secs_f64() / iv.as_secs_f64();
                    (1 + behind as u64).min(room)
                }
                Some(_) => 0,
            };
            let n = if sending { due.min(plan.max_uploads - t.sent) } else { 0 };
            if n > 0 {
                d.send(n as usize, report).await?;
                t.sent += n;
                if let Some(iv) = interval {
                    next += iv * n as u32;
                }
            }
            let wake = match interval {
                Some(_) if sending => next.min(plan.until),
                _ if sending => plan.until,
                _ => plan.until + plan.drain,
            };
            tokio::select! {
                r = d.read(&mut confirmed) => {
                    let (denied, _) = r?;
                    t.denied += denied;
                    let got = Instant::now();
                    for at in confirmed.drain(..) {
                        t.confirmed += 1;
                        if got >= plan.measure_from && got <= plan.until {
                            t.measured += 1;
                            t.latencies_us.push(u32::try_from((got - at).as_micros()).unwrap_or(u32::MAX));
                        }
                    }
                }
                () = tokio::time::sleep_until(wake) => {}
            }
        }
    }
    .await;
    if let Err(e) = result {
        t.error = Some(e.to_string());
    }
    t.unconfirmed = d.outstanding() as u64;
    t
}
