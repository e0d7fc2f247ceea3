//! What a page shows moves at different rates: the plan's structure rarely,
//! statuses many times a minute, statistics with each import. One counter per
//! kind lets a server keep what did not change, in memory and in its page
//! cache, and still see within a moment what another server or the CLI wrote.

use domain::state::StatusUpdate;

use crate::status::{UpdateRow, SELECT_UPDATES};
use crate::{on, Db, Result};

/// Where each kind of fact stands in the database.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Revisions {
    /// Rows, measures, contacts, organisation and targets: the `revision` table.
    pub plan: i64,
    /// Status updates: how many there are. They are only ever added (a plan
    /// replaced with its history moves `plan` too), so the count moves with every
    /// one that commits, and no writer waits for another on a counter row.
    pub statuses: i64,
    /// The newest statistics import.
    pub statistics: i64,
}

const SELECT_REVISIONS: &str = "SELECT (SELECT value FROM revision WHERE id = 1), \
     (SELECT COUNT(*) FROM status_updates), \
     (SELECT COALESCE(MAX(id), 0) FROM stat_imports)";

impl Db {
    /// All counters in one round trip.
    pub async fn revisions(&self) -> Result<Revisions> {
        let (plan, statuses, statistics): (i64, i64, i64) =
            on!(self, p => sqlx::query_as(SELECT_REVISIONS).fetch_one(p).await)?;
        Ok(Revisions {
            plan,
            statuses,
            statistics,
        })
    }

    /// Each item's newest status update, with the statuses revision they are
    /// as of (read in the same transaction, so the two agree).
    pub async fn latest_statuses(&self) -> Result<(i64, Vec<StatusUpdate>)> {
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            // Counted before the rows are read, so on PostgreSQL (where each statement
            // sees what has committed by then) the rows are never older than the count.
            let (revision,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM status_updates")
                .fetch_one(&mut *tx).await?;
            let rows: Vec<UpdateRow> = sqlx::query_as(&format!(
                "{SELECT_UPDATES} WHERE s.id IN (SELECT MAX(id) FROM status_updates GROUP BY action_id)"
            )).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            Ok((revision, rows.into_iter().map(Into::into).collect()))
        })
    }
}
