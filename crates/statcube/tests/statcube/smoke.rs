//! A bounded fuzz run on stable Rust: thousands of mutated variants of the real files go through
//! both readers, which must answer every one with a cube or an error, never a panic.

use super::{data_bytes, wild_px};

/// splitmix64, seeded: the same variants on every run, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: [&[u8]; 16] = [
    b"\"",
    b";",
    b"=",
    b"(",
    b")",
    b"[",
    b"]",
    b",",
    b"{",
    b"}",
    b"99999999999",
    b"\"..\"",
    b"-",
    b"\r\n",
    b"TLIST(",
    b"KEYS(\"a\")=CODES;",
];

fn mutate(r: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut v = src.to_vec();
    for _ in 0..1 + r.below(4) {
        let at = r.below(v.len() + 1);
        match r.below(6) {
            0 if !v.is_empty() => {
                let i = at.min(v.len() - 1);
                v[i] ^= 1 << r.below(8);
            }
            1 => {
                let end = (at + r.below(64)).min(v.len());
                v.drain(at..end);
            }
            2 => {
                let end = (at + r.below(64)).min(v.len());
                let piece = v[at..end].to_vec();
                let to = r.below(v.len() + 1);
                v.splice(to..to, piece);
            }
            3 => {
                let t = TOKENS[r.below(TOKENS.len())];
                v.splice(at..at, t.iter().copied());
            }
            4 => v.truncate(at),
            _ => {
                if !v.is_empty() {
                    let i = at.min(v.len() - 1);
                    v[i] = b"0123456789.\"-; ,"[r.below(16)];
                }
            }
        }
    }
    v
}

#[test]
fn mutated_files_never_panic() {
    let mut seeds: Vec<Vec<u8>> = [
        "ssb_14216_tettsted.px",
        "ssb_12909_sickleave_immigrants.px",
        "ssb_07459_population_2022_kommuner.jsonstat2.json",
        "scb_TAB638_pxwebapi2_response.jsonstat2.json",
        "jsonstat_validator_cases.json",
    ]
    .iter()
    .map(|f| data_bytes(f))
    .collect();
    for w in [
        wild_px::FOUR_LANGUAGES,
        wild_px::AXIS_2000,
        wild_px::SPARSE,
        wild_px::SYMBOLS_AND_CONTENTS,
    ] {
        seeds.push(w.to_vec());
    }
    // The Traficom header (three languages) with its first rows of data.
    let traficom = data_bytes("traficom_010_kats_tau_101_fi_sv_en.px");
    seeds.push(traficom[..traficom.len().min(40_000)].to_vec());
    let mut r = Rng(0x5eed);
    let mut read = 0;
    for _ in 0..600 {
        for seed in &seeds {
            let input = mutate(&mut r, seed);
            let px = statcube::px::read(&input);
            let js = statcube::jsonstat::read_all(&input);
            read += px.is_ok() as usize + js.is_ok() as usize;
        }
    }
    // Most mutations break a file, but some must survive, or the mutations test nothing past the
    // first byte.
    assert!(read > 50, "{read}");
}
