//! IoT sensors (物联网传感器): registration with a per-device ingestion token (shown once), token
//! rotation, recent readings, reading ingestion over HTTP, and the threshold rules in force
//! (read by anyone who sees devices; loaded by an administrator).
//!
//! Ingestion (`POST /sensors/readings`) is not a session route: the sensor authenticates with its
//! token in `X-Huoyan-Device-Token` (or `token` in the payload, as over MQTT). The readings are
//! committed before the 200, then the alarm engine is woken to evaluate them.

use crate::ingest::{IngestResult, ReadingsPayload};
use crate::store::Monitoring;
use crate::store::sensors::{NewSensor, Reading, SensorRegistration};
use crate::thresholds::ThresholdRules;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post};
use axum::{Json, Router};
use huoyan_domain::access::{Action, Resource};
use huoyan_store::Scope;
use serde::Serialize;

use huoyan_api::AppState;
use huoyan_api::error::{ApiError, ApiResult};
use huoyan_api::extract::{Auth, JsonBody, body_error, decode_json, is_json};
use huoyan_api::params::parse_id;

/// The header carrying a sensor's ingestion token.
pub const TOKEN_HEADER: &str = "x-huoyan-device-token";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/sensors", post(register))
        .route("/sensors/readings", post(ingest))
        .route("/sensors/{id}/token", post(rotate))
        .route("/sensors/{id}/readings", get(readings))
        .route("/thresholds", get(thresholds).put(load_thresholds))
}

async fn register(
    State(st): State<AppState>,
    auth: Auth,
    JsonBody(s): JsonBody<NewSensor>,
) -> ApiResult<(StatusCode, Json<SensorRegistration>)> {
    let p = auth.require(Resource::Device, Action::Write)?;
    Ok((StatusCode::CREATED, Json(Monitoring(&st.store).register_sensor(p, s).await?)))
}

async fn rotate(State(st): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<Json<SensorRegistration>> {
    let p = auth.require(Resource::Device, Action::Write)?;
    Ok(Json(Monitoring(&st.store).rotate_sensor_token(p, parse_id(&id)?).await?))
}

async fn readings(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Query(q): Query<Vec<(String, String)>>,
) -> ApiResult<Json<Vec<Reading>>> {
    let p = auth.require(Resource::Device, Action::Read)?;
    let mut limit = 100;
    for (k, v) in &q {
        match k.as_str() {
            "limit" => {
                limit = v
                    .parse::<i64>()
                    .map_err(|_| ApiError::BadRequest(format!("query parameter limit: {v:?} is not an integer")))?
                    .clamp(1, 1000)
            }
            _ => return Err(ApiError::BadRequest(format!("unknown query parameter {k:?}; known: limit"))),
        }
    }
    Ok(Json(Monitoring(&st.store).recent_readings(&Scope::from(p), parse_id(&id)?, limit).await?))
}

async fn ingest(
    State(st): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Json<IngestResult>> {
    if !is_json(&headers) {
        return Err(ApiError::UnsupportedMediaType("send the readings as Content-Type: application/json".into()));
    }
    let body = body.map_err(|e| body_error(&e, st.config.max_body_bytes))?;
    // Who is calling comes first: a caller without a token learns nothing about the payload.
    let loose: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let body_token = loose.get("token").and_then(serde_json::Value::as_str).map(str::trim).filter(|t| !t.is_empty());
    let header_token = headers.get(TOKEN_HEADER).and_then(|v| v.to_str().ok()).map(str::trim).filter(|t| !t.is_empty());
    let token = match (header_token, body_token) {
        (Some(h), Some(b)) if h != b => {
            // Two credentials naming different devices authenticate none.
            return Err(ApiError::Unauthorized("the header and the payload carry different tokens".into()));
        }
        (Some(t), _) | (None, Some(t)) => t.to_string(),
        (None, None) => return Err(ApiError::Unauthorized(format!("send the sensor's token in {TOKEN_HEADER}"))),
    };
    let p: ReadingsPayload = decode_json(&body)?;
    let Some(address) = p.address.clone() else {
        return Err(ApiError::field(
            "address",
            huoyan_domain::validate::code::REQUIRED,
            "the sensor's address is required",
        ));
    };
    let result = crate::ingest::ingest(&st.store, &address, &token, &p).await?;
    if result.stored > 0 {
        st.monitor_wake.notify_one();
    }
    Ok(Json(result))
}

/// The threshold rules in force.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ThresholdsInForce {
    /// `shipped` (rules/thresholds.toml of this version) or the origin of the loaded set
    /// (`api`, `file:<path>`, `cli`).
    pub origin: String,
    /// When loaded (none for the shipped set).
    pub loaded_at: Option<String>,
    /// By whom.
    pub loaded_by: Option<String>,
    /// The rules.
    pub rules: ThresholdRules,
    /// The set as TOML (to edit and load back).
    pub toml: String,
}

async fn thresholds(State(st): State<AppState>, auth: Auth) -> ApiResult<Json<ThresholdsInForce>> {
    auth.require(Resource::RuleSet, Action::Read)?;
    Ok(Json(match Monitoring(&st.store).threshold_rules().await? {
        Some(s) => ThresholdsInForce {
            rules: ThresholdRules::parse(&s.body)
                .map_err(|e| ApiError::Internal(format!("stored threshold rules {}: {e}", s.id)))?,
            origin: s.origin,
            loaded_at: Some(s.loaded_at),
            loaded_by: Some(s.loaded_by),
            toml: s.body,
        },
        None => ThresholdsInForce {
            origin: "shipped".into(),
            loaded_at: None,
            loaded_by: None,
            rules: ThresholdRules::shipped(),
            toml: crate::thresholds::SHIPPED.into(),
        },
    }))
}

/// `PUT /thresholds`: a TOML rule set (`Content-Type: application/toml`), or the same as JSON.
async fn load_thresholds(
    State(st): State<AppState>,
    auth: Auth,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<ThresholdsInForce>> {
    let p = auth.require(Resource::RuleSet, Action::Write)?;
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let text = match ct.as_str() {
        "application/toml" | "text/plain" => {
            String::from_utf8(body.to_vec()).map_err(|_| ApiError::BadRequest("the rule set is not UTF-8".into()))?
        }
        "application/json" => {
            let set: ThresholdRules = decode_json(&body)?;
            toml::to_string(&set)
                .map_err(|e| ApiError::BadRequest(format!("cannot write the rule set as TOML: {e}")))?
        }
        _ => {
            return Err(ApiError::UnsupportedMediaType(
                "send the rule set as application/toml (or application/json)".into(),
            ));
        }
    };
    let rules = ThresholdRules::parse(&text).map_err(|e| ApiError::from(e.field_error()))?;
    rules.check_sensors(&st.store).await?.map_err(|e| ApiError::from(e.field_error()))?;
    let s = Monitoring(&st.store).load_threshold_rules(p, "api", &text).await?;
    // Readings from now on are judged by the new set.
    st.monitor_wake.notify_one();
    Ok(Json(ThresholdsInForce {
        origin: s.origin,
        loaded_at: Some(s.loaded_at),
        loaded_by: Some(s.loaded_by),
        rules,
        toml: s.body,
    }))
}
