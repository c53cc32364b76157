//! A person's check-in at the end of a session: their answers to the three questions, a rating
//! and, after the first session, whether the pair is a good fit.

use crate::{
    relationships::Role,
    sync::{
        replica::{Record, Replica},
        schema::{spec, KindSpec, Type, Writer},
        Kind,
    },
};
use serde_json::Value;
use uuid::Uuid;

/// The fields of a check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Session,
    Useful,
    Next,
    Change,
    Rating,
    Fit,
}

impl Field {
    pub const fn name(self) -> &'static str {
        match self {
            Field::Session => "session",
            Field::Useful => "useful",
            Field::Next => "next",
            Field::Change => "change",
            Field::Rating => "rating",
            Field::Fit => "fit",
        }
    }
}

/// The three questions, each answered in its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Useful,
    Next,
    Change,
}

impl Question {
    /// In the order they are asked.
    pub const ALL: [Question; 3] = [Question::Useful, Question::Next, Question::Change];

    pub const fn field(self) -> Field {
        match self {
            Question::Useful => Field::Useful,
            Question::Next => Field::Next,
            Question::Change => Field::Change,
        }
    }
}

pub const ANSWER_MAX: usize = 2000;
pub const RATINGS: &[&str] = &["1", "2", "3", "4", "5"];

/// "Is this a good fit?", asked after the first session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    Good,
    Unsure,
    Poor,
}

impl Fit {
    pub const ALL: [Fit; 3] = [Fit::Good, Fit::Unsure, Fit::Poor];
    const NAMES: &'static [&'static str] = &["good", "unsure", "poor"];

    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// One person's check-in of one session. Either member writes it: on one device, the pair
/// takes turns. Whose answers they are is in its id, derived from the session and that
/// person's role ([`checkin_id`]), so that every device writes the same record.
pub const CHECKIN: &KindSpec = &KindSpec {
    kind: Kind::named("checkin"),
    fields: &[
        spec(Field::Session.name(), Type::Ref, Writer::Both),
        spec(
            Field::Useful.name(),
            Type::Notes { max: ANSWER_MAX },
            Writer::Both,
        ),
        spec(
            Field::Next.name(),
            Type::Notes { max: ANSWER_MAX },
            Writer::Both,
        ),
        spec(
            Field::Change.name(),
            Type::Notes { max: ANSWER_MAX },
            Writer::Both,
        ),
        spec(
            Field::Rating.name(),
            Type::OptionalOneOf(RATINGS),
            Writer::Both,
        ),
        spec(
            Field::Fit.name(),
            Type::OptionalOneOf(Fit::NAMES),
            Writer::Both,
        ),
    ],
    owner: None,
    label: Some(Field::Next.name()),
};

/// The id of `by`'s check-in of `session`: the same on every device.
pub fn checkin_id(session: Uuid, by: Role) -> Uuid {
    Uuid::new_v5(&session, format!("check-in {}", by.as_str()).as_bytes())
}

/// A check-in as this device has it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    pub useful: String,
    pub next: String,
    pub change: String,
    pub rating: Option<u8>,
    pub fit: Option<Fit>,
}

impl Answers {
    fn from_record(record: &Record) -> Self {
        let text = |f: Field| record.get(f.name()).and_then(Value::as_str);
        let owned = |f: Field| text(f).unwrap_or_default().to_owned();
        Self {
            useful: owned(Field::Useful),
            next: owned(Field::Next),
            change: owned(Field::Change),
            rating: text(Field::Rating).and_then(|r| r.parse().ok()),
            fit: text(Field::Fit).and_then(Fit::parse),
        }
    }

    /// `by`'s check-in of `session`, if they have begun it.
    pub fn read(replica: &Replica, session: Uuid, by: Role) -> Option<Self> {
        replica
            .get(&checkin_id(session, by))
            .map(Self::from_record)
            .filter(|a| !a.is_empty())
    }

    pub fn answer(&self, question: Question) -> &str {
        match question {
            Question::Useful => &self.useful,
            Question::Next => &self.next,
            Question::Change => &self.change,
        }
    }

    /// Nothing answered yet, or every answer cleared again.
    pub fn is_empty(&self) -> bool {
        Question::ALL
            .iter()
            .all(|q| self.answer(*q).trim().is_empty())
            && self.rating.is_none()
            && self.fit.is_none()
    }
}

/// The id of the action item made from a "next steps" answer, and of the agenda item made from
/// a "change" answer: one per answer, however often or on however many devices it is made.
pub fn made_from(checkin: Uuid, question: Question) -> Uuid {
    Uuid::new_v5(&checkin, question.field().name().as_bytes())
}

/// `text` cut to at most `max` characters, at a word where it can be: an answer becomes the
/// title of an action item or an agenda item, which are shorter.
pub fn shortened(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(at) if at > cut.len() / 2 => &cut[..at],
        _ => &cut,
    };
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::schema::{check_value, Rejection};
    use serde_json::json;

    #[test]
    fn each_persons_check_in_of_a_session_has_its_own_id_on_every_device() {
        let session = Uuid::from_u128(7);
        assert_eq!(
            checkin_id(session, Role::Mentor),
            checkin_id(session, Role::Mentor)
        );
        assert_ne!(
            checkin_id(session, Role::Mentor),
            checkin_id(session, Role::Mentee)
        );
        assert_ne!(
            checkin_id(session, Role::Mentee),
            checkin_id(Uuid::from_u128(8), Role::Mentee)
        );
    }

    #[test]
    fn an_overlong_answer_or_a_rating_off_the_scale_is_refused() {
        let long = "a".repeat(ANSWER_MAX + 1);
        assert_eq!(
            check_value(CHECKIN, "next", &json!(long)).err(),
            Some(Rejection::TooLong(ANSWER_MAX))
        );
        assert!(check_value(CHECKIN, "next", &json!("")).is_ok());
        assert!(check_value(CHECKIN, "rating", &json!("5")).is_ok());
        assert!(check_value(CHECKIN, "rating", &json!(null)).is_ok());
        assert_eq!(
            check_value(CHECKIN, "rating", &json!("6")).err(),
            Some(Rejection::WrongType)
        );
        assert!(check_value(CHECKIN, "fit", &json!("unsure")).is_ok());
    }

    #[test]
    fn an_answer_too_long_for_a_title_is_cut_at_a_word() {
        assert_eq!(shortened("  Update my CV ", 200), "Update my CV");
        assert_eq!(shortened("Update my curriculum vitae", 16), "Update my…");
        assert_eq!(shortened("Supercalifragilistic", 10), "Supercali…");
        assert!(shortened(&"é".repeat(300), 200).chars().count() <= 200);
    }
}
