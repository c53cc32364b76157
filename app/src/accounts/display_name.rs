//! The name a person shows to their mentoring partner.

use crate::problem::{check_line, Field, FieldError};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayName(String);

impl DisplayName {
    pub const MAX: usize = 60;

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let name = raw.trim();
        check_line(Field::DisplayName, name, 1, Self::MAX)?;
        Ok(Self(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::Problem;

    #[test]
    fn trims_and_accepts_unicode() {
        assert_eq!(
            DisplayName::parse("  Zoë de Vries ").unwrap().as_str(),
            "Zoë de Vries"
        );
    }

    #[test]
    fn refuses_empty_and_blank() {
        for raw in ["", "   "] {
            assert_eq!(
                DisplayName::parse(raw).unwrap_err().problem,
                Problem::Required
            );
        }
    }

    #[test]
    fn counts_characters_not_bytes() {
        assert!(DisplayName::parse(&"é".repeat(DisplayName::MAX)).is_ok());
        assert_eq!(
            DisplayName::parse(&"é".repeat(DisplayName::MAX + 1))
                .unwrap_err()
                .problem,
            Problem::TooLong(DisplayName::MAX)
        );
    }

    #[test]
    fn refuses_a_direction_override_or_a_zero_width_space() {
        for raw in ["Ann\u{202E}a", "An\u{200B}na"] {
            assert_eq!(
                DisplayName::parse(raw).unwrap_err().problem,
                Problem::Invisible
            );
        }
    }

    #[test]
    fn refuses_control_characters() {
        assert_eq!(
            DisplayName::parse("Ann\u{0}a").unwrap_err().problem,
            Problem::Malformed
        );
        assert_eq!(
            DisplayName::parse("Ann\na").unwrap_err().problem,
            Problem::Malformed
        );
    }
}
