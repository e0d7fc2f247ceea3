//! One module per page area. Each builds a small view of what it shows and
//! hands it to its template.

pub mod account;
pub mod action;
pub mod action_plan;
pub mod audit;
pub mod changes;
pub mod indicators;
pub mod measure;
pub mod mentoring;
pub mod mentoring_cohorts;
pub mod municipalities;
pub mod newcomers;
pub mod organisation;
pub mod overview;
pub mod roles;
pub mod welcome;
pub mod work_package;

use askama::Template;
use domain::state::{ActionRef, Snapshot};
use i18n::Lang;

use crate::links::{action_href, work_package_href};
use crate::widgets::status_badge;

/// Renders a template. Our templates only write strings, so the one failure
/// left is a bug in a `Display` impl; the page then says so instead of
/// taking the server down.
pub fn render(t: &impl Template) -> String {
    t.render()
        .unwrap_or_else(|e| format!("<!DOCTYPE html><title>Error</title><p>{e}</p>"))
}

/// An action-plan row as the tables show it.
pub struct Row {
    pub href: String,
    pub how: String,
    pub participants: String,
    pub when: String,
    pub comment: String,
    pub responsible: String,
    /// Pre-escaped HTML.
    pub badge: String,
    pub wp_name: String,
    pub wp_href: String,
}

impl Row {
    pub fn new(lang: Lang, a: &ActionRef) -> Row {
        Row {
            href: action_href(&a.action.id),
            how: a.action.how.clone(),
            participants: a.action.participants.clone(),
            when: a.action.when.clone(),
            comment: a.action.comment.clone(),
            responsible: a.action.responsible.clone(),
            badge: status_badge(lang, a.status(), a.light()),
            wp_name: a.work_package.name.clone(),
            wp_href: work_package_href(&a.work_package.id),
        }
    }
}

/// Rows of one work package, in plan order.
pub struct Group {
    pub wp_name: String,
    pub wp_href: String,
    pub rows: Vec<Row>,
}

/// Groups rows by consecutive work package, as the plan's table does.
pub fn group_rows(lang: Lang, rows: &[ActionRef]) -> Vec<Group> {
    let mut groups: Vec<Group> = vec![];
    for a in rows {
        let row = Row::new(lang, a);
        match groups.last_mut() {
            Some(g) if g.wp_href == row.wp_href => g.rows.push(row),
            _ => groups.push(Group {
                wp_name: row.wp_name.clone(),
                wp_href: row.wp_href.clone(),
                rows: vec![row],
            }),
        }
    }
    groups
}

/// The work packages as choices of a select, in plan order.
pub fn work_package_choices(s: &Snapshot) -> Vec<(String, String)> {
    s.plan
        .work_packages
        .iter()
        .map(|w| (w.id.clone(), w.name.clone()))
        .collect()
}

/// Every measure as a choice, labelled with its package, plus "none".
pub fn measure_choices(s: &Snapshot, none: String) -> Vec<(String, String)> {
    std::iter::once((String::new(), none))
        .chain(s.plan.work_packages.iter().flat_map(|w| {
            w.measures
                .iter()
                .map(move |m| (m.id.clone(), format!("{} ({})", m.title, w.name)))
        }))
        .collect()
}
