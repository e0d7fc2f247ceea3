//! The matching problem as the coordinator writes it: mentors, mentees, and the rules.
//!
//! ```json
//! {
//!   "mentors": [{"id": "m1", "consent": true, "municipality": "Sogndal",
//!                "languages": {"nb": "native", "en": "B2"}, "occupation": "electrician",
//!                "industry": "construction", "interests": ["football"],
//!                "availability": ["tue-evening"], "capacity": 2}],
//!   "mentees": [{"id": "e1", "consent": true, "municipality": "Luster",
//!                "languages": {"en": "C1", "nb": "A2"}, "occupation_wanted": "electrician",
//!                "industry_wanted": "construction", "goals": ["certificate"],
//!                "interests": ["football"], "availability": ["tue-evening"]}],
//!   "rules": {"neighbours": [["Sogndal", "Luster"]], "min_language_level": "B1",
//!             "exclusions": [{"mentor": "m1", "mentee": "e9"}],
//!             "locks": [{"mentor": "m1", "mentee": "e1"}],
//!             "weights": {"same_municipality": 10, "shared_interest": 3}}
//! }
//! ```
//!
//! Everything but ids, consent, municipality and capacity may be left out. Text is compared
//! without case and surrounding blanks, so "Sogndal" and "sogndal " are the same municipality.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::{Deserialize, Serialize};

/// Language levels on the CEFR scale, then a native speaker above C2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Level {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
    Native,
}

impl TryFrom<String> for Level {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "a1" => Level::A1,
            "a2" => Level::A2,
            "b1" => Level::B1,
            "b2" => Level::B2,
            "c1" => Level::C1,
            "c2" => Level::C2,
            "native" => Level::Native,
            _ => {
                return Err(format!(
                    "unknown language level `{s}` (expected A1, A2, B1, B2, C1, C2 or native)"
                ))
            }
        })
    }
}

impl From<Level> for String {
    fn from(l: Level) -> String {
        l.to_string()
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::A1 => "A1",
            Level::A2 => "A2",
            Level::B1 => "B1",
            Level::B2 => "B2",
            Level::C1 => "C1",
            Level::C2 => "C2",
            Level::Native => "native",
        })
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mentor {
    pub id: String,
    pub consent: bool,
    pub municipality: String,
    #[serde(default)]
    pub languages: BTreeMap<String, Level>,
    #[serde(default)]
    pub occupation: Option<String>,
    #[serde(default)]
    pub industry: Option<String>,
    #[serde(default)]
    pub interests: Vec<String>,
    #[serde(default)]
    pub availability: Vec<String>,
    /// Signed so a negative number gets our message, naming the mentor, not serde's.
    pub capacity: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mentee {
    pub id: String,
    pub consent: bool,
    pub municipality: String,
    #[serde(default)]
    pub languages: BTreeMap<String, Level>,
    #[serde(default)]
    pub occupation_wanted: Option<String>,
    #[serde(default)]
    pub industry_wanted: Option<String>,
    /// Kept for the coordinator's reading; no criterion scores goals.
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub interests: Vec<String>,
    #[serde(default)]
    pub availability: Vec<String>,
}

/// Which municipalities count as near each other. The same municipality always does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Neighbours {
    #[default]
    SameMunicipalityOnly,
    /// Unordered pairs of neighbouring municipalities.
    Pairs(Vec<(String, String)>),
}

impl<'de> Deserialize<'de> for Neighbours {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Neighbours;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    r#""same_municipality_only" or a list of [municipality, municipality] pairs"#,
                )
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Neighbours, E> {
                if s == "same_municipality_only" {
                    Ok(Neighbours::SameMunicipalityOnly)
                } else {
                    Err(E::invalid_value(serde::de::Unexpected::Str(s), &self))
                }
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Neighbours, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = seq.next_element::<(String, String)>()? {
                    pairs.push(pair);
                }
                Ok(Neighbours::Pairs(pairs))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairRef {
    pub mentor: String,
    pub mentee: String,
}

/// Points per soft criterion. Signed so a negative weight is refused with the field's name.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Weights {
    pub same_municipality: i64,
    /// Once per pair that shares a language both speak above the minimum level.
    pub shared_language_above_minimum: i64,
    pub same_occupation: i64,
    pub same_industry: i64,
    /// Per interest both have.
    pub shared_interest: i64,
    /// Per availability slot both have.
    pub overlapping_availability: i64,
}

impl Default for Weights {
    /// Work first: the programme is a path to a job, so occupation and industry weigh most.
    fn default() -> Self {
        Weights {
            same_municipality: 10,
            shared_language_above_minimum: 5,
            same_occupation: 20,
            same_industry: 10,
            shared_interest: 3,
            overlapping_availability: 2,
        }
    }
}

impl Weights {
    pub fn fields(&self) -> [(&'static str, i64); 6] {
        [
            ("same_municipality", self.same_municipality),
            (
                "shared_language_above_minimum",
                self.shared_language_above_minimum,
            ),
            ("same_occupation", self.same_occupation),
            ("same_industry", self.same_industry),
            ("shared_interest", self.shared_interest),
            ("overlapping_availability", self.overlapping_availability),
        ]
    }
}

fn default_min_level() -> Level {
    Level::B1
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    #[serde(default)]
    pub neighbours: Neighbours,
    /// Both must speak one language at this level or above (default B1).
    #[serde(default = "default_min_level")]
    pub min_language_level: Level,
    /// Pairs the coordinator forbids.
    #[serde(default)]
    pub exclusions: Vec<PairRef>,
    /// Pairs the coordinator fixes; they must also meet the hard constraints.
    #[serde(default)]
    pub locks: Vec<PairRef>,
    #[serde(default)]
    pub weights: Weights,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            neighbours: Neighbours::default(),
            min_language_level: default_min_level(),
            exclusions: Vec::new(),
            locks: Vec::new(),
            weights: Weights::default(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    pub mentors: Vec<Mentor>,
    pub mentees: Vec<Mentee>,
    #[serde(default)]
    pub rules: Rules,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemError {
    #[error("{0}")]
    Json(String),
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
}

pub(crate) fn invalid(field: impl Into<String>, message: impl Into<String>) -> ProblemError {
    ProblemError::Invalid {
        field: field.into(),
        message: message.into(),
    }
}

/// Keeps every score far inside i64 even after the bonus per matched pair: at most
/// 6 · 10⁶ · (2 + 2 · 1000) points per pair.
pub const MAX_WEIGHT: i64 = 1_000_000;
pub const MAX_LIST: usize = 1000;

/// How text is compared: without case or surrounding blanks.
pub(crate) fn key(s: &str) -> String {
    s.trim().to_lowercase()
}

impl Problem {
    /// Reads and checks a problem.
    pub fn from_json(text: &str) -> Result<Problem, ProblemError> {
        let problem: Problem =
            serde_json::from_str(text).map_err(|e| ProblemError::Json(e.to_string()))?;
        problem.validate()?;
        Ok(problem)
    }

    /// Refuses what cannot be meant: duplicate or empty ids, negative or huge weights and
    /// capacities, locks and exclusions naming nobody, and contradictory locks. Locks that break
    /// a hard constraint are checked in [`crate::score::Rules`], which knows the constraints.
    pub fn validate(&self) -> Result<(), ProblemError> {
        let mut ids: HashMap<&str, String> = HashMap::new();
        let people = self
            .mentors
            .iter()
            .enumerate()
            .map(|(k, m)| (format!("mentors[{k}]"), m.id.as_str()))
            .chain(
                self.mentees
                    .iter()
                    .enumerate()
                    .map(|(k, m)| (format!("mentees[{k}]"), m.id.as_str())),
            );
        for (field, id) in people {
            if id.trim().is_empty() {
                return Err(invalid(format!("{field}.id"), "an id must not be empty"));
            }
            if let Some(first) = ids.get(id) {
                return Err(invalid(
                    format!("{field}.id"),
                    format!("`{id}` is already the id of {first}; every person needs their own id"),
                ));
            }
            ids.insert(id, field);
        }
        for (k, m) in self.mentors.iter().enumerate() {
            let field = format!("mentors[{k}]");
            if m.capacity < 0 {
                return Err(invalid(
                    format!("{field}.capacity"),
                    format!(
                        "mentor `{}` has capacity {}; it must be 0 or more",
                        m.id, m.capacity
                    ),
                ));
            }
            check_lists(&field, &m.id, &m.languages, &m.interests, &m.availability)?;
        }
        for (k, m) in self.mentees.iter().enumerate() {
            let field = format!("mentees[{k}]");
            check_lists(&field, &m.id, &m.languages, &m.interests, &m.availability)?;
            if m.goals.len() > MAX_LIST {
                return Err(too_long(&format!("{field}.goals"), &m.id));
            }
        }
        for (name, w) in self.rules.weights.fields() {
            if !(0..=MAX_WEIGHT).contains(&w) {
                return Err(invalid(
                    format!("rules.weights.{name}"),
                    format!("the weight is {w}; it must be between 0 and {MAX_WEIGHT}"),
                ));
            }
        }
        let mentor_index = |field: &str, id: &str| {
            self.mentors
                .iter()
                .position(|m| m.id == id)
                .ok_or_else(|| invalid(field, format!("there is no mentor `{id}`")))
        };
        let mentee_index = |field: &str, id: &str| {
            self.mentees
                .iter()
                .position(|m| m.id == id)
                .ok_or_else(|| invalid(field, format!("there is no mentee `{id}`")))
        };
        for (list, pairs) in [
            ("exclusions", &self.rules.exclusions),
            ("locks", &self.rules.locks),
        ] {
            for (k, p) in pairs.iter().enumerate() {
                mentor_index(&format!("rules.{list}[{k}].mentor"), &p.mentor)?;
                mentee_index(&format!("rules.{list}[{k}].mentee"), &p.mentee)?;
            }
        }
        let mut locked: HashMap<&str, usize> = HashMap::new();
        let mut load: HashMap<&str, i64> = HashMap::new();
        for (k, p) in self.rules.locks.iter().enumerate() {
            let field = format!("rules.locks[{k}]");
            if let Some(first) = locked.insert(&p.mentee, k) {
                return Err(invalid(
                    field,
                    format!(
                        "mentee `{}` is already locked by rules.locks[{first}]; a mentee has one mentor",
                        p.mentee
                    ),
                ));
            }
            if self.rules.exclusions.contains(p) {
                return Err(invalid(
                    field,
                    format!(
                        "mentor `{}` and mentee `{}` are both locked and excluded",
                        p.mentor, p.mentee
                    ),
                ));
            }
            *load.entry(&p.mentor).or_default() += 1;
        }
        for m in &self.mentors {
            let n = load.get(m.id.as_str()).copied().unwrap_or(0);
            if n > m.capacity {
                return Err(invalid(
                    "rules.locks",
                    format!(
                        "{n} mentees are locked to mentor `{}`, whose capacity is {}",
                        m.id, m.capacity
                    ),
                ));
            }
        }
        Ok(())
    }
}

fn too_long(field: &str, id: &str) -> ProblemError {
    invalid(
        field,
        format!("`{id}` has more than {MAX_LIST} entries here"),
    )
}

fn check_lists(
    field: &str,
    id: &str,
    languages: &BTreeMap<String, Level>,
    interests: &[String],
    availability: &[String],
) -> Result<(), ProblemError> {
    if languages.len() > MAX_LIST {
        return Err(too_long(&format!("{field}.languages"), id));
    }
    if interests.len() > MAX_LIST {
        return Err(too_long(&format!("{field}.interests"), id));
    }
    if availability.len() > MAX_LIST {
        return Err(too_long(&format!("{field}.availability"), id));
    }
    Ok(())
}
