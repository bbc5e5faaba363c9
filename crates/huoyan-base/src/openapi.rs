//! The base's part of the OpenAPI document: its operations, declared from the same tables the
//! routes are built from (record kinds, list parameters, map layers), and its schemas from the
//! types' `ToSchema` derives.

use huoyan_api::openapi::{ApiDoc, Op, Q, page_of, reference};
use huoyan_domain::account::{Principal, User, UserInput};
use huoyan_domain::classify::RuleSet;
use huoyan_domain::jurisdiction::Jurisdiction;
use huoyan_domain::*;
use utoipa::ToSchema;
use utoipa::openapi::path::HttpMethod;
use utoipa::openapi::{ArrayBuilder, ObjectBuilder, Type};

use crate::routes::auth::{LoginRequest, LoginResponse, Me};
use crate::routes::files::UploadResult;
use crate::routes::misc::{Health, RuleSetLoaded, RuleSets};

/// The `{z}`, `{x}`, `{y}` of a tile path.
fn tile(op: Op) -> Op {
    let max = (1i64 << huoyan_tiles::tile::MAX_ZOOM) - 1;
    op.path_param(
        "z",
        format!(
            "zoom, 0–{} (content at {}–{})",
            huoyan_tiles::tile::MAX_ZOOM,
            huoyan_tiles::basemap::MIN_ZOOM,
            huoyan_tiles::basemap::MAX_ZOOM
        ),
        Q::Int(0, huoyan_tiles::tile::MAX_ZOOM as i64),
    )
    .path_param("x", "column, 0 ≤ x < 2^z, west to east (404 beyond)", Q::Int(0, max))
    .path_param(
        "y",
        "row, 0 ≤ y < 2^z, north to south (XYZ scheme), followed by `.mvt` (404 beyond)",
        Q::Int(0, max),
    )
}

/// A list's `jurisdiction_id` that names no node the caller can see.
const NO_SUCH_JURISDICTION: &str = "jurisdiction_id names no jurisdiction in your subtree";

fn record_ops<R: Record + ToSchema>(ops: &mut Vec<Op>) {
    let t = R::KIND.table();
    let name = R::name().to_string();
    let zh = R::KIND.zh();
    let mut list = Op::new(HttpMethod::Get, format!("/api/v1/{t}"), t, format!("List {t} ({zh}) in your jurisdiction"))
        .ok(200, Some(page_of(&name)));
    for (p, doc, q) in crate::routes::records::LIST_PARAMS {
        list = list.query(p, doc, *q);
    }
    ops.push(list.error(404, NO_SUCH_JURISDICTION));
    ops.push(
        Op::new(HttpMethod::Post, format!("/api/v1/{t}"), t, format!("Create a {t} record"))
            .body("application/json", reference(&name))
            .ok(201, Some(reference(&name))),
    );
    let item = format!("/api/v1/{t}/{{id}}");
    ops.push(Op::new(HttpMethod::Get, &item, t, format!("Get one {t} record")).id().ok(200, Some(reference(&name))));
    ops.push(
        Op::new(HttpMethod::Put, &item, t, format!("Replace a {t} record"))
            .id()
            .body("application/json", reference(&name))
            .ok(200, Some(reference(&name))),
    );
    ops.push(
        Op::new(
            HttpMethod::Patch,
            &item,
            t,
            format!("Change some fields of a {t} record (JSON merge patch, RFC 7396)"),
        )
        .id()
        .body("application/merge-patch+json", ObjectBuilder::new().into())
        .ok(200, Some(reference(&name))),
    );
    ops.push(Op::new(HttpMethod::Delete, &item, t, format!("Delete a {t} record")).id().ok(204, None));
}

/// The base's operations and schemas for the OpenAPI document.
pub fn openapi(doc: &mut ApiDoc) {
    let mut ops = vec![
        Op::new(HttpMethod::Get, "/api/v1/health", "system", "Health of the server and database")
            .ok(200, Some(reference("Health")))
            .public(),
    ];
    ops.push(
        Op::new(HttpMethod::Post, "/api/v1/auth/login", "auth", "Log in; returns a bearer token")
            .body("application/json", reference("LoginRequest"))
            .ok(200, Some(reference("LoginResponse")))
            .error(401, "wrong user name or password, or the account is disabled")
            .error(429, "too many failed logins for this user name or from this address: wait Retry-After seconds")
            .public(),
    );
    ops.push(Op::new(HttpMethod::Post, "/api/v1/auth/logout", "auth", "End the session").ok(204, None));
    ops.push(
        Op::new(HttpMethod::Get, "/api/v1/auth/me", "auth", "The caller, jurisdiction and permissions")
            .ok(200, Some(reference("Me"))),
    );
    record_ops::<Road>(&mut ops);
    record_ops::<Building>(&mut ops);
    record_ops::<Station>(&mut ops);
    record_ops::<Vehicle>(&mut ops);
    record_ops::<Person>(&mut ops);
    record_ops::<WaterSource>(&mut ops);
    record_ops::<Unit>(&mut ops);
    for layer in ["units", "water_sources"] {
        ops.push(
            Op::new(
                HttpMethod::Post,
                format!("/api/v1/{layer}/import"),
                "registers",
                format!("Import {layer} from .xlsx or CSV with Chinese headers"),
            )
            .body(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Binary)))
                    .into(),
            )
            .ok(200, Some(reference("UploadResult"))),
        );
        let mut export = Op::new(
            HttpMethod::Get,
            format!("/api/v1/{layer}/export.xlsx"),
            "registers",
            format!("Export {layer} to .xlsx (same filters as the list)"),
        );
        for (p, doc, q) in crate::routes::records::LIST_PARAMS {
            export = export.query(p, doc, *q);
        }
        ops.push(export.error(404, NO_SUCH_JURISDICTION));
    }
    let jur = "/api/v1/jurisdictions";
    ops.push(
        Op::new(HttpMethod::Get, jur, "jurisdictions", "The jurisdiction tree of your subtree")
            .query("boundary", "include boundaries: true|false", Q::Code(&["true", "false", "1", "0"]))
            .ok(200, Some(ArrayBuilder::new().items(reference("Jurisdiction")).into())),
    );
    ops.push(
        Op::new(HttpMethod::Post, jur, "jurisdictions", "Create a node under a parent")
            .body("application/json", reference("Jurisdiction"))
            .ok(201, Some(reference("Jurisdiction"))),
    );
    for (m, s) in [
        (HttpMethod::Get, "Get a node"),
        (HttpMethod::Put, "Change a node"),
        (HttpMethod::Delete, "Delete an empty node"),
    ] {
        let mut op = Op::new(m.clone(), format!("{jur}/{{id}}"), "jurisdictions", s).id();
        if matches!(m, HttpMethod::Put) {
            op = op.body("application/json", reference("Jurisdiction"));
        }
        ops.push(if matches!(m, HttpMethod::Delete) {
            op.ok(204, None)
        } else {
            op.ok(200, Some(reference("Jurisdiction")))
        });
    }
    ops.push(
        Op::new(HttpMethod::Get, "/api/v1/users", "users", "Accounts in your subtree (admin)")
            .ok(200, Some(ArrayBuilder::new().items(reference("User")).into())),
    );
    ops.push(
        Op::new(HttpMethod::Post, "/api/v1/users", "users", "Create an account (admin)")
            .body("application/json", reference("UserInput"))
            .ok(201, Some(reference("User"))),
    );
    ops.push(
        Op::new(HttpMethod::Get, "/api/v1/users/{id}", "users", "Get an account").id().ok(200, Some(reference("User"))),
    );
    ops.push(
        Op::new(HttpMethod::Put, "/api/v1/users/{id}", "users", "Change an account")
            .id()
            .body("application/json", reference("UserInput"))
            .ok(200, Some(reference("User"))),
    );
    ops.push(Op::new(HttpMethod::Delete, "/api/v1/users/{id}", "users", "Delete an account").id().ok(204, None));
    ops.push(
        Op::new(HttpMethod::Get, "/api/v1/audit", "audit", "The audit log, newest first")
            .query("entity", "table name", Q::Text)
            .query("entity_id", "record id", Q::Int(1, i64::MAX))
            .query("limit", "1–1000, default 100", Q::Int(1, 1000))
            .ok(200, Some(ArrayBuilder::new().items(reference("AuditRecord")).into())),
    );
    ops.push(
        Op::new(HttpMethod::Get, "/api/v1/stats", "stats", "Counts of what your jurisdiction holds")
            .ok(200, Some(reference("Stats"))),
    );
    ops.push(
        Op::new(HttpMethod::Get, "/api/v1/rule-sets", "rules", "Classification rule sets and the one in force")
            .ok(200, Some(reference("RuleSets"))),
    );
    ops.push(
        Op::new(
            HttpMethod::Post,
            "/api/v1/rule-sets",
            "rules",
            "Load a province's rule set (TOML or JSON); reclassifies units",
        )
        .body("application/json", reference("RuleSet"))
        .body("application/toml", ObjectBuilder::new().schema_type(Type::String).into())
        .ok(200, Some(reference("RuleSetLoaded"))),
    );
    ops.push(
        Op::new(HttpMethod::Get, "/api/v1/map/features", "map", "Map features in a bounding box as GeoJSON")
            .query_required("bbox", "minLon,minLat,maxLon,maxLat (the minimum not above the maximum)", Q::BBox)
            .query(
                "layers",
                &format!("comma-separated: {}", crate::routes::map::LAYERS.join(", ")),
                Q::Codes(crate::routes::map::LAYERS),
            )
            .query("limit", "features per layer, 1–5000", Q::Int(1, crate::routes::map::MAX_PER_LAYER)),
    );

    ops.push(
        Op::new(
            HttpMethod::Get,
            "/api/v1/map/config",
            "map",
            "How to draw the base map: vector tile URL, zooms, layers, attribution, initial view",
        )
        .ok(200, Some(reference("MapConfig"))),
    );
    ops.push(
        tile(Op::new(HttpMethod::Get, crate::routes::tiles::TEMPLATE, "map", "A base-map vector tile (Mapbox Vector Tile 2.1: roads, buildings, boundaries); outside /api/v1; session cookie or bearer token"))
            .ok(200, Some(ObjectBuilder::new().schema_type(Type::String).format(Some(utoipa::openapi::SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Binary))).into())),
    );
    ops.push(
        Op::new(
            HttpMethod::Get,
            "/api/v1/route",
            "routing",
            "Travel time, distance and path by road for a fire engine",
        )
        .query_required("from", "LON,LAT", Q::Point)
        .query_required("to", "LON,LAT", Q::Point)
        .error(422, "no road near a point (no_road_near), or no road between them (unreachable)"),
    );
    ops.push(
        Op::new(
            HttpMethod::Get,
            "/api/v1/eta",
            "routing",
            "Travel time of every force you may see to a point, fastest first",
        )
        .query_required("at", "LON,LAT", Q::Point)
        .error(422, "no road near the point (no_road_near)"),
    );
    ops.push(
        Op::new(
            HttpMethod::Get,
            "/api/v1/dashboard",
            "stats",
            "Home dashboard: units by class and jurisdiction, water-source intact rate by type, stations and vehicles",
        )
        .ok(200, Some(reference("Dashboard"))),
    );
    ops.push(
        Op::new(
            HttpMethod::Get,
            "/api/v1/search",
            "map",
            "Find units, water sources and stations by name, code or address",
        )
        .query_required("q", "text to find", Q::Len(1, 200))
        .query(
            "layers",
            "comma-separated: water_sources, units, stations",
            Q::Codes(&huoyan_store::dashboard::SEARCH_LAYERS),
        )
        .query("limit", "results per layer, 1–100, default 10", Q::Int(1, 100))
        .ok(200, Some(reference("SearchResult"))),
    );

    ops.push(Op::new(HttpMethod::Get, "/api/v1/events/stream", "live", "Server-Sent Events for the console (alarm, alarm_update, incident, incident_request, device, test); resumes after Last-Event-ID").query("after", "resume after this event id (the `id:` of an event received)", Q::Text));
    ops.push(
        Op::new(HttpMethod::Get, "/api/v1/events/recent", "live", "Events kept for reconnecting consoles")
            .ok(200, Some(ArrayBuilder::new().items(reference("LiveEvent")).into())),
    );
    ops.push(
        Op::new(HttpMethod::Post, "/api/v1/events/test", "live", "Publish a test event (声光测试)")
            .ok(200, Some(reference("LiveEvent"))),
    );
    for op in ops {
        doc.op(op);
    }
    doc.schema::<Road>();
    doc.schema::<Building>();
    doc.schema::<Station>();
    doc.schema::<Vehicle>();
    doc.schema::<Person>();
    doc.schema::<WaterSource>();
    doc.schema::<Unit>();
    doc.schema::<Jurisdiction>();
    doc.schema::<User>();
    doc.schema::<UserInput>();
    doc.schema::<Principal>();
    doc.schema::<RuleSet>();
    doc.schema::<Health>();
    doc.schema::<LoginRequest>();
    doc.schema::<LoginResponse>();
    doc.schema::<Me>();
    doc.schema::<RuleSets>();
    doc.schema::<RuleSetLoaded>();
    doc.schema::<UploadResult>();
    doc.schema::<huoyan_store::audit::AuditRecord>();
    doc.schema::<huoyan_store::stats::Stats>();
    doc.schema::<huoyan_api::live::LiveEvent>();
    doc.schema::<crate::routes::tiles::MapConfig>();
    doc.schema::<huoyan_store::dashboard::Dashboard>();
    doc.schema::<crate::routes::dashboard::SearchResult>();
}
