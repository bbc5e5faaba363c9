//! The OpenAPI 3.1 document, composed from the base's and each module's operations and schemas,
//! which they declare beside their handlers (`huoyan_base::openapi`, `huoyan_<module>::routes::openapi`),
//! plus what only the composition serves (this document, the vocabularies) and the kernel's error body.

use std::sync::OnceLock;

use huoyan_api::openapi::{ApiDoc, Op, schemas};
use utoipa::openapi::path::HttpMethod;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ComponentsBuilder, InfoBuilder, OpenApi, OpenApiBuilder};

use crate::error::ErrorBody;

fn build() -> OpenApi {
    let mut doc = ApiDoc::default();
    doc.op(Op::new(HttpMethod::Get, "/api/v1/openapi.json", "system", "This document").public());
    doc.op(Op::new(
        HttpMethod::Get,
        "/api/v1/terms",
        "system",
        "Vocabularies: codes and Chinese terms (registers, roles, incident categories and statuses, timeline stages, dispatch statuses, alarm kinds and results)",
    ));
    huoyan_base::openapi::openapi(&mut doc);
    huoyan_monitor::routes::openapi(&mut doc);
    huoyan_incidents::routes::openapi(&mut doc);
    let paths = huoyan_api::openapi::paths(doc.ops);

    let mut all = doc.schemas;
    schemas::<ErrorBody>(&mut all);
    let mut components = ComponentsBuilder::new()
        .security_scheme("bearer", SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()))
        .security_scheme(
            "device_token",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new(huoyan_monitor::routes::sensors::TOKEN_HEADER))),
        );
    for (name, s) in all {
        components = components.schema(name, s);
    }
    OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Huoyan 火眼 API")
                .version(env!("CARGO_PKG_VERSION"))
                .description(Some("智慧消防平台 API. Records carry codes; every enum also accepts its Chinese term. Coordinates are WGS84. An empty query parameter (`limit=`) is the same as an absent one. Bodies are JSON (`application/json`; PATCH of a record also `application/merge-patch+json`); a number without a fraction (`3.0`) is an integer. Errors: see ErrorBody; each operation lists the statuses it can answer."))
                .build(),
        )
        .paths(paths)
        .components(Some(components.build()))
        .build()
}

/// The document as JSON (built once).
pub fn document_json() -> String {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| build().to_pretty_json().unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))).clone()
}
