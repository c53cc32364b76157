//! The action item record, declared once: its fields, who writes each, and how it reads.

use crate::{
    relationships::Role,
    sync::{
        declare::{Instant, Maybe, Notes, One, OptDate, OptInstant, OptLink, RecordKind, Text},
        schema::{IdRule, Part},
    },
};
use uuid::Uuid;

pub const TITLE_MAX: usize = 200;
pub const NOTES_MAX: usize = 2000;

crate::sync::choice! {
    /// What a mentor's commitment provides: the three things the mission names.
    pub enum Commitment {
        Information = "information",
        Resource = "resource",
        Contact = "contact",
    }
}

crate::sync::record_kind! {
    /// An action item: only its owner ticks it, only the owner or its creator hands it over,
    /// and "created by" is the writer, once. One made from a session's check-in has an id
    /// derived from that session and its owner ([`from_session_id`]): one per answer.
    pub struct ActionItem {
        kind: "action_item",
        fields: Field,
        writes: ActionSet,
        private: false,
        deletable: true,
        id: IdRule::Derived(&[&[
            Part::Field(Field::Session.name()),
            Part::Field(Field::Owner.name()),
        ]]),
        owner: [Owner],
        label: [Title],
    }
    required {
        title Title: Text<TITLE_MAX> = Both,
        /// The role of the person who is to do it.
        owner Owner: One<Role> = OwnerOrCreator,
        created_at CreatedAt: Instant = Both,
    }
    optional {
        /// The role of the person who added it.
        created_by CreatedBy: Maybe<Role> = OwnRoleOnce,
        notes Notes: Notes<NOTES_MAX> = Both,
        due Due: OptDate = Both,
        /// When its owner ticked it; none while open.
        done_at DoneAt: OptInstant = Owner,
        /// The session whose check-in it came from, if any.
        session Session: OptLink = Fixed,
        /// What the mentor promised to provide, for the mentor's commitments.
        commitment Commitment: Maybe<Commitment> = Both,
    }
}

/// The id of the action item `owner` takes from their answer to "next steps" in the check-in
/// of `session`.
pub fn from_session_id(relationship: Uuid, session: Uuid, owner: Role) -> Uuid {
    ActionItem::SPEC.derived_id(relationship, &[&session.to_string(), owner.as_str()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::schema::{admit, check_value, Rejection, Stored};
    use crate::sync::{declare::RecordKind, replica::Record, schema::DELETED};
    use crate::sync::{Change, Hlc, NodeId};
    use serde_json::json;
    use serde_json::Value;
    use uuid::Uuid;

    fn change(field: Field, value: Value) -> Change {
        Change {
            record: Uuid::from_u128(1),
            relationship: Uuid::from_u128(2),
            kind: ActionItem::SPEC.kind.clone(),
            private: false,
            field: field.name().to_owned(),
            value,
            hlc: Hlc {
                millis: 1,
                counter: 0,
                node: NodeId(1),
            },
        }
    }

    #[test]
    fn an_item_holds_what_people_write_into_it() {
        let ok = |field: Field, value: Value| {
            check_value(ActionItem::SPEC, field.name(), &value).map(|_| ())
        };
        assert_eq!(ok(Field::Title, json!("Read chapter 3")), Ok(()));
        assert_eq!(
            ok(Field::Title, json!("x".repeat(201))),
            Err(Rejection::TooLong(200))
        );
        assert_eq!(ok(Field::Notes, json!("x".repeat(2000))), Ok(()));
        assert_eq!(ok(Field::Owner, json!("mentee")), Ok(()));
        assert_eq!(ok(Field::Owner, json!("boss")), Err(Rejection::WrongType));
        assert_eq!(ok(Field::Due, json!("2026-12-01")), Ok(()));
        assert_eq!(ok(Field::DoneAt, json!(1_795_766_400_000_i64)), Ok(()));
        assert_eq!(
            ok(Field::DoneAt, json!("2026-11-27T08:00:00Z")),
            Err(Rejection::WrongType),
            "instants are milliseconds"
        );
    }

    #[test]
    fn only_the_owner_ticks_an_item_and_created_by_is_the_writer() {
        let owned_by = |role: &str| Stored {
            relationship: Uuid::from_u128(2),
            kind: ActionItem::SPEC.kind.clone(),
            private: false,
            by_writer: false,
            new: false,
            owner: Some(role.to_owned()),
            hlc: None,
            holds: false,
        };
        let tick = change(Field::DoneAt, json!(1_795_766_400_000_i64));
        let mentee_item = Some(owned_by("mentee"));
        let as_role = |c: &Change, role| {
            admit(
                Some(ActionItem::SPEC),
                c,
                Some(role),
                |_| true,
                mentee_item.as_ref(),
            )
        };
        assert_eq!(as_role(&tick, "mentee"), Ok(true));
        assert_eq!(as_role(&tick, "mentor"), Err(Rejection::NotYours));
        assert_eq!(
            as_role(&change(Field::Title, json!("x")), "mentor"),
            Ok(true)
        );
        assert_eq!(
            as_role(&change(Field::CreatedBy, json!("mentee")), "mentor"),
            Err(Rejection::NotYours)
        );
    }

    #[test]
    fn only_the_owner_or_the_creator_hands_an_item_over() {
        let item = |owner: &str, by_writer| Stored {
            relationship: Uuid::from_u128(2),
            kind: ActionItem::SPEC.kind.clone(),
            private: false,
            by_writer,
            new: false,
            owner: Some(owner.to_owned()),
            hlc: None,
            holds: false,
        };
        let hand_to_mentor = change(Field::Owner, json!("mentor"));
        let admit_as = |role, stored: Stored| {
            admit(
                Some(ActionItem::SPEC),
                &hand_to_mentor,
                Some(role),
                |_| true,
                Some(&stored),
            )
        };
        assert_eq!(admit_as("mentee", item("mentee", false)), Ok(true));
        assert_eq!(admit_as("mentor", item("mentee", true)), Ok(true));
        assert_eq!(
            admit_as("mentor", item("mentee", false)),
            Err(Rejection::NotYours),
            "the partner cannot take an item to tick it"
        );
    }

    #[test]
    fn created_by_is_written_once_by_the_creator() {
        let created = |by_writer, written: Option<Hlc>| Stored {
            relationship: Uuid::from_u128(2),
            kind: ActionItem::SPEC.kind.clone(),
            private: false,
            by_writer,
            new: false,
            owner: None,
            hlc: written,
            holds: false,
        };
        let by_mentor = change(Field::CreatedBy, json!("mentor"));
        let admit_as = |role, stored: Option<&Stored>| {
            admit(
                Some(ActionItem::SPEC),
                &by_mentor,
                Some(role),
                |_| true,
                stored,
            )
        };
        assert_eq!(admit_as("mentor", None), Ok(true));
        assert_eq!(admit_as("mentor", Some(&created(true, None))), Ok(true));
        assert_eq!(
            admit_as("mentor", Some(&created(true, Some(by_mentor.hlc)))),
            Ok(false),
            "a replay is no second write"
        );
        let earlier = Hlc {
            millis: by_mentor.hlc.millis - 1,
            ..by_mentor.hlc
        };
        assert_eq!(
            admit_as("mentor", Some(&created(true, Some(earlier)))),
            Err(Rejection::NotYours)
        );
        assert_eq!(
            admit_as("mentor", Some(&created(false, None))),
            Err(Rejection::NotYours),
            "the partner's item stays theirs"
        );
    }

    #[test]
    fn a_deleted_or_half_arrived_record_is_no_item() {
        let mut record = Record {
            kind: ActionItem::SPEC.kind.clone(),
            relationship: Uuid::from_u128(2),
            private: false,
            fields: Default::default(),
        };
        let id = Uuid::from_u128(1);
        let put = |record: &mut Record, field: &str, value: Value| {
            let hlc = Hlc {
                millis: record.fields.len() as u64 + 1,
                counter: 0,
                node: NodeId(1),
            };
            record.fields.insert(
                field.to_owned(),
                crate::sync::replica::Stamped { value, hlc },
            );
        };
        put(&mut record, Field::Title.name(), json!("Read"));
        put(
            &mut record,
            Field::CreatedAt.name(),
            json!(1_795_766_400_000_i64),
        );
        assert_eq!(ActionItem::read(id, &record), None, "no owner yet");
        put(&mut record, Field::Owner.name(), json!("mentor"));
        let item = ActionItem::read(id, &record).unwrap();
        assert_eq!((item.title.as_str(), item.owner), ("Read", Role::Mentor));
        put(&mut record, DELETED, json!(true));
        assert_eq!(ActionItem::read(id, &record), None);
    }
}
