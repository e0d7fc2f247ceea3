//! Bulyst's use cases. The web pages, the JSON API and the CLI all come here,
//! so permissions, validation and audit are decided once.

mod access;
mod accounts;
mod error;
mod indicators;
mod input;
pub mod mentor;
pub mod newcomer;
mod passwords;
mod plan;
mod programme;
mod revisions;
mod statistics;
mod upkeep;

pub use access::authorise;
pub use accounts::{LoginAttempt, Session, DEVICE_DAYS, MAX_EMAIL, MAX_PASSWORD, SESSION_HOURS};
pub use error::AppError;
pub use indicators::{shown_areas, IndicatorData, TargetInput, NORWAY, SOGN, VESTLAND};
pub use input::{
    comma_list, parse_date, today, ActionInput, ContactInput, MeasureInput, StatusInput, Unread,
};
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
pub use revisions::Revisions;
pub use statistics::{parse_interval, ImportOptions, Refreshed, SOGN_MUNICIPALITIES};

use std::sync::{Mutex, RwLock};

use store::Db;

pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// The application: the database and what is kept in memory beside it.
pub struct App {
    db: Db,
    /// The plan as last read, with the counters it is as new as; see `snapshot()`.
    loaded: RwLock<Option<revisions::Loaded>>,
    /// Held while the plan is read again, so that it is read once.
    reloading: tokio::sync::Mutex<()>,
    /// The database's counters as last read; see `revisions()`.
    seen: Mutex<revisions::Seen>,
    reported: revisions::Reported,
    /// Indicator values computed from the statistics, per statistics revision.
    computed: Mutex<indicators::Computed>,
    /// Held while indicator values are computed: on the large statistics one takes
    /// seconds, and readers who arrive meanwhile wait for it rather than repeat it.
    computing: tokio::sync::Mutex<()>,
    /// Password hashing, a few runs at a time.
    passwords: passwords::Passwords,
}

impl App {
    pub fn new(db: Db) -> App {
        App {
            db,
            loaded: RwLock::new(None),
            reloading: Default::default(),
            seen: Default::default(),
            reported: Default::default(),
            computed: Mutex::new(Default::default()),
            computing: tokio::sync::Mutex::new(()),
            passwords: passwords::Passwords::new(),
        }
    }
}
