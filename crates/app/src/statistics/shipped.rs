//! The statistics files Bulyst ships (`data/statistics/`, see its README),
//! built into the binary so that it runs from any directory.

pub use domain::boundaries::KARTVERKET_2024_NAME;
pub const KARTVERKET_2024: &[u8] = domain::boundaries::KARTVERKET_2024.as_bytes();

pub const POPULATION_07459_NAME: &str = "ssb_07459_population_2022_kommuner.jsonstat2.json";
pub const POPULATION_07459: &[u8] =
    include_bytes!("../../../../data/statistics/ssb_07459_population_2022_kommuner.jsonstat2.json");

pub const COUNTIES: &str = include_str!("../../../../data/statistics/counties.csv");

/// A file loaded into the database on first start.
pub struct Shipped {
    pub name: &'static str,
    pub bytes: &'static [u8],
}

/// Loaded before the server listens, in load order: the cross-tab names
/// every old municipality, so that the refugee file, which leaves some names
/// out, finds them known.
pub const LOADED: &[Shipped] = &[
    Shipped {
        name: POPULATION_07459_NAME,
        bytes: POPULATION_07459,
    },
    Shipped {
        name: "imdi_befolkning_innvandringsgrunn_kommuner.csv",
        bytes: include_bytes!(
            "../../../../data/statistics/imdi_befolkning_innvandringsgrunn_kommuner.csv"
        ),
    },
    Shipped {
        name: "imdi_flyktning_botid_flytting_2014-2022.csv",
        bytes: include_bytes!(
            "../../../../data/statistics/imdi_flyktning_botid_flytting_2014-2022.csv"
        ),
    },
];

/// Loaded while the server already answers: the country file has 2 M cells
/// and would keep a new installation from starting for half a minute.
pub const LOADED_LATER: &[Shipped] = &[Shipped {
    name: "imdi_befolkning_opprinnelsesland_2022.csv",
    bytes: include_bytes!("../../../../data/statistics/imdi_befolkning_opprinnelsesland_2022.csv"),
}];
