//! Arrival cohorts: of those who arrived in a year, the share still living in their
//! municipality, and in the region, 1, 2 and 5 years on.
//!
//! A naive ratio (still here / arrived) counts everyone not yet due for a follow-up, and
//! everyone whose follow-up is missing, as if they had left. Instead the shares are
//! Kaplan–Meier estimates over the follow-up points (3, 12, 24, 60 months): a person is at
//! risk of leaving until the first follow-up that finds them gone (the event), or until
//! the last follow-up that found them still there (censored: not yet due, not recorded or
//! `unknown` later on). A person with no known follow-up is censored at arrival and only
//! counts among the arrivals. At each point `t` with `n` at risk and `d` newly gone,
//! S(t) = S(t⁻) · (1 − d / n).
//!
//! Public figures hide small counts: a cohort of fewer than [`MIN_SHOWN`] persons, a point
//! with fewer than [`MIN_SHOWN`] at risk, or with 1 to 4 who left, is `suppressed`, never 0.

use std::collections::BTreeMap;

use serde::Serialize;

use super::journey::{FollowUpAt, FollowUpFields, Residence};

/// The area code of the whole region in the cohort figures.
pub const REGION: &str = "sogn";
/// The smallest count shown in public figures.
pub const MIN_SHOWN: u32 = 5;

/// One newcomer, or `persons` alike from the anonymous tally of erased cases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortSubject {
    pub municipality: String,
    pub arrival_year: i32,
    /// Per follow-up, in the order of [`FollowUpAt::ALL`]; None when not recorded.
    pub outcomes: [Option<Residence>; 4],
    pub persons: u32,
}

impl CohortSubject {
    pub fn new(
        municipality: &str,
        arrival_year: i32,
        follow_ups: &[FollowUpFields],
        persons: u32,
    ) -> CohortSubject {
        let mut outcomes = [None; 4];
        for f in follow_ups {
            if let Some(i) = FollowUpAt::ALL.iter().position(|a| *a == f.at) {
                outcomes[i] = Some(f.residence);
            }
        }
        CohortSubject {
            municipality: municipality.to_string(),
            arrival_year,
            outcomes,
            persons,
        }
    }
}

/// An estimate at one point, with the counts it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SurvivalPoint {
    pub months: u32,
    /// None when nobody has been followed this long.
    pub share: Option<f64>,
    /// Persons still followed at this point.
    pub at_risk: u32,
    /// Persons seen leaving at this point or before.
    pub departures: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StayEstimate {
    pub in_municipality: SurvivalPoint,
    pub in_region: SurvivalPoint,
}

/// A cohort's estimates with all counts: for staff use, never shown as they are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CohortSurvival {
    /// A municipality code, or [`REGION`].
    pub area: String,
    pub arrival_year: i32,
    pub persons: u32,
    pub after_1_year: StayEstimate,
    pub after_2_years: StayEstimate,
    pub after_5_years: StayEstimate,
}

/// A figure as shown: the value, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Figure {
    Shown {
        share: f64,
        at_risk: u32,
    },
    /// Hidden: it rests on fewer than [`MIN_SHOWN`] persons.
    Suppressed,
    /// Nobody in the cohort has been followed this long yet.
    NotYetKnown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Count {
    Shown { count: u32 },
    Suppressed,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Stay {
    pub in_municipality: Figure,
    pub in_region: Figure,
}

/// A cohort as shown, small counts suppressed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CohortFigures {
    pub area: String,
    pub arrival_year: i32,
    pub persons: Count,
    pub after_1_year: Stay,
    pub after_2_years: Stay,
    pub after_5_years: Stay,
}

/// Which follow-ups the figures after 1, 2 and 5 years read.
const REPORTED: [usize; 3] = [1, 2, 3];

#[derive(Clone, Copy)]
enum Scope {
    Municipality,
    Region,
}

/// When the person is first seen gone (`Some(true)` at that index), or last seen staying
/// (`Some(false)`), or never seen (None: censored at arrival).
fn observed(s: &CohortSubject, scope: Scope) -> Option<(usize, bool)> {
    let mut last = None;
    for (i, outcome) in s.outcomes.iter().enumerate() {
        let gone = match (outcome, scope) {
            (None | Some(Residence::Unknown), _) => continue,
            (Some(Residence::MovedAway), _) => true,
            (Some(Residence::MovedWithinRegion), Scope::Municipality) => true,
            (Some(Residence::MovedWithinRegion | Residence::InMunicipality), _) => false,
        };
        if gone {
            return Some((i, true));
        }
        last = Some((i, false));
    }
    last
}

/// The Kaplan–Meier estimate at each follow-up point.
fn kaplan_meier(subjects: &[&CohortSubject], scope: Scope) -> [SurvivalPoint; 4] {
    let seen: Vec<(Option<(usize, bool)>, u32)> = subjects
        .iter()
        .map(|s| (observed(s, scope), s.persons))
        .collect();
    let mut share = 1.0;
    let mut departures = 0;
    let mut out = [SurvivalPoint {
        months: 0,
        share: None,
        at_risk: 0,
        departures: 0,
    }; 4];
    for (j, at) in FollowUpAt::ALL.iter().enumerate() {
        let at_risk: u32 = seen
            .iter()
            .filter(|(o, _)| o.is_some_and(|(i, _)| i >= j))
            .map(|(_, w)| w)
            .sum();
        let gone: u32 = seen
            .iter()
            .filter(|(o, _)| *o == Some((j, true)))
            .map(|(_, w)| w)
            .sum();
        if at_risk > 0 {
            share *= 1.0 - f64::from(gone) / f64::from(at_risk);
        }
        departures += gone;
        out[j] = SurvivalPoint {
            months: at.months(),
            share: (at_risk > 0).then_some(share),
            at_risk,
            departures,
        };
    }
    out
}

fn cohort(area: &str, arrival_year: i32, subjects: &[&CohortSubject]) -> CohortSurvival {
    let m = kaplan_meier(subjects, Scope::Municipality);
    let r = kaplan_meier(subjects, Scope::Region);
    let at = |j: usize| StayEstimate {
        in_municipality: m[j],
        in_region: r[j],
    };
    CohortSurvival {
        area: area.to_string(),
        arrival_year,
        persons: subjects.iter().map(|s| s.persons).sum(),
        after_1_year: at(REPORTED[0]),
        after_2_years: at(REPORTED[1]),
        after_5_years: at(REPORTED[2]),
    }
}

/// The estimates per municipality and arrival year, then for the region per arrival year
/// (staying "in the municipality" there means in the one they arrived in).
pub fn survival(subjects: &[CohortSubject]) -> Vec<CohortSurvival> {
    let mut groups: BTreeMap<(&str, i32), Vec<&CohortSubject>> = BTreeMap::new();
    let mut region: BTreeMap<i32, Vec<&CohortSubject>> = BTreeMap::new();
    for s in subjects.iter().filter(|s| s.persons > 0) {
        groups
            .entry((s.municipality.as_str(), s.arrival_year))
            .or_default()
            .push(s);
        region.entry(s.arrival_year).or_default().push(s);
    }
    let mut out: Vec<CohortSurvival> = groups
        .iter()
        .map(|((area, year), group)| cohort(area, *year, group))
        .collect();
    out.extend(
        region
            .iter()
            .map(|(year, group)| cohort(REGION, *year, group)),
    );
    out
}

fn figure(p: &SurvivalPoint) -> Figure {
    match p.share {
        None => Figure::NotYetKnown,
        Some(_) if p.at_risk < MIN_SHOWN => Figure::Suppressed,
        Some(_) if (1..MIN_SHOWN).contains(&p.departures) => Figure::Suppressed,
        Some(share) => Figure::Shown {
            share,
            at_risk: p.at_risk,
        },
    }
}

/// The figures as they may be shown.
pub fn publish(cohort: &CohortSurvival) -> CohortFigures {
    let small = cohort.persons < MIN_SHOWN;
    let stay = |e: &StayEstimate| {
        if small {
            Stay {
                in_municipality: Figure::Suppressed,
                in_region: Figure::Suppressed,
            }
        } else {
            Stay {
                in_municipality: figure(&e.in_municipality),
                in_region: figure(&e.in_region),
            }
        }
    };
    CohortFigures {
        area: cohort.area.clone(),
        arrival_year: cohort.arrival_year,
        persons: if small {
            Count::Suppressed
        } else {
            Count::Shown {
                count: cohort.persons,
            }
        },
        after_1_year: stay(&cohort.after_1_year),
        after_2_years: stay(&cohort.after_2_years),
        after_5_years: stay(&cohort.after_5_years),
    }
}

/// [`survival`], then [`publish`].
pub fn cohort_figures(subjects: &[CohortSubject]) -> Vec<CohortFigures> {
    survival(subjects).iter().map(publish).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Residence::*;

    fn subject(
        m: &str,
        year: i32,
        outcomes: [Option<Residence>; 4],
        persons: u32,
    ) -> CohortSubject {
        CohortSubject {
            municipality: m.into(),
            arrival_year: year,
            outcomes,
            persons,
        }
    }

    /// Five people who arrived in 4640 in 2020:
    /// A stays throughout; B moves within the region at 12 months; C moves away at 3;
    /// D is in place at 3 and unknown at 12 (censored at 3); E has no follow-up yet.
    fn five(persons: u32) -> Vec<CohortSubject> {
        vec![
            subject("4640", 2020, [Some(InMunicipality); 4], persons),
            subject(
                "4640",
                2020,
                [
                    Some(InMunicipality),
                    Some(MovedWithinRegion),
                    Some(MovedWithinRegion),
                    Some(MovedWithinRegion),
                ],
                persons,
            ),
            subject("4640", 2020, [Some(MovedAway), None, None, None], persons),
            subject(
                "4640",
                2020,
                [Some(InMunicipality), Some(Unknown), None, None],
                persons,
            ),
            subject("4640", 2020, [None; 4], persons),
        ]
    }

    #[test]
    fn kaplan_meier_by_hand() {
        let out = survival(&five(1));
        assert_eq!(out.len(), 2, "the municipality and the region");
        let c = &out[0];
        assert_eq!(
            (c.area.as_str(), c.arrival_year, c.persons),
            ("4640", 2020, 5)
        );
        // In the municipality. 3 months: A B C D at risk, C gone: 1 - 1/4 = 0.75.
        // 12 months: A B at risk (D censored at 3), B gone: 0.75 · (1 - 1/2) = 0.375.
        // 24 and 60 months: A alone, nobody gone: 0.375.
        let m = c.after_1_year.in_municipality;
        assert_eq!((m.share, m.at_risk, m.departures), (Some(0.375), 2, 2));
        let m = c.after_5_years.in_municipality;
        assert_eq!((m.share, m.at_risk, m.departures), (Some(0.375), 1, 2));
        // In the region: only C left, at 3 months: 0.75 throughout; A and B at risk later.
        let r = c.after_1_year.in_region;
        assert_eq!((r.share, r.at_risk, r.departures), (Some(0.75), 2, 1));
        let r = c.after_5_years.in_region;
        assert_eq!((r.share, r.at_risk, r.departures), (Some(0.75), 2, 1));
        // A naive ratio would say 1 in 5 (0.2) stayed in the municipality after 5 years.
        assert_eq!(out[1].area, REGION);
        assert_eq!(out[1].after_5_years, c.after_5_years);
    }

    #[test]
    fn tallied_persons_weigh_as_many() {
        let c = &survival(&five(10))[0];
        assert_eq!(c.persons, 50);
        let m = c.after_1_year.in_municipality;
        assert_eq!((m.share, m.at_risk, m.departures), (Some(0.375), 20, 20));
        let f = publish(c);
        assert_eq!(f.persons, Count::Shown { count: 50 });
        assert_eq!(
            f.after_1_year.in_municipality,
            Figure::Shown {
                share: 0.375,
                at_risk: 20
            }
        );
        assert_eq!(
            f.after_2_years.in_region,
            Figure::Shown {
                share: 0.75,
                at_risk: 20
            }
        );
    }

    #[test]
    fn small_counts_are_suppressed_not_zero() {
        // Five persons, but two at risk after a year: suppressed.
        let f = publish(&survival(&five(1))[0]);
        assert_eq!(f.persons, Count::Shown { count: 5 });
        assert_eq!(f.after_1_year.in_municipality, Figure::Suppressed);
        // Four persons: the whole cohort is hidden.
        let four = &five(1)[..4];
        let f = publish(&survival(four)[0]);
        assert_eq!(f.persons, Count::Suppressed);
        assert_eq!(f.after_5_years.in_region, Figure::Suppressed);
        // Twenty stayed and three left: 3 is a small count, so the share is hidden.
        let mut s = vec![subject("4644", 2021, [Some(InMunicipality); 4], 20)];
        s.push(subject(
            "4644",
            2021,
            [Some(MovedAway), None, None, None],
            3,
        ));
        let f = publish(&survival(&s)[0]);
        assert_eq!(f.after_1_year.in_region, Figure::Suppressed);
        let json = serde_json::to_value(f.after_1_year.in_region).unwrap();
        assert_eq!(json, serde_json::json!({ "status": "suppressed" }));
    }

    #[test]
    fn a_cohort_not_yet_due_is_not_yet_known() {
        let s = vec![subject(
            "4638",
            2024,
            [Some(InMunicipality), None, None, None],
            8,
        )];
        let f = publish(&survival(&s)[0]);
        assert_eq!(f.after_1_year.in_municipality, Figure::NotYetKnown);
        let s = vec![subject("4638", 2024, [None; 4], 8)];
        let c = &survival(&s)[0];
        assert_eq!(c.after_1_year.in_municipality.share, None);
    }

    #[test]
    fn the_region_sums_its_municipalities() {
        let mut s = five(1);
        s.push(subject("4644", 2020, [Some(InMunicipality); 4], 3));
        let out = survival(&s);
        assert_eq!(
            out.iter()
                .map(|c| (c.area.as_str(), c.persons))
                .collect::<Vec<_>>(),
            [("4640", 5), ("4644", 3), (REGION, 8)]
        );
        let r = out[2].after_1_year.in_municipality;
        // In their municipality at 3 months: 7 at risk, C gone: 6/7; at 12: 5 at risk, B gone.
        let expected = (6.0 / 7.0) * (4.0 / 5.0);
        assert!((r.share.unwrap() - expected).abs() < 1e-12);
        assert_eq!(r.at_risk, 5);
    }

    #[test]
    fn subjects_read_their_follow_ups() {
        let f = [FollowUpFields {
            at: FollowUpAt::Months24,
            recorded_on: time::macros::date!(2022 - 03 - 01),
            residence: MovedAway,
        }];
        let s = CohortSubject::new("4640", 2020, &f, 1);
        assert_eq!(s.outcomes, [None, None, Some(MovedAway), None]);
    }
}
