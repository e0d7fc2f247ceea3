//! How official figures read on a page: numbers per language, values with
//! their unit, the status of a missing figure, area and indicator names, and
//! the provenance line every figure carries.

use std::collections::BTreeSet;

use domain::indicators::{IndicatorValue, Unit};
use domain::stats::Area;
use i18n::Lang;

use crate::format::date;
use crate::labels::tr;

/// A number with the language's digit grouping and decimal mark: "12 097" and
/// "9,9" in nynorsk and bokmål (with a no-break space, so a figure never
/// breaks over two lines), "12,097" and "9.9" in English.
pub fn number(lang: Lang, value: f64, decimals: usize) -> String {
    let (group, point) = match lang {
        Lang::En => (",", "."),
        Lang::Nn | Lang::Nb => ("\u{a0}", ","),
    };
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push_str(group);
        }
        grouped.push(ch);
    }
    // "-0,0" would read as a figure below zero that is not there.
    let negative = value < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let sign = if negative { "\u{2212}" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{point}{frac}")
    }
}

/// Decimals shown per unit: persons are whole, rates have one decimal.
pub fn decimals(unit: Unit) -> usize {
    match unit {
        Unit::Persons => 0,
        Unit::Percent | Unit::PerThousand => 1,
    }
}

/// A value with its unit sign: "9,9 %", "4,2 ‰", "12 097"; "9.9%" in English.
pub fn value(lang: Lang, unit: Unit, v: f64) -> String {
    let n = number(lang, v, decimals(unit));
    let space = if lang == Lang::En { "" } else { "\u{a0}" };
    match unit {
        Unit::Persons => n,
        Unit::Percent => format!("{n}{space}%"),
        Unit::PerThousand => format!("{n}{space}‰"),
    }
}

/// What a status code means: SSB writes ".." for missing, ":" for
/// suppressed, "." for what cannot exist and "-" for nothing to report.
pub fn status_label(lang: Lang, code: Option<&str>) -> String {
    match code {
        Some(":") => tr(lang, "stat-suppressed"),
        Some(".") => tr(lang, "stat-not-applicable"),
        Some("-") => tr(lang, "stat-nil"),
        _ => tr(lang, "stat-missing"),
    }
}

/// A figure as a table cell shows it: the value, "*" when uncertain, or the
/// status in words with its code ("manglar (..)"), never 0 in its place.
pub fn cell(lang: Lang, v: &IndicatorValue) -> String {
    match v.value {
        Some(x) if v.uncertain => format!("{}*", value(lang, v.unit, x)),
        Some(x) => value(lang, v.unit, x),
        None => missing(lang, v.status.as_deref()),
    }
}

/// A missing figure in words, with the publisher's code when there is one.
pub fn missing(lang: Lang, status: Option<&str>) -> String {
    let label = status_label(lang, status);
    match status {
        Some(code) if !code.is_empty() => {
            i18n::t_args(lang, "stat-with-code", &[("label", &label), ("code", code)])
        }
        _ => label,
    }
}

/// An area's name: Norway in the page's language, the others as `areas`
/// names them, falling back to the code.
pub fn area_name(lang: Lang, areas: &[Area], code: &str) -> String {
    match code {
        "0" => tr(lang, "area-norway"),
        _ => match areas.iter().find(|a| a.code == code) {
            Some(a) => a.name.clone(),
            None if code == "sogn" => tr(lang, "area-sogn"),
            None if code == "46" => tr(lang, "area-vestland"),
            None => code.to_string(),
        },
    }
}

/// The municipalities of Sogn, as the areas list the region's parts: the
/// region is defined once, where the areas are made.
pub fn sogn_parts(areas: &[Area]) -> Vec<String> {
    areas
        .iter()
        .find(|a| a.code == "sogn")
        .map(|a| a.parts.clone())
        .unwrap_or_default()
}

/// "2013–2022", or one period alone.
pub fn period_span(periods: &BTreeSet<&str>) -> String {
    match (periods.first(), periods.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    }
}

/// One line per source of these values: "Kjelde: SSB, tabell 07459,
/// 2013–2022, henta 3. mars 2025", with the source's "updated" stamp when it
/// has one. A screen figure always says where it came from.
pub fn provenance<'v>(
    lang: Lang,
    values: impl IntoIterator<Item = &'v IndicatorValue>,
) -> Vec<String> {
    // Grouped by publisher, table and update stamp; the latest retrieval wins.
    let mut groups: Vec<(&IndicatorValue, BTreeSet<&str>)> = vec![];
    for v in values {
        let key = |x: &IndicatorValue| {
            (
                x.source.publisher.clone(),
                x.source.table.clone(),
                x.source.updated.clone(),
            )
        };
        match groups.iter_mut().find(|(g, _)| key(g) == key(v)) {
            Some((g, periods)) => {
                periods.insert(&v.period);
                if v.source.retrieved > g.source.retrieved {
                    *g = v;
                }
            }
            None => groups.push((v, BTreeSet::from([v.period.as_str()]))),
        }
    }
    groups
        .into_iter()
        .map(|(v, periods)| {
            let retrieved = date(lang, v.source.retrieved.date());
            let period = period_span(&periods);
            let mut args = vec![
                ("publisher", v.source.publisher.as_str()),
                ("table", v.source.table.as_str()),
                ("period", period.as_str()),
                ("retrieved", retrieved.as_str()),
            ];
            match &v.source.updated {
                Some(updated) => {
                    args.push(("updated", updated.as_str()));
                    i18n::t_args(lang, "stat-source-updated", &args)
                }
                None => i18n::t_args(lang, "stat-source", &args),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_per_language() {
        assert_eq!(number(Lang::Nn, 12097.0, 0), "12\u{a0}097");
        assert_eq!(number(Lang::En, 12097.0, 0), "12,097");
        assert_eq!(number(Lang::Nb, 1234567.25, 1), "1\u{a0}234\u{a0}567,2");
        assert_eq!(number(Lang::Nn, 999.0, 0), "999");
        assert_eq!(number(Lang::Nn, -4.25, 1), "\u{2212}4,2");
        assert_eq!(number(Lang::Nn, -0.01, 1), "0,0");
        assert_eq!(value(Lang::Nn, Unit::Percent, 9.94), "9,9\u{a0}%");
        assert_eq!(value(Lang::En, Unit::Percent, 9.94), "9.9%");
        assert_eq!(value(Lang::Nn, Unit::PerThousand, 4.2), "4,2\u{a0}‰");
    }

    #[test]
    fn statuses_are_words_with_their_code() {
        assert_eq!(missing(Lang::Nn, Some("..")), "manglar (..)");
        assert_eq!(missing(Lang::Nn, Some(":")), "skjerma (:)");
        assert_eq!(missing(Lang::En, None), "missing");
    }
}
