//! The alarm engine: one task that reads `alarm_frames` in id order from its saved cursor, turns
//! frames into signals ([`crate::signals`]) and files them ([`Monitoring::apply_signals`](crate::store::Monitoring::apply_signals)) together with
//! the new cursor in one transaction. The gateway wakes it after each commit, so alarms reach the
//! console within milliseconds; after a crash it resumes at the cursor, so an acknowledged frame
//! is never skipped and never filed twice. It also files presence changes (离线 / recovered) and
//! escalates alarms left unhandled too long (超时未处理). Sensors silent longer than
//! their silence limit (`silence` rules, else `sensor_offline_secs`) go offline with a 离线 alarm;
//! their next reading resolves it.
//!
//! Batches without a signal (most frames under load report "normal") do not write: the position
//! is kept in memory and the cursor saved with the next batch that files something, or after
//! [`CURSOR_SAVE_FRAMES`] frames or [`CURSOR_SAVE_EVERY`] — a write transaction per read batch would queue behind the
//! gateway's writer for the one SQLite write lock — or when the engine has caught up and the saved
//! position is older than [`CURSOR_SAVE_EVERY`]. After a crash the engine re-reads at most those
//! frames, which file nothing again.
//!
//! Sensor readings take the same path: the HTTP and MQTT ingestion store them (append-only) and
//! wake the engine, which reads them from its `readings` cursor, evaluates them with the
//! threshold rules in force ([`crate::thresholds`]) and files the signals with that cursor in one
//! transaction.

use crate::kinds::AlarmLevel;
use crate::store::Monitoring;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::store::alarms::{AlarmChange, Signal};
use crate::store::sensors::Reading;
use huoyan_store::Store;
use huoyan_store::notify::ChannelListener;
use tokio::sync::Notify;

use crate::signals;
use crate::thresholds::ThresholdRules;

/// The cursor's name in `monitor_cursors`.
pub const CURSOR: &str = "alarms";
/// The cursor over `sensor_readings`.
pub const READINGS_CURSOR: &str = "readings";
/// How often a standby engine tries to take the lead.
pub const LEAD_RETRY: Duration = Duration::from_secs(3);
/// Frames read without a signal before the cursor is saved anyway.
pub const CURSOR_SAVE_FRAMES: i64 = 20_000;
/// Or time since the cursor was last saved.
pub const CURSOR_SAVE_EVERY: Duration = Duration::from_secs(1);

/// Settings of the monitoring centre (`[monitor]` in the configuration).
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct MonitorConfig {
    /// An unhandled 火警 becomes 超时未处理 after this many seconds (default 60; a local rule,
    /// not a standard's number — GB 50440 sets the 20 s to the screen, not the operator's time).
    pub escalate_fire_secs: u64,
    /// The same for faults, supervision, offline and threshold alarms (default 1800).
    pub escalate_warning_secs: u64,
    /// Frames read per transaction (default 500).
    pub batch: i64,
    /// How often the engine looks for frames without being woken, ms (default 1000).
    pub poll_ms: u64,
    /// A sensor without a reading for this many seconds goes offline (离线 alarm; a reading
    /// resolves it as recovered). Default 7200: sensors on NB-IoT or LoRa commonly report every
    /// 30–60 min; set it above the slowest reporting interval in use. 0 = off.
    pub sensor_offline_secs: u64,
    /// URL receiving `fire_confirmed` notifications (POST JSON); empty = none (they wait in the
    /// outbox until one is configured).
    pub webhook_url: String,
}

impl Default for MonitorConfig {
    fn default() -> Self {
        MonitorConfig {
            escalate_fire_secs: 60,
            escalate_warning_secs: 1800,
            batch: 500,
            poll_ms: 1000,
            sensor_offline_secs: 7200,
            webhook_url: String::new(),
        }
    }
}

/// `secs` seconds before `now`, as stored (UTC RFC 3339, milliseconds).
fn rfc3339_before(now: chrono::DateTime<chrono::Utc>, secs: u64) -> String {
    let secs = i64::try_from(secs).unwrap_or(i64::MAX / 2);
    (now - chrono::Duration::seconds(secs)).to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Called with every alarm the engine opened, merged, resolved or escalated (`change` =
/// `opened`, `merged`, `resolved`, `escalated`).
pub type OnChange = Arc<dyn Fn(&AlarmChange) + Send + Sync>;

/// The engine.
#[derive(Clone)]
pub struct Engine {
    store: Store,
    config: MonitorConfig,
    wake: Arc<Notify>,
    on_change: OnChange,
    /// The threshold rules in force and the stored set they came from (0: the shipped set).
    rules: Arc<Mutex<(i64, Arc<ThresholdRules>)>>,
    /// Frames read so far and the cursor as saved (`None` until read from the store); the lock
    /// also keeps two catch-ups from filing the same frames.
    frames_at: Arc<tokio::sync::Mutex<Option<Position>>>,
}

/// How far the engine has read `alarm_frames`, and what the stored cursor says.
#[derive(Debug, Clone, Copy)]
struct Position {
    read: i64,
    saved: i64,
    saved_at: std::time::Instant,
}

impl Engine {
    /// An engine over `store`, reporting to `on_change`.
    pub fn new(store: Store, config: MonitorConfig, on_change: OnChange) -> Self {
        Engine {
            store,
            config,
            wake: Arc::new(Notify::new()),
            on_change,
            rules: Arc::new(Mutex::new((0, Arc::new(ThresholdRules::shipped())))),
            frames_at: Arc::new(tokio::sync::Mutex::new(None)),
        }
    }

    /// Shares `wake` (e.g. the server's, notified after readings are stored) as the wake-up.
    pub fn with_wake(mut self, wake: Arc<Notify>) -> Self {
        self.wake = wake;
        self
    }

    /// The threshold rules in force: the latest stored set, else the shipped one. A stored set
    /// that no longer parses (checked when loaded, so only after a downgrade) is logged and the
    /// shipped set used.
    pub async fn rules(&self) -> huoyan_store::Result<Arc<ThresholdRules>> {
        let stored = Monitoring(&self.store).threshold_rules().await?;
        let id = stored.as_ref().map_or(0, |s| s.id);
        let mut g = self.rules.lock().unwrap_or_else(|p| p.into_inner());
        if g.0 != id {
            let set = match stored.map(|s| ThresholdRules::parse(&s.body)) {
                Some(Ok(set)) => set,
                Some(Err(e)) => {
                    tracing::error!(id, error = %e, "the stored threshold rules do not parse; using the shipped set");
                    ThresholdRules::shipped()
                }
                None => ThresholdRules::shipped(),
            };
            *g = (id, Arc::new(set));
        }
        Ok(g.1.clone())
    }

    /// Wakes the engine (call after frames were committed).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    fn report(&self, changes: &[AlarmChange]) {
        for c in changes {
            (self.on_change)(c);
        }
    }

    /// Files every frame and every sensor reading after their cursors; returns how many were
    /// read.
    pub async fn catch_up(&self) -> huoyan_store::Result<usize> {
        Ok(self.catch_up_frames().await? + self.catch_up_readings().await?)
    }

    async fn catch_up_readings(&self) -> huoyan_store::Result<usize> {
        let mut read = 0;
        loop {
            let after = Monitoring(&self.store).cursor(READINGS_CURSOR).await?;
            let readings = Monitoring(&self.store).readings_after(after, self.config.batch.max(1)).await?;
            let Some(last) = readings.last().map(|r| r.id) else { return Ok(read) };
            read += readings.len();
            let rules = self.rules().await?;
            let mut batch: Vec<Signal> = readings.iter().flat_map(|r| rules.evaluate(r)).collect();
            // A reading from a sensor that went silent resolves its 离线 alarm (a no-op without one).
            let mut heard: Vec<&Reading> = Vec::new();
            for r in &readings {
                if !heard.iter().any(|h| h.device_address == r.device_address) {
                    heard.push(r);
                }
            }
            batch.extend(heard.iter().map(|r| signals::presence(&r.device_address, true, &r.received_at)));
            let changes = Monitoring(&self.store).apply_signals(&batch, Some((READINGS_CURSOR, last))).await?;
            self.report(&changes);
        }
    }

    async fn catch_up_frames(&self) -> huoyan_store::Result<usize> {
        let mut at = self.frames_at.lock().await;
        let mut pos = match *at {
            Some(p) => p,
            None => {
                let c = Monitoring(&self.store).cursor(CURSOR).await?;
                Position { read: c, saved: c, saved_at: std::time::Instant::now() }
            }
        };
        let mut read = 0;
        loop {
            let frames = Monitoring(&self.store).frames_after(pos.read, self.config.batch.max(1)).await?;
            let Some(last) = frames.last().map(|f| f.id) else {
                // Caught up: the position read is saved once it is [`CURSOR_SAVE_EVERY`] old,
                // so after the load stops (the engine looks every `poll_ms`) the saved cursor
                // reaches the end of the log — a restart then re-reads nothing, and the saved
                // cursor tells how far behind the engine is.
                if pos.read > pos.saved && pos.saved_at.elapsed() >= CURSOR_SAVE_EVERY {
                    Monitoring(&self.store).set_cursor(CURSOR, pos.read).await?;
                    (pos.saved, pos.saved_at) = (pos.read, std::time::Instant::now());
                }
                break;
            };
            read += frames.len();
            let mut batch: Vec<Signal> = Vec::new();
            for f in frames.iter().filter(|f| !f.quarantined) {
                batch.extend(signals::from_raw(f.id, &f.received_at, &f.device_address, &f.raw));
            }
            if !batch.is_empty()
                || last - pos.saved >= CURSOR_SAVE_FRAMES
                || pos.saved_at.elapsed() >= CURSOR_SAVE_EVERY
            {
                let changes = Monitoring(&self.store).apply_signals(&batch, Some((CURSOR, last))).await?;
                (pos.saved, pos.saved_at) = (last, std::time::Instant::now());
                self.report(&changes);
            }
            pos.read = last;
            *at = Some(pos);
        }
        *at = Some(pos);
        Ok(read)
    }

    /// Saves the frame cursor where the engine has read (at shutdown, so a restart does not
    /// re-read the frames that filed nothing).
    pub async fn save_cursor(&self) -> huoyan_store::Result<()> {
        let at = self.frames_at.lock().await;
        if let Some(p) = *at
            && p.read > p.saved
        {
            Monitoring(&self.store).set_cursor(CURSOR, p.read).await?;
        }
        Ok(())
    }

    /// Files signals from elsewhere (presence, sensor thresholds).
    pub async fn file(&self, signals: &[Signal]) -> huoyan_store::Result<Vec<AlarmChange>> {
        let changes = Monitoring(&self.store).apply_signals(signals, None).await?;
        self.report(&changes);
        Ok(changes)
    }

    /// Files a device's presence change.
    pub async fn presence(&self, address: &str, online: bool, at: &str) -> huoyan_store::Result<()> {
        self.file(&[signals::presence(address, online, at)]).await.map(|_| ())
    }

    /// Files 离线 for sensors silent longer than their limit (their own or their measurement's
    /// silence rule, else `sensor_offline_secs`; [`crate::silence`]); returns how many.
    pub async fn expire_sensors(&self) -> huoyan_store::Result<usize> {
        let rules = self.rules().await?;
        let default = self.config.sensor_offline_secs;
        // Only sensors silent longer than the shortest limit can be due.
        let Some(shortest) = rules.silence.iter().map(|r| r.after_secs).chain((default > 0).then_some(default)).min()
        else {
            return Ok(0);
        };
        let now = chrono::Utc::now();
        let at = now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let mut gone = Vec::new();
        for (address, measurement, last_seen) in
            Monitoring(&self.store).silent_sensors(&rfc3339_before(now, shortest)).await?
        {
            let Some(limit) = crate::silence::limit(&rules.silence, &address, &measurement, default) else { continue };
            let before = rfc3339_before(now, limit);
            if last_seen < before && Monitoring(&self.store).expire_sensor(&address, &before).await? {
                gone.push(address);
            }
        }
        let signals: Vec<Signal> = gone.iter().map(|a| signals::presence(a, false, &at)).collect();
        if !signals.is_empty() {
            tracing::info!(sensors = gone.len(), "sensors silent: offline");
            self.file(&signals).await?;
        }
        Ok(gone.len())
    }

    /// Escalates overdue alarms; returns how many.
    pub async fn escalate(&self) -> huoyan_store::Result<usize> {
        let now = chrono::Utc::now();
        let mut n = 0;
        for (level, secs) in [
            (AlarmLevel::Fire, self.config.escalate_fire_secs),
            (AlarmLevel::Warning, self.config.escalate_warning_secs),
        ] {
            let before = rfc3339_before(now, secs);
            let list = Monitoring(&self.store).escalate_overdue(level.code(), &before).await?;
            n += list.len();
            let changes: Vec<AlarmChange> = list
                .into_iter()
                .map(|(alarm, jurisdiction_path)| AlarmChange { alarm, change: "escalated", jurisdiction_path })
                .collect();
            self.report(&changes);
        }
        Ok(n)
    }

    /// A listener for appends by other nodes (PostgreSQL); `None` on SQLite or when it cannot
    /// be opened (logged; the engine polls, and tries again every few seconds).
    async fn listen_appends(&self) -> Option<ChannelListener> {
        match Monitoring(&self.store).append_listener().await {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for other nodes' appends; polling");
                None
            }
        }
    }

    /// Runs until `shutdown` completes: catch up when woken or every `poll_ms`; escalate every
    /// few seconds. Store errors are logged and retried.
    ///
    /// Nodes sharing a PostgreSQL database elect one engine ([`Store::try_lead`]): the others
    /// wait, trying every few seconds, and take over when the leader's connection goes.
    pub async fn run(self, shutdown: impl Future<Output = ()>) {
        let mut shutdown = std::pin::pin!(shutdown);
        'lead: loop {
            let mut lead = loop {
                match self.store.try_lead(CURSOR).await {
                    Ok(Some(lead)) => break lead,
                    Ok(None) => tracing::info!("another node files the alarms; standing by"),
                    Err(e) => tracing::warn!(error = %e, "cannot take the alarm engine's lead"),
                }
                tokio::select! {
                    () = &mut shutdown => return,
                    () = tokio::time::sleep(LEAD_RETRY) => {}
                }
            };
            // Another node may have filed frames while this one stood by.
            *self.frames_at.lock().await = None;
            // Frames and readings other nodes store wake this one at their commit (PostgreSQL).
            let mut appends = self.listen_appends().await;
            let mut tick = tokio::time::interval(Duration::from_millis(self.config.poll_ms.max(10)));
            let mut escalation = tokio::time::interval(Duration::from_secs(5));
            loop {
                tokio::select! {
                    () = &mut shutdown => {
                        if let Err(e) = self.save_cursor().await {
                            tracing::warn!(error = %e, "saving the alarm cursor failed");
                        }
                        return;
                    }
                    () = self.wake.notified() => {}
                    r = next_append(&mut appends) => {
                        if let Err(e) = r {
                            tracing::warn!(error = %e, "listening for other nodes' appends failed; polling meanwhile");
                            appends = None;
                        }
                    }
                    _ = tick.tick() => {}
                    _ = escalation.tick() => {
                        if !lead.holds().await {
                            tracing::error!("the alarm engine lost its lead (database connection); taking it again");
                            continue 'lead;
                        }
                        if let Err(e) = self.escalate().await {
                            tracing::warn!(error = %e, "escalating alarms failed");
                        }
                        if let Err(e) = self.expire_sensors().await {
                            tracing::warn!(error = %e, "checking silent sensors failed");
                        }
                        if appends.is_none() {
                            appends = self.listen_appends().await;
                        }
                        continue;
                    }
                }
                if let Err(e) = self.catch_up().await {
                    tracing::error!(error = %e, "filing alarms failed; retrying");
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
        }
    }
}

/// The next append reported by `listener`; never, without one.
async fn next_append(listener: &mut Option<ChannelListener>) -> huoyan_store::Result<()> {
    match listener {
        // A gap (the connection was lost) wakes the engine too: it catches up from its cursor.
        Some(l) => l.recv().await.map(|_| ()),
        None => std::future::pending().await,
    }
}
