//! Bulyst's domain: the programme plan, the people who work on it and the rules
//! that hold whatever database or web page sits around them. No I/O here.

pub mod access;
pub mod aggregate;
pub mod boundaries;
pub mod catalogue;
pub mod error;
pub mod indicators;
pub mod limits;
pub mod mentor;
pub mod newcomer;
pub mod period;
pub mod plan;
pub mod plan_file;
pub mod state;
pub mod stats;
pub mod status;

pub use error::{FieldError, PlanFileError};
