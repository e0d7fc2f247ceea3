//! The newcomer service's tables. Cases and everything about them are personal data about
//! people in a vulnerable position: every read writes an audit row (operation `read`) in
//! the same transaction, and every change one naming what changed. Unlike the mentor
//! programme's, these audit rows hold ids and field names only, never values, so that an
//! erased person leaves no trace in the log. Nothing here logs personal data via `tracing`.

mod cases;
mod erasure;
mod records;

use serde_json::{json, Value};

pub use cases::{CaseAccess, CaseScope};
pub use erasure::ExpiryInput;

pub(crate) const CASE: &str = "newcomer_case";
pub(crate) const STEP: &str = "newcomer_step";
pub(crate) const FOLLOW_UP: &str = "newcomer_follow_up";
pub(crate) const CONSENT: &str = "newcomer_consent";
pub(crate) const RENT_TO_OWN: &str = "newcomer_rent_to_own";

/// An audit row's `after` for a change: the names of the fields written, and which row
/// (a step's kind, a follow-up's point, a consent's id) when there are several. The
/// mentor programme's audit rows are made with it too.
pub(crate) fn fields<S: serde::Serialize>(
    which: Option<(&str, Value)>,
    names: &[S],
) -> Option<Value> {
    let mut v = json!({ "fields": names });
    if let Some((key, id)) = which {
        v[key] = id;
    }
    Some(v)
}

/// Fetches a case's arrival date inside a transaction, or returns NotFound.
macro_rules! arrival_of {
    ($tx:expr, $id:expr) => {{
        let row: Option<(time::Date,)> =
            sqlx::query_as("SELECT arrival_date FROM newcomer_cases WHERE id = $1")
                .bind($id)
                .fetch_optional(&mut *$tx)
                .await?;
        match row {
            Some((d,)) => d,
            None => {
                return Err($crate::StoreError::NotFound(format!(
                    "newcomer case #{}",
                    $id
                )))
            }
        }
    }};
}
pub(crate) use arrival_of;
