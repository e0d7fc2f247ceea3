//! The programme plan: main goal → work packages → strategies, measures and
//! the action plan, and the organisation that carries it out.
//!
//! These types are also the plan file's schema (see `plan_file`), so a region
//! reads the same names in its file as the code uses.

use serde::{Deserialize, Serialize};

use crate::period::{parse_when, Span};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub schema: u32,
    pub programme: Programme,
    pub organisation: Organisation,
    pub municipalities: Vec<Municipality>,
    #[serde(default)]
    pub facts: Vec<Fact>,
    pub work_packages: Vec<WorkPackage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub id: String,
    pub name: String,
    pub owner: String,
    pub period: String,
    pub title: String,
    pub main_goal: String,
    #[serde(default)]
    pub introduction: String,
    #[serde(default)]
    pub other_documents: Vec<String>,
    #[serde(default)]
    pub strategy_heading: String,
    #[serde(default)]
    pub measures_heading: String,
    #[serde(default)]
    pub measures_note: String,
    pub action_plan_title: String,
    #[serde(default)]
    pub action_plan_period: String,
    /// `YYYY-MM`: month names in "når" without a year count from here.
    pub action_plan_start: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    #[serde(default)]
    pub heading: String,
    #[serde(default)]
    pub mandate: String,
    #[serde(default)]
    pub participants: String,
    #[serde(default)]
    pub other_relevant_note: String,
    /// Months (1–12) in which the steering group meets, in the order of a season.
    #[serde(default)]
    pub steering_group_meeting_months: Vec<u8>,
    pub units: Vec<OrgUnit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitKind {
    Council,
    SteeringGroup,
    ProjectLeader,
    Contacts,
    Subproject,
}

impl UnitKind {
    pub fn code(self) -> &'static str {
        match self {
            UnitKind::Council => "council",
            UnitKind::SteeringGroup => "steering-group",
            UnitKind::ProjectLeader => "project-leader",
            UnitKind::Contacts => "contacts",
            UnitKind::Subproject => "subproject",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [
            UnitKind::Council,
            UnitKind::SteeringGroup,
            UnitKind::ProjectLeader,
            UnitKind::Contacts,
            UnitKind::Subproject,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgUnit {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    /// The unit above; empty for the top.
    #[serde(default)]
    pub parent: String,
    #[serde(default)]
    pub person: String,
    #[serde(default)]
    pub note: String,
    /// For a sub-project: the work package it carries out.
    #[serde(default)]
    pub work_package: String,
    #[serde(default)]
    pub lead: String,
    #[serde(default)]
    pub work_group: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    /// The official four-digit municipality number.
    pub code: String,
    pub name: String,
}

/// A fact about the region as the programme stated it, with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PackageKind {
    /// One of the programme's themes, with goal and strategies.
    Thematic,
    /// The project's own structure and start-up.
    Structure,
}

impl PackageKind {
    pub fn code(self) -> &'static str {
        match self {
            PackageKind::Thematic => "thematic",
            PackageKind::Structure => "structure",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "thematic" => Some(PackageKind::Thematic),
            "structure" => Some(PackageKind::Structure),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkPackage {
    pub id: String,
    pub name: String,
    pub kind: PackageKind,
    #[serde(default)]
    pub goal: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub strategies: Vec<Strategy>,
    #[serde(default)]
    pub measures: Vec<Measure>,
    #[serde(default)]
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    /// Numbered across the whole plan, 1–10 in Sogn for alle.
    pub number: u32,
    pub text: String,
}

/// A measure (tiltak) a work package has committed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    pub title: String,
}

/// A row of the action plan (handlingsplan).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: String,
    /// The measure this row carries out, if any; it may belong to another package.
    #[serde(default)]
    pub measure: String,
    /// "Korleis – tiltak".
    pub how: String,
    #[serde(default)]
    pub participants: String,
    /// "Når", as written.
    #[serde(default)]
    pub when: String,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub responsible: String,
}

impl Plan {
    /// The (year, month) the action plan starts, for reading "når".
    pub fn context(&self) -> (i32, u8) {
        parse_year_month(&self.programme.action_plan_start).unwrap_or((2020, 1))
    }

    pub fn actions(&self) -> impl Iterator<Item = (&WorkPackage, &Action)> {
        self.work_packages
            .iter()
            .flat_map(|wp| wp.actions.iter().map(move |a| (wp, a)))
    }
}

impl Action {
    /// When the row happens, as far as its text says.
    pub fn span(&self, context: (i32, u8)) -> Option<Span> {
        parse_when(&self.when, context)
    }
}

/// Reads `YYYY-MM`.
pub fn parse_year_month(s: &str) -> Option<(i32, u8)> {
    let (y, m) = s.split_once('-')?;
    let year: i32 = y.parse().ok()?;
    let month: u8 = m.parse().ok()?;
    ((1000..=9999).contains(&year) && (1..=12).contains(&month) && y.len() == 4)
        .then_some((year, month))
}
