//! The forces around a point: the stations and vehicles a caller can see, with their road travel
//! times from the road-network service (`huoyan-roads`), and the recommendation filled from them
//! for a plan target. Used by the intake ([`crate::intake`]) and by the incident screen's routes;
//! no HTTP here.

use std::sync::Arc;

use huoyan_domain::{Record, Station, Vehicle};
use huoyan_roads::RoadNetwork;
use huoyan_store::{ListQuery, Result, Scope, Store};

use crate::rules::{AlertRules, Candidate, Force, PlanSet, Recommendation, Target};

/// Every record of a kind visible in `scope`.
pub async fn all<R: Record>(store: &Store, scope: &Scope, mut q: ListQuery) -> Result<Vec<R>> {
    let mut out: Vec<R> = Vec::new();
    loop {
        q.limit = Some(huoyan_store::query::MAX_PAGE);
        q.offset = Some(out.len() as i64);
        let page = store.list::<R>(scope, &q).await?;
        let n = page.items.len();
        out.extend(page.items);
        if n == 0 || out.len() as i64 >= page.total {
            return Ok(out);
        }
    }
}

/// The forces and vehicles of a scope, with their travel times to a point.
pub struct Situation {
    /// Stations visible to the caller.
    pub stations: Vec<Station>,
    /// Their vehicles.
    pub vehicles: Vec<Vehicle>,
    /// Travel time of each station to the point (same order), seconds.
    pub etas: Vec<Option<f64>>,
    /// The road graph, when there is one.
    pub graph: Option<Arc<huoyan_geo::Router>>,
    /// Why travel times are missing, if they are: the point is off the network, or there is no graph.
    pub routing_problem: Option<String>,
    /// The same as a code: `off_network` or `no_road_graph`.
    pub routing_code: Option<&'static str>,
}

impl Situation {
    /// Reads the forces and computes travel times to `at` (never fails for routing reasons).
    pub async fn at(store: &Store, roads: &RoadNetwork, scope: &Scope, at: (f64, f64)) -> Result<Situation> {
        let stations: Vec<Station> = all(store, scope, ListQuery::default()).await?;
        let vehicles: Vec<Vehicle> = all(store, scope, ListQuery::default()).await?;
        let (graph, mut problem) = match roads.graph(store).await {
            Ok(g) => (Some(g), None),
            Err(e) => (None, Some(("no_road_graph", format!("没有可用路网 (no road graph: {e})")))),
        };
        let mut etas = vec![None; stations.len()];
        if let Some(g) = &graph {
            let pts: Vec<(f64, f64)> = stations.iter().map(|s| (s.lon, s.lat)).collect();
            match g.travel_times_to(at, &pts) {
                Ok(t) => etas = t,
                Err(e) => problem = Some(("off_network", format!("警情地点不在路网上 ({e})"))),
            }
        }
        let (routing_code, routing_problem) = problem.unzip();
        Ok(Situation { stations, vehicles, etas, graph, routing_problem, routing_code })
    }

    /// Whether any station of the list can reach the point.
    pub fn any_reachable(&self) -> bool {
        self.etas.iter().zip(&self.stations).any(|(t, s)| t.is_some() && s.kind != huoyan_domain::StationKind::Micro)
    }

    /// Travel time of a station.
    pub fn eta_of(&self, station_id: i64) -> Option<f64> {
        self.stations.iter().position(|s| s.id == station_id).and_then(|i| self.etas[i])
    }

    /// Road seconds and metres from a station to the point.
    pub fn route_from(&self, station_id: i64, to: (f64, f64)) -> Option<huoyan_geo::Route> {
        let s = self.stations.iter().find(|s| s.id == station_id)?;
        self.graph.as_ref()?.route((s.lon, s.lat), to).ok()
    }
}

/// Fills the plan for a target from the situation; `None` when the plan set has no plan for the
/// target (a set without a catch-all for the category).
pub fn fill(plans: &PlanSet, t: &Target, sit: &Situation, unit_id: Option<i64>) -> Option<Recommendation> {
    let plan = plans.select(t)?;
    let forces: Vec<Force> = sit
        .stations
        .iter()
        .zip(&sit.etas)
        .map(|(s, t)| Force {
            station_id: s.id,
            name: s.name.clone(),
            kind: s.kind,
            status: s.status,
            unit_id: s.unit_id,
            eta_s: *t,
        })
        .collect();
    let cands: Vec<Candidate> = sit
        .vehicles
        .iter()
        .map(|v| Candidate {
            vehicle_id: v.id,
            station_id: v.station_id,
            name: v.name.clone(),
            family: v.family,
            vehicle_type: v.vehicle_type.clone(),
            status: v.status,
        })
        .collect();
    let mut r = crate::rules::recommend(plan, &forces, &cands, unit_id, &AlertRules::default());
    if let Some(p) = &sit.routing_problem {
        r.warnings.insert(0, format!("{p}；行车时间不可用 (travel times unavailable)"));
    }
    Some(r)
}
