//! Bulyst's pages, rendered on the server. Each function takes everything it
//! shows, already read and checked; nothing here touches the database.

mod assets;
mod chart;
mod export;
mod figures;
mod form;
mod format;
mod layout;
mod map;
mod orgchart;
mod pages;
mod timeline;
mod widgets;

pub use assets::{static_file, stylesheet, STYLESHEET_PATH};
pub use format::esc;
pub use pages::indicators::{IndicatorPage, IndicatorSummary, ProgrammeFigures};
pub use pages::mentoring::{
    overview as mentoring, own as mentoring_own, pair as mentoring_pair,
    profile as mentoring_profile, rules as mentoring_rules, weight_field, LeftOver,
    MentoringOverview, PairPage, RulesPage,
};
pub use pages::mentoring_cohorts::{cohort as mentoring_cohort, list as mentoring_cohorts};
pub use pages::newcomers::{
    case as newcomer_case, cohorts as newcomer_cohorts, list as newcomers,
    new_case as new_newcomer, no_case as no_newcomer_case, CasePage,
};
pub use pages::welcome::{default_for as welcome_default, find as find_welcome, page as welcome};

use domain::access::Actor;
use domain::state::{ActionFilter, ActionRef, AuditEntry, Changes, Snapshot, StatusUpdate};
pub use i18n::Lang;
use time::Date;

/// What every page needs besides its content.
pub struct Chrome<'a> {
    pub lang: Lang,
    /// The signed-in account, if any.
    pub user: Option<&'a Actor>,
    /// The path and query of this page, for the language switch to come back to.
    pub here: &'a str,
}

/// Values and errors of a form that was sent back, so the page can show what
/// to fix next to the field, with what the user typed kept.
#[derive(Debug, Clone, Default)]
pub struct Form {
    /// Field name → value as typed.
    pub values: Vec<(String, String)>,
    /// Field name → message ("" for a message about the whole form).
    pub errors: Vec<(String, String)>,
}

/// No values and no errors: each form on a page that was not the one sent back.
static NO_FORM: Form = Form {
    values: Vec::new(),
    errors: Vec::new(),
};

impl Form {
    pub fn empty() -> &'static Form {
        &NO_FORM
    }

    /// This form where the form called `name` is the one it was sent back to (`sent_to`),
    /// else an empty one: a page with several forms shows errors only beside their own.
    pub fn if_sent_to<'f>(&'f self, sent_to: &str, name: &str) -> &'f Form {
        if sent_to == name {
            self
        } else {
            &NO_FORM
        }
    }

    pub fn value(&self, field: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, v)| v.as_str())
    }

    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }
}

pub fn overview(c: &Chrome, s: &Snapshot) -> String {
    pages::overview::page(c, s)
}

pub fn work_package(c: &Chrome, s: &Snapshot, id: &str) -> String {
    pages::work_package::page(c, s, id)
}

pub fn action_plan(c: &Chrome, s: &Snapshot, filter: &ActionFilter, rows: &[ActionRef]) -> String {
    pages::action_plan::table(c, s, filter, rows)
}

pub fn timeline(c: &Chrome, s: &Snapshot, filter: &ActionFilter, rows: &[ActionRef]) -> String {
    pages::action_plan::timeline(c, s, filter, rows)
}

pub struct ActionPage<'a> {
    pub item: ActionRef<'a>,
    /// One page of the history, newest first.
    pub history: &'a [StatusUpdate],
    /// Which page of the history (0-based), and whether there are older updates.
    pub history_page: i64,
    pub more_history: bool,
    pub may_report: bool,
    pub may_edit: bool,
    pub status_form: &'a Form,
    pub edit_form: &'a Form,
    pub today: Date,
}

pub fn action(c: &Chrome, s: &Snapshot, page: &ActionPage) -> String {
    pages::action::page(c, s, page)
}

pub fn new_action(c: &Chrome, s: &Snapshot, form: &Form) -> String {
    pages::action::new_page(c, s, form)
}

pub struct MeasurePage<'a> {
    pub id: &'a str,
    pub may_edit: bool,
    pub form: &'a Form,
    /// The indicators this measure is to move: (indicator id, translated name).
    pub indicators: Vec<(&'a str, String)>,
}

pub fn measure(c: &Chrome, s: &Snapshot, page: &MeasurePage) -> String {
    pages::measure::page(c, s, page)
}

/// GET /indicators: each indicator's latest figures, trend and target.
pub fn indicators(c: &Chrome, rows: &[IndicatorSummary]) -> String {
    pages::indicators::overview(c, rows, &ProgrammeFigures::default())
}

/// GET /indicators with the programme's own figures the viewer may see.
pub fn indicators_with(
    c: &Chrome,
    rows: &[IndicatorSummary],
    programme: &ProgrammeFigures,
) -> String {
    pages::indicators::overview(c, rows, programme)
}

/// GET /indicators/{id}: definition, chart, map, baselines, targets, measures.
pub fn indicator(c: &Chrome, page: &IndicatorPage) -> String {
    pages::indicators::indicator(c, page)
}

/// GET /indicators/{id}.csv: every value with its source, RFC 4180.
pub fn indicator_csv(page: &IndicatorPage) -> String {
    export::csv(page)
}

/// GET /indicators/{id}.xlsx. Writing to memory fails only on a defect in
/// the writer, so an error gives an empty body rather than a panic.
pub fn indicator_xlsx(page: &IndicatorPage) -> Vec<u8> {
    export::xlsx(page).unwrap_or_default()
}

/// An indicator's name in the page's language, for callers that list
/// indicators elsewhere (a measure's page).
pub fn indicator_name(lang: Lang, indicator: &domain::indicators::Indicator) -> String {
    figures::indicator_name(lang, indicator)
}

pub fn organisation(c: &Chrome, s: &Snapshot) -> String {
    pages::organisation::page(c, s)
}

pub struct MunicipalitiesPage<'a> {
    /// Municipality codes whose contact the user may change.
    pub may_edit: Vec<&'a str>,
    /// The form that was sent back with errors, and for which municipality.
    pub form: Option<(&'a str, &'a Form)>,
}

pub fn municipalities(c: &Chrome, s: &Snapshot, page: &MunicipalitiesPage) -> String {
    pages::municipalities::page(c, s, page)
}

pub struct ChangesPage<'a> {
    pub since: Date,
    /// Recent steering-group meeting months to choose from (first day of each).
    pub meetings: &'a [Date],
    pub changes: &'a Changes,
}

pub fn changes(c: &Chrome, s: &Snapshot, page: &ChangesPage) -> String {
    pages::changes::page(c, s, page)
}

pub fn login(c: &Chrome, form: &Form) -> String {
    pages::account::login(c, form)
}

pub fn audit(c: &Chrome, entries: &[AuditEntry], page: i64, more: bool) -> String {
    pages::audit::page(c, entries, page, more)
}

/// A page for an error: `status` is the HTTP status, `detail` says what to do.
pub fn error(c: &Chrome, status: u16, title: &str, detail: &str) -> String {
    pages::account::error(c, status, title, detail)
}
