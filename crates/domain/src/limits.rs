//! Limits on what users send (the length and characters of texts, the number of entries
//! in a list), shared by the plan file, forms and the API so that what is accepted in one
//! place is accepted in all. Every limit here is checked before any other work on the value.

use std::collections::HashSet;
use std::hash::Hash;

use crate::FieldError;

/// Identifiers appear in URLs; keep them short, lower-case ASCII.
pub const ID: usize = 64;
/// Names and titles.
pub const TITLE: usize = 300;
/// Cells of the action plan and status texts.
pub const TEXT: usize = 4000;
/// Long prose such as the programme's introduction.
pub const PROSE: usize = 20_000;

/// Most entries a list in one input (languages, needs, interests, …) may have.
pub const LIST: usize = 50;

/// Checks the length of a text in characters (not bytes: nynorsk has æøå) and that it holds
/// no control characters: NUL cannot be stored in PostgreSQL and the others only hide what a
/// text says. Texts longer than a title ([`TEXT`], [`PROSE`]) take several lines, so tabs and
/// line breaks are allowed in them; names, titles and identifiers are one line.
pub fn check(field: &'static str, value: &str, max: usize) -> Result<(), FieldError> {
    // Counting stops just past the limit, so a huge text costs no more than a short one.
    let n = value.chars().take(max + 1).count();
    if n > max {
        let n = value.chars().count();
        return Err(FieldError::new(
            field,
            format!("is {n} characters long; at most {max} are allowed"),
        ));
    }
    let several_lines = max > TITLE;
    if let Some(c) = value
        .chars()
        .find(|&c| c.is_control() && !(several_lines && matches!(c, '\t' | '\n' | '\r')))
    {
        return Err(FieldError::new(
            field,
            format!(
                "holds the control character U+{:04X}; {}",
                c as u32,
                if several_lines {
                    "only tabs and line breaks are allowed"
                } else {
                    "write it on one line, without tabs"
                }
            ),
        ));
    }
    Ok(())
}

/// Checks the number of entries of a list, before anything is done with them.
pub fn check_count(field: &'static str, n: usize, max: usize) -> Result<(), FieldError> {
    if n > max {
        return Err(FieldError::new(
            field,
            format!("has {n} entries; at most {max} are allowed"),
        ));
    }
    Ok(())
}

/// Refuses a list that names an entry twice; linear in the list's length.
pub fn check_unique<T: Eq + Hash + std::fmt::Debug>(
    field: &'static str,
    items: &[T],
) -> Result<(), FieldError> {
    let mut seen = HashSet::with_capacity(items.len());
    match items.iter().find(|item| !seen.insert(*item)) {
        Some(item) => Err(FieldError::new(field, format!("{item:?} is listed twice"))),
        None => Ok(()),
    }
}

pub fn check_required(field: &'static str, value: &str, max: usize) -> Result<(), FieldError> {
    if value.trim().is_empty() {
        return Err(FieldError::new(field, "must not be empty"));
    }
    check(field, value, max)
}

/// An identifier: 1–64 characters of a–z, 0–9 and '-', not starting or ending with '-'.
pub fn check_id(field: &'static str, value: &str) -> Result<(), FieldError> {
    let ok = !value.is_empty()
        && value.len() <= ID
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(FieldError::new(
            field,
            format!("`{value}` is not an identifier: use 1–{ID} characters a–z, 0–9 and '-', like `mentorprogram`"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        assert!(check("t", &"å".repeat(10), 10).is_ok());
        assert!(check("t", &"å".repeat(11), 10).is_err());
    }

    #[test]
    fn control_characters_are_refused() {
        for bad in ["a\0b", "a\u{7}b", "a\u{1b}[31mb", "a\u{85}b"] {
            assert!(check("t", bad, TITLE).is_err(), "{bad:?} as a title");
            assert!(check("t", bad, TEXT).is_err(), "{bad:?} as a text");
        }
        for lines in ["a\nb", "a\r\nb", "a\tb"] {
            assert!(check("t", lines, TITLE).is_err(), "{lines:?} as a title");
            assert!(check("t", lines, TEXT).is_ok(), "{lines:?} as a text");
            assert!(check("t", lines, PROSE).is_ok(), "{lines:?} as prose");
        }
        assert!(check_required("t", "\0", ID).is_err());
        assert!(check("t", "Årdal – «heim»", TITLE).is_ok());
    }

    #[test]
    fn lists() {
        assert!(check_count("l", LIST, LIST).is_ok());
        assert!(check_count("l", LIST + 1, LIST).is_err());
        assert!(check_unique("l", &["a", "b", "c"]).is_ok());
        let e = check_unique("l", &["a", "b", "a"]).unwrap_err();
        assert!(e.message.contains("\"a\""), "{e}");
    }

    #[test]
    fn identifiers() {
        assert!(check_id("id", "kick-off").is_ok());
        assert!(check_id("id", "Kick-off").is_err());
        assert!(check_id("id", "-x").is_err());
        assert!(check_id("id", "").is_err());
        assert!(check_id("id", "språk").is_err());
    }
}
