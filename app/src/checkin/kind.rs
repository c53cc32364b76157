//! A person's check-in at the end of a session: their answers to the three questions, a rating
//! and, after the first session, whether the pair is a good fit.

use crate::{
    relationships::Role,
    sync::{
        declare::{Link, Maybe, Notes, One, OptInt, RecordKind},
        replica::Replica,
        schema::{IdRule, Part},
    },
};
use uuid::Uuid;

pub const ANSWER_MAX: usize = 2000;
/// The rating scale, 1 to 5.
pub const RATING_MAX: u32 = 5;

crate::sync::choice! {
    /// "Is this a good fit?", asked after the first session.
    pub enum Fit {
        Good = "good",
        Unsure = "unsure",
        Poor = "poor",
    }
}

crate::sync::record_kind! {
    /// A check-in of one session: one person's answers to the three questions, a rating and,
    /// after the first session, whether the pair fits. Only the person who wrote it can change
    /// it. Each person's own is one record on every device (its id derived from the session,
    /// the writer's role and whose answers they are); on one device the pair takes turns, and
    /// the partner's answers typed there are a record of the device's person, shown as typed
    /// on their device.
    pub struct Checkin {
        kind: "checkin",
        fields: Field,
        writes: CheckinSet,
        private: false,
        deletable: false,
        id: IdRule::Derived(&[&[
            Part::Field(Field::Session.name()),
            Part::WriterRole,
            Part::Field(Field::Of.name()),
        ]]),
        owner: [],
        label: [Next],
    }
    required {
        session Session: Link = Fixed,
        /// Whose answers they are.
        of Of: One<Role> = Fixed,
    }
    optional {
        useful Useful: Notes<ANSWER_MAX> = Author,
        next Next: Notes<ANSWER_MAX> = Author,
        change Change: Notes<ANSWER_MAX> = Author,
        rating Rating: OptInt<1, RATING_MAX> = Author,
        fit Fit: Maybe<Fit> = Author,
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

    /// The write of an answer to it.
    pub fn write(self, answer: String) -> CheckinSet {
        match self {
            Question::Useful => CheckinSet::Useful(answer),
            Question::Next => CheckinSet::Next(answer),
            Question::Change => CheckinSet::Change(answer),
        }
    }
}

/// The id of the check-in of `session` that `by` writes, with `of`'s answers (their own, or
/// their partner's typed on their device).
pub fn checkin_id(relationship: Uuid, session: Uuid, by: Role, of: Role) -> Uuid {
    Checkin::SPEC.derived_id(
        relationship,
        &[&session.to_string(), by.as_str(), of.as_str()],
    )
}

impl Checkin {
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

    /// `of`'s answers to `session`, if they have begun: their own, else those typed on their
    /// partner's device (`typed_by` then says whose).
    pub fn answers(
        replica: &Replica,
        relationship: Uuid,
        session: Uuid,
        of: Role,
    ) -> Option<Answers> {
        [of, of.partner()].into_iter().find_map(|by| {
            let checkin = Self::find(replica, checkin_id(relationship, session, by, of))?;
            (!checkin.is_empty() && checkin.of == of).then_some(Answers {
                checkin,
                typed_by: (by != of).then_some(by),
            })
        })
    }
}

/// A person's answers as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Answers {
    pub checkin: Checkin,
    /// Typed on the partner's device, taking turns: that partner.
    pub typed_by: Option<Role>,
}

/// `text` cut to at most `max` characters, at a word where it can be: an answer becomes the
/// title of an action item or an agenda item, which are shorter.
pub fn shortened(text: &str, max: usize) -> String {
    // One line: a title holds no line breaks.
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.as_str();
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
    use crate::sync::{
        declare::check_made,
        schema::{admit, check_value, Rejection, Stored},
        Change, Hlc, NodeId,
    };
    use serde_json::json;

    const RELATIONSHIP: Uuid = Uuid::from_u128(9);
    const SESSION: Uuid = Uuid::from_u128(7);

    fn made_by(by: Role, of: Role) -> Result<(), Rejection> {
        let id = checkin_id(RELATIONSHIP, SESSION, by, of);
        check_made(id, RELATIONSHIP, by.as_str(), Checkin::new(SESSION, of))
    }

    #[test]
    fn a_person_makes_their_own_check_in_and_the_partners_answers_typed_on_their_device() {
        assert_eq!(made_by(Role::Mentee, Role::Mentee), Ok(()));
        assert_eq!(made_by(Role::Mentor, Role::Mentee), Ok(()));
    }

    #[test]
    fn nobody_makes_a_check_in_under_the_id_of_another_persons() {
        let made = |id, by| check_made(id, RELATIONSHIP, by, Checkin::new(SESSION, Role::Mentee));
        let menteees_own = checkin_id(RELATIONSHIP, SESSION, Role::Mentee, Role::Mentee);
        assert_eq!(made(menteees_own, "mentor"), Err(Rejection::WrongId));
        let elsewhere = checkin_id(Uuid::from_u128(8), SESSION, Role::Mentee, Role::Mentee);
        assert_eq!(made(elsewhere, "mentee"), Err(Rejection::WrongId));
    }

    #[test]
    fn the_partner_cannot_rewrite_a_persons_answers() {
        let change = Change {
            record: checkin_id(RELATIONSHIP, SESSION, Role::Mentee, Role::Mentee),
            relationship: RELATIONSHIP,
            kind: Checkin::SPEC.kind.clone(),
            private: false,
            field: Field::Useful.name().into(),
            value: json!("waste of time"),
            hlc: Hlc {
                millis: 1,
                counter: 0,
                node: NodeId(1),
            },
        };
        let menteees = Stored {
            relationship: RELATIONSHIP,
            kind: Checkin::SPEC.kind.clone(),
            private: false,
            by_writer: false,
            new: false,
            owner: None,
            hlc: None,
            holds: false,
        };
        assert_eq!(
            admit(
                Some(Checkin::SPEC),
                &change,
                Some("mentor"),
                |_| true,
                Some(&menteees)
            ),
            Err(Rejection::NotYours)
        );
    }

    #[test]
    fn an_overlong_answer_or_a_rating_off_the_scale_is_refused() {
        let long = "a".repeat(ANSWER_MAX + 1);
        assert_eq!(
            check_value(Checkin::SPEC, "next", &json!(long)).err(),
            Some(Rejection::TooLong(ANSWER_MAX))
        );
        assert!(check_value(Checkin::SPEC, "next", &json!("")).is_ok());
        assert!(check_value(Checkin::SPEC, "rating", &json!(5)).is_ok());
        assert!(check_value(Checkin::SPEC, "rating", &json!(null)).is_ok());
        for bad in [json!(6), json!("5"), json!(0)] {
            assert_eq!(
                check_value(Checkin::SPEC, "rating", &bad).err(),
                Some(Rejection::WrongType)
            );
        }
        assert!(check_value(Checkin::SPEC, "fit", &json!("unsure")).is_ok());
    }

    #[test]
    fn an_answer_too_long_for_a_title_is_cut_at_a_word() {
        assert_eq!(shortened("  Update my CV ", 200), "Update my CV");
        assert_eq!(
            shortened("Update my CV\nCall Sam", 200),
            "Update my CV Call Sam"
        );
        assert_eq!(shortened("Update my curriculum vitae", 16), "Update my…");
        assert_eq!(shortened("Supercalifragilistic", 10), "Supercali…");
        assert!(shortened(&"é".repeat(300), 200).chars().count() <= 200);
    }
}
