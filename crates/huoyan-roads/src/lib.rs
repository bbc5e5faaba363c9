//! The road-network service ([`RoadNetwork`]): owns the fire-engine road graph of a deployment —
//! built from the store's roads with the fire-engine [`Profile`], cached, and rebuilt when the
//! roads change (a new import, an edited road, a closure: a road whose `access` is `no`). Every
//! module that needs travel times by road asks it for the current graph: dispatch and the incident
//! intake today; water coverage, isochrones and station siting next.
//!
//! The graph algorithms themselves are in `huoyan-geo` (no I/O); this crate only reads the roads
//! and keeps the built [`huoyan_geo::Router`]. Not here: HTTP (the `/route` and `/eta` endpoints
//! call [`RoadNetwork::graph`]).

use std::sync::Arc;
use std::time::Instant;

use huoyan_domain::Road;
use huoyan_geo::{Profile, Router};
use huoyan_store::{ListQuery, Scope, Store, StoreError};
use tokio::sync::Mutex;

/// Why there is no graph to answer with.
#[derive(Debug, thiserror::Error)]
pub enum RoadError {
    /// The roads could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The stored roads make no graph (none, or none a fire engine may use).
    #[error("no road graph: {0}")]
    NoGraph(String),
    /// The build task failed (a defect).
    #[error("building the road graph failed: {0}")]
    Build(String),
}

/// The road graph of the stored roads, built on first use and rebuilt when they change. Cheap
/// to share (`Arc`); concurrent callers during a build wait for the same build.
pub struct RoadNetwork {
    profile: Profile,
    built: Mutex<Option<(String, Arc<Router>)>>,
}

impl Default for RoadNetwork {
    fn default() -> Self {
        RoadNetwork::new(Profile::default())
    }
}

impl RoadNetwork {
    /// A service building its graphs with `profile`.
    pub fn new(profile: Profile) -> RoadNetwork {
        RoadNetwork { profile, built: Mutex::new(None) }
    }

    /// The graph of the current roads, rebuilding it when they changed since the last build
    /// (the store's roads version: count, newest change, highest id).
    pub async fn graph(&self, store: &Store) -> Result<Arc<Router>, RoadError> {
        let version = store.roads_version().await?;
        let mut built = self.built.lock().await;
        if let Some((v, r)) = built.as_ref()
            && *v == version
        {
            return Ok(r.clone());
        }
        let roads = all_roads(store).await?;
        let profile = self.profile.clone();
        let router = tokio::task::spawn_blocking(move || Router::new(&roads, &profile))
            .await
            .map_err(|e| RoadError::Build(e.to_string()))?
            .map_err(|e| RoadError::NoGraph(e.to_string()))?;
        let router = Arc::new(router);
        *built = Some((version, router.clone()));
        Ok(router)
    }

    /// Builds the graph in the background, so that the first intake or route after a start does
    /// not wait for it (reading every road and contracting takes about a second on a county;
    /// requests meanwhile wait for the same build). Failures are logged: requests answer them.
    pub fn warm_up(self: &Arc<Self>, store: Store) {
        let me = self.clone();
        tokio::spawn(async move {
            let t = Instant::now();
            match me.graph(&store).await {
                Ok(g) => tracing::info!(
                    nodes = g.graph().num_nodes(),
                    ms = t.elapsed().as_millis() as u64,
                    "road graph built"
                ),
                Err(e) => tracing::info!(error = ?e, "no road graph yet"),
            }
        });
    }
}

/// Every stored road, page by page.
async fn all_roads(store: &Store) -> Result<Vec<Road>, StoreError> {
    let mut roads: Vec<Road> = Vec::new();
    loop {
        let q = ListQuery {
            limit: Some(huoyan_store::query::MAX_PAGE),
            offset: Some(roads.len() as i64),
            ..Default::default()
        };
        let page = store.list::<Road>(&Scope::all(), &q).await?;
        if page.items.is_empty() {
            return Ok(roads);
        }
        roads.extend(page.items);
    }
}
