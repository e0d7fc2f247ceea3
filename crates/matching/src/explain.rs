//! The proposal: the best matching under the rules, why each pair scored, and why each
//! person left over was left over.
//!
//! Mentees are rows; each mentor with consent is as many columns as their capacity (no more
//! than there are mentees), and every mentee also has an "unmatched" column worth 0. A pair is
//! worth its score plus a bonus larger than any total of scores, so the solver first matches as
//! many mentees as it can and only then maximises the score. Pairs that break a hard constraint
//! are forbidden cells; a locked mentee's row allows only their mentor's columns.

use serde::Serialize;

use crate::assignment::{solve, Goal, Matrix};
use crate::problem::{Problem, ProblemError};
use crate::score::{Criterion, Rules};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    /// The sum of the pairs' scores.
    pub total: i64,
    pub matched: usize,
    pub pairs: Vec<Pair>,
    pub unmatched: Vec<Unmatched>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pair {
    pub mentor: String,
    pub mentee: String,
    pub score: i64,
    pub locked: bool,
    pub explanation: Vec<Criterion>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Mentor,
    Mentee,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    NoConsent,
    NoCapacity,
    NoMentorNearby,
    NoMenteeNearby,
    NoSharedLanguage,
    ExcludedByCoordinator,
    AllFeasibleMentorsFull,
    FeasibleMenteesMatchedElsewhere,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmatched {
    pub role: Role,
    pub id: String,
    pub reason: Reason,
    pub detail: String,
}

/// Runs the matching. The same problem always gives the same proposal.
pub fn propose(problem: &Problem) -> Result<Proposal, ProblemError> {
    let rules = Rules::new(problem)?;
    let (nm, ne) = (problem.mentors.len(), problem.mentees.len());
    let mut lock_of: Vec<Option<usize>> = vec![None; ne];
    for l in &problem.rules.locks {
        lock_of[problem.mentee_index(&l.mentee)] = Some(problem.mentor_index(&l.mentor));
    }

    // Only mentees with someone to be matched with become rows, and only mentors with someone
    // to take and room to take them become columns: the rest are unmatched whatever happens.
    let mut allowed = vec![false; nm * ne];
    for m in 0..nm {
        for e in 0..ne {
            allowed[m * ne + e] = rules.block(m, e).is_none();
        }
    }
    let rows: Vec<usize> = (0..ne)
        .filter(|&e| (0..nm).any(|m| allowed[m * ne + e] && problem.mentors[m].capacity > 0))
        .collect();
    let mut slots: Vec<usize> = Vec::new();
    for (m, mentor) in problem.mentors.iter().enumerate() {
        if rows.iter().any(|&e| allowed[m * ne + e]) {
            let room = usize::try_from(mentor.capacity).unwrap_or(usize::MAX);
            slots.extend(std::iter::repeat_n(m, room.min(rows.len())));
        }
    }

    let mut points = vec![0i64; nm * ne];
    let mut best = 0i64;
    for &e in &rows {
        for m in 0..nm {
            if allowed[m * ne + e] {
                let p = rules.points(m, e);
                points[m * ne + e] = p;
                best = best.max(p);
            }
        }
    }
    // Bonus > rows · best ≥ any difference in total score between two matchings.
    let bonus = i64::try_from(rows.len() as i128 * i128::from(best) + 1)
        .ok()
        .filter(|b| b.checked_add(best).is_some())
        .ok_or_else(|| ProblemError::Invalid {
            field: "rules.weights".into(),
            message: "the weights are too large for this many people".into(),
        })?;

    let cols = slots.len() + rows.len();
    let mut cells: Vec<i64> = Vec::with_capacity(rows.len() * cols);
    let mut forbidden: Vec<(usize, usize)> = Vec::new();
    for (r, &e) in rows.iter().enumerate() {
        for (c, &m) in slots.iter().enumerate() {
            let ok = allowed[m * ne + e] && lock_of[e].is_none_or(|l| l == m);
            cells.push(if ok { points[m * ne + e] + bonus } else { 0 });
            if !ok {
                forbidden.push((r, c));
            }
        }
        cells.extend(std::iter::repeat_n(0, rows.len()));
        if lock_of[e].is_some() {
            forbidden.extend((slots.len()..cols).map(|c| (r, c)));
        }
    }
    let mut matrix = Matrix::new(rows.len(), cols, cells).expect("the cells are rows × columns");
    for (r, c) in forbidden {
        matrix.forbid(r, c);
    }
    let assignment = solve(&matrix, Goal::Maximize)
        .expect("every unlocked mentee has an unmatched column, locks fit their mentor's capacity");

    let mut mentor_of: Vec<Option<usize>> = vec![None; ne];
    for &(r, c) in &assignment.pairs {
        if c < slots.len() {
            mentor_of[rows[r]] = Some(slots[c]);
        }
    }
    let mut pairs: Vec<(usize, usize)> = mentor_of
        .iter()
        .enumerate()
        .filter_map(|(e, m)| m.map(|m| (m, e)))
        .collect();
    pairs.sort_unstable();
    let pairs: Vec<Pair> = pairs
        .into_iter()
        .map(|(m, e)| Pair {
            mentor: problem.mentors[m].id.clone(),
            mentee: problem.mentees[e].id.clone(),
            score: points[m * ne + e],
            locked: lock_of[e] == Some(m),
            explanation: rules.explain(m, e),
        })
        .collect();

    let mut load = vec![0i64; nm];
    for m in mentor_of.iter().flatten() {
        load[*m] += 1;
    }
    let mut unmatched = Vec::new();
    for e in (0..ne).filter(|&e| mentor_of[e].is_none()) {
        let (reason, detail) = mentee_reason(problem, &rules, e, &load);
        unmatched.push(Unmatched {
            role: Role::Mentee,
            id: problem.mentees[e].id.clone(),
            reason,
            detail,
        });
    }
    for m in (0..nm).filter(|&m| load[m] == 0) {
        let (reason, detail) = mentor_reason(problem, &rules, m);
        unmatched.push(Unmatched {
            role: Role::Mentor,
            id: problem.mentors[m].id.clone(),
            reason,
            detail,
        });
    }
    Ok(Proposal {
        total: pairs.iter().map(|p| p.score).sum(),
        matched: pairs.len(),
        pairs,
        unmatched,
    })
}

/// Up to ten names, so a detail stays readable with thousands of people.
fn ids<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> String {
    let total = names.len();
    let v: Vec<String> = names.take(10).map(|n| format!("`{n}`")).collect();
    if total > v.len() {
        format!("{} and {} more", v.join(", "), total - v.len())
    } else {
        v.join(", ")
    }
}

/// The first filter that leaves a mentee with no mentor. Mentors without consent are not
/// candidates at all; since the matching places as many mentees as possible, a mentee with a
/// feasible mentor left over means every such mentor is full.
fn mentee_reason(problem: &Problem, rules: &Rules, e: usize, load: &[i64]) -> (Reason, String) {
    let mentee = &problem.mentees[e];
    if !rules.mentee_consents(e) {
        return (
            Reason::NoConsent,
            "has not consented to being matched".into(),
        );
    }
    let nm = problem.mentors.len();
    let near: Vec<usize> = (0..nm)
        .filter(|&m| rules.mentor_consents(m) && rules.nearby(m, e))
        .collect();
    if near.is_empty() {
        return (
            Reason::NoMentorNearby,
            format!(
                "no mentor with consent lives in {} or a neighbouring municipality",
                mentee.municipality.trim()
            ),
        );
    }
    let speaking: Vec<usize> = near
        .into_iter()
        .filter(|&m| rules.shares_language(m, e))
        .collect();
    if speaking.is_empty() {
        return (
            Reason::NoSharedLanguage,
            format!(
                "no mentor nearby shares a language with them at {} or above",
                rules.min_level()
            ),
        );
    }
    let feasible: Vec<usize> = speaking
        .into_iter()
        .filter(|&m| !rules.excluded(m, e))
        .collect();
    if feasible.is_empty() {
        return (
            Reason::ExcludedByCoordinator,
            "the coordinator has excluded every mentor who would fit".into(),
        );
    }
    let full = ids(feasible.iter().map(|&m| problem.mentors[m].id.as_str()));
    debug_assert!(feasible
        .iter()
        .all(|&m| load[m] >= problem.mentors[m].capacity));
    (
        Reason::AllFeasibleMentorsFull,
        format!("every mentor who would fit is full: {full}"),
    )
}

fn mentor_reason(problem: &Problem, rules: &Rules, m: usize) -> (Reason, String) {
    let mentor = &problem.mentors[m];
    if !rules.mentor_consents(m) {
        return (
            Reason::NoConsent,
            "has not consented to being matched".into(),
        );
    }
    if mentor.capacity == 0 {
        return (Reason::NoCapacity, "has capacity 0".into());
    }
    let ne = problem.mentees.len();
    let near: Vec<usize> = (0..ne)
        .filter(|&e| rules.mentee_consents(e) && rules.nearby(m, e))
        .collect();
    if near.is_empty() {
        return (
            Reason::NoMenteeNearby,
            format!(
                "no mentee with consent lives in {} or a neighbouring municipality",
                mentor.municipality.trim()
            ),
        );
    }
    let speaking: Vec<usize> = near
        .into_iter()
        .filter(|&e| rules.shares_language(m, e))
        .collect();
    if speaking.is_empty() {
        return (
            Reason::NoSharedLanguage,
            format!(
                "no mentee nearby shares a language with them at {} or above",
                rules.min_level()
            ),
        );
    }
    let feasible: Vec<usize> = speaking
        .into_iter()
        .filter(|&e| !rules.excluded(m, e))
        .collect();
    if feasible.is_empty() {
        return (
            Reason::ExcludedByCoordinator,
            "the coordinator has excluded every mentee who would fit".into(),
        );
    }
    (
        Reason::FeasibleMenteesMatchedElsewhere,
        format!(
            "every mentee who would fit got a better-scoring or locked mentor: {}",
            ids(feasible.iter().map(|&e| problem.mentees[e].id.as_str()))
        ),
    )
}
