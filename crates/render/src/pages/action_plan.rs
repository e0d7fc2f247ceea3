//! The action plan as a filtered table and as a timeline.

use askama::Template;
use domain::state::{ActionFilter, ActionRef, Snapshot};
use domain::status::Status;
use i18n::Arg;

use crate::form::Form;
use crate::form::{FormView, Kind};
use crate::format::{iso_month, status_code};
use crate::layout::Chrome;
use crate::layout::{Ctx, Nav};
use crate::links::filter_query;
use crate::pages::{group_rows, render, work_package_choices, Group};
use crate::timeline::{self, Dated};

#[derive(Template)]
#[template(path = "action_plan.html")]
struct TablePage<'a> {
    ctx: Ctx<'a>,
    s: &'a Snapshot,
    filter: FormView<'a>,
    filter_action: &'static str,
    count: String,
    query: String,
    groups: Vec<Group>,
    may_add: bool,
}

#[derive(Template)]
#[template(path = "timeline.html")]
struct TimelinePage<'a> {
    ctx: Ctx<'a>,
    s: &'a Snapshot,
    filter: FormView<'a>,
    filter_action: &'static str,
    count: String,
    query: String,
    /// Pre-escaped SVG, empty when nothing has dates.
    svg: String,
    legend: Vec<(String, &'static str)>,
    dated: Vec<Dated>,
    undated: Vec<Dated>,
}

/// The filter's values as a sent-back form, so the fields show them.
fn filter_values(f: &ActionFilter) -> Form {
    let mut values = vec![];
    if let Some(w) = &f.work_package {
        values.push(("work_package".to_string(), w.clone()));
    }
    if let Some(r) = &f.responsible {
        values.push(("responsible".to_string(), r.clone()));
    }
    if let Some(s) = f.status {
        values.push(("status".to_string(), status_code(s).to_string()));
    }
    if let Some(d) = f.from {
        values.push(("from".to_string(), iso_month(d)));
    }
    if let Some(d) = f.to {
        values.push(("to".to_string(), iso_month(d)));
    }
    Form {
        values,
        errors: vec![],
    }
}

fn filter_form<'f>(ctx: &Ctx, s: &Snapshot, form: &'f Form) -> FormView<'f> {
    let mut v = FormView::new("filter", form);
    let all = (String::new(), ctx.tr("all-option"));
    let mut packages = vec![all.clone()];
    packages.extend(work_package_choices(s));
    v.choice_field(
        "work_package",
        ctx.tr("filter-work-package"),
        Kind::Select,
        "",
        packages,
    );
    v.field(
        "responsible",
        ctx.tr("filter-responsible"),
        Kind::Input("text"),
        "",
    );
    let mut statuses = vec![all, ("none".to_string(), ctx.status(&None))];
    statuses.extend(
        Status::ALL
            .iter()
            .map(|st| (st.code().to_string(), ctx.status(&Some(*st)))),
    );
    v.choice_field(
        "status",
        ctx.tr("filter-status"),
        Kind::Select,
        "",
        statuses,
    );
    v.field("from", ctx.tr("filter-from"), Kind::Input("month"), "")
        .hint = Some(ctx.tr("filter-month-hint"));
    v.field("to", ctx.tr("filter-to"), Kind::Input("month"), "")
        .hint = Some(ctx.tr("filter-month-hint"));
    v
}

fn count(ctx: &Ctx, s: &Snapshot, rows: &[ActionRef]) -> String {
    ctx.tr_with(
        "filter-count",
        &[
            ("shown", Arg::from(rows.len())),
            ("total", Arg::from(s.actions().count())),
        ],
    )
}

pub fn table(c: &Chrome, s: &Snapshot, filter: &ActionFilter, rows: &[ActionRef]) -> String {
    let ctx = Ctx::new(
        c,
        s.plan.programme.action_plan_title.clone(),
        Nav::ActionPlan,
    )
    .with_source(&s.plan);
    let values = filter_values(filter);
    render(&TablePage {
        filter: filter_form(&ctx, s, &values),
        filter_action: "/action-plan",
        count: count(&ctx, s, rows),
        query: filter_query(filter),
        groups: group_rows(c.lang, rows),
        may_add: ctx.can.edit_plan,
        ctx,
        s,
    })
}

pub fn timeline(c: &Chrome, s: &Snapshot, filter: &ActionFilter, rows: &[ActionRef]) -> String {
    let ctx = Ctx::new(c, String::new(), Nav::Timeline);
    let ctx = Ctx {
        title: ctx.tr("timeline-title"),
        ..ctx
    }
    .with_source(&s.plan);
    let values = filter_values(filter);
    let (dated, undated) = timeline::split(c.lang, rows);
    render(&TimelinePage {
        svg: timeline::svg(c.lang, &dated),
        legend: timeline::legend(c.lang),
        filter: filter_form(&ctx, s, &values),
        filter_action: "/action-plan/timeline",
        count: count(&ctx, s, rows),
        query: filter_query(filter),
        dated,
        undated,
        ctx,
        s,
    })
}
