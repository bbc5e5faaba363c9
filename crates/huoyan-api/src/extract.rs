//! Request extractors: the authenticated caller ([`Auth`]) and JSON bodies whose errors name the
//! offending field ([`JsonBody`]).

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header;
use axum::http::request::Parts;
use huoyan_domain::Refusal;
use huoyan_domain::access::{Action, Resource, can};
use huoyan_domain::account::Principal;
use huoyan_domain::validate::{FieldError, code};
use serde::de::DeserializeOwned;

use crate::AppState;
use crate::error::ApiError;

/// The name of the session cookie set by login (the console uses it; API clients send a bearer token).
pub const SESSION_COOKIE: &str = "huoyan_session";

/// The authenticated caller. Rejects anonymous requests with 401.
#[derive(Debug, Clone)]
pub struct Auth(pub Principal);

/// The header a cookie-authenticated request must carry to change anything (any value; the console
/// sends `console`). Browsers do not send custom headers to another site without a CORS preflight,
/// which Huoyan never grants, so a forged cross-site form or `fetch` cannot carry it (CSRF).
/// Bearer-token clients do not need it: another site cannot make a browser send the token.
pub const CLIENT_HEADER: &str = "x-huoyan-client";

/// The bearer token of `Authorization: Bearer <token>` (the scheme in any case, RFC 9110 §11.1).
fn bearer_of(parts: &Parts) -> Option<String> {
    let v = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim_start();
    let (scheme, token) = v.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_string()).filter(|t| !t.is_empty())
}

/// The bearer token or session cookie of a request, if any.
pub fn token_of(parts: &Parts) -> Option<String> {
    bearer_of(parts).or_else(|| cookie_of(parts))
}

/// The session cookie of a request, if any.
fn cookie_of(parts: &Parts) -> Option<String> {
    parts.headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(
        |c| {
            let (k, v) = c.trim().split_once('=')?;
            (k == SESSION_COOKIE).then(|| v.to_string())
        },
    )
}

impl FromRequestParts<AppState> for Auth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let bearer = bearer_of(parts);
        let by_cookie = bearer.is_none();
        let token = bearer
            .or_else(|| cookie_of(parts))
            .ok_or_else(|| ApiError::Unauthorized("log in first: send Authorization: Bearer <token>".into()))?;
        if by_cookie && !parts.method.is_safe() && !parts.headers.contains_key(CLIENT_HEADER) {
            return Err(ApiError::Forbidden(Refusal::from(
                FieldError::new(
                    "header",
                    code::CLIENT_HEADER_MISSING,
                    format!(
                        "a change made with the session cookie must carry the {CLIENT_HEADER} header (CSRF protection)"
                    ),
                )
                .with("name", CLIENT_HEADER),
            )));
        }
        match state.store.authenticate(&token).await? {
            Some(p) => Ok(Auth(p)),
            None => Err(ApiError::Unauthorized("the session has expired or is not valid; log in again".into())),
        }
    }
}

/// The address of the peer that sent a request (the TCP peer; see `docs/SECURITY.md` behind a proxy),
/// when the server recorded it (`huoyan_server::serve` does; a router called directly does not).
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub Option<std::net::IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(
            parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip().to_canonical()),
        ))
    }
}

impl Auth {
    /// Checks the role table (`huoyan_domain::access`); 403 when the role may not.
    pub fn require(&self, resource: Resource, action: Action) -> Result<&Principal, ApiError> {
        if can(self.0.role, resource, action) {
            Ok(&self.0)
        } else {
            let verb = match action {
                Action::Read => "read",
                Action::Write => "change",
            };
            Err(ApiError::Forbidden(Refusal::from(format!(
                "the role {} ({}) may not {verb} {resource:?}",
                self.0.role.code(),
                self.0.role.zh()
            ))))
        }
    }
}

/// A JSON body: requires a JSON `Content-Type` ([`is_json`]); decoding errors name the field path.
pub struct JsonBody<T>(pub T);

/// Decodes JSON, naming the path of the first bad value. A number with no fraction (`3.0`) is an
/// integer, as in JSON Schema and RFC 8259 (which has one number type): it decodes into integer
/// fields like `3`.
pub fn decode_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ApiError::BadRequest(format!("malformed JSON: {e}")))?;
    integral_numbers(&mut value);
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let field = if path == "." { "body".to_string() } else { path };
        decode_error(&field, inner.to_string()).into()
    })
}

/// Writes every number that has no fraction and fits an `i64` as an integer (`3.0` → `3`).
fn integral_numbers(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64()
                && f.fract() == 0.0
                && f >= i64::MIN as f64
                && f < i64::MAX as f64
            {
                *n = serde_json::Number::from(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral_numbers),
        Value::Object(members) => members.values_mut().for_each(integral_numbers),
        _ => {}
    }
}

/// A decoding error with its code. serde tells its kinds of error apart only in the message, so
/// the message's fixed opening — serde's own (`missing field`, `unknown field`, `unknown variant`,
/// `invalid type`) and the vocabularies' (`unknown value`, `huoyan_domain::terms`) — gives the code:
/// `required` (`name`, the missing field), `unknown_field` (`name`), `unknown_value` (`value`),
/// `wrong_type`; else `invalid`.
fn decode_error(field: &str, reason: String) -> FieldError {
    // The name or value quoted right after the opening: `x` (serde) or "x" (the vocabularies).
    let quoted = |rest: &str| -> Option<String> {
        let (open, close) = match rest.chars().next()? {
            '`' => ('`', '`'),
            '"' => ('"', '"'),
            _ => return None,
        };
        let rest = rest.strip_prefix(open)?;
        rest.find(close).map(|end| rest[..end].to_string())
    };
    let (c, key, rest) = if let Some(rest) = reason.strip_prefix("missing field ") {
        (code::REQUIRED, Some("name"), rest)
    } else if let Some(rest) = reason.strip_prefix("unknown field ") {
        (code::UNKNOWN_FIELD, Some("name"), rest)
    } else if let Some(rest) = reason.strip_prefix("unknown variant ").or_else(|| reason.strip_prefix("unknown value "))
    {
        (code::UNKNOWN_VALUE, Some("value"), rest)
    } else if reason.starts_with("invalid type: ") {
        (code::WRONG_TYPE, None, "")
    } else {
        (code::INVALID, None, "")
    };
    let value = key.and_then(|_| quoted(rest));
    let e = FieldError::new(field, c, reason);
    match (key, value) {
        (Some(k), Some(v)) => e.with(k, v),
        _ => e,
    }
}

/// Whether a request declares a JSON body: `application/json` or a JSON-based media type
/// (`application/*+json`, e.g. `application/merge-patch+json` for PATCH), any parameters.
pub fn is_json(headers: &axum::http::HeaderMap) -> bool {
    headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| {
        let m = v.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        m == "application/json" || (m.starts_with("application/") && m.ends_with("+json"))
    })
}

/// A body that could not be read: too large (413) or broken (400).
pub fn body_error(e: &axum::extract::rejection::BytesRejection, limit: usize) -> ApiError {
    if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::TooLarge(format!("the body is larger than {limit} bytes"))
    } else {
        ApiError::BadRequest(format!("cannot read the body: {e}"))
    }
}

impl<T: DeserializeOwned> FromRequest<AppState> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, ApiError> {
        if !is_json(req.headers()) {
            return Err(ApiError::UnsupportedMediaType(
                "send the body as Content-Type: application/json (or application/merge-patch+json for PATCH)".into(),
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| body_error(&e, state.config.max_body_bytes))?;
        decode_json(&bytes).map(JsonBody)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused<T: DeserializeOwned>(json: &str) -> FieldError {
        match decode_json::<T>(json.as_bytes()) {
            Err(ApiError::Invalid(mut f)) => f.remove(0),
            Err(other) => panic!("{json}: {other}"),
            Ok(_) => panic!("{json}: accepted"),
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        name: String,
        kind: huoyan_domain::terms::StationKind,
        #[serde(default)]
        n: Option<u8>,
    }

    #[test]
    fn decoding_errors_get_codes() {
        let e = refused::<Body>(r#"{"kind": "level1"}"#);
        assert_eq!((e.field.as_str(), e.code.as_str(), &e.params["name"]), ("body", "required", &"name".into()));
        let e = refused::<Body>(r#"{"name": "x", "kind": "tap"}"#);
        assert_eq!((e.field.as_str(), e.code.as_str(), &e.params["value"]), ("kind", "unknown_value", &"tap".into()));
        assert!(e.reason.starts_with("unknown value \"tap\""), "the reason is serde's: {}", e.reason);
        let e = refused::<Body>(r#"{"name": "x", "kind": "level1", "colour": 1}"#);
        assert_eq!((e.code.as_str(), &e.params["name"]), ("unknown_field", &"colour".into()));
        let e = refused::<Body>(r#"{"name": 5, "kind": "level1"}"#);
        assert_eq!((e.field.as_str(), e.code.as_str()), ("name", "wrong_type"));
        let e = refused::<Body>(r#"{"name": "x", "kind": "level1", "n": 300}"#);
        assert_eq!((e.field.as_str(), e.code.as_str()), ("n", "invalid"));
        let e = refused::<Body>(r#"{"name": "x", "kind": "level1", "n": 2.5}"#);
        assert_eq!((e.field.as_str(), e.code.as_str()), ("n", "wrong_type"));
    }

    #[test]
    fn an_integral_number_is_an_integer() {
        let b: Body = decode_json(br#"{"name": "x", "kind": "level1", "n": 3.0}"#).unwrap();
        assert_eq!(b.n, Some(3));
        assert!(matches!(decode_json::<Body>(b"{\"name\": "), Err(ApiError::BadRequest(_))));
    }

    #[test]
    fn json_media_types() {
        let with = |ct: &str| {
            let mut h = axum::http::HeaderMap::new();
            h.insert(header::CONTENT_TYPE, ct.parse().unwrap());
            is_json(&h)
        };
        for ok in
            ["application/json", "application/json; charset=utf-8", "Application/JSON", "application/merge-patch+json"]
        {
            assert!(with(ok), "{ok}");
        }
        for no in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/jsonp"] {
            assert!(!with(no), "{no}");
        }
        assert!(!is_json(&axum::http::HeaderMap::new()));
    }
}
