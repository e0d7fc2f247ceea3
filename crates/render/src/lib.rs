//! Bulyst's pages, rendered on the server. Each function takes everything it
//! shows, already read and checked; nothing here touches the database.

mod assets;
mod chart;
mod export;
mod figures;
mod form;
mod format;
mod labels;
mod layout;
mod links;
mod map;
mod orgchart;
mod pages;
mod timeline;
mod widgets;

pub use assets::{static_file, stylesheet, STYLESHEET_PATH};
pub use form::Form;
pub use format::esc;
pub use layout::Chrome;
pub use pages::action::ActionPage;
pub use pages::changes::ChangesPage;
pub use pages::indicators::{IndicatorPage, IndicatorSummary, ProgrammeFigures};
pub use pages::measure::MeasurePage;
pub use pages::mentoring::{
    overview as mentoring, own as mentoring_own, pair as mentoring_pair,
    profile as mentoring_profile, rules as mentoring_rules, weight_field, LeftOver,
    MentoringOverview, PairPage, RulesPage,
};
pub use pages::mentoring_cohorts::{cohort as mentoring_cohort, list as mentoring_cohorts};
pub use pages::municipalities::MunicipalitiesPage;
pub use pages::newcomers::{
    case as newcomer_case, cohorts as newcomer_cohorts, list as newcomers,
    new_case as new_newcomer, no_case as no_newcomer_case, CasePage,
};
pub use pages::welcome::{default_for as welcome_default, find as find_welcome, page as welcome};

use domain::state::{ActionFilter, ActionRef, AuditEntry, Snapshot};
pub use i18n::Lang;

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

pub fn action(c: &Chrome, s: &Snapshot, page: &ActionPage) -> String {
    pages::action::page(c, s, page)
}

pub fn new_action(c: &Chrome, s: &Snapshot, form: &Form) -> String {
    pages::action::new_page(c, s, form)
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
    labels::indicator_name(lang, indicator)
}

pub fn organisation(c: &Chrome, s: &Snapshot) -> String {
    pages::organisation::page(c, s)
}

pub fn roles(c: &Chrome) -> String {
    pages::roles::page(c)
}

pub fn municipalities(c: &Chrome, s: &Snapshot, page: &MunicipalitiesPage) -> String {
    pages::municipalities::page(c, s, page)
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
