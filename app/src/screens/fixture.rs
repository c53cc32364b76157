//! For the screens' tests: a device's copy of relationships' records, written as people would.

use crate::{
    relationships::{RelationshipView, Role},
    roadmap::{Session, SessionSet},
    sync::{
        declare::{changes, Write},
        replica::Replica,
        Hlc, NodeId,
    },
};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use uuid::Uuid;

/// The relationship a test is about when it needs only one.
pub const REL: Uuid = Uuid::from_u128(9);

/// Each write later than the one before.
pub struct Device {
    pub replica: Replica,
    clock: u64,
}

impl Device {
    pub fn new() -> Self {
        Device {
            replica: Replica::default(),
            clock: 1_000,
        }
    }

    /// Writes record `id` of `relationship`; returns the write's milliseconds.
    pub fn write_in<W: Write>(
        &mut self,
        relationship: Uuid,
        id: u128,
        writes: impl IntoIterator<Item = W>,
    ) -> u64 {
        self.clock += 10;
        let hlc = Hlc {
            millis: self.clock,
            counter: 0,
            node: NodeId(1),
        };
        for change in changes(Uuid::from_u128(id), relationship, writes, hlc) {
            self.replica.apply(&change);
        }
        self.clock
    }

    /// Writes from now on at `at`, an instant in UTC as [`instant`] reads it.
    pub fn clock_at(&mut self, at: &str) {
        self.clock = instant(at).timestamp_millis() as u64;
    }

    /// Writes record `id` of [`REL`].
    pub fn write<W: Write>(&mut self, id: u128, writes: impl IntoIterator<Item = W>) -> u64 {
        self.write_in(REL, id, writes)
    }

    /// A session of `relationship` on `on` from 10:00 to 11:00.
    pub fn session_in(&mut self, relationship: Uuid, id: u128, on: &str) {
        let mut writes = Session::new(day(on), made());
        writes.push(SessionSet::Time(Some(
            NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        )));
        writes.push(SessionSet::Minutes(Some(60)));
        self.write_in(relationship, id, writes);
    }
}

/// A started relationship `id` in which I am `me`, with a partner called "Partner".
pub fn view(id: Uuid, me: Role) -> RelationshipView {
    RelationshipView {
        id,
        title: None,
        my_role: me,
        partner_name: Some("Partner".into()),
        created_at: made(),
        started_at: Some(made()),
        ended_at: None,
        invite: None,
        stand_in: false,
    }
}

/// 27 November 2026, 08:00 UTC: when the records were made.
pub fn made() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(1_795_766_400_000).unwrap()
}

pub fn day(d: &str) -> NaiveDate {
    crate::sync::schema::parse_date(d).unwrap()
}

pub fn at(when: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(when, "%Y-%m-%d %H:%M").unwrap()
}

/// An instant given as a wall-clock time in UTC, as tests read local times.
pub fn instant(when: &str) -> DateTime<Utc> {
    at(when).and_utc()
}
