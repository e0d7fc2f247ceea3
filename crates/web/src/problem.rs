//! Errors as problem details (RFC 9457) for the JSON API.

use app::AppError;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// An error answer: what went wrong and, for bad input, which fields to fix.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
    /// Sent as the `Retry-After` header, not in the body.
    #[serde(skip)]
    pub retry_after: Option<u64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

impl Problem {
    pub fn new(status: StatusCode, title: &str, detail: impl Into<String>) -> Problem {
        Problem {
            kind: "about:blank".into(),
            title: title.into(),
            status: status.as_u16(),
            detail: detail.into(),
            errors: Vec::new(),
            retry_after: None,
        }
    }

    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// The status and title of an app error, shared by the API and the pages.
pub fn classify(e: &AppError) -> (StatusCode, &'static str) {
    match e {
        AppError::Invalid(_) | AppError::PlanFile(_) => {
            (StatusCode::UNPROCESSABLE_ENTITY, "Invalid input")
        }
        AppError::NotFound(_) => (StatusCode::NOT_FOUND, "Not found"),
        AppError::Unauthenticated => (StatusCode::UNAUTHORIZED, "Sign in first"),
        AppError::Forbidden(_) => (StatusCode::FORBIDDEN, "Not allowed"),
        AppError::Conflict(_) => (StatusCode::CONFLICT, "Conflict"),
        AppError::TooManyAttempts(_) => (StatusCode::TOO_MANY_REQUESTS, "Too many attempts"),
        AppError::Busy(_) => (StatusCode::SERVICE_UNAVAILABLE, "Busy"),
        AppError::NoPlan => (StatusCode::SERVICE_UNAVAILABLE, "No plan loaded"),
        AppError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "Internal error"),
    }
}

/// How many seconds a client should wait before asking again, if it should.
pub fn retry_after(e: &AppError) -> Option<u64> {
    match e {
        AppError::TooManyAttempts(s) | AppError::Busy(s) => Some(*s),
        _ => None,
    }
}

/// Sets `Retry-After` on an answer when the error asks the client to wait.
pub fn with_retry_after(mut res: Response, seconds: Option<u64>) -> Response {
    if let Some(s) = seconds {
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(s));
    }
    res
}

/// What a user may be told; internal errors are logged, not shown.
pub fn detail(e: &AppError) -> String {
    match e {
        AppError::Internal(m) => {
            tracing::error!(error = %m, "request failed");
            "Something went wrong on the server. It has been logged; try again later.".into()
        }
        AppError::Invalid(_) => "Some fields need fixing; see `errors`.".into(),
        other => other.to_string(),
    }
}

impl From<AppError> for Problem {
    fn from(e: AppError) -> Problem {
        let (status, title) = classify(&e);
        let mut p = Problem::new(status, title, detail(&e));
        p.retry_after = retry_after(&e);
        if let AppError::Invalid(errors) = &e {
            p.errors = errors
                .iter()
                .map(|f| FieldProblem {
                    field: f.field.to_string(),
                    message: f.message.clone(),
                })
                .collect();
        }
        p
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = self.status();
        let retry_after = self.retry_after;
        let mut res = with_retry_after((status, axum::Json(self)).into_response(), retry_after);
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        res
    }
}

/// Lets API handlers use `?` on app results.
pub struct ApiError(pub Problem);

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        ApiError(e.into())
    }
}

impl From<Problem> for ApiError {
    fn from(p: Problem) -> Self {
        ApiError(p)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_errors_tell_when_to_come_back() {
        for (e, status) in [
            (AppError::Busy(5), StatusCode::SERVICE_UNAVAILABLE),
            (AppError::TooManyAttempts(40), StatusCode::TOO_MANY_REQUESTS),
        ] {
            let seconds = retry_after(&e).unwrap().to_string();
            let res = Problem::from(e).into_response();
            assert_eq!(res.status(), status);
            assert_eq!(res.headers()[header::RETRY_AFTER], seconds.as_str());
            assert_eq!(
                res.headers()[header::CONTENT_TYPE],
                "application/problem+json"
            );
        }
        let res = Problem::from(AppError::NotFound("x".into())).into_response();
        assert!(!res.headers().contains_key(header::RETRY_AFTER));
    }
}
