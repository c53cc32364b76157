//! A device's side of sync, free of browser APIs: local edits, the outbox, and merging replies.

use super::{
    schema::KindSpec, Change, Clock, Cursors, Hlc, Kind, Mutation, NodeId, Outcome, PullReply,
    Pulled, PushReply, Rejection, Replica, MAX_BATCH,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use uuid::Uuid;

/// Everything a device keeps between visits, saved in two parts: its edits
/// ([`Device::pending_part`]) after every edit, and the records too ([`Device::records_part`])
/// when they change; read back in the form of [`Stored`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "Stored")]
pub struct Device {
    pub clock: Clock,
    /// What the server has confirmed.
    pub confirmed: Replica,
    /// What the user sees: confirmed plus pending and rejected edits.
    pub local: Replica,
    /// Edits not yet acknowledged, oldest first.
    pub outbox: Vec<Mutation>,
    /// Edits the server refused, kept visible until fixed or discarded.
    pub rejected: Vec<(Mutation, Rejection)>,
    pub cursors: BTreeMap<Uuid, i64>,
}

/// A device as saved: what the server confirmed, in the form a pull delivers it, and the edits
/// on top. What the user sees is rebuilt from these on loading rather than stored a second
/// time: local storage is small (about 5 MB in most browsers).
#[derive(Deserialize)]
struct Stored {
    clock: Clock,
    /// Absent from a device saved before records were grouped (as `confirmed`, which is not
    /// read: its reader cost the bundle more than pulling those records again).
    records: Option<Vec<Pulled>>,
    /// Saved here before edits were saved apart ([`Pending`]).
    #[serde(default)]
    outbox: Vec<Mutation>,
    #[serde(default)]
    rejected: Vec<(Mutation, Rejection)>,
    #[serde(default)]
    cursors: Cursors,
}

/// A device's edits as saved apart from its records, after every edit (`{ clock, outbox,
/// rejected }`): small, so that saving one does not rewrite every record, and an edit is kept
/// even when the records no longer fit. Read back as a [`Device`] of nothing but those edits,
/// and merged in as another tab's are ([`Device::absorb`]).
#[derive(Serialize)]
pub struct Pending<'a> {
    clock: &'a Clock,
    outbox: &'a [Mutation],
    rejected: &'a [(Mutation, Rejection)],
}

/// A device's records and cursors by reference: read back as a [`Stored`] without edits.
#[derive(Serialize)]
pub struct RecordsRef<'a> {
    clock: &'a Clock,
    records: ConfirmedRecords<'a>,
    cursors: Cursors,
}

impl From<Stored> for Device {
    fn from(stored: Stored) -> Self {
        let mut confirmed = Replica::default();
        // Records not read are pulled again from the start.
        let mut cursors = stored.cursors;
        match &stored.records {
            Some(records) => records.iter().for_each(|r| confirmed.apply_pulled(r)),
            None => cursors.clear(),
        }
        let mut device = Device {
            clock: stored.clock,
            local: Replica::default(),
            confirmed,
            outbox: stored.outbox,
            rejected: stored.rejected,
            cursors: cursors.into_iter().collect(),
        };
        device.rebuild_local();
        device
    }
}

impl Serialize for Device {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut stored = serializer.serialize_struct("Stored", 5)?;
        stored.serialize_field("clock", &self.clock)?;
        stored.serialize_field("records", &ConfirmedRecords(&self.confirmed))?;
        stored.serialize_field("outbox", &self.outbox)?;
        stored.serialize_field("rejected", &self.rejected)?;
        stored.serialize_field("cursors", &self.cursors())?;
        stored.end()
    }
}

/// A replica written out as [`Pulled`] records, without copying it first.
pub struct ConfirmedRecords<'a>(&'a Replica);

impl Serialize for ConfirmedRecords<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.records.iter().map(|(id, record)| PulledRef {
            record: id,
            relationship: &record.relationship,
            kind: &record.kind,
            private: record.private,
            fields: FieldsRef(&record.fields),
        }))
    }
}

/// A [`Pulled`] by reference; written exactly as a `Pulled` is.
#[derive(Serialize)]
struct PulledRef<'a> {
    record: &'a Uuid,
    relationship: &'a Uuid,
    kind: &'a Kind,
    private: bool,
    fields: FieldsRef<'a>,
}

struct FieldsRef<'a>(&'a BTreeMap<String, crate::replica::Stamped>);

impl Serialize for FieldsRef<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|(field, s)| (field, &s.value, s.hlc)))
    }
}

/// A value as people read it.
fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        // Not `to_string()`: Value's Display drags float formatting into the bundle.
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// Which record an edit is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRef {
    pub id: Uuid,
    pub relationship: Uuid,
    pub kind: Kind,
    pub private: bool,
}

impl Device {
    pub fn new(node: NodeId) -> Self {
        Self {
            clock: Clock::new(node),
            confirmed: Replica::default(),
            local: Replica::default(),
            outbox: Vec::new(),
            rejected: Vec::new(),
            cursors: BTreeMap::new(),
        }
    }

    /// A local edit: stamped now, shown at once, queued for the server.
    pub fn edit(
        &mut self,
        record: &RecordRef,
        field: &str,
        value: Value,
        wall: u64,
        mutation_id: Uuid,
    ) -> Hlc {
        let hlc = self.clock.tick(wall);
        let change = Change {
            record: record.id,
            relationship: record.relationship,
            kind: record.kind.clone(),
            private: record.private,
            field: field.to_owned(),
            value,
            hlc,
        };
        self.local.apply(&change);
        // A field edited again before it reached the server goes once, with its last value:
        // text saved as it is typed must not queue a copy per keystroke. Should the earlier
        // edit be on its way already, the later one still follows it and wins by its stamp.
        self.outbox
            .retain(|m| m.change.record != record.id || m.change.field != field);
        self.outbox.push(Mutation {
            id: mutation_id,
            change,
        });
        hlc
    }

    /// What is saved after every edit.
    pub fn pending_part(&self) -> Pending<'_> {
        Pending {
            clock: &self.clock,
            outbox: &self.outbox,
            rejected: &self.rejected,
        }
    }

    /// What is saved when the records change (a push acknowledged, a pull merged).
    pub fn records_part(&self) -> RecordsRef<'_> {
        RecordsRef {
            clock: &self.clock,
            records: ConfirmedRecords(&self.confirmed),
            cursors: self.cursors(),
        }
    }

    /// Keeps only what the server has not seen (the outbox, and the clock that stamped it):
    /// what a device holds for a person who is no longer signed in. The rest comes back with
    /// the next pull once they sign in again.
    pub fn keep_unsent_only(&mut self) {
        self.confirmed = Replica::default();
        self.rejected.clear();
        self.cursors.clear();
        self.rebuild_local();
    }

    /// The next batch to push: the oldest pending edits, every edit of a record in the same
    /// batch, so that a new record reaches the server whole (it refuses one that is not).
    pub fn next_batch(&self) -> Vec<Mutation> {
        let mut records: Vec<Uuid> = Vec::new();
        let mut batch: Vec<Mutation> = Vec::new();
        for m in &self.outbox {
            let record = m.change.record;
            if records.contains(&record) {
                continue;
            }
            let of_record = self.outbox.iter().filter(|o| o.change.record == record);
            if !batch.is_empty() && batch.len() + of_record.clone().count() > MAX_BATCH {
                break;
            }
            records.push(record);
            batch.extend(of_record.cloned());
        }
        batch
    }

    /// Refused edits, one entry per record: its id, what people call it (the value of its
    /// kind's label field, as `kinds` finds the kind; else the refused value), and why.
    pub fn refused<'k>(
        &self,
        kinds: impl Fn(&str) -> Option<&'k KindSpec>,
    ) -> Vec<(Uuid, String, Rejection)> {
        let mut out: Vec<(Uuid, String, Rejection)> = Vec::new();
        for (m, reason) in &self.rejected {
            let record = m.change.record;
            if out.iter().any(|(id, ..)| *id == record) {
                continue;
            }
            let label = kinds(m.change.kind.as_str()).and_then(|k| k.label);
            let name = self
                .local
                .get(&record)
                .zip(label)
                .and_then(|(r, label)| r.get(label))
                .map(value_text)
                .unwrap_or_else(|| value_text(&m.change.value));
            out.push((record, name, *reason));
        }
        out
    }

    pub fn pending(&self) -> usize {
        self.outbox.len()
    }

    /// Takes in the server's answer to a push: acknowledged edits leave the outbox,
    /// refused ones move to `rejected`. Answers to unknown ids (a replayed push) are ignored.
    pub fn acknowledge(&mut self, reply: &PushReply) {
        self.clock.witness(reply.clock);
        for (id, outcome) in &reply.outcomes {
            let Some(at) = self.outbox.iter().position(|m| m.id == *id) else {
                continue;
            };
            let mutation = self.outbox.remove(at);
            match outcome {
                Outcome::Acknowledged => {
                    self.confirmed.apply(&mutation.change);
                }
                Outcome::Rejected(reason) => self.rejected.push((mutation, *reason)),
            }
        }
    }

    pub fn cursors(&self) -> Cursors {
        self.cursors.iter().map(|(k, v)| (*k, *v)).collect()
    }

    /// Merges changes from the server into both copies.
    pub fn merge_pull(&mut self, reply: &PullReply) {
        // The server's clock has passed every stamp it sends, so ours will too:
        // a later local edit then always beats what we have seen.
        self.clock.witness(reply.clock);
        for pulled in &reply.records {
            self.confirmed.apply_pulled(pulled);
            self.local.apply_pulled(pulled);
        }
        for (relationship, version) in &reply.cursors {
            let cursor = self.cursors.entry(*relationship).or_insert(0);
            *cursor = (*cursor).max(*version);
        }
    }

    /// Takes in what another tab of this browser saved, so that neither loses the other's
    /// edits: replicas merge by clock, queues by mutation id, cursors by maximum.
    pub fn absorb(&mut self, other: Device) {
        self.clock.witness(other.clock.last());
        self.confirmed.merge(&other.confirmed);
        self.local.merge(&other.local);
        for mutation in other.outbox {
            let known = self.outbox.iter().any(|m| m.id == mutation.id)
                || self.rejected.iter().any(|(m, _)| m.id == mutation.id);
            if !known {
                self.outbox.push(mutation);
            }
        }
        for (mutation, reason) in other.rejected {
            if !self.rejected.iter().any(|(m, _)| m.id == mutation.id) {
                self.outbox.retain(|m| m.id != mutation.id);
                self.rejected.push((mutation, reason));
            }
        }
        for (relationship, version) in other.cursors {
            let cursor = self.cursors.entry(relationship).or_insert(0);
            *cursor = (*cursor).max(version);
        }
    }

    /// Drops the refused edits of one record; the user sees the confirmed values and
    /// pending edits again.
    pub fn discard(&mut self, record: Uuid) {
        self.rejected.retain(|(m, _)| m.change.record != record);
        self.rebuild_local();
    }

    /// What the user sees: the confirmed copy with pending and refused edits on top.
    fn rebuild_local(&mut self) {
        let mut local = self.confirmed.clone();
        for change in self
            .outbox
            .iter()
            .map(|m| &m.change)
            .chain(self.rejected.iter().map(|(m, _)| &m.change))
        {
            local.apply(change);
        }
        self.local = local;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Record `n` of one kind in one relationship.
    fn task(n: u128) -> RecordRef {
        RecordRef {
            id: Uuid::from_u128(n),
            relationship: Uuid::from_u128(2),
            kind: Kind::named("task"),
            private: false,
        }
    }

    #[test]
    fn a_batch_holds_every_edit_of_a_record_so_that_a_new_record_arrives_whole() {
        let mut device = Device::new(NodeId(1));
        let record = |n: u128| RecordRef {
            id: Uuid::from_u128(n),
            relationship: Uuid::from_u128(99),
            kind: Kind::named("note"),
            private: false,
        };
        let mut next = 0u128;
        let mut edit = |device: &mut Device, n: u128, field: &str| {
            next += 1;
            device.edit(
                &record(n),
                field,
                json!("x"),
                10,
                Uuid::from_u128(1_000 + next),
            );
        };
        // 150 records of one field, then one of 60 fields, then its first field edited again.
        for n in 0..150 {
            edit(&mut device, n, "title");
        }
        for f in 0..60 {
            edit(&mut device, 500, &format!("field {f}"));
        }
        edit(&mut device, 0, "notes");
        let first = device.next_batch();
        assert_eq!(
            first.len(),
            151,
            "the record of 60 fields waits for the next batch"
        );
        assert!(first
            .iter()
            .all(|m| m.change.record != Uuid::from_u128(500)));
        assert_eq!(
            first
                .iter()
                .filter(|m| m.change.record == Uuid::from_u128(0))
                .count(),
            2,
            "both edits of record 0 go together"
        );
    }

    #[test]
    fn a_device_saved_with_one_entry_per_field_keeps_its_pending_edit_and_pulls_the_rest_again() {
        let relationship = Uuid::from_u128(2);
        let change = |field: &str, value: &str, millis| Change {
            record: Uuid::from_u128(1),
            relationship,
            kind: Kind::named("task"),
            private: false,
            field: field.to_owned(),
            value: json!(value),
            hlc: Hlc {
                millis,
                counter: 0,
                node: NodeId(1),
            },
        };
        let saved = json!({
            "clock": Clock::new(NodeId(1)),
            "confirmed": [change("title", "Read the article", 10)],
            "outbox": [Mutation { id: Uuid::from_u128(9), change: change("notes", "pending", 11) }],
            "rejected": [],
            "cursors": [[relationship, 7]],
        });
        let device: Device = serde_json::from_value(saved).unwrap();
        let record = device.local.get(&Uuid::from_u128(1)).unwrap();
        assert_eq!(record.get("notes"), Some(&json!("pending")));
        assert_eq!(device.pending(), 1);
        assert!(
            device.cursors.is_empty(),
            "the next pull starts from the beginning"
        );
    }

    #[test]
    fn a_device_saved_in_two_parts_reads_back_the_same() {
        let item = task(1);
        let mut device = Device::new(NodeId(1));
        device.edit(&item, "title", json!("confirmed"), 10, Uuid::from_u128(10));
        let clock = device.clock.last();
        let acknowledged = (Uuid::from_u128(10), Outcome::Acknowledged);
        device.acknowledge(&PushReply {
            outcomes: vec![acknowledged],
            clock,
        });
        device.cursors.insert(Uuid::from_u128(2), 7);
        let records = serde_json::to_string(&device.records_part()).unwrap();
        device.edit(&item, "notes", json!("pending"), 11, Uuid::from_u128(11));
        let pending = serde_json::to_string(&device.pending_part()).unwrap();

        let mut loaded: Device = serde_json::from_str(&records).unwrap();
        loaded.absorb(serde_json::from_str(&pending).unwrap());
        assert_eq!(loaded, device, "the edit saved alone is not lost");
    }

    #[test]
    fn a_saved_device_reads_back_the_same() {
        let mut device = Device::new(NodeId(1));
        device.edit(
            &task(1),
            "title",
            json!("confirmed"),
            10,
            Uuid::from_u128(10),
        );
        device.edit(&task(1), "notes", json!("pending"), 11, Uuid::from_u128(11));
        device.edit(&task(3), "title", json!(""), 12, Uuid::from_u128(12));
        let clock = device.clock.last();
        device.acknowledge(&PushReply {
            outcomes: vec![
                (Uuid::from_u128(10), Outcome::Acknowledged),
                (Uuid::from_u128(12), Outcome::Rejected(Rejection::Empty)),
            ],
            clock,
        });
        device.cursors.insert(Uuid::from_u128(2), 7);
        let saved = serde_json::to_string(&device).unwrap();
        let loaded: Device = serde_json::from_slice(saved.as_bytes()).unwrap();
        assert_eq!(loaded, device);
        assert_eq!(loaded.pending(), 1);
        assert_eq!(
            loaded.local.get(&task(3).id).unwrap().get("title"),
            Some(&json!("")),
            "a refused edit stays visible after a reload"
        );
    }

    #[test]
    fn a_field_edited_again_before_it_is_sent_is_sent_once_with_its_last_value() {
        let item = task(1);
        let mut device = Device::new(NodeId(1));
        for (n, text) in ["W", "Wh", "Why"].into_iter().enumerate() {
            device.edit(
                &item,
                "title",
                json!(text),
                10 + n as u64,
                Uuid::from_u128(n as u128),
            );
        }
        device.edit(&item, "notes", json!("n"), 20, Uuid::from_u128(9));
        let batch = device.next_batch();
        assert_eq!(batch.len(), 2);
        assert_eq!(batch[0].change.value, json!("Why"));
        assert_eq!(batch[1].change.field, "notes");
    }

    #[test]
    fn a_device_kept_for_someone_signed_out_holds_only_their_unsent_edits() {
        let mut device = Device::new(NodeId(1));
        device.edit(&task(1), "title", json!("sent"), 10, Uuid::from_u128(10));
        device.edit(&task(2), "title", json!("unsent"), 11, Uuid::from_u128(11));
        let clock = device.clock.last();
        device.acknowledge(&PushReply {
            outcomes: vec![(Uuid::from_u128(10), Outcome::Acknowledged)],
            clock,
        });
        device.cursors.insert(Uuid::from_u128(2), 7);

        device.keep_unsent_only();
        assert!(device.local.get(&task(1).id).is_none(), "{device:?}");
        assert_eq!(
            device.local.get(&task(2).id).unwrap().get("title"),
            Some(&json!("unsent"))
        );
        assert_eq!(device.pending(), 1);
        assert!(device.cursors.is_empty(), "the next pull starts over");
        assert_eq!(device.clock.last(), clock);
    }

    #[test]
    fn two_tabs_keep_each_others_edits() {
        let item = task(1);
        let mut a = Device::new(NodeId(1));
        let mut b = Device::new(NodeId(2));
        a.edit(&item, "title", json!("from tab a"), 10, Uuid::from_u128(10));
        b.edit(&item, "notes", json!("from tab b"), 20, Uuid::from_u128(20));
        a.absorb(b.clone());
        assert_eq!(a.pending(), 2);
        assert_eq!(
            a.local.get(&item.id).unwrap().get("notes"),
            Some(&json!("from tab b"))
        );
        // Absorbing again changes nothing.
        let before = a.clone();
        a.absorb(b);
        assert_eq!(a, before);
        assert!(
            a.clock.last()
                >= Hlc {
                    millis: 20,
                    counter: 0,
                    node: NodeId(0)
                }
        );
    }
}
