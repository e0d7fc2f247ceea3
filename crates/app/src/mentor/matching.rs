//! The matching run: stored profiles and rules become a `matching::Problem`, the engine
//! proposes, and the proposal is stored as pairs in status "proposed".
//!
//! Pairs somebody has said yes to (or that are active) stay as they are: their mentee is
//! left out of the problem and their mentor comes with the capacity left. A mentee whose
//! pair was completed is not matched again; one whose pair ended early may be.

use std::collections::{BTreeMap, HashMap, HashSet};

use domain::access::{Actor, Permission};
use domain::mentor::{
    Level, MatchingRules, NewPair, Pair, PairRuleKind, PairStatus, ScoreReason, Side,
};
use domain::FieldError;
use matching::problem::{self, Mentee, Mentor, Neighbours, PairRef, Problem, ProblemError};
use serde::Serialize;
use store::MatchingInput;

use crate::access::authorise;
use crate::accounts::who_of;
use crate::{App, AppError, Result};

/// One pair of a proposal, stored or (in a preview) not yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProposedPair {
    /// None in a preview.
    pub pair_id: Option<i64>,
    pub mentor_id: i64,
    pub mentee_id: i64,
    pub score: i64,
    pub locked: bool,
    pub explanation: Vec<ScoreReason>,
}

/// Someone the matching left without a pair, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmatched {
    pub side: Side,
    pub profile_id: i64,
    /// The engine's reason, like `no_mentor_nearby` or `all_feasible_mentors_full`.
    pub reason: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatchOutcome {
    pub proposed: Vec<ProposedPair>,
    pub unmatched: Vec<Unmatched>,
    /// The sum of the proposed pairs' scores.
    pub total: i64,
    /// Pairs the run left as they were: accepted by someone, active or completed.
    pub kept: Vec<i64>,
}

fn engine_level(l: Level) -> problem::Level {
    problem::Level::try_from(l.code().to_string()).expect("the engine reads every CEFR code")
}

/// The engine's field names are its JSON paths; ours are the form's fields.
fn problem_error(e: ProblemError) -> FieldError {
    match e {
        ProblemError::Invalid { field, message } => {
            let ours = ["locks", "exclusions", "weights"]
                .into_iter()
                .find(|f| field.starts_with(&format!("rules.{f}")))
                .unwrap_or("profiles");
            FieldError::new(ours, message)
        }
        ProblemError::Json(m) => FieldError::new("weights", m),
    }
}

/// The points each soft criterion gives under `rules`, in the engine's order: the stored
/// weight where the coordinator set one, else the engine's default, so a form shows what a
/// run would use.
pub fn effective_weights(rules: &MatchingRules) -> Vec<(&'static str, i64)> {
    let w: problem::Weights =
        serde_json::from_value(serde_json::json!(rules.weights)).unwrap_or_default();
    let points = [
        w.same_municipality,
        w.shared_language_above_minimum,
        w.same_occupation,
        w.same_industry,
        w.shared_interest,
        w.overlapping_availability,
    ];
    CRITERIA.into_iter().zip(points).collect()
}

/// The soft criteria's codes, as the stored weights and the engine name them.
pub const CRITERIA: [&str; 6] = [
    "same_municipality",
    "shared_language_above_minimum",
    "same_occupation",
    "same_industry",
    "shared_interest",
    "overlapping_availability",
];

/// The engine's rules for the stored ones, without locks and exclusions, checked by the engine.
pub(crate) fn engine_rules(
    rules: &MatchingRules,
) -> std::result::Result<problem::Rules, FieldError> {
    let weights: problem::Weights = serde_json::from_value(serde_json::json!(rules.weights))
        .map_err(|e| FieldError::new("weights", e.to_string()))?;
    let engine = problem::Rules {
        neighbours: if rules.neighbours.is_empty() {
            Neighbours::SameMunicipalityOnly
        } else {
            Neighbours::Pairs(rules.neighbours.clone())
        },
        min_language_level: engine_level(rules.min_level),
        exclusions: Vec::new(),
        locks: Vec::new(),
        weights,
    };
    // An empty problem with these rules checks the weights as a run would.
    let empty = Problem {
        mentors: Vec::new(),
        mentees: Vec::new(),
        rules: engine,
    };
    empty.validate().map_err(problem_error)?;
    Ok(empty.rules)
}

/// Who the run is about: the mentees free to be matched and the mentors with room.
fn build_problem(input: &MatchingInput) -> Result<(Problem, Vec<i64>)> {
    let held: Vec<&Pair> = input
        .pairs
        .iter()
        .filter(|p| !p.is_replaceable() && p.status() != PairStatus::EndedEarly)
        .collect();
    let taken: HashSet<i64> = held.iter().map(|p| p.mentee_id).collect();
    let mut load: HashMap<i64, i64> = HashMap::new();
    for p in held.iter().filter(|p| !p.status().is_over()) {
        *load.entry(p.mentor_id).or_default() += 1;
    }
    let languages = |ls: &[domain::mentor::Language]| -> BTreeMap<String, problem::Level> {
        ls.iter()
            .map(|l| (l.language.clone(), engine_level(l.level)))
            .collect()
    };
    let optional = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let mentors: Vec<Mentor> = input
        .side(Side::Mentor)
        .filter_map(|p| {
            let room = p.fields.capacity.unwrap_or(0) - load.get(&p.id).copied().unwrap_or(0);
            (room > 0).then(|| Mentor {
                id: p.id.to_string(),
                consent: p.fields.consent.is_some(),
                municipality: p.fields.municipality.clone(),
                languages: languages(&p.fields.languages),
                occupation: optional(&p.fields.occupation),
                industry: optional(&p.fields.industry),
                interests: p.fields.interests.clone(),
                availability: p.fields.availability.clone(),
                capacity: room,
            })
        })
        .collect();
    let mentees: Vec<Mentee> = input
        .side(Side::Mentee)
        .filter(|p| !taken.contains(&p.id))
        .map(|p| Mentee {
            id: p.id.to_string(),
            consent: p.fields.consent.is_some(),
            municipality: p.fields.municipality.clone(),
            languages: languages(&p.fields.languages),
            occupation_wanted: optional(&p.fields.occupation),
            industry_wanted: optional(&p.fields.industry),
            goals: p.fields.goals.clone(),
            interests: p.fields.interests.clone(),
            availability: p.fields.availability.clone(),
        })
        .collect();
    let present: HashSet<String> = mentors
        .iter()
        .map(|m| m.id.clone())
        .chain(mentees.iter().map(|m| m.id.clone()))
        .collect();
    let refs = |kind: PairRuleKind| -> Vec<PairRef> {
        input
            .pair_rules
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| PairRef {
                mentor: r.mentor_id.to_string(),
                mentee: r.mentee_id.to_string(),
            })
            // A rule about someone already paired, full or unable to be matched is moot.
            .filter(|r| present.contains(&r.mentor) && present.contains(&r.mentee))
            .collect()
    };
    let rules = problem::Rules {
        locks: refs(PairRuleKind::Lock),
        exclusions: refs(PairRuleKind::Exclude),
        ..engine_rules(&input.rules)?
    };
    let kept = held.iter().map(|p| p.id).collect();
    Ok((
        Problem {
            mentors,
            mentees,
            rules,
        },
        kept,
    ))
}

fn id(s: &str) -> i64 {
    s.parse().expect("the problem's ids are profile ids")
}

/// Runs the engine; a problem in which nobody can be matched is refused with the reasons.
fn propose(input: &MatchingInput) -> Result<MatchOutcome> {
    let (problem, kept) = build_problem(input)?;
    let proposal =
        matching::propose(&problem).map_err(|e| AppError::Invalid(vec![problem_error(e)]))?;
    let unmatched: Vec<Unmatched> = proposal
        .unmatched
        .iter()
        .map(|u| Unmatched {
            side: match u.role {
                matching::explain::Role::Mentor => Side::Mentor,
                matching::explain::Role::Mentee => Side::Mentee,
            },
            profile_id: id(&u.id),
            reason: serde_json::to_value(u.reason)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default(),
            detail: u.detail.clone(),
        })
        .collect();
    if !problem.mentees.is_empty() && proposal.matched == 0 {
        let reasons: Vec<String> = unmatched
            .iter()
            .filter(|u| u.side == Side::Mentee)
            .take(5)
            .map(|u| format!("mentee #{}: {}", u.profile_id, u.detail))
            .collect();
        return Err(AppError::Invalid(vec![FieldError::new(
            "matching",
            format!(
                "nobody can be matched, so nothing was changed; {}",
                reasons.join("; ")
            ),
        )]));
    }
    Ok(MatchOutcome {
        total: proposal.total,
        proposed: proposal
            .pairs
            .into_iter()
            .map(|p| ProposedPair {
                pair_id: None,
                mentor_id: id(&p.mentor),
                mentee_id: id(&p.mentee),
                score: p.score,
                locked: p.locked,
                explanation: p
                    .explanation
                    .into_iter()
                    .map(|c| ScoreReason {
                        criterion: c.criterion.to_string(),
                        points: c.points,
                        matched: c.matched,
                    })
                    .collect(),
            })
            .collect(),
        unmatched,
        kept,
    })
}

impl App {
    /// What a matching run would propose now, without storing it.
    pub async fn preview_mentor_matching(&self, actor: Option<&Actor>) -> Result<MatchOutcome> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        let input = self
            .db
            .mentoring_matching_input(&who_of(Some(actor)))
            .await?;
        propose(&input)
    }

    /// Runs the matching and stores its proposal, replacing proposals nobody accepted.
    pub async fn run_mentor_matching(&self, actor: Option<&Actor>) -> Result<MatchOutcome> {
        let actor = authorise(actor, Permission::ManageMentoring)?;
        let who = who_of(Some(actor));
        let input = self.db.mentoring_matching_input(&who).await?;
        let mut outcome = propose(&input)?;
        let new: Vec<NewPair> = outcome
            .proposed
            .iter()
            .map(|p| NewPair {
                mentor_id: p.mentor_id,
                mentee_id: p.mentee_id,
                locked: p.locked,
                score: p.score,
                explanation: p.explanation.clone(),
            })
            .collect();
        let stored = self.db.store_mentoring_proposal(&who, &new).await?;
        for (p, s) in outcome.proposed.iter_mut().zip(stored) {
            p.pair_id = Some(s.id);
        }
        Ok(outcome)
    }
}
