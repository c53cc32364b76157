//! The notes of a session: one shared record both edit, and one private record per person,
//! which reaches nobody but its author.

use crate::{
    relationships::Role,
    sync::{
        declare::{Link, Notes, RecordKind},
        replica::Replica,
        schema::{IdRule, Part},
    },
};
use uuid::Uuid;

/// A few pages.
pub const TEXT_MAX: usize = 10_000;

crate::sync::record_kind! {
    /// The notes both people keep of a session: one record per session, its id derived from it.
    pub struct SharedNotes {
        kind: "session_notes",
        fields: SharedField,
        writes: SharedSet,
        private: false,
        deletable: false,
        id: IdRule::Derived(&[&[Part::Field(SharedField::Session.name())]]),
        owner: [],
        label: [Text],
    }
    required {
        session Session: Link = Fixed,
    }
    optional {
        text Text: Notes<TEXT_MAX> = Both,
    }
}

crate::sync::record_kind! {
    /// A person's own notes of a session: private, so only their author receives or writes
    /// them; its id derived from the session and the author's role.
    pub struct PrivateNotes {
        kind: "private_session_notes",
        fields: PrivateField,
        writes: PrivateSet,
        private: true,
        deletable: false,
        id: IdRule::Derived(&[&[
            Part::Field(PrivateField::Session.name()),
            Part::WriterRole,
        ]]),
        owner: [],
        label: [Text],
    }
    required {
        session Session: Link = Fixed,
    }
    optional {
        text Text: Notes<TEXT_MAX> = Author,
    }
}

/// The id of the shared notes of `session`: the same on every device, so that notes begun
/// offline on two devices are one record.
pub fn shared_id(relationship: Uuid, session: Uuid) -> Uuid {
    SharedNotes::SPEC.derived_id(relationship, &[&session.to_string()])
}

/// The id of `role`'s private notes of `session`.
pub fn private_id(relationship: Uuid, session: Uuid, role: Role) -> Uuid {
    PrivateNotes::SPEC.derived_id(relationship, &[&session.to_string(), role.as_str()])
}

/// The text of a session's notes, shared (`private` none) or `private`'s own; empty when none
/// were written.
pub fn read(replica: &Replica, relationship: Uuid, session: Uuid, private: Option<Role>) -> String {
    let text = match private {
        None => SharedNotes::find(replica, shared_id(relationship, session)).map(|n| n.text),
        Some(role) => {
            PrivateNotes::find(replica, private_id(relationship, session, role)).map(|n| n.text)
        }
    };
    text.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{declare::check_made, Rejection};

    const RELATIONSHIP: Uuid = Uuid::from_u128(9);
    const SESSION: Uuid = Uuid::from_u128(3);

    #[test]
    fn a_persons_private_notes_are_theirs_alone_to_make() {
        let menteees = private_id(RELATIONSHIP, SESSION, Role::Mentee);
        let made_by = |role: Role| {
            check_made(
                menteees,
                RELATIONSHIP,
                role.as_str(),
                PrivateNotes::new(SESSION),
            )
        };
        assert_eq!(made_by(Role::Mentee), Ok(()));
        assert_eq!(made_by(Role::Mentor), Err(Rejection::WrongId));
    }

    #[test]
    fn shared_notes_cannot_be_made_under_a_private_notes_id() {
        let made = |id| check_made(id, RELATIONSHIP, "mentor", SharedNotes::new(SESSION));
        let private = private_id(RELATIONSHIP, SESSION, Role::Mentee);
        assert_eq!(made(private), Err(Rejection::WrongId));
        assert_eq!(made(shared_id(RELATIONSHIP, SESSION)), Ok(()));
    }
}
