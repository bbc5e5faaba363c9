//! The incidents module (接处警与调度): everything from a 119 call or a confirmed fire alarm to the
//! last vehicle back at its station, in one crate:
//!
//! - [`rules`] (pure, no I/O): dispatch plans as data and their selection, the recommendation of
//!   forces in road travel-time order with the 1–3–5 minute alerts, the timeline's stages and
//!   checks, the pre-plan document and its completeness;
//! - [`store`]: the module's tables (incidents, their append-only timeline, dispatches, pre-plans
//!   with attachments, loaded plan sets) behind [`store::Incidents`], a view of the kernel's
//!   [`huoyan_store::Store`];
//! - [`intake`]: the intake (接警) as a service — place, checks (each rule in one place, listed
//!   there), recommendation, write — which `POST /incidents` calls;
//! - [`situation`]: the forces around a point with their road travel times, and the
//!   recommendation filled from them;
//! - [`routes`]: `router()` and the OpenAPI of `/incidents`, `/dispatch-plans`,
//!   `/vehicles/{id}/status`, `/preplans` and `/preplan-attachments`.
//!
//! It meets other modules only through their public functions: the monitoring module for an
//! incident taken in from a confirmed alarm, the road-network service (`huoyan-roads`) for travel
//! times, the kernel for base registers (units, stations, vehicles, water sources).

pub mod intake;
pub mod routes;
pub mod rules;
pub mod situation;
pub mod store;

pub use store::{Incidents, SCHEMA};
