//! The goals a session serves: one small record per session and goal, so that either person
//! ticks or unticks a goal offline and the two merge like any field.

use crate::sync::{
    declare::{Flag, Link, RecordKind},
    replica::Replica,
    schema::{IdRule, Part},
};
use uuid::Uuid;

crate::sync::record_kind! {
    /// A session serving a goal, or no longer (`serves` false). Its id is derived from both, so
    /// that ticking it offline on both devices makes one record.
    pub struct Served {
        kind: "session_goal",
        fields: ServedField,
        writes: ServedSet,
        private: false,
        deletable: false,
        id: IdRule::Derived(&[&[
            Part::Field(ServedField::Session.name()),
            Part::Field(ServedField::Goal.name()),
        ]]),
        owner: [],
        label: [],
    }
    required {
        session Session: Link = Fixed,
        goal Goal: Link = Fixed,
    }
    optional {
        serves Serves: Flag = Both,
    }
}

/// The id of the link between `session` and `goal`: the same on every device.
pub fn served_id(relationship: Uuid, session: Uuid, goal: Uuid) -> Uuid {
    Served::SPEC.derived_id(relationship, &[&session.to_string(), &goal.to_string()])
}

/// The writes that say whether `session` serves `goal`.
pub fn served_writes(session: Uuid, goal: Uuid, served: bool) -> Vec<ServedSet> {
    let mut writes = Served::new(session, goal);
    writes.push(ServedSet::Serves(served));
    writes
}

/// Whether `session` serves `goal`, as the device has it.
pub fn serves(replica: &Replica, relationship: Uuid, session: Uuid, goal: Uuid) -> bool {
    Served::find(replica, served_id(relationship, session, goal)).is_some_and(|s| s.serves)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{declare::check_made, Rejection};

    #[test]
    fn the_server_takes_the_link_a_device_makes_and_no_other_id_for_it() {
        let (relationship, session, goal) =
            (Uuid::from_u128(9), Uuid::from_u128(1), Uuid::from_u128(2));
        let made = |id| {
            check_made(
                id,
                relationship,
                "mentee",
                served_writes(session, goal, true),
            )
        };
        assert_eq!(made(served_id(relationship, session, goal)), Ok(()));
        assert_eq!(
            made(served_id(relationship, goal, session)),
            Err(Rejection::WrongId)
        );
        assert_eq!(
            made(served_id(Uuid::from_u128(8), session, goal)),
            Err(Rejection::WrongId),
            "another relationship's link"
        );
    }
}
