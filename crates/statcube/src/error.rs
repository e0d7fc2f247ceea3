use std::fmt;

/// A reading or writing failure, located as precisely as the input allows.
///
/// The message always names the file (when known), and for parse errors the line, column,
/// keyword and what was expected, so a person can open the file at the right spot.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    keyword: Option<String>,
    message: String,
}

impl Error {
    pub fn new(message: impl Into<String>) -> Self {
        Error {
            file: None,
            line: None,
            column: None,
            keyword: None,
            message: message.into(),
        }
    }

    /// An error at a 1-based line and column of the input.
    pub fn at(line: usize, column: usize, message: impl Into<String>) -> Self {
        Error {
            line: Some(line),
            column: Some(column),
            ..Error::new(message)
        }
    }

    pub fn with_keyword(mut self, keyword: impl Into<String>) -> Self {
        if self.keyword.is_none() {
            self.keyword = Some(keyword.into());
        }
        self
    }

    pub fn with_file(mut self, file: impl Into<String>) -> Self {
        if self.file.is_none() {
            self.file = Some(file.into());
        }
        self
    }

    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }
    pub fn line(&self) -> Option<usize> {
        self.line
    }
    pub fn column(&self) -> Option<usize> {
        self.column
    }
    pub fn keyword(&self) -> Option<&str> {
        self.keyword.as_deref()
    }
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut wrote = false;
        if let Some(file) = &self.file {
            f.write_str(file)?;
            wrote = true;
        }
        if let Some(line) = self.line {
            write!(f, "{}line {line}", if wrote { ":" } else { "" })?;
            if let Some(col) = self.column {
                write!(f, ", column {col}")?;
            }
            wrote = true;
        }
        if let Some(kw) = &self.keyword {
            write!(f, "{}keyword {kw}", if wrote { ", " } else { "" })?;
            wrote = true;
        }
        if wrote {
            f.write_str(": ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::new(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_every_part() {
        let e = Error::at(3, 7, "expected `=`")
            .with_keyword("VALUES")
            .with_file("a.px");
        assert_eq!(
            e.to_string(),
            "a.px:line 3, column 7, keyword VALUES: expected `=`"
        );
    }

    #[test]
    fn bare_message() {
        assert_eq!(Error::new("boom").to_string(), "boom");
    }
}
