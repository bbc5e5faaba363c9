//! Path ids and list parameters, parsed once for every module: a bad value is a 400 that names
//! the parameter, never a 500 or a silent default. An empty value (`?limit=`, as an HTML form sends
//! an empty field) is the same as no value: [`drop_empty_query`] removes it before any handler.

use huoyan_domain::geometry::BBox;
use huoyan_domain::{EntityKind, access};
use huoyan_store::{ListQuery, SortKey};

use crate::error::{ApiError, ApiResult};
use crate::openapi::Q;

/// An integer as JSON Schema and RFC 8259 read it: `12`, or `12.0` (a number without fraction),
/// which a client generating from the OpenAPI document may write.
pub fn parse_int(s: &str) -> Option<i64> {
    if let Ok(n) = s.parse::<i64>() {
        return Some(n);
    }
    let (int, frac) = s.split_once('.')?;
    if frac.is_empty() || !frac.bytes().all(|b| b == b'0') {
        return None;
    }
    int.parse::<i64>().ok()
}

/// Parses a path id: a positive integer ([`parse_int`]).
pub fn parse_id(s: &str) -> ApiResult<i64> {
    match parse_int(s) {
        Some(id) if id > 0 => Ok(id),
        _ => Err(ApiError::BadRequest(format!("{s:?} is not a record id (a positive integer)"))),
    }
}

/// The query string without its empty parameters (`limit=&q=x` → `q=x`; `None` when nothing is
/// left), so that every handler treats an empty value as an absent one: the default.
pub fn without_empty(query: &str) -> Option<String> {
    let kept: Vec<&str> =
        query.split('&').filter(|p| p.split_once('=').is_some_and(|(k, v)| !k.is_empty() && !v.is_empty())).collect();
    (!kept.is_empty()).then(|| kept.join("&"))
}

/// Middleware: drops the empty query parameters of every request ([`without_empty`]).
pub async fn drop_empty_query(
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if let Some(q) = req.uri().query() {
        let kept = without_empty(q);
        if kept.as_deref() != Some(q) {
            let path = req.uri().path();
            let pq = match kept {
                Some(k) => format!("{path}?{k}"),
                None => path.to_string(),
            };
            let mut parts = req.uri().clone().into_parts();
            if let Ok(pq) = pq.parse() {
                parts.path_and_query = Some(pq);
                if let Ok(uri) = axum::http::Uri::from_parts(parts) {
                    *req.uri_mut() = uri;
                }
            }
        }
    }
    next.run(req).await
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

/// The query parameters every list accepts, with what each takes (the OpenAPI document's schemas).
pub const LIST_PARAMS: &[(&str, &str, Q)] = &[
    ("q", "substring of the name or code, case-insensitive", Q::Text),
    ("kind", "type codes, comma-separated (station kind, water kind, road class, use category …)", Q::Text),
    ("status", "status codes, comma-separated", Q::Text),
    ("class", "unit class code: key_unit, high_risk, nine_small, three_in_one (units)", Q::Text),
    ("station_id", "the station of vehicles and personnel (alias parent_id)", Q::Int(1, i64::MAX)),
    ("jurisdiction_id", "only this jurisdiction's subtree", Q::Int(1, i64::MAX)),
    ("bbox", "minLon,minLat,maxLon,maxLat (WGS84; the minimum not above the maximum)", Q::BBox),
    ("limit", "page size, 1–5000, default 50", Q::Int(1, huoyan_store::query::MAX_PAGE)),
    ("offset", "rows to skip, default 0", Q::Int(0, i64::MAX)),
    ("sort", "id, -id, name or -updated_at", Q::Code(&["id", "-id", "name", "-updated_at"])),
];

/// Parses list parameters; unknown parameters and bad values are 400s that name them.
pub fn parse_list_query(params: &[(String, String)]) -> ApiResult<ListQuery> {
    let mut q = ListQuery::default();
    let int = |k: &str, v: &str, min: i64, max: i64| -> ApiResult<i64> {
        match parse_int(v) {
            Some(n) if (min..=max).contains(&n) => Ok(n),
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
                let known: Vec<&str> = LIST_PARAMS.iter().map(|p| p.0).collect();
                return Err(ApiError::BadRequest(format!(
                    "unknown query parameter {other:?}; known: {}",
                    known.join(", ")
                )));
            }
        }
    }
    Ok(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_may_have_a_zero_fraction() {
        assert_eq!(parse_int("3350"), Some(3350));
        assert_eq!(parse_int("3350.0"), Some(3350));
        assert_eq!(parse_int("-2.00"), Some(-2));
        for bad in ["3350.5", "3350.", ".0", "1e3", "x", "", "0x10"] {
            assert_eq!(parse_int(bad), None, "{bad}");
        }
        assert_eq!(parse_id("7.0").unwrap(), 7);
        assert!(parse_id("0.0").is_err() && parse_id("-1").is_err() && parse_id("1.5").is_err());
    }

    #[test]
    fn empty_query_values_are_absent() {
        assert_eq!(without_empty("limit=&q=x"), Some("q=x".into()));
        assert_eq!(without_empty("limit=10&offset=5"), Some("limit=10&offset=5".into()));
        assert_eq!(without_empty("limit=&open&=3"), None);
        assert_eq!(without_empty(""), None);
    }
}
