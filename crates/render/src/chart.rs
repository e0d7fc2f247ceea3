//! Hand-written SVG charts for indicators: a time series with one line per
//! area, horizontal bars for a breakdown, and a small trend line. No script:
//! each chart has a title and a description, and the page repeats the data
//! in a table. Lines differ by dash pattern and marker shape, not colour
//! alone; a missing figure is a gap, never a point at 0; an uncertain figure
//! has a hollow marker.

use i18n::Lang;

use crate::figures::number;
use crate::format::esc;
use crate::labels::tr;

/// One figure of a series: its value (None is a gap), whether it is
/// uncertain, and how the table writes it.
#[derive(Debug, Clone)]
pub struct Point {
    pub value: Option<f64>,
    pub uncertain: bool,
    pub text: String,
}

/// A named series, one point per period or category.
#[derive(Debug, Clone)]
pub struct Line {
    pub label: String,
    pub points: Vec<Point>,
}

/// Colour, dash pattern and marker per series. Colours reach 3:1 against white.
const LOOKS: [(&str, &str, Marker); 3] = [
    ("#1f5faa", "", Marker::Circle),
    ("#a34700", "8 4", Marker::Square),
    ("#1e2b3c", "2 3", Marker::Triangle),
];

#[derive(Debug, Clone, Copy)]
enum Marker {
    Circle,
    Square,
    Triangle,
}

fn marker(m: Marker, x: f64, y: f64, colour: &str, hollow: bool) -> String {
    let fill = if hollow { "#ffffff" } else { colour };
    let paint = format!("fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"2\"");
    match m {
        Marker::Circle => format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4.5\" {paint}/>"),
        Marker::Square => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"8\" {paint}/>",
            x - 4.0,
            y - 4.0
        ),
        Marker::Triangle => format!(
            "<path d=\"M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\" {paint}/>",
            y - 5.5,
            x + 5.0,
            y + 3.5,
            x - 5.0,
            y + 3.5
        ),
    }
}

/// A round step for about four intervals up to `span`.
fn nice_step(span: f64) -> f64 {
    let raw = (span / 4.0).max(f64::MIN_POSITIVE);
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude)
}

/// The value axis: from 0 (or below, for negative figures) to a round top.
fn scale(values: impl Iterator<Item = f64>) -> Option<(f64, f64, f64)> {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() {
        return None;
    }
    let (lo, hi) = (lo.min(0.0), hi.max(0.0));
    let step = nice_step(if hi > lo { hi - lo } else { 1.0 });
    let bottom = (lo / step).floor() * step;
    let top = ((hi / step).ceil() * step).max(bottom + step);
    Some((bottom, top, step))
}

fn tick_decimals(step: f64) -> usize {
    if step.fract().abs() < 1e-9 {
        0
    } else if (step * 10.0).fract().abs() < 1e-9 {
        1
    } else {
        2
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn open(id: &str, class: &str, width: f64, height: f64, title: &str, desc: &str) -> String {
    format!(
        "<svg class=\"{class}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" \
         xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        esc(title),
        esc(desc)
    )
}

const W: f64 = 700.0;
const H: f64 = 340.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 150.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 48.0;
const TEXT: &str = "#1e2b3c";

/// A time series: periods across, one line per series. Empty when no
/// series has a figure.
pub fn lines(
    lang: Lang,
    unit_text: &str,
    id: &str,
    (title, desc): (&str, &str),
    periods: &[String],
    series: &[Line],
) -> String {
    let values = series
        .iter()
        .flat_map(|l| l.points.iter().filter_map(|p| p.value));
    let Some((bottom, top, step)) = scale(values) else {
        return String::new();
    };
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let n = periods.len().max(1);
    let x_of = |i: usize| {
        if n == 1 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + i as f64 * plot_w / (n - 1) as f64
        }
    };
    let y_of = |v: f64| TOP + (top - v) / (top - bottom) * plot_h;
    let mut s = open(id, "chart", W, H, title, desc);
    // Value axis: grid lines with their figures, and the unit above them.
    let decimals = tick_decimals(step);
    let ticks = ((top - bottom) / step).round() as usize;
    for k in 0..=ticks {
        let v = bottom + k as f64 * step;
        let y = y_of(v);
        s.push_str(&format!(
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{}\"/>\
             <text x=\"{:.0}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"{TEXT}\">{}</text>",
            LEFT + plot_w,
            if v == 0.0 { "#5c6670" } else { "#d5d9dd" },
            LEFT - 8.0,
            y + 4.0,
            esc(&number(lang, v, decimals))
        ));
    }
    s.push_str(&format!(
        "<text x=\"8\" y=\"14\" fill=\"{TEXT}\" font-weight=\"bold\">{}</text>",
        esc(unit_text)
    ));
    // Period axis: at most about ten labels, and its name below.
    let every = n.div_ceil(10);
    for (i, p) in periods.iter().enumerate() {
        if i % every == 0 || i == n - 1 {
            s.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{:.0}\" text-anchor=\"middle\" fill=\"{TEXT}\">{}</text>",
                x_of(i),
                TOP + plot_h + 18.0,
                esc(p)
            ));
        }
    }
    s.push_str(&format!(
        "<text x=\"{:.0}\" y=\"{:.0}\" text-anchor=\"middle\" fill=\"{TEXT}\" font-weight=\"bold\">{}</text>",
        LEFT + plot_w / 2.0,
        H - 8.0,
        esc(&tr(lang, "chart-axis-period"))
    ));
    // The lines, broken where a figure is missing, then their markers.
    let mut labels = vec![];
    for (line, (colour, dash, shape)) in series.iter().zip(LOOKS) {
        let mut d = String::new();
        let mut pen_down = false;
        for (i, p) in line.points.iter().enumerate() {
            match p.value {
                Some(v) => {
                    let cmd = if pen_down { 'L' } else { 'M' };
                    d.push_str(&format!("{cmd}{:.1} {:.1}", x_of(i), y_of(v)));
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        let dash = if dash.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{dash}\"")
        };
        s.push_str(&format!(
            "<path d=\"{d}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"{dash}/>"
        ));
        for (i, p) in line.points.iter().enumerate() {
            if let Some(v) = p.value {
                s.push_str(&marker(shape, x_of(i), y_of(v), colour, p.uncertain));
            }
        }
        if let Some(v) = line.points.iter().rev().find_map(|p| p.value) {
            labels.push((y_of(v), line.label.as_str(), colour, shape));
        }
    }
    // Direct labels right of the plot, at each line's last figure, pushed
    // apart so that they never overlap.
    labels.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut last_y = f64::NEG_INFINITY;
    for (y, label, colour, shape) in labels {
        let y = y.max(last_y + 16.0);
        last_y = y;
        let x = LEFT + plot_w + 28.0;
        s.push_str(&marker(shape, x, y, colour, false));
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"{TEXT}\">{}</text>",
            x + 10.0,
            y + 4.0,
            esc(&truncate(label, 18))
        ));
    }
    s.push_str("</svg>");
    s
}

/// Horizontal bars per category, one bar per series (Sogn solid, the
/// comparison striped), with the figure written after each bar; a missing
/// figure is written, not drawn.
pub fn bars(
    id: &str,
    (title, desc): (&str, &str),
    categories: &[String],
    series: &[Line],
) -> String {
    let values = series
        .iter()
        .flat_map(|l| l.points.iter().filter_map(|p| p.value));
    let Some((bottom, top, _)) = scale(values) else {
        return String::new();
    };
    let (label_w, bar_w, bar_h) = (200.0, 330.0, 14.0);
    let group_h = bar_h * series.len() as f64 + 12.0;
    let head = 34.0;
    let height = head + group_h * categories.len() as f64 + 8.0;
    let width = label_w + bar_w + 140.0;
    let x_of = |v: f64| label_w + (v - bottom) / (top - bottom) * bar_w;
    let mut s = open(id, "chart chart-bars", width, height, title, desc);
    s.push_str(&format!(
        "<defs><pattern id=\"{id}-stripes\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>\
         <rect width=\"3\" height=\"6\" fill=\"{TEXT}\"/></pattern></defs>"
    ));
    let fill = |k: usize| {
        if k == 0 {
            LOOKS[0].0.to_string()
        } else {
            format!("url(#{id}-stripes)")
        }
    };
    let stroke = |k: usize| if k == 0 { LOOKS[0].0 } else { TEXT };
    // The legend on top: a swatch per series, drawn like its bars.
    let mut x = label_w;
    for (k, line) in series.iter().enumerate() {
        s.push_str(&format!(
            "<rect x=\"{x:.0}\" y=\"8\" width=\"22\" height=\"{bar_h}\" fill=\"{}\" stroke=\"{}\"/>\
             <text x=\"{:.0}\" y=\"19\" fill=\"{TEXT}\">{}</text>",
            fill(k),
            stroke(k),
            x + 28.0,
            esc(&line.label)
        ));
        x += 40.0 + 7.0 * line.label.chars().count() as f64;
    }
    let zero = x_of(0.0);
    for (c, category) in categories.iter().enumerate() {
        let y0 = head + group_h * c as f64;
        s.push_str(&format!(
            "<text x=\"{:.0}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"{TEXT}\">{}</text>",
            label_w - 8.0,
            y0 + group_h / 2.0,
            esc(&truncate(category, 30))
        ));
        for (k, line) in series.iter().enumerate() {
            let Some(p) = line.points.get(c) else {
                continue;
            };
            let y = y0 + bar_h * k as f64;
            let end = match p.value {
                Some(v) => {
                    let (a, b) = (zero.min(x_of(v)), zero.max(x_of(v)));
                    s.push_str(&format!(
                        "<rect x=\"{a:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.0}\" fill=\"{}\" stroke=\"{}\"/>",
                        (b - a).max(1.0),
                        bar_h - 2.0,
                        fill(k),
                        stroke(k)
                    ));
                    b
                }
                None => zero,
            };
            s.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"{TEXT}\" font-size=\"11\">{}</text>",
                end + 5.0,
                y + bar_h - 4.0,
                esc(&p.text)
            ));
        }
    }
    s.push_str(&format!(
        "<line x1=\"{zero:.1}\" y1=\"{head}\" x2=\"{zero:.1}\" y2=\"{:.0}\" stroke=\"#5c6670\"/></svg>",
        height - 8.0
    ));
    s
}

/// A small trend line for a table cell, named by `label`; empty when there
/// is nothing to draw. Gaps stay gaps.
pub fn sparkline(label: &str, values: &[Option<f64>]) -> String {
    // A trend reads from its own range, not from 0.
    let (lo, hi) = values
        .iter()
        .flatten()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    if !lo.is_finite() {
        return String::new();
    }
    let (bottom, top) = if hi > lo {
        (lo, hi)
    } else {
        (lo - 1.0, hi + 1.0)
    };
    let (w, h, pad) = (100.0, 28.0, 4.0);
    let n = values.len();
    let x_of = |i: usize| {
        if n <= 1 {
            w / 2.0
        } else {
            pad + i as f64 * (w - 2.0 * pad) / (n - 1) as f64
        }
    };
    let y_of = |v: f64| pad + (top - v) / (top - bottom) * (h - 2.0 * pad);
    let mut d = String::new();
    let mut pen_down = false;
    let mut last = None;
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => {
                d.push_str(&format!(
                    "{}{:.1} {:.1}",
                    if pen_down { 'L' } else { 'M' },
                    x_of(i),
                    y_of(*v)
                ));
                pen_down = true;
                last = Some((x_of(i), y_of(*v)));
            }
            None => pen_down = false,
        }
    }
    let dot = last
        .map(|(x, y)| {
            format!(
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"2.5\" fill=\"{}\"/>",
                LOOKS[0].0
            )
        })
        .unwrap_or_default();
    format!(
        "<svg class=\"sparkline\" role=\"img\" aria-label=\"{label}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title>{label}</title>\
         <path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>{dot}</svg>",
        LOOKS[0].0,
        label = esc(label)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(v: Option<f64>) -> Point {
        Point {
            value: v,
            uncertain: false,
            text: String::new(),
        }
    }

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(10.0), 2.5);
        assert_eq!(nice_step(33000.0), 10000.0);
        assert_eq!(scale([9.9, 12.0].into_iter()), Some((0.0, 15.0, 5.0)));
    }

    #[test]
    fn a_missing_figure_breaks_the_line() {
        let line = Line {
            label: "Sogn".into(),
            points: vec![p(Some(1.0)), p(None), p(Some(3.0)), p(Some(4.0))],
        };
        let periods: Vec<String> = ["2019", "2020", "2021", "2022"].map(String::from).into();
        let svg = lines(Lang::Nn, "prosent", "c", ("T", "D"), &periods, &[line]);
        let d = svg
            .split("<path d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert_eq!(d.matches('M').count(), 2, "two segments: {d}");
        assert_eq!(
            svg.matches("<circle").count(),
            4,
            "three markers and the label's"
        );
        assert_eq!(lines(Lang::Nn, "", "c", ("T", "D"), &periods, &[]), "");
    }
}
