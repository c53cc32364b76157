//! The notes of a session: one shared record both edit, and one private record per person,
//! which reaches nobody but its author.

use crate::{
    relationships::Role,
    sync::{
        replica::Replica,
        schema::{spec, KindSpec, Type, Writer},
        Kind,
    },
};
use serde_json::Value;
use uuid::Uuid;

pub const SESSION: &str = "session";
pub const TEXT: &str = "text";
/// A few pages.
pub const TEXT_MAX: usize = 10_000;

const FIELDS: &[crate::sync::schema::FieldSpec] = &[
    spec(SESSION, Type::Ref, Writer::Both),
    spec(TEXT, Type::Notes { max: TEXT_MAX }, Writer::Both),
];

/// The notes both people keep of a session.
pub const SHARED: &KindSpec = &KindSpec {
    kind: Kind::named("session_notes"),
    fields: FIELDS,
    owner: None,
    label: Some(TEXT),
};

/// A person's own notes of a session: records created private.
pub const PRIVATE: &KindSpec = &KindSpec {
    kind: Kind::named("private_session_notes"),
    fields: FIELDS,
    owner: None,
    label: Some(TEXT),
};

/// The id of a session's notes: shared ones (`None`), or `Some(role)`'s private ones. The same
/// on every device, so that notes begun offline on two devices are one record.
pub fn notes_id(session: Uuid, private: Option<Role>) -> Uuid {
    let name = match private {
        None => "notes".to_owned(),
        Some(role) => format!("private notes {}", role.as_str()),
    };
    Uuid::new_v5(&session, name.as_bytes())
}

/// The text of a session's notes, empty when none were written. A record under a private id
/// that is not private (a partner could make one first) is not the person's notes.
pub fn read(replica: &Replica, session: Uuid, private: Option<Role>) -> String {
    replica
        .get(&notes_id(session, private))
        .filter(|r| r.private == private.is_some())
        .and_then(|r| r.get(TEXT))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{Change, Hlc, NodeId};

    #[test]
    fn each_persons_private_notes_are_a_record_apart_from_the_shared_ones() {
        let session = Uuid::from_u128(3);
        let ids = [
            notes_id(session, None),
            notes_id(session, Some(Role::Mentor)),
            notes_id(session, Some(Role::Mentee)),
        ];
        assert_ne!(ids[0], ids[1]);
        assert_ne!(ids[1], ids[2]);
        assert_ne!(ids[0], ids[2]);
        assert_eq!(ids[1], notes_id(session, Some(Role::Mentor)));
    }

    #[test]
    fn shared_notes_under_a_private_id_are_not_the_persons_private_notes() {
        let session = Uuid::from_u128(3);
        let note = |private| Change {
            record: notes_id(session, Some(Role::Mentee)),
            relationship: Uuid::from_u128(9),
            kind: if private { PRIVATE } else { SHARED }.kind.clone(),
            private,
            field: TEXT.to_owned(),
            value: Value::from("written by the partner"),
            hlc: Hlc {
                millis: 1,
                counter: 0,
                node: NodeId(1),
            },
        };
        let mut replica = Replica::default();
        replica.apply(&note(false));
        assert_eq!(read(&replica, session, Some(Role::Mentee)), "");
        let mut replica = Replica::default();
        replica.apply(&note(true));
        assert_eq!(
            read(&replica, session, Some(Role::Mentee)),
            "written by the partner"
        );
    }
}
