//! The search itself, on a shifted cost matrix with rows ≤ columns and every cost ≥ 0.

use super::Num;

const NONE: usize = usize::MAX;

/// The column of each row in a minimum-cost assignment of the `nr` × `nc` row-major `cost`.
///
/// Deterministic: columns are scanned in a fixed order and the first column reached at the
/// lowest distance wins, free columns before assigned ones, as in scipy.
pub(super) fn shortest_augmenting_paths<T: Num>(nr: usize, nc: usize, cost: &[T]) -> Vec<usize> {
    debug_assert!(nr <= nc && cost.len() == nr * nc);
    let mut s = State::new(nr, nc);
    let mut col4row = vec![NONE; nr];
    let mut row4col = vec![NONE; nc];

    // Row reduction: with u = row minima and v = 0 every reduced cost is ≥ 0 and a free column
    // keeps v = 0, so each row whose cheapest column is still free takes it at once. On dense
    // random matrices this settles about 60 % of the rows before any search.
    let mut u = vec![T::ZERO; nr];
    for (i, row) in cost.chunks_exact(nc).enumerate() {
        let (j, &min) = row
            .iter()
            .enumerate()
            .min_by_key(|&(_, c)| *c)
            .expect("at least one column");
        u[i] = min;
        if row4col[j] == NONE {
            row4col[j] = i;
            col4row[i] = j;
        }
    }

    for cur in 0..nr {
        if col4row[cur] != NONE {
            continue;
        }
        let (sink, min_val) = s.augmenting_path(cur, nc, cost, &u, &row4col);
        s.update_duals(cur, min_val, &mut u, &col4row);
        let mut j = sink;
        loop {
            let i = s.path[j];
            row4col[j] = i;
            std::mem::swap(&mut col4row[i], &mut j);
            if i == cur {
                break;
            }
        }
    }
    col4row
}

/// Work arrays, allocated once for all rows.
struct State<T> {
    v: Vec<T>,
    shortest: Vec<T>,
    path: Vec<usize>,
    /// Columns not yet scanned in the current search are `remaining[..num_remaining]`.
    remaining: Vec<usize>,
    scanned_rows: Vec<usize>,
    scanned_cols: Vec<usize>,
}

impl<T: Num> State<T> {
    fn new(nr: usize, nc: usize) -> Self {
        State {
            v: vec![T::ZERO; nc],
            shortest: vec![T::INF; nc],
            path: vec![NONE; nc],
            remaining: vec![0; nc],
            scanned_rows: Vec::with_capacity(nr),
            scanned_cols: Vec::with_capacity(nc),
        }
    }

    /// Dijkstra from row `cur` over reduced costs until it reaches a free column: that column
    /// and its distance.
    fn augmenting_path(
        &mut self,
        cur: usize,
        nc: usize,
        cost: &[T],
        u: &[T],
        row4col: &[usize],
    ) -> (usize, T) {
        for (it, r) in self.remaining.iter_mut().enumerate() {
            *r = nc - it - 1;
        }
        self.shortest.fill(T::INF);
        self.scanned_rows.clear();
        self.scanned_cols.clear();
        let mut num_remaining = nc;
        let mut min_val = T::ZERO;
        let mut i = cur;
        loop {
            self.scanned_rows.push(i);
            let row = &cost[i * nc..(i + 1) * nc];
            let base = min_val - u[i];
            let mut lowest = T::INF;
            let mut index = NONE;
            // Selects instead of branches: whether a column's distance improves is a coin toss
            // on random costs, and a mispredicted branch costs more than the store.
            let shortest = &mut self.shortest[..nc];
            let path = &mut self.path[..nc];
            let v = &self.v[..nc];
            let row4col = &row4col[..nc];
            for (it, &j) in self.remaining[..num_remaining].iter().enumerate() {
                let r = base + row[j] - v[j];
                let old = shortest[j];
                let better = r < old;
                let d = if better { r } else { old };
                shortest[j] = d;
                path[j] = if better { i } else { path[j] };
                if d <= lowest && (d < lowest || row4col[j] == NONE) {
                    lowest = d;
                    index = it;
                }
            }
            // Every cost is finite (forbidden cells carry a large finite cost), so a column
            // is always reached.
            min_val = lowest;
            let j = self.remaining[index];
            self.scanned_cols.push(j);
            num_remaining -= 1;
            self.remaining[index] = self.remaining[num_remaining];
            if row4col[j] == NONE {
                return (j, min_val);
            }
            i = row4col[j];
        }
    }

    /// Keeps reduced costs ≥ 0 and those on assigned pairs 0 after the search from `cur`.
    fn update_duals(&mut self, cur: usize, min_val: T, u: &mut [T], col4row: &[usize]) {
        u[cur] = u[cur] + min_val;
        for &i in &self.scanned_rows {
            if i != cur {
                u[i] = u[i] + min_val - self.shortest[col4row[i]];
            }
        }
        for &j in &self.scanned_cols {
            self.v[j] = self.v[j] - (min_val - self.shortest[j]);
        }
    }
}
