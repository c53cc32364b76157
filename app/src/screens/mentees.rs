//! The mentor's home: one line per mentee, soonest next session first, each with what needs
//! attention in that relationship, read from the device's records alone.

use super::attention::{session_due, CHECKIN_DAYS};
use crate::{
    action_items::ActionItem,
    agreement::Agreement,
    checkin::Checkin,
    prepare::Preparation,
    relationships::{RelationshipView, Role},
    roadmap::{sessions, Session},
    sync::{declare::RecordKind, replica::Replica},
};
use chrono::{Days, NaiveDateTime};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq)]
pub struct Mentee {
    pub relationship: Uuid,
    /// When the next session starts, if one is planned.
    pub next: Option<Session>,
    pub flags: Vec<Flag>,
}

/// What needs attention in one mentee's relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flag {
    /// Open action items, of either person, past their due day.
    Overdue(usize),
    /// A session of the last 30 days that one of the two has not answered the check-in of.
    CheckinMissing,
    /// The agreement's cadence says a session is due, and none is planned.
    NoSession,
    /// The agreement was never signed by both.
    Unsigned,
    /// Both signed a version, and it changed since: a signature is awaited again.
    Changed,
    /// The mentee has shared no preparation.
    NotPrepared,
}

/// The live relationships in which I am the mentor, the soonest next session first; those
/// with none planned last, in the order given.
pub fn mentees(
    replica: &Replica,
    relationships: &[RelationshipView],
    now: NaiveDateTime,
) -> Vec<Mentee> {
    let mut lines: Vec<Mentee> = relationships
        .iter()
        .filter(|r| r.ended_at.is_none() && r.my_role == Role::Mentor)
        .map(|r| {
            let all = sessions(replica, r.id);
            let next = all.iter().find(|s| !s.is_past(now)).cloned();
            Mentee {
                relationship: r.id,
                flags: flags(replica, r.id, &all, next.as_ref(), now),
                next,
            }
        })
        .collect();
    lines.sort_by_key(|m| (m.next.is_none(), m.next.as_ref().map(Session::starts)));
    lines
}

fn flags(
    replica: &Replica,
    id: Uuid,
    all: &[Session],
    next: Option<&Session>,
    now: NaiveDateTime,
) -> Vec<Flag> {
    let mut flags = Vec::new();
    let today = now.date();
    let overdue = replica
        .of(id, &ActionItem::SPEC.kind)
        .filter_map(|(item, record)| ActionItem::read(*item, record))
        .filter(|i| i.done_at.is_none() && i.due.is_some_and(|due| due < today))
        .count();
    if overdue > 0 {
        flags.push(Flag::Overdue(overdue));
    }
    let recent = today.checked_sub_days(Days::new(CHECKIN_DAYS));
    let unanswered = all
        .iter()
        .filter(|s| s.is_past(now) && recent.is_some_and(|from| s.day() >= from))
        .any(|s| {
            [Role::Mentor, Role::Mentee]
                .iter()
                .any(|role| Checkin::answers(replica, id, s.id, *role).is_none())
        });
    if unanswered {
        flags.push(Flag::CheckinMissing);
    }
    let agreement = Agreement::read(replica, id);
    if session_due(&agreement, all, next, today).is_some() {
        flags.push(Flag::NoSession);
    }
    if !agreement.signed_by_both() {
        // Changed: a version both signed exists, and the terms moved on from it.
        let ever = !agreement.versions.is_empty();
        flags.push(if ever { Flag::Changed } else { Flag::Unsigned });
    }
    if Preparation::count(&Preparation::read(replica, id, Role::Mentor).theirs) == 0 {
        flags.push(Flag::NotPrepared);
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        action_items::ActionSet,
        checkin::{checkin_id, CheckinSet},
        screens::fixture::{at, day, made, view, Device},
    };

    const A: Uuid = Uuid::from_u128(100);
    const B: Uuid = Uuid::from_u128(200);
    const C: Uuid = Uuid::from_u128(300);

    fn now() -> NaiveDateTime {
        at("2026-12-04 09:00")
    }

    #[test]
    fn mentees_come_soonest_next_session_first_and_those_without_one_last() {
        let mut device = Device::new();
        device.session_in(A, 1, "2026-12-20");
        device.session_in(B, 2, "2026-12-08");
        device.session_in(B, 3, "2026-12-30");
        device.session_in(C, 4, "2026-11-30");
        let all = [
            view(C, Role::Mentor),
            view(A, Role::Mentor),
            view(B, Role::Mentor),
            view(Uuid::from_u128(400), Role::Mentee),
        ];
        let order: Vec<Uuid> = mentees(&device.replica, &all, now())
            .iter()
            .map(|m| m.relationship)
            .collect();
        assert_eq!(
            order,
            [B, A, C],
            "only those I mentor; C has only a past session"
        );
    }

    #[test]
    fn a_new_relationship_is_flagged_unsigned_and_unprepared() {
        let device = Device::new();
        let lines = mentees(&device.replica, &[view(A, Role::Mentor)], now());
        assert_eq!(lines[0].flags, [Flag::Unsigned, Flag::NotPrepared]);
    }

    #[test]
    fn overdue_items_of_either_person_and_a_missing_check_in_are_flagged() {
        let mut device = Device::new();
        for (id, owner) in [(10, Role::Mentee), (11, Role::Mentor), (12, Role::Mentee)] {
            let mut item = ActionItem::new("Call".into(), owner, made());
            item.push(ActionSet::Due(Some(day("2026-12-01"))));
            device.write_in(A, id, item);
        }
        device.write_in(A, 12, [ActionSet::DoneAt(Some(made()))]);
        device.session_in(A, 1, "2026-12-02");
        let mut mine = Checkin::new(Uuid::from_u128(1), Role::Mentor);
        mine.push(CheckinSet::Useful("Good".into()));
        let id = checkin_id(A, Uuid::from_u128(1), Role::Mentor, Role::Mentor);
        device.write_in(A, id.as_u128(), mine);
        let lines = mentees(&device.replica, &[view(A, Role::Mentor)], now());
        assert_eq!(
            lines[0].flags[..2],
            [Flag::Overdue(2), Flag::CheckinMissing]
        );
    }
}
