//! The action plan on a timeline, as hand-written SVG: months across, one bar
//! per item. Each bar's status shows as colour, as a fill pattern and as a
//! word, and the page repeats the same data in a table.

use domain::state::ActionRef;
use domain::status::Status;
use i18n::Lang;
use time::Date;

use crate::format::{date, esc, month_year, status_code};
use crate::labels::tr;
use crate::labels::{self, month_short};
use crate::links::{action_href, work_package_href};

/// An item as the timeline and its table show it.
pub struct Dated {
    pub href: String,
    pub how: String,
    pub wp_name: String,
    pub wp_href: String,
    pub when: String,
    pub status: Option<Status>,
    pub status_label: String,
    pub status_code: &'static str,
    pub span: Option<(Date, Date)>,
    pub start_label: String,
    pub end_label: String,
}

/// Items with a known time, in plan order, and those without.
pub fn split(lang: Lang, rows: &[ActionRef]) -> (Vec<Dated>, Vec<Dated>) {
    rows.iter()
        .map(|a| {
            let span = a.state.and_then(|s| Some((s.starts?, s.ends?)));
            Dated {
                href: action_href(&a.action.id),
                how: a.action.how.clone(),
                wp_name: a.work_package.name.clone(),
                wp_href: work_package_href(&a.work_package.id),
                when: a.action.when.clone(),
                status: a.status(),
                status_label: labels::status(lang, a.status()),
                status_code: status_code(a.status()),
                start_label: span.map(|(s, _)| date(lang, s)).unwrap_or_default(),
                end_label: span.map(|(_, e)| date(lang, e)).unwrap_or_default(),
                span,
            }
        })
        .partition(|d| d.span.is_some())
}

/// Months since year 0, so that months can be counted across years.
fn month_index(d: Date) -> i32 {
    d.year() * 12 + i32::from(u8::from(d.month())) - 1
}

fn days_in_month(d: Date) -> f64 {
    f64::from(d.month().length(d.year()))
}

/// Colours and patterns per status. Presentation attributes, not styles, so
/// the Content-Security-Policy allows them; colours reach 3:1 against white.
fn look(status: Option<Status>) -> (&'static str, &'static str) {
    match status {
        None => ("url(#tl-none)", "#5c6670"),
        Some(Status::Planned) => ("url(#tl-planned)", "#1f5faa"),
        Some(Status::Ongoing) => ("#1f5faa", "#1f5faa"),
        Some(Status::Done) => ("#1b7a3d", "#1b7a3d"),
        Some(Status::Delayed) => ("url(#tl-delayed)", "#a34700"),
        Some(Status::Cancelled) => ("#ffffff", "#5c6670"),
    }
}

const LABEL_WIDTH: f64 = 300.0;
const ROW: f64 = 30.0;
const HEAD: f64 = 44.0;
const STATUS_WIDTH: f64 = 110.0;

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The chart; empty when no item has dates.
pub fn svg(lang: Lang, items: &[Dated]) -> String {
    let spans: Vec<(Date, Date)> = items.iter().filter_map(|d| d.span).collect();
    let (Some(first), Some(last)) = (
        spans.iter().map(|s| s.0).min(),
        spans.iter().map(|s| s.1).max(),
    ) else {
        return String::new();
    };
    let first_month = month_index(first);
    let months = (month_index(last) - first_month + 1).max(1);
    let month_width = (640.0 / f64::from(months)).clamp(22.0, 64.0);
    let width = LABEL_WIDTH + f64::from(months) * month_width + STATUS_WIDTH;
    let height = HEAD + ROW * items.len() as f64 + 8.0;
    let x_of = |d: Date, end: bool| {
        let day = f64::from(d.day()) - if end { 0.0 } else { 1.0 };
        LABEL_WIDTH
            + (f64::from(month_index(d) - first_month) + day / days_in_month(d)) * month_width
    };
    let start_year = first.year();
    let title = tr(lang, "timeline-svg-title");
    let desc = i18n::t_with(
        lang,
        "timeline-svg-desc",
        &[
            ("count", i18n::Arg::from(items.len())),
            (
                "from",
                i18n::Arg::Str(&month_year(lang, start_year, u8::from(first.month()))),
            ),
            (
                "to",
                i18n::Arg::Str(&month_year(lang, last.year(), u8::from(last.month()))),
            ),
        ],
    );
    let mut s = format!(
        "<svg class=\"timeline\" role=\"img\" aria-labelledby=\"tl-title tl-desc\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" \
         xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\
         <title id=\"tl-title\">{}</title><desc id=\"tl-desc\">{}</desc>",
        esc(&title),
        esc(&desc)
    );
    s.push_str(
        "<defs>\
         <pattern id=\"tl-planned\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">\
         <rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"#1f5faa\"/></pattern>\
         <pattern id=\"tl-delayed\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"8\" height=\"8\" fill=\"#fbe3cf\"/><rect width=\"4\" height=\"8\" fill=\"#a34700\"/></pattern>\
         <pattern id=\"tl-none\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">\
         <rect width=\"8\" height=\"8\" fill=\"#eef0f2\"/><path d=\"M0 8 L8 0\" stroke=\"#5c6670\" stroke-width=\"1\"/></pattern>\
         </defs>",
    );
    // Month grid and labels; the year is written at each January and at the start.
    for i in 0..months {
        let index = first_month + i;
        let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
        let x = LABEL_WIDTH + f64::from(i) * month_width;
        let stroke = if month == 1 { "#5c6670" } else { "#d5d9dd" };
        s.push_str(&format!(
            "<line x1=\"{x:.1}\" y1=\"{}\" x2=\"{x:.1}\" y2=\"{height:.0}\" stroke=\"{stroke}\"/>",
            HEAD - 14.0
        ));
        let show_label = months <= 24 || i % 3 == 0;
        if show_label {
            s.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{}\" fill=\"#1e2b3c\">{}</text>",
                x + 3.0,
                HEAD - 4.0,
                esc(&month_short(lang, month))
            ));
        }
        if month == 1 || i == 0 {
            s.push_str(&format!(
                "<text x=\"{:.1}\" y=\"14\" fill=\"#1e2b3c\" font-weight=\"bold\">{year}</text>",
                x + 3.0
            ));
        }
    }
    for (i, item) in items.iter().enumerate() {
        let Some((from, to)) = item.span else {
            continue;
        };
        let y = HEAD + ROW * i as f64;
        let (fill, stroke) = look(item.status);
        let x1 = x_of(from, false);
        let x2 = x_of(to, true).max(x1 + 3.0);
        if i % 2 == 0 {
            s.push_str(&format!(
                "<rect x=\"0\" y=\"{y:.0}\" width=\"{width:.0}\" height=\"{ROW}\" fill=\"#f3f5f7\"/>"
            ));
        }
        s.push_str(&format!(
            "<text x=\"6\" y=\"{:.0}\" fill=\"#1e2b3c\">{}</text>",
            y + 19.0,
            esc(&truncate(&item.how, 44))
        ));
        s.push_str(&format!(
            "<rect class=\"tl-bar\" x=\"{x1:.1}\" y=\"{:.0}\" width=\"{:.1}\" height=\"16\" rx=\"3\" \
             fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"/>",
            y + 7.0,
            x2 - x1
        ));
        if item.status == Some(Status::Cancelled) {
            s.push_str(&format!(
                "<line x1=\"{x1:.1}\" y1=\"{:.0}\" x2=\"{x2:.1}\" y2=\"{:.0}\" stroke=\"#5c6670\" stroke-width=\"2\"/>",
                y + 15.0,
                y + 15.0
            ));
        }
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.0}\" fill=\"#1e2b3c\" class=\"tl-status\">{}</text>",
            x2 + 5.0,
            y + 19.0,
            esc(&item.status_label)
        ));
    }
    s.push_str("</svg>");
    s
}

/// The legend under the chart: a swatch per status and its word.
pub fn legend(lang: Lang) -> Vec<(String, &'static str)> {
    std::iter::once(None)
        .chain(Status::ALL.iter().copied().map(Some))
        .map(|st| (labels::status(lang, st), status_code(st)))
        .collect()
}

/// A legend swatch, drawn like the bars.
pub fn swatch(code: &str) -> String {
    let status = Status::ALL.iter().copied().find(|s| s.code() == code);
    let (fill, stroke) = look(status);
    let strike = if status == Some(Status::Cancelled) {
        "<line x1=\"0\" y1=\"8\" x2=\"28\" y2=\"8\" stroke=\"#5c6670\" stroke-width=\"2\"/>"
    } else {
        ""
    };
    format!(
        "<svg class=\"tl-swatch\" width=\"28\" height=\"16\" viewBox=\"0 0 28 16\" aria-hidden=\"true\" focusable=\"false\">\
         <rect x=\"1\" y=\"1\" width=\"26\" height=\"14\" rx=\"3\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"/>{strike}</svg>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(how: &str, status: Option<Status>, span: Option<(Date, Date)>) -> Dated {
        Dated {
            href: String::new(),
            how: how.into(),
            wp_name: String::new(),
            wp_href: String::new(),
            when: String::new(),
            status,
            status_label: labels::status(Lang::Nn, status),
            status_code: status_code(status),
            span,
            start_label: String::new(),
            end_label: String::new(),
        }
    }

    #[test]
    fn chart_spans_first_to_last_month() {
        use time::macros::date;
        let items = [
            item(
                "Mentor <program>",
                Some(Status::Ongoing),
                Some((date!(2020 - 09 - 01), date!(2021 - 05 - 31))),
            ),
            item(
                "Kick-off",
                None,
                Some((date!(2020 - 12 - 01), date!(2020 - 12 - 01))),
            ),
        ];
        let svg = svg(Lang::Nn, &items);
        assert!(svg.starts_with("<svg class=\"timeline\" role=\"img\""));
        assert!(svg.contains("<title id=\"tl-title\">Tidslinje for handlingsplanen</title>"));
        assert!(svg.contains("frå september 2020 til mai 2021"));
        assert!(svg.contains("Mentor &#60;program&#62;"));
        assert!(svg.contains(">i gang</text>"));
        assert!(svg.contains(">ikkje rapportert</text>"));
        // Nine months, September to May, and 2021 marked at January.
        assert_eq!(svg.matches("<line").count(), 9);
        assert!(svg.contains(">2021</text>"));
        assert_eq!(super::svg(Lang::Nn, &[]), "");
    }
}
