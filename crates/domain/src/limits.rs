//! Length limits on free text, shared by the plan file, forms and the API so
//! that a text accepted in one place is accepted in all.

use crate::FieldError;

/// Identifiers appear in URLs; keep them short, lower-case ASCII.
pub const ID: usize = 64;
/// Names and titles.
pub const TITLE: usize = 300;
/// Cells of the action plan and status texts.
pub const TEXT: usize = 4000;
/// Long prose such as the programme's introduction.
pub const PROSE: usize = 20_000;

/// Checks the length of a text in characters (not bytes: nynorsk has æøå).
pub fn check(field: &'static str, value: &str, max: usize) -> Result<(), FieldError> {
    let n = value.chars().count();
    if n > max {
        return Err(FieldError::new(
            field,
            format!("is {n} characters long; at most {max} are allowed"),
        ));
    }
    Ok(())
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
    fn identifiers() {
        assert!(check_id("id", "kick-off").is_ok());
        assert!(check_id("id", "Kick-off").is_err());
        assert!(check_id("id", "-x").is_err());
        assert!(check_id("id", "").is_err());
        assert!(check_id("id", "språk").is_err());
    }
}
