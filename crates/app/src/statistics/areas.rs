//! The areas Bulyst knows before any import: the municipalities of the 2020
//! and 2024 divisions, Sogndal's history, the counties, Norway and Sogn; and
//! areas registered from a file's own labels when it names one Bulyst does
//! not know.

use std::collections::BTreeMap;

use domain::stats::{Area, AreaKind};
use serde_json::Value;

use super::shipped;

/// The seven municipalities of Sogn (statistics.md §0).
pub const SOGN: [&str; 7] = ["4638", "4639", "4640", "4641", "4642", "4643", "4644"];

fn municipality(code: &str, name: &str, from: Option<i32>, to: Option<i32>) -> Area {
    Area {
        code: code.into(),
        name: name.into(),
        kind: AreaKind::Municipality,
        valid_from: from,
        valid_to: to,
        parts: vec![code[..2].to_string()],
        successor: None,
    }
}

/// `kommunenummer` → `kommunenavn` of the Kartverket 2024 map.
fn division_2024() -> Result<BTreeMap<String, String>, String> {
    let map: Value = serde_json::from_slice(shipped::KARTVERKET_2024)
        .map_err(|e| format!("{}: {e}", shipped::KARTVERKET_2024_NAME))?;
    let features = map["features"]
        .as_array()
        .ok_or_else(|| format!("{}: no features", shipped::KARTVERKET_2024_NAME))?;
    Ok(features
        .iter()
        .filter_map(|f| {
            let p = &f["properties"];
            Some((
                p["kommunenummer"].as_str()?.to_string(),
                p["kommunenavn"].as_str()?.to_string(),
            ))
        })
        .collect())
}

/// The 2020-division municipalities of 07459 (`K-4640` → Sogndal). Its
/// `K-Rest`, `K-21-22` and `K-23` are no municipalities and are left out.
fn division_2020() -> Result<BTreeMap<String, String>, String> {
    let (_, mut cubes) = statcube::source::read_cube(shipped::POPULATION_07459)
        .map_err(|e| e.with_file(shipped::POPULATION_07459_NAME).to_string())?;
    let cube = cubes.remove(0);
    let region = cube
        .dimensions
        .iter()
        .find(|d| d.id == "Region")
        .ok_or("07459 has no Region dimension")?;
    Ok(region
        .categories
        .iter()
        .filter_map(|c| {
            let code = domain::stats::area_code(&c.code).filter(|k| k.len() == 4)?;
            Some((code, c.label.get(0).to_string()))
        })
        .collect())
}

fn counties() -> Vec<Area> {
    let year = |s: &str| s.trim().parse::<i32>().ok();
    shipped::COUNTIES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split(';').collect();
            (f.len() == 4).then(|| Area {
                code: f[0].into(),
                name: f[1].into(),
                kind: AreaKind::County,
                valid_from: year(f[2]),
                valid_to: year(f[3]),
                parts: Vec::new(),
                successor: None,
            })
        })
        .collect()
}

/// Every area Bulyst starts with.
///
/// A code's first year is only set where the history is known (4640 formed in
/// 2020; codes new in 2024). The other 2020-division codes are left open at
/// the start: the files show a code was in use in 2022, not whether it began in
/// 2020 with a merger or was an old municipality renumbered, whose figures IMDi
/// and SSB give back in time (4638 Høyanger, 1416 until 2019, has IMDi figures
/// from 2006).
pub fn seed() -> Result<Vec<Area>, String> {
    let d2024 = division_2024()?;
    let d2020 = division_2020()?;
    let mut areas: BTreeMap<String, Area> = BTreeMap::new();
    for (code, name) in &d2024 {
        let from = (!d2020.contains_key(code)).then_some(2024);
        areas.insert(code.clone(), municipality(code, name, from, None));
    }
    for (code, name) in &d2020 {
        if !d2024.contains_key(code) {
            areas.insert(code.clone(), municipality(code, name, None, Some(2023)));
        }
    }
    for (code, name) in [
        ("1418", "Balestrand"),
        ("1419", "Leikanger"),
        ("1420", "Sogndal"),
    ] {
        let mut old = municipality(code, name, None, Some(2019));
        old.successor = Some("4640".into());
        areas.insert(code.into(), old);
    }
    if let Some(sogndal) = areas.get_mut("4640") {
        sogndal.valid_from = Some(2020);
    }
    for county in counties() {
        areas.insert(county.code.clone(), county);
    }
    let fixed = [
        Area {
            code: "0".into(),
            name: "Noreg".into(),
            kind: AreaKind::Country,
            valid_from: None,
            valid_to: None,
            parts: Vec::new(),
            successor: None,
        },
        Area {
            code: "sogn".into(),
            name: "Sogn".into(),
            kind: AreaKind::Region,
            valid_from: None,
            valid_to: None,
            parts: SOGN.iter().map(|c| c.to_string()).collect(),
            successor: None,
        },
    ];
    for a in fixed {
        areas.insert(a.code.clone(), a);
    }
    Ok(areas.into_values().collect())
}

/// An area a file names that Bulyst does not know, from the file's label:
/// `Voss (t.o.m. 2019)` is Voss, in use until 2019. Four digits are a
/// municipality, two a county; codes no statistics convention reads
/// (`K-Rest`) are kept as they are, of kind other.
pub fn from_label(code: &str, label: &str) -> Area {
    let (mut name, mut from, mut to) = (label.trim(), None, None);
    loop {
        if let Some((rest, y)) = suffix_year(name, "(t.o.m. ") {
            (name, to) = (rest, Some(y));
        } else if let Some((rest, y)) = suffix_year(name, "(f.o.m. ") {
            (name, from) = (rest, Some(y));
        } else {
            break;
        }
    }
    let digits = code.bytes().all(|b| b.is_ascii_digit());
    let kind = match code.len() {
        4 if digits => AreaKind::Municipality,
        2 if digits => AreaKind::County,
        _ if code == "0" => AreaKind::Country,
        _ => AreaKind::Other,
    };
    Area {
        code: code.into(),
        name: if name.is_empty() { code } else { name }.into(),
        kind,
        valid_from: from,
        valid_to: to,
        parts: if kind == AreaKind::Municipality {
            vec![code[..2].to_string()]
        } else {
            Vec::new()
        },
        successor: None,
    }
}

/// `Moss (t.o.m. 2019)` with `(t.o.m. ` → (`Moss`, 2019).
fn suffix_year<'a>(label: &'a str, mark: &str) -> Option<(&'a str, i32)> {
    let inner = label.strip_suffix(')')?;
    let at = inner.rfind(mark)?;
    let year = inner[at + mark.len()..].trim().parse().ok()?;
    Some((label[..at].trim_end(), year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_has_sogndal_before_and_after_2020() {
        let areas = seed().unwrap();
        let get = |c: &str| areas.iter().find(|a| a.code == c).unwrap();
        assert_eq!(get("4640").valid_from, Some(2020));
        assert_eq!(get("4640").name, "Sogndal");
        assert_eq!(get("1418").valid_to, Some(2019));
        assert_eq!(get("1418").successor.as_deref(), Some("4640"));
        assert_eq!(get("sogn").parts.len(), 7);
        assert_eq!(get("46").name, "Vestland");
        assert_eq!(get("0").kind, AreaKind::Country);
        // Halden was 3001 from 2020 to 2023 and 3101 from 2024.
        assert_eq!(get("3001").valid_to, Some(2023));
        assert_eq!(get("3101").valid_from, Some(2024));
        assert_eq!(get("4638").valid_from, None);
        assert!(areas.iter().all(|a| !a.code.starts_with("K-")));
    }

    #[test]
    fn labels_give_names_and_years() {
        let voss = from_label("1235", "Voss (t.o.m. 2019)");
        assert_eq!((voss.name.as_str(), voss.valid_to), ("Voss", Some(2019)));
        assert_eq!(voss.parts, vec!["12"]);
        let os = from_label("1243", "Os (Hordaland) (t.o.m. 2019)");
        assert_eq!(os.name, "Os (Hordaland)");
        let moss = from_label("3002", "Moss (f.o.m. 2020)");
        assert_eq!(moss.valid_from, Some(2020));
        let rest = from_label("K-Rest", "Uoppgitt");
        assert_eq!(
            (rest.kind, rest.name.as_str()),
            (AreaKind::Other, "Uoppgitt")
        );
        assert_eq!(from_label("1238", "").name, "1238");
    }
}
