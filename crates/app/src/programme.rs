//! Loading, exporting and reading the plan.

use domain::access::{Actor, Permission};
use domain::plan::Plan;
use domain::plan_file;
use domain::state::{AuditEntry, Changes, Snapshot, StatusUpdate};
use time::Date;

use crate::access::authorise;
use crate::accounts::who_of;
use crate::{App, Result};

/// The Sogn for alle plan, loaded into an empty database on first start.
pub const DEFAULT_PLAN: &str = include_str!("../../../data/programmes/sogn-for-alle.toml");
const DEFAULT_PLAN_FILE: &str = "data/programmes/sogn-for-alle.toml";

impl App {
    /// Loads the built-in plan if the database has none; true if it did.
    pub async fn ensure_plan(&self) -> Result<bool> {
        if self.db.has_plan().await? {
            return Ok(false);
        }
        let plan = plan_file::load(DEFAULT_PLAN, DEFAULT_PLAN_FILE)?;
        match self.db.load_plan(&who_of(None), &plan, false).await {
            Ok(()) => {
                self.changed();
                Ok(true)
            }
            // Another process loaded it first.
            Err(store::StoreError::Conflict(_)) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Replaces the plan with a plan file's (CLI only: it can delete history).
    pub async fn import_plan(&self, text: &str, file: &str, replace: bool) -> Result<Plan> {
        let plan = plan_file::load(text, file)?;
        self.db.load_plan(&who_of(None), &plan, replace).await?;
        self.changed();
        Ok(plan)
    }

    /// The plan as it stands, in the plan-file format.
    pub async fn export_plan(&self) -> Result<String> {
        let s = self.snapshot().await?;
        Ok(plan_file::export(&s.plan))
    }

    /// An item's status history, newest first, `per_page` updates from page `page`
    /// (0-based); the flag says whether there are older ones.
    pub async fn history(
        &self,
        action_id: &str,
        page: i64,
        per_page: i64,
    ) -> Result<(Vec<StatusUpdate>, bool)> {
        let offset = crate::input::page_offset(page, per_page)?;
        let mut updates = self
            .db
            .status_history(action_id, per_page + 1, offset)
            .await?;
        let more = updates.len() as i64 > per_page;
        updates.truncate(per_page as usize);
        Ok((updates, more))
    }

    pub async fn changes_since(&self, since: Date) -> Result<Changes> {
        Ok(self.db.changes_since(since).await?)
    }

    /// The audit log, newest first, `per_page` entries from page `page` (0-based);
    /// the flag says whether there are more.
    pub async fn audit_log(
        &self,
        actor: Option<&Actor>,
        page: i64,
        per_page: i64,
    ) -> Result<(Vec<AuditEntry>, bool)> {
        authorise(actor, Permission::ReadAudit)?;
        let offset = crate::input::page_offset(page, per_page)?;
        let mut entries = self.db.audit_log(per_page + 1, offset).await?;
        let more = entries.len() as i64 > per_page;
        entries.truncate(per_page as usize);
        Ok((entries, more))
    }
}

/// The first days of the months in which the steering group met, most recent
/// first, up to `count` of them, counting from `today`.
pub fn recent_meetings(s: &Snapshot, today: Date, count: usize) -> Vec<Date> {
    let months = &s.plan.organisation.steering_group_meeting_months;
    let mut out = Vec::new();
    let (mut year, mut month) = (today.year(), today.month() as u8);
    for _ in 0..36 {
        if out.len() >= count {
            break;
        }
        if months.contains(&month) {
            if let Ok(m) = time::Month::try_from(month) {
                if let Ok(d) = Date::from_calendar_date(year, m, 1) {
                    out.push(d);
                }
            }
        }
        if month == 1 {
            month = 12;
            year -= 1;
        } else {
            month -= 1;
        }
    }
    out
}
