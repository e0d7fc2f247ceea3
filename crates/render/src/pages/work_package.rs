//! A work package: goal, strategies, measures, its rows of the action plan
//! and the work group that carries it out.

use askama::Template;
use domain::plan::{OrgUnit, UnitKind, WorkPackage};
use domain::state::Snapshot;

use crate::format::paragraphs;
use crate::layout::Chrome;
use crate::layout::{Ctx, Nav};
use crate::links::measure_href;
use crate::pages::{group_rows, render, Row};

#[derive(Template)]
#[template(path = "work_package.html")]
struct Page<'a> {
    ctx: Ctx<'a>,
    s: &'a Snapshot,
    wp: &'a WorkPackage,
    description: Vec<String>,
    measures: Vec<(String, String)>,
    rows: Vec<Row>,
    units: Vec<&'a OrgUnit>,
}

pub fn page(c: &Chrome, s: &Snapshot, id: &str) -> String {
    let Some(wp) = s.work_package(id) else {
        // The caller checks the id; this is only a safe answer if it did not.
        return crate::error(c, 404, id, "");
    };
    let ctx = Ctx::new(c, wp.name.clone(), Nav::None).with_source(&s.plan);
    let rows: Vec<_> = s.actions().filter(|a| a.work_package.id == wp.id).collect();
    let rows = group_rows(c.lang, &rows)
        .into_iter()
        .flat_map(|g| g.rows)
        .collect();
    render(&Page {
        description: paragraphs(&wp.description),
        measures: wp
            .measures
            .iter()
            .map(|m| (measure_href(&m.id), m.title.clone()))
            .collect(),
        units: s
            .plan
            .organisation
            .units
            .iter()
            .filter(|u| u.kind == UnitKind::Subproject && u.work_package == wp.id)
            .collect(),
        ctx,
        s,
        wp,
        rows,
    })
}
