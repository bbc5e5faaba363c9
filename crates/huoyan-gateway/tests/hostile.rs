//! Hostile peers all at once, beside a well-behaved device: garbage streams, frames dribbled too
//! slowly, huge length fields, truncated frames followed by a hang-up, a flood from an unknown
//! device, a peer that never reads its replies, connection churn and a slow-but-steady device.
//! None may crash the gateway, and the well-behaved device must see every upload confirmed
//! promptly and stored.

mod common;

use huoyan_monitor::store::Monitoring;
use std::time::{Duration, Instant};

use common::*;
use huoyan_gateway::GatewayConfig;
use huoyan_gb26875::Command;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::task::JoinSet;
use tokio::time::timeout;

/// Reads and throws away whatever the gateway sends until it closes the connection.
async fn drain(mut rd: tokio::net::tcp::OwnedReadHalf) -> usize {
    let mut buf = [0u8; 4096];
    let mut n = 0;
    while let Ok(Ok(k)) = timeout(Duration::from_secs(20), rd.read(&mut buf)).await {
        if k == 0 {
            break;
        }
        n += k;
    }
    n
}

/// Pseudo-random bytes with many `@`, `#` and header-like runs (xorshift, fixed seed).
fn garbage(len: usize, mut x: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            match x % 8 {
                0 => b'@',
                1 => b'#',
                _ => (x >> 8) as u8,
            }
        })
        .collect()
}

/// A header announcing a 65,535-byte ADU (over the 1,024 limit). The serial is odd and below
/// 16,384, so that no `@` of it forms a second start marker with the first.
fn huge_header(i: u16) -> Vec<u8> {
    let mut h = upload(2 * (i % 8000) + 1)[..27].to_vec();
    h[24] = 0xff;
    h[25] = 0xff;
    h
}

#[test]
fn hostile_peers_do_not_disturb_a_well_behaved_device() {
    mt().block_on(async {
        let cfg = GatewayConfig {
            frame_timeout: Duration::from_millis(500),
            idle_timeout: Duration::from_secs(3),
            clock_sync_interval: Duration::ZERO,
            ..GatewayConfig::default()
        };
        let h = Harness::start(cfg).await;
        let mut hostile = JoinSet::new();
        // A garbage stream: 2 MiB of noise in 64 KiB writes, replies drained.
        let (rd, mut wr) = h.connect().await.into_split();
        hostile.spawn(async move {
            let reader = tokio::spawn(drain(rd));
            for (i, chunk) in garbage(2 << 20, 7).chunks(64 << 10).enumerate() {
                if wr.write_all(chunk).await.is_err() {
                    return format!("garbage: closed by the gateway after {i} chunks");
                }
            }
            drop(wr);
            format!("garbage: 2 MiB sent, {} bytes of replies", reader.await.unwrap())
        });
        // A frame dribbled one byte every 100 ms: slower than the 500 ms frame timeout.
        let mut slow = h.connect().await;
        hostile.spawn(async move {
            let started = Instant::now();
            for b in upload(500) {
                if slow.write_all(&[b]).await.is_err() {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
                if started.elapsed() > Duration::from_secs(8) {
                    panic!("the dribbling sender was not cut off");
                }
            }
            let closed = closed_within(&mut slow, Duration::from_secs(5)).await;
            assert!(closed, "the dribbling sender is closed");
            format!("dribbler: closed after {:.1} s", started.elapsed().as_secs_f64())
        });
        // Huge length fields, 2,000 of them; each is denied from its header alone.
        let (rd, mut wr) = h.connect().await.into_split();
        hostile.spawn(async move {
            let reader = tokio::spawn(drain(rd));
            let all: Vec<u8> = (0..2000).flat_map(huge_header).collect();
            let _ = wr.write_all(&all).await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            drop(wr);
            let got = reader.await.unwrap();
            assert_eq!(got, 2000 * 30, "one 30-byte 否认 per huge header");
            "huge lengths: 2000 denied".to_string()
        });
        // A peer that never reads: 5,000 huge headers and their denials pile up.
        let mut deaf = h.connect().await;
        hostile.spawn(async move {
            let all: Vec<u8> = (0..5000).flat_map(huge_header).collect();
            let r = timeout(Duration::from_secs(10), deaf.write_all(&all)).await;
            tokio::time::sleep(Duration::from_secs(1)).await;
            format!("deaf peer: write {}", if matches!(r, Ok(Ok(()))) { "completed" } else { "cut off" })
        });
        // An unregistered device flooding 3,000 uploads: all denied, none stored.
        let (rd, mut wr) = h.connect().await.into_split();
        hostile.spawn(async move {
            let reader = tokio::spawn(drain(rd));
            let all: Vec<u8> = (0..3000).flat_map(|s| upload_from(s, STRANGER)).collect();
            let _ = wr.write_all(&all).await;
            tokio::time::sleep(Duration::from_millis(500)).await;
            drop(wr);
            let got = reader.await.unwrap();
            assert_eq!(got, 3000 * 30, "one 30-byte 否认 per upload of the unknown device");
            "unknown device: 3000 uploads denied".to_string()
        });
        // 100 truncated frames, each on its own connection that then hangs up; 200 more
        // connections opened and closed at once.
        let addr = h.addr;
        hostile.spawn(async move {
            for i in 0..300u16 {
                let mut s = TcpStream::connect(addr).await.unwrap();
                if i < 100 {
                    let _ = s.write_all(&upload(1000 + i)[..40]).await;
                }
            }
            "churn: 300 connections, 100 truncated frames".to_string()
        });
        // A slow but steady device: each byte 3 ms apart, the frame within the frame timeout.
        let mut steady = h.connect().await;
        hostile.spawn(async move {
            let f = upload_from(9, [0x79, 3, 0, 0, 0, 0]);
            let f = huoyan_gb26875::encode(&huoyan_gb26875::Frame { adu: None, ..huoyan_gb26875::decode(&f).unwrap() });
            for b in f {
                steady.write_all(&[b]).await.unwrap();
                tokio::time::sleep(Duration::from_millis(3)).await;
            }
            expect(&mut steady, Command::Confirm, 9).await;
            "steady slow device: heartbeat confirmed".to_string()
        });

        // Meanwhile the well-behaved device uploads 100 frames, one after another.
        let mut good = h.connect().await;
        let mut worst = Duration::ZERO;
        for serial in 1..=100u16 {
            let t = Instant::now();
            send(&mut good, &upload(serial)).await;
            expect(&mut good, Command::Confirm, serial).await;
            worst = worst.max(t.elapsed());
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        while let Some(r) = timeout(Duration::from_secs(30), hostile.join_next()).await.expect("hostile peers finish") {
            eprintln!("{}", r.expect("hostile peer task"));
        }
        eprintln!("well-behaved device: 100 uploads, slowest confirmation {worst:?}");
        assert!(worst < Duration::from_secs(2), "the well-behaved device waited {worst:?}");
        assert_eq!(Monitoring(&h.store).count_frames(Some(DEVICE)).await.unwrap(), 100);
        assert_eq!(Monitoring(&h.store).count_frames(Some("010203040506")).await.unwrap(), 0);
        assert_eq!(Monitoring(&h.store).count_frames(None).await.unwrap(), 100, "garbage stored nothing");
        // And the gateway still serves new connections.
        let mut after = h.connect().await;
        send(&mut after, &upload(101)).await;
        expect(&mut after, Command::Confirm, 101).await;
        h.stop().await;
    });
}
