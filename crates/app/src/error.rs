use domain::access::Denied;
use domain::{FieldError, PlanFileError};
use store::StoreError;
use thiserror::Error;

/// Why a use case did not do what it was asked; the web layer turns each into
/// a status code and a message that says what to fix.
#[derive(Debug, Error)]
pub enum AppError {
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<FieldError>),
    #[error("{0}")]
    PlanFile(#[from] PlanFileError),
    #[error("{0} not found")]
    NotFound(String),
    #[error("sign in first")]
    Unauthenticated,
    #[error("{0}")]
    Forbidden(String),
    /// A stale edit or a duplicate.
    #[error("{0}")]
    Conflict(String),
    /// Slowed down after failed log-ins; the number is the seconds to wait.
    #[error("too many failed attempts; try again in {0} seconds")]
    TooManyAttempts(u64),
    /// Too much is running at once; the number is the seconds to wait.
    #[error("the server is busy; try again in {0} seconds")]
    Busy(u64),
    #[error("the database has no plan loaded")]
    NoPlan,
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound(what) => AppError::NotFound(what),
            e @ StoreError::Stale { .. } => AppError::Conflict(e.to_string()),
            StoreError::Conflict(m) => AppError::Conflict(m),
            StoreError::Invalid(e) => AppError::Invalid(vec![e]),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<FieldError> for AppError {
    fn from(e: FieldError) -> Self {
        AppError::Invalid(vec![e])
    }
}

impl From<Denied> for AppError {
    fn from(e: Denied) -> Self {
        AppError::Forbidden(e.to_string())
    }
}
