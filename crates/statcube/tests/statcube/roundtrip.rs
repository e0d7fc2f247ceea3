//! Random cube → each writer → reader gives back the same cube (what the format can hold).

use proptest::prelude::*;
use statcube::model::{
    Category, Cells, Cube, DataSymbol, Dimension, Elimination, Note, Role, Text, TimeInfo,
};

/// splitmix64: a few lines, deterministic, and good enough to spread test cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    /// Text PX can hold: no `"` and no line break, but commas, semicolons, brackets and non-ASCII.
    fn word(&mut self, tag: &str) -> String {
        const PIECES: [&str; 14] = [
            "a", "Bø", "år", "x y", "€", "Š", ",", ";", "(1)", "[en]", "é", "=", "#", "9",
        ];
        let mut s = tag.to_string();
        for _ in 0..1 + self.below(4) {
            s.push_str(PIECES[self.below(PIECES.len())]);
        }
        s
    }
    fn text(&mut self, tag: &str, langs: usize) -> Text {
        Text(
            (0..langs)
                .map(|l| self.word(&format!("{tag}{l}")))
                .collect(),
        )
    }
    fn number(&mut self) -> f64 {
        match self.below(4) {
            0 => self.below(1_000_000) as f64,
            1 => (self.below(2_000_001) as f64 - 1_000_000.0) / 100.0,
            2 => f64::from_bits(self.next() >> 2) % 1e12,
            _ => -(self.below(1000) as f64) / 7.0,
        }
    }
}

/// A cube with `langs` languages; `px` says whether numbers may carry a status (PX cannot).
fn cube(seed: u64, langs: usize, sizes: &[usize], px: bool) -> Cube {
    let mut r = Rng(seed);
    let languages: Vec<String> = ["no", "en", "sv"][..langs]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let nd = sizes.len();
    let time = r.below(nd + 1);
    let metric = r.below(nd + 1);
    let geo = r.below(nd + 1);
    let heading_from = r.below(nd);
    let mut dims = Vec::new();
    for (d, &n) in sizes.iter().enumerate() {
        let mut cats: Vec<Category> = (0..n)
            .map(|i| Category {
                code: format!("c{i}{}", r.word("")),
                label: r.text(&format!("L{i}."), langs),
                ..Category::default()
            })
            .collect();
        for c in cats.iter_mut() {
            if r.chance(30) {
                c.notes.push(Note {
                    text: r.text("n", langs),
                    mandatory: px && r.chance(50),
                });
            }
        }
        let role = if d == time {
            Some(Role::Time)
        } else if d == metric {
            for c in cats.iter_mut() {
                c.unit = Some(r.text("u", langs));
                c.decimals = r.chance(50).then(|| r.below(4) as u32);
            }
            Some(Role::Metric)
        } else if d == geo {
            Some(Role::Geo)
        } else {
            None
        };
        let elimination = match r.below(4) {
            0 => None,
            1 => Some(Elimination::Yes),
            2 => Some(Elimination::No),
            _ => Some(Elimination::Total(r.below(n))),
        };
        dims.push(Dimension {
            id: format!("d{d}{}", r.word("")),
            label: r.text(&format!("V{d}."), langs),
            time: (px && role == Some(Role::Time)).then(|| TimeInfo {
                format: "A1".into(),
                periods: cats.iter().map(|c| c.code.clone()).collect(),
                range: None,
            }),
            map: (px && role == Some(Role::Geo)).then(|| "map".to_string()),
            categories: cats,
            role,
            elimination,
            notes: if r.chance(30) {
                vec![Note {
                    text: r.text("dn", langs),
                    mandatory: false,
                }]
            } else {
                Vec::new()
            },
            heading: d >= heading_from,
        });
    }
    let n: usize = sizes.iter().product();
    let mut cells = Cells::zeros(n);
    let codes = [".", "..", "...", "-", ":"];
    for i in 0..n {
        if r.chance(25) {
            cells.set_missing(i);
            let code = if !px && r.chance(20) {
                None
            } else {
                Some(codes[r.below(codes.len())])
            };
            cells.set_status(i, code).unwrap();
        } else {
            cells.set_number(i, r.number());
            if !px && r.chance(10) {
                cells.set_status(i, Some("p")).unwrap();
            }
        }
    }
    Cube {
        languages,
        title: r.text("T", langs),
        description: if px {
            r.text("D", langs)
        } else {
            Text::default()
        },
        contents: r.text("C", langs),
        subject_area: if px {
            r.text("S", langs)
        } else {
            Text::default()
        },
        subject_code: if px { r.word("sc") } else { String::new() },
        matrix: r.word("m"),
        source: r.text("src", langs),
        updated: Some(format!(
            "2025-0{}-1{}T0{}:30",
            1 + r.below(9),
            r.below(10),
            r.below(10)
        )),
        units: if px {
            r.text("U", langs)
        } else {
            Text::default()
        },
        decimals: Some(r.below(5) as u32),
        show_decimals: None,
        notes: (0..r.below(3))
            .map(|_| Note {
                text: r.text("N", langs),
                mandatory: px && r.chance(50),
            })
            .collect(),
        dimensions: dims,
        cells,
        data_symbols: if px {
            vec![DataSymbol {
                code: "..".into(),
                shown: r.text("sym", langs),
            }]
        } else {
            Vec::new()
        },
        extra: Vec::new(),
    }
}

fn assert_same(got: &Cube, want: &Cube) {
    assert!(
        got.cells.same_as(&want.cells),
        "cells differ:\n{:?}\n{:?}",
        got.cells,
        want.cells
    );
    let strip = |c: &Cube| Cube {
        cells: Cells::default(),
        ..c.clone()
    };
    assert_eq!(strip(got), strip(want));
}

fn sizes() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(1usize..=4, 1..=4)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn px_keeps_everything(seed in any::<u64>(), langs in 1usize..=3, sizes in sizes()) {
        let c = cube(seed, langs, &sizes, true);
        let mut out = Vec::new();
        statcube::px::write(&c, &mut out).unwrap();
        let back = statcube::px::read(&out).unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(&out)));
        assert_same(&back, &c);
    }

    #[test]
    fn json_stat_keeps_one_language(seed in any::<u64>(), sizes in sizes()) {
        let c = cube(seed, 1, &sizes, false);
        let mut out = Vec::new();
        statcube::jsonstat::write(&c, 0, &mut out).unwrap();
        let back = statcube::jsonstat::read(&out).unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(&out)));
        assert_same(&back, &c);
    }

    #[test]
    fn csv_keeps_codes_labels_and_cells(seed in any::<u64>(), sizes in sizes()) {
        let c = cube(seed, 1, &sizes, false);
        let mut out = Vec::new();
        statcube::csv::write(&c, 0, &mut out).unwrap();
        let back = statcube::csv::read(&out).unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(&out)));
        assert!(back.cells.same_as(&c.cells));
        for (b, d) in back.dimensions.iter().zip(&c.dimensions) {
            assert_eq!(b.id, d.id);
            let pairs = |x: &Dimension| x.categories.iter().map(|k| (k.code.clone(), k.label.get(0).to_string())).collect::<Vec<_>>();
            assert_eq!(pairs(b), pairs(d));
        }
    }

    #[test]
    fn px_from_json_stat_reads_the_same_figures(seed in any::<u64>(), sizes in sizes()) {
        let mut c = cube(seed, 1, &sizes, false);
        for d in &mut c.dimensions {
            d.heading = false;
        }
        let mut out = Vec::new();
        statcube::px::write(&c, &mut out).unwrap();
        let back = statcube::px::read(&out).unwrap();
        prop_assert_eq!(back.cells.len(), c.cells.len());
        for i in 0..c.cells.len() {
            prop_assert_eq!(back.cells.value(i).map(f64::to_bits), c.cells.value(i).map(f64::to_bits));
        }
    }
}
