//! The mentor programme's use cases: profiles (kept by the coordinator, seen and corrected
//! by the person they describe), the matching, pairs and their life, workplace cohorts,
//! and the output indicators. Only the coordinator and admin see people; every read of
//! personal data is audited by the store.

mod cohorts;
mod input;
mod matching;
mod pairs;
mod profiles;

#[cfg(test)]
mod tests;

pub(crate) use input::{list, municipality, past_date};
pub use input::{
    CheckInInput, CohortInput, CohortMentorInput, EvaluationInput, LanguageInput, MeetingInput,
    OutcomeInput, PairChangeInput, PairRuleInput, ProfileInput, RulesInput, SessionInput,
};
pub use matching::{effective_weights, MatchOutcome, ProposedPair, Unmatched, CRITERIA};
