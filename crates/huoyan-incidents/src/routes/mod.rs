//! The incidents module's HTTP side: [`router`] (merged under `/api/v1` by the server) and
//! [`openapi`], the operations and schemas of those routes, declared here beside the handlers.

pub mod dispatch;
pub mod incidents;
pub mod preplans;

use axum::Router;
use huoyan_api::AppState;
use huoyan_api::openapi::{ApiDoc, Op, Q, page_of, reference};
use utoipa::openapi::path::HttpMethod;
use utoipa::openapi::{ArrayBuilder, ObjectBuilder, Type};

/// The module's routes.
pub fn router() -> Router<AppState> {
    Router::new().merge(incidents::router()).merge(dispatch::router()).merge(preplans::router())
}

/// The module's operations and schemas for the OpenAPI document.
pub fn openapi(doc: &mut ApiDoc) {
    let inc = "/api/v1/incidents";
    let mut list = Op::new(HttpMethod::Get, inc, "incidents", "Incidents (警情) in your jurisdiction, newest first")
        .ok(200, Some(page_of("Incident")));
    for (p, doc, q) in incidents::LIST_PARAMS {
        list = list.query(p, doc, *q);
    }
    doc.op(list);
    doc.op(
        Op::new(
            HttpMethod::Get,
            format!("{inc}/summary"),
            "incidents",
            "Incidents now and today (the leader's home page): open by status, with people trapped, vehicles committed, today's intake by category (today: 00:00 Asia/Shanghai), and a daily series ending today",
        )
        .query("days", "days of the daily series, 1–366, default 30", Q::Int(1, crate::store::summary::MAX_DAYS as i64))
        .ok(200, Some(reference("IncidentSummary"))),
    );
    doc.op(Op::new(HttpMethod::Post, inc, "incidents", "Take an incident in (接警) from coordinates, a unit id or a unit search, or from a fire alarm confirmed as real (source.kind = alarm; its unit is the default place; 409 when the alarm is already an incident); answers with the recommendation and the server time").body("application/json", reference("IncidentRequest")).ok(201, Some(reference("Intake"))));
    doc.op(Op::new(HttpMethod::Get, format!("{inc}/{{id}}"), "incidents", "One incident")
        .id()
        .ok(200, Some(reference("Incident"))));
    doc.op(Op::new(
        HttpMethod::Patch,
        format!("{inc}/{{id}}"),
        "incidents",
        "Escalate or correct an incident (level, category, sub-type, address, notes, deaths/injuries/loss)",
    )
    .id()
    .body("application/json", reference("IncidentPatch"))
    .ok(200, Some(reference("Incident"))));
    doc.op(Op::new(HttpMethod::Get, format!("{inc}/{{id}}/board"), "incidents", "The incident screen in one call: incident, timeline, dispatches (with names and ETA labels), fresh recommendation, routes as GeoJSON with ETA labels, pre-plan, nearby water").id().ok(200, Some(ObjectBuilder::new().into())));
    doc.op(Op::new(
        HttpMethod::Get,
        format!("{inc}/{{id}}/recommendation"),
        "incidents",
        "A fresh recommendation: the plan in force filled by road travel time, 1–3–5 minute alerts, what is missing",
    )
    .id()
    .ok(200, Some(reference("Recommendation"))));
    doc.op(Op::new(HttpMethod::Post, format!("{inc}/{{id}}/dispatch"), "incidents", "一键调派 {\"recommended\": true}, or a chosen set of vehicles and stations to alert; committed vehicles answer 409").id().body("application/json", reference("DispatchRequest")).ok(200, Some(ObjectBuilder::new().into())));
    doc.op(Op::new(HttpMethod::Get, format!("{inc}/{{id}}/timeline"), "incidents", "The timeline, in time order")
        .id()
        .ok(200, Some(ArrayBuilder::new().items(reference("TimelineEntry")).into())));
    doc.op(Op::new(HttpMethod::Post, format!("{inc}/{{id}}/timeline"), "incidents", "Record a stage (出动, 到场, 出水, 撤离, 归队 …) for the incident, one vehicle (`vehicle_id`) or several at once (`vehicle_ids`: one entry each, all recorded or none; the answer's `entries`). Each vehicle's own stages are checked in its own order, the incident's stages against the incident's first 出动/到场 (a reinforcement may arrive after 出水): impossible orders 422 (`timeline_order`, `timeline_before_received`; times in Asia/Shanghai's offset; refusals about one vehicle name `vehicle_id`), implausible values flagged; moves each vehicle's status (409 `vehicle_state`)").id().body("application/json", reference("NewTimelineEntry")).ok(201, Some(reference("TimelineOutcome"))));
    doc.op(Op::new(
        HttpMethod::Get,
        format!("{inc}/{{id}}/water"),
        "incidents",
        "Water sources near the incident with status and road distance",
    )
    .id()
    .query("radius_m", "metres, 10–3000, default 500", Q::Num(10.0, 3000.0))
    .ok(200, Some(ArrayBuilder::new().items(reference("NearbyWater")).into())));
    doc.op(Op::new(
        HttpMethod::Get,
        format!("{inc}/{{id}}/preplan"),
        "incidents",
        "The pre-plan of the incident's unit or of the nearest key unit within 300 m",
    )
    .id()
    .ok(200, Some(reference("IncidentPrePlan"))));
    doc.op(Op::new(
        HttpMethod::Get,
        "/api/v1/dispatch-plans",
        "dispatch",
        "Dispatch plans (调派方案) in force and the load history",
    )
    .ok(200, Some(reference("PlanSets"))));
    doc.op(Op::new(
        HttpMethod::Post,
        "/api/v1/dispatch-plans",
        "dispatch",
        "Load a dispatch plan set (TOML or JSON); in force at once",
    )
    .body("application/json", reference("PlanSet"))
    .body("application/toml", ObjectBuilder::new().schema_type(Type::String).into())
    .ok(201, Some(reference("PlanSetInfo"))));
    doc.op(Op::new(
        HttpMethod::Post,
        "/api/v1/vehicles/{id}/status",
        "dispatch",
        "Set a vehicle 在队 or 检修 by hand, or call off a dispatch before the vehicle leaves",
    )
    .id()
    .body("application/json", reference("StatusChange"))
    .ok(200, Some(reference("Vehicle"))));
    doc.op(Op::new(
        HttpMethod::Get,
        "/api/v1/preplans",
        "preplans",
        "Digital pre-plans (数字化预案) with completeness, least complete first",
    )
    .query("limit", "1–1000", Q::Int(1, 1000))
    .query("offset", "rows to skip", Q::Int(0, i64::MAX))
    .ok(200, Some(page_of("PrePlanSummary"))));
    doc.op(Op::new(
        HttpMethod::Post,
        "/api/v1/preplans",
        "preplans",
        "Create (201) or replace (200) the pre-plan of a key unit",
    )
    .body("application/json", reference("PrePlanInput"))
    .ok(201, Some(reference("PrePlan")))
    .also(200, "replaced the unit's pre-plan", Some(reference("PrePlan"))));
    doc.op(Op::new(
        HttpMethod::Get,
        "/api/v1/preplans/{id}",
        "preplans",
        "One pre-plan with attachments and completeness",
    )
    .id()
    .ok(200, Some(reference("PrePlan"))));
    doc.op(Op::new(HttpMethod::Put, "/api/v1/preplans/{id}", "preplans", "Replace a pre-plan's document")
        .id()
        .body("application/json", reference("PrePlanDoc"))
        .ok(200, Some(reference("PrePlan"))));
    doc.op(Op::new(HttpMethod::Delete, "/api/v1/preplans/{id}", "preplans", "Delete a pre-plan and its attachments")
        .id()
        .ok(204, None));
    doc.op(Op::new(
        HttpMethod::Post,
        "/api/v1/preplans/{id}/attachments",
        "preplans",
        "Attach a floor plan: PNG, JPEG, WebP or PDF as the raw body, at most 10 MiB",
    )
    .id()
    .query_required("name", "file name", Q::Len(1, 200))
    .body(
        "application/octet-stream",
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Binary)))
            .into(),
    )
    .ok(201, Some(reference("PrePlan"))));
    doc.op(Op::new(HttpMethod::Get, "/api/v1/preplan-attachments/{id}", "preplans", "Download an attachment").id());
    doc.op(Op::new(HttpMethod::Delete, "/api/v1/preplan-attachments/{id}", "preplans", "Remove an attachment")
        .id()
        .ok(204, None));

    doc.schema::<crate::store::incidents::Incident>();
    doc.schema::<crate::store::incidents::IncidentPatch>();
    doc.schema::<crate::store::summary::IncidentSummary>();
    doc.schema::<crate::store::summary::DayCount>();
    doc.schema::<incidents::IncidentRequest>();
    doc.schema::<incidents::Intake>();
    doc.schema::<incidents::DispatchRequest>();
    doc.schema::<crate::rules::Recommendation>();
    doc.schema::<crate::store::timeline::TimelineEntry>();
    doc.schema::<crate::store::timeline::NewTimelineEntry>();
    doc.schema::<crate::store::timeline::TimelineOutcome>();
    doc.schema::<crate::store::dispatch::Dispatch>();
    doc.schema::<dispatch::NearbyWater>();
    doc.schema::<dispatch::IncidentPrePlan>();
    doc.schema::<dispatch::PlanSets>();
    doc.schema::<dispatch::StatusChange>();
    doc.schema::<crate::rules::PlanSet>();
    doc.schema::<crate::store::plansets::PlanSetInfo>();
    doc.schema::<crate::store::preplans::PrePlan>();
    doc.schema::<crate::store::preplans::PrePlanSummary>();
    doc.schema::<preplans::PrePlanInput>();
    doc.schema::<crate::rules::PrePlanDoc>();
}
