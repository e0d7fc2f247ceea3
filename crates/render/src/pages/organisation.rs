//! The organisation: the chart, its mandate and the steering group's year.

use askama::Template;
use domain::state::Snapshot;

use crate::labels::month_name;
use crate::layout::Chrome;
use crate::layout::{Ctx, Nav};
use crate::orgchart;
use crate::pages::render;

#[derive(Template)]
#[template(path = "organisation.html")]
struct Page<'a> {
    ctx: Ctx<'a>,
    s: &'a Snapshot,
    heading: String,
    /// Whether the heading is the plan's own text rather than ours.
    has_heading: bool,
    /// Pre-escaped HTML.
    chart: String,
    chart_label: String,
    meeting_months: Vec<String>,
}

pub fn page(c: &Chrome, s: &Snapshot) -> String {
    let o = &s.plan.organisation;
    let heading = if o.heading.is_empty() {
        crate::labels::tr(c.lang, "nav-organisation")
    } else {
        o.heading.clone()
    };
    let ctx = Ctx::new(c, heading.clone(), Nav::Organisation).with_source(&s.plan);
    let label = ctx.tr_arg("org-chart-label", "name", &s.plan.programme.name);
    render(&Page {
        chart: orgchart::chart(c.lang, &s.plan),
        chart_label: label,
        meeting_months: o
            .steering_group_meeting_months
            .iter()
            .map(|m| month_name(c.lang, *m))
            .collect(),
        heading,
        has_heading: !o.heading.is_empty(),
        ctx,
        s,
    })
}
