//! The monitoring module's HTTP side: [`router`] (merged under `/api/v1` by the server) and
//! [`openapi`], the operations and schemas of those routes, declared here beside the handlers.

pub mod alarms;
pub mod sensors;

use axum::Router;
use huoyan_api::AppState;
use huoyan_api::openapi::{ApiDoc, Op, Q, page_of, reference};
use utoipa::openapi::path::HttpMethod;
use utoipa::openapi::{ArrayBuilder, ObjectBuilder, Type};

/// The module's routes.
pub fn router() -> Router<AppState> {
    Router::new().merge(alarms::router()).merge(sensors::router())
}

/// The module's operations and schemas for the OpenAPI document.
pub fn openapi(doc: &mut ApiDoc) {
    let mut alarms = Op::new(
        HttpMethod::Get,
        "/api/v1/alarms",
        "monitoring",
        "The alarms (远程监控): the operator's queue (sort=priority) or the history (sort=time, the default)",
    )
    .ok(200, Some(page_of("Alarm")));
    for (p, doc, q) in alarms::ALARM_PARAMS {
        alarms = alarms.query(p, doc, *q);
    }
    doc.op(alarms);
    doc.op(Op::new(
        HttpMethod::Get,
        "/api/v1/alarms/kpis",
        "monitoring",
        "Online rate, intact rate, false-alarm rate, time to handle",
    )
    .query("since", "period start (RFC 3339; default 30 days ago)", Q::Time)
    .ok(200, Some(reference("MonitoringKpis"))));
    doc.op(Op::new(
        HttpMethod::Get,
        "/api/v1/alarms/counts",
        "monitoring",
        "Unhandled alarms now (火警, 故障 incl. 电源故障, other; how many overdue): the queue's header, which handling brings to zero",
    )
    .query("unit_id", "only this unit's", Q::Int(1, i64::MAX))
    .ok(200, Some(reference("AlarmCounts"))));
    doc.op(Op::new(HttpMethod::Get, "/api/v1/alarms/{id}", "monitoring", "One alarm with its merged components")
        .id()
        .ok(200, Some(reference("Alarm"))));
    doc.op(Op::new(
        HttpMethod::Post,
        "/api/v1/alarms/{id}/handle",
        "monitoring",
        "Handle an alarm: real (确认真实火警) | false (误报) | test (测试) | ignored (忽略)",
    )
    .id()
    .body("application/json", reference("Handling"))
    .ok(200, Some(reference("Alarm"))));
    doc.op(Op::new(
        HttpMethod::Post,
        "/api/v1/alarms/handle",
        "monitoring",
        "Handle 1–100 alarms at once with one result — false (误报) | test (测试) | ignored (忽略), never real — and one note; all or nothing (the first refusal names ids[i] and nothing is written); audited per alarm",
    )
    .body("application/json", reference("BatchHandling"))
    .ok(200, Some(ArrayBuilder::new().items(reference("Alarm")).into())));
    doc.op(Op::new(
        HttpMethod::Get,
        "/api/v1/devices",
        "monitoring",
        "Registered UITDs and sensors with online state and their units' names",
    )
    .query("unit_id", "only this unit's", Q::Int(1, i64::MAX))
    .ok(200, Some(ArrayBuilder::new().items(reference("DeviceListing")).into())));
    doc.op(Op::new(HttpMethod::Post, "/api/v1/devices", "monitoring", "Register a UITD by its 6-byte address")
        .body("application/json", reference("DeviceInput"))
        .ok(201, Some(reference("Device"))));
    doc.op(Op::new(
        HttpMethod::Patch,
        "/api/v1/devices/{id}",
        "monitoring",
        "Change a device's name or the source addresses its GB/T 26875.3 connections must come from (allowed_sources)",
    )
    .id()
    .body("application/json", reference("DeviceUpdate"))
    .ok(200, Some(reference("Device"))));
    doc.op(Op::new(
        HttpMethod::Get,
        "/api/v1/devices/{id}/frames",
        "monitoring",
        "The device's last 100 frames, decoded, each with a one-line Chinese summary",
    )
    .id());
    doc.op(Op::new(HttpMethod::Post, "/api/v1/sensors", "monitoring", "Register an IoT sensor (物联网传感器) bound to a unit, building and (pressure) water source; answers its ingestion token once").body("application/json", reference("NewSensor")).ok(201, Some(reference("SensorRegistration"))));
    doc.op(Op::new(
        HttpMethod::Post,
        "/api/v1/sensors/{id}/token",
        "monitoring",
        "Replace a sensor's ingestion token (the old one stops working); answers the new token once",
    )
    .id()
    .ok(200, Some(reference("SensorRegistration"))));
    doc.op(Op::new(
        HttpMethod::Get,
        "/api/v1/sensors/{id}/readings",
        "monitoring",
        "A sensor's recent readings, newest first",
    )
    .id()
    .query("limit", "1–1000, default 100", Q::Int(1, 1000))
    .ok(200, Some(ArrayBuilder::new().items(reference("Reading")).into())));
    doc.op(
        Op::new(HttpMethod::Post, "/api/v1/sensors/readings", "monitoring", "Sensor readings in (device token in X-Huoyan-Device-Token, not a session): stored before the answer, then evaluated against the threshold rules")
            .body("application/json", reference("ReadingsPayload"))
            .ok(200, Some(reference("IngestResult")))
            .device_token(),
    );
    doc.op(Op::new(
        HttpMethod::Get,
        "/api/v1/thresholds",
        "rules",
        "The sensor threshold rules in force, each with its source (standard and clause)",
    )
    .ok(200, Some(reference("ThresholdsInForce"))));
    doc.op(Op::new(
        HttpMethod::Put,
        "/api/v1/thresholds",
        "rules",
        "Load a threshold rule set (TOML, or JSON) without code changes; in force for readings from now on (admin)",
    )
    .body("application/json", reference("ThresholdRules"))
    .body("application/toml", ObjectBuilder::new().schema_type(Type::String).into())
    .ok(200, Some(reference("ThresholdsInForce"))));

    doc.schema::<crate::store::alarms::Alarm>();
    doc.schema::<crate::store::alarms::Handling>();
    doc.schema::<crate::store::handling::BatchHandling>();
    doc.schema::<crate::store::kpis::MonitoringKpis>();
    doc.schema::<crate::store::kpis::AlarmCounts>();
    doc.schema::<crate::store::frames::Device>();
    doc.schema::<alarms::DeviceInput>();
    doc.schema::<alarms::DeviceUpdate>();
    doc.schema::<alarms::DeviceListing>();
    doc.schema::<crate::store::sensors::NewSensor>();
    doc.schema::<crate::store::sensors::SensorRegistration>();
    doc.schema::<crate::store::sensors::Reading>();
    doc.schema::<crate::ingest::ReadingsPayload>();
    doc.schema::<crate::ingest::IngestResult>();
    doc.schema::<crate::thresholds::ThresholdRules>();
    doc.schema::<sensors::ThresholdsInForce>();
}
