//! The API's routes, one module per area; [`api_router`] merges them under `/api/v1`.

pub(crate) mod alarms;
pub(crate) mod auth;
pub(crate) mod dashboard;
pub(crate) mod dispatch;
pub(crate) mod files;
pub(crate) mod incidents;
pub(crate) mod jurisdictions;
pub(crate) mod live;
pub(crate) mod map;
pub(crate) mod misc;
pub(crate) mod preplans;
pub(crate) mod records;
pub(crate) mod routing;
pub(crate) mod sensors;
pub(crate) mod tiles;
pub(crate) mod users;

use axum::Router;
use huoyan_domain::*;

use crate::AppState;
use crate::error::{ApiError, ApiResult};

/// Every `/api/v1` route.
pub(crate) fn api_router() -> Router<AppState> {
    Router::new()
        .merge(misc::router())
        .merge(auth::router())
        .merge(jurisdictions::router())
        .merge(users::router())
        .merge(map::router())
        .merge(tiles::api_router())
        .merge(dashboard::router())
        .merge(routing::router())
        .merge(live::router())
        .merge(alarms::router())
        .merge(sensors::router())
        .merge(incidents::router())
        .merge(dispatch::router())
        .merge(preplans::router())
        .merge(records::router::<Road>())
        .merge(records::router::<Building>())
        .merge(records::router::<Station>())
        .merge(records::router::<Vehicle>())
        .merge(records::router::<Person>())
        .merge(records::router::<WaterSource>())
        .merge(records::router::<Unit>())
}

/// Parses a path id.
pub(crate) fn parse_id(s: &str) -> ApiResult<i64> {
    match s.parse::<i64>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err(ApiError::BadRequest(format!("{s:?} is not a record id (a positive integer)"))),
    }
}

/// The access-control resource for a record kind.
pub(crate) fn resource_of(kind: EntityKind) -> access::Resource {
    use access::Resource as R;
    match kind {
        EntityKind::Road => R::Road,
        EntityKind::Building => R::Building,
        EntityKind::Station => R::Station,
        EntityKind::Vehicle => R::Vehicle,
        EntityKind::Person => R::Person,
        EntityKind::WaterSource => R::WaterSource,
        EntityKind::Unit => R::Unit,
    }
}
