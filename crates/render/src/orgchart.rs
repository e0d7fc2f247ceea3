//! The organisation as nested lists: a screen reader reads the tree as text,
//! and the stylesheet draws the same lists as a chart of boxes.

use domain::plan::{OrgUnit, Plan, UnitKind};
use i18n::Lang;

use crate::format::esc;
use crate::labels::tr;
use crate::links::work_package_href;

/// The chart's `<ul>`. Units whose parent is missing are drawn as roots, so a
/// mistake in a plan file shows instead of hiding a unit.
pub fn chart(lang: Lang, plan: &Plan) -> String {
    let units = &plan.organisation.units;
    let mut html = String::from("<ul class=\"org-chart\">");
    for root in units
        .iter()
        .filter(|u| u.parent.is_empty() || !units.iter().any(|p| p.id == u.parent))
    {
        node(lang, plan, root, &mut html, 0);
    }
    html.push_str("</ul>");
    html
}

fn node(lang: Lang, plan: &Plan, unit: &OrgUnit, html: &mut String, depth: usize) {
    html.push_str(&format!(
        "<li class=\"org-node org-{}\"><div class=\"org-box\">",
        unit.kind.code()
    ));
    html.push_str(&format!(
        "<span class=\"org-box__name\">{}</span>",
        esc(&unit.name)
    ));
    if !unit.person.is_empty() {
        html.push_str(&format!(
            "<span class=\"org-box__person\">{}</span>",
            esc(&unit.person)
        ));
    }
    if !unit.lead.is_empty() {
        html.push_str(&format!(
            "<span class=\"org-box__line\">{}: {}</span>",
            esc(&tr(lang, "lead")),
            esc(&unit.lead)
        ));
    }
    if !unit.work_group.is_empty() {
        html.push_str(&format!(
            "<span class=\"org-box__line\">{}:</span><ul class=\"org-box__group\">",
            esc(&tr(lang, "work-group"))
        ));
        for member in &unit.work_group {
            html.push_str(&format!("<li>{}</li>", esc(member)));
        }
        html.push_str("</ul>");
    }
    if unit.kind == UnitKind::Contacts {
        html.push_str("<ul class=\"org-box__group\">");
        for m in &plan.municipalities {
            html.push_str(&format!("<li>{}</li>", esc(&m.name)));
        }
        html.push_str("</ul>");
    }
    if !unit.note.is_empty() {
        html.push_str(&format!(
            "<span class=\"org-box__note\">{}</span>",
            esc(&unit.note)
        ));
    }
    if let Some(wp) = plan
        .work_packages
        .iter()
        .find(|w| !unit.work_package.is_empty() && w.id == unit.work_package)
    {
        html.push_str(&format!(
            "<a class=\"ds-link org-box__link\" href=\"{}\">{}</a>",
            esc(&work_package_href(&wp.id)),
            esc(&i18n::t_args(
                lang,
                "see-work-package",
                &[("name", &wp.name)]
            ))
        ));
    }
    html.push_str("</div>");
    // A plan file cannot make a cycle past validation, but a bound keeps a
    // bad one from recursing forever.
    let children: Vec<_> = plan
        .organisation
        .units
        .iter()
        .filter(|u| u.parent == unit.id && u.id != unit.id)
        .collect();
    if !children.is_empty() && depth < 16 {
        html.push_str("<ul>");
        for child in children {
            node(lang, plan, child, html, depth + 1);
        }
        html.push_str("</ul>");
    }
    html.push_str("</li>");
}
