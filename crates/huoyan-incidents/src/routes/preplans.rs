//! Digital pre-plans (数字化预案) of key units over HTTP:
//!
//! | | |
//! |---|---|
//! | `GET /preplans` | list with completeness, least complete first (`limit`, `offset`) |
//! | `POST /preplans` | `{"unit_id": 5, "doc": {…}}`: create (201) or replace (200) the unit's pre-plan |
//! | `GET`/`PUT`/`DELETE /preplans/{id}` | one pre-plan (with attachments and completeness); replace its document; delete it |
//! | `POST /preplans/{id}/attachments?name=…` | upload a floor plan (PNG, JPEG, WebP or PDF as the raw body, at most 10 MiB) |
//! | `GET`/`DELETE /preplan-attachments/{id}` | download (served with its sniffed type, `nosniff`) or remove a file |
//!
//! Inspectors and administrators write; every role that reads incidents reads pre-plans.

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use huoyan_api::AppState;
use huoyan_api::error::{ApiError, ApiResult};
use huoyan_api::extract::{Auth, decode_json};
use huoyan_api::params::parse_id;
use huoyan_domain::access::{Action, Resource};
use huoyan_store::{Page, Scope};
use serde::Deserialize;

use crate::rules::PrePlanDoc;
use crate::store::Incidents;
use crate::store::preplans::{MAX_ATTACHMENT_BYTES, PrePlan, PrePlanSummary};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/preplans", get(list).post(create))
        .route("/preplans/{id}", get(get_one).put(replace).delete(remove))
        // Files are bigger than JSON bodies: this route reads its raw body itself, up to the attachment limit.
        .route("/preplans/{id}/attachments", post(attach))
        .route("/preplan-attachments/{id}", get(download).delete(detach))
}

/// A pre-plan to create or replace.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PrePlanInput {
    /// The key unit.
    pub unit_id: i64,
    /// The document.
    pub doc: PrePlanDoc,
}

async fn list(
    State(st): State<AppState>,
    auth: Auth,
    Query(params): Query<Vec<(String, String)>>,
) -> ApiResult<Json<Page<PrePlanSummary>>> {
    let p = auth.require(Resource::PrePlan, Action::Read)?;
    let (mut limit, mut offset) = (None, None);
    for (k, v) in &params {
        let n =
            v.parse::<i64>().ok().filter(|n| *n >= 0).ok_or_else(|| {
                ApiError::BadRequest(format!("query parameter {k}: {v:?} is not a non-negative integer"))
            })?;
        match k.as_str() {
            "limit" => limit = Some(n.clamp(1, 1000)),
            "offset" => offset = Some(n),
            _ => return Err(ApiError::BadRequest(format!("unknown query parameter {k:?}; known: limit, offset"))),
        }
    }
    Ok(Json(Incidents(&st.store).list_preplans(&Scope::from(p), limit, offset).await?))
}

async fn create(State(st): State<AppState>, auth: Auth, body: Bytes) -> ApiResult<(StatusCode, Json<PrePlan>)> {
    let p = auth.require(Resource::PrePlan, Action::Write)?;
    let input: PrePlanInput = decode_json(&body)?;
    let plan = Incidents(&st.store).put_preplan(p, input.unit_id, input.doc).await?;
    Ok((if plan.version == 1 { StatusCode::CREATED } else { StatusCode::OK }, Json(plan)))
}

async fn get_one(State(st): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<Json<PrePlan>> {
    let p = auth.require(Resource::PrePlan, Action::Read)?;
    Ok(Json(Incidents(&st.store).get_preplan(&Scope::from(p), parse_id(&id)?).await?))
}

async fn replace(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<Json<PrePlan>> {
    let p = auth.require(Resource::PrePlan, Action::Write)?;
    let id = parse_id(&id)?;
    let doc: PrePlanDoc = decode_json(&body)?;
    let current = Incidents(&st.store).get_preplan(&Scope::from(p), id).await?;
    Ok(Json(Incidents(&st.store).put_preplan(p, current.unit_id, doc).await?))
}

async fn remove(State(st): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<StatusCode> {
    let p = auth.require(Resource::PrePlan, Action::Write)?;
    Incidents(&st.store).delete_preplan(p, parse_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn attach(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Query(params): Query<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<(StatusCode, Json<PrePlan>)> {
    let p = auth.require(Resource::PrePlan, Action::Write)?;
    let id = parse_id(&id)?;
    let mut name = None;
    for (k, v) in params {
        match k.as_str() {
            "name" => name = Some(v),
            _ => return Err(ApiError::BadRequest(format!("unknown query parameter {k:?}; known: name"))),
        }
    }
    let name = name.ok_or_else(|| ApiError::BadRequest("query parameter name (the file name) is required".into()))?;
    let limit = MAX_ATTACHMENT_BYTES.min(st.config.max_upload_bytes);
    let too_large = || {
        ApiError::TooLarge(format!("附件不能超过 {} MiB (an attachment is at most {limit} bytes)", limit / 1024 / 1024))
    };
    let declared =
        headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(too_large());
    }
    let bytes = axum::body::to_bytes(body, limit).await.map_err(|_| too_large())?;
    if bytes.is_empty() {
        return Err(ApiError::field(
            "file",
            huoyan_domain::validate::code::REQUIRED,
            "the body is empty: send the file's bytes",
        ));
    }
    Ok((StatusCode::CREATED, Json(Incidents(&st.store).add_attachment(p, id, &name, &bytes).await?)))
}

async fn download(State(st): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<Response> {
    let p = auth.require(Resource::PrePlan, Action::Read)?;
    let (meta, bytes) = Incidents(&st.store).attachment(&Scope::from(p), parse_id(&id)?).await?;
    let mut res = (StatusCode::OK, bytes).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(match meta.content_type.as_str() {
            "image/png" => "image/png",
            "image/jpeg" => "image/jpeg",
            "image/webp" => "image/webp",
            _ => "application/pdf",
        }),
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    let encoded: String = meta
        .name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }
        })
        .collect();
    if let Ok(v) = HeaderValue::from_str(&format!("inline; filename*=UTF-8''{encoded}")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

async fn detach(State(st): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<StatusCode> {
    let p = auth.require(Resource::PrePlan, Action::Write)?;
    Incidents(&st.store).delete_attachment(p, parse_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
