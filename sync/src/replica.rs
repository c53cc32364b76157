//! A copy of records that merges changes field by field: the latest clock reading wins.

use super::{Change, Hlc, Kind, Pulled};
use serde_json::Value;
use std::collections::BTreeMap;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq)]
pub struct Stamped {
    pub value: Value,
    pub hlc: Hlc,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub kind: Kind,
    pub relationship: Uuid,
    pub private: bool,
    pub fields: BTreeMap<String, Stamped>,
}

impl Record {
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.fields.get(field).map(|s| &s.value)
    }
}

/// Whether a write stamped `incoming` replaces what is stored. Equal stamps are
/// the same write seen twice, so replays change nothing.
pub fn wins(incoming: Hlc, stored: Option<Hlc>) -> bool {
    stored.is_none_or(|stored| incoming > stored)
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Replica {
    pub records: BTreeMap<Uuid, Record>,
}

impl Replica {
    /// Merges one change; true if it changed anything.
    pub fn apply(&mut self, change: &Change) -> bool {
        let record = self.records.entry(change.record).or_insert_with(|| Record {
            kind: change.kind.clone(),
            relationship: change.relationship,
            private: change.private,
            fields: BTreeMap::new(),
        });
        let stored = record.fields.get(&change.field).map(|s| s.hlc);
        if !wins(change.hlc, stored) {
            return false;
        }
        record.fields.insert(
            change.field.clone(),
            Stamped {
                value: change.value.clone(),
                hlc: change.hlc,
            },
        );
        true
    }

    /// Merges a pulled record's fields.
    pub fn apply_pulled(&mut self, pulled: &Pulled) {
        let record = self.records.entry(pulled.record).or_insert_with(|| Record {
            kind: pulled.kind.clone(),
            relationship: pulled.relationship,
            private: pulled.private,
            fields: BTreeMap::new(),
        });
        for (field, value, hlc) in &pulled.fields {
            if wins(*hlc, record.fields.get(field).map(|s| s.hlc)) {
                let stamped = Stamped {
                    value: value.clone(),
                    hlc: *hlc,
                };
                record.fields.insert(field.clone(), stamped);
            }
        }
    }

    /// Merges another copy in, field by field: the result holds the latest of both.
    pub fn merge(&mut self, other: &Replica) {
        for (id, record) in &other.records {
            for (field, stamped) in &record.fields {
                self.apply(&Change {
                    record: *id,
                    relationship: record.relationship,
                    kind: record.kind.clone(),
                    private: record.private,
                    field: field.clone(),
                    value: stamped.value.clone(),
                    hlc: stamped.hlc,
                });
            }
        }
    }

    pub fn get(&self, id: &Uuid) -> Option<&Record> {
        self.records.get(id)
    }

    /// Records of one kind in one relationship.
    pub fn of<'a>(
        &'a self,
        relationship: Uuid,
        kind: &'a Kind,
    ) -> impl Iterator<Item = (&'a Uuid, &'a Record)> + 'a {
        self.records
            .iter()
            .filter(move |(_, r)| r.relationship == relationship && r.kind == *kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NodeId;
    use serde_json::json;

    fn change(field: &str, value: Value, millis: u64, node: u64) -> Change {
        Change {
            record: Uuid::from_u128(1),
            relationship: Uuid::from_u128(2),
            kind: Kind::named("task"),
            private: false,
            field: field.into(),
            value,
            hlc: Hlc {
                millis,
                counter: 0,
                node: NodeId(node),
            },
        }
    }

    #[test]
    fn edits_of_different_fields_both_survive() {
        let tick = change("done_at", json!(1_795_766_400_000_i64), 10, 1);
        let rename = change("title", json!("Read two chapters"), 5, 2);
        for order in [[&tick, &rename], [&rename, &tick]] {
            let mut replica = Replica::default();
            for c in order {
                replica.apply(c);
            }
            let r = replica.get(&Uuid::from_u128(1)).unwrap();
            assert_eq!(r.get("title"), Some(&json!("Read two chapters")));
            assert_eq!(r.get("done_at"), Some(&json!(1_795_766_400_000_i64)));
        }
    }

    #[test]
    fn later_write_wins_and_node_breaks_ties() {
        let mut replica = Replica::default();
        assert!(replica.apply(&change("title", json!("a"), 10, 1)));
        assert!(!replica.apply(&change("title", json!("old"), 9, 9)));
        assert!(replica.apply(&change("title", json!("b"), 10, 2)));
        assert!(
            !replica.apply(&change("title", json!("b"), 10, 2)),
            "a replay changes nothing"
        );
        assert_eq!(
            replica.get(&Uuid::from_u128(1)).unwrap().get("title"),
            Some(&json!("b"))
        );
    }
}
