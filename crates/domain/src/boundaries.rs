//! Kartverket's 2024 municipality boundaries (`data/statistics/`, see its
//! README), built into the binary once: the areas and their names are read
//! from them on first start, and the indicator pages draw their maps from them.

pub const KARTVERKET_2024_NAME: &str = "kartverket_kommuner_2024_S.geojson";
pub const KARTVERKET_2024: &str =
    include_str!("../../../data/statistics/kartverket_kommuner_2024_S.geojson");
