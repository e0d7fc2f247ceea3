//! The programme overview: goal, introduction, progress per work package.

use askama::Template;
use domain::plan::Fact;
use domain::state::Snapshot;
use i18n::Arg;

use crate::format::{paragraphs, status_code};
use crate::layout::Chrome;
use crate::layout::{Ctx, Nav};
use crate::links::work_package_href;
use crate::pages::render;
use crate::widgets::status_bar;

struct Progress {
    name: String,
    href: String,
    goal: String,
    items: String,
    /// Pre-escaped SVG.
    bar: String,
    counts: Vec<(String, &'static str, usize)>,
}

struct FactGroup<'a> {
    source: String,
    facts: Vec<&'a Fact>,
}

#[derive(Template)]
#[template(path = "overview.html")]
struct Page<'a> {
    ctx: Ctx<'a>,
    s: &'a Snapshot,
    introduction: Vec<String>,
    progress: Vec<Progress>,
    facts: Vec<FactGroup<'a>>,
}

pub fn page(c: &Chrome, s: &Snapshot) -> String {
    let p = &s.plan.programme;
    let ctx = Ctx::new(c, p.name.clone(), Nav::Overview).with_source(&s.plan);
    let progress = s
        .plan
        .work_packages
        .iter()
        .map(|w| {
            let counts = s.status_counts(&w.id);
            let total: usize = counts.iter().map(|(_, n)| n).sum();
            Progress {
                name: w.name.clone(),
                href: work_package_href(&w.id),
                goal: if w.goal.is_empty() {
                    w.description.clone()
                } else {
                    w.goal.clone()
                },
                items: ctx.tr_with("progress-items", &[("count", Arg::from(total))]),
                bar: status_bar(&counts),
                counts: counts
                    .iter()
                    .map(|(st, n)| (ctx.status(st), status_code(*st), *n))
                    .collect(),
            }
        })
        .collect();
    let mut facts: Vec<FactGroup> = vec![];
    for f in &s.plan.facts {
        match facts.last_mut() {
            Some(g) if g.source == f.source => g.facts.push(f),
            _ => facts.push(FactGroup {
                source: f.source.clone(),
                facts: vec![f],
            }),
        }
    }
    render(&Page {
        introduction: paragraphs(&p.introduction),
        ctx,
        s,
        progress,
        facts,
    })
}
