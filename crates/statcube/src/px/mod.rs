//! PX (PC-Axis) files.

pub mod data;
pub mod lexer;
pub mod reader;
pub mod writer;

pub use reader::read;
pub use writer::write;
