//! Tandem's sync core: records of fields merged last-writer-wins by hybrid logical clock, a
//! device's outbox, the protocol types, and the rules a change must pass. It knows no feature,
//! no UI and no Leptos: the app declares its record kinds with [`record_kind!`] and hands them in.

pub mod client;
pub mod declare;
pub mod hlc;
pub mod replica;
pub mod schema;
#[cfg(test)]
mod tests;
pub mod text;

pub use hlc::{Clock, ClockError, Hlc, NodeId};
pub use replica::Replica;
pub use schema::{Kind, Rejection};

/// What [`record_kind!`] expands to names.
#[doc(hidden)]
pub mod __private {
    pub use serde_json::Value;
    pub use uuid::Uuid;
}

use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

/// Mutations in one push; larger outboxes go in several.
pub const MAX_BATCH: usize = 200;
/// Changes in one pull reply; `more` says when to ask again.
pub const MAX_PULL: usize = 500;

/// One field of one record set to a value at a moment. The record's kind,
/// relationship and privacy travel with every change, so any change can create it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub record: Uuid,
    pub relationship: Uuid,
    pub kind: Kind,
    /// Private records are seen only by their author.
    pub private: bool,
    pub field: String,
    pub value: Value,
    pub hlc: Hlc,
}

/// A change as a client sends it: with an id to acknowledge it by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "FlatMutation", into = "FlatMutation")]
pub struct Mutation {
    pub id: Uuid,
    pub change: Change,
}

/// A mutation on the wire and on the device: its id beside the change's fields. Spelled out
/// rather than `#[serde(flatten)]`, whose buffering deserializer costs the
/// browser bundle about 4 KB compressed.
#[derive(Serialize, Deserialize)]
struct FlatMutation {
    id: Uuid,
    record: Uuid,
    relationship: Uuid,
    kind: Kind,
    private: bool,
    field: String,
    value: Value,
    hlc: Hlc,
}

impl From<FlatMutation> for Mutation {
    fn from(m: FlatMutation) -> Self {
        Self {
            id: m.id,
            change: Change {
                record: m.record,
                relationship: m.relationship,
                kind: m.kind,
                private: m.private,
                field: m.field,
                value: m.value,
                hlc: m.hlc,
            },
        }
    }
}

impl From<Mutation> for FlatMutation {
    fn from(Mutation { id, change }: Mutation) -> Self {
        Self {
            id,
            record: change.record,
            relationship: change.relationship,
            kind: change.kind,
            private: change.private,
            field: change.field,
            value: change.value,
            hlc: change.hlc,
        }
    }
}

/// What the server did with one mutation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// Stored, or already superseded by a later write: either way the client may forget it.
    Acknowledged,
    Rejected(Rejection),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushReply {
    pub outcomes: Vec<(Uuid, Outcome)>,
    /// The server's clock after the push, for the client to observe.
    pub clock: Hlc,
}

/// How far a client has read each relationship: the server's change version.
pub type Cursors = Vec<(Uuid, i64)>;

/// Relationships a pull may name cursors for: beyond them the request is refused, so that one
/// pull stays one bounded query.
pub const MAX_CURSORS: usize = 4_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PullReply {
    /// The changed records, each with the fields changed since the cursors.
    pub records: Vec<Pulled>,
    /// The relationships with changes in this reply, read up to the version given.
    pub cursors: Cursors,
    /// More changes are waiting: pull again right away.
    pub more: bool,
    pub clock: Hlc,
}

/// A record's changed fields as pulled: its relationship, kind and privacy said once, not with
/// every field (a mentor's first pull was 241 bytes a field, 14.6 with brotli; see
/// docs/ARCHITECTURE.md § Performance). Devices keep what the server confirmed in this form too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pulled {
    pub record: Uuid,
    pub relationship: Uuid,
    pub kind: Kind,
    pub private: bool,
    /// Each field's name, value and stamp.
    pub fields: Vec<(String, Value, Hlc)>,
}

impl Pulled {
    /// One [`Change`] per field.
    pub fn changes(&self) -> impl Iterator<Item = Change> + '_ {
        self.fields.iter().map(|(field, value, hlc)| Change {
            record: self.record,
            relationship: self.relationship,
            kind: self.kind.clone(),
            private: self.private,
            field: field.clone(),
            value: value.clone(),
            hlc: *hlc,
        })
    }
}
