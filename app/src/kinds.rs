//! Every record kind, each declared by its feature: the list the server checks changes against.

use crate::sync::{declare::RecordKind, schema::KindSpec};

/// Names every kind once: the registry, and each kind's reader for the property test.
macro_rules! kinds {
    ($($kind:ty),* $(,)?) => {
        const ALL: &[&KindSpec] = &[$( <$kind as RecordKind>::SPEC ),*];

        /// Each kind's schema with whether its reader reads a record.
        #[cfg(test)]
        type Reads = fn(uuid::Uuid, &crate::sync::replica::Record) -> bool;
        #[cfg(test)]
        const READERS: &[(&KindSpec, Reads)] = &[
            $( (<$kind as RecordKind>::SPEC, |id, r| <$kind as RecordKind>::read(id, r).is_some()) ),*
        ];
    };
}

// A new kind is added here.
kinds! {
    crate::action_items::ActionItem,
    crate::prepare::Draft,
    crate::prepare::Shared,
    crate::agreement::Terms,
    crate::agreement::Signature,
    crate::goals::Goal,
    crate::goals::Update,
    crate::goals::Milestone,
    crate::roadmap::Session,
    crate::roadmap::AgendaItem,
    crate::roadmap::Served,
    crate::checkin::Checkin,
    crate::notes::SharedNotes,
    crate::notes::PrivateNotes,
    crate::closing::Reflection,
}

pub fn spec(kind: &str) -> Option<&'static KindSpec> {
    ALL.iter().copied().find(|k| k.kind.as_str() == kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{
        declare::deleted,
        replica::Replica,
        schema::{admit, check_new, IdRule, Part, Stored, Type},
        Change, Hlc, NodeId,
    };
    use proptest::prelude::*;
    use serde_json::{json, Value};
    use uuid::Uuid;

    #[test]
    fn kind_names_are_unique() {
        for (i, a) in ALL.iter().enumerate() {
            for b in &ALL[i + 1..] {
                assert_ne!(a.kind, b.kind);
            }
        }
        assert_eq!(READERS.len(), ALL.len());
    }

    #[test]
    fn every_kinds_owner_label_and_id_parts_are_fields_of_that_kind() {
        for kind in ALL {
            let named = kind.owner.into_iter().chain(kind.label);
            let alternatives = match kind.id {
                IdRule::Random => &[][..],
                IdRule::Derived(alternatives) => alternatives,
            };
            let parts = alternatives
                .iter()
                .flat_map(|a| a.iter())
                .filter_map(|p| match p {
                    Part::Field(name) => Some(*name),
                    Part::WriterRole => None,
                });
            for field in named.chain(parts) {
                assert!(
                    kind.field(field).is_some(),
                    "{}: no field {field}",
                    kind.kind.as_str()
                );
            }
            if let Some(owner) = kind.owner {
                let ty = kind.field(owner).map(|f| f.ty);
                assert!(
                    matches!(ty, Some(Type::OneOf(words)) if words == crate::relationships::Role::NAMES),
                    "{}: the owner field holds a role",
                    kind.kind.as_str()
                );
            }
        }
    }

    const RELATIONSHIP: Uuid = Uuid::from_u128(0xAA);
    const WRITER: &str = "mentee";

    /// Values of every shape, good and bad for `ty`: what any client could send.
    fn pool(ty: Type) -> Vec<Value> {
        let mut values = vec![
            json!(null),
            json!(true),
            json!(false),
            json!(""),
            json!("  "),
            json!("Read chapter 3"),
            json!("\u{00AD}\u{200D}"),
            json!("one\u{2028}two"),
            json!("x".repeat(20_001)),
            json!("2026-12-03"),
            json!("+999-+1-+1"),
            json!("0000-01-01"),
            json!("18:00"),
            json!("24:00"),
            json!(Uuid::from_u128(7).to_string()),
            json!("mentor"),
            json!("mentee"),
            json!(0),
            json!(1),
            json!(5),
            json!(60),
            json!(601),
            json!(-5),
            json!(0.001),
            json!(1e9),
            json!(1e10),
            json!(1_795_766_400_000_i64),
            json!(8_000_000_000_000_i64),
        ];
        if let Type::OneOf(words) | Type::OptionalOneOf(words) = ty {
            values.extend(words.iter().map(|w| json!(w)));
        }
        values
    }

    /// A push of changes to up to three records of `kind`: (record, field, value) by index.
    type Push = Vec<(usize, usize, usize)>;

    /// Every change the rules accept, applied as the server applies them; a record made by a
    /// push and left incomplete is refused whole (`check_new`).
    fn serve(kind: &'static KindSpec, pushes: &[Push]) -> Replica {
        let mut replica = Replica::default();
        let mut millis = 1;
        for push in pushes {
            let changes: Vec<(usize, &str, Value)> = push
                .iter()
                .map(|&(record, field, value)| {
                    let field = &kind.fields[field % kind.fields.len()];
                    let pool = pool(field.ty);
                    (record % 3, field.name, pool[value % pool.len()].clone())
                })
                .collect();
            let id = |record: usize| id_of(kind, record, &changes);
            let mut made: Vec<Uuid> = Vec::new();
            for (record, field, value) in &changes {
                millis += 1;
                let change = Change {
                    record: id(*record),
                    relationship: RELATIONSHIP,
                    kind: kind.kind.clone(),
                    private: kind.private,
                    field: (*field).to_owned(),
                    value: value.clone(),
                    hlc: Hlc {
                        millis,
                        counter: 0,
                        node: NodeId(1),
                    },
                };
                let stored = replica.get(&change.record).map(|r| Stored {
                    relationship: r.relationship,
                    kind: r.kind.clone(),
                    private: r.private,
                    by_writer: true,
                    new: made.contains(&change.record),
                    owner: kind
                        .owner
                        .and_then(|o| r.get(o))
                        .and_then(Value::as_str)
                        .map(str::to_owned),
                    hlc: r.fields.get(*field).map(|s| s.hlc),
                    holds: r.get(field) == Some(value),
                });
                if let Ok(write) =
                    admit(Some(kind), &change, Some(WRITER), |_| true, stored.as_ref())
                {
                    if stored.is_none() {
                        made.push(change.record);
                    }
                    if write {
                        replica.apply(&change);
                    }
                }
            }
            for id in made {
                let record = &replica.records[&id];
                if check_new(kind, id, RELATIONSHIP, WRITER, |f| record.get(f).cloned()).is_err() {
                    replica.records.remove(&id);
                }
            }
        }
        replica
    }

    /// The id a device gives `record`: for a kind whose ids are derived, derived from the
    /// push's last values of its parts, as a device derives it.
    fn id_of(kind: &KindSpec, record: usize, changes: &[(usize, &str, Value)]) -> Uuid {
        // A UUIDv7, as a device makes.
        let random = Uuid::from_u128(0x0190_a0b0_0000_7000_8000_0000_0000_0000 | record as u128);
        let IdRule::Derived(alternatives) = kind.id else {
            return random;
        };
        'alternatives: for parts in alternatives {
            let mut texts = Vec::new();
            for part in *parts {
                match part {
                    Part::WriterRole => texts.push(WRITER.to_owned()),
                    Part::Field(name) => {
                        let value = changes
                            .iter()
                            .rev()
                            .find(|(r, f, _)| *r == record && f == name)
                            .and_then(|(.., v)| v.as_str());
                        match value {
                            Some(text) => texts.push(text.to_owned()),
                            None => continue 'alternatives,
                        }
                    }
                }
            }
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            return kind.derived_id(RELATIONSHIP, &texts);
        }
        random
    }

    fn pushes() -> impl Strategy<Value = Vec<Push>> {
        let change = (0usize..3, 0usize..64, 0usize..64);
        prop::collection::vec(prop::collection::vec(change, 1..12), 1..5)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        /// The schema and the reader are one thing: whatever the server stores, pages show.
        #[test]
        fn every_record_the_server_keeps_is_read_by_its_kind_or_deleted(
            kind in 0..READERS.len(),
            pushes in pushes(),
        ) {
            let (spec, reads) = READERS[kind];
            let replica = serve(spec, &pushes);
            for (id, record) in &replica.records {
                prop_assert!(
                    deleted(record) || reads(*id, record),
                    "{} {id}: stored but unreadable: {:?}",
                    spec.kind.as_str(),
                    record.fields
                );
            }
        }
    }

    /// The property test reaches records of every kind: it is not vacuously true.
    #[test]
    fn the_server_model_keeps_whole_records_of_every_kind() {
        for (spec, reads) in READERS {
            let mut writes: Vec<(usize, usize, usize)> = Vec::new();
            for (f, field) in spec.fields.iter().enumerate() {
                let pool = pool(field.ty);
                let good = pool
                    .iter()
                    .position(|v| {
                        let tombstone = field.name == crate::sync::schema::DELETED;
                        field.ty.check(v).is_ok()
                            && *v != json!("mentor")
                            && !(tombstone && *v == json!(true))
                    })
                    .unwrap();
                writes.push((0, f, good));
            }
            let replica = serve(spec, &[writes]);
            let kept = replica
                .records
                .iter()
                .any(|(id, r)| !deleted(r) && reads(*id, r));
            assert!(kept, "{}: nothing kept", spec.kind.as_str());
        }
    }
}
