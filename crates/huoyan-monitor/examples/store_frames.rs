//! The frame log's write path alone: [`Monitoring::store_frames`](huoyan_monitor::store::Monitoring::store_frames) in a loop, without the gateway,
//! its sockets or the alarm engine, to compare storage changes with less noise than
//! `huoyan-bench gateway ingest` (and under `valgrind --tool=callgrind`, which counts
//! instructions whatever else the machine does).
//!
//! ```text
//! cargo run --release -p huoyan-store --example store_frames -- [FRAMES] [BATCH] [DEVICES] [postgres://…]
//! ```
//! Defaults: 200,000 frames in batches of 256 from 100 devices, on SQLite in a temporary
//! directory. Prints frames/s and the process's CPU seconds per frame. Each frame is 78 bytes like
//! a component-state upload, with distinct content; the batch is written back to back, one after
//! the other, as the gateway's writer does with `writers = 1`.

use huoyan_monitor::store::Monitoring;
use std::time::Instant;

use huoyan_monitor::store::frames::NewFrame;
use huoyan_store::{Store, StoreConfig};

fn cpu_seconds() -> f64 {
    // utime + stime of this process, in clock ticks (100 per second on Linux).
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn frame(device: u32, n: u32) -> NewFrame {
    let mut raw = vec![0x40u8, 0x40];
    raw.extend((0..76).map(|i| (n.wrapping_mul(31).wrapping_add(i * 7) % 251) as u8));
    raw[27..31].copy_from_slice(&n.to_le_bytes());
    NewFrame {
        received_at: huoyan_store::now(),
        device_address: format!("{:012x}", 0x0a00_0000_0000u64 + u64::from(device)),
        serial: (n % 65_536) as u16,
        command: 2,
        adu_type: Some(2),
        raw,
        quarantined: false,
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, d: u32| args.get(i).and_then(|v| v.parse().ok()).unwrap_or(d);
    let (total, batch, devices) = (arg(0, 200_000), arg(1, 256).max(1), arg(2, 100).max(1));
    let dir = tempfile::tempdir()?;
    let store = match args.get(3) {
        Some(url) => {
            let schema = format!("bench_store_frames_{}", std::process::id());
            Store::open_with(
                &StoreConfig { url: url.clone(), pg_schema: Some(schema), max_connections: 4 },
                &[&huoyan_monitor::SCHEMA],
            )
            .await?
        }
        None => Store::open_dir_with(dir.path(), &[&huoyan_monitor::SCHEMA]).await?,
    };
    let frames: Vec<NewFrame> = (0..total).map(|n| frame(n % devices, n / devices)).collect();
    // A reader following the log as the alarm engine does (read transactions all the time).
    let reader = {
        let store = store.clone();
        tokio::spawn(async move {
            let mut after = 0;
            let mut read = 0usize;
            loop {
                match Monitoring(&store).frames_after(after, 1000).await {
                    Ok(rows) if rows.is_empty() => tokio::time::sleep(std::time::Duration::from_millis(5)).await,
                    Ok(rows) => {
                        read += rows.len();
                        after = rows.last().map_or(after, |r| r.id);
                    }
                    Err(_) => return read,
                }
            }
        })
    };
    let (cpu0, t0) = (cpu_seconds(), Instant::now());
    let mut stored = 0usize;
    let mut slowest = std::time::Duration::ZERO;
    for chunk in frames.chunks(batch as usize) {
        let started = Instant::now();
        stored += Monitoring(&store).store_frames(chunk).await?.len();
        slowest = slowest.max(started.elapsed());
    }
    let (secs, cpu) = (t0.elapsed().as_secs_f64(), cpu_seconds() - cpu0);
    reader.abort();
    println!(
        "{} frames in batches of {batch} from {devices} devices on {:?}: {:.2} s, {:.0} frames/s, slowest batch {} ms, CPU {:.2} s ({:.1} µs per frame, with the reader)",
        stored,
        store.backend(),
        secs,
        stored as f64 / secs,
        slowest.as_millis(),
        cpu,
        cpu * 1e6 / stored as f64
    );
    if let Some(schema) = args.get(3).map(|_| format!("bench_store_frames_{}", std::process::id())) {
        store.execute_admin(&format!("DROP SCHEMA {schema} CASCADE")).await?;
    }
    Ok(())
}
