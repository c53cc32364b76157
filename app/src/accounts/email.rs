//! An email address, normalised so that one person has one account.

use crate::problem::{Field, FieldError, Problem};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    /// RFC 5321 limits a forward path to 254 characters.
    pub const MAX: usize = 254;

    /// Accepts the shape `local@domain.tld` and lower-cases it; whether the
    /// mailbox exists is not knowable here.
    // Called by the server only; the browser checks with `check`.
    #[allow(clippy::disallowed_methods)]
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::check(raw)?;
        Ok(Self(raw.trim().to_lowercase()))
    }

    /// The rules of [`Email::parse`] without building the address, for a form to check
    /// before sending. Case does not matter to them, so the browser bundle is spared
    /// Unicode lower-casing and its tables.
    pub fn check(raw: &str) -> Result<(), FieldError> {
        let email = raw.trim();
        let malformed = FieldError::new(Field::Email, Problem::Malformed);
        if email.is_empty() {
            return Err(FieldError::new(Field::Email, Problem::Required));
        }
        if email.chars().count() > Self::MAX {
            return Err(FieldError::new(Field::Email, Problem::TooLong(Self::MAX)));
        }
        let (local, domain) = email.rsplit_once('@').ok_or(malformed)?;
        let labels_ok = domain.split('.').count() >= 2
            && domain
                .split('.')
                .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'));
        // Non-ASCII passes for internationalised domains; telling letters from symbols
        // there would need Unicode tables in the browser bundle, and no check here proves
        // a domain exists anyway.
        let chars_ok = !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && !local.contains('@')
            && domain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || !c.is_ascii() || c == '-' || c == '.');
        if local.is_empty()
            || local.len() > 64
            || !labels_ok
            || !chars_ok
            || crate::sync::text::contains_invisible(email)
        {
            return Err(malformed);
        }
        Ok(())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_space() {
        assert_eq!(
            Email::parse(" Ann@Example.NL ").unwrap().as_str(),
            "ann@example.nl"
        );
    }

    #[test]
    fn a_form_check_agrees_with_parsing() {
        for raw in [
            "Ann@Example.NL",
            " ann@example.nl ",
            "ÅSA@MÜNCHEN.DE",
            "ann",
            "ann@example",
            "ann@exa mple.com",
            "",
        ] {
            assert_eq!(Email::check(raw), Email::parse(raw).map(|_| ()), "{raw:?}");
        }
    }

    #[test]
    fn accepts_plus_and_subdomains() {
        assert!(Email::parse("ann+tandem@mail.example.co.uk").is_ok());
    }

    #[test]
    fn refuses_malformed() {
        for raw in [
            "ann",
            "ann@",
            "@example.com",
            "ann@example",
            "ann@@example.com",
            "a nn@example.com",
            "ann@exa mple.com",
            "ann@.example.com",
            "ann@example..com",
            "ann@-example.com",
            "ann@example.com\u{0}",
            "ann@exa_mple.com",
            "ann@example.com!",
        ] {
            assert_eq!(
                Email::parse(raw).unwrap_err().problem,
                Problem::Malformed,
                "{raw:?}"
            );
        }
    }

    #[test]
    fn refuses_empty_and_too_long() {
        assert_eq!(Email::parse("  ").unwrap_err().problem, Problem::Required);
        let long = format!("{}@{}.com", "a".repeat(60), "b".repeat(200));
        assert_eq!(
            Email::parse(&long).unwrap_err().problem,
            Problem::TooLong(Email::MAX)
        );
    }
}
