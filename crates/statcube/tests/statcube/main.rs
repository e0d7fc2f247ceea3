//! statcube's integration tests: one binary, a module per concern.

mod conformance;
mod errors;
mod fuzz_found;
mod real_files;
mod roundtrip;
mod smoke;
mod wild_px;

use std::path::PathBuf;

/// A test file: the copy kept in `tests/data/`, else the shared data folder beside the repo.
pub fn data_path(name: &str) -> PathBuf {
    let own = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/")).join(name);
    if own.exists() {
        return own;
    }
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/"
    ))
    .join(name)
}

pub fn data_bytes(name: &str) -> Vec<u8> {
    let raw = std::fs::read(data_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    statcube::source::gunzip_if_needed(raw).unwrap()
}

pub fn assert_close(got: f64, want: f64) {
    let tol = 1e-9 * want.abs().max(1.0);
    assert!((got - want).abs() <= tol, "got {got}, want {want}");
}
