//! Decimal numbers straight from bytes, with no allocation per cell.

/// Exact powers of ten that an `f64` holds: dividing or multiplying an exact mantissa by one of
/// these gives the correctly rounded result, the same as the standard library's parser.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Parses a whole token as a decimal number (`-12`, `3.40`, `.5`, `1e-3`, `+7`).
///
/// Returns None when the token is not a number. The common short forms take a fast path; the rest
/// go through `str::parse`, so the result always equals the standard library's.
pub fn parse(tok: &[u8]) -> Option<f64> {
    let (neg, body) = match tok.first()? {
        b'-' => (true, &tok[1..]),
        b'+' => (false, &tok[1..]),
        _ => (false, tok),
    };
    let mut mantissa: u64 = 0;
    let mut digits = 0usize;
    let mut frac_digits = 0usize;
    let mut seen_dot = false;
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        match b {
            b'0'..=b'9' => {
                if digits >= 19 {
                    return slow(tok);
                }
                mantissa = mantissa * 10 + (b - b'0') as u64;
                // Leading zeros cost no precision, so they need not count against the 19 digits.
                if mantissa > 0 {
                    digits += 1;
                }
                if seen_dot {
                    frac_digits += 1;
                }
            }
            b'.' if !seen_dot => seen_dot = true,
            b'e' | b'E' => return slow(tok),
            _ => return None,
        }
        i += 1;
    }
    let any_digit = body.iter().any(u8::is_ascii_digit);
    if !any_digit {
        return None;
    }
    if mantissa >= (1u64 << 53) || frac_digits >= POW10.len() {
        return slow(tok);
    }
    let v = mantissa as f64 / POW10[frac_digits];
    Some(if neg { -v } else { v })
}

fn slow(tok: &[u8]) -> Option<f64> {
    let s = std::str::from_utf8(tok).ok()?;
    // Rust also accepts "inf", "nan" and "infinity"; statistics files never mean those.
    if s.bytes()
        .any(|b| b.is_ascii_alphabetic() && b != b'e' && b != b'E')
    {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn forms() {
        assert_eq!(parse(b"275.87"), Some(275.87));
        assert_eq!(parse(b"-4.2"), Some(-4.2));
        assert_eq!(parse(b".5"), Some(0.5));
        assert_eq!(parse(b"7."), Some(7.0));
        assert_eq!(parse(b"+3"), Some(3.0));
        assert_eq!(parse(b"1e3"), Some(1000.0));
        assert_eq!(
            parse(b"12345678901234567890.5"),
            Some(12345678901234567890.5)
        );
        assert_eq!(parse(b"-0"), Some(-0.0));
        for bad in [
            &b"."[..],
            b"-",
            b"",
            b"1.2.3",
            b"1a",
            b"inf",
            b"nan",
            b"--1",
            b"1e999",
        ] {
            assert_eq!(parse(bad), None, "{:?}", String::from_utf8_lossy(bad));
        }
    }

    proptest! {
        #[test]
        fn same_as_std(v in proptest::num::f64::NORMAL | proptest::num::f64::ZERO, decimals in 0usize..8) {
            for s in [format!("{v}"), format!("{v:.decimals$}"), format!("{v:e}")] {
                prop_assert_eq!(parse(s.as_bytes()).map(f64::to_bits), s.parse::<f64>().ok().map(f64::to_bits), "{}", s);
            }
        }
    }
}
