//! IoT sensors (物联网传感器) in the device registry, beside UITDs: what each one measures, where it
//! is (jurisdiction, unit, building and, for a hydrant pressure sensor, the water source it
//! watches), its ingestion token, and its readings.
//!
//! - A sensor is a `devices` row of kind `sensor` with a [`Measurement`]. Its address is 4–64
//!   characters of `a-z 0-9 - _` (an IMEI, a serial number …), usable in an MQTT topic.
//! - Its ingestion token is 32 random bytes shown once at registration (or rotation); only the
//!   SHA-256 hash is stored, like session tokens.
//! - Readings are append-only (the database refuses UPDATE and DELETE) and stored once per
//!   (sensor, metric, time), so a re-sent message is recognised. [`Monitoring::store_readings`](crate::store::Monitoring::store_readings) commits
//!   before the caller answers the device; the alarm engine then reads them in id order from its
//!   cursor (`readings`) and files threshold signals, like frames.
//! - Threshold rule sets (TOML text, parsed and checked by the monitor crate) are kept as loaded,
//!   newest in force.

use huoyan_domain::account::Principal;
use huoyan_domain::validate::{code as kernel, unknown_reference};
use huoyan_domain::{FieldError, WaterSource};
use rand::RngCore;
use serde::Serialize;
use sqlx::Row;

use crate::store::Monitoring;
use crate::store::frames::{DEVICE_BASE_COLS, DEVICE_COLS, Device, StoredOutcome, device_from_row};
use huoyan_store::audit::{self, AuditEntry};
use huoyan_store::query::Scope;
use huoyan_store::{Result, StoreError, check_in_scope, now};

/// What a sensor measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Measurement {
    /// Code.
    pub code: &'static str,
    /// 中文.
    pub zh: &'static str,
    /// The unit every reading is given in.
    pub unit: &'static str,
    /// Whether the sensor must name the water source it watches (`water_source_id`).
    pub needs_water_source: bool,
}

/// The measurement types (the monitoring items of the 智慧消防 guidance: water pressure and level,
/// electrical fire, combustible gas, networked smoke detectors).
pub const MEASUREMENTS: &[Measurement] = &[
    Measurement { code: "hydrant_pressure", zh: "市政消火栓水压", unit: "MPa", needs_water_source: true },
    Measurement { code: "sprinkler_pressure", zh: "喷淋管网水压", unit: "MPa", needs_water_source: false },
    Measurement { code: "tank_level", zh: "消防水池/水箱液位", unit: "m", needs_water_source: false },
    Measurement { code: "residual_current", zh: "电气火灾剩余电流", unit: "mA", needs_water_source: false },
    Measurement { code: "cable_temperature", zh: "电气火灾线缆温度", unit: "°C", needs_water_source: false },
    Measurement { code: "gas_lel", zh: "可燃气体浓度", unit: "%LEL", needs_water_source: false },
    Measurement { code: "smoke", zh: "独立式感烟探测器（联网）", unit: "state", needs_water_source: false },
];

/// The measurement with `code`.
pub fn measurement(code: &str) -> Option<&'static Measurement> {
    MEASUREMENTS.iter().find(|m| m.code == code)
}

/// Normalises a sensor address: 4–64 characters of `a-z 0-9 - _`, lower-case.
pub fn normalize_sensor_address(address: &str) -> Result<String> {
    let a = address.trim().to_ascii_lowercase();
    if !(4..=64).contains(&a.len()) || !a.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Err(StoreError::invalid(
            "address",
            crate::code::BAD_SENSOR_ADDRESS,
            "a sensor address is 4–64 characters of a-z, 0-9, - and _",
        ));
    }
    Ok(a)
}

/// A sensor to register.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSensor {
    /// Jurisdiction node.
    pub jurisdiction_id: i64,
    /// The monitored unit.
    #[serde(default)]
    pub unit_id: Option<i64>,
    /// The building it is in.
    #[serde(default)]
    pub building_id: Option<i64>,
    /// The water source it watches (required for `hydrant_pressure`).
    #[serde(default)]
    pub water_source_id: Option<i64>,
    /// Address (4–64 of a-z 0-9 - _).
    pub address: String,
    /// Display name.
    pub name: String,
    /// A [`MEASUREMENTS`] code.
    pub measurement: String,
}

/// A registered sensor and its ingestion token (shown this once).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SensorRegistration {
    /// The device row.
    pub device: Device,
    /// Send it as `X-Huoyan-Device-Token` (HTTP) or `token` in the payload (MQTT). Only its hash
    /// is kept: a lost token is replaced, not recovered.
    pub token: String,
}

/// One reading to store (checked by the caller: finite value in the measurement's unit, a
/// plausible time).
#[derive(Debug, Clone, PartialEq)]
pub struct NewReading {
    /// When measured (UTC RFC 3339, milliseconds).
    pub at: String,
    /// A [`MEASUREMENTS`] code.
    pub metric: String,
    /// The value.
    pub value: f64,
    /// Its unit.
    pub unit: String,
}

/// A stored reading.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Reading {
    /// Row id.
    pub id: i64,
    /// The sensor.
    pub device_id: i64,
    /// Its address.
    pub device_address: String,
    /// When measured.
    pub at: String,
    /// When stored.
    pub received_at: String,
    /// Measurement code.
    pub metric: String,
    /// Value.
    pub value: f64,
    /// Unit.
    pub unit: String,
}

/// A loaded threshold rule set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredRuleSet {
    /// Row id (increases with each load).
    pub id: i64,
    /// When loaded.
    pub loaded_at: String,
    /// By whom.
    pub loaded_by: String,
    /// Where it came from (`api`, `file:<path>`).
    pub origin: String,
    /// The TOML text.
    pub body: String,
}

fn new_token() -> (String, String) {
    let mut raw = [0u8; 32];
    rand::rng().fill_bytes(&mut raw);
    let token = hex::encode(raw);
    let hash = huoyan_store::accounts::token_hash(&token);
    (token, hash)
}

const READING_COLS: &str = "r.id, r.device_id, d.address, r.at, r.received_at, r.metric, r.value, r.unit";

fn reading_from_row(r: &sqlx::any::AnyRow) -> Result<Reading> {
    Ok(Reading {
        id: r.try_get(0)?,
        device_id: r.try_get(1)?,
        device_address: r.try_get(2)?,
        at: r.try_get(3)?,
        received_at: r.try_get(4)?,
        metric: r.try_get(5)?,
        value: r.try_get(6)?,
        unit: r.try_get(7)?,
    })
}

impl Monitoring<'_> {
    /// Refuses (as invalid `field`) an id of a record that does not exist in the actor's scope.
    pub async fn check_reference<R: huoyan_domain::Record>(
        &self,
        actor: &Principal,
        field: &str,
        id: Option<i64>,
    ) -> Result<()> {
        let Some(id) = id else { return Ok(()) };
        match self.get::<R>(&Scope::from(actor), id).await {
            Ok(_) => Ok(()),
            Err(StoreError::NotFound { .. }) => {
                Err(unknown_reference(field, R::KIND.table(), id, format!("no record {id} in your jurisdiction"))
                    .into())
            }
            Err(e) => Err(e),
        }
    }

    /// Registers a sensor in the actor's subtree (audited, without the token). A second device
    /// with the same address is a conflict.
    pub async fn register_sensor(&self, actor: &Principal, s: NewSensor) -> Result<SensorRegistration> {
        let address = normalize_sensor_address(&s.address)?;
        let Some(m) = measurement(&s.measurement) else {
            let codes: Vec<&str> = MEASUREMENTS.iter().map(|m| m.code).collect();
            let e =
                FieldError::new("measurement", kernel::UNKNOWN_VALUE, format!("must be one of {}", codes.join(", ")));
            return Err(e.with("value", s.measurement.as_str()).with("allowed", codes).into());
        };
        if s.name.trim().is_empty() {
            return Err(StoreError::invalid("name", kernel::REQUIRED, "1–200 characters"));
        }
        if s.name.chars().count() > 200 {
            return Err(FieldError::new("name", kernel::TOO_LONG, "1–200 characters").with("max", 200).into());
        }
        if m.needs_water_source && s.water_source_id.is_none() {
            let reason = format!("a {} sensor ({}) names the hydrant it watches", m.code, m.zh);
            let e = FieldError::new("water_source_id", crate::code::WATER_SOURCE_REQUIRED, reason);
            return Err(e.with("measurement", m.code).into());
        }
        // Where first (403 outside the caller's jurisdiction), then what it refers to (422).
        let path = self.jurisdiction_path(s.jurisdiction_id).await.map_err(|e| match e {
            StoreError::NotFound { .. } => {
                let (id, reason) = (s.jurisdiction_id, format!("jurisdiction {} does not exist", s.jurisdiction_id));
                unknown_reference("jurisdiction_id", "jurisdictions", id, reason).into()
            }
            e => e,
        })?;
        check_in_scope(actor, &path)?;
        self.check_reference::<WaterSource>(actor, "water_source_id", s.water_source_id).await?;
        self.check_reference::<huoyan_domain::Building>(actor, "building_id", s.building_id).await?;
        self.check_reference::<huoyan_domain::Unit>(actor, "unit_id", s.unit_id).await?;
        let (token, hash) = new_token();
        let mut tx = self.begin_write().await?;
        crate::store::frames::address_is_free(&mut tx, &address).await?;
        let row = huoyan_store::dynq(format!(
            "INSERT INTO devices (jurisdiction_id, unit_id, address, name, registered_at, last_seen_at, online, kind, building_id, water_source_id, token_hash, measurement) \
             VALUES ($1, $2, $3, $4, $5, NULL, 0, 'sensor', $6, $7, $8, $9) RETURNING {DEVICE_BASE_COLS}"
        ))
        .bind(s.jurisdiction_id)
        .bind(s.unit_id)
        .bind(address.as_str())
        .bind(s.name.trim())
        .bind(now())
        .bind(s.building_id)
        .bind(s.water_source_id)
        .bind(hash.as_str())
        .bind(m.code)
        .fetch_one(&mut *tx)
        .await?;
        let device = self.finish_device_create(tx, actor, &row).await?;
        Ok(SensorRegistration { device, token })
    }

    /// Replaces a sensor's token (audited); the old one stops working at once.
    pub async fn rotate_sensor_token(&self, actor: &Principal, device_id: i64) -> Result<SensorRegistration> {
        let device = self
            .list_devices(&Scope::from(actor), None)
            .await?
            .into_iter()
            .find(|d| d.id == device_id && d.kind == "sensor");
        let Some(device) = device else { return Err(StoreError::NotFound { entity: "sensors", id: device_id }) };
        let (token, hash) = new_token();
        let mut tx = self.begin_write().await?;
        huoyan_store::dynq("UPDATE devices SET token_hash = $1 WHERE id = $2")
            .bind(hash.as_str())
            .bind(device_id)
            .execute(&mut *tx)
            .await?;
        audit::append(
            &mut tx,
            self.backend(),
            actor,
            AuditEntry::new("rotate_token", "devices", Some(device_id), Some(device.jurisdiction_id)),
        )
        .await?;
        tx.commit().await?;
        Ok(SensorRegistration { device, token })
    }

    /// The sensor with `address` (any case), if registered.
    pub async fn sensor_by_address(&self, address: &str) -> Result<Option<Device>> {
        self.device_where_address(&normalize_sensor_address(address)?, "AND kind = 'sensor'").await
    }

    /// The sensor with `address` if `token` is its ingestion token; `None` for an unknown
    /// address, a device that is not a sensor, or a wrong token (the caller cannot tell which).
    pub async fn authenticate_sensor(&self, address: &str, token: &str) -> Result<Option<Device>> {
        let Ok(address) = normalize_sensor_address(address) else { return Ok(None) };
        let row = huoyan_store::dynq(format!(
            "SELECT {DEVICE_COLS}, token_hash FROM devices WHERE address = $1 AND kind = 'sensor'"
        ))
        .bind(address)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let stored: Option<String> = row.try_get(DEVICE_COLS.split(',').count())?;
        let given = huoyan_store::accounts::token_hash(token.trim());
        // Both are hashes of equal length; comparing them leaks nothing about the token.
        Ok(if stored.as_deref() == Some(given.as_str()) { Some(device_from_row(&row)?) } else { None })
    }

    /// Stores a sensor's readings in one transaction (all or none); a reading already stored
    /// (same metric and time) is a [`StoredOutcome::Duplicate`]. Marks the sensor online with its
    /// last value.
    pub async fn store_readings(&self, device: &Device, readings: &[NewReading]) -> Result<Vec<StoredOutcome>> {
        if readings.is_empty() {
            return Ok(Vec::new());
        }
        let received = now();
        let mut turn = self.writer().await;
        let mut tx = turn.begin().await?;
        crate::store::cursor::append_lock(&mut tx, self.backend(), "sensor_readings").await?;
        let mut out = Vec::with_capacity(readings.len());
        let mut latest: Option<&NewReading> = None;
        for r in readings {
            if !r.value.is_finite() {
                return Err(FieldError::new("value", kernel::OUT_OF_RANGE, "must be a finite number")
                    .with("value", r.value)
                    .into());
            }
            let row = huoyan_store::dynq(
                "INSERT INTO sensor_readings (device_id, at, received_at, metric, value, unit) VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (device_id, metric, at) DO NOTHING RETURNING id",
            )
            .bind(device.id)
            .bind(r.at.as_str())
            .bind(received.as_str())
            .bind(r.metric.as_str())
            .bind(r.value)
            .bind(r.unit.as_str())
            .fetch_optional(&mut *tx)
            .await?;
            out.push(match row {
                Some(row) => StoredOutcome::New { id: row.try_get(0)? },
                None => {
                    let row = huoyan_store::dynq(
                        "SELECT id FROM sensor_readings WHERE device_id = $1 AND metric = $2 AND at = $3",
                    )
                    .bind(device.id)
                    .bind(r.metric.as_str())
                    .bind(r.at.as_str())
                    .fetch_one(&mut *tx)
                    .await?;
                    StoredOutcome::Duplicate { id: row.try_get(0)? }
                }
            });
            if device.measurement.as_deref() == Some(r.metric.as_str()) && latest.is_none_or(|l| r.at >= l.at) {
                latest = Some(r);
            }
        }
        let q = match latest {
            Some(l) => {
                huoyan_store::dynq("UPDATE devices SET online = 1, last_seen_at = $1, last_value = $2 WHERE id = $3")
                    .bind(received.clone())
                    .bind(l.value)
            }
            None => huoyan_store::dynq("UPDATE devices SET online = 1, last_seen_at = $1 WHERE id = $2")
                .bind(received.clone()),
        };
        q.bind(device.id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Online sensors whose last reading is before `before` (UTC RFC 3339): (address,
    /// measurement, last seen), the candidates for going offline.
    pub async fn silent_sensors(&self, before: &str) -> Result<Vec<(String, String, String)>> {
        let rows = huoyan_store::dynq(
            "SELECT address, measurement, last_seen_at FROM devices \
             WHERE kind = 'sensor' AND online = 1 AND last_seen_at < $1 ORDER BY address",
        )
        .bind(before)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get::<Option<String>, _>(1)?.unwrap_or_default(), r.try_get(2)?)))
            .collect()
    }

    /// Marks the sensor `address` offline if it is online and silent since before `before`;
    /// returns whether it was (a reading that arrived meanwhile keeps it online).
    pub async fn expire_sensor(&self, address: &str, before: &str) -> Result<bool> {
        let q = huoyan_store::dynq(
            "UPDATE devices SET online = 0 WHERE kind = 'sensor' AND address = $1 AND online = 1 AND last_seen_at < $2",
        )
        .bind(address)
        .bind(before);
        Ok(self.writer().await.execute(q).await?.rows_affected() > 0)
    }

    /// Readings after `after_id` in id order, at most `limit` (the engine's input).
    pub async fn readings_after(&self, after_id: i64, limit: i64) -> Result<Vec<Reading>> {
        let rows = huoyan_store::dynq(format!("SELECT {READING_COLS} FROM sensor_readings r JOIN devices d ON d.id = r.device_id WHERE r.id > $1 ORDER BY r.id LIMIT $2"))
            .bind(after_id)
            .bind(limit.max(1))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(reading_from_row).collect()
    }

    /// A sensor's most recent readings (newest first), at most `limit`; the sensor must be
    /// visible in `scope`.
    pub async fn recent_readings(&self, scope: &Scope, device_id: i64, limit: i64) -> Result<Vec<Reading>> {
        if !self.list_devices(scope, None).await?.iter().any(|d| d.id == device_id) {
            return Err(StoreError::NotFound { entity: "devices", id: device_id });
        }
        let rows = huoyan_store::dynq(format!("SELECT {READING_COLS} FROM sensor_readings r JOIN devices d ON d.id = r.device_id WHERE r.device_id = $1 ORDER BY r.id DESC LIMIT $2"))
            .bind(device_id)
            .bind(limit.clamp(1, 1000))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(reading_from_row).collect()
    }

    /// Readings stored, of one sensor or of all.
    pub async fn count_readings(&self, device_id: Option<i64>) -> Result<i64> {
        let row = match device_id {
            Some(id) => {
                huoyan_store::dynq("SELECT COUNT(*) FROM sensor_readings WHERE device_id = $1")
                    .bind(id)
                    .fetch_one(self.pool())
                    .await?
            }
            None => huoyan_store::dynq("SELECT COUNT(*) FROM sensor_readings").fetch_one(self.pool()).await?,
        };
        Ok(row.try_get(0)?)
    }

    /// Keeps a threshold rule set (already parsed and checked by the caller) as the one in force
    /// (audited).
    pub async fn load_threshold_rules(&self, actor: &Principal, origin: &str, body: &str) -> Result<StoredRuleSet> {
        let mut tx = self.begin_write().await?;
        let at = now();
        let row = huoyan_store::dynq(
            "INSERT INTO threshold_rule_sets (loaded_at, loaded_by, origin, body) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(at.as_str())
        .bind(actor.username.as_str())
        .bind(origin)
        .bind(body)
        .fetch_one(&mut *tx)
        .await?;
        let set = StoredRuleSet {
            id: row.try_get(0)?,
            loaded_at: at,
            loaded_by: actor.username.clone(),
            origin: origin.to_string(),
            body: body.to_string(),
        };
        audit::append(
            &mut tx,
            self.backend(),
            actor,
            AuditEntry::new("load", "threshold_rule_sets", Some(set.id), None)
                .after(&serde_json::json!({"origin": origin, "bytes": body.len()})),
        )
        .await?;
        tx.commit().await?;
        Ok(set)
    }

    /// The threshold rule set in force (the latest loaded), if any was loaded.
    pub async fn threshold_rules(&self) -> Result<Option<StoredRuleSet>> {
        let row = huoyan_store::dynq(
            "SELECT id, loaded_at, loaded_by, origin, body FROM threshold_rule_sets ORDER BY id DESC LIMIT 1",
        )
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| {
            Ok(StoredRuleSet {
                id: r.try_get(0)?,
                loaded_at: r.try_get(1)?,
                loaded_by: r.try_get(2)?,
                origin: r.try_get(3)?,
                body: r.try_get(4)?,
            })
        })
        .transpose()
    }
}
