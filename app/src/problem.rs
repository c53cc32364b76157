//! What is wrong with a piece of input, in terms the UI can translate.

use serde::{Deserialize, Serialize};

/// A form field that input can be wrong in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    DisplayName,
    Email,
    Password,
    NewPassword,
    Title,
    Role,
}

/// Why a value was refused; carries the limits so the message can state them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Required,
    // Newtype variants rather than `{ min }`/`{ max }`: each struct variant adds a JSON
    // struct reader to the browser bundle.
    /// Fewer characters than this minimum.
    TooShort(usize),
    /// More characters than this maximum.
    TooLong(usize),
    Malformed,
    /// Holds characters that hide or reorder text, such as a right-to-left override.
    Invisible,
    /// Shows nothing: only spaces and characters that show nothing.
    Blank,
    Taken,
    /// Not what is stored, such as a current password given wrong.
    Wrong,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: Field, problem: Problem) -> Self {
        Self { field, problem }
    }
}

/// Checks a trimmed one-line text: its length in characters, as users count them, and that
/// nothing in it is hidden (control or invisible format characters).
pub(crate) fn check_line(
    field: Field,
    value: &str,
    min: usize,
    max: usize,
) -> Result<(), FieldError> {
    check_length(field, value, min, max)?;
    if value.chars().any(char::is_control) || crate::sync::text::breaks_line(value) {
        return Err(FieldError::new(field, Problem::Malformed));
    }
    if crate::sync::text::contains_invisible(value) {
        return Err(FieldError::new(field, Problem::Invisible));
    }
    if min > 0 && crate::sync::text::looks_blank(value) {
        return Err(FieldError::new(field, Problem::Blank));
    }
    Ok(())
}

/// Checks a trimmed length in characters, as users count them.
pub(crate) fn check_length(
    field: Field,
    value: &str,
    min: usize,
    max: usize,
) -> Result<(), FieldError> {
    let count = value.chars().count();
    if count == 0 && min > 0 {
        Err(FieldError::new(field, Problem::Required))
    } else if count < min {
        Err(FieldError::new(field, Problem::TooShort(min)))
    } else if count > max {
        Err(FieldError::new(field, Problem::TooLong(max)))
    } else {
        Ok(())
    }
}
