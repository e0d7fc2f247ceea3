//! The newcomer service's pages: the staff's list of cases, a case with its steps,
//! follow-ups, consents and rent-to-own, the form for a new case, a newcomer's own page
//! with export and erasure, and the arrival cohorts. Names appear only here, never in a
//! URL.

use askama::Template;
use domain::newcomer::{
    Case, CaseDetail, CaseFields, Category, CohortFigures, Count, Figure, FollowUpAt, LawfulBasis,
    Need, Purpose, RentToOwn, Residence, StepKind,
};
use i18n::Lang;
use time::Date;

use crate::form::Form;
use crate::form::{FormView, Kind, SummaryItem};
use crate::format::{date, municipality_name};
use crate::labels::{choices, label, tr};
use crate::layout::Chrome;
use crate::layout::{Ctx, Nav};
use crate::pages::render;

struct CaseRow {
    href: String,
    name: String,
    municipality: String,
    arrival: String,
    category: String,
}

#[derive(Template)]
#[template(path = "newcomers.html")]
struct ListPage<'a> {
    ctx: Ctx<'a>,
    rows: Vec<CaseRow>,
    may_register: bool,
}

/// GET /newcomers: the cases the staff member follows.
pub fn list(
    c: &Chrome,
    cases: &[Case],
    municipalities: &[(String, String)],
    may_register: bool,
) -> String {
    let lang = c.lang;
    let ctx = Ctx::new(c, tr(lang, "newcomers-title"), Nav::Newcomers);
    render(&ListPage {
        rows: cases
            .iter()
            .map(|k| CaseRow {
                href: format!("/newcomers/{}", k.id),
                name: k.fields.name.clone(),
                municipality: municipality_name(municipalities, &k.fields.municipality).into(),
                arrival: date(lang, k.fields.arrival_date),
                category: label(lang, k.fields.category),
            })
            .collect(),
        may_register,
        ctx,
    })
}

/// "partner 1985, child 2016" as the form shows household members.
fn household_text(f: &CaseFields) -> String {
    f.household
        .iter()
        .map(|m| format!("{} {}", m.relation.code(), m.birth_year))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The case form: new (no case) or the stored case to change.
fn case_form<'f>(
    lang: Lang,
    form: &'f Form,
    case: Option<&Case>,
    municipalities: &[(String, String)],
) -> FormView<'f> {
    let p = case.map(|c| &c.fields);
    let mut f = FormView::new("case", form);
    f.field(
        "name",
        tr(lang, "field-name"),
        Kind::Input("text"),
        p.map_or("", |p| &p.name),
    )
    .autocomplete = "off";
    f.field(
        "phone",
        tr(lang, "field-phone"),
        Kind::Input("tel"),
        p.map_or("", |p| &p.phone),
    );
    f.field(
        "email",
        tr(lang, "field-email"),
        Kind::Input("email"),
        p.map_or("", |p| &p.email),
    );
    f.select_or_blank(
        "municipality",
        tr(lang, "field-municipality"),
        p.map_or("", |p| &p.municipality),
        tr(lang, "field-choose"),
        municipalities,
    );
    let arrival = p.map(|p| p.arrival_date.to_string()).unwrap_or_default();
    f.field(
        "arrival_date",
        tr(lang, "field-arrival-date"),
        Kind::Input("date"),
        &arrival,
    );
    f.choice_field(
        "category",
        tr(lang, "field-category"),
        Kind::Radios,
        p.map_or("", |p| p.category.code()),
        choices::<Category>(lang),
    );
    let household = p.map(household_text).unwrap_or_default();
    f.field(
        "household",
        tr(lang, "field-household"),
        Kind::Input("text"),
        &household,
    )
    .hint = Some(tr(lang, "field-household-hint"));
    let languages = p.map(|p| p.languages.join(", ")).unwrap_or_default();
    f.field(
        "languages",
        tr(lang, "field-spoken-languages"),
        Kind::Input("text"),
        &languages,
    )
    .hint = Some(tr(lang, "field-list-hint"));
    let needs = p
        .map(|p| {
            p.needs
                .iter()
                .map(|n| n.code())
                .collect::<Vec<_>>()
                .join(",")
        })
        .unwrap_or_default();
    f.choice_field(
        "needs",
        tr(lang, "field-needs"),
        Kind::Checkboxes,
        &needs,
        choices::<Need>(lang),
    );
    let account = p.and_then(|p| p.account_id).map(|a| a.to_string());
    f.field(
        "account_id",
        tr(lang, "field-account-id"),
        Kind::Input("number"),
        account.as_deref().unwrap_or(""),
    )
    .hint = Some(tr(lang, "field-newcomer-account-hint"));
    if let Some(c) = case {
        f.hidden("version", &c.version.to_string());
    }
    f
}

#[derive(Template)]
#[template(path = "newcomer_new.html")]
struct NewPage<'a> {
    ctx: Ctx<'a>,
    summary: Vec<SummaryItem>,
    form: FormView<'a>,
}

/// GET /newcomers/new
pub fn new_case(c: &Chrome, municipalities: &[(String, String)], form: &Form) -> String {
    let lang = c.lang;
    let ctx = Ctx::new(c, tr(lang, "newcomer-new-title"), Nav::Newcomers);
    let f = case_form(lang, form, None, municipalities);
    render(&NewPage {
        summary: f.summary(),
        form: f,
        ctx,
    })
}

/// What a case page shows besides the case.
pub struct CasePage<'a> {
    pub detail: &'a CaseDetail,
    pub municipalities: &'a [(String, String)],
    /// Follow-ups due and not recorded: (which, due on).
    pub due: &'a [(FollowUpAt, Date)],
    /// Staff (or admin), not the person themselves.
    pub staff: bool,
    pub form: &'a Form,
    /// Which form `form` was sent back to.
    pub form_name: &'a str,
}

struct ConsentRow {
    id: i64,
    withdraw_label: String,
    purpose: String,
    basis: String,
    given: String,
    withdrawn: String,
    withdrawable: bool,
}

#[derive(Template)]
#[template(path = "newcomer.html")]
struct CaseView<'a> {
    ctx: Ctx<'a>,
    summary: Vec<SummaryItem>,
    staff: bool,
    facts: Vec<(String, String)>,
    steps: Vec<(String, String)>,
    follow_ups: Vec<(String, String, String)>,
    due: Vec<(String, String)>,
    consents: Vec<ConsentRow>,
    rent: Vec<(String, String)>,
    case_form: FormView<'a>,
    case_action: String,
    step_form: Option<FormView<'a>>,
    follow_up_form: Option<FormView<'a>>,
    consent_form: Option<FormView<'a>>,
    rent_form: Option<FormView<'a>>,
    step_action: String,
    follow_up_action: String,
    consent_action: String,
    withdraw_action: String,
    rent_action: String,
    export_href: String,
    erase_action: String,
}

/// GET /newcomers/{id} for staff, GET /newcomers/me for the person.
pub fn case(c: &Chrome, page: &CasePage) -> String {
    let lang = c.lang;
    let d = page.detail;
    let k = &d.case;
    let ctx = Ctx::new(c, k.fields.name.clone(), Nav::Newcomers);
    let sent = |name: &str| page.form.if_sent_to(page.form_name, name);
    let base = format!("/newcomers/{}", k.id);
    let facts = case_facts(lang, page);
    // Staff correct everything; the person what is theirs to correct.
    let case_form = if page.staff {
        case_form(lang, sent("case"), Some(k), page.municipalities)
    } else {
        own_case_form(lang, sent("case"), k)
    };
    let staff_form = |name: &'static str| page.staff.then(|| FormView::new(name, sent(name)));
    let step_form = staff_form("step").map(|mut f| {
        step_fields(lang, &mut f);
        f
    });
    let follow_up_form = staff_form("follow-up").map(|mut f| {
        follow_up_fields(lang, &mut f, page.due);
        f
    });
    let consent_form = staff_form("consent").map(|mut f| {
        consent_fields(lang, &mut f);
        f
    });
    let rent_form = staff_form("rent").map(|mut f| {
        rent_fields(lang, &mut f, d.rent_to_own.as_ref());
        f
    });
    let mut summary = case_form.summary();
    for f in [&step_form, &follow_up_form, &consent_form, &rent_form]
        .into_iter()
        .flatten()
    {
        summary.extend(f.summary());
    }
    let mut rent = Vec::new();
    if let Some(r) = &d.rent_to_own {
        rent.push((tr(lang, "rent-phase"), label(lang, r.phase)));
        if let Some(y) = r.purchase_year {
            rent.push((tr(lang, "rent-purchase-year"), y.to_string()));
        }
    }
    render(&CaseView {
        summary,
        staff: page.staff,
        facts,
        steps: d
            .steps
            .iter()
            .map(|s| (label(lang, s.fields.kind), date(lang, s.fields.done_on)))
            .collect(),
        follow_ups: d
            .follow_ups
            .iter()
            .map(|f| {
                (
                    label(lang, f.fields.at),
                    date(lang, f.fields.recorded_on),
                    label(lang, f.fields.residence),
                )
            })
            .collect(),
        due: page
            .due
            .iter()
            .map(|(a, on)| (label(lang, *a), date(lang, *on)))
            .collect(),
        consents: d
            .consents
            .iter()
            .map(|r| ConsentRow {
                id: r.id,
                withdraw_label: i18n::t_args(
                    lang,
                    "newcomer-withdraw",
                    &[("name", &label(lang, r.fields.purpose))],
                ),
                purpose: label(lang, r.fields.purpose),
                basis: label(lang, r.fields.basis),
                given: date(lang, r.fields.given_on),
                withdrawn: r.withdrawn_on.map(|d| date(lang, d)).unwrap_or_default(),
                withdrawable: r.holds() && r.fields.basis == LawfulBasis::Consent,
            })
            .collect(),
        rent,
        case_action: if page.staff {
            base.clone()
        } else {
            "/newcomers/me".to_string()
        },
        export_href: if page.staff {
            format!("{base}/export")
        } else {
            "/newcomers/me/export".to_string()
        },
        erase_action: if page.staff {
            format!("{base}/erase")
        } else {
            "/newcomers/me/erase".to_string()
        },
        case_form,
        step_form,
        follow_up_form,
        consent_form,
        rent_form,
        step_action: format!("{base}/steps"),
        follow_up_action: format!("{base}/follow-ups"),
        consent_action: format!("{base}/consents"),
        withdraw_action: if page.staff {
            format!("{base}/consents/withdraw")
        } else {
            "/newcomers/me/consents/withdraw".to_string()
        },
        rent_action: format!("{base}/rent-to-own"),
        ctx,
    })
}

/// What the case says of the household: municipality, arrival, category, members, needs.
fn case_facts(lang: Lang, page: &CasePage) -> Vec<(String, String)> {
    let k = &page.detail.case;
    let mut facts = vec![
        (
            tr(lang, "field-municipality"),
            municipality_name(page.municipalities, &k.fields.municipality).to_string(),
        ),
        (
            tr(lang, "field-arrival-date"),
            date(lang, k.fields.arrival_date),
        ),
        (tr(lang, "field-category"), label(lang, k.fields.category)),
    ];
    if !k.fields.household.is_empty() {
        facts.push((
            tr(lang, "field-household"),
            k.fields
                .household
                .iter()
                .map(|m| format!("{} ({})", label(lang, m.relation), m.birth_year))
                .collect::<Vec<_>>()
                .join(", "),
        ));
    }
    if !k.fields.needs.is_empty() {
        facts.push((
            tr(lang, "field-needs"),
            k.fields
                .needs
                .iter()
                .map(|n| label(lang, *n))
                .collect::<Vec<_>>()
                .join(", "),
        ));
    }
    facts
}

/// The fields a newcomer may correct themselves.
fn own_case_form<'f>(lang: Lang, form: &'f Form, k: &Case) -> FormView<'f> {
    let p = &k.fields;
    let mut f = FormView::new("case", form);
    f.field("name", tr(lang, "field-name"), Kind::Input("text"), &p.name);
    f.field(
        "phone",
        tr(lang, "field-phone"),
        Kind::Input("tel"),
        &p.phone,
    );
    f.field(
        "email",
        tr(lang, "field-email"),
        Kind::Input("email"),
        &p.email,
    );
    f.field(
        "languages",
        tr(lang, "field-spoken-languages"),
        Kind::Input("text"),
        &p.languages.join(", "),
    )
    .hint = Some(tr(lang, "field-list-hint"));
    let needs = p
        .needs
        .iter()
        .map(|n| n.code())
        .collect::<Vec<_>>()
        .join(",");
    f.choice_field(
        "needs",
        tr(lang, "field-needs"),
        Kind::Checkboxes,
        &needs,
        choices::<Need>(lang),
    );
    f.hidden("version", &k.version.to_string());
    f
}

fn step_fields(lang: Lang, f: &mut FormView) {
    f.choice_field(
        "kind",
        tr(lang, "field-step"),
        Kind::Select,
        "",
        choices::<StepKind>(lang),
    );
    f.field(
        "done_on",
        tr(lang, "field-done-on"),
        Kind::Input("date"),
        "",
    );
}

fn follow_up_fields(lang: Lang, f: &mut FormView, due: &[(FollowUpAt, Date)]) {
    let next = due.first().map_or("", |(a, _)| a.code());
    f.choice_field(
        "at",
        tr(lang, "field-follow-up"),
        Kind::Select,
        next,
        choices::<FollowUpAt>(lang),
    );
    f.field(
        "recorded_on",
        tr(lang, "field-recorded-on"),
        Kind::Input("date"),
        "",
    );
    f.choice_field(
        "residence",
        tr(lang, "field-residence"),
        Kind::Radios,
        "",
        choices::<Residence>(lang),
    );
}

fn consent_fields(lang: Lang, f: &mut FormView) {
    f.choice_field(
        "purpose",
        tr(lang, "field-purpose"),
        Kind::Select,
        "",
        choices::<Purpose>(lang),
    );
    f.choice_field(
        "basis",
        tr(lang, "field-basis"),
        Kind::Select,
        "consent",
        choices::<LawfulBasis>(lang),
    );
    f.field(
        "given_on",
        tr(lang, "field-given-on"),
        Kind::Input("date"),
        "",
    );
    f.field(
        "text_version",
        tr(lang, "field-consent-text-version"),
        Kind::Input("text"),
        "",
    );
}

fn rent_fields(lang: Lang, f: &mut FormView, rent: Option<&RentToOwn>) {
    let r = rent.map(|r| &r.fields);
    let day = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    f.field(
        "selected_on",
        tr(lang, "phase-selected"),
        Kind::Input("date"),
        &day(r.map(|r| r.selected_on)),
    );
    f.field(
        "home_bought_on",
        tr(lang, "phase-home-bought"),
        Kind::Input("date"),
        &day(r.and_then(|r| r.home_bought_on)),
    );
    f.field(
        "renting_from",
        tr(lang, "phase-renting"),
        Kind::Input("date"),
        &day(r.and_then(|r| r.renting_from)),
    );
    f.field(
        "purchased_on",
        tr(lang, "phase-purchased"),
        Kind::Input("date"),
        &day(r.and_then(|r| r.purchased_on)),
    );
    f.field(
        "followed_up_on",
        tr(lang, "phase-followed-up"),
        Kind::Input("date"),
        &day(r.and_then(|r| r.followed_up_on)),
    );
    if let Some(r) = rent {
        f.hidden("version", &r.version.to_string());
    }
}

#[derive(Template)]
#[template(path = "newcomer_none.html")]
struct NonePage<'a> {
    ctx: Ctx<'a>,
}

/// GET /newcomers/me for an account with no case.
pub fn no_case(c: &Chrome) -> String {
    let ctx = Ctx::new(c, tr(c.lang, "newcomer-me-title"), Nav::Newcomers);
    render(&NonePage { ctx })
}

struct CohortRow {
    area: String,
    year: i32,
    persons: String,
    cells: Vec<String>,
}

#[derive(Template)]
#[template(path = "newcomer_cohorts.html")]
struct CohortsPage<'a> {
    ctx: Ctx<'a>,
    rows: Vec<CohortRow>,
    public: bool,
}

pub(crate) fn figure_text(lang: Lang, f: &Figure) -> String {
    match f {
        Figure::Shown { share, at_risk } => i18n::t_args(
            lang,
            "cohort-share",
            &[
                ("value", &format!("{:.0} %", share * 100.0)),
                ("count", &at_risk.to_string()),
            ],
        ),
        Figure::Suppressed => tr(lang, "cohort-suppressed"),
        Figure::NotYetKnown => tr(lang, "cohort-not-yet-known"),
    }
}

/// GET /newcomers/cohorts: who still lives here 1, 2 and 5 years after arriving.
pub fn cohorts(
    c: &Chrome,
    figures: &[CohortFigures],
    municipalities: &[(String, String)],
    public: bool,
) -> String {
    let lang = c.lang;
    let ctx = Ctx::new(c, tr(lang, "newcomer-cohorts-title"), Nav::Newcomers);
    let area = |code: &str| {
        if code == domain::newcomer::REGION {
            "Sogn".to_string()
        } else {
            municipality_name(municipalities, code).to_string()
        }
    };
    render(&CohortsPage {
        rows: figures
            .iter()
            .map(|f| CohortRow {
                area: area(&f.area),
                year: f.arrival_year,
                persons: match f.persons {
                    Count::Shown { count } => count.to_string(),
                    Count::Suppressed => tr(lang, "cohort-suppressed"),
                },
                cells: [&f.after_1_year, &f.after_2_years, &f.after_5_years]
                    .into_iter()
                    .flat_map(|s| {
                        [
                            figure_text(lang, &s.in_municipality),
                            figure_text(lang, &s.in_region),
                        ]
                    })
                    .collect(),
            })
            .collect(),
        public,
        ctx,
    })
}
