//! The configuration: a TOML file (`--config FILE`, or `huoyan.toml` in the data directory if
//! present) with environment overrides. Without either, Huoyan uses SQLite in the data directory and
//! listens on 127.0.0.1:8080.
//!
//! ```toml
//! [database]
//! url = "postgres://huoyan@db.example/huoyan"   # default: sqlite in --data DIR
//! pg_schema = "huoyan"                          # optional
//! max_connections = 16
//!
//! [server]
//! listen = "0.0.0.0:8080"
//! max_body_bytes = 2097152
//! max_upload_bytes = 33554432
//! request_timeout_secs = 60
//! max_connections = 512            # past it, new connections are closed at once
//! header_read_timeout_secs = 10    # slow-header and idle sockets are cut off
//! metrics = "local"                # /metrics: "local" (loopback only), "public" or "off"
//! secure_cookies = false           # true when the console is served over HTTPS
//!
//! [log]
//! format = "json"    # or "text"
//! level = "info"     # tracing filter, e.g. "info,huoyan_store=debug"
//!
//! [gateway]                       # GB/T 26875.3 gateway for UITDs
//! listen = "10.8.0.1:9026"        # default 127.0.0.1:9026; "" = no gateway. The protocol has no
//!                                 # authentication: expose it only on a private APN or VPN
//! allow = ["10.8.0.0/16"]         # sources that may connect (CIDRs); others are closed at accept
//! require_binding = true          # refuse UITDs without allowed_sources (docs/SECURITY-gateway.md)
//! unknown_devices = "refuse"      # or "quarantine"
//! max_connections = 20000
//! offline_after_secs = 90
//! idle_timeout_secs = 120
//! patrol_interval_secs = 3600     # 巡检, ≤ 7200; 0 = off
//! clock_sync_interval_secs = 86400
//!
//! [monitor]                       # alarm handling
//! escalate_fire_secs = 60
//! escalate_warning_secs = 1800
//! webhook_url = "http://119-gateway.example/huoyan"   # fire_confirmed notifications
//!
//! [mqtt]                          # sensor readings over MQTT
//! url = "mqtt://127.0.0.1:1883"   # external broker (Mosquitto …); "" = none (the default)
//! topic = "huoyan/sensors/{address}/readings"
//! client_id = "huoyan-monitor"
//! listen = "0.0.0.0:1883"         # embedded publish-only endpoint; "" = none (the default)
//! max_packet_bytes = 65536        # embedded endpoint: largest packet
//! max_connections = 4096
//! connect_timeout_secs = 10
//! tls_cert = "/etc/huoyan/mqtt-cert.pem" # embedded endpoint over TLS (with tls_key); "" = plain
//! tls_key = "/etc/huoyan/mqtt-key.pem"
//! ```
//!
//! Threshold rules for sensors: `<data>/thresholds.toml`, when present, is loaded at `serve`.
//!
//! Environment overrides: `HUOYAN_DATABASE_URL`, `HUOYAN_PG_SCHEMA`, `HUOYAN_MAX_CONNECTIONS`,
//! `HUOYAN_LISTEN`, `HUOYAN_MAX_BODY_BYTES`, `HUOYAN_MAX_UPLOAD_BYTES`, `HUOYAN_LOG_FORMAT`,
//! `HUOYAN_LOG_LEVEL`, `HUOYAN_WEB_DIR`, `HUOYAN_GATEWAY_LISTEN`, `HUOYAN_WEBHOOK_URL`,
//! `HUOYAN_MQTT_URL`, `HUOYAN_MQTT_LISTEN`.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use huoyan_server::ServerConfig;
use huoyan_store::StoreConfig;
use serde::{Deserialize, Serialize};

/// The whole configuration.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct Config {
    pub(crate) database: DatabaseConfig,
    pub(crate) server: ServerConfig,
    pub(crate) log: LogConfig,
    pub(crate) gateway: GatewaySettings,
    pub(crate) monitor: huoyan_monitor::MonitorConfig,
    pub(crate) mqtt: huoyan_mqtt::MqttConfig,
}

/// `[gateway]`: the GB/T 26875.3 gateway of `huoyan serve`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct GatewaySettings {
    /// Address for UITD connections; empty = no gateway.
    pub(crate) listen: String,
    /// `refuse` or `quarantine` frames of unregistered devices.
    pub(crate) unknown_devices: huoyan_gateway::UnknownDevicePolicy,
    pub(crate) max_connections: usize,
    pub(crate) offline_after_secs: u64,
    pub(crate) idle_timeout_secs: u64,
    pub(crate) patrol_interval_secs: u64,
    pub(crate) clock_sync_interval_secs: u64,
    /// Networks (CIDRs or addresses) UITD connections may come from; others are closed at
    /// accept. Empty (the default) = any source that can reach `listen`.
    pub(crate) allow: Vec<String>,
    /// Refuse UITDs registered without `allowed_sources` (default false).
    pub(crate) require_binding: bool,
    /// Frames per transaction at most (group commit; 确认 follows the commit). Unset: 2,048 on
    /// SQLite (its WAL writes whole pages: the fewer commits, the fewer times each device's index
    /// pages are written; +10–20 % against 256), 1,024 on PostgreSQL (+35–50 % against 256;
    /// docs/BENCHMARKS.md).
    pub(crate) batch_max: Option<usize>,
    /// How long the writer waits to fill a batch after its first frame, in milliseconds.
    pub(crate) batch_delay_ms: u64,
    /// Batches in flight at once (1–8): the next is gathered and queued while one commits. Unset:
    /// 1 on SQLite (one write lock: a second batch only waits, and the alarm engine's writes wait
    /// behind both — alarm p50 +50 % measured), 2 on PostgreSQL (+5–15 % frames/s, lower latency;
    /// docs/BENCHMARKS.md).
    pub(crate) writers: Option<usize>,
}

impl Default for GatewaySettings {
    fn default() -> Self {
        GatewaySettings {
            listen: "127.0.0.1:9026".into(),
            unknown_devices: huoyan_gateway::UnknownDevicePolicy::Refuse,
            max_connections: 20_000,
            offline_after_secs: 90,
            idle_timeout_secs: 120,
            patrol_interval_secs: 3600,
            clock_sync_interval_secs: 86_400,
            allow: Vec::new(),
            require_binding: false,
            batch_max: None,
            batch_delay_ms: 2,
            writers: None,
        }
    }
}

impl GatewaySettings {
    /// One line on who can reach the gateway listening `at` (GB/T 26875.3 has no authentication):
    /// loopback only, or exposed with or without an allow-list and required bindings
    /// (docs/SECURITY-gateway.md).
    pub(crate) fn exposure_note(&self, at: std::net::SocketAddr) -> String {
        if at.ip().is_loopback() {
            return "loopback only (协议无认证：对外开放请置于专用 APN/VPN 后，并设置 [gateway] allow 与装置来源地址绑定；docs/SECURITY-gateway.md)".into();
        }
        match (self.allow.is_empty(), self.require_binding) {
            (true, _) => {
                "WARNING 警告: reachable from any source, and GB/T 26875.3 has no authentication: set [gateway] \
                          allow and bind devices to their sources (docs/SECURITY-gateway.md)"
                    .into()
            }
            (false, false) => format!(
                "sources allowed: {}; devices without allowed_sources are accepted from any of them (require_binding = false)",
                self.allow.join(", ")
            ),
            (false, true) => {
                format!("sources allowed: {}; every UITD must have allowed_sources", self.allow.join(", "))
            }
        }
    }

    /// `allow` parsed (checked at [`Config::load`]).
    pub(crate) fn allow_list(&self) -> anyhow::Result<Vec<huoyan_gateway::SourceNet>> {
        self.allow.iter().map(|a| huoyan_gateway::SourceNet::parse(a).with_context(|| "gateway.allow")).collect()
    }

    /// The gateway library's settings (an `allow` entry that does not parse is an error, never
    /// dropped: dropping it could leave the list empty, which allows any source).
    pub(crate) fn gateway_config(
        &self,
        backend: huoyan_store::Backend,
    ) -> anyhow::Result<huoyan_gateway::GatewayConfig> {
        use std::time::Duration;
        Ok(huoyan_gateway::GatewayConfig {
            allow: self.allow_list()?,
            require_binding: self.require_binding,
            max_connections: self.max_connections,
            offline_after: Duration::from_secs(self.offline_after_secs),
            idle_timeout: Duration::from_secs(self.idle_timeout_secs),
            unknown_devices: self.unknown_devices,
            patrol_interval: Duration::from_secs(self.patrol_interval_secs),
            clock_sync_interval: Duration::from_secs(self.clock_sync_interval_secs),
            batch_max: self
                .batch_max
                .unwrap_or(match backend {
                    huoyan_store::Backend::Sqlite => 2048,
                    huoyan_store::Backend::Postgres => 1024,
                })
                .clamp(1, 10_000),
            batch_delay: Duration::from_millis(self.batch_delay_ms.min(1000)),
            writers: self
                .writers
                .unwrap_or(match backend {
                    huoyan_store::Backend::Sqlite => 1,
                    huoyan_store::Backend::Postgres => 2,
                })
                .clamp(1, 8),
            ..huoyan_gateway::GatewayConfig::default()
        })
    }
}

/// `[database]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct DatabaseConfig {
    pub(crate) url: Option<String>,
    pub(crate) pg_schema: Option<String>,
    pub(crate) max_connections: u32,
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        DatabaseConfig { url: None, pg_schema: None, max_connections: 8 }
    }
}

/// `[log]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct LogConfig {
    pub(crate) format: String,
    pub(crate) level: String,
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig { format: "text".into(), level: "info".into() }
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

fn env_num<T: std::str::FromStr>(name: &str) -> anyhow::Result<Option<T>> {
    match env(name) {
        None => Ok(None),
        Some(v) => v.parse().map(Some).map_err(|_| anyhow::anyhow!("{name}={v:?} is not a number")),
    }
}

impl Config {
    /// Reads the file (if any) and applies environment overrides.
    pub(crate) fn load(explicit: Option<&Path>, data_dir: &Path) -> anyhow::Result<Config> {
        let path: Option<PathBuf> = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => Some(data_dir.join("huoyan.toml")).filter(|p| p.exists()),
        };
        let mut cfg = match &path {
            Some(p) => {
                let text = std::fs::read_to_string(p)
                    .with_context(|| format!("cannot read the configuration file {}", p.display()))?;
                toml::from_str(&text).with_context(|| format!("configuration file {}", p.display()))?
            }
            None => Config::default(),
        };
        if let Some(v) = env("HUOYAN_DATABASE_URL") {
            cfg.database.url = Some(v);
        }
        if let Some(v) = env("HUOYAN_PG_SCHEMA") {
            cfg.database.pg_schema = Some(v);
        }
        if let Some(v) = env_num("HUOYAN_MAX_CONNECTIONS")? {
            cfg.database.max_connections = v;
        }
        if let Some(v) = env("HUOYAN_LISTEN") {
            cfg.server.listen = v;
        }
        if let Some(v) = env_num("HUOYAN_MAX_BODY_BYTES")? {
            cfg.server.max_body_bytes = v;
        }
        if let Some(v) = env_num("HUOYAN_MAX_UPLOAD_BYTES")? {
            cfg.server.max_upload_bytes = v;
        }
        if let Some(v) = env("HUOYAN_LOG_FORMAT") {
            cfg.log.format = v;
        }
        if let Some(v) = env("HUOYAN_LOG_LEVEL") {
            cfg.log.level = v;
        }
        if let Some(v) = env("HUOYAN_WEB_DIR") {
            cfg.server.web_dir = v;
        }
        if let Ok(v) = std::env::var("HUOYAN_GATEWAY_LISTEN") {
            cfg.gateway.listen = v;
        }
        if let Some(v) = env("HUOYAN_WEBHOOK_URL") {
            cfg.monitor.webhook_url = v;
        }
        if let Some(v) = env("HUOYAN_MQTT_URL") {
            cfg.mqtt.url = v;
        }
        if let Ok(v) = std::env::var("HUOYAN_MQTT_LISTEN") {
            cfg.mqtt.listen = v;
        }
        if !cfg.mqtt.url.is_empty() {
            cfg.mqtt.broker()?;
            cfg.mqtt.filter()?;
        }
        if !cfg.mqtt.listen.is_empty() {
            huoyan_mqtt::endpoint::Endpoint::new(&cfg.mqtt)?;
        }
        cfg.gateway.allow_list()?;
        if cfg.gateway.patrol_interval_secs > 7200 {
            bail!(
                "gateway.patrol_interval_secs = {}: the plans require a patrol at least every 2 h (≤ 7200)",
                cfg.gateway.patrol_interval_secs
            );
        }
        if !["text", "json"].contains(&cfg.log.format.as_str()) {
            bail!("log format {:?}: use text or json", cfg.log.format);
        }
        Ok(cfg)
    }

    /// The store settings: PostgreSQL when a URL is configured, else SQLite in the data directory.
    pub(crate) fn store_config(&self, data_dir: &Path) -> anyhow::Result<StoreConfig> {
        let url = match &self.database.url {
            Some(u) => u.clone(),
            None => {
                std::fs::create_dir_all(data_dir)
                    .with_context(|| format!("cannot create the data directory {}", data_dir.display()))?;
                format!("sqlite://{}?mode=rwc", data_dir.join("huoyan.db").display())
            }
        };
        Ok(StoreConfig {
            url,
            pg_schema: self.database.pg_schema.clone(),
            max_connections: self.database.max_connections,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_then_environment() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("huoyan.toml"),
            "[server]\nlisten = \"0.0.0.0:9000\"\n[database]\nmax_connections = 3\n",
        )
        .unwrap();
        let cfg = Config::load(None, dir.path()).unwrap();
        assert_eq!(cfg.server.listen, "0.0.0.0:9000");
        assert_eq!(cfg.database.max_connections, 3);
        assert!(cfg.store_config(dir.path()).unwrap().url.starts_with("sqlite://"));
        std::fs::write(dir.path().join("bad.toml"), "[server]\nlisten_on = 1\n").unwrap();
        let err = Config::load(Some(&dir.path().join("bad.toml")), dir.path()).unwrap_err();
        assert!(format!("{err:#}").contains("listen_on"), "{err:#}");
    }

    #[test]
    fn gateway_batches_default_per_backend_and_are_clamped() {
        use huoyan_store::Backend;
        let d = GatewaySettings::default();
        let (sqlite, pg) = (d.gateway_config(Backend::Sqlite).unwrap(), d.gateway_config(Backend::Postgres).unwrap());
        assert_eq!((sqlite.batch_max, pg.batch_max, sqlite.writers, pg.writers), (2048, 1024, 1, 2));
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("g.toml"), "[gateway]\nbatch_max = 50000\nwriters = 0\n").unwrap();
        let g = Config::load(Some(&dir.path().join("g.toml")), dir.path())
            .unwrap()
            .gateway
            .gateway_config(Backend::Sqlite)
            .unwrap();
        assert_eq!((g.batch_max, g.writers), (10_000, 1));
        std::fs::write(dir.path().join("g.toml"), "[gateway]\nwriters = 99\n").unwrap();
        let g = Config::load(Some(&dir.path().join("g.toml")), dir.path())
            .unwrap()
            .gateway
            .gateway_config(Backend::Sqlite)
            .unwrap();
        assert_eq!(g.writers, 8);
    }

    #[test]
    fn gateway_listens_on_loopback_unless_told_and_checks_its_allow_list() {
        use huoyan_store::Backend;
        let dir = tempfile::tempdir().unwrap();
        let d = Config::load(None, dir.path()).unwrap().gateway;
        assert_eq!(d.listen, "127.0.0.1:9026", "the unauthenticated protocol is not exposed by default");
        let g = d.gateway_config(Backend::Sqlite).unwrap();
        assert!(g.allow.is_empty() && !g.require_binding);
        let note = |at: &str, s: &GatewaySettings| s.exposure_note(at.parse().unwrap());
        assert!(note("127.0.0.1:9026", &d).starts_with("loopback only"));
        assert!(note("0.0.0.0:9026", &d).starts_with("WARNING"), "exposed without an allow-list is called out");
        std::fs::write(
            dir.path().join("a.toml"),
            "[gateway]\nallow = [\"10.8.0.0/16\", \"192.0.2.7\", \"fd00::/8\"]\nrequire_binding = true\n",
        )
        .unwrap();
        let g = Config::load(Some(&dir.path().join("a.toml")), dir.path())
            .unwrap()
            .gateway
            .gateway_config(Backend::Sqlite)
            .unwrap();
        let allow: Vec<String> = g.allow.iter().map(ToString::to_string).collect();
        assert_eq!(allow, ["10.8.0.0/16", "192.0.2.7/32", "fd00::/8"]);
        assert!(g.require_binding);
        let a = Config::load(Some(&dir.path().join("a.toml")), dir.path()).unwrap().gateway;
        assert!(note("10.8.0.1:9026", &a).contains("every UITD must have allowed_sources"));
        for bad in ["10.8.0.1/16", "10.8.0.0/33", "example.org"] {
            std::fs::write(dir.path().join("b.toml"), format!("[gateway]\nallow = [\"{bad}\"]\n")).unwrap();
            let err = Config::load(Some(&dir.path().join("b.toml")), dir.path()).unwrap_err();
            assert!(format!("{err:#}").contains("gateway.allow") && format!("{err:#}").contains(bad), "{err:#}");
        }
    }

    #[test]
    fn mqtt_settings_are_checked_at_load() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("ok.toml"),
            "[mqtt]\nurl = \"mqtt://127.0.0.1:1883\"\ntopic = \"site/{address}/up\"\n",
        )
        .unwrap();
        let cfg = Config::load(Some(&dir.path().join("ok.toml")), dir.path()).unwrap();
        assert_eq!(cfg.mqtt.filter().unwrap(), "site/+/up");
        std::fs::write(dir.path().join("bad.toml"), "[mqtt]\nurl = \"mqtt://127.0.0.1:1883\"\ntopic = \"site/+/up\"\n")
            .unwrap();
        let err = Config::load(Some(&dir.path().join("bad.toml")), dir.path()).unwrap_err();
        assert!(format!("{err:#}").contains("{address}"), "{err:#}");
        assert!(Config::load(None, dir.path()).unwrap().mqtt.url.is_empty(), "no MQTT unless configured");
        assert!(Config::load(None, dir.path()).unwrap().mqtt.listen.is_empty(), "no embedded endpoint either");
        std::fs::write(
            dir.path().join("listen.toml"),
            "[mqtt]\nlisten = \"127.0.0.1:1883\"\nmax_packet_bytes = 4096\n",
        )
        .unwrap();
        let cfg = Config::load(Some(&dir.path().join("listen.toml")), dir.path()).unwrap();
        assert_eq!(
            (cfg.mqtt.listen.as_str(), cfg.mqtt.max_packet_bytes, cfg.mqtt.url.as_str()),
            ("127.0.0.1:1883", 4096, "")
        );
        std::fs::write(dir.path().join("limit.toml"), "[mqtt]\nlisten = \"127.0.0.1:1883\"\nmax_connections = 0\n")
            .unwrap();
        let err = Config::load(Some(&dir.path().join("limit.toml")), dir.path()).unwrap_err();
        assert!(format!("{err:#}").contains("max_connections"), "{err:#}");
    }
}
