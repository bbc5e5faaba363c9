//! Read-then-write transactions beside a busy writer (SQLite): an operator's action must not fail
//! with "database is locked" because the gateway committed a batch between the action's first
//! read and its first write (`Store::begin_write` takes the write lock at the start).

use huoyan_monitor::store::Monitoring;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use huoyan_domain::account::Principal;
use huoyan_monitor::store::frames::{NewDevice, NewFrame};
use huoyan_store::Store;
use huoyan_store::testkit as common;

/// The tables these tests need: the kernel's (always) and the monitoring module's.
const MODULES: &[&huoyan_store::migrate::Schema] = &[&huoyan_monitor::SCHEMA];

fn frame(serial: u32) -> NewFrame {
    let mut raw = vec![0x40, 0x40];
    raw.extend_from_slice(&serial.to_le_bytes());
    raw.resize(40, 0x23);
    NewFrame {
        received_at: huoyan_store::now(),
        device_address: "00000000b001".into(),
        serial: serial as u16,
        command: 2,
        adu_type: Some(2),
        raw,
        quarantined: true,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_then_write_transactions_are_not_refused_beside_a_busy_writer() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir_with(dir.path(), MODULES).await.unwrap();
    let (_, west, _) = common::city_west_east(&store).await;
    let stop = Arc::new(AtomicBool::new(false));
    let batches = Arc::new(AtomicU32::new(0));
    // The gateway: batch after batch, back to back.
    let gateway = {
        let (store, stop, batches) = (store.clone(), stop.clone(), batches.clone());
        tokio::spawn(async move {
            let mut serial = 0u32;
            while !stop.load(Ordering::Relaxed) {
                let batch: Vec<NewFrame> = (0..20)
                    .map(|_| {
                        serial += 1;
                        frame(serial)
                    })
                    .collect();
                Monitoring(&store).store_frames(&batch).await.expect("a batch is stored");
                batches.fetch_add(1, Ordering::Relaxed);
            }
        })
    };
    // An administrator registering devices meanwhile: each registration reads (the jurisdiction,
    // whether the address is free), then writes. At least 150, and on until the gateway has
    // committed 100 batches meanwhile.
    let sys = Principal::system();
    let mut i = 0;
    while i < 150 || batches.load(Ordering::Relaxed) < 100 {
        assert!(i < 20_000, "the gateway committed only {} batches", batches.load(Ordering::Relaxed));
        let d = NewDevice {
            jurisdiction_id: west.id,
            unit_id: None,
            address: format!("{:012x}", 0xa000 + i),
            name: format!("装置{i}"),
        };
        if let Err(e) = Monitoring(&store).register_device(&sys, d).await {
            stop.store(true, Ordering::Relaxed);
            panic!("registration {i} failed beside the gateway's batches: {e}");
        }
        i += 1;
    }
    stop.store(true, Ordering::Relaxed);
    gateway.await.unwrap();
    store.close().await;
}
