//! `huoyan sensor add | list | token | rules …`: IoT sensors (物联网传感器) in the device registry
//! and the threshold rules they are judged by.

use huoyan_monitor::store::Monitoring;
use std::path::PathBuf;

use huoyan_domain::account::Principal;
use huoyan_monitor::store::sensors::{MEASUREMENTS, NewSensor};
use huoyan_monitor::thresholds::{SHIPPED, ThresholdRules};
use huoyan_store::Scope;

use crate::Cli;
use crate::config::Config;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Cmd {
    /// Register a sensor; prints its ingestion token once.
    Add {
        /// Address (4–64 of a-z 0-9 - _), e.g. the IMEI.
        #[arg(long)]
        address: String,
        /// Display name, e.g. "H-12 号消火栓水压".
        #[arg(long)]
        name: String,
        /// Measurement: hydrant_pressure, sprinkler_pressure, tank_level, residual_current,
        /// cable_temperature, gas_lel, smoke.
        #[arg(long)]
        measurement: String,
        /// Jurisdiction node id.
        #[arg(long)]
        jurisdiction: i64,
        /// The monitored unit.
        #[arg(long)]
        unit: Option<i64>,
        /// The building it is in.
        #[arg(long)]
        building: Option<i64>,
        /// The water source it watches (required for hydrant_pressure).
        #[arg(long)]
        water_source: Option<i64>,
    },
    /// List the sensors with their last value.
    List,
    /// Replace a sensor's token (the old one stops working); prints the new token once.
    Token {
        /// The sensor's device id.
        id: i64,
    },
    /// Threshold rules: show the set in force, or load one (TOML).
    #[command(subcommand)]
    Rules(RulesCmd),
}

#[derive(Debug, clap::Subcommand)]
pub(crate) enum RulesCmd {
    /// Print the rules in force as TOML (edit and load back).
    Show,
    /// Check and load a rule set; in force for readings from now on.
    Load {
        /// The TOML file.
        file: PathBuf,
    },
}

pub(crate) async fn run(cli: &Cli, cfg: &Config, c: &Cmd) -> anyhow::Result<()> {
    let store = super::open(cli, cfg).await?;
    let sys = Principal::system();
    match c {
        Cmd::Add { address, name, measurement, jurisdiction, unit, building, water_source } => {
            let s = NewSensor {
                jurisdiction_id: *jurisdiction,
                unit_id: *unit,
                building_id: *building,
                water_source_id: *water_source,
                address: address.clone(),
                name: name.clone(),
                measurement: measurement.clone(),
            };
            let reg = Monitoring(&store).register_sensor(&sys, s).await?;
            println!("registered sensor {} (id {}, {})", reg.device.address, reg.device.id, measurement);
            println!(
                "token (shown once; send it as X-Huoyan-Device-Token, as \"token\" via an MQTT broker, or as the \
                 MQTT password with the address as user name on the embedded endpoint): {}",
                reg.token
            );
        }
        Cmd::List => {
            for d in
                Monitoring(&store).list_devices(&Scope::all(), None).await?.into_iter().filter(|d| d.kind == "sensor")
            {
                let m = d.measurement.as_deref().and_then(huoyan_monitor::store::sensors::measurement);
                let last = match (d.last_value, m) {
                    (Some(v), Some(m)) => format!("{v} {}", m.unit),
                    _ => "—".into(),
                };
                println!(
                    "{:>5} {:<24} {:<20} {:<10} {}",
                    d.id,
                    d.address,
                    d.measurement.unwrap_or_default(),
                    last,
                    d.name
                );
            }
        }
        Cmd::Token { id } => {
            let reg = Monitoring(&store).rotate_sensor_token(&sys, *id).await?;
            println!("new token for {} (shown once): {}", reg.device.address, reg.token);
        }
        Cmd::Rules(RulesCmd::Show) => match Monitoring(&store).threshold_rules().await? {
            Some(s) => print!("# loaded {} by {} ({})\n{}", s.loaded_at, s.loaded_by, s.origin, s.body),
            None => print!("{SHIPPED}"),
        },
        Cmd::Rules(RulesCmd::Load { file }) => {
            let text =
                std::fs::read_to_string(file).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
            let set = ThresholdRules::parse(&text)?;
            set.check_sensors(&store).await??;
            Monitoring(&store).load_threshold_rules(&sys, &format!("file:{}", file.display()), &text).await?;
            println!("loaded {} ({} rules); in force for readings from now on", set.id, set.rules.len());
            let codes: Vec<&str> = MEASUREMENTS
                .iter()
                .map(|m| m.code)
                .filter(|c| !set.rules.iter().any(|r| r.measurement == *c))
                .collect();
            if !codes.is_empty() {
                println!("note: no rule for {}: such readings raise no alarm", codes.join(", "));
            }
        }
    }
    Ok(())
}

/// Loads `<data>/thresholds.toml` when it exists and differs from the set in force (at `serve`).
pub(crate) async fn load_data_dir_rules(store: &huoyan_store::Store, data: &std::path::Path) -> anyhow::Result<()> {
    let path = data.join("thresholds.toml");
    let Ok(text) = std::fs::read_to_string(&path) else { return Ok(()) };
    let set = ThresholdRules::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    set.check_sensors(store).await?.map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    if Monitoring(store).threshold_rules().await?.is_some_and(|s| s.body == text) {
        return Ok(());
    }
    Monitoring(store).load_threshold_rules(&Principal::system(), &format!("file:{}", path.display()), &text).await?;
    tracing::info!(file = %path.display(), "threshold rules loaded from the data directory");
    Ok(())
}
