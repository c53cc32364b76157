//! The action item record: its fields, each named once here, and how a stored record reads.

use crate::{
    relationships::Role,
    sync::{
        replica::Record,
        schema::{instant, parse_date, spec, KindSpec, Type, Writer, DELETED},
        Kind,
    },
};
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;
use uuid::Uuid;

/// The fields of an action item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Notes,
    /// The role of the person who is to do it.
    Owner,
    Due,
    /// When its owner ticked it; null when open.
    DoneAt,
    CreatedAt,
    /// The role of the person who added it.
    CreatedBy,
    /// The session it came from, if any.
    Session,
    /// What the mentor promised to provide, for the mentor's commitments.
    Commitment,
}

impl Field {
    pub const fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Notes => "notes",
            Field::Owner => "owner",
            Field::Due => "due",
            Field::DoneAt => "done_at",
            Field::CreatedAt => "created_at",
            Field::CreatedBy => "created_by",
            Field::Session => "session",
            Field::Commitment => "commitment",
        }
    }
}

/// The kind as the sync core checks it: only the owner ticks, only the owner or the creator
/// hands an item over, and "created by" is the writer, once.
pub const KIND: KindSpec = KindSpec {
    kind: Kind::named("action_item"),
    fields: &[
        spec(Field::Title.name(), Type::Text { max: 200 }, Writer::Both),
        spec(Field::Notes.name(), Type::Notes { max: 2000 }, Writer::Both),
        spec(
            Field::Owner.name(),
            Type::OneOf(Role::NAMES),
            Writer::OwnerOrCreator,
        ),
        spec(Field::Due.name(), Type::OptionalDate, Writer::Both),
        spec(Field::DoneAt.name(), Type::OptionalTime, Writer::Owner),
        spec(Field::CreatedAt.name(), Type::Time, Writer::Both),
        spec(
            Field::CreatedBy.name(),
            Type::OneOf(Role::NAMES),
            Writer::OwnRoleOnce,
        ),
        spec(Field::Session.name(), Type::OptionalRef, Writer::Both),
        spec(
            Field::Commitment.name(),
            Type::OptionalOneOf(Commitment::NAMES),
            Writer::Both,
        ),
        spec(DELETED, Type::Bool, Writer::Both),
    ],
    owner: Some(Field::Owner.name()),
    label: Some(Field::Title.name()),
};

/// What a mentor's commitment provides: the three things the mission names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commitment {
    Information,
    Resource,
    Contact,
}

impl Commitment {
    pub const ALL: [Commitment; 3] = [
        Commitment::Information,
        Commitment::Resource,
        Commitment::Contact,
    ];
    const NAMES: &'static [&'static str] = &["information", "resource", "contact"];

    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// An action item as this device has it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionItem {
    pub id: Uuid,
    pub title: String,
    pub notes: String,
    pub owner: Role,
    pub due: Option<NaiveDate>,
    pub done_at: Option<DateTime<Utc>>,
    pub created_at: Option<DateTime<Utc>>,
    pub created_by: Option<Role>,
    pub commitment: Option<Commitment>,
    /// Not yet acknowledged by the server: the device's state, not a field.
    pub pending: bool,
}

impl ActionItem {
    /// A live item from its record; `None` for a deleted one or one still missing its title
    /// or owner (their changes may arrive in separate pulls).
    pub fn read(id: Uuid, record: &Record, pending: bool) -> Option<Self> {
        let get = |field: Field| record.get(field.name());
        let text = |field: Field| get(field).and_then(Value::as_str);
        let role = |field: Field| text(field).and_then(|r| Role::parse(r).ok());
        if record.get(DELETED) == Some(&Value::Bool(true)) {
            return None;
        }
        Some(Self {
            id,
            title: text(Field::Title)?.to_owned(),
            notes: text(Field::Notes).unwrap_or_default().to_owned(),
            owner: role(Field::Owner)?,
            due: text(Field::Due).and_then(parse_date),
            done_at: get(Field::DoneAt).and_then(instant),
            created_at: get(Field::CreatedAt).and_then(instant),
            created_by: role(Field::CreatedBy),
            commitment: text(Field::Commitment).and_then(Commitment::parse),
            pending,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::schema::{admit, check_value, Rejection, Stored};
    use crate::sync::{Change, Hlc, NodeId};
    use serde_json::json;

    fn change(field: Field, value: Value) -> Change {
        Change {
            record: Uuid::from_u128(1),
            relationship: Uuid::from_u128(2),
            kind: KIND.kind.clone(),
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
    fn every_field_is_declared_once_with_the_tombstone() {
        for field in [
            Field::Title,
            Field::Notes,
            Field::Owner,
            Field::Due,
            Field::DoneAt,
            Field::CreatedAt,
            Field::CreatedBy,
            Field::Session,
            Field::Commitment,
        ] {
            assert_eq!(
                KIND.fields
                    .iter()
                    .filter(|f| f.name == field.name())
                    .count(),
                1
            );
        }
        assert!(KIND.field(DELETED).is_some());
        assert_eq!(KIND.fields.len(), 10);
    }

    #[test]
    fn an_item_holds_what_people_write_into_it() {
        let ok = |field: Field, value: Value| check_value(&KIND, field.name(), &value).map(|_| ());
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
            kind: KIND.kind.clone(),
            private: false,
            by_writer: false,
            owner: Some(role.to_owned()),
            hlc: None,
            holds: false,
        };
        let tick = change(Field::DoneAt, json!(1_795_766_400_000_i64));
        let mentee_item = Some(owned_by("mentee"));
        let as_role =
            |c: &Change, role| admit(Some(&KIND), c, Some(role), |_| true, mentee_item.as_ref());
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
            kind: KIND.kind.clone(),
            private: false,
            by_writer,
            owner: Some(owner.to_owned()),
            hlc: None,
            holds: false,
        };
        let hand_to_mentor = change(Field::Owner, json!("mentor"));
        let admit_as = |role, stored: Stored| {
            admit(
                Some(&KIND),
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
            kind: KIND.kind.clone(),
            private: false,
            by_writer,
            owner: None,
            hlc: written,
            holds: false,
        };
        let by_mentor = change(Field::CreatedBy, json!("mentor"));
        let admit_as = |role, stored: Option<&Stored>| {
            admit(Some(&KIND), &by_mentor, Some(role), |_| true, stored)
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
            kind: KIND.kind.clone(),
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
        assert_eq!(ActionItem::read(id, &record, false), None, "no owner yet");
        put(&mut record, Field::Owner.name(), json!("mentor"));
        let item = ActionItem::read(id, &record, true).unwrap();
        assert_eq!(
            (item.title.as_str(), item.owner, item.pending),
            ("Read", Role::Mentor, true)
        );
        put(&mut record, DELETED, json!(true));
        assert_eq!(ActionItem::read(id, &record, false), None);
    }
}
