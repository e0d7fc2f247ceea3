//! Bulyst's database. One [`Db`] runs the same SQL on SQLite (the default,
//! embedded) and PostgreSQL (to scale out); where the two differ, the
//! difference lives in a named function here and in the per-backend migrations.

mod audit;
mod backup;
mod db;
mod error;
mod health;
mod journal;
mod mentor;
mod newcomer;
mod plan;
mod revisions;
mod scrub;
mod snapshot;
mod stats;
mod status;
mod targets;
pub mod testing;
mod throttle;
mod users;

pub use audit::Who;
pub use backup::{restore_postgres, restore_sqlite};
pub use db::{Backend, Db};
pub use error::StoreError;
pub use mentor::{MatchingInput, ProfileFilter, ProfileOwner};
pub use newcomer::{CaseAccess, CaseScope, ExpiryInput};
pub use plan::{span_dates, ActionFields, MeasureFields};
pub use revisions::Revisions;
pub use stats::{ImportRecord, ImportReport, ObservationQuery, ObservationRow};
pub use status::NewStatus;
pub use throttle::{DEVICES_PER_ACCOUNT, THROTTLE_MEMORY};
pub use users::{NewUser, StoredUser};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Runs `$body` with `$pool` bound to the pool (or transaction) of whichever
/// backend `$db` is, so each query is written once and compiled for both.
#[macro_export]
macro_rules! on {
    ($db:expr, $pool:ident => $body:expr) => {
        match ($db).pool() {
            $crate::Backend::Sqlite($pool) => $body,
            $crate::Backend::Pg($pool) => $body,
        }
    };
}

/// Runs `$body` with `$pool` bound to the pool writing transactions begin on, whose
/// `begin()` starts a transaction that writes: every transaction that writes begins here.
macro_rules! on_writer {
    ($db:expr, $pool:ident => $body:expr) => {
        match ($db).writer() {
            $crate::db::Backend::Sqlite(p) => {
                let $pool = $crate::db::WritePool(p);
                $body
            }
            $crate::db::Backend::Pg(p) => {
                let $pool = $crate::db::WritePool(p);
                $body
            }
        }
    };
}
pub(crate) use on_writer;
