//! The plan as it stands in the database: the plan itself plus what users
//! have added since (status history, versions, contacts), and the queries over it.

use std::collections::HashMap;

use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::plan::{Action, Plan, WorkPackage};
use crate::status::{Light, Status};

#[derive(Debug, Clone)]
pub struct Snapshot {
    /// Moves on every change; see the store's `revision` table.
    pub revision: i64,
    pub plan: Plan,
    /// By action id.
    pub actions: HashMap<String, ActionState>,
    /// Versions of measures, by id, for stale-edit checks.
    pub measure_versions: HashMap<String, i64>,
    /// By municipality code.
    pub contacts: HashMap<String, Contact>,
}

/// What the database knows of an action-plan row beyond the plan file.
#[derive(Debug, Clone, Serialize)]
pub struct ActionState {
    pub version: i64,
    pub starts: Option<Date>,
    pub ends: Option<Date>,
    pub latest: Option<StatusUpdate>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Contact {
    pub name: String,
    pub email: String,
    pub version: i64,
}

/// One report on an action-plan item. Never changed once written.
#[derive(Debug, Clone, Serialize)]
pub struct StatusUpdate {
    pub id: i64,
    pub action_id: String,
    pub status: Status,
    pub light: Light,
    pub text: String,
    pub reported_on: Date,
    pub author: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub actor: String,
    pub operation: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// What changed in the plan after a date.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// Status updates, oldest first.
    pub updates: Vec<StatusUpdate>,
    /// Edits of actions and measures, oldest first.
    pub edits: Vec<AuditEntry>,
}

/// An action-plan row with its package and state, as pages and the API list them.
#[derive(Debug, Clone, Copy)]
pub struct ActionRef<'a> {
    pub work_package: &'a WorkPackage,
    pub action: &'a Action,
    pub state: Option<&'a ActionState>,
}

impl ActionRef<'_> {
    /// The current status; an item nobody has reported on has none.
    pub fn status(&self) -> Option<Status> {
        self.state.and_then(|s| s.latest.as_ref()).map(|u| u.status)
    }

    pub fn light(&self) -> Option<Light> {
        self.state.and_then(|s| s.latest.as_ref()).map(|u| u.light)
    }
}

/// The filters of the action plan. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionFilter {
    pub work_package: Option<String>,
    /// Matches when the responsible text contains this, ignoring case.
    pub responsible: Option<String>,
    /// `Some(None)` asks for items nobody has reported on.
    pub status: Option<Option<Status>>,
    /// Items whose time overlaps [from, to].
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl ActionFilter {
    pub fn matches(&self, a: &ActionRef<'_>) -> bool {
        if let Some(wp) = &self.work_package {
            if &a.work_package.id != wp {
                return false;
            }
        }
        if let Some(r) = &self.responsible {
            if !a
                .action
                .responsible
                .to_lowercase()
                .contains(&r.to_lowercase())
            {
                return false;
            }
        }
        if let Some(s) = &self.status {
            if a.status() != *s {
                return false;
            }
        }
        if self.from.is_some() || self.to.is_some() {
            // An item without a known time cannot be placed in a period.
            let Some((starts, ends)) = a.state.and_then(|s| Some((s.starts?, s.ends?))) else {
                return false;
            };
            if self.from.is_some_and(|f| ends < f) || self.to.is_some_and(|t| starts > t) {
                return false;
            }
        }
        true
    }
}

impl Snapshot {
    pub fn work_package(&self, id: &str) -> Option<&WorkPackage> {
        self.plan.work_packages.iter().find(|w| w.id == id)
    }

    /// Every action-plan row in plan order.
    pub fn actions(&self) -> impl Iterator<Item = ActionRef<'_>> {
        self.plan.actions().map(|(work_package, action)| ActionRef {
            work_package,
            action,
            state: self.actions.get(&action.id),
        })
    }

    pub fn action(&self, id: &str) -> Option<ActionRef<'_>> {
        self.actions().find(|a| a.action.id == id)
    }

    pub fn filtered(&self, filter: &ActionFilter) -> Vec<ActionRef<'_>> {
        self.actions().filter(|a| filter.matches(a)).collect()
    }

    /// The measure with this id and the package that owns it.
    pub fn measure(&self, id: &str) -> Option<(&WorkPackage, &crate::plan::Measure)> {
        self.plan
            .work_packages
            .iter()
            .find_map(|w| w.measures.iter().find(|m| m.id == id).map(|m| (w, m)))
    }

    /// How many items of a package are in each status (None = not reported).
    pub fn status_counts(&self, work_package: &str) -> Vec<(Option<Status>, usize)> {
        let mut counts: Vec<(Option<Status>, usize)> = std::iter::once(None)
            .chain(Status::ALL.iter().copied().map(Some))
            .map(|s| (s, 0))
            .collect();
        for a in self.actions().filter(|a| a.work_package.id == work_package) {
            if let Some(c) = counts.iter_mut().find(|(s, _)| *s == a.status()) {
                c.1 += 1;
            }
        }
        counts.retain(|(_, n)| *n > 0);
        counts
    }
}
