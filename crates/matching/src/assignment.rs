//! Exact linear assignment on rectangular integer matrices.
//!
//! The shortest augmenting path method of Jonker and Volgenant in the form Crouse gives it
//! ("On implementing 2D rectangular assignment algorithms", 2016), which is also what scipy's
//! `linear_sum_assignment` runs: one Dijkstra search per row over reduced costs, then a dual
//! update that keeps every reduced cost non-negative. O(n²·m) in the worst case.
//!
//! Everything is integer. Costs are shifted so the smallest allowed one is 0 (or, to maximise,
//! subtracted from the largest), which bounds every potential and path length by a small multiple
//! of the value range; that range picks i64 arithmetic when it is safe and i128 otherwise, so
//! there is no overflow and no rounding. A forbidden cell costs more than any assignment of the
//! allowed ones, so the solver places as many rows as possible on allowed cells and the rows left
//! on forbidden cells are exactly a smallest set that cannot be placed.

use std::ops::{Add, Sub};

mod search;

/// Whether the total is to be made as small or as large as possible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    Minimize,
    Maximize,
}

/// A dense row-major integer matrix in which some cells may be forbidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    rows: usize,
    cols: usize,
    cells: Vec<i64>,
    /// Empty while no cell is forbidden, so plain matrices carry no mask.
    forbidden: Vec<bool>,
}

impl Matrix {
    /// A `rows` × `cols` matrix from its cells, row after row.
    pub fn new(rows: usize, cols: usize, cells: Vec<i64>) -> Result<Self, AssignmentError> {
        if rows.checked_mul(cols) != Some(cells.len()) {
            return Err(AssignmentError::Shape {
                rows,
                cols,
                cells: cells.len(),
            });
        }
        Ok(Matrix {
            rows,
            cols,
            cells,
            forbidden: Vec::new(),
        })
    }

    /// A matrix from its rows, which must all be as long as the first.
    pub fn from_rows(rows: &[Vec<i64>]) -> Result<Self, AssignmentError> {
        let cols = rows.first().map_or(0, Vec::len);
        let mut cells = Vec::with_capacity(rows.len() * cols);
        for (row, values) in rows.iter().enumerate() {
            if values.len() != cols {
                return Err(AssignmentError::Ragged {
                    row,
                    len: values.len(),
                    expected: cols,
                });
            }
            cells.extend_from_slice(values);
        }
        Matrix::new(rows.len(), cols, cells)
    }

    /// A matrix whose `None` cells may not be assigned.
    pub fn with_forbidden(
        rows: usize,
        cols: usize,
        cells: &[Option<i64>],
    ) -> Result<Self, AssignmentError> {
        let mut m = Matrix::new(rows, cols, cells.iter().map(|c| c.unwrap_or(0)).collect())?;
        if cells.iter().any(Option::is_none) {
            m.forbidden = cells.iter().map(Option::is_none).collect();
        }
        Ok(m)
    }

    /// Forbid assigning `row` to `col`.
    ///
    /// # Panics
    /// If the cell is outside the matrix.
    pub fn forbid(&mut self, row: usize, col: usize) {
        assert!(
            row < self.rows && col < self.cols,
            "cell outside the matrix"
        );
        if self.forbidden.is_empty() {
            self.forbidden = vec![false; self.cells.len()];
        }
        self.forbidden[row * self.cols + col] = true;
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn cols(&self) -> usize {
        self.cols
    }

    /// The cell's value, or `None` if it is forbidden.
    pub fn get(&self, row: usize, col: usize) -> Option<i64> {
        let k = row * self.cols + col;
        if self.is_forbidden(k) {
            None
        } else {
            Some(self.cells[k])
        }
    }

    fn is_forbidden(&self, k: usize) -> bool {
        !self.forbidden.is_empty() && self.forbidden[k]
    }
}

/// An optimal assignment: `(row, column)` pairs sorted by row, and their total.
///
/// With at least as many columns as rows every row is assigned; with more rows than columns
/// every column is (as scipy does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub total: i128,
    pub pairs: Vec<(usize, usize)>,
}

/// Which side of the matrix must be assigned completely: the shorter one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    Rows,
    Columns,
}

impl Axis {
    fn name(self, count: usize) -> &'static str {
        match (self, count) {
            (Axis::Rows, 1) => "row",
            (Axis::Rows, _) => "rows",
            (Axis::Columns, 1) => "column",
            (Axis::Columns, _) => "columns",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssignmentError {
    #[error("a {rows} × {cols} matrix needs {} cells, not {cells}", rows.saturating_mul(*cols))]
    Shape {
        rows: usize,
        cols: usize,
        cells: usize,
    },
    #[error("row {row} has {len} values, expected {expected} like the first row")]
    Ragged {
        row: usize,
        len: usize,
        expected: usize,
    },
    #[error(
        "no assignment uses only allowed cells: {} {} cannot be placed \
         (0-based: {}); without {} every other {} can be",
        indices.len(),
        axis.name(indices.len()),
        list(indices),
        if indices.len() == 1 { "it" } else { "them" },
        axis.name(1)
    )]
    Unplaceable { axis: Axis, indices: Vec<usize> },
}

fn list(indices: &[usize]) -> String {
    let shown: Vec<String> = indices.iter().take(20).map(usize::to_string).collect();
    let more = indices.len().saturating_sub(shown.len());
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

/// The integer types the search runs in. i64 is the fast path; i128 takes value ranges for
/// which potentials could leave i64.
trait Num: Copy + Ord + Add<Output = Self> + Sub<Output = Self> {
    const ZERO: Self;
    const INF: Self;
    fn from_u128(v: u128) -> Self;
}

impl Num for i64 {
    const ZERO: Self = 0;
    const INF: Self = i64::MAX;
    fn from_u128(v: u128) -> Self {
        i64::try_from(v).expect("checked against the range bound")
    }
}

impl Num for i128 {
    const ZERO: Self = 0;
    const INF: Self = i128::MAX;
    fn from_u128(v: u128) -> Self {
        i128::try_from(v).expect("checked against the range bound")
    }
}

/// Potentials stay within [-W, W] and path lengths within 4·W for shifted costs in [0, W]; a
/// factor 16 leaves room for the sums formed on the way.
const HEADROOM: u128 = 16;

/// An optimal assignment of `matrix`, or which rows (columns, if there are more rows than
/// columns) cannot be placed when forbidden cells leave no complete assignment.
pub fn solve(matrix: &Matrix, goal: Goal) -> Result<Assignment, AssignmentError> {
    if matrix.rows == 0 || matrix.cols == 0 {
        return Ok(Assignment {
            total: 0,
            pairs: Vec::new(),
        });
    }
    let transposed = matrix.rows > matrix.cols;
    let (lo, hi) = allowed_range(matrix);
    let range = (i128::from(hi) - i128::from(lo)) as u128;
    let short = matrix.rows.min(matrix.cols) as u128;
    let forbidden_cost = if matrix.forbidden.iter().any(|&f| f) {
        // More than every allowed cell of a complete assignment together.
        Some(range.saturating_mul(short).saturating_add(1))
    } else {
        None
    };
    let widest = forbidden_cost.unwrap_or(0).max(range);
    let col4row = if widest <= i64::MAX as u128 / HEADROOM {
        run::<i64>(matrix, goal, transposed, lo, hi, forbidden_cost)
    } else {
        assert!(
            widest <= i128::MAX as u128 / HEADROOM,
            "an i64 value range times a usize row count always fits"
        );
        run::<i128>(matrix, goal, transposed, lo, hi, forbidden_cost)
    };

    let mut pairs: Vec<(usize, usize)> = col4row
        .iter()
        .enumerate()
        .map(|(r, &c)| if transposed { (c, r) } else { (r, c) })
        .collect();
    pairs.sort_unstable();
    let mut stuck: Vec<usize> = col4row
        .iter()
        .enumerate()
        .filter(|&(r, &c)| {
            let (row, col) = if transposed { (c, r) } else { (r, c) };
            matrix.is_forbidden(row * matrix.cols + col)
        })
        .map(|(r, _)| r)
        .collect();
    if !stuck.is_empty() {
        stuck.sort_unstable();
        return Err(AssignmentError::Unplaceable {
            axis: if transposed {
                Axis::Columns
            } else {
                Axis::Rows
            },
            indices: stuck,
        });
    }
    let total = pairs
        .iter()
        .map(|&(r, c)| i128::from(matrix.cells[r * matrix.cols + c]))
        .sum();
    Ok(Assignment { total, pairs })
}

/// The smallest and largest allowed values; (0, 0) when every cell is forbidden.
fn allowed_range(matrix: &Matrix) -> (i64, i64) {
    let mut range: Option<(i64, i64)> = None;
    for (k, &v) in matrix.cells.iter().enumerate() {
        if matrix.is_forbidden(k) {
            continue;
        }
        range = Some(match range {
            None => (v, v),
            Some((lo, hi)) => (lo.min(v), hi.max(v)),
        });
    }
    range.unwrap_or((0, 0))
}

/// Builds the shifted, possibly transposed working matrix (rows ≤ columns) and solves it,
/// returning the column of each working row.
fn run<T: Num>(
    matrix: &Matrix,
    goal: Goal,
    transposed: bool,
    lo: i64,
    hi: i64,
    forbidden_cost: Option<u128>,
) -> Vec<usize> {
    let (nr, nc) = if transposed {
        (matrix.cols, matrix.rows)
    } else {
        (matrix.rows, matrix.cols)
    };
    let shift = |k: usize| -> T {
        if matrix.is_forbidden(k) {
            return T::from_u128(forbidden_cost.expect("a forbidden cell sets the cost"));
        }
        let v = i128::from(matrix.cells[k]);
        let shifted = match goal {
            Goal::Minimize => v - i128::from(lo),
            Goal::Maximize => i128::from(hi) - v,
        };
        T::from_u128(shifted as u128)
    };
    let mut cost = Vec::with_capacity(nr * nc);
    if transposed {
        for r in 0..nr {
            cost.extend((0..nc).map(|c| shift(c * matrix.cols + r)));
        }
    } else {
        cost.extend((0..nr * nc).map(shift));
    }
    search::shortest_augmenting_paths(nr, nc, &cost)
}

#[cfg(test)]
mod tests;
