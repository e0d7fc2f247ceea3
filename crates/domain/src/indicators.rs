//! Indicators: what the programme measures, defined over observations, and
//! the values pages and the API show. Region figures are sums of counts
//! (sum of numerators over sum of denominators), never averages of rates.

use serde::Serialize;
use time::OffsetDateTime;

/// How a value is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Persons,
    Percent,
    PerThousand,
}

impl Unit {
    pub const ALL: &'static [Unit] = &[Unit::Persons, Unit::Percent, Unit::PerThousand];

    pub fn code(self) -> &'static str {
        match self {
            Unit::Persons => "persons",
            Unit::Percent => "percent",
            Unit::PerThousand => "per-thousand",
        }
    }
}

/// A count or rate at one moment (a stock) or over a period (a flow).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Nature {
    Stock,
    Flow,
}

impl Nature {
    pub const ALL: &'static [Nature] = &[Nature::Stock, Nature::Flow];

    pub fn code(self) -> &'static str {
        match self {
            Nature::Stock => "stock",
            Nature::Flow => "flow",
        }
    }
}

/// A series of observations: one measure of one table, with some of its
/// other dimensions fixed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub publisher: &'static str,
    pub table: &'static str,
    pub measure: &'static str,
    pub dims: &'static [(&'static str, &'static str)],
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Formula {
    /// The count itself.
    Count(Series),
    /// numerator ÷ denominator × scale, computed for a region from summed counts.
    /// With `split` (a dimension and its total category), also one value per
    /// other category of that dimension, as `category` "dimension=category".
    Ratio {
        numerator: Series,
        denominator: Series,
        scale: f64,
        split: Option<(&'static str, &'static str)>,
    },
    /// A rate the publisher gives per area; a region's is weighted by `weight`
    /// (Σ rate × weight ÷ Σ weight), and is missing without the weights.
    PublishedRate { rate: Series, weight: Series },
    /// Each category of `dimension` as a share of `total`: the breakdown of a whole.
    Breakdown {
        parts: Series,
        dimension: &'static str,
        total: &'static str,
        scale: f64,
    },
}

/// One indicator. Names and definitions are translated by id (`indicator-<id>` and
/// `indicator-<id>-definition` in the i18n files).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    pub id: &'static str,
    /// The code in the statistics notes (I1–I6), if any.
    pub code: &'static str,
    pub unit: Unit,
    pub nature: Nature,
    pub formula: Formula,
    /// Strategy numbers and measure ids of the plan this indicator follows.
    pub strategies: &'static [u32],
    pub measures: &'static [&'static str],
    /// When the data cannot be shipped: the table to fetch and how.
    pub fetch: Option<Fetch>,
}

/// A table to fetch from SSB's PxWebApi v2, with the selection as `bulyst stats fetch` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Fetch {
    pub table: &'static str,
    /// `valueCodes[VAR]=…&…`, without `outputFormat` (the fetch adds it).
    pub query: &'static str,
}

impl Fetch {
    /// The command that fetches it, as a user would type it.
    pub fn command(&self) -> String {
        format!("bulyst stats fetch {} --query '{}'", self.table, self.query)
    }
}

/// A value as shown: for an area and a period, with its parts and its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorValue {
    pub area: String,
    pub period: String,
    /// A category of a breakdown (a country, a reason), or a split like `Botid i Norge=5+ år`.
    pub category: Option<String>,
    /// `None` when missing or suppressed: see `status`. Never 0 in its place.
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// The publisher's status code of a missing or uncertain figure.
    pub status: Option<String>,
    /// Fewer than 20 persons under a rate, or a count under 5.
    pub uncertain: bool,
    pub unit: Unit,
    pub source: SourceRef,
}

/// The provenance shown beside a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceRef {
    pub publisher: String,
    pub table: String,
    #[serde(with = "time::serde::rfc3339")]
    pub retrieved: OffsetDateTime,
    pub updated: Option<String>,
}

/// A target the project leader set for an indicator, area and year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    pub indicator: String,
    pub area: String,
    pub year: i32,
    pub value: f64,
    pub note: String,
}

/// A starting point the programme stated, with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Baseline {
    pub indicator: &'static str,
    pub area: &'static str,
    /// For a breakdown: the category the baseline is about.
    pub category: &'static str,
    pub period: &'static str,
    pub value: f64,
    /// The words of the source.
    pub text: &'static str,
    pub source: &'static str,
}

/// Rates under this many persons are not to be read as significant.
pub const MIN_DENOMINATOR: f64 = 20.0;
/// Counts under this many persons are uncertain (and suppressed in public person data).
pub const MIN_COUNT: f64 = 5.0;
