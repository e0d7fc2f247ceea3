//! Indicators: the overview with the latest figures for Sogn, Vestland and
//! Norway, and one page per indicator with its definition, a chart, a map of
//! Vestland's municipalities, baselines, targets and the measures it follows.
//! Every figure table says where its figures came from.

use std::collections::BTreeSet;

use askama::Template;
use domain::indicators::{Baseline, Formula, Indicator, IndicatorValue, Target, Unit};
use domain::stats::{Area, AreaKind};
use i18n::Lang;

use crate::chart::{self, Line, Point};
use crate::figures::{area_name, cell, number, provenance, sogn_parts, value};
use crate::form::Form;
use crate::form::{FormView, Kind, SummaryItem};
use crate::labels::{indicator_definition, indicator_name, label, tr};
use crate::layout::Chrome;
use crate::layout::{Ctx, Nav};
use crate::links::indicator_href;
use crate::links::measure_href;
use crate::map;
use crate::pages::render;

/// One row of the overview.
pub struct IndicatorSummary<'a> {
    pub indicator: &'a Indicator,
    /// Latest value for Sogn ("sogn"), Vestland ("46") and Norway ("0"); None = no data.
    pub sogn: Option<&'a IndicatorValue>,
    pub vestland: Option<&'a IndicatorValue>,
    pub norway: Option<&'a IndicatorValue>,
    /// Sogn's values over time for a small trend line, oldest first.
    pub trend: Vec<(String, Option<f64>)>,
    pub target: Option<&'a Target>,
}

/// Everything an indicator's page shows.
pub struct IndicatorPage<'a> {
    pub indicator: &'a Indicator,
    /// Every value: all areas (the municipalities of Vestland, "sogn", "46", "0"), all periods, all categories.
    pub values: &'a [IndicatorValue],
    /// To name area codes.
    pub areas: &'a [Area],
    /// The period the map shows (latest with municipal data).
    pub map_period: Option<&'a str>,
    pub baselines: &'a [Baseline],
    pub targets: &'a [Target],
    /// The plan's measures that this indicator follows: (id, title).
    pub measures: Vec<(&'a str, &'a str)>,
    pub may_set_target: bool,
    /// POST /indicators/{id}/targets with fields area, year, value, note.
    pub target_form: &'a Form,
}

// ------------------------------------------------------------------ overview

struct OverviewRow {
    href: String,
    name: String,
    code: &'static str,
    unit: String,
    /// Sogn, Vestland, Norway.
    cells: Vec<String>,
    /// Pre-escaped SVG, or empty.
    trend: String,
    target: String,
    /// The command that fetches the data, when there is none yet.
    fetch: Option<String>,
}

#[derive(Template)]
#[template(path = "indicators.html")]
struct Overview<'a> {
    ctx: Ctx<'a>,
    rows: Vec<OverviewRow>,
    /// The programme's own figures the viewer may see: (label, value).
    programme: Vec<(String, String)>,
    programme_source: Vec<String>,
}

/// The programme's own output figures, from the mentor programme and the newcomer
/// service, for those whose role lets them see them.
#[derive(Default)]
pub struct ProgrammeFigures<'a> {
    pub mentoring: Option<&'a domain::mentor::MentoringIndicators>,
    /// The region's arrival cohorts (already suppressed), newest first.
    pub cohorts: &'a [domain::newcomer::CohortFigures],
    /// The day the figures were counted.
    pub as_of: Option<time::Date>,
}

fn programme_rows(lang: Lang, p: &ProgrammeFigures) -> (Vec<(String, String)>, Vec<String>) {
    use crate::pages::mentoring::share_text;
    use crate::pages::newcomers::figure_text;
    let mut rows = Vec::new();
    let mut sources = Vec::new();
    let as_of = p
        .as_of
        .map(|d| crate::format::date(lang, d))
        .unwrap_or_default();
    if let Some(m) = p.mentoring {
        rows.extend([
            (tr(lang, "mentor-ind-started"), m.pairs_started.to_string()),
            (
                tr(lang, "mentor-ind-completed"),
                m.pairs_completed.to_string(),
            ),
            (tr(lang, "mentor-ind-meetings"), m.meetings_held.to_string()),
            (
                tr(lang, "mentor-ind-work-6"),
                share_text(lang, &m.in_work_or_education_6_months),
            ),
            (
                tr(lang, "mentor-ind-work-12"),
                share_text(lang, &m.in_work_or_education_12_months),
            ),
        ]);
        sources.push(i18n::t_args(
            lang,
            "programme-source-mentoring",
            &[("date", &as_of)],
        ));
    }
    let region: Vec<_> = p
        .cohorts
        .iter()
        .filter(|c| c.area == domain::newcomer::REGION)
        .take(3)
        .collect();
    for c in &region {
        let year = c.arrival_year.to_string();
        for (id, stay) in [
            ("programme-stay-1", &c.after_1_year),
            ("programme-stay-2", &c.after_2_years),
            ("programme-stay-5", &c.after_5_years),
        ] {
            rows.push((
                i18n::t_args(lang, id, &[("year", &year)]),
                figure_text(lang, &stay.in_region),
            ));
        }
    }
    if !region.is_empty() {
        sources.push(i18n::t_args(
            lang,
            "programme-source-newcomers",
            &[("date", &as_of)],
        ));
    }
    (rows, sources)
}

/// "9,9 % (2022)", or that there is no figure.
fn latest(lang: Lang, v: Option<&IndicatorValue>) -> String {
    match v {
        Some(v) => i18n::t_args(
            lang,
            "ind-value-period",
            &[("value", &cell(lang, v)), ("period", &v.period)],
        ),
        None => tr(lang, "ind-no-data"),
    }
}

fn target_text(lang: Lang, unit: Unit, areas: &[Area], t: &Target) -> String {
    i18n::t_args(
        lang,
        "ind-target-text",
        &[
            ("value", &value(lang, unit, t.value)),
            ("year", &t.year.to_string()),
            ("name", &area_name(lang, areas, &t.area)),
        ],
    )
}

fn trend(lang: Lang, unit: Unit, points: &[(String, Option<f64>)]) -> String {
    let known: Vec<(&str, f64)> = points
        .iter()
        .filter_map(|(p, v)| Some((p.as_str(), (*v)?)))
        .collect();
    let (Some(first), Some(last)) = (known.first(), known.last()) else {
        return String::new();
    };
    let label = i18n::t_args(
        lang,
        "ind-trend-label",
        &[
            ("from", first.0),
            ("to", last.0),
            ("first", &value(lang, unit, first.1)),
            ("last", &value(lang, unit, last.1)),
        ],
    );
    let values: Vec<Option<f64>> = points.iter().map(|(_, v)| *v).collect();
    chart::sparkline(&label, &values)
}

pub fn overview(c: &Chrome, rows: &[IndicatorSummary], programme: &ProgrammeFigures) -> String {
    let ctx = Ctx::new(c, tr(c.lang, "ind-title"), Nav::Indicators);
    let lang = c.lang;
    let rows = rows
        .iter()
        .map(|r| {
            let ind = r.indicator;
            let no_data = r.sogn.is_none() && r.vestland.is_none() && r.norway.is_none();
            OverviewRow {
                href: indicator_href(ind.id),
                name: indicator_name(lang, ind),
                code: ind.code,
                unit: label(lang, ind.unit),
                cells: [r.sogn, r.vestland, r.norway]
                    .into_iter()
                    .map(|v| latest(lang, v))
                    .collect(),
                trend: trend(lang, ind.unit, &r.trend),
                target: r
                    .target
                    .map(|t| target_text(lang, ind.unit, &[], t))
                    .unwrap_or_default(),
                fetch: ind.fetch.filter(|_| no_data).map(|f| f.command()),
            }
        })
        .collect();
    let (programme, programme_source) = programme_rows(lang, programme);
    render(&Overview {
        ctx,
        rows,
        programme,
        programme_source,
    })
}

// ------------------------------------------------------------- figure table

/// A table of figures with its provenance, shown beside a chart or a map.
#[derive(Template)]
#[template(path = "figure_table.html")]
pub struct FigureTable {
    pub id: String,
    pub caption: String,
    /// The header of the first column (periods, categories, municipalities).
    pub corner: String,
    pub head: Vec<String>,
    pub rows: Vec<TableRow>,
    pub sources: Vec<String>,
    /// The footnote for "*", when a figure is uncertain.
    pub note: Option<String>,
}

pub struct TableRow {
    /// An anchor for links from the map.
    pub id: String,
    pub label: String,
    /// A word after the label, such as "(Sogn)".
    pub mark: String,
    pub cells: Vec<String>,
}

/// A figure in a table: "79,5 % (806 av 1 014)" where a rate has its
/// counts, the status of a missing one, "*" when uncertain.
fn table_cell(lang: Lang, v: Option<&IndicatorValue>) -> String {
    let Some(v) = v else {
        return crate::figures::missing(lang, None);
    };
    match (v.value, v.numerator, v.denominator, v.unit) {
        (Some(_), Some(n), Some(d), Unit::Percent | Unit::PerThousand) => i18n::t_args(
            lang,
            "ind-parts",
            &[
                ("value", &cell(lang, v)),
                ("numerator", &number(lang, n, 0)),
                ("denominator", &number(lang, d, 0)),
            ],
        ),
        _ => cell(lang, v),
    }
}

fn uncertain_note(lang: Lang, values: &[&IndicatorValue]) -> Option<String> {
    values
        .iter()
        .any(|v| v.uncertain)
        .then(|| tr(lang, "ind-uncertain-note"))
}

fn point(lang: Lang, v: Option<&IndicatorValue>) -> Point {
    Point {
        value: v.and_then(|v| v.value),
        uncertain: v.is_some_and(|v| v.uncertain),
        text: match v {
            Some(v) => cell(lang, v),
            None => crate::figures::missing(lang, None),
        },
    }
}

/// A category as a reader reads it: "Botid i Norge: 5+ år".
fn category_label(c: &str) -> String {
    c.replace('=', ": ")
}

// ------------------------------------------------------------ indicator page

struct BaselineRow {
    /// The area, and the category for a breakdown.
    area: String,
    period: String,
    value: String,
    text: String,
    source: String,
}

struct TargetRow {
    area: String,
    year: i32,
    value: String,
    note: String,
}

struct MapView {
    svg: String,
    legend: Vec<(String, String)>,
    table: String,
}

#[derive(Template)]
#[template(path = "indicator.html")]
struct Page<'a> {
    ctx: Ctx<'a>,
    name: String,
    code: &'static str,
    definition: String,
    unit: String,
    nature: String,
    has_values: bool,
    fetch: Option<String>,
    /// Pre-escaped SVG and the rendered table beside it.
    chart: Option<(String, String)>,
    chart_note: String,
    split: Option<String>,
    map: Option<MapView>,
    map_period: String,
    baselines: Vec<BaselineRow>,
    targets: Vec<TargetRow>,
    measures: Vec<(String, &'a str)>,
    csv_href: String,
    xlsx_href: String,
    form: Option<FormView<'a>>,
    form_action: String,
    summary: Vec<SummaryItem>,
}

fn find<'v>(
    values: &'v [IndicatorValue],
    area: &str,
    period: &str,
    category: Option<&str>,
) -> Option<&'v IndicatorValue> {
    values
        .iter()
        .find(|v| v.area == area && v.period == period && v.category.as_deref() == category)
}

/// "Sogn: 9,9 % i 2022, frå 6,1 % i 2013" for each line, for the chart's description.
fn describe(lang: Lang, periods: &[String], lines: &[Line]) -> String {
    let mut parts = vec![];
    for line in lines {
        let known: Vec<(&String, &Point)> = periods
            .iter()
            .zip(&line.points)
            .filter(|(_, p)| p.value.is_some())
            .collect();
        parts.push(match (known.first(), known.last()) {
            (Some(f), Some(l)) if known.len() > 1 => i18n::t_args(
                lang,
                "chart-series",
                &[
                    ("name", &line.label),
                    ("first", &f.1.text),
                    ("from", f.0),
                    ("last", &l.1.text),
                    ("to", l.0),
                ],
            ),
            (_, Some(l)) => i18n::t_args(
                lang,
                "chart-series-one",
                &[("name", &line.label), ("last", &l.1.text), ("to", l.0)],
            ),
            _ => i18n::t_args(lang, "chart-series-none", &[("name", &line.label)]),
        });
    }
    parts.push(tr(lang, "chart-gaps"));
    parts.join(" ")
}

/// The time series of the areas' totals: chart and table.
fn time_series(lang: Lang, page: &IndicatorPage, name: &str) -> Option<(String, String)> {
    let ind = page.indicator;
    // Counts of Sogn, Vestland and Norway differ by orders of magnitude, so a
    // count is drawn for Sogn alone; rates compare the three.
    let codes: &[&str] = match ind.unit {
        Unit::Persons => &["sogn"],
        _ => &["sogn", "46", "0"],
    };
    let used: Vec<&IndicatorValue> = page
        .values
        .iter()
        .filter(|v| v.category.is_none() && codes.contains(&v.area.as_str()))
        .collect();
    let periods: Vec<String> = used
        .iter()
        .map(|v| v.period.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(str::to_string)
        .collect();
    if periods.is_empty() {
        return None;
    }
    let lines: Vec<Line> = codes
        .iter()
        .map(|code| Line {
            label: area_name(lang, page.areas, code),
            points: periods
                .iter()
                .map(|p| point(lang, find(page.values, code, p, None)))
                .collect(),
        })
        .collect();
    let title = if codes.len() == 1 {
        i18n::t_args(lang, "chart-title-sogn", &[("name", name)])
    } else {
        i18n::t_args(lang, "chart-title", &[("name", name)])
    };
    let svg = chart::lines(
        lang,
        &label(lang, ind.unit),
        "ind-chart",
        (&title, &describe(lang, &periods, &lines)),
        &periods,
        &lines,
    );
    let table = FigureTable {
        id: "ind-chart-table".into(),
        caption: i18n::t_args(lang, "chart-table-caption", &[("name", &title)]),
        corner: tr(lang, "ind-col-period"),
        head: lines.iter().map(|l| l.label.clone()).collect(),
        rows: periods
            .iter()
            .map(|p| TableRow {
                id: String::new(),
                label: p.clone(),
                mark: String::new(),
                cells: codes
                    .iter()
                    .map(|code| table_cell(lang, find(page.values, code, p, None)))
                    .collect(),
            })
            .collect(),
        sources: provenance(lang, used.iter().copied()),
        note: uncertain_note(lang, &used),
    };
    Some((svg, render(&table)))
}

/// The latest period in which `area` has categorised figures.
fn latest_categorised<'v>(values: &'v [IndicatorValue], area: &str) -> Option<&'v str> {
    values
        .iter()
        .filter(|v| v.area == area && v.category.is_some())
        .map(|v| v.period.as_str())
        .max()
}

/// Categories of `period`, Sogn's largest first.
fn categories(values: &[IndicatorValue], period: &str) -> Vec<String> {
    let mut cats: Vec<(String, f64)> = vec![];
    for v in values.iter().filter(|v| v.period == period) {
        let Some(c) = &v.category else { continue };
        if !cats.iter().any(|(x, _)| x == c) {
            let sogn = find(values, "sogn", period, Some(c)).and_then(|v| v.value);
            cats.push((c.clone(), sogn.unwrap_or(f64::NEG_INFINITY)));
        }
    }
    cats.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    cats.into_iter().map(|(c, _)| c).collect()
}

/// A table of categories by area for one period.
fn category_table(
    lang: Lang,
    page: &IndicatorPage,
    id: &str,
    caption: String,
    period: &str,
    codes: &[&str],
) -> (Vec<String>, FigureTable) {
    let cats = categories(page.values, period);
    let used: Vec<&IndicatorValue> = page
        .values
        .iter()
        .filter(|v| v.period == period && v.category.is_some() && codes.contains(&v.area.as_str()))
        .collect();
    let table = FigureTable {
        id: id.to_string(),
        caption,
        corner: tr(lang, "ind-col-category"),
        head: codes
            .iter()
            .map(|c| area_name(lang, page.areas, c))
            .collect(),
        rows: cats
            .iter()
            .map(|cat| TableRow {
                id: String::new(),
                label: category_label(cat),
                mark: String::new(),
                cells: codes
                    .iter()
                    .map(|code| table_cell(lang, find(page.values, code, period, Some(cat))))
                    .collect(),
            })
            .collect(),
        sources: provenance(lang, used.iter().copied()),
        note: uncertain_note(lang, &used),
    };
    (cats, table)
}

/// Bars per category for the latest period, Sogn against Norway.
fn breakdown(lang: Lang, page: &IndicatorPage, name: &str) -> Option<(String, String)> {
    let period = latest_categorised(page.values, "sogn")?;
    let codes = ["sogn", "0"];
    let title = i18n::t_args(
        lang,
        "chart-bars-title",
        &[("name", name), ("period", period)],
    );
    let (cats, table) = category_table(
        lang,
        page,
        "ind-chart-table",
        i18n::t_args(lang, "chart-table-caption", &[("name", &title)]),
        period,
        &codes,
    );
    // The chart keeps to the twelve largest; the table has them all.
    let shown: Vec<String> = cats.iter().take(12).cloned().collect();
    let lines: Vec<Line> = codes
        .iter()
        .map(|code| Line {
            label: area_name(lang, page.areas, code),
            points: shown
                .iter()
                .map(|c| point(lang, find(page.values, code, period, Some(c))))
                .collect(),
        })
        .collect();
    let labels: Vec<String> = shown.iter().map(|c| category_label(c)).collect();
    let desc = lines
        .iter()
        .map(|l| {
            let parts: Vec<String> = labels
                .iter()
                .zip(&l.points)
                .map(|(c, p)| format!("{c} {}", p.text))
                .collect();
            format!("{}: {}.", l.label, parts.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" ");
    let svg = chart::bars("ind-chart", (&title, &desc), &labels, &lines);
    Some((svg, render(&table)))
}

/// For a non-breakdown indicator with a split (like years of residence):
/// the latest split for Sogn, Vestland and Norway.
fn split(lang: Lang, page: &IndicatorPage, name: &str) -> Option<String> {
    let period = latest_categorised(page.values, "sogn")?;
    let caption = i18n::t_args(
        lang,
        "ind-split-caption",
        &[("name", name), ("period", period)],
    );
    let (_, table) = category_table(
        lang,
        page,
        "ind-split-table",
        caption,
        period,
        &["sogn", "46", "0"],
    );
    Some(render(&table))
}

/// The map of Vestland for `map_period`, with its legend and table.
fn map_view(lang: Lang, page: &IndicatorPage, name: &str) -> Option<MapView> {
    let period = page.map_period?;
    let ind = page.indicator;
    let municipal = |code: &str| {
        page.areas
            .iter()
            .any(|a| a.code == code && a.kind == AreaKind::Municipality)
    };
    let used: Vec<&IndicatorValue> = page
        .values
        .iter()
        .filter(|v| v.period == period && v.category.is_none() && municipal(&v.area))
        .collect();
    if used.is_empty() {
        return None;
    }
    let of = |code: &str| used.iter().copied().find(|v| v.area == code);
    let figures: Vec<f64> = used.iter().filter_map(|v| v.value).collect();
    let classes = map::classes(&figures);
    let sogn = sogn_parts(page.areas);
    let shapes = &map::VESTLAND.shapes;
    let name_of = |s: &map::Shape| {
        page.areas
            .iter()
            .find(|a| a.code == s.code)
            .map_or(s.name.clone(), |a| a.name.clone())
    };
    let areas: Vec<map::Area> = shapes
        .iter()
        .map(|s| {
            let v = of(&s.code);
            map::Area {
                shape: s,
                class: v.and_then(|v| v.value).map(|x| map::class_of(&classes, x)),
                name: format!("{}: {}", name_of(s), point(lang, v).text),
                highlighted: sogn.contains(&s.code),
            }
        })
        .collect();
    let title = i18n::t_args(lang, "map-title", &[("name", name), ("period", period)]);
    let svg = map::svg("ind-map", &title, &tr(lang, "map-desc"), &areas);
    let mut legend: Vec<(String, String)> = classes
        .iter()
        .enumerate()
        .map(|(i, (lo, hi))| {
            let text = if lo == hi {
                value(lang, ind.unit, *lo)
            } else {
                i18n::t_args(
                    lang,
                    "map-class",
                    &[
                        ("from", &value(lang, ind.unit, *lo)),
                        ("to", &value(lang, ind.unit, *hi)),
                    ],
                )
            };
            (map::swatch("ind-map", Some(i)), text)
        })
        .collect();
    if areas.iter().any(|a| a.class.is_none()) {
        legend.push((map::swatch("ind-map", None), tr(lang, "map-no-data")));
    }
    let table = FigureTable {
        id: "ind-map-table".into(),
        caption: i18n::t_args(
            lang,
            "map-table-caption",
            &[("name", name), ("period", period)],
        ),
        corner: tr(lang, "col-municipality"),
        head: vec![tr(lang, "col-number"), label(lang, ind.unit)],
        rows: shapes
            .iter()
            .map(|s| TableRow {
                id: format!("value-{}", s.code),
                label: name_of(s),
                mark: if sogn.contains(&s.code) {
                    tr(lang, "map-in-sogn")
                } else {
                    String::new()
                },
                cells: vec![s.code.clone(), table_cell(lang, of(&s.code))],
            })
            .collect(),
        sources: provenance(lang, used.iter().copied()),
        note: uncertain_note(lang, &used),
    };
    Some(MapView {
        svg,
        legend,
        table: render(&table),
    })
}

/// The areas a target can be set for: Sogn, its municipalities, Vestland, Norway.
fn target_areas(lang: Lang, areas: &[Area]) -> Vec<(String, String)> {
    std::iter::once("sogn".to_string())
        .chain(sogn_parts(areas))
        .chain(["46".to_string(), "0".to_string()])
        .map(|code| {
            let name = area_name(lang, areas, &code);
            (code, name)
        })
        .collect()
}

pub fn indicator(c: &Chrome, page: &IndicatorPage) -> String {
    let lang = c.lang;
    let ind = page.indicator;
    let name = indicator_name(lang, ind);
    let ctx = Ctx::new(c, name.clone(), Nav::Indicators);
    let chart = match ind.formula {
        Formula::Breakdown { .. } => breakdown(lang, page, &name),
        _ => time_series(lang, page, &name),
    };
    let split = match ind.formula {
        Formula::Breakdown { .. } => None,
        _ => split(lang, page, &name),
    };
    let href = indicator_href(ind.id);
    let form = page.may_set_target.then(|| {
        let mut f = FormView::new("target", page.target_form);
        f.choice_field(
            "area",
            ctx.tr("field-area"),
            Kind::Select,
            "sogn",
            target_areas(lang, page.areas),
        );
        f.field("year", ctx.tr("field-year"), Kind::Input("number"), "");
        f.field("value", ctx.tr("field-value"), Kind::Input("text"), "")
            .hint = Some(i18n::t_args(
            lang,
            "field-value-hint",
            &[("unit", &label(lang, ind.unit))],
        ));
        f.field("note", ctx.tr("field-note"), Kind::TextArea, "");
        f
    });
    render(&Page {
        name: name.clone(),
        code: ind.code,
        definition: indicator_definition(lang, ind),
        unit: label(lang, ind.unit),
        nature: label(lang, ind.nature),
        has_values: !page.values.is_empty(),
        fetch: ind.fetch.map(|f| f.command()),
        chart_note: tr(lang, "chart-hollow-note"),
        chart,
        split,
        map: map_view(lang, page, &name),
        map_period: page.map_period.unwrap_or_default().to_string(),
        baselines: page
            .baselines
            .iter()
            .filter(|b| b.indicator == ind.id)
            .map(|b| BaselineRow {
                area: if b.category.is_empty() {
                    area_name(lang, page.areas, b.area)
                } else {
                    format!("{}, {}", area_name(lang, page.areas, b.area), b.category)
                },
                period: b.period.to_string(),
                value: value(lang, ind.unit, b.value),
                text: b.text.to_string(),
                source: b.source.to_string(),
            })
            .collect(),
        targets: page
            .targets
            .iter()
            .filter(|t| t.indicator == ind.id)
            .map(|t| TargetRow {
                area: area_name(lang, page.areas, &t.area),
                year: t.year,
                value: value(lang, ind.unit, t.value),
                note: t.note.clone(),
            })
            .collect(),
        measures: page
            .measures
            .iter()
            .map(|(id, title)| (measure_href(id), *title))
            .collect(),
        csv_href: format!("{href}.csv"),
        xlsx_href: format!("{href}.xlsx"),
        summary: form.as_ref().map(FormView::summary).unwrap_or_default(),
        form,
        form_action: format!("{href}/targets"),
        ctx,
    })
}
