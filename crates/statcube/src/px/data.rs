//! The DATA block: one pass over the bytes, numbers parsed in place.

use super::lexer::error_at;
use crate::error::Error;
use crate::model::Cells;
use crate::number;

/// The dot codes PX defines, `"."` to `"......"`, and `"-"` for nil, in DATASYMBOL order.
pub const DOT_CODES: [&str; 7] = [".", "..", "...", "....", ".....", "......", "-"];

pub struct Data<'a> {
    input: &'a [u8],
    pos: usize,
    /// Interned status slot of each of [`DOT_CODES`], 0 until first seen.
    slots: [u16; 7],
    decode: &'a dyn Fn(&[u8]) -> String,
}

enum Tok {
    Number(f64),
    Status(u16),
    End,
}

fn is_sep(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b',' | 0 | 0x1a)
}

fn dot_code(tok: &[u8]) -> Option<usize> {
    if tok == b"-" {
        Some(6)
    } else if !tok.is_empty() && tok.len() <= 6 && tok.iter().all(|&b| b == b'.') {
        Some(tok.len() - 1)
    } else {
        None
    }
}

impl<'a> Data<'a> {
    pub fn new(input: &'a [u8], pos: usize, decode: &'a dyn Fn(&[u8]) -> String) -> Self {
        Data {
            input,
            pos,
            slots: [0; 7],
            decode,
        }
    }

    fn err(&self, at: usize, msg: impl Into<String>) -> Error {
        error_at(self.input, at, "DATA", msg)
    }

    fn skip_seps(&mut self) {
        while self.pos < self.input.len() && is_sep(self.input[self.pos]) {
            self.pos += 1;
        }
    }

    fn status_slot(&mut self, cells: &mut Cells, code: &[u8]) -> Result<u16, Error> {
        if let Some(k) = dot_code(code) {
            if self.slots[k] == 0 {
                self.slots[k] = cells.intern(DOT_CODES[k])?;
            }
            return Ok(self.slots[k]);
        }
        let code = (self.decode)(code);
        cells.intern(&code)
    }

    /// The quoted token at `pos` (the opening quote), without quotes.
    fn quoted(&mut self) -> Result<&'a [u8], Error> {
        let start = self.pos;
        let rest = &self.input[start + 1..];
        match rest.iter().position(|&b| b == b'"') {
            Some(n) => {
                self.pos = start + 1 + n + 1;
                Ok(&rest[..n])
            }
            None => Err(self.err(start, "this quoted cell has no closing `\"`")),
        }
    }

    fn next(&mut self, cells: &mut Cells) -> Result<Tok, Error> {
        self.skip_seps();
        let Some(&b) = self.input.get(self.pos) else {
            return Ok(Tok::End);
        };
        match b {
            b';' => Ok(Tok::End),
            // `"."` fills most cells of sparse tables such as StatFin's: worth its own path.
            b'"' if self.input.get(self.pos + 1..self.pos + 3) == Some(b".\"") => {
                self.pos += 3;
                if self.slots[0] == 0 {
                    self.slots[0] = cells.intern(DOT_CODES[0])?;
                }
                Ok(Tok::Status(self.slots[0]))
            }
            b'"' => {
                let tok = self.quoted()?;
                if dot_code(tok).is_none() {
                    if let Some(v) = number::parse(tok.trim_ascii()) {
                        return Ok(Tok::Number(v));
                    }
                }
                Ok(Tok::Status(self.status_slot(cells, tok)?))
            }
            _ => {
                let start = self.pos;
                let mut end = start;
                while end < self.input.len()
                    && !is_sep(self.input[end])
                    && !matches!(self.input[end], b';' | b'"')
                {
                    end += 1;
                }
                self.pos = end;
                let tok = &self.input[start..end];
                if let Some(v) = number::parse(tok) {
                    return Ok(Tok::Number(v));
                }
                if dot_code(tok).is_some() {
                    return Ok(Tok::Status(self.status_slot(cells, tok)?));
                }
                Err(self.err(
                    start,
                    format!(
                        "expected a number or a quoted dot code such as \"..\", found `{}`",
                        String::from_utf8_lossy(&tok[..tok.len().min(40)])
                    ),
                ))
            }
        }
    }

    fn store(cells: &mut Cells, i: usize, tok: Tok) {
        match tok {
            Tok::Number(v) => cells.set_number(i, v),
            Tok::Status(slot) => {
                cells.set_missing(i);
                cells.set_status_slot(i, slot);
            }
            Tok::End => {}
        }
    }

    /// Reads exactly `cells.len()` cells, then the closing `;` (or the end of the file).
    pub fn dense(&mut self, cells: &mut Cells) -> Result<(), Error> {
        let n = cells.len();
        let mut i = 0;
        while i < n {
            let at = self.pos;
            match self.next(cells)? {
                // The spec lets `;` separate cells too; it ends DATA only when no cell follows.
                Tok::End if self.cell_after_semicolon() => self.pos += 1,
                Tok::End => {
                    return Err(self.err(
                        at.max(self.pos),
                        format!("DATA ends after {i} cells, but STUB and HEADING give {n}"),
                    ))
                }
                tok => {
                    Self::store(cells, i, tok);
                    i += 1;
                }
            }
        }
        self.end(n)
    }

    fn cell_after_semicolon(&self) -> bool {
        if self.input.get(self.pos) != Some(&b';') {
            return false;
        }
        let rest = &self.input[self.pos + 1..];
        match rest.iter().find(|&&b| !is_sep(b)) {
            Some(&b) => b.is_ascii_digit() || matches!(b, b'"' | b'-' | b'.' | b'+'),
            None => false,
        }
    }

    fn end(&mut self, n: usize) -> Result<(), Error> {
        self.skip_seps();
        match self.input.get(self.pos) {
            None | Some(b';') => Ok(()),
            Some(_) => Err(self.err(
                self.pos,
                format!(
                    "expected `;` after the {n} cells that STUB and HEADING give, found more cells"
                ),
            )),
        }
    }

    /// KEYS layout: each row opens with one quoted key per stub variable, then `row_len` cells.
    /// Rows left out hold zeros, which `cells` starts with.
    pub fn sparse(
        &mut self,
        cells: &mut Cells,
        row_len: usize,
        row_strides: &[usize],
        lookup: &dyn Fn(usize, &str) -> Option<usize>,
    ) -> Result<(), Error> {
        loop {
            self.skip_seps();
            match self.input.get(self.pos) {
                None | Some(b';') => return Ok(()),
                _ => {}
            }
            let mut row = 0usize;
            for (k, stride) in row_strides.iter().enumerate() {
                self.skip_seps();
                let at = self.pos;
                if self.input.get(at) != Some(&b'"') {
                    return Err(self.err(at, format!("expected the quoted KEYS value of stub variable {} at the start of a row", k + 1)));
                }
                let key = (self.decode)(self.quoted()?);
                let idx = lookup(k, &key).ok_or_else(|| {
                    self.err(
                        at,
                        format!(
                            "the key \"{key}\" is not a value of stub variable {}",
                            k + 1
                        ),
                    )
                })?;
                row += idx * stride;
            }
            for j in 0..row_len {
                let at = self.pos;
                match self.next(cells)? {
                    Tok::End => {
                        return Err(self.err(
                            at,
                            format!("this KEYS row ends after {j} cells, expected {row_len}"),
                        ))
                    }
                    tok => Self::store(cells, row * row_len + j, tok),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(b: &[u8]) -> String {
        String::from_utf8_lossy(b).into_owned()
    }

    #[test]
    fn separators_and_codes() {
        let mut cells = Cells::zeros(6);
        Data::new(b"1,2\t\"..\"\r\n-3.5 \"-\" \"7\";", 0, &dec)
            .dense(&mut cells)
            .unwrap();
        assert_eq!(cells.value(0), Some(1.0));
        assert_eq!(cells.status(2), Some(".."));
        assert_eq!(cells.value(3), Some(-3.5));
        assert_eq!(cells.status(4), Some("-"));
        assert_eq!(cells.value(5), Some(7.0));
    }

    #[test]
    fn semicolons_may_separate_cells() {
        let mut cells = Cells::zeros(3);
        Data::new(b"1;2;\"..\";\n", 0, &dec)
            .dense(&mut cells)
            .unwrap();
        assert_eq!((cells.value(1), cells.status(2)), (Some(2.0), Some("..")));
    }

    #[test]
    fn too_few_and_too_many() {
        let mut cells = Cells::zeros(3);
        let e = Data::new(b"1 2;", 0, &dec).dense(&mut cells).unwrap_err();
        assert!(e.message().contains("after 2 cells"), "{e}");
        let e = Data::new(b"1 2 3 4;", 0, &dec)
            .dense(&mut cells)
            .unwrap_err();
        assert!(e.message().contains("more cells"), "{e}");
        let e = Data::new(b"1\n2 x;", 0, &dec)
            .dense(&mut cells)
            .unwrap_err();
        assert_eq!((e.line(), e.column()), (Some(2), Some(3)));
    }
}
