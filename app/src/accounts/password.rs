//! A password as chosen at sign-up; it never leaves the server after parsing.

use crate::problem::{check_length, Field, FieldError};

/// Not `Serialize`: a parsed password is only ever hashed or verified.
pub struct Password(String);

impl Password {
    pub const MIN: usize = 10;
    /// Bounds the hashing work a single request can cause.
    pub const MAX: usize = 200;

    /// Spaces are kept: they are part of passphrases.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        check_length(Field::Password, raw, Self::MIN, Self::MAX)?;
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::Problem;

    #[test]
    fn needs_ten_characters() {
        assert_eq!(
            Password::parse("123456789").unwrap_err().problem,
            Problem::TooShort(10)
        );
        assert!(Password::parse("1234567890").is_ok());
        assert!(Password::parse("ëëëëëëëëëë").is_ok());
    }

    #[test]
    fn empty_is_required_and_long_is_refused() {
        assert_eq!(Password::parse("").unwrap_err().problem, Problem::Required);
        assert_eq!(
            Password::parse(&"x".repeat(201)).unwrap_err().problem,
            Problem::TooLong(200)
        );
    }

    #[test]
    fn debug_does_not_leak() {
        let p = Password::parse("correct horse battery").unwrap();
        assert!(!format!("{p:?}").contains("horse"));
    }
}
