//! From observations to indicator values, for municipalities, the Sogn
//! region, the county and the country. Regions are sums of counts; a rate is
//! the sum of numerators over the sum of denominators. A missing part makes
//! the sum missing: nothing is filled in.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use crate::indicators::{
    Formula, Indicator, IndicatorValue, Series, SourceRef, Unit, MIN_COUNT, MIN_DENOMINATOR,
};
use crate::stats::{Area, AreaKind, Observation};

/// The observations of one series, with the source of each.
pub type Found = [(Observation, SourceRef)];

type Row = (Observation, SourceRef);

/// Observations by period and area, so that sums look at a handful of rows
/// instead of scanning a whole table for every area, period and category.
pub struct Index<'a> {
    /// period → area → rows.
    by: HashMap<&'a str, HashMap<&'a str, Vec<&'a Row>>>,
    /// period → the areas observed in it.
    observed: HashMap<&'a str, BTreeSet<&'a str>>,
    /// (area, period) → the areas whose rows add up to it; the same for every
    /// category and series of one index, so worked out once.
    members: RefCell<HashMap<(String, String), Vec<String>>>,
    periods: BTreeSet<&'a str>,
}

impl<'a> Index<'a> {
    pub fn new(found: &'a Found) -> Self {
        let mut by: HashMap<&str, HashMap<&str, Vec<&Row>>> = HashMap::new();
        let mut periods = BTreeSet::new();
        for row in found {
            let o = &row.0;
            by.entry(o.period.as_str())
                .or_default()
                .entry(o.area.as_str())
                .or_default()
                .push(row);
            periods.insert(o.period.as_str());
        }
        let observed = by
            .iter()
            .map(|(p, areas)| (*p, areas.keys().copied().collect()))
            .collect();
        Index {
            by,
            observed,
            members: RefCell::default(),
            periods,
        }
    }

    fn rows(&self, period: &str, area: &str) -> &[&'a Row] {
        self.by
            .get(period)
            .and_then(|areas| areas.get(area))
            .map_or(&[], |v| v.as_slice())
    }

    fn observed(&self, period: &str) -> BTreeSet<&'a str> {
        self.observed.get(period).cloned().unwrap_or_default()
    }

    /// The areas whose rows make up `area` in `period`.
    fn members(&self, geo: &Geography, area: &str, period: &str) -> Vec<String> {
        let key = (area.to_string(), period.to_string());
        if let Some(m) = self.members.borrow().get(&key) {
            return m.clone();
        }
        let year: i32 = period.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
        let empty = BTreeSet::new();
        let observed = self.observed.get(period).unwrap_or(&empty);
        let m = geo
            .members(area, year, observed)
            .unwrap_or_else(|| vec![area.to_string()]);
        self.members.borrow_mut().insert(key, m.clone());
        m
    }
}

/// Which observation areas make up an area in a year.
pub struct Geography<'a> {
    areas: HashMap<&'a str, &'a Area>,
}

impl<'a> Geography<'a> {
    pub fn new(areas: &'a [Area]) -> Self {
        Geography {
            areas: areas.iter().map(|a| (a.code.as_str(), a)).collect(),
        }
    }

    fn area(&self, code: &str) -> Option<&'a Area> {
        self.areas.get(code).copied()
    }

    /// The code an old municipality's figures count toward in later boundaries.
    fn current(&self, code: &str) -> String {
        let mut code = code.to_string();
        for _ in 0..8 {
            match self.area(&code).and_then(|a| a.successor.clone()) {
                Some(next) => code = next,
                None => break,
            }
        }
        code
    }

    /// Municipality codes (as observed in `year`) that add up to `area`.
    /// `None` means "take the area's own observation".
    fn members(&self, area: &str, year: i32, observed: &BTreeSet<&str>) -> Option<Vec<String>> {
        let a = self.area(area)?;
        match a.kind {
            AreaKind::Region => Some(
                a.parts
                    .iter()
                    .flat_map(|p| {
                        self.members(p, year, observed)
                            .unwrap_or_else(|| vec![p.clone()])
                    })
                    .collect(),
            ),
            AreaKind::Municipality if !a.valid_in(year) || !observed.contains(area) => {
                // Boundaries changed: sum the predecessors that were observed.
                let before: Vec<String> = observed
                    .iter()
                    .filter(|o| **o != area && self.current(o) == area)
                    .map(|o| o.to_string())
                    .collect();
                (!before.is_empty()).then_some(before)
            }
            AreaKind::County if !observed.contains(area) => {
                let inside: Vec<String> = observed
                    .iter()
                    .filter(|o| {
                        o.len() == 4
                            && o.starts_with(area)
                            && self.area(o).is_none_or(|m| m.valid_in(year))
                    })
                    .map(|o| o.to_string())
                    .collect();
                (!inside.is_empty()).then_some(inside)
            }
            AreaKind::Country if !observed.contains(area) => {
                let all: Vec<String> = observed
                    .iter()
                    .filter(|o| {
                        self.area(o).is_some_and(|m| {
                            matches!(m.kind, AreaKind::Municipality | AreaKind::Other)
                        })
                    })
                    .map(|o| o.to_string())
                    .collect();
                (!all.is_empty()).then_some(all)
            }
            _ => None,
        }
    }
}

/// A sum over the members of an area, or why there is none.
#[derive(Debug, Clone, PartialEq)]
struct Sum {
    value: Option<f64>,
    status: Option<String>,
    source: Option<SourceRef>,
}

fn matches_dims(o: &Observation, series: &Series, extra: Option<(&str, &str)>) -> bool {
    series
        .dims
        .iter()
        .chain(extra.iter())
        .all(|(k, v)| o.dims.iter().any(|(dk, dv)| dk == k && dv == v))
}

fn sum(
    found: &Index,
    series: &Series,
    area: &str,
    period: &str,
    extra: Option<(&str, &str)>,
    geo: &Geography,
) -> Sum {
    let members = found.members(geo, area, period);
    let mut total = 0.0;
    let mut source = None;
    for m in &members {
        let row = found
            .rows(period, m)
            .iter()
            .find(|(o, _)| o.measure == series.measure && matches_dims(o, series, extra));
        let Some((o, s)) = row else {
            return Sum {
                value: None,
                status: None,
                source,
            };
        };
        source.get_or_insert_with(|| s.clone());
        match o.value {
            Some(v) => total += v,
            None => {
                return Sum {
                    value: None,
                    status: o.status.clone().or(Some("..".into())),
                    source,
                };
            }
        }
    }
    Sum {
        value: Some(total),
        status: None,
        source,
    }
}

/// The values of an indicator for `areas`, for every period the data has.
pub fn values(
    indicator: &Indicator,
    found: &Found,
    denominators: &Found,
    areas: &[&str],
    geo: &Geography,
) -> Vec<IndicatorValue> {
    let (found, denominators) = (&Index::new(found), &Index::new(denominators));
    let periods = found.periods.clone();
    let mut out = Vec::new();
    for period in periods {
        for area in areas {
            match &indicator.formula {
                Formula::Count(series) => {
                    let s = sum(found, series, area, period, None, geo);
                    if let Some(source) = s.source {
                        out.push(IndicatorValue {
                            area: area.to_string(),
                            period: period.to_string(),
                            category: None,
                            uncertain: s.value.is_some_and(|v| v < MIN_COUNT),
                            value: s.value,
                            numerator: None,
                            denominator: None,
                            status: s.status,
                            unit: indicator.unit,
                            source,
                        });
                    }
                }
                Formula::Ratio {
                    numerator,
                    denominator,
                    scale,
                    split,
                } => {
                    let mut splits: Vec<Option<(&str, &str)>> = vec![None];
                    if let Some((dimension, total)) = split {
                        splits = vec![Some((*dimension, *total))];
                        splits.extend(
                            categories(found, period, dimension)
                                .into_iter()
                                .filter(|c| c != total)
                                .map(|c| Some((*dimension, c))),
                        );
                    }
                    for extra in splits {
                        let n = sum(found, numerator, area, period, extra, geo);
                        let d = sum(denominators, denominator, area, period, extra, geo);
                        // The total category is the indicator's headline value; the others are its split.
                        let category = extra
                            .filter(|(_, c)| split.map(|(_, t)| t) != Some(*c))
                            .map(|(d, c)| format!("{d}={c}"));
                        if let Some(v) = ratio(
                            indicator.unit,
                            area,
                            period,
                            category.as_deref(),
                            n,
                            d,
                            *scale,
                        ) {
                            out.push(v);
                        }
                    }
                }
                Formula::PublishedRate { rate, weight } => {
                    if let Some(v) = weighted(
                        indicator.unit,
                        found,
                        denominators,
                        rate,
                        weight,
                        area,
                        period,
                        geo,
                    ) {
                        out.push(v);
                    }
                }
                Formula::Breakdown {
                    parts,
                    dimension,
                    total,
                    scale,
                } => {
                    let whole = sum(found, parts, area, period, Some((dimension, total)), geo);
                    for category in categories(found, period, dimension)
                        .into_iter()
                        .filter(|c| c != total)
                    {
                        let part =
                            sum(found, parts, area, period, Some((dimension, category)), geo);
                        if let Some(v) = ratio(
                            indicator.unit,
                            area,
                            period,
                            Some(category),
                            part,
                            whole.clone(),
                            *scale,
                        ) {
                            out.push(v);
                        }
                    }
                }
            }
        }
    }
    out
}

/// The categories of `dimension` observed in `period`, in order.
fn categories<'f>(found: &Index<'f>, period: &str, dimension: &str) -> Vec<&'f str> {
    let set: BTreeSet<&str> = found
        .observed(period)
        .into_iter()
        .flat_map(|area| found.rows(period, area).iter())
        .flat_map(|(o, _)| {
            o.dims
                .iter()
                .filter(|(k, _)| k == dimension)
                .map(|(_, v)| v.as_str())
        })
        .collect();
    set.into_iter().collect()
}

/// A published rate, weighted over the members of a region.
#[allow(clippy::too_many_arguments)]
fn weighted(
    unit: Unit,
    rates: &Index,
    weights: &Index,
    rate: &Series,
    weight: &Series,
    area: &str,
    period: &str,
    geo: &Geography,
) -> Option<IndicatorValue> {
    let members = rates.members(geo, area, period);
    let direct = members.len() == 1 && members[0] == area;
    let mut source = None;
    let (mut weighted_sum, mut weight_sum) = (0.0, 0.0);
    let mut status = None;
    for m in &members {
        let r = sum(rates, rate, m, period, None, geo);
        source = source.or(r.source.clone());
        if direct {
            return Some(IndicatorValue {
                area: area.to_string(),
                period: period.to_string(),
                category: None,
                uncertain: false,
                value: r.value,
                numerator: None,
                denominator: None,
                status: r.status,
                unit,
                source: r.source?,
            });
        }
        let w = sum(weights, weight, m, period, None, geo);
        match (r.value, w.value) {
            (Some(r), Some(w)) => {
                weighted_sum += r * w;
                weight_sum += w;
            }
            _ => status = status.or(r.status).or(w.status).or(Some("..".into())),
        }
    }
    let value = (status.is_none() && weight_sum > 0.0).then(|| weighted_sum / weight_sum);
    Some(IndicatorValue {
        area: area.to_string(),
        period: period.to_string(),
        category: None,
        uncertain: weight_sum > 0.0 && weight_sum < MIN_DENOMINATOR,
        value,
        numerator: None,
        denominator: value.map(|_| weight_sum),
        status: if value.is_none() {
            status.or(Some("..".into()))
        } else {
            None
        },
        unit,
        source: source?,
    })
}

fn ratio(
    unit: Unit,
    area: &str,
    period: &str,
    category: Option<&str>,
    n: Sum,
    d: Sum,
    scale: f64,
) -> Option<IndicatorValue> {
    let source = n.source.clone().or(d.source.clone())?;
    let (value, status) = match (n.value, d.value) {
        (Some(n), Some(d)) if d > 0.0 => (Some(n / d * scale), None),
        (Some(_), Some(_)) => (None, Some("-".to_string())),
        _ => (None, n.status.or(d.status).or(Some("..".into()))),
    };
    Some(IndicatorValue {
        area: area.to_string(),
        period: period.to_string(),
        category: category.map(str::to_string),
        uncertain: d.value.is_some_and(|d| d < MIN_DENOMINATOR),
        value,
        numerator: n.value,
        denominator: d.value,
        status,
        unit,
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::{Nature, Series};
    use time::macros::datetime;

    fn area(
        code: &str,
        kind: AreaKind,
        parts: &[&str],
        successor: Option<&str>,
        valid: (Option<i32>, Option<i32>),
    ) -> Area {
        Area {
            code: code.into(),
            name: code.into(),
            kind,
            valid_from: valid.0,
            valid_to: valid.1,
            parts: parts.iter().map(|p| p.to_string()).collect(),
            successor: successor.map(str::to_string),
        }
    }

    fn areas() -> Vec<Area> {
        use AreaKind::*;
        vec![
            area("sogn", Region, &["4640", "4643"], None, (None, None)),
            area("4640", Municipality, &["46"], None, (Some(2020), None)),
            area("4643", Municipality, &["46"], None, (Some(2020), None)),
            area(
                "1420",
                Municipality,
                &["14"],
                Some("4640"),
                (None, Some(2019)),
            ),
            area(
                "1419",
                Municipality,
                &["14"],
                Some("4640"),
                (None, Some(2019)),
            ),
            area(
                "1424",
                Municipality,
                &["14"],
                Some("4643"),
                (None, Some(2019)),
            ),
            area("46", County, &[], None, (Some(2020), None)),
            area("0", Country, &[], None, (None, None)),
        ]
    }

    fn obs(
        measure: &str,
        area: &str,
        period: &str,
        dims: &[(&str, &str)],
        value: Option<f64>,
    ) -> (Observation, SourceRef) {
        (
            Observation {
                measure: measure.into(),
                area: area.into(),
                period: period.into(),
                dims: dims
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
                value,
                status: value.is_none().then(|| ":".to_string()),
            },
            SourceRef {
                publisher: "SSB".into(),
                table: "t".into(),
                retrieved: datetime!(2026-11-23 12:00 UTC),
                updated: None,
            },
        )
    }

    const N: Series = Series {
        publisher: "SSB",
        table: "t",
        measure: "n",
        dims: &[],
    };
    const D: Series = Series {
        publisher: "SSB",
        table: "t",
        measure: "d",
        dims: &[],
    };

    #[test]
    fn a_region_rate_is_the_sum_of_numerators_over_the_sum_of_denominators() {
        let ind = Indicator {
            id: "x",
            code: "",
            unit: Unit::Percent,
            nature: Nature::Stock,
            formula: Formula::Ratio {
                numerator: N,
                denominator: D,
                scale: 100.0,
                split: None,
            },
            strategies: &[],
            measures: &[],
            fetch: None,
        };
        let found = vec![
            obs("n", "4640", "2022", &[], Some(10.0)),
            obs("d", "4640", "2022", &[], Some(100.0)),
            obs("n", "4643", "2022", &[], Some(1.0)),
            obs("d", "4643", "2022", &[], Some(10.0)),
        ];
        let areas = areas();
        let v = values(
            &ind,
            &found,
            &found,
            &["sogn", "4643", "46"],
            &Geography::new(&areas),
        );
        let sogn = v.iter().find(|v| v.area == "sogn").unwrap();
        // 11/110 = 10 %, where the average of the two rates would also be 10 % by chance; check the parts.
        assert_eq!(
            (sogn.numerator, sogn.denominator),
            (Some(11.0), Some(110.0))
        );
        assert!((sogn.value.unwrap() - 10.0).abs() < 1e-9);
        let small = v.iter().find(|v| v.area == "4643").unwrap();
        assert!(small.uncertain, "a rate over 10 persons is uncertain");
        assert_eq!(
            v.iter().find(|v| v.area == "46").unwrap().denominator,
            Some(110.0)
        );
    }

    #[test]
    fn old_municipalities_add_up_to_the_new_and_a_missing_part_is_missing() {
        let ind = Indicator {
            id: "x",
            code: "",
            unit: Unit::Persons,
            nature: Nature::Stock,
            formula: Formula::Count(N),
            strategies: &[],
            measures: &[],
            fetch: None,
        };
        let found = vec![
            obs("n", "1419", "2019", &[], Some(2000.0)),
            obs("n", "1420", "2019", &[], Some(8000.0)),
            obs("n", "1424", "2019", &[], None),
        ];
        let areas = areas();
        let v = values(
            &ind,
            &found,
            &[],
            &["4640", "sogn"],
            &Geography::new(&areas),
        );
        assert_eq!(
            v.iter().find(|v| v.area == "4640").unwrap().value,
            Some(10000.0)
        );
        let sogn = v.iter().find(|v| v.area == "sogn").unwrap();
        assert_eq!(sogn.value, None, "never 0 or a partial sum");
        assert_eq!(sogn.status.as_deref(), Some(":"));
    }

    #[test]
    fn a_split_gives_the_headline_and_each_category() {
        let ind = Indicator {
            id: "x",
            code: "",
            unit: Unit::Percent,
            nature: Nature::Stock,
            formula: Formula::Ratio {
                numerator: Series {
                    publisher: "SSB",
                    table: "t",
                    measure: "n",
                    dims: &[("S", "her")],
                },
                denominator: Series {
                    publisher: "SSB",
                    table: "t",
                    measure: "n",
                    dims: &[("S", "alle")],
                },
                scale: 100.0,
                split: Some(("B", "Alle")),
            },
            strategies: &[],
            measures: &[],
            fetch: None,
        };
        let mut found = Vec::new();
        for (b, her, alle) in [("Alle", 8.0, 10.0), ("5+", 5.0, 6.0)] {
            found.push(obs(
                "n",
                "4640",
                "2022",
                &[("S", "her"), ("B", b)],
                Some(her),
            ));
            found.push(obs(
                "n",
                "4640",
                "2022",
                &[("S", "alle"), ("B", b)],
                Some(alle),
            ));
        }
        let areas = areas();
        let v = values(&ind, &found, &found, &["4640"], &Geography::new(&areas));
        assert_eq!(v.len(), 2);
        assert_eq!(
            (v[0].category.as_deref(), v[0].numerator, v[0].denominator),
            (None, Some(8.0), Some(10.0))
        );
        assert_eq!(
            (v[1].category.as_deref(), v[1].numerator, v[1].denominator),
            (Some("B=5+"), Some(5.0), Some(6.0))
        );
    }
}
