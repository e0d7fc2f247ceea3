//! PX and JSON-stat readers and writers into one cube model.
//!
//! [`px::read`] and [`jsonstat::read`] fill a [`Cube`]; [`jsonstat::write`], [`csv::write`] and
//! [`px::write`] write one
//! ([`write`] in a format chosen at run time); [`summary::inspect`] sums a file up.

pub mod csv;
mod error;
pub mod jsonstat;
pub mod model;
mod number;
pub mod px;
pub mod source;
pub mod summary;

pub use error::Error;
pub use model::{Cell, Cells, Cube, Dimension, Role, Text};
pub use summary::{inspect, InspectOptions};

/// The formats a cube can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    JsonStat2,
    Csv,
    Px,
}

/// Writes a cube in one of the formats, its labels in the default language.
pub fn write(cube: &Cube, to: Target, w: &mut dyn std::io::Write) -> Result<(), Error> {
    match to {
        Target::JsonStat2 => jsonstat::write(cube, 0, w),
        Target::Csv => csv::write(cube, 0, w),
        Target::Px => px::write(cube, w),
    }
}
