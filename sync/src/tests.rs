//! Property tests of the protocol: devices editing offline, a lossy network, one server.
//! The server here is a model (a replica plus a change log with versions) that admits
//! changes with the same rules as the SQL server (`schema::admit`); the SQL server is tested
//! against them over HTTP.

use super::{
    client::{Device, RecordRef},
    schema::{admit, check_new, spec, IdRule, KindSpec, Stored, Type, Writer, DELETED},
    Change, Clock, Cursors, Hlc, Kind, Mutation, NodeId, Outcome, PullReply, Pulled, PushReply,
    Replica,
};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use uuid::Uuid;

const RELATIONSHIP: Uuid = Uuid::from_u128(0xAA);

/// A kind of the tests' own: the sync core knows no feature's kinds.
const NOTE: KindSpec = KindSpec {
    kind: Kind::named("note"),
    fields: &[
        // Not required: the steps write any field first (records made whole: `schema::check_new`).
        spec("title", Type::Notes { max: 200 }, Writer::Both),
        spec("notes", Type::Notes { max: 2000 }, Writer::Both),
        spec("due", Type::OptionalDate, Writer::Both),
        spec(
            "owner",
            Type::OptionalOneOf(&["mentor", "mentee"]),
            Writer::Both,
        ),
        spec("done_at", Type::OptionalTime, Writer::Owner),
        spec(DELETED, Type::Bool, Writer::Both),
    ],
    private: false,
    id: IdRule::Random,
    owner: Some("owner"),
    label: Some("title"),
    after_end: false,
};

#[derive(Default)]
struct Server {
    replica: Replica,
    /// (record, field) -> version of its latest change
    versions: BTreeMap<(Uuid, String), i64>,
    version: i64,
    clock: Option<Clock>,
}

impl Server {
    fn clock(&mut self) -> &mut Clock {
        self.clock.get_or_insert_with(|| Clock::new(NodeId(0)))
    }

    /// What the server holds of a change's record, as the SQL server reads it.
    fn stored(&self, change: &Change) -> Option<Stored> {
        let r = self.replica.get(&change.record)?;
        Some(Stored {
            relationship: r.relationship,
            kind: r.kind.clone(),
            private: r.private,
            by_writer: true,
            new: false,
            owner: NOTE
                .owner
                .and_then(|f| r.get(f))
                .and_then(Value::as_str)
                .map(str::to_owned),
            hlc: r.fields.get(&change.field).map(|s| s.hlc),
            holds: r.get(&change.field) == Some(&change.value),
        })
    }

    /// Every writer is a member; `writer` is their role.
    fn push(&mut self, batch: &[Mutation], wall: u64, writer: &str) -> PushReply {
        let mut outcomes = Vec::new();
        let mut made: Vec<Uuid> = Vec::new();
        for m in batch {
            let mut stored = self.stored(&m.change);
            if let Some(stored) = &mut stored {
                stored.new = made.contains(&m.change.record);
            }
            let clock = self.clock();
            let admitted = admit(
                Some(&NOTE),
                &m.change,
                Some(writer),
                |hlc| clock.observe(hlc, wall).is_ok(),
                stored.as_ref(),
            );
            let outcome = match admitted {
                Ok(write) => {
                    if stored.is_none() {
                        made.push(m.change.record);
                    }
                    if write && self.replica.apply(&m.change) {
                        self.version += 1;
                        self.versions
                            .insert((m.change.record, m.change.field.clone()), self.version);
                    }
                    Outcome::Acknowledged
                }
                Err(rejection) => Outcome::Rejected(rejection),
            };
            outcomes.push((m.id, outcome));
        }
        // A record the push made must be whole, as on the SQL server; else none of it is kept.
        for id in made {
            let record = &self.replica.records[&id];
            let whole = check_new(&NOTE, id, record.relationship, writer, |f| {
                record.get(f).cloned()
            });
            if let Err(rejection) = whole {
                self.replica.records.remove(&id);
                self.versions.retain(|(record, _), _| *record != id);
                for (m, outcome) in batch.iter().zip(&mut outcomes) {
                    if m.change.record == id && outcome.1 == Outcome::Acknowledged {
                        outcome.1 = Outcome::Rejected(rejection);
                    }
                }
            }
        }
        PushReply {
            outcomes,
            clock: self.clock().last(),
        }
    }

    fn pull(&mut self, cursors: &Cursors, limit: usize) -> PullReply {
        let cursor = cursors
            .iter()
            .find(|(r, _)| *r == RELATIONSHIP)
            .map_or(0, |(_, v)| *v);
        let mut newer: Vec<(i64, Change)> = self
            .versions
            .iter()
            .filter(|(_, v)| **v > cursor)
            .map(|((record, field), v)| {
                let r = &self.replica.records[record];
                let stamped = &r.fields[field];
                (
                    *v,
                    Change {
                        record: *record,
                        relationship: r.relationship,
                        kind: r.kind.clone(),
                        private: r.private,
                        field: field.clone(),
                        value: stamped.value.clone(),
                        hlc: stamped.hlc,
                    },
                )
            })
            .collect();
        newer.sort_by_key(|(v, _)| *v);
        let more = newer.len() > limit;
        newer.truncate(limit);
        let last = newer.last().map_or(cursor, |(v, _)| *v);
        let mut records: Vec<Pulled> = Vec::new();
        for (_, c) in newer {
            let field = (c.field, c.value, c.hlc);
            match records.iter_mut().find(|p| p.record == c.record) {
                Some(pulled) => pulled.fields.push(field),
                None => records.push(Pulled {
                    record: c.record,
                    relationship: c.relationship,
                    kind: c.kind,
                    private: c.private,
                    fields: vec![field],
                }),
            }
        }
        PullReply {
            records,
            cursors: vec![(RELATIONSHIP, last)],
            more,
            clock: self.clock().last(),
        }
    }
}

#[derive(Debug, Clone)]
enum Step {
    Edit {
        device: usize,
        record: u8,
        field: u8,
        value: u8,
    },
    /// Send the outbox; the request may be lost, and the reply may be lost or delayed.
    Push {
        device: usize,
        lose_request: bool,
        lose_reply: bool,
        hold: bool,
    },
    /// Deliver one held request late, out of order, maybe twice.
    Deliver {
        which: usize,
        twice: bool,
    },
    Pull {
        device: usize,
        limit: usize,
    },
    Wait {
        millis: u64,
    },
    /// The page is closed and opened again: the device is saved and read back.
    Reload {
        device: usize,
    },
}

fn step(devices: usize) -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..devices, 0u8..3, 0u8..3, any::<u8>()).prop_map(|(device, record, field, value)| Step::Edit { device, record, field, value }),
        2 => (0..devices, any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(device, lose_request, lose_reply, hold)| Step::Push { device, lose_request, lose_reply, hold }),
        1 => (0usize..8, any::<bool>()).prop_map(|(which, twice)| Step::Deliver { which, twice }),
        2 => (0..devices, 1usize..4).prop_map(|(device, limit)| Step::Pull { device, limit }),
        1 => (0u64..50).prop_map(|millis| Step::Wait { millis }),
        1 => (0..devices).prop_map(|device| Step::Reload { device }),
    ]
}

const FIELDS: [&str; 3] = ["title", "notes", "due"];

/// A value that fits the field, as an app would write it.
fn value(field: &str, n: u8) -> Value {
    match field {
        "title" => json!(format!("Title {n}")),
        "due" => json!(format!("2026-12-{:02}", n % 28 + 1)),
        _ => json!(format!("{n}")),
    }
}

/// Devices 0 and 2 are the mentee's phone and laptop, device 1 the mentor's.
fn role(device: usize) -> &'static str {
    if device == 1 {
        "mentor"
    } else {
        "mentee"
    }
}

fn record(n: u8) -> RecordRef {
    RecordRef {
        // A UUIDv7, as a device makes.
        id: Uuid::from_u128(0x0190_a0b0_0000_7000_8000_0000_0000_0000 | (n as u128 + 1)),
        relationship: RELATIONSHIP,
        kind: NOTE.kind.clone(),
        private: false,
    }
}

/// Runs the steps, then delivers everything, and checks convergence against the oracle.
fn run(devices: usize, steps: Vec<Step>, skews: Vec<u64>) -> Result<(), TestCaseError> {
    let mut server = Server::default();
    let mut clients: Vec<Device> = (0..devices)
        .map(|i| Device::new(NodeId(i as u64 + 1)))
        .collect();
    let mut wall = 1_000_000u64;
    let mut held: Vec<(usize, Vec<Mutation>)> = Vec::new();
    // Oracle: every write ever made, by (record, field).
    let mut writes: BTreeMap<(Uuid, String), Vec<(Hlc, Value)>> = BTreeMap::new();
    let mut next_id = 0u128;

    for s in steps {
        match s {
            Step::Edit {
                device,
                record: r,
                field,
                value,
            } => {
                next_id += 1;
                let field = FIELDS[field as usize];
                let value = self::value(field, value);
                let hlc = clients[device].edit(
                    &record(r),
                    field,
                    value.clone(),
                    wall + skews[device],
                    Uuid::from_u128(next_id),
                );
                writes
                    .entry((record(r).id, field.to_owned()))
                    .or_default()
                    .push((hlc, value));
            }
            Step::Push {
                device,
                lose_request,
                lose_reply,
                hold,
            } => {
                let batch = clients[device].next_batch();
                if hold {
                    held.push((device, batch));
                } else if !lose_request {
                    let reply = server.push(&batch, wall, role(device));
                    if !lose_reply {
                        clients[device].acknowledge(&reply);
                    }
                }
            }
            Step::Deliver { which, twice } => {
                if !held.is_empty() {
                    let (device, batch) = held.remove(which % held.len());
                    for _ in 0..if twice { 2 } else { 1 } {
                        let reply = server.push(&batch, wall, role(device));
                        clients[device].acknowledge(&reply);
                    }
                }
            }
            Step::Pull { device, limit } => {
                let reply = server.pull(&clients[device].cursors(), limit);
                clients[device].merge_pull(&reply);
            }
            Step::Wait { millis } => wall += millis,
            Step::Reload { device } => {
                let saved = serde_json::to_vec(&clients[device]).unwrap();
                let loaded: Device = serde_json::from_slice(&saved).unwrap();
                prop_assert_eq!(&loaded, &clients[device]);
                clients[device] = loaded;
            }
        }
    }

    // The network heals: everything held arrives, every outbox drains, everyone catches up.
    for (device, batch) in std::mem::take(&mut held) {
        let reply = server.push(&batch, wall, role(device));
        clients[device].acknowledge(&reply);
    }
    for (device, client) in clients.iter_mut().enumerate() {
        while client.pending() > 0 {
            let reply = server.push(&client.next_batch(), wall, role(device));
            client.acknowledge(&reply);
        }
    }
    for client in clients.iter_mut() {
        loop {
            let reply = server.pull(&client.cursors(), 3);
            client.merge_pull(&reply);
            if !reply.more {
                break;
            }
        }
    }

    for (i, client) in clients.iter().enumerate() {
        prop_assert_eq!(
            &client.local,
            &server.replica,
            "device {} local differs from the server",
            i
        );
        prop_assert_eq!(
            &client.confirmed,
            &server.replica,
            "device {} confirmed differs",
            i
        );
        prop_assert!(client.rejected.is_empty());
    }
    for ((record, field), history) in writes {
        let (hlc, value) = history.iter().max_by_key(|(h, _)| *h).unwrap();
        let stored = &server.replica.records[&record].fields[&field];
        prop_assert_eq!(
            &stored.value,
            value,
            "{}/{}: the latest write must win",
            record,
            field
        );
        prop_assert_eq!(stored.hlc, *hlc);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn two_devices_converge_on_the_latest_writes(
        steps in prop::collection::vec(step(2), 1..60),
        skews in prop::collection::vec(0u64..10_000, 2),
    ) {
        run(2, steps, skews)?;
    }

    #[test]
    fn three_devices_converge_on_the_latest_writes(
        steps in prop::collection::vec(step(3), 1..80),
        skews in prop::collection::vec(0u64..10_000, 3),
    ) {
        run(3, steps, skews)?;
    }
}

#[test]
fn a_tick_and_a_rename_made_offline_both_survive() {
    let mut server = Server::default();
    let mut mentee = Device::new(NodeId(1));
    let mut mentor = Device::new(NodeId(2));
    let item = &record(0);
    mentor.edit(
        item,
        "title",
        json!("Read one chapter"),
        1000,
        Uuid::from_u128(1),
    );
    let reply = server.push(&mentor.next_batch(), 1000, "mentor");
    mentor.acknowledge(&reply);
    let reply = server.pull(&mentee.cursors(), 10);
    mentee.merge_pull(&reply);
    // Both go offline and edit different fields of the same item.
    mentee.edit(
        item,
        "done_at",
        json!(1_795_770_000_000_i64),
        5000,
        Uuid::from_u128(2),
    );
    mentor.edit(
        item,
        "title",
        json!("Read two chapters"),
        6000,
        Uuid::from_u128(3),
    );
    for (device, writer) in [(&mut mentee, "mentee"), (&mut mentor, "mentor")] {
        let reply = server.push(&device.next_batch(), 7000, writer);
        device.acknowledge(&reply);
    }
    for device in [&mut mentee, &mut mentor] {
        let reply = server.pull(&device.cursors(), 10);
        device.merge_pull(&reply);
        let r = device.local.get(&item.id).unwrap();
        assert_eq!(r.get("title"), Some(&json!("Read two chapters")));
        assert_eq!(r.get("done_at"), Some(&json!(1_795_770_000_000_i64)));
        assert_eq!(device.pending(), 0);
    }
}
