//! The JSON bodies the API reads, with their OpenAPI schemas: the wire format is the
//! API's, so it lives here; each turns into the app's input, which knows no JSON.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use utoipa::ToSchema;

/// An app input and the JSON body it is read from (see `super::Input`).
pub(super) trait FromWire: Sized + Send {
    type Wire: DeserializeOwned + Into<Self> + Send;
}

macro_rules! read_as {
    ($($name:ident),* $(,)?) => {
        $(impl FromWire for app::$name {
            type Wire = $name;
        })*
    };
}

read_as!(
    StatusInput,
    ActionInput,
    MeasureInput,
    ContactInput,
    TargetInput,
    LanguageInput,
    ProfileInput,
    RulesInput,
    PairRuleInput,
    PairChangeInput,
    MeetingInput,
    CheckInInput,
    OutcomeInput,
    CohortInput,
    CohortMentorInput,
    SessionInput,
    EvaluationInput,
    HouseholdMemberInput,
    CaseInput,
    OwnCorrectionInput,
    StepInput,
    FollowUpInput,
    ConsentInput,
    WithdrawalInput,
    RentToOwnInput
);

/// A status report on an action-plan item.
#[derive(Deserialize, ToSchema)]
pub struct StatusInput {
    /// One of planned, ongoing, done, delayed, cancelled.
    status: String,
    /// One of green, yellow, red.
    light: String,
    #[serde(default)]
    text: String,
    /// YYYY-MM-DD; today when left out.
    #[serde(default)]
    reported_on: String,
}

impl From<StatusInput> for app::StatusInput {
    fn from(w: StatusInput) -> Self {
        app::StatusInput {
            status: w.status,
            light: w.light,
            text: w.text,
            reported_on: w.reported_on,
        }
    }
}

/// An action-plan row as written in a form or JSON.
#[derive(Deserialize, ToSchema)]
pub struct ActionInput {
    /// Only when creating: the new row's identifier, like `mentorprogram`.
    #[serde(default)]
    id: String,
    work_package: String,
    #[serde(default)]
    measure: String,
    how: String,
    #[serde(default)]
    participants: String,
    #[serde(default)]
    when: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    responsible: String,
    /// Only when changing: the version that was read.
    #[serde(default)]
    version: Option<i64>,
}

impl From<ActionInput> for app::ActionInput {
    fn from(w: ActionInput) -> Self {
        app::ActionInput {
            id: w.id,
            work_package: w.work_package,
            measure: w.measure,
            how: w.how,
            participants: w.participants,
            when: w.when,
            comment: w.comment,
            responsible: w.responsible,
            version: w.version,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct MeasureInput {
    #[serde(default)]
    id: String,
    work_package: String,
    title: String,
    #[serde(default)]
    version: Option<i64>,
}

impl From<MeasureInput> for app::MeasureInput {
    fn from(w: MeasureInput) -> Self {
        app::MeasureInput {
            id: w.id,
            work_package: w.work_package,
            title: w.title,
            version: w.version,
        }
    }
}

/// A municipality's contact person for the programme.
#[derive(Deserialize, ToSchema)]
pub struct ContactInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    version: Option<i64>,
}

impl From<ContactInput> for app::ContactInput {
    fn from(w: ContactInput) -> Self {
        app::ContactInput {
            name: w.name,
            email: w.email,
            version: w.version,
        }
    }
}

/// A target as a form or JSON sends it.
#[derive(Deserialize, ToSchema)]
pub struct TargetInput {
    /// `sogn`, a municipality number, `46` or `0`.
    area: String,
    year: String,
    value: String,
    #[serde(default)]
    note: String,
}

impl From<TargetInput> for app::TargetInput {
    fn from(w: TargetInput) -> Self {
        app::TargetInput {
            area: w.area,
            year: w.year,
            value: w.value,
            note: w.note,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct LanguageInput {
    language: String,
    /// A1, A2, B1, B2, C1, C2 or native.
    level: String,
}

impl From<LanguageInput> for app::LanguageInput {
    fn from(w: LanguageInput) -> Self {
        app::LanguageInput {
            language: w.language,
            level: w.level,
        }
    }
}

/// A mentor's or mentee's profile.
#[derive(Deserialize, ToSchema)]
pub struct ProfileInput {
    /// `mentor` or `mentee`; cannot change once registered.
    side: String,
    name: String,
    /// A municipality code of Sogn, like 4640.
    municipality: String,
    #[serde(default)]
    languages: Vec<LanguageInput>,
    /// The mentor's occupation, or the one the mentee aims for.
    #[serde(default)]
    occupation: String,
    #[serde(default)]
    industry: String,
    #[serde(default)]
    goals: Vec<String>,
    #[serde(default)]
    interests: Vec<String>,
    #[serde(default)]
    availability: Vec<String>,
    /// Mentors only: how many mentees, 1 to 10.
    #[serde(default)]
    capacity: Option<i64>,
    /// YYYY-MM-DD; empty when no consent is recorded (the person is then never matched).
    #[serde(default)]
    consent_given_on: String,
    /// Which version of the consent text was agreed to, like `2024-1`.
    #[serde(default)]
    consent_text_version: String,
    /// The account that may see, correct and delete the profile.
    #[serde(default)]
    account_id: Option<i64>,
    /// Only when changing: the version that was read.
    #[serde(default)]
    version: Option<i64>,
}

impl From<ProfileInput> for app::ProfileInput {
    fn from(w: ProfileInput) -> Self {
        app::ProfileInput {
            unread: Default::default(),
            side: w.side,
            name: w.name,
            municipality: w.municipality,
            languages: w.languages.into_iter().map(Into::into).collect(),
            occupation: w.occupation,
            industry: w.industry,
            goals: w.goals,
            interests: w.interests,
            availability: w.availability,
            capacity: w.capacity,
            consent_given_on: w.consent_given_on,
            consent_text_version: w.consent_text_version,
            account_id: w.account_id,
            version: w.version,
        }
    }
}

/// The matching rules.
#[derive(Deserialize, ToSchema)]
pub struct RulesInput {
    /// The lowest level of a language both must share: A1 … C2 or native.
    min_level: String,
    /// Pairs of neighbouring municipality codes, like `[["4640", "4644"]]`.
    #[serde(default)]
    neighbours: Vec<Vec<String>>,
    /// Points per criterion: same_municipality, shared_language_above_minimum,
    /// same_occupation, same_industry, shared_interest, overlapping_availability.
    #[serde(default)]
    weights: BTreeMap<String, i64>,
    version: Option<i64>,
}

impl From<RulesInput> for app::RulesInput {
    fn from(w: RulesInput) -> Self {
        app::RulesInput {
            unread: Default::default(),
            min_level: w.min_level,
            neighbours: w.neighbours,
            weights: w.weights,
            version: w.version,
        }
    }
}

/// Locks or excludes a pair for the matching, or lifts what was set.
#[derive(Deserialize, ToSchema)]
pub struct PairRuleInput {
    mentor_id: i64,
    mentee_id: i64,
    /// `lock`, `exclude`, or empty to lift the rule.
    #[serde(default)]
    kind: String,
}

impl From<PairRuleInput> for app::PairRuleInput {
    fn from(w: PairRuleInput) -> Self {
        app::PairRuleInput {
            unread: Default::default(),
            mentor_id: w.mentor_id,
            mentee_id: w.mentee_id,
            kind: w.kind,
        }
    }
}

/// A step in a pair's life.
#[derive(Deserialize, ToSchema)]
pub struct PairChangeInput {
    /// `accept`, `start`, `complete` or `end-early`.
    action: String,
    /// For `accept`: which side accepts, `mentor` or `mentee`.
    #[serde(default)]
    side: String,
    /// YYYY-MM-DD; today when left out.
    #[serde(default)]
    on: String,
    /// For `end-early`: why.
    #[serde(default)]
    reason: String,
    version: Option<i64>,
}

impl From<PairChangeInput> for app::PairChangeInput {
    fn from(w: PairChangeInput) -> Self {
        app::PairChangeInput {
            unread: Default::default(),
            action: w.action,
            side: w.side,
            on: w.on,
            reason: w.reason,
            version: w.version,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct MeetingInput {
    /// YYYY-MM-DD; today when left out.
    #[serde(default)]
    held_on: String,
    minutes: i64,
    #[serde(default)]
    note: String,
}

impl From<MeetingInput> for app::MeetingInput {
    fn from(w: MeetingInput) -> Self {
        app::MeetingInput {
            unread: Default::default(),
            held_on: w.held_on,
            minutes: w.minutes,
            note: w.note,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct CheckInInput {
    /// `midway` or `final`.
    kind: String,
    #[serde(default)]
    held_on: String,
    #[serde(default)]
    note: String,
}

impl From<CheckInInput> for app::CheckInInput {
    fn from(w: CheckInInput) -> Self {
        app::CheckInInput {
            kind: w.kind,
            held_on: w.held_on,
            note: w.note,
        }
    }
}

/// A mentee's situation at a follow-up. Unticked boxes are `false`.
#[derive(Deserialize, ToSchema)]
pub struct OutcomeInput {
    /// `end`, `6-months` or `12-months`.
    follow_up: String,
    #[serde(default)]
    recorded_on: String,
    #[serde(default)]
    in_work: bool,
    #[serde(default)]
    in_education: bool,
    #[serde(default)]
    qualifications_approved: bool,
    /// A1 … C2 or native; empty when not assessed.
    #[serde(default)]
    norwegian_level: String,
    #[serde(default)]
    in_region: bool,
}

impl From<OutcomeInput> for app::OutcomeInput {
    fn from(w: OutcomeInput) -> Self {
        app::OutcomeInput {
            unread: Default::default(),
            follow_up: w.follow_up,
            recorded_on: w.recorded_on,
            in_work: w.in_work,
            in_education: w.in_education,
            qualifications_approved: w.qualifications_approved,
            norwegian_level: w.norwegian_level,
            in_region: w.in_region,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct CohortInput {
    employer: String,
    name: String,
    /// YYYY-MM-DD, or empty.
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    version: Option<i64>,
}

impl From<CohortInput> for app::CohortInput {
    fn from(w: CohortInput) -> Self {
        app::CohortInput {
            employer: w.employer,
            name: w.name,
            starts_on: w.starts_on,
            version: w.version,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct CohortMentorInput {
    name: String,
}

impl From<CohortMentorInput> for app::CohortMentorInput {
    fn from(w: CohortMentorInput) -> Self {
        app::CohortMentorInput { name: w.name }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct SessionInput {
    #[serde(default)]
    held_on: String,
    theme: String,
}

impl From<SessionInput> for app::SessionInput {
    fn from(w: SessionInput) -> Self {
        app::SessionInput {
            held_on: w.held_on,
            theme: w.theme,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct EvaluationInput {
    /// The session judged; left out for the cohort as a whole.
    #[serde(default)]
    session_id: Option<i64>,
    #[serde(default)]
    text: String,
    /// 1 (poor) to 5 (very good).
    #[serde(default)]
    score: Option<i64>,
}

impl From<EvaluationInput> for app::EvaluationInput {
    fn from(w: EvaluationInput) -> Self {
        app::EvaluationInput {
            unread: Default::default(),
            session_id: w.session_id,
            text: w.text,
            score: w.score,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct HouseholdMemberInput {
    /// partner, child, parent or other.
    relation: String,
    birth_year: i32,
}

impl From<HouseholdMemberInput> for app::HouseholdMemberInput {
    fn from(w: HouseholdMemberInput) -> Self {
        app::HouseholdMemberInput {
            relation: w.relation,
            birth_year: w.birth_year,
        }
    }
}

/// A newcomer's case, as the service registers or changes it.
#[derive(Deserialize, ToSchema)]
pub struct CaseInput {
    /// The main person's name; the rest of the household has none here.
    name: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
    /// A municipality code of Sogn, 4638–4644.
    municipality: String,
    /// YYYY-MM-DD.
    arrival_date: String,
    /// labour, refugee, family, student or returning.
    category: String,
    #[serde(default)]
    household: Vec<HouseholdMemberInput>,
    #[serde(default)]
    languages: Vec<String>,
    /// job, partner-job, housing, school, kindergarten, norwegian-course, leisure.
    #[serde(default)]
    needs: Vec<String>,
    /// The staff account following the case; the registering staff member when left out.
    #[serde(default)]
    contact_person: Option<i64>,
    /// The newcomer's own account, which may see, correct, export and erase the case.
    #[serde(default)]
    account_id: Option<i64>,
    /// Only when changing: the version that was read.
    #[serde(default)]
    version: Option<i64>,
}

impl From<CaseInput> for app::CaseInput {
    fn from(w: CaseInput) -> Self {
        app::CaseInput {
            unread: Default::default(),
            name: w.name,
            phone: w.phone,
            email: w.email,
            municipality: w.municipality,
            arrival_date: w.arrival_date,
            category: w.category,
            household: w.household.into_iter().map(Into::into).collect(),
            languages: w.languages,
            needs: w.needs,
            contact_person: w.contact_person,
            account_id: w.account_id,
            version: w.version,
        }
    }
}

/// What newcomers may correct in their own case.
#[derive(Deserialize, ToSchema)]
pub struct OwnCorrectionInput {
    name: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    needs: Vec<String>,
    version: Option<i64>,
}

impl From<OwnCorrectionInput> for app::OwnCorrectionInput {
    fn from(w: OwnCorrectionInput) -> Self {
        app::OwnCorrectionInput {
            unread: Default::default(),
            name: w.name,
            phone: w.phone,
            email: w.email,
            languages: w.languages,
            needs: w.needs,
            version: w.version,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct StepInput {
    /// first-contact, job, housing, welcome-meeting or clubs-and-volunteers.
    kind: String,
    /// YYYY-MM-DD; today when left out.
    #[serde(default)]
    done_on: String,
}

impl From<StepInput> for app::StepInput {
    fn from(w: StepInput) -> Self {
        app::StepInput {
            kind: w.kind,
            done_on: w.done_on,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct FollowUpInput {
    /// 3-months, 12-months, 24-months or 60-months.
    at: String,
    /// YYYY-MM-DD; today when left out.
    #[serde(default)]
    recorded_on: String,
    /// in-municipality, moved-within-region, moved-away or unknown.
    residence: String,
}

impl From<FollowUpInput> for app::FollowUpInput {
    fn from(w: FollowUpInput) -> Self {
        app::FollowUpInput {
            at: w.at,
            recorded_on: w.recorded_on,
            residence: w.residence,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct ConsentInput {
    /// case-work, follow-ups, clubs-and-volunteers or rent-to-own.
    purpose: String,
    /// consent, contract, legal-obligation or public-task.
    basis: String,
    /// YYYY-MM-DD; today when left out.
    #[serde(default)]
    given_on: String,
    /// The version of the consent or information text, like `2024-1`.
    text_version: String,
}

impl From<ConsentInput> for app::ConsentInput {
    fn from(w: ConsentInput) -> Self {
        app::ConsentInput {
            purpose: w.purpose,
            basis: w.basis,
            given_on: w.given_on,
            text_version: w.text_version,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct WithdrawalInput {
    /// YYYY-MM-DD; today when left out.
    #[serde(default)]
    withdrawn_on: String,
}

impl From<WithdrawalInput> for app::WithdrawalInput {
    fn from(w: WithdrawalInput) -> Self {
        app::WithdrawalInput {
            withdrawn_on: w.withdrawn_on,
        }
    }
}

/// A household's rent-to-own record; each phase's date, empty until reached.
#[derive(Deserialize, ToSchema)]
pub struct RentToOwnInput {
    selected_on: String,
    #[serde(default)]
    home_bought_on: String,
    #[serde(default)]
    renting_from: String,
    #[serde(default)]
    purchased_on: String,
    #[serde(default)]
    followed_up_on: String,
    /// The version read; left out when starting the record.
    #[serde(default)]
    version: Option<i64>,
}

impl From<RentToOwnInput> for app::RentToOwnInput {
    fn from(w: RentToOwnInput) -> Self {
        app::RentToOwnInput {
            unread: Default::default(),
            selected_on: w.selected_on,
            home_bought_on: w.home_bought_on,
            renting_from: w.renting_from,
            purchased_on: w.purchased_on,
            followed_up_on: w.followed_up_on,
            version: w.version,
        }
    }
}
