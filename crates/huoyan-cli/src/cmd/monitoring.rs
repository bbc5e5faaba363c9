//! The monitoring centre inside `huoyan serve`: the GB/T 26875.3 gateway on its own port, the
//! alarm engine (frames → merged alarms, presence, escalation), sensor readings over MQTT (the
//! client of an external broker and the embedded endpoint) and the webhook delivery, wired to the
//! server's live channel so consoles see alarms as they are filed.

use huoyan_monitor::store::Monitoring;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use huoyan_gateway::{Gateway, GatewayEvent};
use huoyan_monitor::store::alarms::{AlarmChange, Signal};
use huoyan_monitor::{Engine, OnChange};
use huoyan_server::AppState;
use huoyan_server::alarm_event;
use huoyan_server::live::NewLiveEvent;
use huoyan_store::Store;
use tokio::sync::{broadcast, watch};
use tokio::task::JoinSet;

use crate::config::Config;

/// The running parts.
pub(crate) struct Running {
    /// Where the gateway listens, if it does.
    pub(crate) gateway: Option<SocketAddr>,
    /// Where the embedded MQTT endpoint listens, if it does.
    pub(crate) mqtt: Option<SocketAddr>,
    tasks: JoinSet<()>,
}

impl Running {
    /// Waits (at most 10 s) for the parts to finish after the stop signal.
    pub(crate) async fn join(mut self) {
        let all = async { while self.tasks.join_next().await.is_some() {} };
        if tokio::time::timeout(std::time::Duration::from_secs(10), all).await.is_err() {
            tracing::warn!("monitoring tasks did not stop in time");
        }
    }
}

async fn stopped(mut rx: watch::Receiver<bool>) {
    while !*rx.borrow() {
        if rx.changed().await.is_err() {
            return;
        }
    }
}

async fn publish_device(store: &Store, state: &AppState, address: &str, online: bool, at: &str) {
    let Ok(Some(d)) = Monitoring(store).device_by_address(address).await else { return };
    let Ok(path) = store.jurisdiction_path(d.jurisdiction_id).await else { return };
    state.live.publish(NewLiveEvent {
        kind: "device".into(),
        title: format!("{} · {}", if online { "设备上线" } else { "设备离线" }, d.name),
        level: if online { "info".into() } else { "warning".into() },
        unhandled: false,
        data: serde_json::json!({ "device": d, "online": online, "at": at }),
        jurisdiction_path: path,
    });
}

/// A connection claiming a device refused by the gateway (docs/SECURITY-gateway.md): a warning
/// on the live panel of the device's jurisdiction (at most one a second per device; the count
/// and the last source are also on the device's record).
async fn publish_refusal(store: &Store, state: &AppState, address: &str, from: &str, reason: &str, n: i64, at: &str) {
    let Ok(Some(d)) = Monitoring(store).device_by_address(address).await else { return };
    let Ok(path) = store.jurisdiction_path(d.jurisdiction_id).await else { return };
    let why = match reason {
        "source_not_allowed" => "来源地址不在该装置允许的范围内",
        "binding_required" => "该装置未设置允许来源地址",
        "duplicate_session" => "该装置已有来自其他地址的连接",
        _ => "来源地址不符",
    };
    state.live.publish(NewLiveEvent {
        kind: "device_refused".into(),
        title: format!("拒绝冒用装置地址的连接 · {} · 来自 {from}（{why}）", d.name),
        level: "warning".into(),
        unhandled: false,
        data: serde_json::json!({ "device": d, "from": from, "reason": reason, "count": n, "at": at }),
        jurisdiction_path: path,
    });
}

/// Starts the engine, the webhook delivery and (when configured) the gateway.
pub(crate) async fn start(
    store: &Store,
    cfg: &Config,
    state: &AppState,
    stop: watch::Receiver<bool>,
) -> anyhow::Result<Running> {
    let live = state.live.clone();
    let on_change: OnChange = Arc::new(move |c: &AlarmChange| {
        live.publish(alarm_event(&c.alarm, c.change, &c.jurisdiction_path));
    });
    let engine = Engine::new(store.clone(), cfg.monitor.clone(), on_change).with_wake(state.monitor_wake.clone());
    // The engine catches up with stored frames as soon as it holds the lead (at once on SQLite;
    // on PostgreSQL one node of those sharing the database files the alarms).
    let mut tasks = JoinSet::new();
    tasks.spawn(engine.clone().run(stopped(stop.clone())));
    // In a cluster (PostgreSQL), consoles on every node see every node's events.
    tasks.spawn(huoyan_server::live::cluster::run(state.live.clone(), store.clone(), stopped(stop.clone())));
    if !cfg.mqtt.url.is_empty() {
        let (store, mqtt, wake) = (store.clone(), cfg.mqtt.clone(), state.monitor_wake.clone());
        let stop_mqtt = stopped(stop.clone());
        tasks.spawn(async move {
            if let Err(e) = huoyan_mqtt::run(store, mqtt, wake, stop_mqtt).await {
                tracing::error!(error = %e, "MQTT ingestion not started");
            }
        });
    }
    let mut mqtt = None;
    if !cfg.mqtt.listen.is_empty() {
        let endpoint = huoyan_mqtt::endpoint::Endpoint::new(&cfg.mqtt)?;
        let listener = tokio::net::TcpListener::bind(&cfg.mqtt.listen)
            .await
            .with_context(|| format!("cannot listen for MQTT sensors on {}", cfg.mqtt.listen))?;
        mqtt = Some(listener.local_addr()?);
        let (store, wake) = (store.clone(), state.monitor_wake.clone());
        tasks.spawn(huoyan_mqtt::endpoint::serve(listener, store, endpoint, wake, stopped(stop.clone())));
    }
    if !cfg.monitor.webhook_url.is_empty() {
        tasks.spawn(huoyan_monitor::webhook::run(
            store.clone(),
            cfg.monitor.webhook_url.clone(),
            stopped(stop.clone()),
        ));
    }
    let mut gateway = None;
    if !cfg.gateway.listen.is_empty() {
        let listener = tokio::net::TcpListener::bind(&cfg.gateway.listen)
            .await
            .with_context(|| format!("cannot listen for GB/T 26875.3 devices on {}", cfg.gateway.listen))?;
        gateway = Some(listener.local_addr()?);
        let gw = Gateway::new(store.clone(), cfg.gateway.gateway_config(store.backend())?);
        let mut events = gw.subscribe();
        let stop_gw = stopped(stop.clone());
        tasks.spawn(async move {
            if let Err(e) = gw.run(listener, stop_gw).await {
                tracing::error!(error = %e, "the gateway stopped");
            }
        });
        let (store, state) = (store.clone(), state.clone());
        tasks.spawn(async move {
            loop {
                match events.recv().await {
                    Ok(GatewayEvent::FrameStored { .. }) | Err(broadcast::error::RecvError::Lagged(_)) => engine.wake(),
                    Ok(GatewayEvent::DeviceOnline { address, at }) => {
                        let _ = engine.presence(&address, true, &at).await;
                        publish_device(&store, &state, &address, true, &at).await;
                    }
                    Ok(GatewayEvent::DeviceOffline { address, at }) => {
                        if let Err(e) = engine.presence(&address, false, &at).await {
                            tracing::warn!(error = %e, "filing an offline alarm failed");
                        }
                        publish_device(&store, &state, &address, false, &at).await;
                    }
                    Ok(GatewayEvent::SourceRefused { address, from, reason, count, at }) => {
                        publish_refusal(&store, &state, &address, &from, &reason, count, &at).await;
                    }
                    Ok(GatewayEvent::PatrolFailed { address, at }) => {
                        let s = Signal {
                            device_address: address,
                            kind: "fault".into(),
                            level: "warning".into(),
                            at,
                            frame_id: None,
                            summary: "巡检无应答（中心读取装置状态，重试 3 次无应答）".into(),
                            component: serde_json::json!({ "text": "巡检无应答" }),
                            resolves: None,
                        };
                        if let Err(e) = engine.file(&[s]).await {
                            tracing::warn!(error = %e, "filing a patrol failure failed");
                        }
                    }
                    Ok(_) => {}
                    Err(broadcast::error::RecvError::Closed) => break,
                }
            }
        });
    }
    Ok(Running { gateway, mqtt, tasks })
}
