//! The goals a session serves: one small record per session and goal, so that either person
//! ticks or unticks a goal offline and the two merge like any field.

use crate::sync::{
    replica::Replica,
    schema::{spec, KindSpec, Type, Writer},
    Kind,
};
use serde_json::Value;
use uuid::Uuid;

pub const SESSION: &str = "session";
pub const GOAL: &str = "goal";
pub const SERVES: &str = "serves";

/// A session serving a goal, or no longer (`serves` false).
pub const SERVED: &KindSpec = &KindSpec {
    kind: Kind::named("session_goal"),
    fields: &[
        spec(SESSION, Type::Ref, Writer::Both),
        spec(GOAL, Type::Ref, Writer::Both),
        spec(SERVES, Type::Bool, Writer::Both),
    ],
    owner: None,
    label: None,
};

/// The id of the link between `session` and `goal`: the same on every device, so that both
/// ticking it offline make one record.
pub fn served_id(session: Uuid, goal: Uuid) -> Uuid {
    Uuid::new_v5(&session, goal.as_bytes())
}

/// The fields that say whether `session` serves `goal`.
pub fn served_fields(session: Uuid, goal: Uuid, served: bool) -> Vec<(&'static str, Value)> {
    vec![
        (SESSION, Value::from(session.to_string())),
        (GOAL, Value::from(goal.to_string())),
        (SERVES, Value::Bool(served)),
    ]
}

/// Whether `session` serves `goal`, as the device has it.
pub fn serves(replica: &Replica, session: Uuid, goal: Uuid) -> bool {
    replica
        .get(&served_id(session, goal))
        .and_then(|r| r.get(SERVES))
        == Some(&Value::Bool(true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_and_a_goal_have_one_link_on_every_device() {
        let (session, goal) = (Uuid::from_u128(1), Uuid::from_u128(2));
        assert_eq!(served_id(session, goal), served_id(session, goal));
        assert_ne!(served_id(session, goal), served_id(goal, session));
        assert_ne!(
            served_id(session, goal),
            served_id(session, Uuid::from_u128(3))
        );
    }
}
