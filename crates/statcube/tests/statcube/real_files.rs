//! Every PX and JSON-stat file of the shared data folder reads with the right figures.
//!
//! The expected cells, missing and sum were computed once by an independent reading in Python
//! (regex tokens of the DATA block after `DATA=`, quoted tokens counted as missing, the others summed
//! with `float`; for JSON-stat, `json.load`, product of `size`, numbers in `value` summed):
//! see `tests/data/README.md` for the script.

use statcube::inspect;
use statcube::model::{Elimination, Role};
use statcube::InspectOptions;

use super::{assert_close, data_bytes, data_path};

struct Expect {
    file: &'static str,
    format: &'static str,
    cells: u64,
    missing: u64,
    sum: f64,
}

const FILES: [Expect; 6] = [
    Expect {
        file: "ssb_14216_tettsted.px",
        format: "px",
        cells: 4,
        missing: 0,
        sum: 2209500.17,
    },
    Expect {
        file: "ssb_12909_sickleave_immigrants.px",
        format: "px",
        cells: 12,
        missing: 0,
        sum: 33.1,
    },
    Expect {
        file: "traficom_010_kats_tau_101_fi_sv_en.px",
        format: "px",
        cells: 264060,
        missing: 188792,
        sum: 4095867550.0,
    },
    Expect {
        file: "statfin_ehk_pxt_005_en.px.gz",
        format: "px",
        cells: 3394872,
        missing: 3241300,
        sum: 10032255.226068014,
    },
    Expect {
        file: "ssb_07459_population_2022_kommuner.jsonstat2.json",
        format: "json-stat2",
        cells: 359,
        missing: 0,
        sum: 5425270.0,
    },
    Expect {
        file: "scb_TAB638_pxwebapi2_response.jsonstat2.json",
        format: "json-stat2",
        cells: 1,
        missing: 0,
        sum: 50937.0,
    },
];

#[test]
fn inspect_json_gives_cells_missing_and_sum() {
    for e in &FILES {
        let out = inspect(
            &data_path(e.file),
            &InspectOptions {
                json: true,
                lang: None,
            },
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["format"], e.format, "{}", e.file);
        assert_eq!(v["cells"], e.cells, "{}", e.file);
        assert_eq!(v["missing"], e.missing, "{}", e.file);
        assert_close(v["sum"].as_f64().unwrap(), e.sum);
        let product: u64 = v["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["size"].as_u64().unwrap())
            .product();
        assert_eq!(product, e.cells, "{}", e.file);
        assert!(
            v["title"].as_str().is_some_and(|t| !t.is_empty()),
            "{}",
            e.file
        );
    }
}

#[test]
fn inspect_text_in_another_language() {
    let out = inspect(
        &data_path("traficom_010_kats_tau_101_fi_sv_en.px"),
        &InspectOptions {
            json: false,
            lang: Some("sv".into()),
        },
    )
    .unwrap();
    assert!(out.contains("Besiktningsår"), "{out}");
    assert!(out.contains("missing: 188792"), "{out}");
    let e = inspect(
        &data_path("ssb_14216_tettsted.px"),
        &InspectOptions {
            json: false,
            lang: Some("xx".into()),
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains("no language \"xx\""), "{e}");
}

#[test]
fn ssb_14216_values_order_not_timeval() {
    let c = statcube::px::read(&data_bytes("ssb_14216_tettsted.px")).unwrap();
    assert_eq!(c.languages, vec!["no"]);
    let year = &c.dimensions[2];
    assert_eq!(year.id, "Tid");
    assert_eq!(year.role, Some(Role::Time));
    let codes: Vec<&str> = year.categories.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["2025", "2024"]);
    assert_eq!(year.time.as_ref().unwrap().periods, ["2024", "2025"]);
    // Cell order: Areal 2025, Areal 2024, Bosatte 2025, Bosatte 2024.
    assert_eq!(c.cells.value(0), Some(275.87));
    assert_eq!(c.cells.value(3), Some(1098061.0));
    let content = &c.dimensions[1];
    assert_eq!(content.role, Some(Role::Metric));
    assert_eq!(
        content.categories[0].label.get(0),
        "Areal av tettsted (km²)"
    );
    assert_eq!(content.categories[0].decimals, Some(2));
    assert_eq!(
        content.categories[1].unit.as_ref().unwrap().get(0),
        "personer"
    );
    assert_eq!(c.updated.as_deref(), Some("2025-10-27T08:00"));
    assert_eq!(c.source.get(0), "Statistisk sentralbyrå");
    assert_eq!(c.status_shown("..", 0), "...");
    assert!(c.extra.iter().any(|k| k.name == "META-ID"));
}

#[test]
fn ssb_12909_elimination_and_continued_note() {
    let c = statcube::px::read(&data_bytes("ssb_12909_sickleave_immigrants.px")).unwrap();
    assert_eq!(c.dimensions[0].elimination, Some(Elimination::Total(0)));
    assert_eq!(c.dimensions[1].categories[2].code, "015a");
    assert_eq!(c.dimensions[3].time.as_ref().unwrap().format, "Q1");
    assert!(
        c.notes[0].text.get(0).contains("ikke statsløse"),
        "{:?}",
        c.notes
    );
}

#[test]
fn traficom_three_languages_by_position() {
    let c = statcube::px::read(&data_bytes("traficom_010_kats_tau_101_fi_sv_en.px")).unwrap();
    assert_eq!(c.languages, ["fi", "sv", "en"]);
    assert_eq!(
        c.dimensions[0].label.0,
        ["Katsastusvuosi", "Besiktningsår", "Year of inspection"]
    );
    assert_eq!(c.title.get(2), "Periodic inspections of cars by Year of inspection, Brand and model series, Registration year and Information");
    assert_eq!(c.notes.len(), 1);
    assert_eq!(c.notes[0].text.0.len(), 3);
    assert!(c.dimensions[1].notes[0]
        .text
        .get(1)
        .starts_with("Uppgift om modellserie"));
    // VALUENOTE[sv]("Information","Antalet besiktningar") names the value in Swedish.
    let info = &c.dimensions[3];
    let n = &info
        .categories
        .iter()
        .find(|k| !k.notes.is_empty())
        .unwrap()
        .notes[0];
    assert!(n.text.get(1).starts_with("Antalet periodiska"), "{n:?}");
}

#[test]
fn statfin_sizes() {
    let c = statcube::px::read(&data_bytes("statfin_ehk_pxt_005_en.px.gz")).unwrap();
    let sizes: Vec<usize> = c.dimensions.iter().map(|d| d.size()).collect();
    assert_eq!(sizes, [2, 169, 31, 9, 12, 3]);
    assert_eq!(c.dimensions[5].categories[2].label.get(0), "Value, M€");
}

#[test]
fn ssb_07459_sogn_seven() {
    let c = statcube::jsonstat::read(&data_bytes(
        "ssb_07459_population_2022_kommuner.jsonstat2.json",
    ))
    .unwrap();
    let region = &c.dimensions[0];
    assert_eq!(region.role, Some(Role::Geo));
    let sogn: f64 = (4638..=4644)
        .map(|k| {
            c.cells
                .value(region.category_index(&format!("K-{k}")).unwrap())
                .unwrap()
        })
        .sum();
    assert_eq!(sogn, 32955.0);
    assert_eq!(c.matrix, "07459");
}

#[test]
fn scb_tab638_v2_response() {
    let c = statcube::jsonstat::read(&data_bytes("scb_TAB638_pxwebapi2_response.jsonstat2.json"))
        .unwrap();
    assert_eq!(c.notes.len(), 3);
    assert_eq!(c.dimensions[0].elimination, Some(Elimination::Total(0)));
    assert_eq!(c.dimensions[4].role, Some(Role::Metric));
    assert_eq!(c.updated.as_deref(), Some("2025-02-21T07:00:00Z"));
}

#[test]
fn convert_every_file_to_every_format_and_back() {
    use statcube::Target;
    let dir = std::env::temp_dir().join(format!("statcube-convert-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for e in FILES.iter().filter(|e| !e.file.starts_with("statfin")) {
        let (_, cubes) = statcube::source::open(&data_path(e.file)).unwrap();
        let cube = &cubes[0];
        for (to, ext) in [
            (Target::Px, "px"),
            (Target::JsonStat2, "json"),
            (Target::Csv, "csv"),
        ] {
            let out = dir.join(format!("{}.{ext}", e.file));
            let mut file = std::fs::File::create(&out).unwrap();
            statcube::write(cube, to, &mut file).unwrap();
            drop(file);
            let bytes = std::fs::read(&out).unwrap();
            let back = match to {
                Target::Csv => statcube::csv::read(&bytes).unwrap(),
                _ => statcube::source::read_cube(&bytes).unwrap().1.remove(0),
            };
            assert_eq!(back.cells.len(), cube.cells.len(), "{} → {ext}", e.file);
            for i in 0..cube.cells.len() {
                assert_eq!(
                    back.cells.value(i),
                    cube.cells.value(i),
                    "{} → {ext}, cell {i}",
                    e.file
                );
            }
            let codes = |c: &statcube::Cube| -> Vec<Vec<String>> {
                c.dimensions
                    .iter()
                    .map(|d| d.categories.iter().map(|k| k.code.clone()).collect())
                    .collect()
            };
            assert_eq!(codes(&back), codes(cube), "{} → {ext}", e.file);
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
