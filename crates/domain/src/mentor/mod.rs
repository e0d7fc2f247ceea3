//! The mentor programme: one-to-one pairs of a mentor and a newcomer (mentee), and
//! workplace cohorts where an employer's staff receive new colleagues. Pure types and
//! rules; the matching itself is the `matching` crate's, fed by the app.

pub mod cohort;
pub mod indicators;
pub mod pair;
pub mod profile;
pub mod rules;

pub use cohort::{
    Attendance, Cohort, CohortDetail, CohortFields, CohortMentor, Evaluation, EvaluationFields,
    Session, SessionFields,
};
pub use indicators::{compute_indicators, MentoringIndicators, Share};
pub use pair::{
    follow_up_due, CheckIn, CheckInFields, CheckInKind, FollowUp, Meeting, MeetingFields, NewPair,
    Outcome, OutcomeFields, Pair, PairEvent, PairLog, PairState, PairStatus, ScoreReason,
};
pub use profile::{name_key, Consent, Language, Level, Profile, ProfileFields, Side};
pub use rules::{MatchingRules, PairRule, PairRuleKind};

use crate::FieldError;

/// Most entries a list in a profile (interests, goals, …) may have.
pub const MAX_LIST: usize = crate::limits::LIST;
/// Most mentees one mentor takes at a time.
pub const MAX_CAPACITY: i64 = 10;

/// Checks the number of entries of a list of short texts, then each entry.
pub(crate) fn check_list(field: &'static str, items: &[String]) -> Result<(), FieldError> {
    crate::limits::check_count(field, items.len(), MAX_LIST)?;
    for item in items {
        crate::limits::check_required(field, item, crate::limits::TITLE)?;
    }
    Ok(())
}
