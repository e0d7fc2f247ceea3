//! Bulyst's use cases. The web pages, the JSON API and the CLI all come here,
//! so permissions, validation and audit are decided once.

mod accounts;
mod error;
mod indicators;
mod input;
pub mod mentor;
pub mod newcomer;
mod passwords;
mod plan;
mod programme;
mod statistics;

pub use accounts::{LoginAttempt, Session, DEVICE_DAYS, MAX_EMAIL, MAX_PASSWORD, SESSION_HOURS};
pub use error::AppError;
pub use indicators::{shown_areas, IndicatorData, TargetInput, NORWAY, SOGN, VESTLAND};
pub use input::{parse_date, today, ActionInput, ContactInput, MeasureInput, StatusInput};
pub use mentor::{
    CheckInInput, CohortInput, CohortMentorInput, EvaluationInput, LanguageInput, MatchOutcome,
    MeetingInput, OutcomeInput, PairChangeInput, PairRuleInput, ProfileInput, ProposedPair,
    RulesInput, SessionInput, Unmatched,
};
pub use newcomer::{
    CaseInput, ConsentInput, FollowUpInput, HouseholdMemberInput, OwnCorrectionInput,
    RentToOwnInput, StepInput, WithdrawalInput,
};
pub use passwords::hash_password;
pub use programme::{recent_meetings, DEFAULT_PLAN};
pub use statistics::{parse_interval, ImportOptions, Refreshed, SOGN_MUNICIPALITIES};

use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use domain::state::Snapshot;
use store::Db;

pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// The application: the database and what is kept in memory beside it.
pub struct App {
    db: Db,
    /// The plan as last read, reloaded when the database's revision moves.
    snapshot: RwLock<Option<Arc<Snapshot>>>,
    /// When the revision was last compared with the database's; see `snapshot()`.
    checked: Mutex<Option<Instant>>,
    /// Indicator values computed from the statistics, per statistics revision.
    computed: Mutex<indicators::Computed>,
    /// Password hashing, a few runs at a time.
    passwords: passwords::Passwords,
}

impl App {
    pub fn new(db: Db) -> App {
        App {
            db,
            snapshot: RwLock::new(None),
            checked: Mutex::new(None),
            computed: Mutex::new(Default::default()),
            passwords: passwords::Passwords::new(),
        }
    }

    pub fn db(&self) -> &Db {
        &self.db
    }
}
