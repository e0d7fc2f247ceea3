//! The audit log, for admins: who changed what, with before and after.

use askama::Template;
use domain::state::AuditEntry;

use crate::layout::Chrome;
use crate::layout::{Ctx, Nav};
use crate::links::entity_href;
use crate::pages::render;

struct Entry<'a> {
    e: &'a AuditEntry,
    at: String,
    operation: String,
    entity: String,
    href: Option<String>,
    before: Option<String>,
    after: Option<String>,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct Page<'a> {
    ctx: Ctx<'a>,
    entries: Vec<Entry<'a>>,
    caption: String,
    previous: Option<String>,
    next: Option<String>,
}

pub fn page(c: &Chrome, entries: &[AuditEntry], page: i64, more: bool) -> String {
    let ctx = Ctx::new(c, String::new(), Nav::Audit);
    let ctx = Ctx {
        title: ctx.tr("audit-title"),
        ..ctx
    };
    let page = page.max(1);
    let json = |v: &Option<serde_json::Value>| {
        v.as_ref()
            .map(|v| serde_json::to_string(v).unwrap_or_default())
    };
    render(&Page {
        entries: entries
            .iter()
            .map(|e| Entry {
                e,
                at: ctx.date_time(&e.at),
                operation: ctx.operation(&e.operation),
                entity: ctx.entity(&e.entity),
                href: entity_href(&e.entity, &e.entity_id),
                before: json(&e.before),
                after: json(&e.after),
            })
            .collect(),
        caption: ctx.tr_with("audit-caption", &[("page", i18n::Arg::Num(page))]),
        previous: (page > 1).then(|| format!("/audit?page={}", page - 1)),
        next: more.then(|| format!("/audit?page={}", page + 1)),
        ctx,
    })
}
