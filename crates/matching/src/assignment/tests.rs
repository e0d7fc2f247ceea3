use super::*;
use proptest::prelude::*;

fn m(rows: &[&[i64]]) -> Matrix {
    Matrix::from_rows(&rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>()).unwrap()
}

/// The best (number of forbidden cells, total) over every way to assign the shorter side,
/// by trying them all.
fn brute_force(matrix: &Matrix, goal: Goal) -> (usize, i128) {
    let t = matrix.rows > matrix.cols;
    let (nr, nc) = if t {
        (matrix.cols, matrix.rows)
    } else {
        (matrix.rows, matrix.cols)
    };
    let cell = |r: usize, c: usize| if t { (c, r) } else { (r, c) };
    let mut best: Option<(usize, i128)> = None;
    let mut used = vec![false; nc];
    #[allow(clippy::too_many_arguments)]
    fn go(
        r: usize,
        nr: usize,
        nc: usize,
        used: &mut [bool],
        bad: usize,
        sum: i128,
        f: &dyn Fn(usize, usize) -> Option<i64>,
        goal: Goal,
        best: &mut Option<(usize, i128)>,
    ) {
        if r == nr {
            let better = match *best {
                None => true,
                Some((b, s)) => {
                    bad < b
                        || (bad == b
                            && match goal {
                                Goal::Minimize => sum < s,
                                Goal::Maximize => sum > s,
                            })
                }
            };
            if better {
                *best = Some((bad, sum));
            }
            return;
        }
        for c in 0..nc {
            if used[c] {
                continue;
            }
            used[c] = true;
            match f(r, c) {
                Some(v) => go(r + 1, nr, nc, used, bad, sum + i128::from(v), f, goal, best),
                None => go(r + 1, nr, nc, used, bad + 1, sum, f, goal, best),
            }
            used[c] = false;
        }
    }
    let f = |r: usize, c: usize| {
        let (a, b) = cell(r, c);
        matrix.get(a, b)
    };
    go(0, nr, nc, &mut used, 0, 0, &f, goal, &mut best);
    best.unwrap()
}

fn check_valid(matrix: &Matrix, a: &Assignment) {
    let short = matrix.rows.min(matrix.cols);
    assert_eq!(a.pairs.len(), short);
    let mut rows = vec![false; matrix.rows];
    let mut cols = vec![false; matrix.cols];
    let mut total = 0i128;
    for w in a.pairs.windows(2) {
        assert!(w[0].0 < w[1].0, "pairs sorted by row");
    }
    for &(r, c) in &a.pairs {
        assert!(!rows[r] && !cols[c], "each row and column at most once");
        rows[r] = true;
        cols[c] = true;
        total += i128::from(matrix.get(r, c).expect("an allowed cell"));
    }
    assert_eq!(total, a.total);
}

#[test]
fn square_minimum_and_maximum() {
    let x = m(&[&[4, 1, 3], &[2, 0, 5], &[3, 2, 2]]);
    let a = solve(&x, Goal::Minimize).unwrap();
    assert_eq!(a.total, 5);
    assert_eq!(a.pairs, vec![(0, 1), (1, 0), (2, 2)]);
    let b = solve(&x, Goal::Maximize).unwrap();
    assert_eq!(b.total, 11);
    check_valid(&x, &b);
}

#[test]
fn wide_and_tall_matrices_assign_the_shorter_side() {
    let wide = m(&[&[10, 1, 10, 10], &[1, 10, 10, 10]]);
    let a = solve(&wide, Goal::Minimize).unwrap();
    assert_eq!((a.total, a.pairs.clone()), (2, vec![(0, 1), (1, 0)]));
    let tall = m(&[&[10, 1], &[1, 10], &[0, 0]]);
    let a = solve(&tall, Goal::Minimize).unwrap();
    assert_eq!(a.total, 1);
    check_valid(&tall, &a);
}

#[test]
fn empty_matrices_have_an_empty_assignment() {
    let a = solve(&Matrix::new(0, 3, vec![]).unwrap(), Goal::Minimize).unwrap();
    assert_eq!((a.total, a.pairs.len()), (0, 0));
    let a = solve(&Matrix::new(2, 0, vec![]).unwrap(), Goal::Maximize).unwrap();
    assert_eq!((a.total, a.pairs.len()), (0, 0));
}

#[test]
fn the_same_input_gives_the_same_pairs() {
    let x = Matrix::new(6, 6, vec![7; 36]).unwrap();
    let first = solve(&x, Goal::Minimize).unwrap();
    for _ in 0..5 {
        assert_eq!(solve(&x, Goal::Minimize).unwrap(), first);
    }
    assert_eq!(first.total, 42);
}

#[test]
fn extreme_values_do_not_overflow() {
    let x = m(&[&[i64::MIN, i64::MAX], &[i64::MAX, i64::MIN]]);
    let a = solve(&x, Goal::Minimize).unwrap();
    assert_eq!(a.total, 2 * i128::from(i64::MIN));
    let b = solve(&x, Goal::Maximize).unwrap();
    assert_eq!(b.total, 2 * i128::from(i64::MAX));
    let mut y = m(&[&[i64::MAX, i64::MIN, 0], &[0, i64::MAX, i64::MIN]]);
    y.forbid(0, 1);
    let a = solve(&y, Goal::Minimize).unwrap();
    assert_eq!(a.pairs, vec![(0, 0), (1, 2)]);
    assert_eq!(a.total, -1);
    y.forbid(1, 2);
    let b = solve(&y, Goal::Minimize).unwrap();
    assert_eq!(b.pairs, vec![(0, 2), (1, 0)]);
    assert_eq!(b.total, 0);
}

#[test]
fn forbidden_cells_are_never_used() {
    let mut x = m(&[&[0, 9], &[0, 9]]);
    x.forbid(1, 0);
    let a = solve(&x, Goal::Minimize).unwrap();
    assert_eq!(a.pairs, vec![(0, 0), (1, 1)]);
    assert_eq!(a.total, 9);
}

#[test]
fn rows_that_cannot_be_placed_are_named() {
    let x = Matrix::with_forbidden(
        3,
        3,
        &[
            Some(1),
            None,
            None,
            Some(1),
            None,
            None,
            Some(1),
            Some(1),
            Some(1),
        ],
    )
    .unwrap();
    let err = solve(&x, Goal::Minimize).unwrap_err();
    assert_eq!(
        err,
        AssignmentError::Unplaceable {
            axis: Axis::Rows,
            indices: vec![1]
        }
    );
    assert_eq!(
        err.to_string(),
        "no assignment uses only allowed cells: 1 row cannot be placed (0-based: 1); \
         without it every other row can be"
    );
    let all = Matrix::with_forbidden(1, 2, &[None, None]).unwrap();
    assert!(matches!(
        solve(&all, Goal::Maximize),
        Err(AssignmentError::Unplaceable { indices, .. }) if indices == [0]
    ));
    let tall = Matrix::with_forbidden(3, 1, &[None, None, None]).unwrap();
    assert!(solve(&tall, Goal::Minimize)
        .unwrap_err()
        .to_string()
        .contains("1 column cannot be placed"));
}

#[test]
fn shapes_are_checked() {
    assert!(matches!(
        Matrix::new(2, 2, vec![1, 2, 3]),
        Err(AssignmentError::Shape { cells: 3, .. })
    ));
    assert!(matches!(
        Matrix::from_rows(&[vec![1, 2], vec![3]]),
        Err(AssignmentError::Ragged {
            row: 1,
            len: 1,
            expected: 2
        })
    ));
}

/// Small matrices, square or not, with few distinct values (many ties) and some forbidden
/// cells, on either side of zero.
fn small_matrix() -> impl Strategy<Value = (Matrix, Goal)> {
    (1usize..=7, 1usize..=7, 1i64..=4, 0u8..=3, any::<bool>())
        .prop_flat_map(|(rows, cols, distinct, forbid_weight, max)| {
            let cell = prop_oneof![
                10 => (0..distinct).prop_map(move |v| Some(v * 1000 - 1500)),
                u32::from(forbid_weight) => Just(None),
            ];
            (
                proptest::collection::vec(cell, rows * cols),
                Just((rows, cols, max)),
            )
        })
        .prop_map(|(cells, (rows, cols, max))| {
            let goal = if max { Goal::Maximize } else { Goal::Minimize };
            (Matrix::with_forbidden(rows, cols, &cells).unwrap(), goal)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn agrees_with_brute_force((matrix, goal) in small_matrix()) {
        let (bad, best) = brute_force(&matrix, goal);
        match solve(&matrix, goal) {
            Ok(a) => {
                prop_assert_eq!(bad, 0);
                check_valid(&matrix, &a);
                prop_assert_eq!(a.total, best);
            }
            Err(AssignmentError::Unplaceable { indices, .. }) => {
                prop_assert_eq!(indices.len(), bad);
            }
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn wide_values_agree_with_brute_force(
        rows in 1usize..=5,
        extra in 0usize..=2,
        seed in proptest::collection::vec(any::<i64>(), 35),
        max in any::<bool>(),
    ) {
        let cols = rows + extra;
        let matrix = Matrix::new(rows, cols, seed[..rows * cols].to_vec()).unwrap();
        let goal = if max { Goal::Maximize } else { Goal::Minimize };
        let a = solve(&matrix, goal).unwrap();
        check_valid(&matrix, &a);
        prop_assert_eq!(a.total, brute_force(&matrix, goal).1);
    }
}
