//! What Today lists, across a person's relationships: their open action items in the order
//! they are to be done, and each relationship's next session.

use crate::{
    action_items::ActionItem,
    relationships::RelationshipView,
    roadmap::{agenda_items, sessions, AgendaItem, Session},
    sync::{declare::RecordKind, replica::Replica, Mutation},
};
use chrono::{NaiveDate, NaiveDateTime};
use uuid::Uuid;

/// One of my open action items, with the relationship it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct MyItem {
    pub relationship: Uuid,
    pub item: ActionItem,
    /// Not yet acknowledged by the server.
    pub pending: bool,
}

impl MyItem {
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.item.due.is_some_and(|due| due < today)
    }
}

/// My open items in every live relationship (an ended one's can no longer be ticked off):
/// overdue first, then by due day, then those without one; a mentor's are their commitments.
/// Ties keep the order they were added in.
pub fn my_items(
    replica: &Replica,
    outbox: &[Mutation],
    relationships: &[RelationshipView],
    today: NaiveDate,
) -> Vec<MyItem> {
    let mut items: Vec<MyItem> = relationships
        .iter()
        .filter(|r| r.ended_at.is_none())
        .flat_map(|r| {
            replica
                .of(r.id, &ActionItem::SPEC.kind)
                .filter_map(move |(id, record)| {
                    let item = ActionItem::read(*id, record)?;
                    (item.owner == r.my_role && item.done_at.is_none()).then(|| MyItem {
                        relationship: r.id,
                        pending: outbox.iter().any(|m| m.change.record == *id),
                        item,
                    })
                })
        })
        .collect();
    items.sort_by_key(|i| {
        (
            !i.overdue(today),
            i.item.due.is_none(),
            i.item.due,
            i.item.created_at,
            i.item.id,
        )
    });
    items
}

/// A relationship's next session with its agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct Next {
    pub relationship: Uuid,
    pub session: Session,
    /// Its agenda in the roadmap's order; carried-over items say where from.
    pub agenda: Vec<AgendaItem>,
}

/// The next session of each live relationship that has one planned, soonest first.
pub fn next_sessions(
    replica: &Replica,
    relationships: &[RelationshipView],
    now: NaiveDateTime,
) -> Vec<Next> {
    let mut next: Vec<Next> = relationships
        .iter()
        .filter(|r| r.ended_at.is_none())
        .filter_map(|r| {
            let session = sessions(replica, r.id)
                .into_iter()
                .find(|s| !s.is_past(now))?;
            let agenda = agenda_items(replica, r.id)
                .into_iter()
                .filter(|i| i.session == session.id)
                .collect();
            Some(Next {
                relationship: r.id,
                session,
                agenda,
            })
        })
        .collect();
    next.sort_by_key(|n| (n.session.starts(), n.relationship));
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        action_items::ActionSet,
        relationships::Role,
        roadmap::SessionSet,
        screens::fixture::{self, day, view, Device},
    };
    use chrono::{DateTime, NaiveTime, Utc};

    const A: Uuid = Uuid::from_u128(100);
    const B: Uuid = Uuid::from_u128(200);

    /// `n` milliseconds after the fixture's moment, so that records made in turn sort in turn.
    fn made(n: i64) -> DateTime<Utc> {
        fixture::made() + chrono::Duration::milliseconds(n)
    }

    fn item(device: &mut Device, r: Uuid, id: u128, owner: Role, due: Option<&str>) {
        let mut writes = ActionItem::new(format!("Item {id}"), owner, made(id as i64));
        writes.push(ActionSet::Due(due.map(day)));
        device.write_in(r, id, writes);
    }

    fn titles(items: &[MyItem]) -> Vec<&str> {
        items.iter().map(|i| i.item.title.as_str()).collect()
    }

    #[test]
    fn my_items_across_relationships_come_overdue_first_then_by_due_day_then_undated() {
        let mut device = Device::new();
        item(&mut device, A, 1, Role::Mentee, None);
        item(&mut device, B, 2, Role::Mentee, Some("2026-12-20"));
        item(&mut device, A, 3, Role::Mentee, Some("2026-12-01"));
        item(&mut device, B, 4, Role::Mentee, Some("2026-11-15"));
        item(&mut device, A, 5, Role::Mentee, Some("2026-12-05"));
        let items = my_items(
            &device.replica,
            &[],
            &[view(A, Role::Mentee), view(B, Role::Mentee)],
            day("2026-12-03"),
        );
        assert_eq!(
            titles(&items),
            ["Item 4", "Item 3", "Item 5", "Item 2", "Item 1"]
        );
        assert_eq!(items[0].relationship, B);
        assert!(items[0].overdue(day("2026-12-03")));
        assert!(!items[2].overdue(day("2026-12-03")));
    }

    #[test]
    fn my_items_leave_out_my_partners_and_those_done() {
        let mut device = Device::new();
        item(&mut device, A, 1, Role::Mentor, Some("2026-12-01"));
        item(&mut device, A, 2, Role::Mentee, Some("2026-12-01"));
        item(&mut device, A, 3, Role::Mentor, None);
        device.write_in(A, 3, [ActionSet::DoneAt(Some(made(5)))]);
        let items = my_items(
            &device.replica,
            &[],
            &[view(A, Role::Mentor)],
            day("2026-12-03"),
        );
        assert_eq!(titles(&items), ["Item 1"]);
    }

    #[test]
    fn my_items_leave_out_an_ended_relationships_which_can_no_longer_be_ticked() {
        let mut device = Device::new();
        item(&mut device, A, 1, Role::Mentee, Some("2026-12-01"));
        item(&mut device, B, 2, Role::Mentee, None);
        let mut ended = view(A, Role::Mentee);
        ended.ended_at = Some(made(9));
        let items = my_items(
            &device.replica,
            &[],
            &[ended, view(B, Role::Mentee)],
            day("2026-12-03"),
        );
        assert_eq!(titles(&items), ["Item 2"]);
    }

    fn session(device: &mut Device, r: Uuid, id: u128, on: &str, time: u32) {
        let mut writes = Session::new(day(on), made(0));
        writes.push(SessionSet::Time(NaiveTime::from_hms_opt(time, 0, 0)));
        writes.push(SessionSet::Minutes(Some(60)));
        device.write_in(r, id, writes);
    }

    #[test]
    fn next_sessions_are_one_per_relationship_soonest_first() {
        let mut device = Device::new();
        session(&mut device, A, 10, "2026-12-01", 10);
        session(&mut device, A, 11, "2026-12-10", 10);
        session(&mut device, A, 12, "2026-12-17", 10);
        session(&mut device, B, 20, "2026-12-08", 18);
        let mut items = AgendaItem::new(Uuid::from_u128(11), "Budget".into());
        items.push(crate::roadmap::AgendaSet::AddedBy(Some(Role::Mentor)));
        device.write_in(A, 30, items);
        let now = day("2026-12-03").and_hms_opt(9, 0, 0).unwrap();
        let next = next_sessions(
            &device.replica,
            &[view(A, Role::Mentor), view(B, Role::Mentor)],
            now,
        );
        let ids: Vec<u128> = next.iter().map(|n| n.session.id.as_u128()).collect();
        assert_eq!(ids, [20, 11]);
        assert_eq!(next[1].agenda.len(), 1);
        assert_eq!(next[1].agenda[0].text, "Budget");
    }
}
