//! The optional title of a relationship, such as "Leadership 2027".

use crate::problem::{check_line, Field, FieldError};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationshipTitle(String);

impl RelationshipTitle {
    pub const MAX: usize = 80;

    /// A blank title means "no title".
    pub fn parse(raw: &str) -> Result<Option<Self>, FieldError> {
        let title = raw.trim();
        if title.is_empty() {
            return Ok(None);
        }
        check_line(Field::Title, title, 1, Self::MAX)?;
        Ok(Some(Self(title.to_owned())))
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
    fn blank_is_none() {
        assert_eq!(RelationshipTitle::parse("  "), Ok(None));
    }

    #[test]
    fn keeps_a_trimmed_title() {
        let t = RelationshipTitle::parse(" Leadership 2027 ")
            .unwrap()
            .unwrap();
        assert_eq!(t.as_str(), "Leadership 2027");
    }

    #[test]
    fn refuses_too_long() {
        assert_eq!(
            RelationshipTitle::parse(&"a".repeat(81))
                .unwrap_err()
                .problem,
            Problem::TooLong(80)
        );
    }
}
