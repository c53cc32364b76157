//! Every record kind, each declared by its feature: the list the server checks changes against.

use crate::sync::schema::KindSpec;

/// A new feature with records adds its kind here.
const ALL: &[&KindSpec] = &[
    &crate::action_items::KIND,
    &crate::prepare::DRAFT,
    &crate::prepare::SHARED,
    &crate::agreement::TERMS,
    &crate::agreement::SIGNATURE,
    &crate::goals::GOAL,
    &crate::goals::UPDATE,
    &crate::goals::MILESTONE,
    &crate::roadmap::SESSION,
    &crate::roadmap::AGENDA,
    crate::roadmap::SERVED,
    crate::checkin::CHECKIN,
    crate::notes::SHARED,
    crate::notes::PRIVATE,
];

pub fn spec(kind: &str) -> Option<&'static KindSpec> {
    ALL.iter().copied().find(|k| k.kind.as_str() == kind)
}

#[cfg(test)]
mod tests {
    #[test]
    fn kinds_have_one_name_each() {
        for k in super::ALL {
            assert_eq!(
                super::spec(k.kind.as_str()).map(|s| s.kind.clone()),
                Some(k.kind.clone())
            );
        }
        assert!(super::spec("unknown").is_none());
    }
}
