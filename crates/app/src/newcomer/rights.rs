//! The newcomer's rights: a copy of everything held (export) and erasure; and the
//! retention limit that erases on its own.

use domain::access::Actor;
use domain::newcomer::{retention_ends, CaseExport};
use store::Who;
use time::Date;

use super::Via;
use crate::accounts::who_of;
use crate::{App, Result};

/// The audit log's name for the retention job.
const RETENTION: &str = "retention limit";

impl App {
    /// Everything held about the person, as JSON-ready data: the case and every row about
    /// it, and the audit log's record of who read or changed it. The newcomer may export
    /// their own case; so may its staff.
    pub async fn export_newcomer_case(&self, actor: Option<&Actor>, id: i64) -> Result<CaseExport> {
        let (actor, _, _) = self.case_access(actor, id, true).await?;
        Ok(self
            .db
            .export_newcomer_case(&who_of(Some(actor)), id)
            .await?)
    }

    /// Erases a case from every table at once, leaving only an anonymous count for the
    /// cohorts. Asked by the newcomer, it is done at once: there is nothing the service
    /// must keep that outweighs it. A second erasure is NotFound.
    pub async fn erase_newcomer_case(&self, actor: Option<&Actor>, id: i64) -> Result<()> {
        let (actor, _, via) = self.case_access(actor, id, true).await?;
        let reason = match via {
            Via::Own => "request",
            Via::Staff => "staff",
        };
        Ok(self
            .db
            .erase_newcomer_case(&who_of(Some(actor)), id, reason)
            .await?)
    }

    /// Erases every case `retention_months` past its last follow-up (see
    /// `domain::newcomer::retention_ends`) as of `today`; returns the erased ids. Run by
    /// the server's operator (`bulyst newcomers erase-expired`), each case in its own
    /// transaction, the database files scrubbed once after the last.
    pub async fn erase_expired(&self, today: Date, retention_months: u32) -> Result<Vec<i64>> {
        let who = Who {
            id: None,
            label: RETENTION.into(),
        };
        let due: Vec<i64> = self
            .db
            .newcomer_expiry_input(&who)
            .await?
            .into_iter()
            .filter(|c| retention_ends(c.arrival_date, &c.follow_ups, retention_months) <= today)
            .map(|c| c.case_id)
            .collect();
        self.db
            .erase_newcomer_cases(&who, &due, "retention")
            .await?;
        Ok(due)
    }
}
