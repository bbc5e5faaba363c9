//! Path ids and list parameters, parsed once for every module: a bad value is a 400 that names
//! the parameter, never a 500 or a silent default.

use huoyan_domain::geometry::BBox;
use huoyan_domain::{EntityKind, access};
use huoyan_store::{ListQuery, SortKey};

use crate::error::{ApiError, ApiResult};

/// Parses a path id.
pub fn parse_id(s: &str) -> ApiResult<i64> {
    match s.parse::<i64>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err(ApiError::BadRequest(format!("{s:?} is not a record id (a positive integer)"))),
    }
}

/// The access-control resource for a record kind.
pub fn resource_of(kind: EntityKind) -> access::Resource {
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

/// The query parameters every list accepts (documented in the OpenAPI document).
pub const LIST_PARAMS: &[(&str, &str)] = &[
    ("q", "substring of the name or code, case-insensitive"),
    ("kind", "type codes, comma-separated (station kind, water kind, road class, use category …)"),
    ("status", "status codes, comma-separated"),
    ("class", "unit class code: key_unit, high_risk, nine_small, three_in_one (units)"),
    ("station_id", "the station of vehicles and personnel (alias parent_id)"),
    ("jurisdiction_id", "only this jurisdiction's subtree"),
    ("bbox", "minLon,minLat,maxLon,maxLat (WGS84)"),
    ("limit", "page size, 1–5000, default 50"),
    ("offset", "rows to skip, default 0"),
    ("sort", "id, -id, name or -updated_at"),
];

/// Parses list parameters; unknown parameters and bad values are 400s that name them.
pub fn parse_list_query(params: &[(String, String)]) -> ApiResult<ListQuery> {
    let mut q = ListQuery::default();
    let int = |k: &str, v: &str, min: i64, max: i64| -> ApiResult<i64> {
        match v.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::BadRequest(format!("query parameter {k}: {v:?} is not an integer in {min}..{max}"))),
        }
    };
    let list = |v: &str| v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect::<Vec<_>>();
    for (k, v) in params {
        match k.as_str() {
            "q" => q.q = Some(v.clone()),
            "kind" => q.kinds = list(v),
            "status" => q.statuses = list(v),
            "class" => q.class = Some(v.clone()),
            "station_id" | "parent_id" => q.parent_id = Some(int(k, v, 1, i64::MAX)?),
            "jurisdiction_id" => q.jurisdiction_id = Some(int(k, v, 1, i64::MAX)?),
            "bbox" => {
                q.bbox = Some(BBox::parse(v).map_err(|e| ApiError::BadRequest(format!("query parameter bbox: {e}")))?)
            }
            "limit" => q.limit = Some(int(k, v, 1, huoyan_store::query::MAX_PAGE)?),
            "offset" => q.offset = Some(int(k, v, 0, i64::MAX)?),
            "sort" => {
                q.sort = SortKey::parse(v).ok_or_else(|| {
                    ApiError::BadRequest(format!("query parameter sort: {v:?}; use id, -id, name or -updated_at"))
                })?
            }
            other => {
                let known: Vec<&str> = LIST_PARAMS.iter().map(|(n, _)| *n).collect();
                return Err(ApiError::BadRequest(format!(
                    "unknown query parameter {other:?}; known: {}",
                    known.join(", ")
                )));
            }
        }
    }
    Ok(q)
}
