//! PX and JSON-stat readers and writers into one cube model.
//!
//! [`px::read`] and [`jsonstat::read`] fill a [`Cube`]; [`jsonstat::write`], [`csv::write`] and
//! [`px::write`] write one. [`cli`] is what `bulyst stats` calls.

pub mod cli;
pub mod csv;
mod error;
pub mod jsonstat;
pub mod model;
mod number;
pub mod px;
pub mod source;

pub use error::Error;
pub use model::{Cell, Cells, Cube, Dimension, Role, Text};

/// What `bulyst stats inspect` prints.
pub struct InspectOptions {
    pub json: bool,
    pub lang: Option<String>,
}

/// Target formats of `bulyst stats convert`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    JsonStat2,
    Csv,
    Px,
}
