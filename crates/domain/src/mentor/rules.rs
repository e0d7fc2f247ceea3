//! The coordinator's rules for the matching: the minimum shared language level, which
//! municipalities are neighbours, the weights of the soft criteria, and pairs locked or
//! forbidden by hand.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::profile::Level;
use crate::limits;
use crate::status::code_enum;
use crate::FieldError;

/// Enough for every pair of municipalities in a region many times over.
pub const MAX_NEIGHBOURS: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchingRules {
    /// Both must speak one language at this level or above.
    pub min_level: Level,
    /// Unordered pairs of municipality codes that count as near each other.
    pub neighbours: Vec<(String, String)>,
    /// Points per soft criterion, by the matching engine's criterion names; a criterion
    /// left out keeps the engine's default weight.
    pub weights: BTreeMap<String, i64>,
}

impl MatchingRules {
    /// Checks the shape; the weights' names and ranges are the engine's to check.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.neighbours.len() > MAX_NEIGHBOURS {
            errors.push(FieldError::new(
                "neighbours",
                format!("at most {MAX_NEIGHBOURS} pairs are allowed"),
            ));
        }
        for (a, b) in &self.neighbours {
            if let Err(e) = limits::check_required("neighbours", a, limits::ID)
                .and_then(|_| limits::check_required("neighbours", b, limits::ID))
            {
                errors.push(e);
            } else if a.trim() == b.trim() {
                errors.push(FieldError::new(
                    "neighbours",
                    format!("{a} is paired with itself; a municipality is always near itself"),
                ));
            }
        }
        errors
    }
}

code_enum!(
    /// A coordinator's decision about one mentor and one mentee.
    PairRuleKind, "kind" {
        Lock = "lock",
        Exclude = "exclude",
    }
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PairRule {
    pub mentor_id: i64,
    pub mentee_id: i64,
    pub kind: PairRuleKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_municipality_is_not_its_own_neighbour() {
        let r = MatchingRules {
            min_level: Level::B1,
            neighbours: vec![("4640".into(), "4640".into()), ("4640".into(), "".into())],
            weights: BTreeMap::new(),
        };
        let e = r.validate();
        assert_eq!(e.len(), 2);
        assert!(e[0].message.contains("itself"));
    }
}
