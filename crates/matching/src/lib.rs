//! The mentor programme's matching engine: pure, no I/O.
//!
//! [`assignment`] is an exact rectangular assignment solver (shortest augmenting paths after
//! Jonker–Volgenant and Crouse, as behind scipy's `linear_sum_assignment`) on integer matrices.
//! [`problem`] reads a matching problem (mentors, mentees, rules, weights) and checks it,
//! [`score`] decides which pairs are allowed and what they are worth, and [`explain`] turns the
//! solver's answer into a proposal with reasons. [`matrix_text`] reads the CSV matrices of
//! `bulyst mentor assign`.

pub mod assignment;
pub mod explain;
pub mod matrix_text;
pub mod problem;
pub mod score;

pub use assignment::{solve, Assignment, AssignmentError, Goal, Matrix};
pub use explain::{propose, Proposal};
pub use problem::{Problem, ProblemError};
