//! The incidents module's storage: [`Incidents`], a view of the kernel's [`Store`](huoyan_store::Store) through which
//! every read and write of the module's tables goes (incidents, incident_events, dispatches,
//! preplans, preplan_attachments, dispatch_plan_sets). Each write checks the caller's scope,
//! appends to the audit log and commits in one transaction, like the kernel's own records.

pub mod dispatch;
pub mod incidents;
pub mod plansets;
pub mod preplans;
pub mod summary;
pub mod timeline;

use huoyan_store::migrate::{Migration, Reference, Schema};

huoyan_store::module_view! {
    /// The incidents module's view of the store: `Incidents(&store).create_incident(..)`. It derefs
    /// to the [`Store`](huoyan_store::Store) for the kernel's functions (scope, audit, base registers).
    Incidents
}

/// The incidents module's tables (incidents, incident_events, dispatches, preplans,
/// preplan_attachments, dispatch_plan_sets): its migrations, the same versions on both backends
/// (`migrations/<backend>/` of this crate).
pub const SCHEMA: Schema = Schema {
    module: "incidents",
    migrations: &[
        Migration {
            version: 1,
            name: "incidents",
            sqlite: include_str!("../../migrations/sqlite/0001_incidents.sql"),
            postgres: include_str!("../../migrations/postgres/0001_incidents.sql"),
        },
        Migration {
            version: 2,
            name: "intake_questions",
            sqlite: include_str!("../../migrations/sqlite/0002_intake_questions.sql"),
            postgres: include_str!("../../migrations/postgres/0002_intake_questions.sql"),
        },
    ],
    references: &[
        Reference { table: "incidents", column: "jurisdiction_id", to: "jurisdictions" },
        Reference { table: "incidents", column: "unit_id", to: "units" },
        Reference { table: "preplans", column: "jurisdiction_id", to: "jurisdictions" },
        Reference { table: "preplans", column: "unit_id", to: "units" },
        Reference { table: "dispatches", column: "jurisdiction_id", to: "jurisdictions" },
        Reference { table: "dispatches", column: "station_id", to: "stations" },
        Reference { table: "dispatches", column: "vehicle_id", to: "vehicles" },
    ],
};
