//! A measure (tiltak): its package, the action-plan rows that carry it out,
//! and the form to change it.

use askama::Template;
use domain::state::Snapshot;

use crate::form::Form;
use crate::form::{FormView, Kind, SummaryItem};
use crate::layout::Chrome;
use crate::layout::{Ctx, Nav};
use crate::links::indicator_href;
use crate::links::{measure_href, work_package_href};
use crate::pages::{group_rows, render, work_package_choices, Row};

pub struct MeasurePage<'a> {
    pub id: &'a str,
    pub may_edit: bool,
    pub form: &'a Form,
    /// The indicators this measure is to move: (indicator id, translated name).
    pub indicators: Vec<(&'a str, String)>,
}

#[derive(Template)]
#[template(path = "measure.html")]
struct Page<'a> {
    ctx: Ctx<'a>,
    edit_action: String,
    title: &'a str,
    wp_name: &'a str,
    wp_href: String,
    rows: Vec<Row>,
    summary: Vec<SummaryItem>,
    edit: Option<FormView<'a>>,
    /// (href, name) of the indicators the measure is to move.
    indicators: Vec<(String, &'a str)>,
}

pub fn page(c: &Chrome, s: &Snapshot, page: &MeasurePage) -> String {
    let Some((wp, m)) = s.measure(page.id) else {
        return crate::error(c, 404, page.id, "");
    };
    let ctx = Ctx::new(c, m.title.clone(), Nav::None).with_source(&s.plan);
    let rows: Vec<_> = s.actions().filter(|a| a.action.measure == m.id).collect();
    let rows = group_rows(c.lang, &rows)
        .into_iter()
        .flat_map(|g| g.rows)
        .collect();
    let edit = page.may_edit.then(|| {
        let mut f = FormView::new("measure", page.form);
        f.field("title", ctx.tr("field-title"), Kind::TextArea, &m.title);
        f.choice_field(
            "work_package",
            ctx.tr("field-work-package"),
            Kind::Select,
            &wp.id,
            work_package_choices(s),
        );
        let version = s.measure_versions.get(&m.id).copied().unwrap_or(1);
        f.hidden("version", &version.to_string());
        f
    });
    render(&Page {
        edit_action: measure_href(&m.id),
        title: &m.title,
        wp_name: &wp.name,
        wp_href: work_package_href(&wp.id),
        rows,
        indicators: page
            .indicators
            .iter()
            .map(|(id, name)| (indicator_href(id), name.as_str()))
            .collect(),
        summary: edit.as_ref().map(FormView::summary).unwrap_or_default(),
        edit,
        ctx,
    })
}
