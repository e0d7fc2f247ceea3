//! What the APIs about people (the mentor programme, the newcomer service) share: ids in
//! paths that never echo what was sent, and the 201 answer to a creation.

use app::AppError;
use axum::http::StatusCode;
use axum::Json;

use super::ApiResult;
use crate::problem::{ApiError, Problem};

/// Ids in the path; one that is not a number comes back as problem details, without
/// repeating what was sent (a name where an id belongs is personal data).
#[derive(axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub(super) struct Ids<T>(pub(super) T);

impl From<axum::extract::rejection::PathRejection> for ApiError {
    fn from(e: axum::extract::rejection::PathRejection) -> Self {
        ApiError(Problem::new(
            e.status(),
            "Invalid path",
            "People and their records are named by their numeric id.",
        ))
    }
}

/// The answer to a creation: 201 with the new item, found in what was read back after it.
pub(super) fn created<T, D>(
    items: &[T],
    pick: impl Fn(&T) -> bool,
    what: impl FnOnce() -> String,
) -> ApiResult<(StatusCode, Json<D>)>
where
    D: for<'a> From<&'a T>,
{
    let item = items
        .iter()
        .find(|i| pick(i))
        .ok_or_else(|| AppError::NotFound(what()))?;
    Ok((StatusCode::CREATED, Json(item.into())))
}
