//! Bulyst's database. One [`Db`] runs the same SQL on SQLite (the default,
//! embedded) and PostgreSQL (to scale out); where the two differ, the
//! difference lives in a named function here and in the per-backend migrations.

mod audit;
mod backup;
mod db;
mod error;
mod mentor;
mod newcomer;
mod plan;
mod revisions;
mod snapshot;
mod stats;
mod status;
mod targets;
pub mod testing;
mod users;

pub use audit::Who;
pub use backup::{restore_postgres, restore_sqlite};
pub use db::Db;
pub use error::StoreError;
pub use mentor::{MatchingInput, ProfileFilter, ProfileOwner};
pub use newcomer::{CaseAccess, CaseScope, ExpiryInput};
pub use plan::{span_dates, ActionFields, MeasureFields};
pub use revisions::Revisions;
pub use stats::{ImportRecord, ImportReport, ObservationQuery, ObservationRow};
pub use status::NewStatus;
pub use users::{NewUser, StoredUser};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Runs `$body` with `$pool` bound to the pool (or transaction) of whichever
/// backend `$db` is, so each query is written once and compiled for both.
#[macro_export]
macro_rules! on {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::Db::Sqlite($pool) => $body,
            $crate::Db::Pg($pool) => $body,
        }
    };
}
