//! Huoyan's platform base (平台基础): the HTTP routes every installation has whatever modules it
//! runs — the base registers (roads, buildings, stations, vehicles, personnel, water sources,
//! units: generic CRUD over `huoyan_store::records`), jurisdictions, accounts and sessions,
//! spreadsheet import/export, the map (features in a box, search, the base-map vector tiles and
//! their configuration), the home dashboard, road routing through [`huoyan_roads`], the live event
//! stream, health, statistics, the audit log and the unit-classification rule sets.
//!
//! It is built like a module (`routes::api_router` plus [`openapi::openapi`] declaring the same
//! operations) but owns no tables of its own: its storage is the kernel's (`huoyan-store`). The
//! composition (`huoyan-server`) merges it with the modules' routers.

pub mod openapi;
pub mod routes;
pub mod terms;

pub use routes::{api_router, tiles_router, upload_router};
