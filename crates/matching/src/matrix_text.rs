//! The matrices `bulyst mentor assign` reads: one row per line, integers separated by commas,
//! spaces around them allowed, no header. Errors carry the 1-based line and column.

use std::fmt;

use crate::Matrix;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for TextError {}

fn err(line: usize, column: usize, message: impl Into<String>) -> TextError {
    TextError {
        line,
        column,
        message: message.into(),
    }
}

/// Reads a matrix. Bytes rather than text so a 60 MB file is not validated as UTF-8 first;
/// anything that is not a digit, sign, comma or blank is refused anyway.
pub fn parse(text: &[u8]) -> Result<Matrix, TextError> {
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    let mut cells: Vec<i64> = Vec::new();
    let mut cols = 0usize;
    let mut rows = 0usize;
    let mut blank_line: Option<usize> = None;
    for (n, raw) in text.split(|&b| b == b'\n').enumerate() {
        let line_no = n + 1;
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if line.iter().all(|b| matches!(b, b' ' | b'\t')) {
            blank_line.get_or_insert(line_no);
            continue;
        }
        if let Some(blank) = blank_line {
            return Err(err(
                blank,
                1,
                "expected a row of integers, found an empty line",
            ));
        }
        let before = cells.len();
        parse_row(line, line_no, rows == 0, cols, &mut cells)?;
        if rows == 0 {
            cols = cells.len();
            cells.reserve(cols * (text.len() / (raw.len() + 1)).max(1));
        } else if cells.len() - before != cols {
            return Err(err(
                line_no,
                line.len() + 1,
                format!(
                    "expected {cols} values like line 1, found {}",
                    cells.len() - before
                ),
            ));
        }
        rows += 1;
    }
    if rows == 0 {
        return Err(err(
            1,
            1,
            "expected a matrix of integers, found an empty file",
        ));
    }
    Matrix::new(rows, cols, cells).map_err(|e| err(1, 1, e.to_string()))
}

/// Appends the integers of one line. Past the first row, a line with more than `cols` values is
/// refused at the first extra one.
fn parse_row(
    line: &[u8],
    line_no: usize,
    first: bool,
    cols: usize,
    cells: &mut Vec<i64>,
) -> Result<(), TextError> {
    let mut p = 0;
    let mut count = 0;
    loop {
        while p < line.len() && matches!(line[p], b' ' | b'\t') {
            p += 1;
        }
        let start = p;
        if !first && count == cols {
            return Err(err(
                line_no,
                start + 1,
                format!("expected {cols} values like line 1, found more"),
            ));
        }
        let (value, end) = parse_int(line, p).ok_or_else(|| {
            let token = token_at(line, start);
            let message = if token.is_empty() {
                "expected an integer, found an empty cell".to_string()
            } else if token
                .iter()
                .all(|b| b.is_ascii_digit() || *b == b'-' || *b == b'+')
            {
                format!(
                    "`{}` does not fit in a 64-bit integer",
                    String::from_utf8_lossy(token)
                )
            } else {
                format!(
                    "expected an integer, found `{}`",
                    String::from_utf8_lossy(token)
                )
            };
            err(line_no, start + 1, message)
        })?;
        p = end;
        while p < line.len() && matches!(line[p], b' ' | b'\t') {
            p += 1;
        }
        cells.push(value);
        count += 1;
        match line.get(p) {
            None => return Ok(()),
            Some(b',') => p += 1,
            Some(_) => {
                return Err(err(
                    line_no,
                    start + 1,
                    format!(
                        "expected an integer, found `{}`",
                        String::from_utf8_lossy(token_at(line, start))
                    ),
                ))
            }
        }
    }
}

/// An optionally signed decimal integer starting at `p`, and where it ends.
fn parse_int(line: &[u8], mut p: usize) -> Option<(i64, usize)> {
    let negative = match line.get(p) {
        Some(b'-') => {
            p += 1;
            true
        }
        Some(b'+') => {
            p += 1;
            false
        }
        _ => false,
    };
    let digits_start = p;
    // Accumulated negatively so i64::MIN fits.
    let mut v: i64 = 0;
    while let Some(&b) = line.get(p) {
        if !b.is_ascii_digit() {
            break;
        }
        v = v.checked_mul(10)?.checked_sub(i64::from(b - b'0'))?;
        p += 1;
    }
    if p == digits_start {
        return None;
    }
    let v = if negative { v } else { v.checked_neg()? };
    Some((v, p))
}

/// The cell text from `start` to the next comma, without surrounding blanks.
fn token_at(line: &[u8], start: usize) -> &[u8] {
    let rest = &line[start..];
    let end = rest.iter().position(|&b| b == b',').unwrap_or(rest.len());
    let t = &rest[..end];
    let t = &t[..t.len()
        - t.iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count()];
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Matrix {
        parse(text.as_bytes()).unwrap()
    }

    fn bad(text: &str) -> String {
        parse(text.as_bytes()).unwrap_err().to_string()
    }

    #[test]
    fn reads_rows_with_blanks_signs_and_line_endings() {
        let m = ok("1, 2 ,3\r\n-4,+5,\t6\n\n");
        assert_eq!((m.rows(), m.cols()), (2, 3));
        assert_eq!(m.get(1, 0), Some(-4));
        assert_eq!(m.get(1, 2), Some(6));
        let m = ok("\u{feff}9223372036854775807,-9223372036854775808");
        assert_eq!(m.get(0, 0), Some(i64::MAX));
        assert_eq!(m.get(0, 1), Some(i64::MIN));
    }

    #[test]
    fn errors_name_line_column_and_what_was_expected() {
        assert_eq!(
            bad(""),
            "1:1: expected a matrix of integers, found an empty file"
        );
        assert_eq!(
            bad(" \n\n"),
            "1:1: expected a matrix of integers, found an empty file"
        );
        assert_eq!(bad("1,2\n3,x\n"), "2:3: expected an integer, found `x`");
        assert_eq!(bad("1,2\n3,1.5\n"), "2:3: expected an integer, found `1.5`");
        assert_eq!(bad("1,,2"), "1:3: expected an integer, found an empty cell");
        assert_eq!(bad("1,2,"), "1:5: expected an integer, found an empty cell");
        assert_eq!(
            bad("1,2\n3\n"),
            "2:2: expected 2 values like line 1, found 1"
        );
        assert_eq!(
            bad("1,2\n3,4,5\n"),
            "2:5: expected 2 values like line 1, found more"
        );
        assert_eq!(
            bad("1\n\n2\n"),
            "2:1: expected a row of integers, found an empty line"
        );
        assert_eq!(
            bad("99999999999999999999"),
            "1:1: `99999999999999999999` does not fit in a 64-bit integer"
        );
        assert_eq!(bad("1 2"), "1:1: expected an integer, found `1 2`");
    }
}
