//! A statistics file read into one shape, whatever its format: areas,
//! measures, periods and dimension keys listed once, and cells pointing into
//! those lists. A cube's cells are not copied: they are read from the cube by
//! their index, so a 3.4 M-cell PX file needs no second copy in memory.

use std::collections::HashMap;

use statcube::Cube;
use store::ObservationRow;

/// An area as the file names it.
#[derive(Debug, Clone)]
pub(crate) struct FileArea {
    /// As written: `K-4640`, `1418`, `K-Rest`.
    pub raw: String,
    /// Bulyst's code: `domain::stats::area_code` of `raw`, or `raw` when it cannot read it.
    pub code: String,
    /// The file's name for it, like `Balestrand (t.o.m. 2019)`.
    pub label: String,
}

/// One cell, by index into the table's lists.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CellRef<'a> {
    pub measure: usize,
    pub area: usize,
    pub period: usize,
    pub dims: usize,
    pub value: Option<f64>,
    pub status: Option<&'a str>,
    /// The file's line, for CSV files; 0 for cubes, whose cells are named by their categories.
    pub line: u32,
}

/// A cell of a CSV file, kept compact: a 2 M-cell IMDi file holds one per cell.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ListCell {
    pub measure: u32,
    pub area: u32,
    pub period: u32,
    pub dims: u32,
    /// NaN for missing.
    pub value: f64,
    /// 0 for none, else 1 + an index into `statuses`.
    pub status: u32,
    pub line: u32,
}

/// Where each of a cube's dimensions goes.
#[derive(Debug, Clone)]
pub(crate) struct CubeMap {
    pub geo: usize,
    pub time: usize,
    pub metric: Option<usize>,
    /// The other dimensions, and the stride of each in the dims-key index.
    pub others: Vec<(usize, usize)>,
}

pub(crate) enum Cells {
    Cube {
        cube: Box<Cube>,
        map: CubeMap,
    },
    List {
        cells: Vec<ListCell>,
        statuses: Vec<String>,
    },
}

pub(crate) struct Table {
    pub publisher: String,
    pub table: String,
    pub title: String,
    pub updated: Option<String>,
    /// For messages about a cube's cells: the id of its geographic dimension.
    pub geo_dimension: String,
    pub areas: Vec<FileArea>,
    pub measures: Vec<String>,
    pub periods: Vec<String>,
    /// Canonical dimension keys, as `domain::stats::dims_key` writes them.
    pub dims: Vec<String>,
    pub cells: Cells,
}

impl Table {
    pub fn len(&self) -> usize {
        match &self.cells {
            Cells::Cube { cube, .. } => cube.cells.len(),
            Cells::List { cells, .. } => cells.len(),
        }
    }

    /// Every cell, in file order.
    pub fn cells(&self) -> impl Iterator<Item = CellRef<'_>> + Send + '_ {
        // Cubes: the strides are computed once here rather than per cell.
        let strides = match &self.cells {
            Cells::Cube { cube, .. } => cube.strides(),
            Cells::List { .. } => Vec::new(),
        };
        (0..self.len()).map(move |i| match &self.cells {
            Cells::Cube { cube, map } => {
                let at = |d: usize| (i / strides[d]) % cube.dimensions[d].size();
                CellRef {
                    measure: map.metric.map_or(0, at),
                    area: at(map.geo),
                    period: at(map.time),
                    dims: map.others.iter().map(|&(d, s)| at(d) * s).sum(),
                    value: cube.cells.value(i),
                    status: cube.cells.status(i),
                    line: 0,
                }
            }
            Cells::List { cells, statuses } => {
                let c = &cells[i];
                CellRef {
                    measure: c.measure as usize,
                    area: c.area as usize,
                    period: c.period as usize,
                    dims: c.dims as usize,
                    value: (!c.value.is_nan()).then_some(c.value),
                    status: (c.status > 0).then(|| statuses[c.status as usize - 1].as_str()),
                    line: c.line,
                }
            }
        })
    }

    /// The cells as rows for the store.
    pub fn rows(&self) -> impl Iterator<Item = ObservationRow<'_>> + Send + '_ {
        self.cells().map(|c| ObservationRow {
            measure: &self.measures[c.measure],
            area: &self.areas[c.area].code,
            period: &self.periods[c.period],
            dims: &self.dims[c.dims],
            value: c.value,
            status: c.status,
        })
    }

    /// Where a cell is, in words: `line 12` or `Region K-1418, Tid 2021`.
    pub fn locate(&self, c: &CellRef<'_>) -> String {
        if c.line > 0 {
            format!("line {}", c.line)
        } else {
            format!(
                "dimension {} category {}, period {}",
                self.geo_dimension, self.areas[c.area].raw, self.periods[c.period]
            )
        }
    }
}

/// Hands out one index per distinct text, in first-seen order.
#[derive(Default)]
pub(crate) struct Interner {
    pub items: Vec<String>,
    index: HashMap<String, u32>,
}

impl Interner {
    pub fn get(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.items.len() as u32;
        self.items.push(s.to_string());
        self.index.insert(s.to_string(), i);
        i
    }
}
