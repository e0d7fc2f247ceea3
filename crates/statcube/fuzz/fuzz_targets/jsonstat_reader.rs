#![no_main]
//! Any bytes: datasets or an error, never a panic; a dataset read is written back and read again.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(cubes) = statcube::jsonstat::read_all(data) {
        for cube in cubes {
            let mut out = Vec::new();
            statcube::jsonstat::write(&cube, 0, &mut out).expect("a cube that was read can be written");
            let again = statcube::jsonstat::read(&out).expect("what the writer writes, the reader reads");
            assert!(again.cells.same_as(&cube.cells));
        }
    }
});
