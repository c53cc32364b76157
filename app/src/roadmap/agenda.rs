//! Agenda items: what either person wants to discuss in a session, ticked when discussed, and
//! carried over to the next session when a session ends without them.

use super::kind::Session;
use crate::{
    relationships::Role,
    sync::{
        declare::{Flag, Link, Maybe, OptInstant, OptLink, RecordKind, Text},
        replica::Replica,
        schema::{IdRule, Part},
    },
};
use chrono::NaiveDateTime;
use uuid::Uuid;

pub const TEXT_MAX: usize = 300;

crate::sync::record_kind! {
    /// Something to discuss in a session; both add, tick and edit. An item carried over to the
    /// next session has an id derived from the item it was carried from ([`carried_id`]); one
    /// made from a person's check-in answer, from that session and person ([`focus_id`]).
    pub struct Item {
        kind: "agenda_item",
        fields: Field,
        writes: AgendaSet,
        private: false,
        deletable: true,
        id: IdRule::Derived(&[
            &[Part::Field(Field::CarriedFrom.name())],
            &[
                Part::Field(Field::FromCheckin.name()),
                Part::Field(Field::FromRole.name()),
            ],
        ]),
        owner: [],
        label: [Text],
    }
    required {
        session Session: Link = Both,
        text Text: Text<TEXT_MAX> = Both,
    }
    optional {
        /// Who added it; none on an item carried over (the device that carried it may be the
        /// partner's): its first item says.
        added_by AddedBy: Maybe<Role> = OwnRoleOnce,
        discussed Discussed: Flag = Both,
        /// The item of the earlier session it was carried over from.
        carried_from CarriedFrom: OptLink = Fixed,
        /// The session whose check-in it was made from, and whose answer: one item per answer.
        from_checkin FromCheckin: OptLink = Fixed,
        from_role FromRole: Maybe<Role> = Fixed,
        /// None on an item carried over: those come first.
        created_at CreatedAt: OptInstant = Both,
    }
}

/// A relationship's agenda items: those carried over first, then in the order they were added.
pub fn read_all(replica: &Replica, relationship: Uuid) -> Vec<Item> {
    let mut items: Vec<Item> = replica
        .of(relationship, &Item::SPEC.kind)
        .filter_map(|(id, r)| Item::read(*id, r))
        .collect();
    items.sort_by_key(|i| (i.created_at, i.id));
    items
}

/// Who added an item: the person who added the first of the items it was carried over from.
pub fn added_by(items: &[Item], item: &Item) -> Option<Role> {
    let mut at = item;
    // At most as many steps as there are items: carried-from links cannot loop forever.
    for _ in 0..items.len() {
        match at
            .carried_from
            .and_then(|from| items.iter().find(|i| i.id == from))
        {
            Some(earlier) => at = earlier,
            None => break,
        }
    }
    at.added_by
}

/// The id of `item` carried over: the same on every device, whichever session each takes to be
/// the next, so that two devices carrying it over while offline write one record between them
/// (its session then settles as every field does).
pub fn carried_id(relationship: Uuid, item: Uuid) -> Uuid {
    Item::SPEC.derived_id(relationship, &[&item.to_string()])
}

/// The id of the item made from `role`'s answer to "what to change" in the check-in of
/// `session`: one, however often and on however many devices it is made.
pub fn focus_id(relationship: Uuid, session: Uuid, role: Role) -> Uuid {
    Item::SPEC.derived_id(relationship, &[&session.to_string(), role.as_str()])
}

/// An item to carry over: a new item of `session` with `text`, carried from `from`.
#[derive(Debug, Clone, PartialEq)]
pub struct Carry {
    pub id: Uuid,
    pub session: Uuid,
    pub text: String,
    pub from: Uuid,
}

impl Carry {
    /// What carrying it over writes: neither "discussed" nor a time, so that a device carrying
    /// it late never unticks a copy, and copies come first.
    pub fn writes(self) -> Vec<AgendaSet> {
        let mut writes = Item::new(self.session, self.text);
        writes.push(AgendaSet::CarriedFrom(Some(self.from)));
        writes
    }
}

/// What to carry over at `now`: each item left undiscussed in a session that has ended, to the
/// next session, unless it was carried over before, to any session (`exists` says whether a
/// record is on the device at all, deleted ones too: an item carried and then deleted stays
/// deleted). Running it again, on any device, adds nothing more.
pub fn carry_over(
    relationship: Uuid,
    sessions: &[Session],
    items: &[Item],
    exists: impl Fn(Uuid) -> bool,
    now: NaiveDateTime,
) -> Vec<Carry> {
    let mut carries = Vec::new();
    for (n, session) in sessions.iter().enumerate() {
        let Some(next) = sessions.get(n + 1) else {
            break;
        };
        if !session.is_past(now) {
            continue;
        }
        for item in items
            .iter()
            .filter(|i| i.session == session.id && !i.discussed)
        {
            let id = carried_id(relationship, item.id);
            let copy = items.iter().find(|i| i.id == id);
            // A copy whose session was deleted since moves to the next one; a deleted copy
            // stays deleted.
            let homeless = copy.is_some_and(|c| sessions.iter().all(|s| s.id != c.session));
            if homeless || !exists(id) {
                carries.push(Carry {
                    id,
                    session: next.id,
                    text: item.text.clone(),
                    from: item.id,
                });
            }
        }
    }
    carries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        roadmap::kind::{read_all as sessions_of, SessionSet},
        sync::{
            declare::{changes, deletion, Deletable, Write},
            schema::{parse_clock, parse_date},
            Change, Hlc, NodeId,
        },
    };
    use chrono::DateTime;

    const RELATIONSHIP: Uuid = Uuid::from_u128(9);

    struct Device {
        replica: Replica,
        node: u64,
        clock: u64,
    }

    impl Device {
        fn new(node: u64) -> Self {
            Self {
                replica: Replica::default(),
                node,
                clock: 0,
            }
        }

        fn stamp(&mut self) -> Hlc {
            self.clock += 1;
            Hlc {
                millis: self.clock,
                counter: 0,
                node: NodeId(self.node),
            }
        }

        /// Applies typed writes as this device makes them, and returns the changes.
        fn write<W: Write>(
            &mut self,
            id: Uuid,
            writes: impl IntoIterator<Item = W>,
        ) -> Vec<Change> {
            let made = changes(id, RELATIONSHIP, writes, self.stamp());
            for change in &made {
                self.replica.apply(change);
            }
            made
        }

        fn delete<K: Deletable>(&mut self, id: Uuid) {
            let change = deletion::<K>(id, RELATIONSHIP, self.stamp());
            self.replica.apply(&change);
        }

        fn session(&mut self, id: u128, date: &str) {
            let made = DateTime::from_timestamp_millis(1_795_766_400_000).unwrap();
            let mut writes = Session::new(parse_date(date).unwrap(), made);
            writes.push(SessionSet::Time(parse_clock("18:00")));
            writes.push(SessionSet::Minutes(Some(60)));
            self.write(Uuid::from_u128(id), writes);
        }

        fn item(&mut self, id: u128, session: u128, text: &str) {
            let mut writes = Item::new(Uuid::from_u128(session), text.into());
            writes.push(AgendaSet::AddedBy(Some(Role::Mentee)));
            self.write(Uuid::from_u128(id), writes);
        }

        /// Runs carry-over with the page's writes, and returns what it wrote.
        fn carry(&mut self, now: &str) -> Vec<Change> {
            let now = NaiveDateTime::parse_from_str(now, "%Y-%m-%d %H:%M").unwrap();
            let sessions = sessions_of(&self.replica, RELATIONSHIP);
            let items = read_all(&self.replica, RELATIONSHIP);
            let records = &self.replica.records;
            let carries = carry_over(
                RELATIONSHIP,
                &sessions,
                &items,
                |id| records.contains_key(&id),
                now,
            );
            let mut written = Vec::new();
            for c in carries {
                written.extend(self.write(c.id, c.writes()));
            }
            written
        }

        fn agenda_of(&self, session: u128) -> Vec<String> {
            read_all(&self.replica, RELATIONSHIP)
                .into_iter()
                .filter(|i| i.session == Uuid::from_u128(session))
                .map(|i| i.text)
                .collect()
        }
    }

    fn planned() -> Device {
        let mut device = Device::new(1);
        device.session(1, "2026-03-03");
        device.session(2, "2026-03-17");
        device.session(3, "2026-03-31");
        device.item(10, 1, "Time management");
        device.item(11, 1, "The promotion talk");
        let discussed = Uuid::from_u128(11);
        device.write(discussed, [AgendaSet::Discussed(true)]);
        device
    }

    #[test]
    fn an_undiscussed_item_of_an_ended_session_is_carried_to_the_next_once() {
        let mut device = planned();
        assert!(device.carry("2026-03-03 18:30").is_empty(), "not ended yet");
        assert_eq!(device.carry("2026-03-03 19:00").len(), 3);
        assert!(device.carry("2026-03-03 19:00").is_empty(), "once");
        assert!(
            device.carry("2026-03-10 12:00").is_empty(),
            "nor later, before the next session ends"
        );
        assert_eq!(device.agenda_of(2), ["Time management"]);
        let items = read_all(&device.replica, RELATIONSHIP);
        let carried = items
            .iter()
            .find(|i| i.session == Uuid::from_u128(2))
            .unwrap();
        assert_eq!(carried.carried_from, Some(Uuid::from_u128(10)));
        assert_eq!(added_by(&items, carried), Some(Role::Mentee));
    }

    #[test]
    fn two_devices_carrying_over_offline_at_once_make_one_item() {
        let mut mentor = planned();
        let mut mentee = Device::new(2);
        for change in read_all_changes(&mentor) {
            mentee.replica.apply(&change);
        }
        mentee.clock = mentor.clock;
        let from_mentor = mentor.carry("2026-03-04 09:00");
        let from_mentee = mentee.carry("2026-03-04 10:00");
        for change in &from_mentee {
            mentor.replica.apply(change);
        }
        for change in &from_mentor {
            mentee.replica.apply(change);
        }
        assert_eq!(mentor.agenda_of(2), ["Time management"]);
        assert_eq!(mentee.agenda_of(2), ["Time management"]);
        assert!(mentor.carry("2026-03-04 11:00").is_empty());
    }

    #[test]
    fn an_item_still_undiscussed_moves_on_again_and_a_deleted_copy_stays_deleted() {
        let mut device = planned();
        device.carry("2026-03-04 09:00");
        // Session 2 ends without it too: on to session 3, from session 2's copy.
        device.carry("2026-03-18 09:00");
        assert_eq!(device.agenda_of(3), ["Time management"]);
        let copy = carried_id(RELATIONSHIP, carried_id(RELATIONSHIP, Uuid::from_u128(10)));
        device.delete::<Item>(copy);
        assert!(device.carry("2026-04-01 09:00").is_empty());
        assert!(device.agenda_of(3).is_empty());
    }

    #[test]
    fn devices_that_disagree_on_the_next_session_still_make_one_copy() {
        let mut mentor = planned();
        let mut mentee = Device::new(2);
        // The mentee's device has not received session 2 yet.
        let session_2 = Uuid::from_u128(2);
        for change in read_all_changes(&mentor)
            .into_iter()
            .filter(|c| c.record != session_2)
        {
            mentee.replica.apply(&change);
        }
        mentee.clock = mentor.clock;
        let from_mentee = mentee.carry("2026-03-04 10:00");
        let from_mentor = mentor.carry("2026-03-04 09:00");
        for change in read_all_changes(&mentor) {
            mentee.replica.apply(&change);
        }
        for change in &from_mentee {
            mentor.replica.apply(change);
        }
        let copies = |d: &Device| {
            read_all(&d.replica, RELATIONSHIP)
                .into_iter()
                .filter(|i| i.carried_from.is_some())
                .count()
        };
        assert_eq!((copies(&mentor), copies(&mentee)), (1, 1));
        assert_eq!(from_mentor[0].record, from_mentee[0].record);
        assert!(mentor.carry("2026-03-04 11:00").is_empty());
    }

    #[test]
    fn a_copy_whose_session_was_deleted_moves_to_the_next_session() {
        let mut device = planned();
        device.carry("2026-03-04 09:00");
        device.delete::<Session>(Uuid::from_u128(2));
        assert_eq!(device.carry("2026-03-05 09:00").len(), 3);
        assert_eq!(device.agenda_of(3), ["Time management"]);
        assert!(device.carry("2026-03-05 10:00").is_empty());
    }

    /// Every change a device holds, as a partner would receive them.
    fn read_all_changes(device: &Device) -> Vec<Change> {
        device
            .replica
            .records
            .iter()
            .flat_map(|(id, record)| {
                record.fields.iter().map(move |(field, stamped)| Change {
                    record: *id,
                    relationship: record.relationship,
                    kind: record.kind.clone(),
                    private: false,
                    field: field.clone(),
                    value: stamped.value.clone(),
                    hlc: stamped.hlc,
                })
            })
            .collect()
    }
}
