//! Which pairs are allowed (hard constraints) and what an allowed pair is worth (soft criteria).
//!
//! Profiles are normalised once into sorted keys, so testing a pair is a few merges of short
//! sorted lists and scoring the matrix allocates nothing.

use std::collections::HashSet;

use serde::Serialize;

use crate::problem::{invalid, key, Level, Neighbours, Problem, ProblemError};

/// Why a pair may not be matched, in the order the checks run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    MentorNoConsent,
    MenteeNoConsent,
    NotNearby,
    NoSharedLanguage,
    Excluded,
}

impl Block {
    fn describe(self, min: Level) -> String {
        match self {
            Block::MentorNoConsent => "the mentor has not consented to matching".into(),
            Block::MenteeNoConsent => "the mentee has not consented to matching".into(),
            Block::NotNearby => "they live in municipalities that are not neighbours".into(),
            Block::NoSharedLanguage => format!("they share no language at {min} or above"),
            Block::Excluded => "the coordinator has excluded this pair".into(),
        }
    }
}

/// One soft criterion that gave points to a pair, with what matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Criterion {
    pub criterion: &'static str,
    pub points: i64,
    pub matched: Vec<String>,
}

/// A text as compared (`key`) and as written (`text`).
#[derive(Debug, Clone)]
struct Term {
    key: String,
    text: String,
}

/// Sorted by key, without repeats.
fn terms<'a>(items: impl IntoIterator<Item = &'a String>) -> Vec<Term> {
    let mut v: Vec<Term> = items
        .into_iter()
        .map(|t| Term {
            key: key(t),
            text: t.trim().to_string(),
        })
        .filter(|t| !t.key.is_empty())
        .collect();
    v.sort_by(|a, b| a.key.cmp(&b.key));
    v.dedup_by(|a, b| a.key == b.key);
    v
}

/// The items of `a` whose key is also in `b`; both sorted by key.
fn common<'a>(a: &'a [Term], b: &'a [Term]) -> impl Iterator<Item = &'a Term> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].key.cmp(&b[j].key) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(&a[i - 1]);
                }
            }
        }
        None
    })
}

#[derive(Debug, Clone)]
struct Profile {
    consent: bool,
    municipality: Term,
    /// Sorted by key: the language and its level.
    languages: Vec<(Term, Level)>,
    occupation: Option<Term>,
    industry: Option<Term>,
    interests: Vec<Term>,
    availability: Vec<Term>,
}

fn term(s: &str) -> Term {
    Term {
        key: key(s),
        text: s.trim().to_string(),
    }
}

fn optional(s: &Option<String>) -> Option<Term> {
    s.as_deref().map(term).filter(|t| !t.key.is_empty())
}

fn languages(map: &std::collections::BTreeMap<String, Level>) -> Vec<(Term, Level)> {
    let mut v: Vec<(Term, Level)> = map.iter().map(|(l, &level)| (term(l), level)).collect();
    v.sort_by(|a, b| a.0.key.cmp(&b.0.key).then(b.1.cmp(&a.1)));
    v.dedup_by(|a, b| a.0.key == b.0.key);
    v
}

/// The problem's rules, ready to test and score pairs by index.
pub struct Rules {
    mentors: Vec<Profile>,
    mentees: Vec<Profile>,
    same_only: bool,
    neighbours: HashSet<(String, String)>,
    excluded: HashSet<(usize, usize)>,
    min: Level,
    weights: crate::problem::Weights,
}

impl Rules {
    /// Compiles a validated problem, refusing locks that break a hard constraint.
    pub fn new(problem: &Problem) -> Result<Rules, ProblemError> {
        problem.validate()?;
        let mentors = problem
            .mentors
            .iter()
            .map(|m| Profile {
                consent: m.consent,
                municipality: term(&m.municipality),
                languages: languages(&m.languages),
                occupation: optional(&m.occupation),
                industry: optional(&m.industry),
                interests: terms(&m.interests),
                availability: terms(&m.availability),
            })
            .collect();
        let mentees = problem
            .mentees
            .iter()
            .map(|m| Profile {
                consent: m.consent,
                municipality: term(&m.municipality),
                languages: languages(&m.languages),
                occupation: optional(&m.occupation_wanted),
                industry: optional(&m.industry_wanted),
                interests: terms(&m.interests),
                availability: terms(&m.availability),
            })
            .collect();
        let (same_only, neighbours) = match &problem.rules.neighbours {
            Neighbours::SameMunicipalityOnly => (true, HashSet::new()),
            Neighbours::Pairs(pairs) => (
                false,
                pairs
                    .iter()
                    .flat_map(|(a, b)| [(key(a), key(b)), (key(b), key(a))])
                    .collect(),
            ),
        };
        let rules = Rules {
            excluded: problem
                .rules
                .exclusions
                .iter()
                .map(|p| {
                    (
                        problem.mentor_index(&p.mentor),
                        problem.mentee_index(&p.mentee),
                    )
                })
                .collect(),
            mentors,
            mentees,
            same_only,
            neighbours,
            min: problem.rules.min_language_level,
            weights: problem.rules.weights.clone(),
        };
        for (k, p) in problem.rules.locks.iter().enumerate() {
            let pair = (
                problem.mentor_index(&p.mentor),
                problem.mentee_index(&p.mentee),
            );
            if let Some(block) = rules.block(pair.0, pair.1) {
                return Err(invalid(
                    format!("rules.locks[{k}]"),
                    format!(
                        "mentor `{}` and mentee `{}` cannot be locked together: {}",
                        p.mentor,
                        p.mentee,
                        block.describe(rules.min)
                    ),
                ));
            }
        }
        Ok(rules)
    }

    pub fn min_level(&self) -> Level {
        self.min
    }

    pub fn mentor_consents(&self, mentor: usize) -> bool {
        self.mentors[mentor].consent
    }

    pub fn mentee_consents(&self, mentee: usize) -> bool {
        self.mentees[mentee].consent
    }

    pub fn nearby(&self, mentor: usize, mentee: usize) -> bool {
        let (a, b) = (
            &self.mentors[mentor].municipality.key,
            &self.mentees[mentee].municipality.key,
        );
        a == b || (!self.same_only && self.neighbours.contains(&(a.clone(), b.clone())))
    }

    /// Languages both speak at `above`'s level or higher (strictly higher if `strict`).
    fn shared_languages(
        &self,
        mentor: usize,
        mentee: usize,
        strict: bool,
    ) -> impl Iterator<Item = &Term> {
        let (a, b) = (
            &self.mentors[mentor].languages,
            &self.mentees[mentee].languages,
        );
        let min = self.min;
        let ok = move |l: Level| if strict { l > min } else { l >= min };
        let (mut i, mut j) = (0, 0);
        std::iter::from_fn(move || {
            while i < a.len() && j < b.len() {
                match a[i].0.key.cmp(&b[j].0.key) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        i += 1;
                        j += 1;
                        if ok(a[i - 1].1) && ok(b[j - 1].1) {
                            return Some(&a[i - 1].0);
                        }
                    }
                }
            }
            None
        })
    }

    pub fn shares_language(&self, mentor: usize, mentee: usize) -> bool {
        self.shared_languages(mentor, mentee, false)
            .next()
            .is_some()
    }

    pub fn excluded(&self, mentor: usize, mentee: usize) -> bool {
        self.excluded.contains(&(mentor, mentee))
    }

    /// The first hard constraint the pair breaks, if any.
    pub fn block(&self, mentor: usize, mentee: usize) -> Option<Block> {
        if !self.mentors[mentor].consent {
            Some(Block::MentorNoConsent)
        } else if !self.mentees[mentee].consent {
            Some(Block::MenteeNoConsent)
        } else if !self.nearby(mentor, mentee) {
            Some(Block::NotNearby)
        } else if !self.shares_language(mentor, mentee) {
            Some(Block::NoSharedLanguage)
        } else if self.excluded(mentor, mentee) {
            Some(Block::Excluded)
        } else {
            None
        }
    }

    /// The pair's points, without building the explanation.
    pub fn points(&self, mentor: usize, mentee: usize) -> i64 {
        self.criteria(mentor, mentee, false)
            .iter()
            .map(|c| c.points)
            .sum()
    }

    /// The criteria that gave the pair points, with what matched.
    pub fn explain(&self, mentor: usize, mentee: usize) -> Vec<Criterion> {
        self.criteria(mentor, mentee, true)
    }

    /// With `named` false the `matched` lists stay empty, so scoring every pair of thousands
    /// of people allocates only for the (few) criteria that score.
    fn criteria(&self, mentor: usize, mentee: usize, named: bool) -> Vec<Criterion> {
        let (a, b) = (&self.mentors[mentor], &self.mentees[mentee]);
        let w = &self.weights;
        let mut out = Vec::new();
        let mut add = |criterion: &'static str, points: i64, matched: Vec<String>| {
            if points > 0 {
                out.push(Criterion {
                    criterion,
                    points,
                    matched,
                });
            }
        };
        let names = |it: &mut dyn Iterator<Item = &Term>| -> (i64, Vec<String>) {
            let mut count = 0;
            let mut list = Vec::new();
            for t in it {
                count += 1;
                if named {
                    list.push(t.text.clone());
                }
            }
            (count, list)
        };
        if a.municipality.key == b.municipality.key && w.same_municipality > 0 {
            let (_, m) = names(&mut std::iter::once(&a.municipality));
            add("same_municipality", w.same_municipality, m);
        }
        if w.shared_language_above_minimum > 0 {
            let (n, m) = names(&mut self.shared_languages(mentor, mentee, true));
            if n > 0 {
                add(
                    "shared_language_above_minimum",
                    w.shared_language_above_minimum,
                    m,
                );
            }
        }
        for (criterion, weight, x, y) in [
            (
                "same_occupation",
                w.same_occupation,
                &a.occupation,
                &b.occupation,
            ),
            ("same_industry", w.same_industry, &a.industry, &b.industry),
        ] {
            if let (Some(x), Some(y)) = (x, y) {
                if x.key == y.key && weight > 0 {
                    let (_, m) = names(&mut std::iter::once(x));
                    add(criterion, weight, m);
                }
            }
        }
        for (criterion, weight, x, y) in [
            (
                "shared_interests",
                w.shared_interest,
                &a.interests,
                &b.interests,
            ),
            (
                "overlapping_availability",
                w.overlapping_availability,
                &a.availability,
                &b.availability,
            ),
        ] {
            if weight > 0 {
                let (n, m) = names(&mut common(x, y));
                add(criterion, n * weight, m);
            }
        }
        out
    }
}

impl Problem {
    /// Index of a mentor id that [`Problem::validate`] has found.
    pub(crate) fn mentor_index(&self, id: &str) -> usize {
        self.mentors
            .iter()
            .position(|m| m.id == id)
            .expect("validated")
    }

    pub(crate) fn mentee_index(&self, id: &str) -> usize {
        self.mentees
            .iter()
            .position(|m| m.id == id)
            .expect("validated")
    }
}
