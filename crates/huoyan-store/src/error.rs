//! The store's error type: what callers can act on (not found, conflict, invalid, forbidden) is
//! separate from what they can only report (database failure).

use huoyan_domain::{FieldError, Refusal};

/// Errors returned by every store operation.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No record with that id in the caller's scope.
    #[error("{entity} {id} not found")]
    NotFound {
        /// Table name.
        entity: &'static str,
        /// The id asked for.
        id: i64,
    },
    /// The record fails validation; nothing was written.
    #[error("invalid: {}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<FieldError>),
    /// The write would break a uniqueness or reference rule (with a code when a client needs one).
    #[error("conflict: {0}")]
    Conflict(Refusal),
    /// Outside the caller's jurisdiction or role (with a code when a client needs one).
    #[error("forbidden: {0}")]
    Forbidden(Refusal),
    /// Login failed (wrong name or password, or disabled account); deliberately vague.
    #[error("wrong user name or password")]
    BadCredentials,
    /// A migration applied earlier was changed, or the schema is newer than this program.
    #[error("migration error: {0}")]
    Migration(String),
    /// The configuration or URL cannot be used.
    #[error("configuration error: {0}")]
    Config(String),
    /// The database failed.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A stored document could not be decoded (a defect or a hand-edited database).
    #[error("corrupt stored record in {table} {id}: {reason}")]
    Corrupt {
        /// Table.
        table: &'static str,
        /// Row id.
        id: i64,
        /// Decoder message.
        reason: String,
    },
}

impl StoreError {
    /// One invalid field with its code (`huoyan_domain::validate::code`), without parameters.
    pub fn invalid(field: &str, code: &str, reason: impl Into<String>) -> StoreError {
        StoreError::Invalid(vec![FieldError::new(field, code, reason)])
    }

    /// A conflict with stored data (no code: the API's `conflict` says it all).
    pub fn conflict(message: impl Into<String>) -> StoreError {
        StoreError::Conflict(Refusal::from(message.into()))
    }

    /// A refusal outside the caller's jurisdiction or role (no code).
    pub fn forbidden(message: impl Into<String>) -> StoreError {
        StoreError::Forbidden(Refusal::from(message.into()))
    }
}

impl From<FieldError> for StoreError {
    /// One invalid field.
    fn from(e: FieldError) -> StoreError {
        StoreError::Invalid(vec![e])
    }
}

/// Result alias for store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
