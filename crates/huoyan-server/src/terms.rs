//! `GET /api/v1/terms`: every vocabulary of the program — the base registers' (`huoyan_base::terms`)
//! and the modules' — as codes with the users' Chinese terms, for the console's labels and filters.

use axum::Json;
use huoyan_api::extract::Auth;
use huoyan_base::terms::list;
use huoyan_incidents::store::dispatch::DispatchStatus;
use huoyan_incidents::store::incidents::IncidentStatus;
use huoyan_monitor::kinds::{KINDS, RESULTS};
use serde_json::{Value, json};

/// Every vocabulary, by name.
pub(crate) fn all() -> serde_json::Map<String, Value> {
    let mut m = huoyan_base::terms::base();
    // Alarm kinds with their level; results with the term for 火警 and for other kinds.
    m.insert(
        "alarm_kind".into(),
        KINDS.iter().map(|(code, zh, level)| json!({ "code": code, "zh": zh, "level": level })).collect(),
    );
    m.insert(
        "alarm_result".into(),
        RESULTS.iter().map(|(code, fire, other)| json!({ "code": code, "zh": other, "zh_fire": fire })).collect(),
    );
    m.insert("incident_status".into(), list(IncidentStatus::ALL, IncidentStatus::code, IncidentStatus::zh));
    m.insert(
        "timeline_stage".into(),
        list(
            &huoyan_incidents::rules::Stage::ALL,
            huoyan_incidents::rules::Stage::code,
            huoyan_incidents::rules::Stage::zh,
        ),
    );
    m.insert("dispatch_status".into(), list(DispatchStatus::ALL, DispatchStatus::code, DispatchStatus::zh));
    m
}

pub(crate) async fn terms(_auth: Auth) -> Json<Value> {
    Json(Value::Object(all()))
}
