//! The OpenAPI 3.1 document's building blocks: an operation ([`Op`]) declared beside its handler by
//! the module that owns the route, the schemas of its types ([`schemas`]), and [`paths`], which
//! turns the operations into the document's paths with the same security and error responses
//! everywhere. `huoyan-server` composes the modules' operations into one document.

use utoipa::ToSchema;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::security::SecurityRequirement;
use utoipa::openapi::{
    ArrayBuilder, ContentBuilder, ObjectBuilder, Paths, Ref, RefOr, Required, ResponseBuilder, Schema, Type,
};

/// The media type of a vector tile.
pub const MVT: &str = "application/vnd.mapbox-vector-tile";

/// A module's operations and schemas, gathered by [`huoyan-server`'s document].
#[derive(Default)]
pub struct ApiDoc {
    /// Operations, in any order (paths are sorted in the document).
    pub ops: Vec<Op>,
    /// Named schemas with their dependencies.
    pub schemas: Vec<(String, RefOr<Schema>)>,
}

impl ApiDoc {
    /// Adds an operation.
    pub fn op(&mut self, op: Op) -> &mut Self {
        self.ops.push(op);
        self
    }

    /// Adds `T`'s schema and those it refers to.
    pub fn schema<T: ToSchema>(&mut self) -> &mut Self {
        schemas::<T>(&mut self.schemas);
        self
    }
}

/// JSON content of `schema`.
pub fn json(schema: impl Into<RefOr<Schema>>) -> utoipa::openapi::Content {
    ContentBuilder::new().schema(Some(schema)).build()
}

/// A reference to the named schema.
pub fn reference(name: &str) -> RefOr<Schema> {
    RefOr::Ref(Ref::from_schema_name(name))
}

/// One operation of the document, declared beside its handler.
pub struct Op {
    method: HttpMethod,
    path: String,
    tag: &'static str,
    summary: String,
    params: Vec<(&'static str, ParameterIn, String)>,
    body: Option<(String, RefOr<Schema>)>,
    ok: (u16, Option<RefOr<Schema>>),
    public: bool,
    /// Authenticated by a sensor's ingestion token instead of a session.
    device_token: bool,
}

impl Op {
    /// An operation at `path` (with `/api/v1`), tagged by area, with a one-line summary.
    pub fn new(method: HttpMethod, path: impl Into<String>, tag: &'static str, summary: impl Into<String>) -> Op {
        Op {
            method,
            path: path.into(),
            tag,
            summary: summary.into(),
            params: vec![],
            body: None,
            ok: (200, None),
            public: false,
            device_token: false,
        }
    }
    /// A query parameter.
    pub fn query(mut self, name: &'static str, doc: &str) -> Op {
        self.params.push((name, ParameterIn::Query, doc.into()));
        self
    }
    /// The `{id}` path parameter.
    pub fn id(mut self) -> Op {
        self.params.push(("id", ParameterIn::Path, "record id".into()));
        self
    }
    /// Any parameter.
    pub fn param(mut self, name: &'static str, loc: ParameterIn, doc: impl Into<String>) -> Op {
        self.params.push((name, loc, doc.into()));
        self
    }
    /// The request body's media type and schema.
    pub fn body(mut self, content_type: &str, schema: RefOr<Schema>) -> Op {
        self.body = Some((content_type.into(), schema));
        self
    }
    /// The success status and its body's schema.
    pub fn ok(mut self, status: u16, schema: Option<RefOr<Schema>>) -> Op {
        self.ok = (status, schema);
        self
    }
    /// Needs no session.
    pub fn public(mut self) -> Op {
        self.public = true;
        self
    }
    /// Authenticated by a sensor's ingestion token.
    pub fn device_token(mut self) -> Op {
        self.device_token = true;
        self
    }
}

/// A page of `name` items (`items`, `total`, `limit`, `offset`).
pub fn page_of(name: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .property("items", ArrayBuilder::new().items(reference(name)))
        .property("total", ObjectBuilder::new().schema_type(Type::Integer))
        .property("limit", ObjectBuilder::new().schema_type(Type::Integer))
        .property("offset", ObjectBuilder::new().schema_type(Type::Integer))
        .required("items")
        .required("total")
        .into()
}

/// Adds `T`'s schema and the schemas it refers to.
pub fn schemas<T: ToSchema>(out: &mut Vec<(String, RefOr<Schema>)>) {
    out.push((T::name().to_string(), T::schema()));
    T::schemas(out);
}

/// The document's paths: each operation with its parameters, body, success response, security
/// (bearer session unless public; the device token for sensor ingestion) and the error responses.
pub fn paths(ops: Vec<Op>) -> Paths {
    let mut paths = Paths::new();
    let bearer = SecurityRequirement::new("bearer", Vec::<String>::new());
    let device_token = SecurityRequirement::new("device_token", Vec::<String>::new());
    for op in ops {
        let mut b = OperationBuilder::new().tag(op.tag).summary(Some(op.summary.clone()));
        if op.device_token {
            b = b.security(device_token.clone());
        } else if !op.public {
            b = b.security(bearer.clone());
        }
        for (name, loc, doc) in &op.params {
            let schema: RefOr<Schema> = if matches!(*name, "id" | "z" | "x" | "y") {
                ObjectBuilder::new().schema_type(Type::Integer).into()
            } else {
                ObjectBuilder::new().schema_type(Type::String).into()
            };
            b = b.parameter(
                ParameterBuilder::new()
                    .name(*name)
                    .parameter_in(loc.clone())
                    .required(if matches!(loc, ParameterIn::Path) { Required::True } else { Required::False })
                    .description(Some(doc.clone()))
                    .schema(Some(schema)),
            );
        }
        if let Some((ct, schema)) = op.body {
            b = b.request_body(Some(
                RequestBodyBuilder::new().content(ct, json(schema)).required(Some(Required::True)).build(),
            ));
        }
        let mut ok = ResponseBuilder::new().description("success");
        let tile = op.path.ends_with(".mvt");
        if let Some(s) = op.ok.1 {
            ok = ok.content(if tile { MVT } else { "application/json" }, json(s));
        }
        b = b.response(op.ok.0.to_string(), ok.build());
        if tile {
            b = b.response("204", ResponseBuilder::new().description("nothing in this tile").build());
            b = b.response(
                "304",
                ResponseBuilder::new().description("unchanged since the ETag in If-None-Match").build(),
            );
        }
        for (code, what) in [
            ("400", "malformed request"),
            ("401", "not logged in"),
            ("403", "not allowed for your role or jurisdiction"),
            ("404", "not found"),
            ("409", "conflict"),
            ("413", "body too large"),
            ("422", "invalid fields (named in `fields`)"),
        ] {
            if op.public && code != "400" && code != "422" {
                continue;
            }
            b = b.response(
                code,
                ResponseBuilder::new()
                    .description(what)
                    .content("application/json", json(reference("ErrorBody")))
                    .build(),
            );
        }
        paths.add_path_operation(op.path, vec![op.method], b.build());
    }

    paths
}
