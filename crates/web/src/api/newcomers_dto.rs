//! The JSON shapes of the newcomer service, built from the domain's values. Dates are
//! YYYY-MM-DD strings; codes (category, needs, steps, …) are the domain's lower-case
//! codes. OpenAPI names schemas by type name, so these are prefixed `Newcomer…` where the
//! mentor programme or the plan has the plain name already.

use domain::newcomer::{
    due_follow_ups, Case, CaseDetail, CaseExport, CohortFigures, ConsentRecord, Count, Figure,
    FollowUp, FollowUpAt, RentToOwn, Stay, Step,
};
use serde::Serialize;
use time::Date;
use utoipa::ToSchema;

use super::dto::AuditDto;

fn day(d: Option<Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// Another member of the household: a relation and a birth year, never a name.
#[derive(Serialize, ToSchema)]
pub struct HouseholdMemberDto {
    /// partner, child, parent or other.
    pub relation: String,
    pub birth_year: i32,
}

/// A newcomer's case: the main person, the household and what they need.
#[derive(Serialize, ToSchema)]
pub struct NewcomerCaseDto {
    pub id: i64,
    /// Send this back when changing or correcting the case.
    pub version: i64,
    pub name: String,
    /// Empty when not given.
    pub phone: String,
    pub email: String,
    /// A municipality code of Sogn, 4638–4644.
    pub municipality: String,
    pub arrival_date: String,
    /// labour, refugee, family, student or returning.
    pub category: String,
    pub household: Vec<HouseholdMemberDto>,
    pub languages: Vec<String>,
    /// job, partner-job, housing, school, kindergarten, norwegian-course, leisure.
    pub needs: Vec<String>,
    /// The staff account following the case.
    pub contact_person: Option<i64>,
    /// The newcomer's own account, which may see, correct, export and erase the case.
    pub account_id: Option<i64>,
}

impl From<&Case> for NewcomerCaseDto {
    fn from(c: &Case) -> Self {
        let f = &c.fields;
        NewcomerCaseDto {
            id: c.id,
            version: c.version,
            name: f.name.clone(),
            phone: f.phone.clone(),
            email: f.email.clone(),
            municipality: f.municipality.clone(),
            arrival_date: f.arrival_date.to_string(),
            category: f.category.code().into(),
            household: f
                .household
                .iter()
                .map(|m| HouseholdMemberDto {
                    relation: m.relation.code().into(),
                    birth_year: m.birth_year,
                })
                .collect(),
            languages: f.languages.clone(),
            needs: f.needs.iter().map(|n| n.code().into()).collect(),
            contact_person: f.contact_person,
            account_id: f.account_id,
        }
    }
}

/// A step of the newcomer's first time: one per kind, with the day it was done.
#[derive(Serialize, ToSchema)]
pub struct NewcomerStepDto {
    /// first-contact, job, housing, welcome-meeting or clubs-and-volunteers.
    pub kind: String,
    pub done_on: String,
}

impl From<&Step> for NewcomerStepDto {
    fn from(s: &Step) -> Self {
        NewcomerStepDto {
            kind: s.fields.kind.code().into(),
            done_on: s.fields.done_on.to_string(),
        }
    }
}

/// Where the newcomer lived at a follow-up after the arrival.
#[derive(Serialize, ToSchema)]
pub struct NewcomerFollowUpDto {
    /// 3-months, 12-months, 24-months or 60-months.
    pub at: String,
    pub recorded_on: String,
    /// in-municipality, moved-within-region, moved-away or unknown.
    pub residence: String,
}

impl From<&FollowUp> for NewcomerFollowUpDto {
    fn from(f: &FollowUp) -> Self {
        NewcomerFollowUpDto {
            at: f.fields.at.code().into(),
            recorded_on: f.fields.recorded_on.to_string(),
            residence: f.fields.residence.code().into(),
        }
    }
}

/// A follow-up that is due and not yet recorded.
#[derive(Serialize, ToSchema)]
pub struct FollowUpDueDto {
    pub at: String,
    pub due_on: String,
}

/// Why the service may use the data for a purpose: the lawful basis and, for consent,
/// the day and the text agreed to. A withdrawn record is kept, marked withdrawn.
#[derive(Serialize, ToSchema)]
pub struct NewcomerConsentDto {
    pub id: i64,
    /// case-work, follow-ups, clubs-and-volunteers or rent-to-own.
    pub purpose: String,
    /// consent, contract, legal-obligation or public-task.
    pub basis: String,
    pub given_on: String,
    pub text_version: String,
    /// `null` while it holds.
    pub withdrawn_on: Option<String>,
    pub holds: bool,
}

impl From<&ConsentRecord> for NewcomerConsentDto {
    fn from(c: &ConsentRecord) -> Self {
        NewcomerConsentDto {
            id: c.id,
            purpose: c.fields.purpose.code().into(),
            basis: c.fields.basis.code().into(),
            given_on: c.fields.given_on.to_string(),
            text_version: c.fields.text_version.clone(),
            withdrawn_on: day(c.withdrawn_on),
            holds: c.holds(),
        }
    }
}

/// The household's rent-to-own record: the day each phase was reached.
#[derive(Serialize, ToSchema)]
pub struct RentToOwnDto {
    /// Send this back when changing the record.
    pub version: i64,
    /// selected, home-bought, renting, purchased or followed-up: the last phase reached.
    pub phase: String,
    pub selected_on: String,
    pub home_bought_on: Option<String>,
    pub renting_from: Option<String>,
    pub purchased_on: Option<String>,
    pub followed_up_on: Option<String>,
}

impl From<&RentToOwn> for RentToOwnDto {
    fn from(r: &RentToOwn) -> Self {
        let f = &r.fields;
        RentToOwnDto {
            version: r.version,
            phase: r.phase.code().into(),
            selected_on: f.selected_on.to_string(),
            home_bought_on: day(f.home_bought_on),
            renting_from: day(f.renting_from),
            purchased_on: day(f.purchased_on),
            followed_up_on: day(f.followed_up_on),
        }
    }
}

/// A case with everything recorded about it.
#[derive(Serialize, ToSchema)]
pub struct NewcomerCaseDetailDto {
    #[serde(flatten)]
    pub case: NewcomerCaseDto,
    pub steps: Vec<NewcomerStepDto>,
    pub follow_ups: Vec<NewcomerFollowUpDto>,
    /// Follow-ups due as of today and not recorded; none after one that found the
    /// newcomer moved away.
    pub follow_ups_due: Vec<FollowUpDueDto>,
    /// Oldest first, withdrawn ones included.
    pub consents: Vec<NewcomerConsentDto>,
    pub rent_to_own: Option<RentToOwnDto>,
}

impl NewcomerCaseDetailDto {
    pub fn new(d: &CaseDetail, today: Date) -> Self {
        let recorded: Vec<_> = d.follow_ups.iter().map(|f| f.fields.clone()).collect();
        let due = due_follow_ups(d.case.fields.arrival_date, &recorded, today);
        NewcomerCaseDetailDto {
            case: (&d.case).into(),
            steps: d.steps.iter().map(Into::into).collect(),
            follow_ups: d.follow_ups.iter().map(Into::into).collect(),
            follow_ups_due: due
                .iter()
                .map(|(at, on): &(FollowUpAt, Date)| FollowUpDueDto {
                    at: at.code().into(),
                    due_on: on.to_string(),
                })
                .collect(),
            consents: d.consents.iter().map(Into::into).collect(),
            rent_to_own: d.rent_to_own.as_ref().map(Into::into),
        }
    }
}

/// Everything held about the person: the case and every record about it, and the audit
/// log's record of who read or changed it (ids and field names only, as the log holds them).
#[derive(Serialize, ToSchema)]
pub struct NewcomerExportDto {
    pub exported_at: String,
    pub case: NewcomerCaseDetailDto,
    pub audit: Vec<AuditDto>,
}

impl NewcomerExportDto {
    pub fn new(e: &CaseExport, today: Date) -> Self {
        NewcomerExportDto {
            exported_at: e
                .exported_at
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
            case: NewcomerCaseDetailDto::new(&e.detail, today),
            audit: e.audit.iter().map(Into::into).collect(),
        }
    }
}

/// A share of a cohort still living there, or why it is not shown. Suppressed and
/// not-yet-known figures carry no share: they are never 0.
#[derive(Serialize, ToSchema)]
pub struct StayFigureDto {
    /// `shown`, `suppressed` (fewer than 5 at risk or 1–4 departures) or `not-yet-known`
    /// (no follow-up that far yet).
    pub status: String,
    /// 0–1, Kaplan-Meier: only with `shown`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
    /// The persons the share rests on: only with `shown`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_risk: Option<u32>,
}

impl From<&Figure> for StayFigureDto {
    fn from(f: &Figure) -> Self {
        let (status, share, at_risk) = match *f {
            Figure::Shown { share, at_risk } => ("shown", Some(share), Some(at_risk)),
            Figure::Suppressed => ("suppressed", None, None),
            Figure::NotYetKnown => ("not-yet-known", None, None),
        };
        StayFigureDto {
            status: status.into(),
            share,
            at_risk,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct NewcomerStayDto {
    pub in_municipality: StayFigureDto,
    pub in_region: StayFigureDto,
}

impl From<&Stay> for NewcomerStayDto {
    fn from(s: &Stay) -> Self {
        NewcomerStayDto {
            in_municipality: (&s.in_municipality).into(),
            in_region: (&s.in_region).into(),
        }
    }
}

/// How many arrived in a cohort, or that the count is suppressed.
#[derive(Serialize, ToSchema)]
pub struct CohortCountDto {
    /// `shown` or `suppressed` (fewer than 5).
    pub status: String,
    /// Only with `shown`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
}

/// An arrival cohort: those who came to an area in a year, and how many stay.
#[derive(Serialize, ToSchema)]
pub struct NewcomerCohortDto {
    /// A municipality code, or `sogn` for the region.
    pub area: String,
    pub arrival_year: i32,
    pub persons: CohortCountDto,
    pub after_1_year: NewcomerStayDto,
    pub after_2_years: NewcomerStayDto,
    pub after_5_years: NewcomerStayDto,
}

impl From<&CohortFigures> for NewcomerCohortDto {
    fn from(c: &CohortFigures) -> Self {
        let persons = match c.persons {
            Count::Shown { count } => CohortCountDto {
                status: "shown".into(),
                count: Some(count),
            },
            Count::Suppressed => CohortCountDto {
                status: "suppressed".into(),
                count: None,
            },
        };
        NewcomerCohortDto {
            area: c.area.clone(),
            arrival_year: c.arrival_year,
            persons,
            after_1_year: (&c.after_1_year).into(),
            after_2_years: (&c.after_2_years).into(),
            after_5_years: (&c.after_5_years).into(),
        }
    }
}
