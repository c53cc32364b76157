//! The live action items of a relationship in the order the lists show them, and what every
//! row of its lists shares.

use super::{draft::Draft, kind::ActionItem};
use crate::{
    relationships::Role,
    sync::{
        declare::{RecordKind, Target},
        replica::Replica,
        Mutation,
    },
};
use leptos::prelude::*;
use uuid::Uuid;

/// An action item as a list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub record: ActionItem,
    /// Not yet acknowledged by the server: the device's state, not a field.
    pub pending: bool,
}

impl std::ops::Deref for Item {
    type Target = ActionItem;
    fn deref(&self) -> &ActionItem {
        &self.record
    }
}

/// The live action items of a relationship, as this device sees them, in the order the
/// lists show them: open ones by due date (none last), done ones latest first.
pub fn items(replica: &Replica, outbox: &[Mutation], relationship: Uuid) -> Vec<Item> {
    // Ending on the id, so that equal keys cannot swap places between renders.
    let key = |i: &Item| {
        (
            std::cmp::Reverse(i.done_at),
            i.due.is_none(),
            i.due,
            i.created_at,
            i.id,
        )
    };
    // One order for every list (the lists filter it). Each item goes in at its place: the
    // lists are short, and the standard sort cost this page 1 KB compressed.
    let mut items: Vec<Item> = Vec::new();
    for (id, record) in replica.of(relationship, &ActionItem::SPEC.kind) {
        let pending = outbox.iter().any(|m| m.change.record == *id);
        if let Some(record) = ActionItem::read(*id, record) {
            let item = Item { record, pending };
            let at = items.partition_point(|other| key(other) < key(&item));
            items.insert(at, item);
        }
    }
    items
}

/// What every row of one relationship's list shares.
#[derive(Clone, Copy)]
pub struct Rows {
    pub relationship: Uuid,
    pub my_role: Role,
    pub ended: Signal<bool>,
    /// Every live item, as the device has it now.
    pub list: Memo<Option<Vec<Item>>>,
    /// The open edit form's values. Kept here rather than in a row, so that what a person
    /// is typing survives their partner's edits, which rebuild or move rows.
    pub draft: RwSignal<Option<Draft>>,
    /// The item just deleted, offered back.
    pub undo: RwSignal<Option<(Uuid, String)>>,
}

impl Rows {
    pub fn record(self, id: Uuid) -> Target<ActionItem> {
        ActionItem::at(id, self.relationship)
    }

    pub fn item(self, id: Uuid) -> Option<Item> {
        self.list
            .with(|l| l.as_ref()?.iter().find(|i| i.id == id).cloned())
    }

    pub fn editing(self, id: Uuid) -> bool {
        self.draft.with(|d| d.as_ref().is_some_and(|d| d.id == id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action_items::kind::ActionSet;
    use crate::sync::{
        declare::{changes, deletion},
        schema::parse_date,
        Hlc, NodeId,
    };
    use chrono::{DateTime, Utc};

    const RELATIONSHIP: Uuid = Uuid::from_u128(99);
    const STAMP: Hlc = Hlc {
        millis: 1,
        counter: 0,
        node: NodeId(1),
    };

    fn at(millis: i64) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(1_795_766_400_000 + millis).unwrap()
    }

    fn put(replica: &mut Replica, id: u128, title: &str, due: Option<&str>, done: Option<i64>) {
        let mut writes = ActionItem::new(title.into(), Role::Mentee, at(id as i64));
        writes.push(ActionSet::Due(due.and_then(parse_date)));
        writes.push(ActionSet::DoneAt(done.map(at)));
        for change in changes(Uuid::from_u128(id), RELATIONSHIP, writes, STAMP) {
            replica.apply(&change);
        }
    }

    #[test]
    fn open_items_go_by_due_date_and_done_ones_latest_first() {
        let mut replica = Replica::default();
        put(&mut replica, 1, "no date, older", None, None);
        put(&mut replica, 2, "no date, newer", None, None);
        put(&mut replica, 3, "due later", Some("2026-12-24"), None);
        put(&mut replica, 4, "due sooner", Some("2026-12-01"), None);
        put(&mut replica, 5, "done first", None, Some(1_000));
        put(&mut replica, 6, "done last", None, Some(2_000));
        put(&mut replica, 7, "deleted", None, None);
        replica.apply(&deletion::<ActionItem>(
            Uuid::from_u128(7),
            RELATIONSHIP,
            STAMP,
        ));
        let titles: Vec<String> = items(&replica, &[], RELATIONSHIP)
            .into_iter()
            .map(|i| i.record.title)
            .collect();
        assert_eq!(
            titles,
            [
                "done last",
                "done first",
                "due sooner",
                "due later",
                "no date, older",
                "no date, newer"
            ]
        );
    }
}
