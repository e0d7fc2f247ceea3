//! The plan in memory and how current it is. Plan edits are rare and reload
//! the whole plan; status updates are frequent and only bring each item's
//! newest status up to date; statistics move with imports. Each has its own
//! counter in the database, so a page (or its cached copy) that does not show
//! statuses is left alone by a status update.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use domain::state::{Snapshot, StatusUpdate};

use crate::{App, AppError, Result};

/// How long the counters in memory are trusted before they are compared with
/// the database's again: how late a write by another server or the CLI is seen.
const RECHECK: Duration = Duration::from_millis(500);

/// Where each kind of fact stands, as this server shows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Revisions {
    pub plan: i64,
    /// The database's statuses counter, and how many status updates this
    /// server has reported since (shown at once, before the counter is read again).
    pub statuses: (i64, u64),
    pub statistics: i64,
}

/// The counters as last read from the database.
#[derive(Default)]
pub(crate) struct Seen {
    revisions: store::Revisions,
    checked: Option<Instant>,
    /// Moved by `changed()`, so that a read begun before a write cannot mark
    /// the counters as fresh after it.
    generation: u64,
}

/// The plan in memory, with the counters it is at least as new as.
pub(crate) struct Loaded {
    plan: i64,
    statuses: i64,
    snapshot: Arc<Snapshot>,
}

/// Status updates reported through this server since start.
#[derive(Default)]
pub(crate) struct Reported(AtomicU64);

impl App {
    /// The counters, read from the database at most every `RECHECK` (and at
    /// once after a write through this app).
    pub async fn revisions(&self) -> Result<Revisions> {
        let stored = self.stored_revisions().await?;
        Ok(Revisions {
            plan: stored.plan,
            statuses: (stored.statuses, self.reported.0.load(Ordering::Acquire)),
            statistics: stored.statistics,
        })
    }

    pub(crate) async fn stored_revisions(&self) -> Result<store::Revisions> {
        let generation = {
            let seen = self.seen.lock().expect("seen lock");
            if seen.checked.is_some_and(|t| t.elapsed() < RECHECK) {
                return Ok(seen.revisions);
            }
            seen.generation
        };
        let read = self.db.revisions().await?;
        let mut seen = self.seen.lock().expect("seen lock");
        if seen.generation == generation {
            seen.revisions = read;
            seen.checked = Some(Instant::now());
        }
        Ok(read)
    }

    /// The plan as it stands, from memory. Writes through this app are seen at
    /// once; writes by another process (the CLI, another server) within
    /// `RECHECK`, when the counters are next compared.
    pub async fn snapshot(&self) -> Result<Arc<Snapshot>> {
        let wanted = self.stored_revisions().await?;
        if let Some(s) = self.current(&wanted) {
            return Ok(s);
        }
        // One reload at a time: the others wait for it rather than repeat it.
        let _reloading = self.reloading.lock().await;
        if let Some(s) = self.current(&wanted) {
            return Ok(s);
        }
        let loaded = self
            .loaded
            .read()
            .expect("plan lock")
            .as_ref()
            .map(|l| (l.plan, l.snapshot.clone()));
        let loaded_plan = loaded.as_ref().map(|(plan, _)| *plan);
        let mut fresh = match loaded {
            Some((plan, snapshot)) if plan == wanted.plan => {
                let (statuses, latest) = self.db.latest_statuses().await?;
                let mut s = (*snapshot).clone();
                for update in latest {
                    newest_status(&mut s, update);
                }
                Loaded {
                    plan,
                    statuses,
                    snapshot: Arc::new(s),
                }
            }
            _ => {
                // Read before the plan, so the plan is at least as new as they say.
                let before = self.db.revisions().await?;
                let s = self.db.snapshot().await?.ok_or(AppError::NoPlan)?;
                Loaded {
                    plan: s.revision.max(before.plan),
                    statuses: before.statuses,
                    snapshot: Arc::new(s),
                }
            }
        };
        let mut slot = self.loaded.write().expect("plan lock");
        if let (Some(now), true) = (slot.as_ref(), Some(fresh.plan) == loaded_plan) {
            // A status reported here while the statuses were read may not be in
            // what was read; it is newer than what it would replace.
            let mut s = (*fresh.snapshot).clone();
            for state in now.snapshot.actions.values() {
                if let Some(update) = &state.latest {
                    newest_status(&mut s, update.clone());
                }
            }
            fresh.snapshot = Arc::new(s);
        }
        let snapshot = fresh.snapshot.clone();
        // The plan was read after the counters: where it is newer, they are
        // too, and the next request needs no reload to agree with it.
        let mut seen = self.seen.lock().expect("seen lock");
        seen.revisions.plan = seen.revisions.plan.max(fresh.plan);
        seen.revisions.statuses = seen.revisions.statuses.max(fresh.statuses);
        drop(seen);
        *slot = Some(fresh);
        Ok(snapshot)
    }

    fn current(&self, wanted: &store::Revisions) -> Option<Arc<Snapshot>> {
        let loaded = self.loaded.read().expect("plan lock");
        loaded
            .as_ref()
            // Equal, not newer: a restored database's counters can go back.
            .filter(|l| l.plan == wanted.plan && l.statuses == wanted.statuses)
            .map(|l| l.snapshot.clone())
    }

    /// Makes the next `snapshot()` and `revisions()` look at the database:
    /// called after every write but a status update.
    pub(crate) fn changed(&self) {
        let mut seen = self.seen.lock().expect("seen lock");
        seen.checked = None;
        seen.generation += 1;
    }

    /// Shows a status update reported through this app at once, without
    /// reading every item's status again: it is the item's newest.
    pub(crate) fn status_reported(&self, update: &StatusUpdate) {
        let mut loaded = self.loaded.write().expect("plan lock");
        if let Some(l) = loaded.as_mut() {
            let mut s = (*l.snapshot).clone();
            newest_status(&mut s, update.clone());
            l.snapshot = Arc::new(s);
        }
        self.reported.0.fetch_add(1, Ordering::AcqRel);
    }
}

/// Sets an item's newest status, unless a newer one is there already (two
/// reports on one item can arrive in either order).
fn newest_status(s: &mut Snapshot, update: StatusUpdate) {
    if let Some(state) = s.actions.get_mut(&update.action_id) {
        if state.latest.as_ref().is_none_or(|l| l.id <= update.id) {
            state.latest = Some(update);
        }
    }
}
