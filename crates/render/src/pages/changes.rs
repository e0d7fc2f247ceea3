//! What changed since a date, typically the last steering-group meeting.

use askama::Template;
use domain::state::{AuditEntry, Changes, Snapshot, StatusUpdate};
use time::Date;

use crate::form::Form;
use crate::form::{FormView, Kind};
use crate::format::{date, iso_date, month_year};
use crate::layout::Chrome;
use crate::layout::{Ctx, Nav};
use crate::links::entity_href;
use crate::links::{action_href, work_package_href};
use crate::pages::render;
use crate::widgets::{light_badge, status_badge};

struct UpdateRow<'a> {
    u: &'a StatusUpdate,
    item: String,
    href: String,
    date: String,
    status: String,
    light: String,
}

struct Group<'a> {
    name: String,
    href: Option<String>,
    updates: Vec<UpdateRow<'a>>,
}

struct Edit<'a> {
    e: &'a AuditEntry,
    when: String,
    what: String,
    href: Option<String>,
    operation: String,
}

pub struct ChangesPage<'a> {
    pub since: Date,
    /// Recent steering-group meeting months to choose from (first day of each).
    pub meetings: &'a [Date],
    pub changes: &'a Changes,
}

#[derive(Template)]
#[template(path = "changes.html")]
struct Page<'a> {
    ctx: Ctx<'a>,
    since: String,
    form: FormView<'a>,
    meetings: Vec<(String, String)>,
    groups: Vec<Group<'a>>,
    edits: Vec<Edit<'a>>,
}

pub fn page(c: &Chrome, s: &Snapshot, page: &ChangesPage) -> String {
    let since = date(c.lang, page.since);
    let ctx = Ctx::new(c, String::new(), Nav::Changes).with_source(&s.plan);
    let ctx = Ctx {
        title: ctx.tr_arg("changes-title", "date", &since),
        ..ctx
    };
    let values = Form {
        values: vec![("since".to_string(), iso_date(page.since))],
        errors: vec![],
    };
    let mut form = FormView::new("changes", &values);
    form.field("since", ctx.tr("changes-since"), Kind::Input("date"), "");

    // Groups follow the plan's order of packages; updates of items no longer
    // in the plan go last, under "other".
    let mut groups: Vec<Group> = s
        .plan
        .work_packages
        .iter()
        .map(|w| Group {
            name: w.name.clone(),
            href: Some(work_package_href(&w.id)),
            updates: vec![],
        })
        .collect();
    let mut other = Group {
        name: ctx.tr("other-work-package"),
        href: None,
        updates: vec![],
    };
    for u in &page.changes.updates {
        let item = s.action(&u.action_id);
        let row = UpdateRow {
            u,
            item: item.map_or_else(|| u.action_id.clone(), |a| a.action.how.clone()),
            href: action_href(&u.action_id),
            date: date(c.lang, u.reported_on),
            status: status_badge(c.lang, Some(u.status), None),
            light: light_badge(c.lang, u.light),
        };
        let group = item.and_then(|a| {
            s.plan
                .work_packages
                .iter()
                .position(|w| w.id == a.work_package.id)
        });
        match group {
            Some(i) => groups[i].updates.push(row),
            None => other.updates.push(row),
        }
    }
    groups.push(other);
    groups.retain(|g| !g.updates.is_empty());

    let edits = page
        .changes
        .edits
        .iter()
        .map(|e| Edit {
            e,
            when: ctx.date_time(&e.at),
            what: format!("{} {}", ctx.entity(&e.entity), e.entity_id),
            href: entity_href(&e.entity, &e.entity_id),
            operation: ctx.operation(&e.operation),
        })
        .collect();
    render(&Page {
        meetings: page
            .meetings
            .iter()
            .map(|d| {
                (
                    format!("/changes?since={}", iso_date(*d)),
                    ctx.tr_arg(
                        "changes-since-meeting",
                        "month",
                        &month_year(c.lang, d.year(), u8::from(d.month())),
                    ),
                )
            })
            .collect(),
        since,
        form,
        groups,
        edits,
        ctx,
    })
}
