//! A closing reflection: what a person gained from the relationship, what they would do
//! differently, and a rating.

use crate::{
    relationships::Role,
    sync::{
        declare::{Notes, One, OptInt, RecordKind},
        replica::Replica,
        schema::{IdRule, Part},
    },
};
use uuid::Uuid;

pub const TEXT_MAX: usize = 2000;
/// The rating scale, 1 to 5.
pub const RATING_MAX: u32 = 5;

crate::sync::record_kind! {
    /// One person's reflection on their relationship as it ends: only they write it, and they
    /// still can once it has ended, so that the partner who did not end it is asked too. It is
    /// shared with the partner as it is written. One per person: its id derives from their role.
    pub struct Reflection {
        kind: "reflection",
        fields: Field,
        writes: ReflectionSet,
        private: false,
        deletable: false,
        id: IdRule::Derived(&[&[Part::Field(Field::By.name())]]),
        owner: [By],
        label: [],
        after_end: true,
    }
    required {
        /// Whose reflection it is.
        by By: One<Role> = OwnRoleOnce,
    }
    optional {
        gained Gained: Notes<TEXT_MAX> = Owner,
        differently Differently: Notes<TEXT_MAX> = Owner,
        rating Rating: OptInt<1, RATING_MAX> = Owner,
    }
}

/// The id of `by`'s reflection on `relationship`.
pub fn reflection_id(relationship: Uuid, by: Role) -> Uuid {
    Reflection::SPEC.derived_id(relationship, &[by.as_str()])
}

impl Reflection {
    /// `by`'s reflection, once something of it is given.
    pub fn of(replica: &Replica, relationship: Uuid, by: Role) -> Option<Self> {
        Self::find(replica, reflection_id(relationship, by)).filter(|r| r.by == by && !r.is_empty())
    }

    /// Nothing written and no rating, or all of it cleared again.
    pub fn is_empty(&self) -> bool {
        self.gained.trim().is_empty() && self.differently.trim().is_empty() && self.rating.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{declare::Write, schema::check_new};
    use serde_json::Value;

    #[test]
    fn a_reflection_under_its_derived_id_is_whole_for_the_server() {
        let relationship = Uuid::from_u128(7);
        let id = reflection_id(relationship, Role::Mentee);
        let writes: Vec<(&str, Value)> = [
            ReflectionSet::By(Role::Mentee),
            ReflectionSet::Gained("Confidence".into()),
            ReflectionSet::Rating(Some(4)),
        ]
        .into_iter()
        .map(Write::field)
        .collect();
        let value = |field: &str| {
            writes
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(
            check_new(Reflection::SPEC, id, relationship, "mentee", value),
            Ok(())
        );
        let other = reflection_id(relationship, Role::Mentor);
        assert!(check_new(Reflection::SPEC, other, relationship, "mentee", value).is_err());
    }

    #[test]
    fn each_person_has_one_reflection_per_relationship() {
        let relationship = Uuid::from_u128(7);
        assert_ne!(
            reflection_id(relationship, Role::Mentee),
            reflection_id(relationship, Role::Mentor)
        );
        assert_ne!(
            reflection_id(relationship, Role::Mentee),
            reflection_id(Uuid::from_u128(8), Role::Mentee)
        );
    }
}
