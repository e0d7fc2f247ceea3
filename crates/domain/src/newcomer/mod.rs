//! The newcomer service (tilflyttartenesta): a case per newcomer or household, followed
//! from first contact through job, housing, welcome and clubs to the follow-ups 3, 12, 24
//! and 60 months after arrival; rent-to-own ("leige for å eige"); consent per purpose;
//! and the arrival cohorts that answer "do they stay?". Pure types and rules.
//!
//! A case holds only what the service needs: the main person's name and contact, and for
//! the rest of the household a relation and a birth year, never a name.

pub mod case;
pub mod cohorts;
pub mod consent;
pub mod journey;
pub mod rent_to_own;

pub use case::{
    changed_fields, Case, CaseFields, Category, HouseholdMember, Need, OwnFields, Relation,
    MAX_HOUSEHOLD,
};
pub use cohorts::{
    cohort_figures, publish, survival, CohortFigures, CohortSubject, CohortSurvival, Count, Figure,
    Stay, StayEstimate, SurvivalPoint, MIN_SHOWN, REGION,
};
pub use consent::{allowed, ConsentFields, ConsentRecord, LawfulBasis, Purpose};
pub use journey::{
    due_follow_ups, retention_ends, FollowUp, FollowUpAt, FollowUpFields, Residence, Step,
    StepFields, StepKind,
};
pub use rent_to_own::{RentPhase, RentToOwn, RentToOwnFields};

use serde::Serialize;

use crate::state::AuditEntry;

/// Everything recorded about one case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseDetail {
    pub case: Case,
    pub steps: Vec<Step>,
    pub follow_ups: Vec<FollowUp>,
    /// Oldest first, withdrawn ones included.
    pub consents: Vec<ConsentRecord>,
    pub rent_to_own: Option<RentToOwn>,
}

/// Everything held about the person, for the right of access and to data portability:
/// every row of every table about the case, and the audit log's record of who read or
/// changed it (ids and field names only, as the log holds them).
#[derive(Debug, Clone, Serialize)]
pub struct CaseExport {
    #[serde(with = "time::serde::rfc3339")]
    pub exported_at: time::OffsetDateTime,
    pub detail: CaseDetail,
    pub audit: Vec<AuditEntry>,
}
