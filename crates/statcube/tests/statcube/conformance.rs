//! The jsonstat validator's case corpus as a conformance suite: valid cases read, invalid ones are
//! refused with the validator's code for the reason.

use serde_json::Value;

use super::data_path;

#[test]
fn validator_corpus() {
    let text = std::fs::read_to_string(data_path("jsonstat_validator_cases.json")).unwrap();
    let cases: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(cases.len(), 20);
    for case in &cases {
        let id = case["id"].as_str().unwrap();
        let input = serde_json::to_vec(&case["input"]).unwrap();
        let result = statcube::jsonstat::read_all(&input);
        // "valid": true on an invalid case marks a warning only (METRIC_UNIT_MISSING): still a cube.
        let should_read = case["group"] == "valid" || case["expected"]["valid"] == true;
        if should_read {
            let cubes = result.unwrap_or_else(|e| panic!("{id}: refused: {e}"));
            assert!(!cubes.is_empty(), "{id}");
        } else {
            let e = result
                .err()
                .unwrap_or_else(|| panic!("{id}: read, but it is invalid"));
            let codes: Vec<&str> = case["expected"]["codes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect();
            assert!(
                codes.iter().any(|c| e.message().starts_with(c)),
                "{id}: {e} does not give {codes:?}"
            );
            assert!(e.keyword().is_some(), "{id}: {e} names no place");
        }
    }
}
