//! The solver against optimal totals computed by scipy's `linear_sum_assignment`
//! (`tests/data/scipy_fixture.json`, written by `tests/scipy_check.sh --fixture`).

use matching::{solve, AssignmentError, Goal, Matrix};
use serde_json::Value;

#[test]
fn optimal_totals_agree_with_scipy() {
    let text = include_str!("../data/scipy_fixture.json");
    let cases: Vec<Value> = serde_json::from_str(text).unwrap();
    assert!(cases.len() >= 50);
    let mut infeasible = 0;
    for (k, case) in cases.iter().enumerate() {
        let rows = case["rows"].as_array().unwrap();
        let cols = rows[0].as_array().unwrap().len();
        let cells: Vec<Option<i64>> = rows
            .iter()
            .flat_map(|r| r.as_array().unwrap().iter().map(Value::as_i64))
            .collect();
        let matrix = Matrix::with_forbidden(rows.len(), cols, &cells).unwrap();
        let goal = if case["maximize"].as_bool().unwrap() {
            Goal::Maximize
        } else {
            Goal::Minimize
        };
        let kind = case["kind"].as_str().unwrap();
        match (solve(&matrix, goal), case["total"].as_i64()) {
            (Ok(a), Some(total)) => {
                assert_eq!(a.total, i128::from(total), "case {k} ({kind})");
                assert_eq!(a.pairs.len(), rows.len().min(cols), "case {k}");
                let sum: i128 = a
                    .pairs
                    .iter()
                    .map(|&(r, c)| i128::from(matrix.get(r, c).expect("allowed")))
                    .sum();
                assert_eq!(sum, a.total, "case {k}");
            }
            (Err(AssignmentError::Unplaceable { indices, .. }), None) => {
                assert!(!indices.is_empty());
                infeasible += 1;
            }
            (got, want) => panic!("case {k} ({kind}): got {got:?}, scipy {want:?}"),
        }
    }
    assert!(infeasible > 0, "the fixture covers infeasible matrices");
}
