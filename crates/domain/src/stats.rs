//! Official statistics as Bulyst keeps them: areas, observations with their
//! source, and the area codes the statistics offices write.

use serde::Serialize;
use time::OffsetDateTime;

/// What kind of place an area is; region figures are sums of municipalities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AreaKind {
    Municipality,
    /// A group of municipalities, like Sogn.
    Region,
    County,
    Country,
    /// Codes statistics use for what is no municipality (Svalbard, unknown).
    Other,
}

impl AreaKind {
    pub fn code(self) -> &'static str {
        match self {
            AreaKind::Municipality => "municipality",
            AreaKind::Region => "region",
            AreaKind::County => "county",
            AreaKind::Country => "country",
            AreaKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<AreaKind> {
        [
            AreaKind::Municipality,
            AreaKind::Region,
            AreaKind::County,
            AreaKind::Country,
            AreaKind::Other,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

/// A place figures are given for. Municipality codes change with reforms, so
/// each has the years it was valid and what it became.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Area {
    /// `4640`, `46`, `0`, or `sogn` for a region.
    pub code: String,
    pub name: String,
    pub kind: AreaKind,
    /// First and last year (inclusive) the code was in use; `None` = open.
    pub valid_from: Option<i32>,
    pub valid_to: Option<i32>,
    /// For a region: its municipalities. For a municipality: its county.
    pub parts: Vec<String>,
    /// The code this one was merged into (1418 Balestrand → 4640 Sogndal).
    pub successor: Option<String>,
}

impl Area {
    pub fn valid_in(&self, year: i32) -> bool {
        self.valid_from.is_none_or(|f| year >= f) && self.valid_to.is_none_or(|t| year <= t)
    }
}

/// Where a figure came from, shown beside it on every page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// "Statistisk sentralbyrå", "IMDi".
    pub publisher: String,
    /// The publisher's table id, like `07459`.
    pub table: String,
    pub title: String,
    /// The query that produced the data (a PxWebApi URL query, or the file name).
    pub query: String,
    #[serde(with = "time::serde::rfc3339")]
    pub retrieved: OffsetDateTime,
    /// The source's own "updated" stamp, as it wrote it.
    pub updated: Option<String>,
    pub licence: String,
}

/// One figure: a measure for an area and period, with the table's other
/// dimensions fixed to `dims`. A missing or suppressed figure has no value
/// and keeps the publisher's status code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Observation {
    /// The content code, like `Personer1`.
    pub measure: String,
    /// Normalised area code (see [`area_code`]).
    pub area: String,
    /// `2022`, `2025K4`, `2022M01`: as the publisher writes it.
    pub period: String,
    /// The other dimensions as (dimension id, category code), sorted by id.
    pub dims: Vec<(String, String)>,
    pub value: Option<f64>,
    pub status: Option<String>,
}

impl Observation {
    /// The dimensions in one canonical text, `Alder=15-74;Kjonn=0`, used as part of the key.
    pub fn dims_key(&self) -> String {
        dims_key(&self.dims)
    }
}

pub fn dims_key(dims: &[(String, String)]) -> String {
    dims.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// Reads the area codes statistics write into Bulyst's: `K-4640`, `K4640`
/// and `4640` are municipality 4640; `F-46` and `46` county 46; `0`, `00`
/// and `Hele landet` Norway, `0`. Anything else is `None`.
pub fn area_code(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.eq_ignore_ascii_case("hele landet") || raw == "0" || raw == "00" || raw == "EAK" {
        return Some("0".into());
    }
    let digits = raw
        .strip_prefix("K-")
        .or_else(|| raw.strip_prefix("F-"))
        .or_else(|| raw.strip_prefix('K'))
        .or_else(|| raw.strip_prefix('F'))
        .unwrap_or(raw);
    (matches!(digits.len(), 2 | 4) && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn area_codes() {
        assert_eq!(area_code("K-4640").as_deref(), Some("4640"));
        assert_eq!(area_code("K4640").as_deref(), Some("4640"));
        assert_eq!(area_code("F-46").as_deref(), Some("46"));
        assert_eq!(area_code("0").as_deref(), Some("0"));
        assert_eq!(area_code("K-Rest"), None);
        assert_eq!(area_code("K-21-22"), None);
        assert_eq!(area_code("123"), None);
    }

    #[test]
    fn validity() {
        let balestrand = Area {
            code: "1418".into(),
            name: "Balestrand".into(),
            kind: AreaKind::Municipality,
            valid_from: None,
            valid_to: Some(2019),
            parts: vec!["14".into()],
            successor: Some("4640".into()),
        };
        assert!(balestrand.valid_in(2019));
        assert!(!balestrand.valid_in(2020));
    }
}
