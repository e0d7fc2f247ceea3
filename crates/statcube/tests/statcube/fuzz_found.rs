//! Inputs the fuzzers once broke the readers with (`tests/data/fuzz/<target>/`), replayed with the
//! same property the fuzz targets check: a cube or an error, never a panic, and a cube that was
//! read is written and read back to the same cells.

use std::path::PathBuf;

fn found(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/fuzz/")).join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn px_reader_inputs_round_trip_or_fail_cleanly() {
    let inputs = found("px_reader");
    assert!(!inputs.is_empty(), "no fuzz-found PX inputs to replay");
    for (name, data) in inputs {
        if let Ok(cube) = statcube::px::read(&data) {
            let mut out = Vec::new();
            statcube::px::write(&cube, &mut out).unwrap_or_else(|e| panic!("{name}: write: {e}"));
            let again =
                statcube::px::read(&out).unwrap_or_else(|e| panic!("{name}: read back: {e}"));
            assert!(again.cells.same_as(&cube.cells), "{name}: cells differ");
        }
    }
}

#[test]
fn jsonstat_reader_inputs_round_trip_or_fail_cleanly() {
    for (name, data) in found("jsonstat_reader") {
        if let Ok(cubes) = statcube::jsonstat::read_all(&data) {
            for cube in cubes {
                let mut out = Vec::new();
                statcube::jsonstat::write(&cube, 0, &mut out)
                    .unwrap_or_else(|e| panic!("{name}: write: {e}"));
                let again = statcube::jsonstat::read(&out)
                    .unwrap_or_else(|e| panic!("{name}: read back: {e}"));
                assert!(again.cells.same_as(&cube.cells), "{name}: cells differ");
            }
        }
    }
}
