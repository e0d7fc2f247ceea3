//! The indicator pages with hand-made figures: a missing value (".."), a
//! suppressed one (":") and an uncertain one, and what a reader, a screen
//! reader and a spreadsheet get from them.

use domain::indicators::{
    Baseline, Formula, Indicator, IndicatorValue, Nature, Series, SourceRef, Target, Unit,
};
use domain::stats::{Area, AreaKind};
use render::{Chrome, Form, IndicatorPage, IndicatorSummary, Lang, MeasurePage};
use time::macros::datetime;

const SSB: Series = Series {
    publisher: "Statistisk sentralbyrå",
    table: "09817",
    measure: "Personer1",
    dims: &[("InnvandrKat", "B")],
};
const POP: Series = Series {
    publisher: "Statistisk sentralbyrå",
    table: "07459",
    measure: "Personer1",
    dims: &[],
};

pub fn share() -> Indicator {
    Indicator {
        id: "immigrant-share",
        code: "I1",
        unit: Unit::Percent,
        nature: Nature::Stock,
        formula: Formula::Ratio {
            numerator: SSB,
            denominator: POP,
            scale: 100.0,
            split: None,
        },
        strategies: &[1],
        measures: &["mentorprogram"],
        fetch: None,
    }
}

pub fn population() -> Indicator {
    Indicator {
        id: "population",
        code: "",
        unit: Unit::Persons,
        nature: Nature::Stock,
        formula: Formula::Count(POP),
        strategies: &[],
        measures: &[],
        fetch: None,
    }
}

pub fn by_country() -> Indicator {
    Indicator {
        id: "immigrants-by-country",
        code: "I2",
        unit: Unit::Percent,
        nature: Nature::Stock,
        formula: Formula::Breakdown {
            parts: SSB,
            dimension: "Landbakgrunn",
            total: "999",
            scale: 100.0,
        },
        strategies: &[],
        measures: &[],
        fetch: None,
    }
}

pub fn employment() -> Indicator {
    Indicator {
        id: "employment-immigrants",
        code: "I5",
        unit: Unit::Percent,
        nature: Nature::Stock,
        formula: Formula::Count(SSB),
        strategies: &[],
        measures: &[],
        fetch: Some(domain::indicators::Fetch {
            table: "11607",
            query: "Region=K-4638",
        }),
    }
}

fn muni(code: &str, name: &str) -> Area {
    Area {
        code: code.into(),
        name: name.into(),
        kind: AreaKind::Municipality,
        valid_from: Some(2020),
        valid_to: None,
        parts: vec!["46".into()],
        successor: None,
    }
}

pub fn areas() -> Vec<Area> {
    let sogn = [
        ("4638", "Høyanger"),
        ("4639", "Vik"),
        ("4640", "Sogndal"),
        ("4641", "Aurland"),
        ("4642", "Lærdal"),
        ("4643", "Årdal"),
        ("4644", "Luster"),
    ];
    let mut areas: Vec<Area> = sogn.iter().map(|(c, n)| muni(c, n)).collect();
    areas.push(muni("4601", "Bergen"));
    areas.push(Area {
        code: "sogn".into(),
        name: "Sogn".into(),
        kind: AreaKind::Region,
        valid_from: None,
        valid_to: None,
        parts: sogn.iter().map(|(c, _)| c.to_string()).collect(),
        successor: None,
    });
    areas.push(Area {
        code: "46".into(),
        name: "Vestland".into(),
        kind: AreaKind::County,
        valid_from: Some(2020),
        valid_to: None,
        parts: vec![],
        successor: None,
    });
    areas
}

fn v(unit: Unit, table: &str, area: &str, period: &str, value: Option<f64>) -> IndicatorValue {
    IndicatorValue {
        area: area.into(),
        period: period.into(),
        category: None,
        value,
        numerator: None,
        denominator: None,
        status: value.is_none().then(|| "..".to_string()),
        uncertain: false,
        unit,
        source: SourceRef {
            publisher: "Statistisk sentralbyrå".into(),
            table: table.into(),
            retrieved: datetime!(2025-03-01 10:00 UTC),
            updated: Some("2024-02-21".into()),
        },
    }
}

/// Immigrant share 2020–2022 for Sogn, Vestland and Norway, Sogn's 2021
/// missing; 2022 for the municipalities, Lærdal suppressed and Aurland uncertain.
pub fn share_values() -> Vec<IndicatorValue> {
    let p = |area, period, x| v(Unit::Percent, "09817", area, period, x);
    let mut out = vec![
        p("sogn", "2020", Some(8.1)),
        p("sogn", "2021", None),
        p("sogn", "2022", Some(9.94)),
        p("46", "2020", Some(10.2)),
        p("46", "2021", Some(10.6)),
        p("46", "2022", Some(11.3)),
        p("0", "2020", Some(14.7)),
        p("0", "2021", Some(15.0)),
        p("0", "2022", Some(15.8)),
    ];
    for (code, x) in [
        ("4638", 7.2),
        ("4639", 6.1),
        ("4640", 10.4),
        ("4643", 12.0),
        ("4644", 8.8),
        ("4601", 13.5),
    ] {
        out.push(p(code, "2022", Some(x)));
    }
    let mut aurland = p("4641", "2022", Some(15.2));
    aurland.uncertain = true;
    aurland.numerator = Some(3.0);
    aurland.denominator = Some(19.7);
    out.push(aurland);
    let mut laerdal = p("4642", "2022", None);
    laerdal.status = Some(":".into());
    out.push(laerdal);
    out
}

fn population_values() -> Vec<IndicatorValue> {
    let p = |area, period, x| v(Unit::Persons, "07459", area, period, Some(x));
    vec![
        p("sogn", "2021", 32_800.0),
        p("sogn", "2022", 32_955.0),
        p("4640", "2022", 12_097.0),
        p("4601", "2022", 289_330.0),
    ]
}

fn country_values() -> Vec<IndicatorValue> {
    let mut out = vec![];
    for (area, syria, poland) in [("sogn", Some(21.5), Some(12.0)), ("0", Some(5.1), None)] {
        for (c, x) in [("816 Syria", syria), ("Polen", poland)] {
            let mut value = v(Unit::Percent, "09817", area, "2022", x);
            value.category = Some(c.into());
            out.push(value);
        }
    }
    out
}

pub const BASELINES: &[Baseline] = &[Baseline {
    indicator: "immigrant-share",
    area: "sogn",
    category: "",
    period: "2020",
    value: 8.1,
    text: "Om lag 8 % av innbyggjarane i Sogn er innvandrarar.",
    source: "SSB 2020",
}];

pub fn targets() -> Vec<Target> {
    vec![Target {
        indicator: "immigrant-share".into(),
        area: "sogn".into(),
        year: 2030,
        value: 12.0,
        note: "Veksten held fram".into(),
    }]
}

/// The indicator pages and the overview, for the checks every page gets.
pub fn pages(c: &Chrome) -> Vec<(String, String)> {
    let areas = areas();
    let (share, population, by_country, employment) =
        (share(), population(), by_country(), employment());
    let (sv, pv, cv) = (share_values(), population_values(), country_values());
    let targets = targets();
    let errors = Form {
        values: vec![("value".into(), "mykje".into())],
        errors: vec![("value".into(), "Skriv eit tal.".into())],
    };
    let mut out = vec![];
    for (name, ind, values, may, form) in [
        ("share", &share, &sv[..], true, &errors),
        ("population", &population, &pv[..], false, &errors),
        ("by-country", &by_country, &cv[..], false, &errors),
        ("employment", &employment, &[][..], true, &Form::default()),
    ] {
        let p = IndicatorPage {
            indicator: ind,
            values,
            areas: &areas,
            map_period: (!values.is_empty()).then_some("2022"),
            baselines: BASELINES,
            targets: &targets,
            measures: vec![("mentorprogram", "Mentorprogram")],
            may_set_target: may,
            target_form: form,
        };
        out.push((format!("indicator/{name}"), render::indicator(c, &p)));
    }
    let rows = [
        IndicatorSummary {
            indicator: &share,
            sogn: sv.iter().find(|x| x.area == "sogn" && x.period == "2022"),
            vestland: sv.iter().find(|x| x.area == "46" && x.period == "2022"),
            norway: sv.iter().find(|x| x.area == "0" && x.period == "2022"),
            trend: vec![
                ("2020".into(), Some(8.1)),
                ("2021".into(), None),
                ("2022".into(), Some(9.94)),
            ],
            target: targets.first(),
        },
        IndicatorSummary {
            indicator: &employment,
            sogn: None,
            vestland: None,
            norway: None,
            trend: vec![],
            target: None,
        },
    ];
    out.push(("indicators".into(), render::indicators(c, &rows)));
    out
}

fn chrome(lang: Lang) -> Chrome<'static> {
    Chrome {
        lang,
        user: None,
        here: "/indicators",
    }
}

fn share_page(c: &Chrome) -> String {
    let (ind, values, areas, targets) = (share(), share_values(), areas(), targets());
    render::indicator(
        c,
        &IndicatorPage {
            indicator: &ind,
            values: &values,
            areas: &areas,
            map_period: Some("2022"),
            baselines: BASELINES,
            targets: &targets,
            measures: vec![("mentorprogram", "Mentorprogram")],
            may_set_target: true,
            target_form: &Form::default(),
        },
    )
}

/// The row of a table whose header cell is `label`.
fn row<'h>(html: &'h str, table_id: &str, label: &str) -> &'h str {
    let table = &html[html.find(&format!("id=\"{table_id}\"")).expect(table_id)..];
    let table = &table[..table.find("</table>").unwrap()];
    let at = table
        .find(&format!("<th scope=\"row\">{label}"))
        .unwrap_or_else(|| panic!("{table_id}: no row {label}"));
    let rest = &table[at..];
    &rest[..rest.find("</tr>").unwrap()]
}

#[test]
fn missing_figures_are_gaps_and_words_never_zero() {
    let html = share_page(&chrome(Lang::Nn));
    let r = row(&html, "ind-chart-table", "2021");
    assert!(r.contains("<td class=\"num\">manglar (..)</td>"), "{r}");
    assert!(!r.contains(">0"), "{r}");
    // Sogn's line: two pieces, one before and one after the gap.
    let svg = &html[html.find("<svg class=\"chart\"").unwrap()..];
    let sogn = svg.split("<path d=\"").nth(1).unwrap();
    let d = &sogn[..sogn.find('"').unwrap()];
    assert_eq!(d.matches('M').count(), 2, "{d}");
    assert!(svg
        .contains("<title id=\"ind-chart-title\">Innvandrardel i Sogn, Vestland og Noreg</title>"));
    assert!(svg.contains("Sogn: 9,9\u{a0}% i 2022, frå 8,1\u{a0}% i 2020."));
    assert!(svg.contains("ikkje null"));
    // Suppressed and uncertain figures in the map's table.
    let laerdal = row(&html, "ind-map-table", "Lærdal");
    assert!(laerdal.contains("skjerma (:)"), "{laerdal}");
    let aurland = row(&html, "ind-map-table", "Aurland");
    assert!(aurland.contains("15,2\u{a0}%* (3 av 20)"), "{aurland}");
    assert!(html.contains("* Usikkert tal"));
}

#[test]
fn the_map_has_a_focusable_shape_per_municipality_and_marks_sogn() {
    let html = share_page(&chrome(Lang::Nn));
    let map = &html[html.find("<svg class=\"map\"").unwrap()..];
    let map = &map[..map.find("</svg>").unwrap()];
    assert_eq!(
        map.matches("<a class=\"map-link\" href=\"#value-46")
            .count(),
        43
    );
    assert_eq!(map.matches("map-area--sogn").count(), 7);
    assert!(map.contains("aria-label=\"Sogndal: 10,4\u{a0}%\""));
    assert!(map.contains("aria-label=\"Lærdal: skjerma (:)\""));
    assert!(map.contains("url(#ind-map-nodata)"), "no data is hatched");
    for code in ["4601", "4640", "4651"] {
        assert!(
            html.contains(&format!("<tr id=\"value-{code}\">")),
            "{code}"
        );
    }
    assert!(row(&html, "ind-map-table", "Sogndal").contains("(Sogn)"));
    assert!(!row(&html, "ind-map-table", "Bergen").contains("(Sogn)"));
    let population = pages(&chrome(Lang::Nn))
        .into_iter()
        .find(|(n, _)| n == "indicator/population")
        .unwrap()
        .1;
    assert!(population.contains("aria-label=\"Sogndal: 12\u{a0}097\""));
    let en = pages(&chrome(Lang::En))
        .into_iter()
        .find(|(n, _)| n == "indicator/population")
        .unwrap()
        .1;
    assert!(en.contains("aria-label=\"Sogndal: 12,097\""));
}

#[test]
fn every_figure_table_says_where_it_came_from() {
    let html = share_page(&chrome(Lang::Nn));
    assert!(html.contains(
        "Kjelde: Statistisk sentralbyrå, tabell 09817, 2020–2022, henta 1. mars 2025, oppdatert 2024-02-21"
    ));
    assert!(html.contains("Kjelde: Statistisk sentralbyrå, tabell 09817, 2022, henta 1. mars 2025"));
    let en = share_page(&chrome(Lang::En));
    assert!(en.contains(
        "Source: Statistisk sentralbyrå, table 09817, 2020–2022, retrieved 1 March 2025"
    ));
}

#[test]
fn the_page_has_definition_baseline_targets_measures_exports_and_form() {
    let html = share_page(&chrome(Lang::Nn));
    assert!(html.contains("innvandringskategori B"));
    assert!(html.contains("Behaldning"));
    assert!(html.contains("Om lag 8 % av innbyggjarane i Sogn er innvandrarar."));
    assert!(html.contains("12,0\u{a0}%"));
    assert!(html.contains("Veksten held fram"));
    assert!(html.contains("href=\"/measures/mentorprogram\""));
    assert!(html.contains("href=\"/indicators/immigrant-share.csv\""));
    assert!(html.contains("href=\"/indicators/immigrant-share.xlsx\""));
    assert!(html.contains("action=\"/indicators/immigrant-share/targets\""));
    for code in ["sogn", "4638", "4644", "46", "0"] {
        assert!(
            html.contains(&format!("<option value=\"{code}\"")),
            "{code}"
        );
    }
    let pages = pages(&chrome(Lang::Nn));
    let share = &pages
        .iter()
        .find(|(n, _)| n == "indicator/share")
        .unwrap()
        .1;
    assert!(share.contains("id=\"target-value-error\">Skriv eit tal.</p>"));
    assert!(share.contains("href=\"#target-value\""));
    let bars = &pages
        .iter()
        .find(|(n, _)| n == "indicator/by-country")
        .unwrap()
        .1;
    assert!(bars.contains("<svg class=\"chart chart-bars\""));
    assert!(row(bars, "ind-chart-table", "816 Syria").contains("21,5\u{a0}%"));
    assert!(row(bars, "ind-chart-table", "Polen").contains("manglar (..)"));
    let empty = &pages
        .iter()
        .find(|(n, _)| n == "indicator/employment")
        .unwrap()
        .1;
    assert!(empty.contains("<code>bulyst stats fetch 11607 --query &#39;Region=K-4638&#39;</code>"));
    assert!(!empty.contains("<svg class=\"chart"));
}

#[test]
fn the_overview_shows_latest_figures_trend_target_and_fetch() {
    let pages = pages(&chrome(Lang::Nn));
    let html = &pages.iter().find(|(n, _)| n == "indicators").unwrap().1;
    assert!(html.contains("<td class=\"num\">9,9\u{a0}% (2022)</td>"));
    assert!(html.contains("<td class=\"num\">15,8\u{a0}% (2022)</td>"));
    assert!(html.contains("<svg class=\"sparkline\" role=\"img\" aria-label=\"Utvikling i Sogn frå 2020 til 2022: frå 8,1\u{a0}% til 9,9\u{a0}%\""));
    assert!(html.contains("12,0\u{a0}% i 2030 (Sogn)"));
    assert!(html.contains("<code>bulyst stats fetch 11607 --query &#39;Region=K-4638&#39;</code>"));
    assert!(html.contains("href=\"/indicators/immigrant-share\""));
}

#[test]
fn csv_and_xlsx_carry_every_row_with_its_status() {
    let (ind, values, areas) = (share(), share_values(), areas());
    let page = IndicatorPage {
        indicator: &ind,
        values: &values,
        areas: &areas,
        map_period: Some("2022"),
        baselines: &[],
        targets: &[],
        measures: vec![],
        may_set_target: false,
        target_form: &Form::default(),
    };
    let csv = render::indicator_csv(&page);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "area,area_name,period,category,value,numerator,denominator,status,uncertain,unit,publisher,table,retrieved"
    );
    assert_eq!(
        lines.len(),
        values.len() + 2,
        "header, rows, final line end"
    );
    assert!(lines.contains(
        &"sogn,Sogn,2021,,,,,..,false,percent,Statistisk sentralbyrå,09817,2025-03-01T10:00:00Z"
    ));
    assert!(lines.contains(
        &"4641,Aurland,2022,,15.2,3,19.7,,true,percent,Statistisk sentralbyrå,09817,2025-03-01T10:00:00Z"
    ));
    assert!(lines.contains(
        &"0,Noreg,2022,,15.8,,,,false,percent,Statistisk sentralbyrå,09817,2025-03-01T10:00:00Z"
    ));

    let xlsx = render::indicator_xlsx(&page);
    assert!(xlsx.starts_with(b"PK\x03\x04"), "a zip file");
    let has = |name: &[u8]| xlsx.windows(name.len()).any(|w| w == name);
    assert!(has(b"xl/worksheets/sheet1.xml"));
    assert!(has(b"xl/worksheets/sheet2.xml"));
    assert!(has(b"PK\x05\x06"), "with its central directory");
}

#[test]
fn a_measure_page_links_the_indicators_it_serves() {
    let s = super::snapshot();
    let html = render::measure(
        &chrome(Lang::Nn),
        &s,
        &MeasurePage {
            id: "mentorprogram",
            may_edit: false,
            form: &Form::default(),
            indicators: vec![("immigrant-share", "Innvandrardel".into())],
        },
    );
    assert!(html.contains("Indikatorar dette tiltaket skal påverke"));
    assert!(html
        .contains("<a class=\"ds-link\" href=\"/indicators/immigrant-share\">Innvandrardel</a>"));
}

#[test]
fn a_split_shows_its_counts_beside_the_total() {
    let (ind, areas) = (share(), areas());
    let mut values = share_values();
    let mut five = v(
        Unit::Percent,
        "flyktning_botid_flytting",
        "sogn",
        "2022",
        Some(77.8125),
    );
    five.category = Some("Botid i Norge=5+ år".into());
    five.numerator = Some(498.0);
    five.denominator = Some(640.0);
    values.push(five);
    let html = render::indicator(
        &chrome(Lang::Nn),
        &IndicatorPage {
            indicator: &ind,
            values: &values,
            areas: &areas,
            map_period: None,
            baselines: &[],
            targets: &[],
            measures: vec![],
            may_set_target: false,
            target_form: &Form::default(),
        },
    );
    let r = row(&html, "ind-split-table", "Botid i Norge: 5+ år");
    assert!(r.contains("77,8\u{a0}% (498 av 640)"), "{r}");
    assert!(r.contains("manglar"), "Vestland has no split: {r}");
    assert!(
        !html.contains("<svg class=\"map\""),
        "no map without a period"
    );
    assert!(
        !html.contains("action=\"/indicators/"),
        "no form without the right"
    );
}
