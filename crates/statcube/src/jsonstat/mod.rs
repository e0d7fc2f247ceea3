//! JSON-stat 2.0 (and reading 1.x bundles).

pub mod reader;
pub mod writer;

pub use reader::{read, read_all};
pub use writer::write;
