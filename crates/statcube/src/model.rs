//! The one cube model that every reader fills and every writer reads.

use crate::error::Error;

/// Text in each of the cube's languages, in the order of [`Cube::languages`].
///
/// A single-language cube (or one whose language is unknown, as in JSON-stat) has one entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(pub Vec<String>);

impl Text {
    pub fn one(s: impl Into<String>) -> Self {
        Text(vec![s.into()])
    }

    /// The text in language `lang` (an index into [`Cube::languages`]), falling back to the default.
    pub fn get(&self, lang: usize) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.first())
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(String::is_empty)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Time,
    Geo,
    Metric,
}

/// May the dimension be left out of a table, and if so, which category stands for all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Elimination {
    Yes,
    No,
    /// The category at this index is the total.
    Total(usize),
}

/// PX TIMEVAL, kept as written. The periods never index the data: VALUES does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeInfo {
    /// The TLIST format, e.g. `A1`, `Q1`, `M1`.
    pub format: String,
    /// The periods listed after TLIST(...), in the order given.
    pub periods: Vec<String>,
    /// `TLIST(A1, "1994"-"2003")`: first and last period of a range.
    pub range: Option<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub text: Text,
    /// PX NOTEX / VALUENOTEX: the note must be shown with the figures.
    pub mandatory: bool,
}

/// A keyword the model has no field for, kept so that a PX file can be written back whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyword {
    pub name: String,
    pub lang: Option<String>,
    pub subkeys: Vec<String>,
    /// The value in PX syntax, decoded: quoted strings joined by commas, words as written.
    pub raw: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Category {
    pub code: String,
    pub label: Text,
    pub notes: Vec<Note>,
    /// Unit of a content (metric) category.
    pub unit: Option<Text>,
    /// Decimals to show for this category (PX PRECISION, JSON-stat `unit.decimals`).
    pub decimals: Option<u32>,
    /// Per-content PX keywords (LAST-UPDATED, REFPERIOD, STOCKFA, CONTACT, ...): name and raw value
    /// per language.
    pub meta: Vec<(String, Text)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dimension {
    pub id: String,
    pub label: Text,
    /// In data order.
    pub categories: Vec<Category>,
    pub role: Option<Role>,
    pub time: Option<TimeInfo>,
    pub elimination: Option<Elimination>,
    pub notes: Vec<Note>,
    /// Placed in PX HEADING (columns) rather than STUB. Heading dimensions are a suffix.
    pub heading: bool,
    /// PX MAP: the name of the map a geographic dimension is drawn on.
    pub map: Option<String>,
}

impl Dimension {
    pub fn size(&self) -> usize {
        self.categories.len()
    }

    pub fn category_index(&self, code: &str) -> Option<usize> {
        self.categories.iter().position(|c| c.code == code)
    }
}

/// One cell, borrowed from [`Cells`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Number { value: f64, status: Option<&'a str> },
    Missing { status: Option<&'a str> },
}

/// The figures: numbers as `f64` with NaN for missing, and a compact side table for status codes.
///
/// Storing a code per cell as an index into a small table keeps a 3.4 M cell cube at about 10 bytes
/// a cell instead of an enum holding a `String` each.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cells {
    values: Vec<f64>,
    /// Empty until the first status is set; then one entry per cell, 0 = none, k = `codes[k-1]`.
    status: Vec<u16>,
    codes: Vec<String>,
}

impl Cells {
    pub fn zeros(n: usize) -> Self {
        Cells {
            values: vec![0.0; n],
            status: Vec::new(),
            codes: Vec::new(),
        }
    }

    pub fn missing(n: usize) -> Self {
        Cells {
            values: vec![f64::NAN; n],
            status: Vec::new(),
            codes: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub fn get(&self, i: usize) -> Cell<'_> {
        let status = self.status(i);
        let value = self.values[i];
        if value.is_nan() {
            Cell::Missing { status }
        } else {
            Cell::Number { value, status }
        }
    }

    pub fn value(&self, i: usize) -> Option<f64> {
        let v = self.values[i];
        (!v.is_nan()).then_some(v)
    }

    pub fn values(&self) -> &[f64] {
        &self.values
    }

    pub fn status(&self, i: usize) -> Option<&str> {
        match self.status.get(i) {
            Some(&k) if k > 0 => Some(&self.codes[k as usize - 1]),
            _ => None,
        }
    }

    pub fn has_status(&self) -> bool {
        self.status.iter().any(|&k| k > 0)
    }

    /// Sets a number. NaN and infinities are not figures and become missing.
    pub fn set_number(&mut self, i: usize, v: f64) {
        self.values[i] = if v.is_finite() { v } else { f64::NAN };
    }

    pub fn set_missing(&mut self, i: usize) {
        self.values[i] = f64::NAN;
    }

    /// The slot of a status code in the side table, added if new.
    pub fn intern(&mut self, code: &str) -> Result<u16, Error> {
        if let Some(k) = self.codes.iter().position(|c| c == code) {
            return Ok(k as u16 + 1);
        }
        if self.codes.len() >= u16::MAX as usize - 1 {
            return Err(Error::new("more than 65 534 distinct status codes"));
        }
        self.codes.push(code.to_string());
        Ok(self.codes.len() as u16)
    }

    /// Sets the status of a cell to an interned slot (0 clears it).
    pub fn set_status_slot(&mut self, i: usize, slot: u16) {
        if self.status.is_empty() {
            if slot == 0 {
                return;
            }
            self.status = vec![0; self.values.len()];
        }
        self.status[i] = slot;
    }

    pub fn set_status(&mut self, i: usize, code: Option<&str>) -> Result<(), Error> {
        let slot = match code {
            Some(c) => self.intern(c)?,
            None => 0,
        };
        self.set_status_slot(i, slot);
        Ok(())
    }

    /// Missing cells and the sum of the others, in one pass (the sum added in data order).
    pub fn missing_and_sum(&self) -> (usize, f64) {
        let mut missing = 0;
        let mut sum = 0.0;
        for &v in &self.values {
            if v.is_nan() {
                missing += 1;
            } else {
                sum += v;
            }
        }
        (missing, sum)
    }

    pub fn missing_count(&self) -> usize {
        self.values.iter().filter(|v| v.is_nan()).count()
    }

    /// Sum of the cells holding a number, added in data order.
    pub fn sum(&self) -> f64 {
        self.values.iter().filter(|v| !v.is_nan()).sum()
    }

    /// Equal cell by cell: same numbers (bitwise), same missing, same status.
    pub fn same_as(&self, other: &Cells) -> bool {
        self.len() == other.len()
            && (0..self.len()).all(|i| match (self.get(i), other.get(i)) {
                (
                    Cell::Number {
                        value: a,
                        status: sa,
                    },
                    Cell::Number {
                        value: b,
                        status: sb,
                    },
                ) => a.to_bits() == b.to_bits() && sa == sb,
                (Cell::Missing { status: a }, Cell::Missing { status: b }) => a == b,
                _ => false,
            })
    }
}

/// PX DATASYMBOL1-6 and DATASYMBOLNIL: how a dot code in the data is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataSymbol {
    /// The code as it stands in DATA: `.` to `......`, or `-` for nil.
    pub code: String,
    pub shown: Text,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cube {
    /// Language codes, the default first. Empty when the source does not say (JSON-stat).
    pub languages: Vec<String>,
    pub title: Text,
    pub description: Text,
    pub contents: Text,
    pub subject_area: Text,
    pub subject_code: String,
    /// PX MATRIX / PxWeb table id.
    pub matrix: String,
    pub source: Text,
    /// ISO 8601 date or date-time.
    pub updated: Option<String>,
    /// Unit for the whole table (PX UNITS without a subkey).
    pub units: Text,
    pub decimals: Option<u32>,
    pub show_decimals: Option<u32>,
    pub notes: Vec<Note>,
    pub dimensions: Vec<Dimension>,
    pub cells: Cells,
    pub data_symbols: Vec<DataSymbol>,
    /// Keywords without a field of their own, in file order.
    pub extra: Vec<Keyword>,
}

impl Cube {
    /// How many text slots each [`Text`] has.
    pub fn lang_count(&self) -> usize {
        self.languages.len().max(1)
    }

    /// Index of a language code, if the cube has it.
    pub fn lang_index(&self, lang: &str) -> Option<usize> {
        self.languages
            .iter()
            .position(|l| l.eq_ignore_ascii_case(lang))
    }

    /// Product of the dimension sizes, or `None` on overflow.
    pub fn cell_count(&self) -> Option<usize> {
        checked_product(self.dimensions.iter().map(Dimension::size))
    }

    /// Row-major strides: the last dimension varies fastest.
    pub fn strides(&self) -> Vec<usize> {
        let mut strides = vec![1; self.dimensions.len()];
        for k in (0..self.dimensions.len().saturating_sub(1)).rev() {
            strides[k] = strides[k + 1] * self.dimensions[k + 1].size();
        }
        strides
    }

    /// How a status code is shown: the PX data symbol for it, else the code itself.
    pub fn status_shown<'a>(&'a self, code: &'a str, lang: usize) -> &'a str {
        self.data_symbols
            .iter()
            .find(|s| s.code == code)
            .map(|s| s.shown.get(lang))
            .unwrap_or(code)
    }

    /// The checks every reader ends with: sizes multiply without overflow to the number of cells.
    pub fn check_shape(&self) -> Result<(), Error> {
        let n = self
            .cell_count()
            .ok_or_else(|| Error::new("the dimension sizes multiply past the address space"))?;
        if n != self.cells.len() {
            return Err(Error::new(format!(
                "the dimension sizes multiply to {n} cells but there are {}",
                self.cells.len()
            )));
        }
        Ok(())
    }
}

pub(crate) fn checked_product(mut sizes: impl Iterator<Item = usize>) -> Option<usize> {
    sizes.try_fold(1usize, |acc, s| acc.checked_mul(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_status_beside_numbers() {
        let mut c = Cells::zeros(3);
        c.set_number(0, 1.5);
        c.set_missing(1);
        c.set_status(1, Some("..")).unwrap();
        c.set_status(2, Some("p")).unwrap();
        assert_eq!(
            c.get(0),
            Cell::Number {
                value: 1.5,
                status: None
            }
        );
        assert_eq!(c.get(1), Cell::Missing { status: Some("..") });
        assert_eq!(
            c.get(2),
            Cell::Number {
                value: 0.0,
                status: Some("p")
            }
        );
        assert_eq!(c.missing_count(), 1);
        assert_eq!(c.sum(), 1.5);
    }

    #[test]
    fn strides_are_row_major() {
        let dim = |n: usize| Dimension {
            categories: vec![Category::default(); n],
            ..Dimension::default()
        };
        let cube = Cube {
            dimensions: vec![dim(2), dim(3), dim(4)],
            ..Cube::default()
        };
        assert_eq!(cube.strides(), vec![12, 4, 1]);
        assert_eq!(cube.cell_count(), Some(24));
    }

    #[test]
    fn overflowing_sizes_are_caught() {
        assert_eq!(checked_product([usize::MAX, 2].into_iter()), None);
    }

    #[test]
    fn text_falls_back_to_default_language() {
        let t = Text(vec!["a".into()]);
        assert_eq!(t.get(2), "a");
    }
}
