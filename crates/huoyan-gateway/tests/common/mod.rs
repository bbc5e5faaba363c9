//! The gateway test harness shared by `gateway.rs` and `hostile.rs`: a gateway over a SQLite
//! store in a temporary directory on a 127.0.0.1 port, one registered device, frames built from
//! the verified vectors, and bounded reads of the gateway's replies.
#![allow(dead_code, unreachable_pub)]

use huoyan_monitor::store::Monitoring;
use std::net::SocketAddr;
use std::time::Duration;

use huoyan_domain::JurisdictionLevel;
use huoyan_domain::account::Principal;
use huoyan_domain::jurisdiction::Jurisdiction;
use huoyan_gateway::{Gateway, GatewayConfig, GatewayEvent, GatewayStats};
use huoyan_gb26875::{Address, Command, Frame, decode, encode, hex_to_bytes};
use huoyan_monitor::store::frames::NewDevice;
use huoyan_store::Store;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{broadcast, oneshot};
use tokio::time::timeout;

/// A1 of the verified vectors: component state upload (smoke detector fire), UITD 790300000000,
/// centre 385b01000000, serial 1.
pub const A1: &str = "404001000101203a091a090c790300000000385b0100000030000202010101280a000200020020202020202020202020202020202020202020202020202020202020202000023a091a090c462323";
/// A4: UITD state (main power fault).
pub const A4: &str = "404001000101203a091a090c790300000000385b01000000090002150108023a091a090c422323";
pub const DEVICE: &str = "790300000000";
pub const STRANGER: [u8; 6] = [1, 2, 3, 4, 5, 6];
pub const T: Duration = Duration::from_secs(10);

pub fn base(hex: &str) -> Frame {
    decode(&hex_to_bytes(hex).unwrap()).unwrap()
}

pub fn upload(serial: u16) -> Vec<u8> {
    encode(&Frame { serial, ..base(A1) })
}

pub fn upload_from(serial: u16, source: [u8; 6]) -> Vec<u8> {
    encode(&Frame { serial, source: Address(source), ..base(A1) })
}

pub fn heartbeat(serial: u16) -> Vec<u8> {
    encode(&Frame { serial, adu: None, ..base(A1) })
}

pub struct Harness {
    pub store: Store,
    pub addr: SocketAddr,
    pub events: broadcast::Receiver<GatewayEvent>,
    pub stop: Option<oneshot::Sender<()>>,
    pub task: tokio::task::JoinHandle<std::io::Result<()>>,
    pub stats: std::sync::Arc<GatewayStats>,
    pub _dir: tempfile::TempDir,
}

impl Harness {
    pub async fn start(config: GatewayConfig) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_dir_with(dir.path(), &[&huoyan_monitor::SCHEMA]).await.unwrap();
        register(&store).await;
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let gw = Gateway::new(store.clone(), config);
        let events = gw.subscribe();
        let stats = gw.stats();
        let (stop, rx) = oneshot::channel::<()>();
        let task = tokio::spawn(gw.run(listener, async move {
            let _ = rx.await;
        }));
        Harness { store, addr, events, stop: Some(stop), task, stats, _dir: dir }
    }

    pub async fn connect(&self) -> TcpStream {
        TcpStream::connect(self.addr).await.unwrap()
    }

    /// Connects from the source address `from` (any of 127.0.0.0/8 on Linux's loopback).
    pub async fn connect_from(&self, from: &str) -> TcpStream {
        let sock = tokio::net::TcpSocket::new_v4().unwrap();
        sock.bind(format!("{from}:0").parse().unwrap()).unwrap();
        sock.connect(self.addr).await.unwrap()
    }

    pub async fn stop(mut self) {
        let _ = self.stop.take().unwrap().send(());
        timeout(T, self.task).await.expect("gateway stops").unwrap().unwrap();
    }

    /// The next event matching `pred`, within the time limit.
    pub async fn event(&mut self, pred: impl Fn(&GatewayEvent) -> bool) -> GatewayEvent {
        timeout(T, async {
            loop {
                let e = self.events.recv().await.unwrap();
                if pred(&e) {
                    return e;
                }
            }
        })
        .await
        .expect("event within the time limit")
    }
}

pub async fn register(store: &Store) {
    let sys = Principal::system();
    let city = store
        .create_jurisdiction(
            &sys,
            Jurisdiction {
                id: 0,
                parent_id: None,
                level: JurisdictionLevel::City,
                name: "测试市".into(),
                code: None,
                boundary: None,
                path: String::new(),
            },
        )
        .await
        .unwrap();
    Monitoring(store)
        .register_device(
            &sys,
            NewDevice {
                jurisdiction_id: city.id,
                unit_id: None,
                address: DEVICE.to_uppercase(),
                name: "一号装置".into(),
            },
        )
        .await
        .unwrap();
}

/// Reads one reply frame, skipping the centre's own requests (clock sync, patrol); `None` on EOF
/// or reset.
pub async fn read_reply(s: &mut TcpStream) -> Option<Frame> {
    loop {
        let f = read_frame(s).await?;
        if !matches!(f.command, Command::Control | Command::Request) {
            return Some(f);
        }
    }
}

/// Reads one frame; `None` on EOF or reset.
pub async fn read_frame(s: &mut TcpStream) -> Option<Frame> {
    timeout(T, async {
        let mut head = [0u8; 27];
        s.read_exact(&mut head).await.ok()?;
        let len = usize::from(u16::from_le_bytes([head[24], head[25]]));
        let mut rest = vec![0u8; len + 3];
        s.read_exact(&mut rest).await.ok()?;
        let mut all = head.to_vec();
        all.extend_from_slice(&rest);
        Some(decode(&all).expect("the gateway sends valid frames"))
    })
    .await
    .expect("a reply or EOF within the time limit")
}

/// Waits until the peer closes the connection.
pub async fn closed_within(s: &mut TcpStream, limit: Duration) -> bool {
    let mut buf = [0u8; 64];
    matches!(timeout(limit, s.read(&mut buf)).await, Ok(Ok(0) | Err(_)))
}

pub async fn send(s: &mut TcpStream, bytes: &[u8]) {
    s.write_all(bytes).await.unwrap();
}

pub async fn expect(s: &mut TcpStream, command: Command, serial: u16) {
    let f = read_reply(s).await.expect("connection open");
    assert_eq!((f.command, f.serial), (command, serial));
}

pub fn mt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}
