//! An action-plan item: its fields, status and history, and the forms to
//! report status, edit it, or add a new one.

use askama::Template;
use domain::state::{ActionRef, Snapshot, StatusUpdate};
use domain::status::{Light, Status};
use time::Date;

use crate::form::Form;
use crate::form::{FormView, Kind, SummaryItem};
use crate::format::{date, iso_date};
use crate::layout::Chrome;
use crate::layout::{Ctx, Nav};
use crate::links::{action_href, measure_href, work_package_href};
use crate::pages::{measure_choices, render, work_package_choices};
use crate::widgets::{light_badge, status_badge};

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

#[derive(Template)]
#[template(path = "action.html")]
struct Page<'a> {
    ctx: Ctx<'a>,
    report_action: String,
    edit_action: String,
    how: &'a str,
    details: Vec<Detail>,
    badge: String,
    reported: bool,
    history: Vec<History<'a>>,
    /// Newer and older pages of the history.
    previous: Option<String>,
    next: Option<String>,
    summary: Vec<SummaryItem>,
    report: Option<FormView<'a>>,
    edit: Option<FormView<'a>>,
}

/// A line of "about the item": label, text, and a link if it has one.
struct Detail {
    label: String,
    text: String,
    href: Option<String>,
    /// A line under the text, e.g. the dates read from "når".
    note: Option<String>,
    /// Whether the text is the plan's own (and so in the plan's language).
    plan: bool,
}

struct History<'a> {
    u: &'a StatusUpdate,
    date: String,
    status: String,
    light: String,
}

pub fn page(c: &Chrome, s: &Snapshot, page: &ActionPage) -> String {
    let a = page.item.action;
    let wp = page.item.work_package;
    let ctx = Ctx::new(c, a.how.clone(), Nav::None).with_source(&s.plan);
    let not_given = ctx.tr("not-given");
    let text = |t: &str| {
        if t.is_empty() {
            not_given.clone()
        } else {
            t.to_string()
        }
    };
    let period = match page.item.state.and_then(|st| Some((st.starts?, st.ends?))) {
        Some((from, to)) => ctx.tr_args(
            "date-range",
            &[("from", &date(c.lang, from)), ("to", &date(c.lang, to))],
        ),
        None => ctx.tr("no-period"),
    };
    let mut details = vec![Detail {
        label: ctx.tr("col-work-package"),
        text: wp.name.clone(),
        href: Some(work_package_href(&wp.id)),
        note: None,
        plan: true,
    }];
    if let Some((_, m)) = s.measure(&a.measure) {
        details.push(Detail {
            label: ctx.tr("measure"),
            text: m.title.clone(),
            href: Some(measure_href(&m.id)),
            note: None,
            plan: true,
        });
    }
    for (label, value, note) in [
        (ctx.tr("col-how"), &a.how, None),
        (ctx.tr("col-participants"), &a.participants, None),
        (
            ctx.tr("col-when"),
            &a.when,
            Some(format!("{}: {period}", ctx.tr("period"))),
        ),
        (ctx.tr("col-comment"), &a.comment, None),
        (ctx.tr("col-responsible"), &a.responsible, None),
    ] {
        details.push(Detail {
            label,
            text: text(value),
            href: None,
            note,
            plan: !value.is_empty(),
        });
    }

    let mut history: Vec<&StatusUpdate> = page.history.iter().collect();
    history.sort_by_key(|u| std::cmp::Reverse((u.reported_on, u.id)));
    let history = history
        .into_iter()
        .map(|u| History {
            u,
            date: date(c.lang, u.reported_on),
            status: status_badge(c.lang, Some(u.status), None),
            light: light_badge(c.lang, u.light),
        })
        .collect();

    let report = page
        .may_report
        .then(|| report_form(&ctx, page.status_form, page.today));
    let edit = page.may_edit.then(|| {
        let mut f = FormView::new("edit", page.edit_form);
        plan_fields(
            &ctx,
            s,
            &mut f,
            &wp.id,
            &a.measure,
            [&a.how, &a.participants, &a.when, &a.comment, &a.responsible],
        );
        let version = page.item.state.map_or(1, |st| st.version).to_string();
        f.hidden("version", &version);
        f
    });
    let mut summary = vec![];
    for f in report.iter().chain(edit.iter()) {
        summary.extend(f.summary());
    }
    render(&Page {
        report_action: format!("{}/status", action_href(&a.id)),
        edit_action: action_href(&a.id),
        how: &a.how,
        details,
        badge: status_badge(c.lang, page.item.status(), page.item.light()),
        reported: page.item.status().is_some(),
        history,
        previous: match page.history_page {
            0 => None,
            1 => Some(action_href(&a.id)),
            n => Some(format!("{}?page={}", action_href(&a.id), n - 1)),
        },
        next: page
            .more_history
            .then(|| format!("{}?page={}", action_href(&a.id), page.history_page + 1)),
        summary,
        report,
        edit,
        ctx,
    })
}

fn report_form<'f>(ctx: &Ctx, form: &'f Form, today: time::Date) -> FormView<'f> {
    let mut f = FormView::new("report", form);
    f.choice_field(
        "status",
        ctx.tr("field-status"),
        Kind::Select,
        Status::Ongoing.code(),
        Status::ALL
            .iter()
            .map(|s| (s.code().to_string(), ctx.status(&Some(*s))))
            .collect(),
    );
    f.choice_field(
        "light",
        ctx.tr("field-light"),
        Kind::Radios,
        Light::Green.code(),
        Light::ALL
            .iter()
            .map(|l| (l.code().to_string(), ctx.light(l)))
            .collect(),
    );
    f.field("text", ctx.tr("field-text"), Kind::TextArea, "")
        .hint = Some(ctx.tr("field-text-hint"));
    f.field(
        "reported_on",
        ctx.tr("field-reported-on"),
        Kind::Input("date"),
        &iso_date(today),
    );
    f
}

/// The fields an item is made of, shared by the edit and the new-item forms.
fn plan_fields(
    ctx: &Ctx,
    s: &Snapshot,
    f: &mut FormView,
    work_package: &str,
    measure: &str,
    [how, participants, when, comment, responsible]: [&str; 5],
) {
    f.choice_field(
        "work_package",
        ctx.tr("field-work-package"),
        Kind::Select,
        work_package,
        work_package_choices(s),
    );
    f.choice_field(
        "measure",
        ctx.tr("field-measure"),
        Kind::Select,
        measure,
        measure_choices(s, ctx.tr("none-option")),
    );
    f.field("how", ctx.tr("field-how"), Kind::TextArea, how);
    f.field(
        "participants",
        ctx.tr("field-participants"),
        Kind::TextArea,
        participants,
    );
    f.field("when", ctx.tr("field-when"), Kind::Input("text"), when)
        .hint = Some(ctx.tr("field-when-hint"));
    f.field("comment", ctx.tr("field-comment"), Kind::TextArea, comment);
    f.field(
        "responsible",
        ctx.tr("field-responsible"),
        Kind::Input("text"),
        responsible,
    );
}

#[derive(Template)]
#[template(path = "new_action.html")]
struct NewPage<'a> {
    ctx: Ctx<'a>,
    summary: Vec<SummaryItem>,
    form: FormView<'a>,
}

pub fn new_page(c: &Chrome, s: &Snapshot, form: &Form) -> String {
    let ctx = Ctx::new(c, String::new(), Nav::ActionPlan).programme(&s.plan);
    let ctx = Ctx {
        title: ctx.tr("new-action-title"),
        ..ctx
    };
    let mut f = FormView::new("new", form);
    f.field("id", ctx.tr("field-id"), Kind::Input("text"), "")
        .hint = Some(ctx.tr("field-id-hint"));
    let first = s
        .plan
        .work_packages
        .first()
        .map(|w| w.id.as_str())
        .unwrap_or("");
    plan_fields(&ctx, s, &mut f, first, "", [""; 5]);
    render(&NewPage {
        summary: f.summary(),
        form: f,
        ctx,
    })
}
