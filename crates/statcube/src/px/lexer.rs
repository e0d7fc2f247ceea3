//! Splits the PX header into statements `KEYWORD[lang]("sub",...)=value,...;`.
//!
//! Works on bytes: every code page PX files use is ASCII-compatible, so the structure can be found
//! before the text is decoded, and CODEPAGE (which may come anywhere before DATA) decides how.

use crate::error::Error;

/// One value item: adjacent quoted parts joined, or an unquoted word such as `YES` or `TLIST(A1)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Str(Vec<u8>),
    Word(Vec<u8>),
}

#[derive(Debug, Clone)]
pub struct Statement {
    pub keyword: String,
    pub lang: Option<String>,
    pub subkeys: Vec<Vec<u8>>,
    pub items: Vec<Item>,
    /// Byte offset of the keyword, for error positions.
    pub offset: usize,
}

/// The header statements, and where the DATA values begin (None when the file has no DATA).
#[derive(Debug)]
pub struct Header {
    pub statements: Vec<Statement>,
    pub data_offset: Option<usize>,
    /// Offset of the DATA keyword itself.
    pub data_keyword_offset: usize,
}

/// 1-based line and column of a byte offset.
pub fn line_col(input: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(input.len());
    let before = &input[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = offset
        - before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1)
        + 1;
    (line, col)
}

pub fn error_at(input: &[u8], offset: usize, keyword: &str, msg: impl Into<String>) -> Error {
    let (line, col) = line_col(input, offset);
    let e = Error::at(line, col, msg);
    if keyword.is_empty() {
        e
    } else {
        e.with_keyword(keyword)
    }
}

struct Lexer<'a> {
    input: &'a [u8],
    pos: usize,
    keyword: String,
}

impl<'a> Lexer<'a> {
    fn err(&self, at: usize, msg: impl Into<String>) -> Error {
        error_at(self.input, at, &self.keyword, msg)
    }

    fn peek(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            // A UTF-8 byte-order mark may open the file; NUL and Ctrl-Z pad some old DOS files.
            if b.is_ascii_whitespace() || b == 0 || b == 0x1a {
                self.pos += 1;
            } else if self.input[self.pos..].starts_with(b"\xEF\xBB\xBF") {
                self.pos += 3;
            } else {
                break;
            }
        }
    }

    fn expect(&mut self, b: u8, what: &str) -> Result<(), Error> {
        self.skip_ws();
        match self.peek() {
            Some(c) if c == b => {
                self.pos += 1;
                Ok(())
            }
            Some(c) => Err(self.err(
                self.pos,
                format!("expected {what}, found `{}`", printable(c)),
            )),
            None => Err(self.err(
                self.pos,
                format!("expected {what}, found the end of the file"),
            )),
        }
    }

    /// A quoted string; the opening quote is at `pos`.
    fn quoted(&mut self) -> Result<&'a [u8], Error> {
        let start = self.pos;
        self.pos += 1;
        match memchr(b'"', &self.input[self.pos..]) {
            Some(n) => {
                let s = &self.input[self.pos..self.pos + n];
                self.pos += n + 1;
                Ok(s)
            }
            None => Err(self.err(start, "this string has no closing `\"`")),
        }
    }

    /// Adjacent quoted strings, joined: `"aaa"⏎"AAA"` is `aaaAAA`.
    fn string(&mut self) -> Result<Vec<u8>, Error> {
        let mut out = self.quoted()?.to_vec();
        loop {
            let save = self.pos;
            self.skip_ws();
            if self.peek() == Some(b'"') {
                out.extend_from_slice(self.quoted()?);
            } else {
                self.pos = save;
                return Ok(out);
            }
        }
    }

    fn keyword(&mut self) -> Result<String, Error> {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
                self.pos += 1;
            } else {
                break;
            }
        }
        if self.pos == start {
            let found = self.peek().map_or("the end of the file".to_string(), |c| {
                format!("`{}`", printable(c))
            });
            return Err(self.err(start, format!("expected a keyword, found {found}")));
        }
        if self.pos - start > 64 {
            return Err(self.err(start, "expected a keyword, found a word over 64 characters"));
        }
        Ok(String::from_utf8_lossy(&self.input[start..self.pos]).to_ascii_uppercase())
    }

    fn lang(&mut self) -> Result<Option<String>, Error> {
        if self.peek() != Some(b'[') {
            return Ok(None);
        }
        let start = self.pos;
        self.pos += 1;
        let end = memchr(b']', &self.input[self.pos..])
            .filter(|&n| n <= 16)
            .ok_or_else(|| self.err(start, "expected a language code and `]`"))?;
        let code = &self.input[self.pos..self.pos + end];
        self.pos += end + 1;
        let code = String::from_utf8_lossy(code)
            .trim()
            .trim_matches('"')
            .to_string();
        if code.is_empty()
            || !code
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(self.err(
                start + 1,
                "expected a language code such as `sv` inside `[ ]`",
            ));
        }
        Ok(Some(code))
    }

    fn subkeys(&mut self) -> Result<Vec<Vec<u8>>, Error> {
        self.skip_ws();
        if self.peek() != Some(b'(') {
            return Ok(Vec::new());
        }
        self.pos += 1;
        let mut keys = Vec::new();
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => keys.push(self.string()?),
                Some(c) => {
                    return Err(self.err(
                        self.pos,
                        format!("expected a quoted subkey, found `{}`", printable(c)),
                    ))
                }
                None => {
                    return Err(self.err(
                        self.pos,
                        "expected a quoted subkey, found the end of the file",
                    ))
                }
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b')') => {
                    self.pos += 1;
                    return Ok(keys);
                }
                Some(c) => {
                    return Err(self.err(
                        self.pos,
                        format!("expected `,` or `)`, found `{}`", printable(c)),
                    ))
                }
                None => return Err(self.err(self.pos, "expected `)`, found the end of the file")),
            }
        }
    }

    /// An unquoted word; parentheses nest so `TLIST(A1, "1994"-"1996")` stays one word.
    fn word(&mut self) -> Result<Vec<u8>, Error> {
        let start = self.pos;
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'(' => depth += 1,
                b')' if depth > 0 => depth -= 1,
                b'"' if depth > 0 => {
                    self.quoted()?;
                    continue;
                }
                b',' | b';' if depth == 0 => break,
                b'\r' | b'\n' if depth == 0 => break,
                _ => {}
            }
            self.pos += 1;
        }
        if depth > 0 {
            return Err(self.err(start, "this value opens `(` and never closes it"));
        }
        let w = self.input[start..self.pos].trim_ascii();
        Ok(w.to_vec())
    }

    fn items(&mut self) -> Result<Vec<Item>, Error> {
        let mut items = Vec::new();
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => items.push(Item::Str(self.string()?)),
                Some(b';') if items.is_empty() => {
                    return Err(self.err(self.pos, "expected a value before `;`"))
                }
                Some(_) => {
                    let at = self.pos;
                    let w = self.word()?;
                    if w.is_empty() {
                        return Err(self.err(at, "expected a value"));
                    }
                    items.push(Item::Word(w));
                }
                None => {
                    return Err(self.err(self.pos, "expected a value, found the end of the file"))
                }
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b';') => {
                    self.pos += 1;
                    return Ok(items);
                }
                Some(c) => {
                    return Err(self.err(
                        self.pos,
                        format!(
                            "expected `,` or `;` after a value, found `{}`",
                            printable(c)
                        ),
                    ))
                }
                None => return Err(self.err(self.pos, "expected `;`, found the end of the file")),
            }
        }
    }
}

/// Lexes statements up to and including `DATA=`.
pub fn header(input: &[u8]) -> Result<Header, Error> {
    let mut lx = Lexer {
        input,
        pos: 0,
        keyword: String::new(),
    };
    let mut statements = Vec::new();
    loop {
        lx.skip_ws();
        if lx.peek().is_none() {
            return Ok(Header {
                statements,
                data_offset: None,
                data_keyword_offset: input.len(),
            });
        }
        let offset = lx.pos;
        lx.keyword = String::new();
        let keyword = lx.keyword()?;
        lx.keyword = keyword.clone();
        let lang = lx.lang()?;
        let subkeys = lx.subkeys()?;
        lx.expect(b'=', "`=`")?;
        if keyword == "DATA" {
            return Ok(Header {
                statements,
                data_offset: Some(lx.pos),
                data_keyword_offset: offset,
            });
        }
        let items = lx.items()?;
        statements.push(Statement {
            keyword,
            lang,
            subkeys,
            items,
            offset,
        });
    }
}

pub fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn printable(b: u8) -> String {
    if b.is_ascii_graphic() || b == b' ' {
        (b as char).to_string()
    } else {
        format!("\\x{b:02x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_parts() {
        let h = header(b"VALUES[sv](\"a\",\"b\")=\"x\",\"y\"\r\n\"z\";\nDATA=\n1 2;").unwrap();
        let s = &h.statements[0];
        assert_eq!(s.keyword, "VALUES");
        assert_eq!(s.lang.as_deref(), Some("sv"));
        assert_eq!(s.subkeys, vec![b"a".to_vec(), b"b".to_vec()]);
        assert_eq!(
            s.items,
            vec![Item::Str(b"x".to_vec()), Item::Str(b"yz".to_vec())]
        );
        assert!(h.data_offset.is_some());
    }

    #[test]
    fn tlist_is_one_word() {
        let h = header(b"TIMEVAL(\"t\")=TLIST(A1, \"1994\"-\"1996\");").unwrap();
        assert_eq!(
            h.statements[0].items,
            vec![Item::Word(b"TLIST(A1, \"1994\"-\"1996\")".to_vec())]
        );
    }

    #[test]
    fn unterminated_string_is_located() {
        let e = header(b"A=1;\nTITLE=\"abc;\n").unwrap_err();
        assert_eq!(
            (e.line(), e.column(), e.keyword()),
            (Some(2), Some(7), Some("TITLE"))
        );
    }

    #[test]
    fn line_and_column() {
        assert_eq!(line_col(b"ab\ncd", 4), (2, 2));
    }
}
