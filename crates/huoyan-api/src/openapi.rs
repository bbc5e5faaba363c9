//! The OpenAPI 3.1 document's building blocks: an operation ([`Op`]) declared beside its handler by
//! the module that owns the route, the schemas of its types ([`schemas`]), and [`paths`], which
//! turns the operations into the document's paths with the same security and error responses
//! everywhere. `huoyan-server` composes the modules' operations into one document.

use utoipa::ToSchema;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::security::SecurityRequirement;
use utoipa::openapi::{
    ArrayBuilder, ContentBuilder, KnownFormat, ObjectBuilder, Paths, Ref, RefOr, Required, ResponseBuilder, Schema,
    SchemaFormat, Type,
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

/// What a query parameter takes: its schema in the document. The server answers 400 to anything
/// else, so the document says exactly what it accepts (an empty value is the same as an absent one:
/// see `huoyan-server`'s query handling).
#[derive(Debug, Clone, Copy)]
pub enum Q {
    /// Any text.
    Text,
    /// Text of `min..=max` characters.
    Len(usize, usize),
    /// Text matching this regular expression (anchored).
    Pattern(&'static str),
    /// An integer in `min..=max`.
    Int(i64, i64),
    /// A number in `min..=max`.
    Num(f64, f64),
    /// `true` or `false`.
    Bool,
    /// One of these codes.
    Code(&'static [&'static str]),
    /// Comma-separated codes among these.
    Codes(&'static [&'static str]),
    /// An RFC 3339 date-time.
    Time,
    /// `LON,LAT` in WGS84.
    Point,
    /// `minLon,minLat,maxLon,maxLat` in WGS84.
    BBox,
}

/// A WGS84 longitude or latitude in a pattern (decimal, within range).
const LON: &str = r"-?(180(\.0{1,6})?|(1[0-7][0-9]|[0-9]{1,2})(\.[0-9]{1,6})?)";
const LAT: &str = r"-?(90(\.0{1,6})?|[0-8]?[0-9](\.[0-9]{1,6})?)";

impl Q {
    /// The parameter's schema.
    pub fn schema(self) -> RefOr<Schema> {
        let int = |min: i64, max: i64| {
            let mut b = ObjectBuilder::new()
                .schema_type(Type::Integer)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
                .minimum(Some(min as f64));
            if max < i64::MAX {
                b = b.maximum(Some(max as f64));
            }
            b.into()
        };
        let text = |pattern: String| ObjectBuilder::new().schema_type(Type::String).pattern(Some(pattern)).into();
        match self {
            Q::Text => ObjectBuilder::new().schema_type(Type::String).into(),
            Q::Len(min, max) => {
                ObjectBuilder::new().schema_type(Type::String).min_length(Some(min)).max_length(Some(max)).into()
            }
            Q::Pattern(p) => text(p.to_string()),
            Q::Int(min, max) => int(min, max),
            Q::Num(min, max) => {
                ObjectBuilder::new().schema_type(Type::Number).minimum(Some(min)).maximum(Some(max)).into()
            }
            Q::Bool => ObjectBuilder::new().schema_type(Type::Boolean).into(),
            Q::Code(codes) => {
                ObjectBuilder::new().schema_type(Type::String).enum_values(Some(codes.iter().copied())).into()
            }
            Q::Codes(codes) => {
                let one = codes.iter().map(|c| regex_escape(c)).collect::<Vec<_>>().join("|");
                text(format!("^({one})(,({one}))*$"))
            }
            Q::Time => ObjectBuilder::new()
                .schema_type(Type::String)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
                .into(),
            Q::Point => text(format!("^{LON},{LAT}$")),
            // Any four coordinates; that the minimum does not exceed the maximum the pattern cannot say.
            Q::BBox => text(format!("^{LON},{LAT},{LON},{LAT}$")),
        }
    }
}

fn regex_escape(s: &str) -> String {
    s.chars().flat_map(|c| if c.is_ascii_alphanumeric() || c == '_' { vec![c] } else { vec!['\\', c] }).collect()
}

/// One parameter of an operation.
struct Param {
    name: &'static str,
    loc: ParameterIn,
    doc: String,
    schema: RefOr<Schema>,
    required: bool,
}

/// One operation of the document, declared beside its handler.
pub struct Op {
    method: HttpMethod,
    path: String,
    tag: &'static str,
    summary: String,
    params: Vec<Param>,
    /// Media types and their schemas, the first the preferred one.
    body: Vec<(String, RefOr<Schema>)>,
    ok: (u16, Option<RefOr<Schema>>),
    /// Further answers besides the generic ones ([`paths`]): status, description, JSON schema.
    also: Vec<(u16, String, Option<RefOr<Schema>>)>,
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
            body: vec![],
            ok: (200, None),
            also: vec![],
            public: false,
            device_token: false,
        }
    }
    /// An optional query parameter.
    pub fn query(mut self, name: &'static str, doc: &str, q: Q) -> Op {
        self.params.push(Param { name, loc: ParameterIn::Query, doc: doc.into(), schema: q.schema(), required: false });
        self
    }
    /// A required query parameter.
    pub fn query_required(mut self, name: &'static str, doc: &str, q: Q) -> Op {
        self.params.push(Param { name, loc: ParameterIn::Query, doc: doc.into(), schema: q.schema(), required: true });
        self
    }
    /// The `{id}` path parameter: a record id, a positive integer.
    pub fn id(self) -> Op {
        self.path_param("id", "record id", Q::Int(1, i64::MAX))
    }
    /// A path parameter.
    pub fn path_param(mut self, name: &'static str, doc: impl Into<String>, q: Q) -> Op {
        self.params.push(Param { name, loc: ParameterIn::Path, doc: doc.into(), schema: q.schema(), required: true });
        self
    }
    /// The request body's media type and schema; call again for another media type it may come in.
    pub fn body(mut self, content_type: &str, schema: RefOr<Schema>) -> Op {
        self.body.push((content_type.into(), schema));
        self
    }
    /// The success status and its body's schema.
    pub fn ok(mut self, status: u16, schema: Option<RefOr<Schema>>) -> Op {
        self.ok = (status, schema);
        self
    }
    /// Another answer this operation gives besides the generic ones: another success (200 when
    /// replacing, where 201 creates) or an error (an [`ErrorBody`](crate::error::ErrorBody)).
    pub fn also(mut self, status: u16, what: &str, schema: Option<RefOr<Schema>>) -> Op {
        self.also.push((status, what.into(), schema));
        self
    }
    /// Another error this operation answers, with the error body.
    pub fn error(self, status: u16, what: &str) -> Op {
        self.also(status, what, Some(reference("ErrorBody")))
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

/// The error answers every operation documents, by what it has: 401 and 403 when it needs a session
/// or token; 400 when it has parameters or a body (malformed values); 404 when it has a path
/// parameter; 409 when it changes something; 413, 415 and 422 when it has a body. Further ones are
/// declared per operation ([`Op::error`]). 5xx is never documented: it is a defect.
pub fn generic_errors(op: &Op) -> Vec<(u16, &'static str)> {
    let mut out = vec![];
    let authenticated = !op.public;
    let changes = !matches!(op.method, HttpMethod::Get | HttpMethod::Head | HttpMethod::Options);
    if !op.params.is_empty() || !op.body.is_empty() {
        out.push((400, "malformed request: a parameter or the body is not what this document says"));
    }
    if authenticated {
        out.push((401, "not logged in, or the session expired"));
        out.push((403, "not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client)"));
    }
    if op.params.iter().any(|p| matches!(p.loc, ParameterIn::Path)) {
        out.push((404, "no such record, or outside your jurisdiction"));
    }
    if changes && authenticated {
        out.push((409, "conflicts with the current state (the code in `fields`)"));
    }
    if !op.body.is_empty() {
        out.push((413, "body too large"));
        out.push((415, "unsupported Content-Type"));
        out.push((422, "invalid fields (each named in `fields` with its code)"));
    }
    out
}

/// The document's paths: each operation with its parameters, body, success response, security
/// (bearer session unless public; the device token for sensor ingestion) and its error responses
/// ([`generic_errors`] and those the operation declares), each with the `ErrorBody` schema.
pub fn paths(ops: Vec<Op>) -> Paths {
    let mut paths = Paths::new();
    let bearer = SecurityRequirement::new("bearer", Vec::<String>::new());
    let device_token = SecurityRequirement::new("device_token", Vec::<String>::new());
    for op in ops {
        let errors = generic_errors(&op);
        let mut b = OperationBuilder::new().tag(op.tag).summary(Some(op.summary.clone()));
        if op.device_token {
            b = b.security(device_token.clone());
        } else if !op.public {
            b = b.security(bearer.clone());
        }
        for p in op.params {
            b = b.parameter(
                ParameterBuilder::new()
                    .name(p.name)
                    .parameter_in(p.loc)
                    .required(if p.required { Required::True } else { Required::False })
                    .description(Some(p.doc))
                    .schema(Some(p.schema)),
            );
        }
        if !op.body.is_empty() {
            let mut rb = RequestBodyBuilder::new().required(Some(Required::True));
            for (ct, schema) in op.body {
                rb = rb.content(ct, json(schema));
            }
            b = b.request_body(Some(rb.build()));
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
        let error = |what: &str| {
            ResponseBuilder::new().description(what).content("application/json", json(reference("ErrorBody"))).build()
        };
        for (code, what) in errors {
            b = b.response(code.to_string(), error(what));
        }
        for (code, what, schema) in op.also {
            let mut r = ResponseBuilder::new().description(what);
            if let Some(s) = schema {
                r = r.content("application/json", json(s));
            }
            if code == 429 {
                r = r.header(
                    "Retry-After",
                    utoipa::openapi::HeaderBuilder::new()
                        .schema(ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(0.0)))
                        .description(Some("seconds to wait"))
                        .build(),
                );
            }
            b = b.response(code.to_string(), r.build());
        }
        paths.add_path_operation(op.path, vec![op.method], b.build());
    }

    paths
}
