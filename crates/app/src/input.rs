//! What users send, as they send it (strings from forms and JSON), and the
//! checks that turn it into values the store accepts. Every field is checked
//! and all problems are reported together, so a form can be fixed in one go.

use domain::limits::{self, check, check_id, check_required};
use domain::period::parse_when;
use domain::state::Snapshot;
use domain::status::{Light, Status};
use domain::FieldError;
use store::{span_dates, ActionFields, MeasureFields, NewStatus};
use time::{Date, OffsetDateTime};

use crate::{AppError, Result};

/// A status report on an action-plan item.
#[derive(Debug, Clone, Default)]
pub struct StatusInput {
    /// One of planned, ongoing, done, delayed, cancelled.
    pub status: String,
    /// One of green, yellow, red.
    pub light: String,
    pub text: String,
    /// YYYY-MM-DD; today when left out.
    pub reported_on: String,
}

/// An action-plan row as written in a form or JSON.
#[derive(Debug, Clone, Default)]
pub struct ActionInput {
    /// Only when creating: the new row's identifier, like `mentorprogram`.
    pub id: String,
    pub work_package: String,
    pub measure: String,
    pub how: String,
    pub participants: String,
    pub when: String,
    pub comment: String,
    pub responsible: String,
    /// Only when changing: the version that was read.
    pub version: Option<i64>,
}

#[derive(Debug, Clone, Default)]
pub struct MeasureInput {
    pub id: String,
    pub work_package: String,
    pub title: String,
    pub version: Option<i64>,
}

/// A municipality's contact person for the programme.
#[derive(Debug, Clone, Default)]
pub struct ContactInput {
    pub name: String,
    pub email: String,
    pub version: Option<i64>,
}

/// What could not be read from a form's text into an input's numbers, lists and choices.
/// The input's `parse` reports it, after the use case has checked who is asking, so that
/// whoever may not send the form is told so first, whatever they typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unread(pub(crate) Vec<FieldError>);

impl Unread {
    /// An optional whole number: empty is none.
    pub fn number(&mut self, field: &'static str, text: &str) -> Option<i64> {
        match text.trim() {
            "" => None,
            t => t
                .parse()
                .map_err(|_| {
                    self.0
                        .push(FieldError::new(field, "expected a whole number"))
                })
                .ok(),
        }
    }

    /// A whole number the form must give; `missing` says what to give when it is empty.
    /// 0 when it cannot be read, which is never used: `parse` refuses the input first.
    pub fn required_number(&mut self, field: &'static str, text: &str, missing: &str) -> i64 {
        if text.trim().is_empty() {
            self.0.push(FieldError::new(field, missing));
            return 0;
        }
        self.number(field, text).unwrap_or_default()
    }

    /// Every value of a field sent more than once (ticked boxes) as whole numbers.
    pub fn numbers(&mut self, field: &'static str, texts: &[String]) -> Vec<i64> {
        texts
            .iter()
            .map(|t| self.required_number(field, t, "expected a whole number"))
            .collect()
    }

    /// A yes/no choice: `true`, or `false` and empty for an unticked box.
    pub fn yes_no(&mut self, field: &'static str, text: &str) -> bool {
        match text {
            "true" => true,
            "false" | "" => false,
            _ => {
                self.0.push(FieldError::new(field, "expected yes or no"));
                false
            }
        }
    }

    /// The problems, if there were any.
    pub fn check(&self) -> Result<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self.0.clone()))
        }
    }
}

/// "a, b, c" as a form's text field holds a list: trimmed, without empty entries.
pub fn comma_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Collects field errors so they can be reported together.
#[derive(Default)]
pub(crate) struct Errors(pub(crate) Vec<FieldError>);

impl Errors {
    pub(crate) fn check(&mut self, r: std::result::Result<(), FieldError>) {
        if let Err(e) = r {
            self.0.push(e);
        }
    }

    pub(crate) fn finish<T>(self, value: T) -> Result<T> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(AppError::Invalid(self.0))
        }
    }
}

/// Refuses lists with more entries than their limit before any entry is looked at, so that
/// a huge list costs no more than a short one. Each entry is (field, entries, limit).
pub(crate) fn check_counts(lists: &[(&'static str, usize, usize)]) -> Result<()> {
    let errors: Vec<FieldError> = lists
        .iter()
        .filter_map(|&(field, n, max)| limits::check_count(field, n, max).err())
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

/// The last page number taken anywhere: far past any real list, and small enough that
/// page × entries per page stays well inside what the databases take as an offset.
pub const MAX_PAGE: i64 = 1_000_000;
/// The most entries one page may ask for.
pub const MAX_PER_PAGE: i64 = 500;

/// The offset of a 0-based page of `per_page` entries; a page or size out of bounds is a
/// field error rather than an overflow in SQL.
pub fn page_offset(page: i64, per_page: i64) -> Result<i64> {
    let mut errors = Errors::default();
    if !(0..=MAX_PAGE).contains(&page) {
        errors.check(Err(FieldError::new(
            "page",
            format!("is {page}; pages are numbered from 0 to {MAX_PAGE}"),
        )));
    }
    if !(1..=MAX_PER_PAGE).contains(&per_page) {
        errors.check(Err(FieldError::new(
            "limit",
            format!("is {per_page}; a page holds 1 to {MAX_PER_PAGE} entries"),
        )));
    }
    errors.finish(())?;
    Ok(page * per_page)
}

/// Today, in UTC, as the use cases date what they record.
pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

/// Reads an ISO date as a form or JSON gives it.
pub fn parse_date(field: &'static str, value: &str) -> std::result::Result<Date, FieldError> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(value.trim(), format).map_err(|_| {
        FieldError::new(
            field,
            format!(
                "`{}` is not a date: write YYYY-MM-DD, like 2021-03-15",
                value.chars().take(40).collect::<String>()
            ),
        )
    })
}

pub(crate) fn required_version(
    field: &'static str,
    v: Option<i64>,
) -> std::result::Result<i64, FieldError> {
    v.ok_or_else(|| {
        FieldError::new(
            field,
            "is missing: send the version you read, so that a newer change is not overwritten",
        )
    })
}

impl StatusInput {
    pub(crate) fn parse(&self) -> Result<NewStatus> {
        let mut errors = Errors::default();
        let status = self.status.parse::<Status>();
        let light = self.light.parse::<Light>();
        errors.check(check("text", &self.text, limits::TEXT));
        let reported_on = if self.reported_on.trim().is_empty() {
            Ok(today())
        } else {
            parse_date("reported_on", &self.reported_on).and_then(|d| {
                if d > today() + time::Duration::days(1) {
                    Err(FieldError::new(
                        "reported_on",
                        "is in the future: report what has happened",
                    ))
                } else if d.year() < 2000 {
                    Err(FieldError::new("reported_on", "is before 2000"))
                } else {
                    Ok(d)
                }
            })
        };
        match (status, light, reported_on) {
            (Ok(status), Ok(light), Ok(reported_on)) => errors.finish(NewStatus {
                status,
                light,
                text: self.text.trim().to_string(),
                reported_on,
            }),
            (s, l, r) => {
                errors.0.extend(s.err());
                errors.0.extend(l.err());
                errors.0.extend(r.err());
                Err(AppError::Invalid(errors.0))
            }
        }
    }
}

impl ActionInput {
    /// Checks the row against the plan it goes into.
    pub(crate) fn parse(&self, s: &Snapshot, creating: bool) -> Result<ActionFields> {
        let mut errors = Errors::default();
        if creating {
            errors.check(check_id("id", &self.id));
            if s.action(&self.id).is_some() {
                errors.check(Err(FieldError::new(
                    "id",
                    format!("an action with the id `{}` exists already", self.id),
                )));
            }
        } else {
            errors.check(required_version("version", self.version).map(|_| ()));
        }
        if s.work_package(&self.work_package).is_none() {
            errors.check(Err(FieldError::new(
                "work_package",
                format!("no work package has the id `{}`", self.work_package),
            )));
        }
        if !self.measure.is_empty() && s.measure(&self.measure).is_none() {
            errors.check(Err(FieldError::new(
                "measure",
                format!("no measure has the id `{}`", self.measure),
            )));
        }
        errors.check(check_required("how", &self.how, limits::TEXT));
        for (field, value) in [
            ("participants", &self.participants),
            ("when", &self.when),
            ("comment", &self.comment),
            ("responsible", &self.responsible),
        ] {
            errors.check(check(field, value, limits::TEXT));
        }
        let (starts, ends) = span_dates(parse_when(&self.when, s.plan.context()));
        errors.finish(ActionFields {
            work_package: self.work_package.clone(),
            measure: self.measure.clone(),
            how: self.how.trim().to_string(),
            participants: self.participants.trim().to_string(),
            when: self.when.trim().to_string(),
            comment: self.comment.trim().to_string(),
            responsible: self.responsible.trim().to_string(),
            starts,
            ends,
        })
    }
}

impl MeasureInput {
    pub(crate) fn parse(&self, s: &Snapshot, creating: bool) -> Result<MeasureFields> {
        let mut errors = Errors::default();
        if creating {
            errors.check(check_id("id", &self.id));
            if s.measure(&self.id).is_some() {
                errors.check(Err(FieldError::new(
                    "id",
                    format!("a measure with the id `{}` exists already", self.id),
                )));
            }
        } else {
            errors.check(required_version("version", self.version).map(|_| ()));
        }
        if s.work_package(&self.work_package).is_none() {
            errors.check(Err(FieldError::new(
                "work_package",
                format!("no work package has the id `{}`", self.work_package),
            )));
        }
        errors.check(check_required("title", &self.title, limits::TEXT));
        errors.finish(MeasureFields {
            work_package: self.work_package.clone(),
            title: self.title.trim().to_string(),
        })
    }
}

impl ContactInput {
    pub(crate) fn parse(&self) -> Result<(i64, String, String)> {
        let mut errors = Errors::default();
        let version = required_version("version", self.version);
        errors.check(check("name", &self.name, limits::TITLE));
        errors.check(check("email", &self.email, limits::TITLE));
        let email = self.email.trim();
        if !email.is_empty() && !plausible_email(email) {
            errors.check(Err(FieldError::new(
                "email",
                format!("`{email}` is not an e-mail address"),
            )));
        }
        match version {
            Ok(v) => errors.finish((v, self.name.trim().to_string(), email.to_string())),
            Err(e) => {
                errors.0.push(e);
                Err(AppError::Invalid(errors.0))
            }
        }
    }
}

/// Good enough to catch typing mistakes; the address is never mailed by Bulyst.
pub(crate) fn plausible_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.chars().any(|c| c.is_whitespace() || c.is_control())
                && s.matches('@').count() == 1
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_errors_come_together() {
        let input = StatusInput {
            status: "finished".into(),
            light: "blue".into(),
            text: "x".repeat(limits::TEXT + 1),
            reported_on: "2021-02-30".into(),
        };
        let AppError::Invalid(errors) = input.parse().unwrap_err() else {
            panic!("expected field errors")
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["text", "status", "light", "reported_on"]);
    }

    #[test]
    fn status_defaults_to_today() {
        let input = StatusInput {
            status: "ongoing".into(),
            light: "green".into(),
            ..Default::default()
        };
        assert_eq!(input.parse().unwrap().reported_on, today());
    }

    #[test]
    fn form_text_is_read_and_its_problems_kept() {
        let mut unread = Unread::default();
        assert_eq!(unread.number("version", " 3 "), Some(3));
        assert_eq!(unread.number("version", ""), None);
        assert!(unread.yes_no("in_work", "true"));
        assert!(!unread.yes_no("in_work", ""));
        assert!(unread.check().is_ok());
        assert_eq!(unread.number("capacity", "two"), None);
        unread.required_number("minutes", " ", "give how long");
        assert_eq!(
            unread.numbers("mentor_id", &["1".into(), "x".into()]),
            [1, 0]
        );
        unread.yes_no("in_region", "maybe");
        let AppError::Invalid(errors) = unread.check().unwrap_err() else {
            panic!("expected field errors")
        };
        let got: Vec<_> = errors
            .iter()
            .map(|e| (e.field, e.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("capacity", "expected a whole number"),
                ("minutes", "give how long"),
                ("mentor_id", "expected a whole number"),
                ("in_region", "expected yes or no"),
            ]
        );
        assert_eq!(comma_list(" a, ,b ,"), ["a", "b"]);
    }

    #[test]
    fn emails() {
        assert!(plausible_email("kontakt@ardal.kommune.no"));
        assert!(!plausible_email("kontakt@ardal"));
        assert!(!plausible_email("a b@c.no"));
    }
}
