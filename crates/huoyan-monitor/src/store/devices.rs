//! Changes to a registered device after registration: its name and the source addresses its
//! connections must come from (`allowed_sources`, [`crate::sources`]), and the gateway's record
//! of the connections it refused for the device (count, last time, source and reason).
//!
//! The binding is the gateway's answer to GB/T 26875.3 having no authentication
//! (docs/SECURITY-gateway.md); the protocol, the frames and their storage are in
//! [`crate::store::frames`].

use huoyan_domain::account::Principal;
use huoyan_store::audit::{self, AuditEntry};
use huoyan_store::{Result, StoreError, check_in_scope};

use crate::sources::SourceNet;
use crate::store::Monitoring;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::store::frames::{DEVICE_COLS, Device, device_from_row, normalize_address};

/// What to change on a device; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct DeviceChange {
    /// Display name.
    pub name: Option<String>,
    /// The allowed sources (checked with [`crate::sources::check_list`]); `Some(vec![])` removes
    /// the binding. UITDs only.
    pub allowed_sources: Option<Vec<SourceNet>>,
}

impl Monitoring<'_> {
    /// Changes a device in the actor's subtree (audited with before and after). A device outside
    /// it is not found; allowed sources on a sensor are refused (`sources_uitd_only`).
    pub async fn update_device(&self, actor: &Principal, id: i64, change: DeviceChange) -> Result<Device> {
        let name = match &change.name {
            Some(n) if n.trim().is_empty() => {
                return Err(StoreError::invalid("name", huoyan_domain::validate::code::REQUIRED, "must not be empty"));
            }
            Some(n) => Some(n.trim().to_string()),
            None => None,
        };
        let mut tx = self.begin_write().await?;
        let row = huoyan_store::dynq(format!("SELECT {DEVICE_COLS} FROM devices WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound { entity: "devices", id })?;
        let before = device_from_row(&row)?;
        let path = self.jurisdiction_path_tx(&mut tx, before.jurisdiction_id).await?;
        if check_in_scope(actor, &path).is_err() {
            return Err(StoreError::NotFound { entity: "devices", id });
        }
        if change.allowed_sources.as_ref().is_some_and(|s| !s.is_empty()) && before.kind != "uitd" {
            return Err(StoreError::invalid(
                "allowed_sources",
                crate::code::SOURCES_UITD_ONLY,
                "allowed sources bind a UITD's GB/T 26875.3 connections; a sensor authenticates with its token",
            ));
        }
        let sources = match &change.allowed_sources {
            Some(s) => sources_text(s),
            None => before.allowed_sources_text(),
        };
        let row = huoyan_store::dynq(format!(
            "UPDATE devices SET name = $1, allowed_sources = $2 WHERE id = $3 RETURNING {DEVICE_COLS}"
        ))
        .bind(name.unwrap_or_else(|| before.name.clone()))
        .bind(sources)
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        let after = device_from_row(&row)?;
        audit::append(
            &mut tx,
            self.backend(),
            actor,
            AuditEntry::new("update", "devices", Some(id), Some(after.jurisdiction_id)).before(&before).after(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Records `n` connections refused for the device with `address` (12 hex digits): adds them
    /// to its count and keeps the last time `at`, source `from` and `reason`. Returns whether a
    /// device was found. A hot writer (the gateway calls it; at most once a second per device).
    pub async fn record_refusal(&self, address: &str, n: i64, at: &str, from: &str, reason: &str) -> Result<bool> {
        let address = normalize_address(address)?;
        let q = huoyan_store::dynq(
            "UPDATE devices SET refused_count = refused_count + $1, last_refused_at = $2, last_refused_from = $3, \
             last_refused_reason = $4 WHERE address = $5",
        )
        .bind(n)
        .bind(at)
        .bind(from)
        .bind(reason)
        .bind(address);
        Ok(self.writer().await.execute(q).await?.rows_affected() > 0)
    }
}

impl Device {
    /// The allowed sources as stored (NULL when none).
    fn allowed_sources_text(&self) -> Option<String> {
        (!self.allowed_sources.is_empty()).then(|| serde_json::Value::from(self.allowed_sources.clone()).to_string())
    }
}

impl Device {
    /// A device's defaults for the columns of migration 7: no binding, no refusals.
    pub(crate) fn unbound() -> Device {
        Device {
            id: 0,
            jurisdiction_id: 0,
            unit_id: None,
            address: String::new(),
            name: String::new(),
            registered_at: String::new(),
            last_seen_at: None,
            online: false,
            kind: String::new(),
            measurement: None,
            building_id: None,
            water_source_id: None,
            last_value: None,
            allowed_sources: Vec::new(),
            refused_count: 0,
            last_refused_at: None,
            last_refused_from: None,
            last_refused_reason: None,
        }
    }

    /// Reads the binding and refusal columns when the row has them ([`DEVICE_COLS`]; a row of
    /// [`DEVICE_BASE_COLS`](crate::store::frames::DEVICE_BASE_COLS) keeps the defaults).
    pub(crate) fn with_sources_from(mut self, r: &AnyRow) -> Result<Device> {
        if r.len() > 13 {
            self.allowed_sources = sources_from_text(r.try_get(13)?);
            self.refused_count = r.try_get(14)?;
            self.last_refused_at = r.try_get(15)?;
            self.last_refused_from = r.try_get(16)?;
            self.last_refused_reason = r.try_get(17)?;
        }
        Ok(self)
    }
}

/// Allowed sources as stored: a JSON array of `address/prefix`, NULL when there are none.
pub fn sources_text(sources: &[SourceNet]) -> Option<String> {
    (!sources.is_empty())
        .then(|| serde_json::Value::from(sources.iter().map(ToString::to_string).collect::<Vec<_>>()).to_string())
}

/// `devices.allowed_sources` (a JSON array, or NULL) as a list. Text that is not such an array
/// (never written by Huoyan) is kept as one entry, which no parser accepts: the gateway then
/// refuses the device's connections rather than treating it as unbound.
pub(crate) fn sources_from_text(text: Option<String>) -> Vec<String> {
    match text {
        None => Vec::new(),
        Some(t) => serde_json::from_str(&t).unwrap_or_else(|_| vec![t]),
    }
}
