//! Query strings shared by the pages and the API.

use app::AppError;
use domain::state::ActionFilter;
use domain::status::Status;
use domain::{limits, FieldError};
use serde::Deserialize;
use time::{Date, Month};
use utoipa::IntoParams;

/// A page of a long list: newest first, 0-based.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// 0-based page number, at most 1000000.
    #[param(minimum = 0, maximum = 1_000_000)]
    pub page: Option<i64>,
    /// Entries per page, 1 to 500; each list has its own default.
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
}

impl PageQuery {
    pub fn page(&self) -> i64 {
        self.page.unwrap_or(0)
    }

    pub fn limit(&self, default: i64) -> i64 {
        self.limit.unwrap_or(default)
    }
}

/// Filters of the action plan. Empty values do not filter.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActionQuery {
    /// A work package id.
    pub work_package: Option<String>,
    /// Text the "responsible" cell contains, ignoring case.
    pub responsible: Option<String>,
    /// planned, ongoing, done, delayed, cancelled, or `none` for items nobody has reported on.
    pub status: Option<String>,
    /// YYYY-MM or YYYY-MM-DD: items that end on or after this.
    pub from: Option<String>,
    /// YYYY-MM or YYYY-MM-DD: items that start on or before this.
    pub to: Option<String>,
}

fn nonblank(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Reads YYYY-MM (the month's first or last day) or YYYY-MM-DD.
fn month_or_day(field: &'static str, value: &str, end: bool) -> Result<Date, FieldError> {
    if value.len() == 7 {
        if let Some((year, month)) = domain::plan::parse_year_month(value) {
            let m = Month::try_from(month).expect("checked month");
            let d = if end {
                Date::from_calendar_date(year, m, m.length(year))
            } else {
                Date::from_calendar_date(year, m, 1)
            };
            return d.map_err(|e| FieldError::new(field, e.to_string()));
        }
    }
    app::parse_date(field, value).map_err(|_| {
        FieldError::new(
            field,
            format!("`{value}` is neither a month (YYYY-MM) nor a date (YYYY-MM-DD)"),
        )
    })
}

impl ActionQuery {
    pub fn filter(&self) -> Result<ActionFilter, AppError> {
        let mut errors = Vec::new();
        for (field, value) in [
            ("work_package", &self.work_package),
            ("responsible", &self.responsible),
            ("status", &self.status),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if let Some(v) = value {
                errors.extend(limits::check(field, v, limits::TITLE).err());
            }
        }
        let status = match nonblank(&self.status) {
            None => None,
            Some("none") => Some(None),
            Some(s) => match s.parse::<Status>() {
                Ok(s) => Some(Some(s)),
                Err(e) => {
                    errors.push(e);
                    None
                }
            },
        };
        let mut date = |field, value: Option<&str>, end| {
            value.and_then(|v| month_or_day(field, v, end).map_err(|e| errors.push(e)).ok())
        };
        let from = date("from", nonblank(&self.from), false);
        let to = date("to", nonblank(&self.to), true);
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        Ok(ActionFilter {
            work_package: nonblank(&self.work_package).map(str::to_string),
            responsible: nonblank(&self.responsible).map(str::to_string),
            status,
            from,
            to,
        })
    }
}
