//! What is wrong with a piece of input, in terms the UI can translate.

use serde::{Deserialize, Serialize};

/// A form field that input can be wrong in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    DisplayName,
    Email,
    Password,
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
    Taken,
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
