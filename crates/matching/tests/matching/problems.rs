//! The full matching: hard constraints, scores and explanations, locks, reasons, bad input.

use matching::{propose, Problem, ProblemError};
use serde_json::{json, Value};

fn mentor(id: &str, municipality: &str, capacity: i64) -> Value {
    json!({"id": id, "consent": true, "municipality": municipality,
           "languages": {"nb": "native"}, "capacity": capacity})
}

fn mentee(id: &str, municipality: &str) -> Value {
    json!({"id": id, "consent": true, "municipality": municipality,
           "languages": {"nb": "B1"}})
}

fn problem(v: &Value) -> Result<Problem, ProblemError> {
    Problem::from_json(&v.to_string())
}

fn run(v: &Value) -> Value {
    serde_json::to_value(propose(&problem(v).unwrap()).unwrap()).unwrap()
}

fn refused(v: &Value) -> String {
    match problem(v).and_then(|p| propose(&p)) {
        Err(e) => e.to_string(),
        Ok(p) => panic!("accepted: {p:?}"),
    }
}

fn pairs(out: &Value) -> Vec<(String, String)> {
    out["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["mentor"].as_str().unwrap().to_string(),
                p["mentee"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn reason(out: &Value, id: &str) -> String {
    out["unmatched"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == id)
        .map(|u| u["reason"].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("{id} is not unmatched"))
}

#[test]
fn the_best_pairs_are_proposed_with_their_reasons() {
    let mut a = mentor("anna", "Sogndal", 2);
    a["occupation"] = json!("Electrician");
    a["interests"] = json!(["football", "Cooking", "chess"]);
    a["availability"] = json!(["tue-evening", "sat"]);
    let b = mentor("bjørn", "Luster", 1);
    let mut x = mentee("xu", "Sogndal");
    x["occupation_wanted"] = json!("electrician ");
    x["interests"] = json!(["cooking", "football", "hiking"]);
    x["availability"] = json!(["sat"]);
    x["languages"] = json!({"nb": "B2", "en": "C1"});
    let y = mentee("yara", "Luster");
    let v = json!({"mentors": [a, b], "mentees": [x, y],
                   "rules": {"neighbours": [["Sogndal", "Luster"]]}});
    let out = run(&v);
    assert_eq!(
        pairs(&out),
        vec![
            ("anna".into(), "xu".into()),
            ("bjørn".into(), "yara".into())
        ]
    );
    let xu = &out["pairs"][0];
    // 10 municipality + 5 language above B1 + 20 occupation + 2·3 interests + 1·2 availability
    assert_eq!(xu["score"], 43);
    let criteria: Vec<&str> = xu["explanation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["criterion"].as_str().unwrap())
        .collect();
    assert_eq!(
        criteria,
        [
            "same_municipality",
            "shared_language_above_minimum",
            "same_occupation",
            "shared_interests",
            "overlapping_availability"
        ]
    );
    assert_eq!(
        xu["explanation"][3]["matched"],
        json!(["Cooking", "football"])
    );
    // yara speaks B1, not above it: municipality only
    assert_eq!(out["total"], 43 + 10);
    assert_eq!(out["matched"], 2);
    assert_eq!(out, run(&v), "the same problem gives the same proposal");
}

#[test]
fn more_matched_mentees_beat_a_higher_score() {
    let mut a = mentor("a", "X", 1);
    a["interests"] = json!(["i1", "i2", "i3", "i4", "i5"]);
    let b = mentor("b", "Y", 1);
    let mut e1 = mentee("e1", "X");
    e1["interests"] = a["interests"].clone();
    let e2 = mentee("e2", "Z");
    // a fits both mentees, b only e1
    let v = json!({"mentors": [a, b], "mentees": [e1, e2],
                   "rules": {"neighbours": [["X", "Y"], ["X", "Z"]],
                             "weights": {"same_municipality": 0}}});
    let out = run(&v);
    // a+e1 alone would score 15; matching both mentees is worth more.
    assert_eq!(
        pairs(&out),
        vec![("a".into(), "e2".into()), ("b".into(), "e1".into())]
    );
}

#[test]
fn everyone_left_over_has_a_reason() {
    let mut quiet = mentee("quiet", "X");
    quiet["consent"] = json!(false);
    let far = mentee("far", "Z");
    let mut arabic = mentee("arabic", "X");
    arabic["languages"] = json!({"ar": "native", "nb": "A2"});
    let excluded = mentee("excluded", "X");
    let late = mentee("late", "X");
    let first = mentee("first", "X");
    let mut shy = mentor("shy", "X", 3);
    shy["consent"] = json!(false);
    let v = json!({
        "mentors": [mentor("m", "X", 1), mentor("zero", "W", 0), shy, mentor("lonely", "Q", 1)],
        "mentees": [quiet, far, arabic, excluded, first, late],
        "rules": {"exclusions": [{"mentor": "m", "mentee": "excluded"}],
                  "locks": [{"mentor": "m", "mentee": "first"}]}
    });
    let out = run(&v);
    assert_eq!(pairs(&out), vec![("m".into(), "first".into())]);
    assert_eq!(out["pairs"][0]["locked"], true);
    assert_eq!(reason(&out, "quiet"), "no_consent");
    assert_eq!(reason(&out, "far"), "no_mentor_nearby");
    assert_eq!(reason(&out, "arabic"), "no_shared_language");
    assert_eq!(reason(&out, "excluded"), "excluded_by_coordinator");
    assert_eq!(reason(&out, "late"), "all_feasible_mentors_full");
    assert_eq!(reason(&out, "zero"), "no_capacity");
    assert_eq!(reason(&out, "shy"), "no_consent");
    assert_eq!(reason(&out, "lonely"), "no_mentee_nearby");
    let late = out["unmatched"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == "late")
        .unwrap();
    assert_eq!(
        late["detail"], "every mentor who would fit is full: `m`",
        "{late}"
    );
}

#[test]
fn nobody_can_be_matched_is_an_answer_not_an_error() {
    let v = json!({"mentors": [mentor("m", "A", 1)], "mentees": [mentee("e", "B")]});
    let out = run(&v);
    assert_eq!(out["matched"], 0);
    assert_eq!(out["total"], 0);
    assert_eq!(reason(&out, "e"), "no_mentor_nearby");
    assert_eq!(reason(&out, "m"), "no_mentee_nearby");
    let empty = run(&json!({"mentors": [], "mentees": []}));
    assert_eq!(empty["pairs"], json!([]));
}

#[test]
fn a_lock_wins_over_a_better_pair() {
    let mut best = mentee("best", "X");
    best["interests"] = json!(["a"]);
    let mut m = mentor("m", "X", 1);
    m["interests"] = json!(["a"]);
    let v = json!({"mentors": [m], "mentees": [best, mentee("other", "X")],
                   "rules": {"locks": [{"mentor": "m", "mentee": "other"}]}});
    let out = run(&v);
    assert_eq!(pairs(&out), vec![("m".into(), "other".into())]);
    assert_eq!(reason(&out, "best"), "all_feasible_mentors_full");
}

#[test]
fn bad_problems_are_refused_naming_the_field() {
    let base = || json!({"mentors": [mentor("m", "X", 1)], "mentees": [mentee("e", "X")]});
    let with = |path: &[&str], value: Value| {
        let mut v = base();
        let mut at = &mut v;
        for p in &path[..path.len() - 1] {
            at = match p.parse::<usize>() {
                Ok(i) => &mut at[i],
                Err(_) => &mut at[*p],
            };
        }
        at[path[path.len() - 1]] = value;
        v
    };
    assert_eq!(
        refused(&with(&["mentees", "0", "id"], json!("m"))),
        "mentees[0].id: `m` is already the id of mentors[0]; every person needs their own id"
    );
    assert_eq!(
        refused(&with(&["mentors", "0", "capacity"], json!(-1))),
        "mentors[0].capacity: mentor `m` has capacity -1; it must be 0 or more"
    );
    assert_eq!(
        refused(&with(&["rules"], json!({"weights": {"same_industry": -3}}))),
        "rules.weights.same_industry: the weight is -3; it must be between 0 and 1000000"
    );
    assert_eq!(
        refused(&with(
            &["rules"],
            json!({"locks": [{"mentor": "m", "mentee": "nobody"}]})
        )),
        "rules.locks[0].mentee: there is no mentee `nobody`"
    );
    assert_eq!(
        refused(&with(
            &["rules"],
            json!({"exclusions": [{"mentor": "x", "mentee": "e"}]})
        )),
        "rules.exclusions[0].mentor: there is no mentor `x`"
    );
    assert_eq!(
        refused(&with(
            &["rules"],
            json!({"min_language_level": "C1", "locks": [{"mentor": "m", "mentee": "e"}]})
        )),
        "rules.locks[0]: mentor `m` and mentee `e` cannot be locked together: \
         they share no language at C1 or above"
    );
    assert_eq!(
        refused(&with(
            &["rules"],
            json!({"locks": [{"mentor": "m", "mentee": "e"}],
                   "exclusions": [{"mentor": "m", "mentee": "e"}]})
        )),
        "rules.locks[0]: mentor `m` and mentee `e` are both locked and excluded"
    );
    let mut two = base();
    two["mentees"] = json!([mentee("e", "X"), mentee("f", "X")]);
    two["rules"] =
        json!({"locks": [{"mentor": "m", "mentee": "e"}, {"mentor": "m", "mentee": "f"}]});
    assert_eq!(
        refused(&two),
        "rules.locks: 2 mentees are locked to mentor `m`, whose capacity is 1"
    );
    two["rules"] =
        json!({"locks": [{"mentor": "m", "mentee": "e"}, {"mentor": "m", "mentee": "e"}]});
    assert!(refused(&two).starts_with("rules.locks[1]: mentee `e` is already locked"));
    assert!(refused(&with(
        &["mentors", "0", "languages"],
        json!({"nb": "fluent"})
    ))
    .contains("unknown language level `fluent` (expected A1, A2, B1, B2, C1, C2 or native)"));
    assert!(refused(&with(&["mentors", "0", "capasity"], json!(1))).contains("capasity"));
    assert!(
        refused(&with(&["rules"], json!({"neighbours": "everyone"})))
            .contains("same_municipality_only")
    );
    assert!(refused(&with(&["mentees", "0", "id"], json!(" "))).contains("must not be empty"));
    assert!(Problem::from_json("{").is_err());
}

/// Tiny deterministic generator, so the test needs no randomness crate.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// The best (matched, score) by trying every way to give each mentee a mentor or none.
fn brute_force(p: &Problem) -> (usize, i64) {
    let rules = matching::score::Rules::new(p).unwrap();
    let ne = p.mentees.len();
    let mut load = vec![0i64; p.mentors.len()];
    fn go(
        e: usize,
        ne: usize,
        p: &Problem,
        rules: &matching::score::Rules,
        load: &mut [i64],
        acc: (usize, i64),
        best: &mut (usize, i64),
    ) {
        if e == ne {
            *best = (*best).max(acc);
            return;
        }
        let lock = p
            .rules
            .locks
            .iter()
            .find(|l| l.mentee == p.mentees[e].id)
            .map(|l| p.mentors.iter().position(|m| m.id == l.mentor).unwrap());
        if lock.is_none() {
            go(e + 1, ne, p, rules, load, acc, best);
        }
        for m in 0..p.mentors.len() {
            if lock.is_some_and(|l| l != m)
                || rules.block(m, e).is_some()
                || load[m] >= p.mentors[m].capacity
            {
                continue;
            }
            load[m] += 1;
            let next = (acc.0 + 1, acc.1 + rules.points(m, e));
            go(e + 1, ne, p, rules, load, next, best);
            load[m] -= 1;
        }
    }
    let mut best = (0, 0);
    go(0, ne, p, &rules, &mut load, (0, 0), &mut best);
    best
}

#[test]
fn random_small_problems_reach_the_best_count_then_score() {
    let mut rng = Lcg(7);
    let towns = ["A", "B", "C"];
    let pick = |rng: &mut Lcg, from: &[&str]| -> Vec<String> {
        from.iter()
            .filter(|_| rng.next(2) == 0)
            .map(|s| s.to_string())
            .collect()
    };
    for case in 0..300 {
        let levels = ["A2", "B1", "C1", "native"];
        let person = |rng: &mut Lcg, id: String, mentor: bool| {
            let mut v = json!({
                "id": id, "consent": rng.next(8) != 0,
                "municipality": towns[rng.next(3) as usize],
                "languages": {"nb": levels[rng.next(4) as usize], "en": levels[rng.next(4) as usize]},
                "interests": pick(rng, &["x", "y", "z"]),
                "availability": pick(rng, &["mon", "tue"]),
            });
            let job = ["cook", "nurse"][rng.next(2) as usize];
            if mentor {
                v["capacity"] = json!(rng.next(3));
                v["occupation"] = json!(job);
            } else {
                v["occupation_wanted"] = json!(job);
            }
            v
        };
        let nm = 1 + rng.next(3) as usize;
        let ne = 1 + rng.next(5) as usize;
        let mentors: Vec<Value> = (0..nm)
            .map(|k| person(&mut rng, format!("m{k}"), true))
            .collect();
        let mentees: Vec<Value> = (0..ne)
            .map(|k| person(&mut rng, format!("e{k}"), false))
            .collect();
        let mut v = json!({"mentors": mentors, "mentees": mentees,
                           "rules": {"neighbours": [["A", "B"]]}});
        if rng.next(3) == 0 {
            v["rules"]["exclusions"] = json!([{"mentor": "m0", "mentee": "e0"}]);
        }
        let p = problem(&v).unwrap();
        let got = propose(&p).unwrap();
        assert_eq!(
            (got.matched, got.total),
            brute_force(&p),
            "case {case}: {v}"
        );
    }
}
