//! The JSON shapes of the mentor programme, built from the domain's values. Dates are
//! YYYY-MM-DD strings; codes (side, level, status, …) are the domain's lower-case codes.
//! People are referred to by profile id only. OpenAPI names schemas by type name, so
//! these must not reuse a name from `dto.rs` (hence `CohortSessionDto`, not `SessionDto`).

use std::collections::BTreeMap;

use app::{MatchOutcome, ProposedPair, Unmatched};
use domain::mentor::{
    CheckIn, Cohort, CohortDetail, CohortMentor, Evaluation, Meeting, MentoringIndicators, Outcome,
    Pair, PairLog, PairRule, Profile, ScoreReason, Session, Share,
};
use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::ToSchema;

fn day(d: Option<Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

#[derive(Serialize, ToSchema)]
pub struct LanguageDto {
    pub language: String,
    /// a1, a2, b1, b2, c1, c2 or native.
    pub level: String,
}

#[derive(Serialize, ToSchema)]
pub struct ConsentDto {
    pub given_on: String,
    pub text_version: String,
}

/// A mentor's or mentee's profile: only what the matching needs.
#[derive(Serialize, ToSchema)]
pub struct ProfileDto {
    pub id: i64,
    /// Send this back when changing the profile.
    pub version: i64,
    /// `mentor` or `mentee`.
    pub side: String,
    pub name: String,
    pub municipality: String,
    pub languages: Vec<LanguageDto>,
    pub occupation: String,
    pub industry: String,
    pub goals: Vec<String>,
    pub interests: Vec<String>,
    pub availability: Vec<String>,
    /// Mentors only.
    pub capacity: Option<i64>,
    /// `null` until consent is recorded; without it the person is never matched.
    pub consent: Option<ConsentDto>,
    /// The account that may see, correct and delete the profile.
    pub account_id: Option<i64>,
}

impl From<&Profile> for ProfileDto {
    fn from(p: &Profile) -> Self {
        let f = &p.fields;
        ProfileDto {
            id: p.id,
            version: p.version,
            side: f.side.code().into(),
            name: f.name.clone(),
            municipality: f.municipality.clone(),
            languages: f
                .languages
                .iter()
                .map(|l| LanguageDto {
                    language: l.language.clone(),
                    level: l.level.code().into(),
                })
                .collect(),
            occupation: f.occupation.clone(),
            industry: f.industry.clone(),
            goals: f.goals.clone(),
            interests: f.interests.clone(),
            availability: f.availability.clone(),
            capacity: f.capacity,
            consent: f.consent.as_ref().map(|c| ConsentDto {
                given_on: c.given_on.to_string(),
                text_version: c.text_version.clone(),
            }),
            account_id: f.account_id,
        }
    }
}

/// One criterion that gave a pair points, and what matched.
#[derive(Serialize, ToSchema)]
pub struct ScoreReasonDto {
    pub criterion: String,
    pub points: i64,
    pub matched: Vec<String>,
}

impl From<&ScoreReason> for ScoreReasonDto {
    fn from(r: &ScoreReason) -> Self {
        ScoreReasonDto {
            criterion: r.criterion.clone(),
            points: r.points,
            matched: r.matched.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct PairDto {
    pub id: i64,
    /// Send this back with a change.
    pub version: i64,
    /// Profile ids.
    pub mentor_id: i64,
    pub mentee_id: i64,
    /// proposed, accepted, active, completed or ended-early.
    pub status: String,
    /// The coordinator fixed this pair before the matching ran.
    pub locked: bool,
    pub score: i64,
    pub explanation: Vec<ScoreReasonDto>,
    pub mentor_accepted: Option<String>,
    pub mentee_accepted: Option<String>,
    pub started_on: Option<String>,
    pub ended_on: Option<String>,
    /// Why a pair ended early; empty otherwise.
    pub end_reason: String,
}

impl From<&Pair> for PairDto {
    fn from(p: &Pair) -> Self {
        PairDto {
            id: p.id,
            version: p.version,
            mentor_id: p.mentor_id,
            mentee_id: p.mentee_id,
            status: p.status().code().into(),
            locked: p.locked,
            score: p.score,
            explanation: p.explanation.iter().map(Into::into).collect(),
            mentor_accepted: day(p.state.mentor_accepted),
            mentee_accepted: day(p.state.mentee_accepted),
            started_on: day(p.state.started_on),
            ended_on: day(p.state.ended_on),
            end_reason: p.state.end_reason.clone(),
        }
    }
}

/// The signed-in person's own profiles and the pairs they are in.
#[derive(Serialize, ToSchema)]
pub struct MyMentoringDto {
    pub profiles: Vec<ProfileDto>,
    pub pairs: Vec<PairDto>,
}

#[derive(Serialize, ToSchema)]
pub struct RulesDto {
    /// a1 … c2 or native.
    pub min_level: String,
    /// Pairs of municipality codes that count as near each other.
    pub neighbours: Vec<Vec<String>>,
    /// Points per criterion; a criterion left out keeps the engine's default weight.
    pub weights: BTreeMap<String, i64>,
    /// Send this back when changing the rules.
    pub version: i64,
}

impl RulesDto {
    pub fn new(rules: &domain::mentor::MatchingRules, version: i64) -> RulesDto {
        RulesDto {
            min_level: rules.min_level.code().into(),
            neighbours: rules
                .neighbours
                .iter()
                .map(|(a, b)| vec![a.clone(), b.clone()])
                .collect(),
            weights: rules.weights.clone(),
            version,
        }
    }
}

/// A lock (always pair these two) or an exclusion (never), for the next matching run.
#[derive(Serialize, ToSchema)]
pub struct PairRuleDto {
    pub mentor_id: i64,
    pub mentee_id: i64,
    /// `lock` or `exclude`.
    pub kind: String,
}

impl From<&PairRule> for PairRuleDto {
    fn from(r: &PairRule) -> Self {
        PairRuleDto {
            mentor_id: r.mentor_id,
            mentee_id: r.mentee_id,
            kind: r.kind.code().into(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ProposedPairDto {
    /// The stored pair; `null` in a preview.
    pub pair_id: Option<i64>,
    pub mentor_id: i64,
    pub mentee_id: i64,
    pub score: i64,
    pub locked: bool,
    pub explanation: Vec<ScoreReasonDto>,
}

impl From<&ProposedPair> for ProposedPairDto {
    fn from(p: &ProposedPair) -> Self {
        ProposedPairDto {
            pair_id: p.pair_id,
            mentor_id: p.mentor_id,
            mentee_id: p.mentee_id,
            score: p.score,
            locked: p.locked,
            explanation: p.explanation.iter().map(Into::into).collect(),
        }
    }
}

/// Someone the matching left without a pair, and why.
#[derive(Serialize, ToSchema)]
pub struct UnmatchedDto {
    /// `mentor` or `mentee`.
    pub side: String,
    pub profile_id: i64,
    /// The engine's reason, like `no_mentor_nearby` or `all_feasible_mentors_full`.
    pub reason: String,
    pub detail: String,
}

impl From<&Unmatched> for UnmatchedDto {
    fn from(u: &Unmatched) -> Self {
        UnmatchedDto {
            side: u.side.code().into(),
            profile_id: u.profile_id,
            reason: u.reason.clone(),
            detail: u.detail.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MatchOutcomeDto {
    pub proposed: Vec<ProposedPairDto>,
    pub unmatched: Vec<UnmatchedDto>,
    /// The sum of the proposed pairs' scores.
    pub total: i64,
    /// Ids of the pairs the run left as they were: accepted by someone, active or completed.
    pub kept: Vec<i64>,
}

impl From<&MatchOutcome> for MatchOutcomeDto {
    fn from(m: &MatchOutcome) -> Self {
        MatchOutcomeDto {
            proposed: m.proposed.iter().map(Into::into).collect(),
            unmatched: m.unmatched.iter().map(Into::into).collect(),
            total: m.total,
            kept: m.kept.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MeetingDto {
    pub id: i64,
    pub pair_id: i64,
    pub held_on: String,
    pub minutes: i64,
    pub note: String,
}

impl From<&Meeting> for MeetingDto {
    fn from(m: &Meeting) -> Self {
        MeetingDto {
            id: m.id,
            pair_id: m.pair_id,
            held_on: m.fields.held_on.to_string(),
            minutes: m.fields.minutes,
            note: m.fields.note.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CheckInDto {
    pub pair_id: i64,
    /// `midway` or `final`.
    pub kind: String,
    pub held_on: String,
    pub note: String,
}

impl From<&CheckIn> for CheckInDto {
    fn from(c: &CheckIn) -> Self {
        CheckInDto {
            pair_id: c.pair_id,
            kind: c.fields.kind.code().into(),
            held_on: c.fields.held_on.to_string(),
            note: c.fields.note.clone(),
        }
    }
}

/// A mentee's situation at a follow-up.
#[derive(Serialize, ToSchema)]
pub struct OutcomeDto {
    pub pair_id: i64,
    /// `end`, `6-months` or `12-months`.
    pub follow_up: String,
    pub recorded_on: String,
    pub in_work: bool,
    pub in_education: bool,
    pub qualifications_approved: bool,
    /// `null` when not assessed.
    pub norwegian_level: Option<String>,
    pub in_region: bool,
}

impl From<&Outcome> for OutcomeDto {
    fn from(o: &Outcome) -> Self {
        let f = &o.fields;
        OutcomeDto {
            pair_id: o.pair_id,
            follow_up: f.follow_up.code().into(),
            recorded_on: f.recorded_on.to_string(),
            in_work: f.in_work,
            in_education: f.in_education,
            qualifications_approved: f.qualifications_approved,
            norwegian_level: f.norwegian_level.map(|l| l.code().into()),
            in_region: f.in_region,
        }
    }
}

/// Everything recorded about one pair.
#[derive(Serialize, ToSchema)]
pub struct PairLogDto {
    pub meetings: Vec<MeetingDto>,
    pub check_ins: Vec<CheckInDto>,
    pub outcomes: Vec<OutcomeDto>,
}

impl From<&PairLog> for PairLogDto {
    fn from(l: &PairLog) -> Self {
        PairLogDto {
            meetings: l.meetings.iter().map(Into::into).collect(),
            check_ins: l.check_ins.iter().map(Into::into).collect(),
            outcomes: l.outcomes.iter().map(Into::into).collect(),
        }
    }
}

/// A share with its parts, so that 2 of 3 is never read as if it were 200 of 300.
#[derive(Serialize, ToSchema)]
pub struct ShareDto {
    pub numerator: u32,
    /// Follow-ups recorded.
    pub denominator: u32,
    /// Follow-ups due but not recorded: in neither the numerator nor the denominator.
    pub missing: u32,
    /// numerator / denominator; `null` when nothing is recorded (unknown is not 0 %).
    pub value: Option<f64>,
}

impl From<&Share> for ShareDto {
    fn from(s: &Share) -> Self {
        ShareDto {
            numerator: s.numerator,
            denominator: s.denominator,
            missing: s.missing,
            value: s.value(),
        }
    }
}

/// The programme's output indicators as of today: counts, no people.
#[derive(Serialize, ToSchema)]
pub struct MentoringIndicatorsDto {
    /// Pairs that became active.
    pub pairs_started: u32,
    pub pairs_completed: u32,
    pub pairs_ended_early: u32,
    /// Meetings logged, held on or before today.
    pub meetings_held: u32,
    /// Mentees in work or education 6 months after their pair ended.
    pub in_work_or_education_6_months: ShareDto,
    pub in_work_or_education_12_months: ShareDto,
}

impl From<&MentoringIndicators> for MentoringIndicatorsDto {
    fn from(i: &MentoringIndicators) -> Self {
        MentoringIndicatorsDto {
            pairs_started: i.pairs_started,
            pairs_completed: i.pairs_completed,
            pairs_ended_early: i.pairs_ended_early,
            meetings_held: i.meetings_held,
            in_work_or_education_6_months: (&i.in_work_or_education_6_months).into(),
            in_work_or_education_12_months: (&i.in_work_or_education_12_months).into(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CohortDto {
    pub id: i64,
    /// Send this back when changing the cohort.
    pub version: i64,
    pub employer: String,
    pub name: String,
    pub starts_on: Option<String>,
}

impl From<&Cohort> for CohortDto {
    fn from(c: &Cohort) -> Self {
        CohortDto {
            id: c.id,
            version: c.version,
            employer: c.fields.employer.clone(),
            name: c.fields.name.clone(),
            starts_on: day(c.fields.starts_on),
        }
    }
}

/// An employee who mentors in a cohort: only a name.
#[derive(Serialize, ToSchema)]
pub struct CohortMentorDto {
    pub id: i64,
    pub cohort_id: i64,
    pub name: String,
}

impl From<&CohortMentor> for CohortMentorDto {
    fn from(m: &CohortMentor) -> Self {
        CohortMentorDto {
            id: m.id,
            cohort_id: m.cohort_id,
            name: m.name.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CohortSessionDto {
    pub id: i64,
    pub cohort_id: i64,
    pub held_on: String,
    pub theme: String,
}

impl From<&Session> for CohortSessionDto {
    fn from(s: &Session) -> Self {
        CohortSessionDto {
            id: s.id,
            cohort_id: s.cohort_id,
            held_on: s.fields.held_on.to_string(),
            theme: s.fields.theme.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AttendanceDto {
    pub session_id: i64,
    pub mentor_id: i64,
}

/// What participants thought, of one session or (without one) of the whole cohort.
#[derive(Serialize, ToSchema)]
pub struct EvaluationDto {
    pub id: i64,
    pub cohort_id: i64,
    pub session_id: Option<i64>,
    pub text: String,
    /// 1 (poor) to 5 (very good).
    pub score: Option<i64>,
}

impl From<&Evaluation> for EvaluationDto {
    fn from(e: &Evaluation) -> Self {
        EvaluationDto {
            id: e.id,
            cohort_id: e.cohort_id,
            session_id: e.fields.session_id,
            text: e.fields.text.clone(),
            score: e.fields.score,
        }
    }
}

/// A cohort with everything recorded about it.
#[derive(Serialize, ToSchema)]
pub struct CohortDetailDto {
    #[serde(flatten)]
    pub cohort: CohortDto,
    pub mentors: Vec<CohortMentorDto>,
    pub sessions: Vec<CohortSessionDto>,
    pub attendance: Vec<AttendanceDto>,
    pub evaluations: Vec<EvaluationDto>,
}

impl From<&CohortDetail> for CohortDetailDto {
    fn from(d: &CohortDetail) -> Self {
        CohortDetailDto {
            cohort: (&d.cohort).into(),
            mentors: d.mentors.iter().map(Into::into).collect(),
            sessions: d.sessions.iter().map(Into::into).collect(),
            attendance: d
                .attendance
                .iter()
                .map(|a| AttendanceDto {
                    session_id: a.session_id,
                    mentor_id: a.mentor_id,
                })
                .collect(),
            evaluations: d.evaluations.iter().map(Into::into).collect(),
        }
    }
}

/// Who attended a session: exactly these cohort mentors.
#[derive(Deserialize, ToSchema)]
pub struct AttendanceInput {
    /// Ids of the cohort's mentors; an empty list clears the attendance.
    pub mentor_ids: Vec<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct SessionAttendanceDto {
    pub session_id: i64,
    pub mentor_ids: Vec<i64>,
}
