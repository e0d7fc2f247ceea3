//! Workplace cohorts: an employer's staff who receive new colleagues as mentors, the
//! sessions they meet in, who attended, and how they judged it.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::limits::{self, check, check_required};
use crate::FieldError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortFields {
    pub employer: String,
    pub name: String,
    pub starts_on: Option<Date>,
}

impl CohortFields {
    pub fn validate(&self) -> Vec<FieldError> {
        [
            check_required("employer", &self.employer, limits::TITLE),
            check_required("name", &self.name, limits::TITLE),
        ]
        .into_iter()
        .filter_map(Result::err)
        .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cohort {
    pub id: i64,
    pub version: i64,
    pub fields: CohortFields,
}

/// An employee who mentors in a cohort. Only a name: attendance needs no more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CohortMentor {
    pub id: i64,
    pub cohort_id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionFields {
    pub held_on: Date,
    pub theme: String,
}

impl SessionFields {
    pub fn validate(&self) -> Vec<FieldError> {
        check_required("theme", &self.theme, limits::TITLE)
            .err()
            .into_iter()
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Session {
    pub id: i64,
    pub cohort_id: i64,
    pub fields: SessionFields,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Attendance {
    pub session_id: i64,
    pub mentor_id: i64,
}

/// What participants thought, of one session or (without one) of the whole cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationFields {
    pub session_id: Option<i64>,
    pub text: String,
    /// 1 (poor) to 5 (very good), if a score was given.
    pub score: Option<i64>,
}

impl EvaluationFields {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors: Vec<FieldError> = check("text", &self.text, limits::TEXT)
            .err()
            .into_iter()
            .collect();
        if self.text.trim().is_empty() && self.score.is_none() {
            errors.push(FieldError::new("text", "give a text, a score or both"));
        }
        if let Some(s) = self.score.filter(|s| !(1..=5).contains(s)) {
            errors.push(FieldError::new(
                "score",
                format!("is {s}; a score is 1 to 5"),
            ));
        }
        errors
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub id: i64,
    pub cohort_id: i64,
    pub fields: EvaluationFields,
}

/// A cohort with everything recorded about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CohortDetail {
    pub cohort: Cohort,
    pub mentors: Vec<CohortMentor>,
    pub sessions: Vec<Session>,
    pub attendance: Vec<Attendance>,
    pub evaluations: Vec<Evaluation>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evaluations_score_one_to_five() {
        let e = EvaluationFields {
            session_id: None,
            text: String::new(),
            score: Some(6),
        };
        let fields: Vec<_> = e.validate().iter().map(|e| e.field).collect();
        assert_eq!(fields, ["score"]);
        let e = EvaluationFields { score: None, ..e };
        assert_eq!(e.validate()[0].field, "text");
        let e = EvaluationFields {
            score: Some(5),
            ..e
        };
        assert!(e.validate().is_empty());
    }

    #[test]
    fn cohorts_need_an_employer() {
        let c = CohortFields {
            employer: " ".into(),
            name: "Haust".into(),
            starts_on: None,
        };
        assert_eq!(c.validate()[0].field, "employer");
    }
}
