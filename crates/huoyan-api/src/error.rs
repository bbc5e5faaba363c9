//! The API's error type: every failure becomes a JSON body with a stable `error` code, a message, and
//! for validation failures the list of fields with their codes, parameters and reasons (a conflict or
//! a forbidden write that carries a code answers it the same way, as one entry). Internal details are
//! logged, never sent.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use huoyan_domain::{FieldError, Refusal};
use huoyan_store::StoreError;
use serde::Serialize;

/// The body of every error response.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// Stable code: `bad_request`, `invalid`, `unauthorized`, `forbidden`, `not_found`, `conflict`,
    /// `payload_too_large`, `unsupported_media_type`, `too_many_requests`, `internal`.
    pub error: &'static str,
    /// Human-readable message.
    pub message: String,
    /// For `invalid`: each field, the problem's `code` with its `params`, and why in words
    /// (`reason`). For `conflict` and `forbidden` with a code (e.g. `address_taken`,
    /// `vehicle_state`, `outside_jurisdiction`): one entry, its `reason` the message. Omitted when
    /// empty. The codes: `docs/ARCHITECTURE.md`, "Error codes".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// An error answered to the client.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Malformed request (not JSON, bad query string …).
    #[error("{0}")]
    BadRequest(String),
    /// Fields failed validation.
    #[error("invalid")]
    Invalid(Vec<FieldError>),
    /// No or bad credentials.
    #[error("{0}")]
    Unauthorized(String),
    /// Not allowed for this role or outside the jurisdiction.
    #[error("{0}")]
    Forbidden(Refusal),
    /// No such record.
    #[error("{0}")]
    NotFound(String),
    /// Conflicts with existing data.
    #[error("{0}")]
    Conflict(Refusal),
    /// Body too large.
    #[error("{0}")]
    TooLarge(String),
    /// Wrong content type.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// Too many attempts; retry after the given seconds (sent as `Retry-After`).
    #[error("{0}")]
    TooManyRequests(String, u64),
    /// Anything else; the detail is logged.
    #[error("internal error")]
    Internal(String),
}

impl ApiError {
    /// A single-field validation error with its code (`huoyan_domain::validate::code`), without
    /// parameters (with them: `FieldError::new(…).with(…).into()`).
    pub fn field(field: &str, code: &str, reason: impl Into<String>) -> ApiError {
        ApiError::Invalid(vec![FieldError::new(field, code, reason)])
    }
}

impl From<FieldError> for ApiError {
    /// One invalid field.
    fn from(e: FieldError) -> ApiError {
        ApiError::Invalid(vec![e])
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::NotFound { .. } => ApiError::NotFound(e.to_string()),
            StoreError::Invalid(f) => ApiError::Invalid(f),
            StoreError::Conflict(m) => ApiError::Conflict(m),
            StoreError::Forbidden(m) => ApiError::Forbidden(m),
            StoreError::BadCredentials => ApiError::Unauthorized(e.to_string()),
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl From<huoyan_roads::RoadError> for ApiError {
    fn from(e: huoyan_roads::RoadError) -> ApiError {
        use huoyan_roads::RoadError;
        match e {
            RoadError::Store(e) => e.into(),
            RoadError::NoGraph(_) => ApiError::Conflict(e.to_string().into()),
            RoadError::Build(_) => ApiError::Internal(e.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = match &self {
            ApiError::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            ApiError::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid"),
            ApiError::Unauthorized(_) => (StatusCode::UNAUTHORIZED, "unauthorized"),
            ApiError::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden"),
            ApiError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::Conflict(_) => (StatusCode::CONFLICT, "conflict"),
            ApiError::TooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            ApiError::UnsupportedMediaType(_) => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
            ApiError::TooManyRequests(..) => (StatusCode::TOO_MANY_REQUESTS, "too_many_requests"),
            ApiError::Internal(detail) => {
                tracing::error!(%detail, "internal error");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal")
            }
        };
        let retry_after = match &self {
            ApiError::TooManyRequests(_, secs) => Some(*secs),
            _ => None,
        };
        let (message, fields) = match self {
            ApiError::Invalid(f) => {
                let msg = f.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; ");
                (msg, f)
            }
            ApiError::Internal(_) => ("internal error; see the server log".into(), vec![]),
            ApiError::Conflict(r) | ApiError::Forbidden(r) => (r.message, r.detail.into_iter().map(|d| *d).collect()),
            other => (other.to_string(), vec![]),
        };
        let mut res = (status, Json(ErrorBody { error: code, message, fields })).into_response();
        if let Some(secs) = retry_after {
            res.headers_mut().insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from(secs));
        }
        res
    }
}

/// Result alias for handlers.
pub type ApiResult<T> = Result<T, ApiError>;
