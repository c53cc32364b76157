//! The part a person plays in one mentoring relationship.

use crate::problem::{Field, FieldError, Problem};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Mentor,
    Mentee,
}

impl Role {
    /// Every role as it is written, for record fields that hold one.
    pub const NAMES: &'static [&'static str] = &["mentor", "mentee"];

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        match raw.trim() {
            "mentor" => Ok(Self::Mentor),
            "mentee" => Ok(Self::Mentee),
            "" => Err(FieldError::new(Field::Role, Problem::Required)),
            _ => Err(FieldError::new(Field::Role, Problem::Malformed)),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mentor => "mentor",
            Self::Mentee => "mentee",
        }
    }

    /// The role the partner takes: a relationship has exactly one of each.
    pub fn partner(self) -> Self {
        match self {
            Self::Mentor => Self::Mentee,
            Self::Mentee => Self::Mentor,
        }
    }
}

/// A role is a choice of two words in the records that hold one ("created by", an owner).
impl crate::sync::declare::Choice for Role {
    const ALL: &'static [Self] = &[Role::Mentor, Role::Mentee];
    const NAMES: &'static [&'static str] = Role::NAMES;
    fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_written_names_are_the_roles() {
        for role in [super::Role::Mentor, super::Role::Mentee] {
            assert!(super::Role::NAMES.contains(&role.as_str()));
            assert_eq!(super::Role::parse(role.as_str()), Ok(role));
        }
        assert_eq!(super::Role::NAMES.len(), 2);
    }

    use super::*;

    #[test]
    fn round_trips_and_pairs() {
        for role in [Role::Mentor, Role::Mentee] {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
            assert_ne!(role.partner(), role);
            assert_eq!(role.partner().partner(), role);
        }
    }

    #[test]
    fn refuses_unknown() {
        assert_eq!(Role::parse("boss").unwrap_err().problem, Problem::Malformed);
        assert_eq!(Role::parse("").unwrap_err().problem, Problem::Required);
        assert_eq!(
            Role::parse("Mentor").unwrap_err().problem,
            Problem::Malformed
        );
    }
}
