//! The monitoring centre's operator work (远程监控): the alarm queue, handling (确认真实火警 / 误报 /
//! 测试 / 忽略), KPIs, and the device registry (UITDs and sensors, with their units' names) with each
//! device's recent frames (each with a one-line Chinese summary).
//!
//! A fire confirmed as real is pushed to consoles as an `incident_request` event and queued for
//! the outgoing webhook in the same transaction as the decision (`huoyan_store::outbox`).

use crate::events::alarm_event;
use crate::kinds::{AlarmKind, AlarmLevel, AlarmResult};
use crate::store::Monitoring;
use crate::store::alarms::{Alarm, AlarmFilter, AlarmSort, Handling};
use crate::store::devices::DeviceChange;
use crate::store::frames::{Device, NewDevice, StoredFrame};
use crate::store::handling::BatchHandling;
use crate::store::kpis::{AlarmCounts, MonitoringKpis};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, patch, post};
use axum::{Json, Router};
use huoyan_domain::access::{Action, Resource};
use huoyan_store::{Page, Scope};
use serde::{Deserialize, Serialize};

use huoyan_api::AppState;
use huoyan_api::error::{ApiError, ApiResult};
use huoyan_api::extract::{Auth, JsonBody};
use huoyan_api::live::NewLiveEvent;
use huoyan_api::openapi::Q;
use huoyan_api::params::parse_id;

/// Query parameters of `GET /alarms`.
pub const ALARM_PARAMS: &[(&str, &str, Q)] = &[
    (
        "status",
        "comma-separated: open (未处理), escalated (超时未处理), handled (已处理); default all",
        Q::Codes(&["open", "escalated", "handled"]),
    ),
    ("kind", "fire, fault, power_fault, supervise, offline, low_pressure, …", Q::Code(AlarmKind::CODES)),
    ("level", "comma-separated: fire (火警), warning (预警), info (信息)", Q::Codes(crate::kinds::LEVELS)),
    ("unit_id", "the monitored unit", Q::Int(1, i64::MAX)),
    ("device", "device address (a UITD's 12 hex digits or a sensor's address)", Q::Pattern("^[a-z0-9_-]{4,64}$")),
    ("since", "first signal at or after (RFC 3339)", Q::Time),
    ("limit", "1–500 (default 50)", Q::Int(1, 500)),
    ("offset", "rows to skip", Q::Int(0, i64::MAX)),
    (
        "sort",
        "time (newest first, the default: the history) or priority (the operator's queue: unhandled 火警 first, overdue ones first among them, then other overdue alarms, then the other unhandled by level, then the handled; newest first within each); -id and queue are the older names of time and priority",
        Q::Code(&["time", "priority", "-id", "queue"]),
    ),
];

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/alarms", get(list))
        .route("/alarms/kpis", get(kpis))
        .route("/alarms/counts", get(counts))
        .route("/alarms/{id}", get(get_one))
        .route("/alarms/{id}/handle", post(handle))
        .route("/alarms/handle", post(handle_many))
        .route("/devices", get(devices).post(register))
        .route("/devices/{id}", patch(update))
        .route("/devices/{id}/frames", get(frames))
}

fn int(name: &str, v: &str) -> ApiResult<i64> {
    v.parse().map_err(|_| ApiError::BadRequest(format!("query parameter {name}: {v:?} is not an integer")))
}

async fn list(
    State(st): State<AppState>,
    auth: Auth,
    Query(params): Query<Vec<(String, String)>>,
) -> ApiResult<Json<Page<Alarm>>> {
    let p = auth.require(Resource::Alarm, Action::Read)?;
    let mut f = AlarmFilter::default();
    for (k, v) in &params {
        match k.as_str() {
            "status" => {
                for s in v.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    if !["open", "escalated", "handled"].contains(&s) {
                        return Err(ApiError::BadRequest(format!(
                            "query parameter status: {s:?} is not open, escalated or handled"
                        )));
                    }
                    f.status.push(s.to_string());
                }
            }
            "kind" => {
                let Some(kind) = AlarmKind::from_code(v) else {
                    return Err(ApiError::BadRequest(format!("query parameter kind: {v:?} is not an alarm kind")));
                };
                f.kind = Some(kind.code().to_string());
            }
            "level" => {
                for l in v.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    if !crate::kinds::LEVELS.contains(&l) {
                        return Err(ApiError::BadRequest(format!(
                            "query parameter level: {l:?} is not {}",
                            crate::kinds::LEVELS.join(", ")
                        )));
                    }
                    f.levels.push(l.to_string());
                }
            }
            "sort" => {
                f.sort = match v.as_str() {
                    "priority" | "queue" => AlarmSort::Priority,
                    "time" | "-id" => AlarmSort::Time,
                    _ => {
                        return Err(ApiError::BadRequest(format!(
                            "query parameter sort: {v:?} is not priority or time"
                        )));
                    }
                }
            }
            "unit_id" => f.unit_id = Some(int(k, v)?),
            "device" => {
                // A UITD's 12 hex digits, or a sensor's address.
                let a = crate::store::frames::normalize_address(v)
                    .or_else(|_| crate::store::sensors::normalize_sensor_address(v));
                f.device_address = Some(a.map_err(|_| {
                    ApiError::BadRequest(format!("query parameter device: {v:?} is not a device address"))
                })?);
            }
            "since" => {
                chrono::DateTime::parse_from_rfc3339(v).map_err(|_| {
                    ApiError::BadRequest(format!("query parameter since: {v:?} is not an RFC 3339 time"))
                })?;
                f.since = Some(v.clone());
            }
            "limit" => f.limit = Some(int(k, v)?.clamp(1, 500)),
            "offset" => f.offset = Some(int(k, v)?.max(0)),
            _ => {
                return Err(ApiError::BadRequest(format!(
                    "unknown query parameter {k:?}; known: {}",
                    ALARM_PARAMS.iter().map(|p| p.0).collect::<Vec<_>>().join(", ")
                )));
            }
        }
    }
    Ok(Json(Monitoring(&st.store).list_alarms(&Scope::from(p), &f).await?))
}

async fn get_one(State(st): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<Json<Alarm>> {
    let p = auth.require(Resource::Alarm, Action::Read)?;
    Ok(Json(Monitoring(&st.store).get_alarm(&Scope::from(p), parse_id(&id)?).await?))
}

async fn handle(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    JsonBody(h): JsonBody<Handling>,
) -> ApiResult<Json<Alarm>> {
    let p = auth.require(Resource::Alarm, Action::Write)?;
    let (alarm, path) = Monitoring(&st.store).handle_alarm(p, parse_id(&id)?, &h).await?;
    st.live.publish(alarm_event(&alarm, "handled", &path));
    if alarm.alarm_kind() == Some(AlarmKind::Fire) && alarm.alarm_result() == Some(AlarmResult::Real) {
        // The 119 side: an incident request (the dispatch screen takes it from here).
        let unit = alarm.detail.get("unit_name").and_then(|v| v.as_str()).unwrap_or("未关联单位").to_string();
        st.live.publish(NewLiveEvent {
            kind: "incident_request".into(),
            title: format!("确认真实火警 → 接警 · {unit} · {}", alarm.summary),
            level: AlarmLevel::Fire.code().into(),
            unhandled: true,
            data: serde_json::json!({ "alarm": alarm, "confirmed_by": p.username }),
            jurisdiction_path: path,
        });
    }
    Ok(Json(alarm))
}

/// `POST /alarms/handle`: many alarms, one result (never `real`), one note; all or nothing. The
/// body is decoded after the role check, so that a caller who may not handle alarms learns nothing
/// from its body's errors.
async fn handle_many(
    State(st): State<AppState>,
    auth: Auth,
    JsonBody(body): JsonBody<serde_json::Value>,
) -> ApiResult<Json<Vec<Alarm>>> {
    let p = auth.require(Resource::Alarm, Action::Write)?;
    let bytes = serde_json::to_vec(&body).map_err(|e| ApiError::Internal(e.to_string()))?;
    let b: BatchHandling = huoyan_api::extract::decode_json(&bytes)?;
    let done = Monitoring(&st.store).handle_alarms(p, &b).await?;
    let mut out = Vec::with_capacity(done.len());
    for (alarm, path) in done {
        st.live.publish(alarm_event(&alarm, "handled", &path));
        out.push(alarm);
    }
    Ok(Json(out))
}

/// `GET /alarms/counts`: the queue header's unhandled counts (of one unit with `unit_id`).
async fn counts(
    State(st): State<AppState>,
    auth: Auth,
    Query(params): Query<Vec<(String, String)>>,
) -> ApiResult<Json<AlarmCounts>> {
    let p = auth.require(Resource::Alarm, Action::Read)?;
    let mut unit = None;
    for (k, v) in &params {
        match k.as_str() {
            "unit_id" => unit = Some(int(k, v)?),
            _ => return Err(ApiError::BadRequest(format!("unknown query parameter {k:?}; known: unit_id"))),
        }
    }
    Ok(Json(Monitoring(&st.store).unhandled_counts(&Scope::from(p), unit).await?))
}

async fn kpis(
    State(st): State<AppState>,
    auth: Auth,
    Query(params): Query<Vec<(String, String)>>,
) -> ApiResult<Json<MonitoringKpis>> {
    let p = auth.require(Resource::Alarm, Action::Read)?;
    let mut since =
        (chrono::Utc::now() - chrono::Duration::days(30)).to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    for (k, v) in &params {
        match k.as_str() {
            "since" => {
                chrono::DateTime::parse_from_rfc3339(v).map_err(|_| {
                    ApiError::BadRequest(format!("query parameter since: {v:?} is not an RFC 3339 time"))
                })?;
                since = v.clone();
            }
            _ => return Err(ApiError::BadRequest(format!("unknown query parameter {k:?}; known: since"))),
        }
    }
    Ok(Json(Monitoring(&st.store).monitoring_kpis(&Scope::from(p), &since).await?))
}

/// A device to register.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeviceInput {
    /// Jurisdiction node.
    pub jurisdiction_id: i64,
    /// The monitored unit.
    #[serde(default)]
    pub unit_id: Option<i64>,
    /// 6-byte address as 12 hex digits.
    pub address: String,
    /// Display name.
    pub name: String,
    /// The source addresses its connections must come from: IPv4/IPv6 addresses or CIDR
    /// networks (`10.0.0.0/8`, `192.0.2.7`, `fd00::/8`), at most 32; empty or absent = no
    /// binding. A connection claiming this address from elsewhere is refused by the gateway.
    #[serde(default)]
    pub allowed_sources: Vec<String>,
}

/// A change to a registered device (only the fields given change).
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeviceUpdate {
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// The allowed sources (as on registration; UITDs only). `[]` or `null` removes the binding.
    #[serde(default, deserialize_with = "present")]
    pub allowed_sources: Option<Option<Vec<String>>>,
}

/// A field that is present (`Some`, also when `null`) or absent (`None`, by `#[serde(default)]`).
fn present<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// Checks allowed sources from a body (`allowed_sources[i]` on a bad entry).
fn checked_sources(values: &[String]) -> ApiResult<Vec<crate::sources::SourceNet>> {
    crate::sources::check_list("allowed_sources", values).map_err(ApiError::Invalid)
}

/// A device as the monitoring centre lists it: the registry row and its unit's name.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DeviceListing {
    /// The device.
    #[serde(flatten)]
    pub device: Device,
    /// The monitored unit's name.
    pub unit_name: Option<String>,
}

/// A stored frame with its one-line Chinese summary (`crate::framelog`).
#[derive(Debug, Serialize)]
pub struct FrameLine {
    #[serde(flatten)]
    frame: StoredFrame,
    /// The frame decoded from its stored wire bytes (as `huoyan gb26875 decode` prints it).
    decoded: serde_json::Value,
    summary: String,
}

async fn devices(
    State(st): State<AppState>,
    auth: Auth,
    Query(params): Query<Vec<(String, String)>>,
) -> ApiResult<Json<Vec<DeviceListing>>> {
    let p = auth.require(Resource::Device, Action::Read)?;
    let mut unit = None;
    for (k, v) in &params {
        match k.as_str() {
            "unit_id" => unit = Some(int(k, v)?),
            _ => return Err(ApiError::BadRequest(format!("unknown query parameter {k:?}; known: unit_id"))),
        }
    }
    let list = Monitoring(&st.store).list_devices(&Scope::from(p), unit).await?;
    let mut ids: Vec<i64> = list.iter().filter_map(|d| d.unit_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let names = Monitoring(&st.store).unit_names(&ids).await?;
    Ok(Json(
        list.into_iter()
            .map(|d| DeviceListing { unit_name: d.unit_id.and_then(|u| names.get(&u).cloned()), device: d })
            .collect(),
    ))
}

async fn register(
    State(st): State<AppState>,
    auth: Auth,
    JsonBody(d): JsonBody<DeviceInput>,
) -> ApiResult<(StatusCode, Json<Device>)> {
    let p = auth.require(Resource::Device, Action::Write)?;
    let sources = checked_sources(&d.allowed_sources)?;
    let dev = Monitoring(&st.store)
        .register_uitd(
            p,
            NewDevice { jurisdiction_id: d.jurisdiction_id, unit_id: d.unit_id, address: d.address, name: d.name },
            &sources,
        )
        .await?;
    Ok((StatusCode::CREATED, Json(dev)))
}

/// `PATCH /devices/{id}`: the body is decoded after the role check, so that a caller who may not
/// change devices learns nothing from its body's errors.
async fn update(
    State(st): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<serde_json::Value>,
) -> ApiResult<Json<Device>> {
    let p = auth.require(Resource::Device, Action::Write)?;
    let id = parse_id(&id)?;
    let bytes = serde_json::to_vec(&body).map_err(|e| ApiError::Internal(e.to_string()))?;
    let u: DeviceUpdate = huoyan_api::extract::decode_json(&bytes)?;
    let allowed_sources = match u.allowed_sources {
        None => None,
        Some(list) => Some(checked_sources(&list.unwrap_or_default())?),
    };
    let change = DeviceChange { name: u.name, allowed_sources };
    Ok(Json(Monitoring(&st.store).update_device(p, id, change).await?))
}

async fn frames(State(st): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<Json<Vec<FrameLine>>> {
    let p = auth.require(Resource::Device, Action::Read)?;
    let id = parse_id(&id)?;
    let dev = Monitoring(&st.store)
        .list_devices(&Scope::from(p), None)
        .await?
        .into_iter()
        .find(|d| d.id == id)
        .ok_or(ApiError::NotFound(format!("no device {id} in your jurisdiction")))?;
    let frames = Monitoring(&st.store).recent_frames(&dev.address, 100).await?;
    Ok(Json(
        frames
            .into_iter()
            .map(|f| {
                let decoded = crate::framelog::decode_stored(&f.raw);
                FrameLine { summary: crate::framelog::frame_summary(&decoded), decoded, frame: f }
            })
            .collect(),
    ))
}
