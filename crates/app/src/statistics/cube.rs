//! A PX or JSON-stat cube as a table of observations: which dimension is the
//! area, which the period and which the measure; every other one goes into
//! the observation's dimensions.

use domain::stats::{area_code, dims_key};
use statcube::{Cube, Dimension, Role};

use super::table::{Cells, CubeMap, FileArea, Table};
use super::ImportOptions;

/// Ids statistics offices give an area dimension when they give it no role.
const GEO_IDS: &[&str] = &[
    "region",
    "kommune",
    "kommunenr",
    "kommunenummer",
    "fylke",
    "area",
    "country",
    "land",
];
/// Ids of a time dimension without a role; `Year(*Preliminary)` counts as `year`.
const TIME_IDS: &[&str] = &[
    "tid", "år", "aar", "year", "time", "period", "kvartal", "quarter", "måned", "month", "vuosi",
];

/// `Year(*Preliminary)` → `year`.
fn plain_id(d: &Dimension) -> String {
    d.id.split('(').next().unwrap_or("").trim().to_lowercase()
}

fn find(cube: &Cube, role: Role, ids: &[&str]) -> Option<usize> {
    let dims = &cube.dimensions;
    dims.iter().position(|d| d.role == Some(role)).or_else(|| {
        dims.iter()
            .position(|d| ids.contains(&plain_id(d).as_str()))
    })
}

/// The publisher as the file names it: PX SOURCE or JSON-stat `source`.
fn publisher(cube: &Cube) -> String {
    cube.source.get(0).trim().to_string()
}

/// PX TABLEID, else MATRIX (which JSON-stat's `extension.px.tableid` also fills).
fn table_id(cube: &Cube) -> String {
    cube.extra
        .iter()
        .find(|k| k.name == "TABLEID")
        .map(|k| k.raw.trim_matches('"').to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| cube.matrix.clone())
}

pub(crate) fn table(file: &str, cube: Cube, options: &ImportOptions) -> Result<Table, String> {
    let geo = find(&cube, Role::Geo, GEO_IDS)
        .or_else(|| cube.dimensions.iter().position(|d| d.map.is_some()));
    let time = find(&cube, Role::Time, TIME_IDS)
        .or_else(|| cube.dimensions.iter().position(|d| d.time.is_some()));
    let ids = || {
        cube.dimensions
            .iter()
            .map(|d| d.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (geo, time) = match (geo, time) {
        (Some(g), Some(t)) if g != t => (g, t),
        (None, _) => {
            return Err(format!(
                "{file}: no dimension says where: none has the role geo or an id like Region or Kommune (dimensions: {})",
                ids()
            ))
        }
        _ => {
            return Err(format!(
                "{file}: no dimension says when: none has the role time or an id like Tid, år or Year (dimensions: {})",
                ids()
            ))
        }
    };
    let metric = cube
        .dimensions
        .iter()
        .position(|d| d.role == Some(Role::Metric) || d.id.eq_ignore_ascii_case("ContentsCode"));
    let codes = |d: usize| -> Vec<String> {
        cube.dimensions[d]
            .categories
            .iter()
            .map(|c| c.code.clone())
            .collect()
    };
    let areas = cube.dimensions[geo]
        .categories
        .iter()
        .map(|c| FileArea {
            raw: c.code.clone(),
            code: area_code(&c.code).unwrap_or_else(|| c.code.clone()),
            label: c.label.get(0).to_string(),
        })
        .collect();
    let measures = metric.map_or_else(|| vec!["value".to_string()], codes);
    let periods = codes(time);

    // The other dimensions sorted by id, as the canonical key lists them, and
    // every combination of their categories as one key, numbered mixed-radix.
    let mut others: Vec<usize> = (0..cube.dimensions.len())
        .filter(|&d| d != geo && d != time && Some(d) != metric)
        .collect();
    others.sort_by(|&a, &b| cube.dimensions[a].id.cmp(&cube.dimensions[b].id));
    let mut strides = vec![1usize; others.len()];
    for k in (0..others.len().saturating_sub(1)).rev() {
        strides[k] = strides[k + 1] * cube.dimensions[others[k + 1]].size();
    }
    let combinations: usize = others.iter().map(|&d| cube.dimensions[d].size()).product();
    let dims = (0..combinations)
        .map(|n| {
            let pairs: Vec<(String, String)> = others
                .iter()
                .zip(&strides)
                .map(|(&d, &s)| {
                    let dim = &cube.dimensions[d];
                    (
                        dim.id.clone(),
                        dim.categories[(n / s) % dim.size()].code.clone(),
                    )
                })
                .collect();
            dims_key(&pairs)
        })
        .collect();

    let publisher = options
        .publisher
        .clone()
        .unwrap_or_else(|| publisher(&cube));
    if publisher.is_empty() {
        return Err(format!(
            "{file}: the file does not name its publisher (no SOURCE or `source`); give one with --publisher"
        ));
    }
    let table = options.table.clone().unwrap_or_else(|| table_id(&cube));
    if table.is_empty() {
        return Err(format!(
            "{file}: the file does not name its table (no TABLEID, MATRIX or extension.px.tableid); give one with --table"
        ));
    }
    let title = cube.title.get(0).to_string();
    let map = CubeMap {
        geo,
        time,
        metric,
        others: others.into_iter().zip(strides).collect(),
    };
    Ok(Table {
        publisher,
        table,
        title,
        updated: cube.updated.clone(),
        geo_dimension: cube.dimensions[geo].id.clone(),
        areas,
        measures,
        periods,
        dims,
        cells: Cells::Cube {
            cube: Box::new(cube),
            map,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const POPULATION: &[u8] = include_bytes!(
        "../../../../data/statistics/ssb_07459_population_2022_kommuner.jsonstat2.json"
    );

    fn read(bytes: &[u8]) -> Cube {
        statcube::source::read_cube(bytes).unwrap().1.remove(0)
    }

    #[test]
    fn ssb_population_maps_region_time_and_contents() {
        let t = table("07459.json", read(POPULATION), &ImportOptions::default()).unwrap();
        assert_eq!(
            (t.publisher.as_str(), t.table.as_str()),
            ("Statistisk sentralbyrå", "07459")
        );
        assert_eq!(t.measures, vec!["Personer1"]);
        assert_eq!(t.periods, vec!["2022"]);
        assert_eq!(t.dims, vec![""]);
        let sogndal = t.rows().find(|r| r.area == "4640").unwrap();
        assert_eq!(sogndal.value, Some(12097.0));
        assert!(t
            .areas
            .iter()
            .any(|a| a.code == "K-Rest" && a.raw == "K-Rest"));
    }

    #[test]
    fn a_table_without_a_time_dimension_is_refused_by_name() {
        let px = b"CHARSET=\"ANSI\";\nMATRIX=\"x\";\nSOURCE=\"SSB\";\nTITLE=\"t\";\nCONTENTS=\"c\";\nUNITS=\"u\";\n\
STUB=\"Region\";\nHEADING=\"Kjonn\";\nVALUES(\"Region\")=\"4640\";\nVALUES(\"Kjonn\")=\"1\",\"2\";\nDATA=\n1 2;\n";
        let err = table("x.px", read(px), &ImportOptions::default())
            .err()
            .unwrap();
        assert!(
            err.contains("x.px") && err.contains("when") && err.contains("Region, Kjonn"),
            "{err}"
        );
    }

    #[test]
    fn other_dimensions_become_sorted_keys() {
        let px = b"CHARSET=\"ANSI\";\nMATRIX=\"x\";\nSOURCE=\"SSB\";\nTITLE=\"t\";\nCONTENTS=\"c\";\nUNITS=\"u\";\n\
STUB=\"Region\",\"Kjonn\";\nHEADING=\"Alder\",\"Tid\";\nVALUES(\"Region\")=\"4640\";\nVALUES(\"Kjonn\")=\"1\",\"2\";\n\
VALUES(\"Alder\")=\"a\",\"b\";\nVALUES(\"Tid\")=\"2021\",\"2022\";\nDATA=\n1 2 3 4\n5 6 7 8;\n";
        let t = table("x.px", read(px), &ImportOptions::default()).unwrap();
        let rows: Vec<_> = t.rows().map(|r| (r.dims, r.period, r.value)).collect();
        assert_eq!(rows[0], ("Alder=a;Kjonn=1", "2021", Some(1.0)));
        assert_eq!(rows[3], ("Alder=b;Kjonn=1", "2022", Some(4.0)));
        assert_eq!(rows[6], ("Alder=b;Kjonn=2", "2021", Some(7.0)));
        assert_eq!(t.measures, vec!["value"]);
    }
}
