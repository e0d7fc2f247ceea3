//! What the newcomer service's forms and JSON send, and the checks that turn it into the
//! domain's values. As in `crate::input`, every field is checked and all problems are
//! reported together.

use domain::newcomer::{
    CaseFields, Category, ConsentFields, FollowUpAt, FollowUpFields, HouseholdMember, LawfulBasis,
    Need, OwnFields, Purpose, Relation, RentToOwnFields, Residence, StepFields, StepKind,
};
use domain::FieldError;
use time::Date;

use domain::limits::LIST;
use domain::newcomer::MAX_HOUSEHOLD;

use crate::input::{check_counts, comma_list, parse_date, required_version, Errors, Unread};
use crate::mentor::{list, municipality, past_date};
use crate::Result;

#[derive(Debug, Clone, Default)]
pub struct HouseholdMemberInput {
    /// partner, child, parent or other.
    pub relation: String,
    pub birth_year: i32,
}

/// A newcomer's case, as the service registers or changes it.
#[derive(Debug, Clone, Default)]
pub struct CaseInput {
    /// The main person's name; the rest of the household has none here.
    pub name: String,
    pub phone: String,
    pub email: String,
    /// A municipality code of Sogn, 4638–4644.
    pub municipality: String,
    /// YYYY-MM-DD.
    pub arrival_date: String,
    /// labour, refugee, family, student or returning.
    pub category: String,
    pub household: Vec<HouseholdMemberInput>,
    pub languages: Vec<String>,
    /// job, partner-job, housing, school, kindergarten, norwegian-course, leisure.
    pub needs: Vec<String>,
    /// The staff account following the case; the registering staff member when left out.
    pub contact_person: Option<i64>,
    /// The newcomer's own account, which may see, correct, export and erase the case.
    pub account_id: Option<i64>,
    /// Only when changing: the version that was read.
    pub version: Option<i64>,
    /// What a form's text gave that could not be read; never sent as JSON.
    pub unread: Unread,
}

/// What newcomers may correct in their own case.
#[derive(Debug, Clone, Default)]
pub struct OwnCorrectionInput {
    pub name: String,
    pub phone: String,
    pub email: String,
    pub languages: Vec<String>,
    pub needs: Vec<String>,
    pub version: Option<i64>,
    /// What a form's text gave that could not be read; never sent as JSON.
    pub unread: Unread,
}

#[derive(Debug, Clone, Default)]
pub struct StepInput {
    /// first-contact, job, housing, welcome-meeting or clubs-and-volunteers.
    pub kind: String,
    /// YYYY-MM-DD; today when left out.
    pub done_on: String,
}

#[derive(Debug, Clone, Default)]
pub struct FollowUpInput {
    /// 3-months, 12-months, 24-months or 60-months.
    pub at: String,
    /// YYYY-MM-DD; today when left out.
    pub recorded_on: String,
    /// in-municipality, moved-within-region, moved-away or unknown.
    pub residence: String,
}

#[derive(Debug, Clone, Default)]
pub struct ConsentInput {
    /// case-work, follow-ups, clubs-and-volunteers or rent-to-own.
    pub purpose: String,
    /// consent, contract, legal-obligation or public-task.
    pub basis: String,
    /// YYYY-MM-DD; today when left out.
    pub given_on: String,
    /// The version of the consent or information text, like `2024-1`.
    pub text_version: String,
}

#[derive(Debug, Clone, Default)]
pub struct WithdrawalInput {
    /// YYYY-MM-DD; today when left out.
    pub withdrawn_on: String,
}

/// A household's rent-to-own record; each phase's date, empty until reached.
#[derive(Debug, Clone, Default)]
pub struct RentToOwnInput {
    pub selected_on: String,
    pub home_bought_on: String,
    pub renting_from: String,
    pub purchased_on: String,
    pub followed_up_on: String,
    /// The version read; left out when starting the record.
    pub version: Option<i64>,
    /// What a form's text gave that could not be read; never sent as JSON.
    pub unread: Unread,
}

impl Unread {
    /// "partner 1985, child 2016": each entry a relation and a year of birth.
    pub fn household(&mut self, text: &str) -> Vec<HouseholdMemberInput> {
        let mut members = Vec::new();
        for entry in comma_list(text) {
            match entry.rsplit_once(char::is_whitespace) {
                Some((relation, year)) if year.parse::<i32>().is_ok() => {
                    members.push(HouseholdMemberInput {
                        relation: relation.trim().to_string(),
                        birth_year: year.parse().unwrap_or_default(),
                    })
                }
                _ => self.0.push(FieldError::new(
                    "household",
                    format!(
                        "`{}`: give a relation and a year of birth, like `child 2016`",
                        entry.chars().take(40).collect::<String>()
                    ),
                )),
            }
        }
        members
    }
}

/// A code of a closed set, named by `field` when it is none of them.
fn code<T: std::str::FromStr<Err = FieldError>>(
    errors: &mut Errors,
    field: &'static str,
    s: &str,
) -> Option<T> {
    match s.trim().to_lowercase().parse::<T>() {
        Ok(v) => Some(v),
        Err(e) => {
            errors.0.push(FieldError { field, ..e });
            None
        }
    }
}

fn codes<T: std::str::FromStr<Err = FieldError>>(
    errors: &mut Errors,
    field: &'static str,
    items: &[String],
) -> Vec<T> {
    list(items)
        .iter()
        .filter_map(|s| code(errors, field, s))
        .collect()
}

fn optional_date(errors: &mut Errors, field: &'static str, s: &str) -> Option<Date> {
    if s.trim().is_empty() {
        return None;
    }
    match parse_date(field, s) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.0.push(e);
            None
        }
    }
}

/// Stops with the errors so far when a value every later check needs is missing.
fn needed<T>(errors: &mut Errors, value: Option<T>) -> Result<T> {
    value.ok_or_else(|| crate::AppError::Invalid(std::mem::take(&mut errors.0)))
}

impl CaseInput {
    pub(crate) fn parse(&self, today: Date, updating: bool) -> Result<CaseFields> {
        self.unread.check()?;
        check_counts(&[
            ("household", self.household.len(), MAX_HOUSEHOLD),
            ("languages", self.languages.len(), LIST),
            ("needs", self.needs.len(), LIST),
        ])?;
        let mut errors = Errors::default();
        if updating {
            errors.check(required_version("version", self.version).map(|_| ()));
        }
        errors.check(municipality("municipality", &self.municipality));
        let arrival = match parse_date("arrival_date", &self.arrival_date) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.0.push(e);
                None
            }
        };
        let category = code::<Category>(&mut errors, "category", &self.category);
        let household = self
            .household
            .iter()
            .filter_map(|m| {
                code::<Relation>(&mut errors, "household", &m.relation).map(|relation| {
                    HouseholdMember {
                        relation,
                        birth_year: m.birth_year,
                    }
                })
            })
            .collect();
        let needs = codes::<Need>(&mut errors, "needs", &self.needs);
        let arrival_date = needed(&mut errors, arrival)?;
        let category = needed(&mut errors, category)?;
        let fields = CaseFields {
            name: self.name.trim().to_string(),
            phone: self.phone.trim().to_string(),
            email: self.email.trim().to_string(),
            municipality: self.municipality.trim().to_string(),
            arrival_date,
            household,
            languages: list(&self.languages),
            category,
            needs,
            contact_person: self.contact_person,
            account_id: self.account_id,
        };
        errors.0.extend(fields.validate(today));
        errors.finish(fields)
    }
}

impl OwnCorrectionInput {
    /// The corrections, and the version they were made to.
    pub(crate) fn parse(&self) -> Result<(i64, OwnFields)> {
        self.unread.check()?;
        check_counts(&[
            ("languages", self.languages.len(), LIST),
            ("needs", self.needs.len(), LIST),
        ])?;
        let mut errors = Errors::default();
        let version = required_version("version", self.version);
        let needs = codes::<Need>(&mut errors, "needs", &self.needs);
        let own = OwnFields {
            name: self.name.trim().to_string(),
            phone: self.phone.trim().to_string(),
            email: self.email.trim().to_string(),
            languages: list(&self.languages),
            needs,
        };
        match version {
            Ok(v) => errors.finish((v, own)),
            Err(e) => {
                errors.0.insert(0, e);
                Err(crate::AppError::Invalid(errors.0))
            }
        }
    }
}

impl StepInput {
    pub(crate) fn parse(&self, today: Date) -> Result<StepFields> {
        let mut errors = Errors::default();
        let kind = code::<StepKind>(&mut errors, "kind", &self.kind);
        let done_on = past_date("done_on", &self.done_on, today).map_err(|e| errors.0.push(e));
        match (kind, done_on) {
            (Some(kind), Ok(done_on)) => errors.finish(StepFields { kind, done_on }),
            _ => Err(crate::AppError::Invalid(errors.0)),
        }
    }
}

impl FollowUpInput {
    pub(crate) fn parse(&self, today: Date) -> Result<FollowUpFields> {
        let mut errors = Errors::default();
        let at = code::<FollowUpAt>(&mut errors, "at", &self.at);
        let residence = code::<Residence>(&mut errors, "residence", &self.residence);
        let recorded_on =
            past_date("recorded_on", &self.recorded_on, today).map_err(|e| errors.0.push(e));
        match (at, residence, recorded_on) {
            (Some(at), Some(residence), Ok(recorded_on)) => errors.finish(FollowUpFields {
                at,
                recorded_on,
                residence,
            }),
            _ => Err(crate::AppError::Invalid(errors.0)),
        }
    }
}

impl ConsentInput {
    pub(crate) fn parse(&self, today: Date) -> Result<ConsentFields> {
        let mut errors = Errors::default();
        let purpose = code::<Purpose>(&mut errors, "purpose", &self.purpose);
        let basis = code::<LawfulBasis>(&mut errors, "basis", &self.basis);
        let given_on = if self.given_on.trim().is_empty() {
            Some(today)
        } else {
            optional_date(&mut errors, "given_on", &self.given_on)
        };
        match (purpose, basis, given_on) {
            (Some(purpose), Some(basis), Some(given_on)) => {
                let fields = ConsentFields {
                    purpose,
                    basis,
                    given_on,
                    text_version: self.text_version.trim().to_string(),
                };
                errors.0.extend(fields.validate(today));
                errors.finish(fields)
            }
            _ => Err(crate::AppError::Invalid(errors.0)),
        }
    }
}

impl WithdrawalInput {
    pub(crate) fn parse(&self, today: Date) -> Result<Date> {
        Ok(past_date("withdrawn_on", &self.withdrawn_on, today)?)
    }
}

impl RentToOwnInput {
    pub(crate) fn parse(&self, today: Date) -> Result<RentToOwnFields> {
        self.unread.check()?;
        let mut errors = Errors::default();
        let selected_on = match parse_date("selected_on", &self.selected_on) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.0.push(e);
                None
            }
        };
        let home_bought_on = optional_date(&mut errors, "home_bought_on", &self.home_bought_on);
        let renting_from = optional_date(&mut errors, "renting_from", &self.renting_from);
        let purchased_on = optional_date(&mut errors, "purchased_on", &self.purchased_on);
        let followed_up_on = optional_date(&mut errors, "followed_up_on", &self.followed_up_on);
        let selected_on = needed(&mut errors, selected_on)?;
        let fields = RentToOwnFields {
            selected_on,
            home_bought_on,
            renting_from,
            purchased_on,
            followed_up_on,
        };
        errors.check(fields.validate(today));
        errors.finish(fields)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn household_entries_are_a_relation_and_a_year() {
        let mut unread = Unread::default();
        let h = unread.household("partner 1985, child 2016");
        assert!(unread.check().is_ok());
        assert_eq!((h[1].relation.as_str(), h[1].birth_year), ("child", 2016));
        unread.household("child");
        let Err(crate::AppError::Invalid(errors)) = unread.check() else {
            panic!("expected field errors")
        };
        assert_eq!(errors[0].field, "household");
    }
}
