//! Workplace-mentor cohorts: an employer's employees trained, in group sessions, to receive
//! new colleagues. The list with a form for a new cohort, and a cohort's page with its
//! mentors, sessions, who attended and the evaluations.

use askama::Template;
use domain::mentor::{Cohort, CohortDetail};

use crate::form::Form;
use crate::form::{FormView, Kind, SummaryItem};
use crate::format::date;
use crate::labels::tr;
use crate::layout::Chrome;
use crate::layout::{Ctx, Nav};
use crate::pages::render;

struct CohortRow {
    href: String,
    employer: String,
    name: String,
    starts: String,
}

#[derive(Template)]
#[template(path = "mentoring_cohorts.html")]
struct ListPage<'a> {
    ctx: Ctx<'a>,
    summary: Vec<SummaryItem>,
    rows: Vec<CohortRow>,
    form: FormView<'a>,
}

/// GET /mentoring/cohorts, with the new-cohort form (sent back with errors).
pub fn list(c: &Chrome, cohorts: &[Cohort], form: &Form) -> String {
    let lang = c.lang;
    let ctx = Ctx::new(c, tr(lang, "cohorts-title"), Nav::Mentoring);
    let mut f = FormView::new("cohort", form);
    f.field(
        "employer",
        tr(lang, "field-employer"),
        Kind::Input("text"),
        "",
    );
    f.field(
        "name",
        tr(lang, "field-cohort-name"),
        Kind::Input("text"),
        "",
    );
    f.field(
        "starts_on",
        tr(lang, "field-starts-on"),
        Kind::Input("date"),
        "",
    );
    render(&ListPage {
        summary: f.summary(),
        rows: cohorts
            .iter()
            .map(|c| CohortRow {
                href: format!("/mentoring/cohorts/{}", c.id),
                employer: c.fields.employer.clone(),
                name: c.fields.name.clone(),
                starts: c
                    .fields
                    .starts_on
                    .map(|d| date(lang, d))
                    .unwrap_or_default(),
            })
            .collect(),
        form: f,
        ctx,
    })
}

struct MentorRow {
    id: i64,
    name: String,
    remove_label: String,
}

struct Choice {
    value: i64,
    label: String,
    checked: bool,
}

struct SessionRow {
    id: i64,
    action: String,
    day: String,
    theme: String,
    attended: usize,
    heading: String,
    choices: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "mentoring_cohort.html")]
struct CohortPage<'a> {
    ctx: Ctx<'a>,
    summary: Vec<SummaryItem>,
    employer: String,
    starts: String,
    mentors: Vec<MentorRow>,
    sessions: Vec<SessionRow>,
    evaluations: Vec<(String, String, String)>,
    mentor_form: FormView<'a>,
    session_form: FormView<'a>,
    evaluation_form: FormView<'a>,
    cohort_id: i64,
    mentors_action: String,
    sessions_action: String,
    evaluations_action: String,
}

/// GET /mentoring/cohorts/{id}; `form_name` says which form `form` was sent back to.
pub fn cohort(c: &Chrome, d: &CohortDetail, form: &Form, form_name: &str) -> String {
    let lang = c.lang;
    let ctx = Ctx::new(c, d.cohort.fields.name.clone(), Nav::Mentoring);
    let sent = |name: &str| form.if_sent_to(form_name, name);
    let mut mentor_form = FormView::new("mentor", sent("mentor"));
    mentor_form.field("name", tr(lang, "field-name"), Kind::Input("text"), "");
    let mut session_form = FormView::new("session", sent("session"));
    session_form.field(
        "held_on",
        tr(lang, "field-held-on"),
        Kind::Input("date"),
        "",
    );
    session_form.field("theme", tr(lang, "field-theme"), Kind::Input("text"), "");
    let mut evaluation_form = FormView::new("evaluation", sent("evaluation"));
    let mut sessions = vec![(String::new(), tr(lang, "evaluation-whole-cohort"))];
    sessions.extend(d.sessions.iter().map(|s| {
        (
            s.id.to_string(),
            format!("{} – {}", date(lang, s.fields.held_on), s.fields.theme),
        )
    }));
    evaluation_form.choice_field(
        "session_id",
        tr(lang, "field-evaluated"),
        Kind::Select,
        "",
        sessions,
    );
    let mut scores = vec![(String::new(), tr(lang, "score-none"))];
    scores.extend((1..=5).map(|s| (s.to_string(), s.to_string())));
    evaluation_form
        .choice_field("score", tr(lang, "field-score"), Kind::Select, "", scores)
        .hint = Some(tr(lang, "field-score-hint"));
    evaluation_form.field("text", tr(lang, "field-evaluation"), Kind::TextArea, "");
    let mut summary = Vec::new();
    for f in [&mentor_form, &session_form, &evaluation_form] {
        summary.extend(f.summary());
    }
    let session_label =
        |id: Option<i64>| match id.and_then(|id| d.sessions.iter().find(|s| s.id == id)) {
            Some(s) => format!("{} – {}", date(lang, s.fields.held_on), s.fields.theme),
            None => tr(lang, "evaluation-whole-cohort"),
        };
    render(&CohortPage {
        summary,
        employer: d.cohort.fields.employer.clone(),
        starts: d
            .cohort
            .fields
            .starts_on
            .map(|s| date(lang, s))
            .unwrap_or_default(),
        mentors: d
            .mentors
            .iter()
            .map(|m| MentorRow {
                id: m.id,
                remove_label: i18n::t_args(lang, "cohort-remove-mentor", &[("name", &m.name)]),
                name: m.name.clone(),
            })
            .collect(),
        sessions: d
            .sessions
            .iter()
            .map(|s| {
                let attended = |m: i64| {
                    d.attendance
                        .iter()
                        .any(|a| a.session_id == s.id && a.mentor_id == m)
                };
                let day = date(lang, s.fields.held_on);
                SessionRow {
                    id: s.id,
                    action: format!("/mentoring/sessions/{}/attendance", s.id),
                    attended: d.mentors.iter().filter(|m| attended(m.id)).count(),
                    heading: i18n::t_args(
                        lang,
                        "cohort-attendance-of",
                        &[("date", &day), ("title", &s.fields.theme)],
                    ),
                    choices: d
                        .mentors
                        .iter()
                        .map(|m| Choice {
                            value: m.id,
                            label: m.name.clone(),
                            checked: attended(m.id),
                        })
                        .collect(),
                    day,
                    theme: s.fields.theme.clone(),
                }
            })
            .collect(),
        evaluations: d
            .evaluations
            .iter()
            .map(|e| {
                (
                    session_label(e.fields.session_id),
                    e.fields.score.map(|s| s.to_string()).unwrap_or_default(),
                    e.fields.text.clone(),
                )
            })
            .collect(),
        mentor_form,
        session_form,
        evaluation_form,
        cohort_id: d.cohort.id,
        mentors_action: format!("/mentoring/cohorts/{}/mentors", d.cohort.id),
        sessions_action: format!("/mentoring/cohorts/{}/sessions", d.cohort.id),
        evaluations_action: format!("/mentoring/cohorts/{}/evaluations", d.cohort.id),
        ctx,
    })
}
