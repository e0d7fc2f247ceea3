//! matching's integration tests: one binary, a module per concern.

mod problems;
mod scipy_fixture;
