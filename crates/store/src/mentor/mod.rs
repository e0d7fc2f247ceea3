//! The mentor programme's tables. Profiles, pairs and what is recorded about pairs are
//! personal data: every read of them writes an audit row with the operation "read", in
//! the same transaction as the read, and every change one naming what changed. Like the
//! newcomer service's, these audit rows hold ids, codes and field names, never values,
//! so that a deleted person leaves no trace in the log. Nothing here logs personal data
//! through `tracing`.

mod cohorts;
mod pairs;
mod profiles;
mod records;
mod rules;

use domain::mentor::{MatchingRules, Pair, PairRule, Profile, Side};
use serde::de::DeserializeOwned;

pub use profiles::{ProfileFilter, ProfileOwner};

/// Everything a matching run reads, in one transaction with one audit row.
#[derive(Debug, Clone)]
pub struct MatchingInput {
    pub profiles: Vec<Profile>,
    pub pairs: Vec<Pair>,
    pub rules: MatchingRules,
    pub rules_version: i64,
    pub pair_rules: Vec<PairRule>,
}

impl MatchingInput {
    pub fn side(&self, side: Side) -> impl Iterator<Item = &Profile> {
        self.profiles.iter().filter(move |p| p.fields.side == side)
    }
}

/// Reads a JSON column this module wrote.
pub(crate) fn from_json<T: DeserializeOwned>(column: &str, text: &str) -> Result<T, sqlx::Error> {
    serde_json::from_str(text).map_err(|e| sqlx::Error::ColumnDecode {
        index: column.to_string(),
        source: Box::new(e),
    })
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data serializes")
}

/// The names of the fields a write sets, for an audit row that says what was written
/// without the values: every field of a new record, or those whose values differ from
/// `before`. `T` is a struct with named fields.
pub(crate) fn written_fields<T: serde::Serialize>(before: Option<&T>, after: &T) -> Vec<String> {
    let object = |v: &T| match serde_json::to_value(v) {
        Ok(serde_json::Value::Object(fields)) => fields,
        _ => Default::default(),
    };
    let before = before.map(object).unwrap_or_default();
    object(after)
        .into_iter()
        .filter(|(name, value)| before.get(name) != Some(value))
        .map(|(name, _)| name)
        .collect()
}

/// The audit log's `after` for a read of many rows: which ones, not what they hold.
pub(crate) fn read_ids(ids: impl Iterator<Item = i64>) -> Option<serde_json::Value> {
    Some(serde_json::json!({ "ids": ids.collect::<Vec<_>>() }))
}
