//! Road graph and travel times for fire engines. No I/O: callers hand in [`huoyan_domain::Road`]
//! records (from the store or `huoyan-import`) and get answers back.
//!
//! The work is split into stages, OSRM style, each a function taking a configuration and returning
//! an explicit artifact:
//!
//! 1. [`Profile`] (`profile.rs`): fire-engine speeds per road class, speed-limit cap, access and
//!    one-way rules, intersection penalty; TOML-loadable.
//! 2. [`build_graph`] (`graph.rs`): roads → [`RoadGraph`], a directed graph in CSR arrays with
//!    integer millisecond weights, its strongly connected components and a [`BuildReport`].
//! 3. [`Snapper`] (`snap.rs`): any WGS84 point → the nearest routable edge, with the edge cost split
//!    proportionally.
//! 4. [`Router`] (`route.rs`): point-to-point travel time, metres and path (contraction hierarchies
//!    via `fast_paths`), and many-to-one "every force → incident" travel times (Dijkstra).
//! 5. [`Overrides`] (`closures.rs`): road closures and speed overrides applied while running.
//!
//! It does not geocode, read files, talk to the database or pick which force to send.
//! Errors are [`BuildError`] and [`RouteError`]; "no path" is `None` / [`RouteError::Unreachable`],
//! never a panic.

#![warn(missing_docs)]

mod closures;
mod dijkstra;
mod error;
mod geom;
mod graph;
mod profile;
mod route;
mod scc;
mod snap;

pub use closures::Overrides;
pub use dijkstra::{NodeCost, dijkstra};
pub use error::{BuildError, ProfileError, RouteError};
pub use graph::{BuildReport, Edge, NodeId, Piece, RoadGraph, TOPOLOGY_TOLERANCE_M, build_graph};
pub use profile::{ClassSpeeds, Profile};
pub use route::{Route, Router, fastest_first};
pub use snap::{Snapped, Snapper};
