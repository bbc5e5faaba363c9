//! The monitoring module's storage: [`Monitoring`], a view of the kernel's [`Store`](huoyan_store::Store) through which
//! every read and write of the module's tables goes — devices (UITDs and sensors), the append-only
//! frame log (`alarm_frames`), sensor readings, alarms, threshold rule sets — and the KPIs over
//! them. The hot writers (frames, signals, readings, handling) take the kernel's write turn
//! ([`Store::writer`](huoyan_store::Store::writer)).

pub mod alarms;
pub mod cursor;
pub mod devices;
pub mod frame_reader;
pub mod frames;
pub mod handling;
pub mod kpis;
pub mod outbox;
pub mod sensors;

use huoyan_store::migrate::{Migration, Reference, Schema};

huoyan_store::module_view! {
    /// The monitoring module's view of the store: `Monitoring(&store).store_frames(..)`. It derefs to
    /// the [`Store`](huoyan_store::Store) for the kernel's functions (scope, audit, base registers).
    Monitoring
}

/// The monitoring module's tables (devices, alarm_frames, alarms, monitor_cursors,
/// sensor_readings, webhook_outbox, threshold_rule_sets): its migrations, the same versions on
/// both backends (`migrations/<backend>/` of this crate).
pub const SCHEMA: Schema = Schema {
    module: "monitoring",
    migrations: &[
        Migration {
            version: 1,
            name: "alarm_frames",
            sqlite: include_str!("../../migrations/sqlite/0001_alarm_frames.sql"),
            postgres: include_str!("../../migrations/postgres/0001_alarm_frames.sql"),
        },
        Migration {
            version: 2,
            name: "monitoring",
            sqlite: include_str!("../../migrations/sqlite/0002_monitoring.sql"),
            postgres: include_str!("../../migrations/postgres/0002_monitoring.sql"),
        },
        Migration {
            version: 3,
            name: "sensors",
            sqlite: include_str!("../../migrations/sqlite/0003_sensors.sql"),
            postgres: include_str!("../../migrations/postgres/0003_sensors.sql"),
        },
        Migration {
            version: 4,
            name: "frames_raw_only",
            sqlite: include_str!("../../migrations/sqlite/0004_frames_raw_only.sql"),
            postgres: include_str!("../../migrations/postgres/0004_frames_raw_only.sql"),
        },
        Migration {
            version: 5,
            name: "frames_dedup_key",
            sqlite: include_str!("../../migrations/sqlite/0005_frames_dedup_key.sql"),
            postgres: include_str!("../../migrations/postgres/0005_frames_dedup_key.sql"),
        },
        Migration {
            version: 6,
            name: "frames_hash128",
            sqlite: include_str!("../../migrations/sqlite/0006_frames_hash128.sql"),
            postgres: include_str!("../../migrations/postgres/0006_frames_hash128.sql"),
        },
        Migration {
            version: 7,
            name: "device_sources",
            sqlite: include_str!("../../migrations/sqlite/0007_device_sources.sql"),
            postgres: include_str!("../../migrations/postgres/0007_device_sources.sql"),
        },
    ],
    references: &[
        Reference { table: "devices", column: "jurisdiction_id", to: "jurisdictions" },
        Reference { table: "devices", column: "unit_id", to: "units" },
        Reference { table: "devices", column: "building_id", to: "buildings" },
        Reference { table: "devices", column: "water_source_id", to: "water_sources" },
        Reference { table: "alarms", column: "jurisdiction_id", to: "jurisdictions" },
        Reference { table: "alarms", column: "unit_id", to: "units" },
    ],
};
