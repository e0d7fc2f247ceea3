//! The indicators Bulyst computes, as defined in the programme's statistics
//! notes, with the plan's strategies and measures each one follows.

use crate::indicators::{Baseline, Fetch, Formula, Indicator, Nature, Series, Unit};

pub const SSB: &str = "Statistisk sentralbyrå";
pub const IMDI: &str = "IMDi";

const POPULATION: Series = Series {
    publisher: SSB,
    table: "07459",
    measure: "Personer1",
    dims: &[],
};

/// Bulyst ships population for 2022 only; newer years come from the same table.
const POPULATION_FETCH: Fetch = Fetch {
    table: "07459",
    query: "valueCodes[Region]=4638,4639,4640,4641,4642,4643,4644,46,0&valueCodes[ContentsCode]=Personer1&valueCodes[Tid]=top(5)",
};

/// What a scheduled refresh fetches: every indicator's live table, and population.
pub fn refreshed() -> Vec<Fetch> {
    let mut all = vec![POPULATION_FETCH];
    for f in INDICATORS.iter().filter_map(|i| i.fetch) {
        if !all.contains(&f) {
            all.push(f);
        }
    }
    all
}

pub const INDICATORS: &[Indicator] = &[
    Indicator {
        id: "population",
        code: "",
        unit: Unit::Persons,
        nature: Nature::Stock,
        formula: Formula::Count(POPULATION),
        strategies: &[9, 10],
        measures: &["tilflyttartenesta-ardal", "leige-for-a-eige"],
        fetch: None,
    },
    Indicator {
        id: "immigrant-share",
        code: "I1",
        unit: Unit::Percent,
        nature: Nature::Stock,
        formula: Formula::Ratio {
            numerator: Series {
                publisher: SSB,
                table: "09817",
                measure: "Personer1",
                dims: &[("InnvandrKat", "B"), ("Landbakgrunn", "999")],
            },
            denominator: POPULATION,
            scale: 100.0,
            split: None,
        },
        strategies: &[9],
        measures: &["tilflyttartenesta-ardal"],
        fetch: Some(Fetch {
            table: "09817",
            query: "valueCodes[Region]=4638,4639,4640,4641,4642,4643,4644,46,0&valueCodes[InnvandrKat]=B&valueCodes[Landbakgrunn]=999&valueCodes[ContentsCode]=Personer1&valueCodes[Tid]=top(10)",
        }),
    },
    Indicator {
        id: "immigrants-by-country",
        code: "I2",
        unit: Unit::Percent,
        nature: Nature::Stock,
        formula: Formula::Breakdown {
            parts: Series { publisher: IMDI, table: "befolkning_opprinnelsesland", measure: "Personer", dims: &[] },
            dimension: "Landbakgrunn",
            total: "alle",
            scale: 100.0,
        },
        strategies: &[3, 4, 7],
        measures: &["b2-kurs-i-norsk", "nettverk-foreldrerettleiing"],
        fetch: None,
    },
    Indicator {
        id: "immigrants-by-reason",
        code: "I3",
        unit: Unit::Percent,
        nature: Nature::Stock,
        formula: Formula::Breakdown {
            parts: Series {
                publisher: IMDI,
                table: "befolkning_innvandringsgrunn",
                measure: "Personer",
                dims: &[("Kjønn", "Alle")],
            },
            dimension: "Innvandringsgrunn",
            total: "Alle",
            scale: 100.0,
        },
        strategies: &[1, 9],
        measures: &["mentorprogram", "nettverk-mangfaldig-rekruttering"],
        fetch: None,
    },
    Indicator {
        id: "migration",
        code: "I4",
        unit: Unit::PerThousand,
        nature: Nature::Flow,
        formula: Formula::Ratio {
            numerator: Series { publisher: SSB, table: "06913", measure: "Innflytting", dims: &[] },
            denominator: Series { publisher: SSB, table: "06913", measure: "Folkemengde", dims: &[] },
            scale: 1000.0,
            split: None,
        },
        strategies: &[9, 10],
        measures: &["tilflyttartenesta-ardal", "leige-for-a-eige"],
        fetch: Some(Fetch {
            table: "06913",
            query: "valueCodes[Region]=4638,4639,4640,4641,4642,4643,4644,46,0&valueCodes[ContentsCode]=*&valueCodes[Tid]=top(10)",
        }),
    },
    Indicator {
        id: "employment-immigrants",
        code: "I5",
        unit: Unit::Percent,
        nature: Nature::Stock,
        formula: Formula::PublishedRate {
            rate: Series {
                publisher: SSB,
                table: "11607",
                measure: "Sysselsatte2",
                dims: &[("Alder", "15-74"), ("Kjonn", "0"), ("Landbakgrunn", "zzz")],
            },
            weight: Series {
                publisher: SSB,
                table: "09817",
                measure: "Personer1",
                dims: &[("InnvandrKat", "B"), ("Landbakgrunn", "999")],
            },
        },
        strategies: &[1, 2, 5, 6],
        measures: &["mentorprogram", "nettverk-statlege-verksemder", "nettverk-mangfaldig-rekruttering", "etableraropplaering"],
        fetch: Some(Fetch {
            table: "11607",
            query: "valueCodes[Region]=4638,4639,4640,4641,4642,4643,4644,46,0&valueCodes[Alder]=15-74&valueCodes[Kjonn]=0&valueCodes[Landbakgrunn]=zzz,abc&valueCodes[ContentsCode]=Sysselsatte2&valueCodes[Tid]=top(10)",
        }),
    },
    Indicator {
        id: "refugees-settled-here",
        code: "I6",
        unit: Unit::Percent,
        nature: Nature::Stock,
        formula: Formula::Ratio {
            numerator: Series {
                publisher: IMDI,
                table: "flyktning_botid_flytting",
                measure: "Personer",
                dims: &[("Sekundærflytting", "Bosatt her")],
            },
            denominator: Series {
                publisher: IMDI,
                table: "flyktning_botid_flytting",
                measure: "Personer",
                dims: &[("Sekundærflytting", "alle")],
            },
            scale: 100.0,
            split: Some(("Botid i Norge", "Alle")),
        },
        strategies: &[9, 10],
        measures: &["tilflyttartenesta-ardal", "leige-for-a-eige"],
        fetch: None,
    },
];

/// The programme's own starting points (seed: Sogn regionråd's announcement, 2020).
pub const BASELINES: &[Baseline] = &[
    Baseline {
        indicator: "immigrant-share",
        area: "sogn",
        category: "",
        period: "2020",
        value: 9.9,
        text: "I Sogn er 9,9% av befolkninga innvandrarar, i landet elles er det 14,1%.",
        source: "Sogn regionråd: kunngjering av prosjektet Sogn for alle, 2020",
    },
    Baseline {
        indicator: "immigrant-share",
        area: "0",
        category: "",
        period: "2020",
        value: 14.1,
        text: "I Sogn er 9,9% av befolkninga innvandrarar, i landet elles er det 14,1%.",
        source: "Sogn regionråd: kunngjering av prosjektet Sogn for alle, 2020",
    },
    Baseline {
        indicator: "immigrants-by-reason",
        area: "sogn",
        category: "Arbeidsinnvandrere",
        period: "2020",
        value: 32.0,
        text:
            "Dei største gruppene av innvandrarar er arbeidsinnvandrarar (32%) og flyktningar (31%)",
        source: "Sogn regionråd: kunngjering av prosjektet Sogn for alle, 2020",
    },
    Baseline {
        indicator: "immigrants-by-reason",
        area: "sogn",
        category: "Flyktninger og deres familieinnvandrede",
        period: "2020",
        value: 31.0,
        text:
            "Dei største gruppene av innvandrarar er arbeidsinnvandrarar (32%) og flyktningar (31%)",
        source: "Sogn regionråd: kunngjering av prosjektet Sogn for alle, 2020",
    },
];

pub fn indicator(id: &str) -> Option<&'static Indicator> {
    INDICATORS.iter().find(|i| i.id == id)
}

/// The series an indicator reads: what it counts, and what it divides by.
pub fn series(indicator: &Indicator) -> (&Series, Option<&Series>) {
    match &indicator.formula {
        Formula::Count(s) => (s, None),
        Formula::Ratio {
            numerator,
            denominator,
            ..
        } => (numerator, Some(denominator)),
        Formula::Breakdown { parts, .. } => (parts, None),
        Formula::PublishedRate { rate, weight } => (rate, Some(weight)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refresh_fetches_each_table_once_with_population_first() {
        let all = refreshed();
        assert_eq!(all[0].table, "07459");
        let tables: Vec<_> = all.iter().map(|f| f.table).collect();
        assert_eq!(tables, ["07459", "09817", "06913", "11607"]);
        for f in &all {
            assert!(f.query.starts_with("valueCodes[Region]="), "{}", f.table);
            assert!(!f.query.contains("outputFormat"), "{}", f.table);
        }
        assert!(all[1]
            .command()
            .starts_with("bulyst stats fetch 09817 --query 'valueCodes"));
    }

    #[test]
    fn every_indicator_follows_parts_of_the_real_plan() {
        let plan = crate::plan_file::load(
            include_str!("../../../data/programmes/sogn-for-alle.toml"),
            "plan",
        )
        .unwrap();
        for i in INDICATORS {
            for m in i.measures {
                assert!(
                    plan.work_packages
                        .iter()
                        .any(|w| w.measures.iter().any(|x| x.id == *m)),
                    "{}: {m}",
                    i.id
                );
            }
            assert!(
                i.strategies.iter().all(|s| (1..=10).contains(s)),
                "{}",
                i.id
            );
        }
        for b in BASELINES {
            assert!(indicator(b.indicator).is_some(), "{}", b.indicator);
        }
    }
}
