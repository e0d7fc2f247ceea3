#![no_main]
//! Any bytes: a cube or an error, never a panic; a cube read is written back and read again.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(cube) = statcube::px::read(data) {
        let mut out = Vec::new();
        statcube::px::write(&cube, &mut out).expect("a cube that was read can be written");
        let again = statcube::px::read(&out).expect("what the writer writes, the reader reads");
        assert_eq!(again.cells.len(), cube.cells.len());
    }
});
