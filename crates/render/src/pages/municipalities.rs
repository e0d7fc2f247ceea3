//! The seven municipalities and their contact persons.

use askama::Template;
use domain::state::Snapshot;

use crate::form::Form;
use crate::form::{FormView, Kind, SummaryItem};
use crate::layout::Chrome;
use crate::layout::{Ctx, Nav};
use crate::pages::render;

struct Row<'a> {
    code: &'a str,
    name: &'a str,
    contact: String,
    email: String,
    edit: Option<FormView<'a>>,
    edit_heading: String,
    action: String,
}

pub struct MunicipalitiesPage<'a> {
    /// Municipality codes whose contact the user may change.
    pub may_edit: Vec<&'a str>,
    /// The form that was sent back with errors, and for which municipality.
    pub form: Option<(&'a str, &'a Form)>,
}

#[derive(Template)]
#[template(path = "municipalities.html")]
struct Page<'a> {
    ctx: Ctx<'a>,
    s: &'a Snapshot,
    rows: Vec<Row<'a>>,
    summary: Vec<SummaryItem>,
}

pub fn page(c: &Chrome, s: &Snapshot, page: &MunicipalitiesPage) -> String {
    let ctx = Ctx::new(c, String::new(), Nav::Municipalities).with_source(&s.plan);
    let ctx = Ctx {
        title: ctx.tr("municipalities-title"),
        ..ctx
    };
    let rows: Vec<Row> = s
        .plan
        .municipalities
        .iter()
        .map(|m| {
            let contact = s.contacts.get(&m.code);
            let edit = page.may_edit.contains(&m.code.as_str()).then(|| {
                let form = match page.form {
                    Some((code, form)) if code == m.code => form,
                    _ => Form::empty(),
                };
                // Ids carry the code: one page holds a form per municipality.
                let mut f = FormView::new(format!("contact-{}", m.code), form);
                f.field(
                    "name",
                    ctx.tr("field-name"),
                    Kind::Input("text"),
                    contact.map_or("", |x| x.name.as_str()),
                )
                .autocomplete = "off";
                f.field(
                    "email",
                    ctx.tr("field-email"),
                    Kind::Input("email"),
                    contact.map_or("", |x| x.email.as_str()),
                )
                .autocomplete = "off";
                f.hidden("version", &contact.map_or(1, |x| x.version).to_string());
                f
            });
            Row {
                code: &m.code,
                name: &m.name,
                contact: contact
                    .map(|x| x.name.clone())
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| ctx.tr("not-registered")),
                email: contact.map(|x| x.email.clone()).unwrap_or_default(),
                edit,
                edit_heading: ctx.tr_arg("contact-edit-heading", "name", &m.name),
                action: format!(
                    "/municipalities/{}/contact",
                    crate::links::url_encode(&m.code)
                ),
            }
        })
        .collect();
    let summary = rows
        .iter()
        .filter_map(|r| r.edit.as_ref())
        .flat_map(FormView::summary)
        .collect();
    render(&Page {
        ctx,
        s,
        rows,
        summary,
    })
}
