//! Goals, their progress updates and their milestones, each declared once: fields, who writes
//! them, and how they read.

use super::{progress::Measure, smart::Outline};
use crate::{
    relationships::Role,
    sync::{
        declare::{Date, Instant, Link, Notes, One, OptDate, OptLink, OptNumber, RecordKind, Text},
        replica::Replica,
        schema::IdRule,
    },
};
use chrono::NaiveDate;
use uuid::Uuid;

pub const TITLE_MAX: usize = 120;
pub const TEXT_MAX: usize = 2000;
pub const UNIT_MAX: usize = 40;
pub const DROP_REASON_MAX: usize = 500;
pub const NOTE_MAX: usize = 1000;
pub const MILESTONE_MAX: usize = 200;

crate::sync::choice! {
    pub enum Status {
        Active = "active",
        Achieved = "achieved",
        /// Partly achieved: a status given when the relationship ends.
        Partly = "partly",
        Dropped = "dropped",
    }
}

crate::sync::record_kind! {
    /// A goal of the mentee's; both people may edit it.
    pub struct Goal {
        kind: "goal",
        fields: Field,
        writes: GoalSet,
        private: false,
        deletable: true,
        id: IdRule::Random,
        owner: [],
        label: [Title],
    }
    required {
        title Title: Text<TITLE_MAX> = Both,
        status Status: One<Status> = Both,
        created_at CreatedAt: Instant = Both,
    }
    optional {
        description Description: Notes<TEXT_MAX> = Both,
        unit Unit: Notes<UNIT_MAX> = Both,
        start Start: OptNumber = Both,
        target Target: OptNumber = Both,
        achievable Achievable: Notes<TEXT_MAX> = Both,
        relevant Relevant: Notes<TEXT_MAX> = Both,
        target_date TargetDate: OptDate = Both,
        drop_reason DropReason: Notes<DROP_REASON_MAX> = Both,
    }
}

impl Goal {
    /// What the SMART checklist looks at, with the goal's number of milestones.
    pub fn outline(&self, milestones: usize) -> Outline {
        Outline {
            title: self.title.clone(),
            description: self.description.clone(),
            numbers: self.start.zip(self.target),
            milestones,
            achievable: self.achievable.clone(),
            relevant: self.relevant.clone(),
            has_date: self.target_date.is_some(),
        }
    }

    /// When its status was last set, as the device has it (milliseconds since the epoch).
    pub fn status_set_at(&self, replica: &Replica) -> Option<u64> {
        let record = replica.get(&self.id)?;
        record
            .fields
            .get(Field::Status.name())
            .map(|s| s.hlc.millis)
    }

    /// Whether it is measured by a number; else by its milestones, if it has any.
    pub fn by_number(&self) -> bool {
        self.start.is_some() && self.target.is_some()
    }

    /// The goal's measure, from its start on `since` (the day it was made): its number with
    /// each update's value, or the count of its milestones with each one ticked.
    pub fn measure(&self, since: NaiveDate, records: &Records) -> Option<Measure> {
        let (start, target, updates) = match self.start.zip(self.target) {
            Some((start, target)) => {
                let values = records
                    .updates
                    .iter()
                    .filter(|u| u.goal == self.id)
                    .filter_map(|u| Some((u.date, u.value?)))
                    .collect();
                (start, target, values)
            }
            None => {
                let mine = records.milestones_of(self.id);
                if mine.is_empty() {
                    return None;
                }
                // Updates are by date already: each that ticked some adds them to the count.
                let mut count = 0.0;
                let counts = records.updates.iter().filter_map(|u| {
                    let ticked = mine.iter().filter(|m| m.done_in == Some(u.id)).count();
                    count += ticked as f64;
                    (ticked > 0).then_some((u.date, count))
                });
                (0.0, mine.len() as f64, counts.collect())
            }
        };
        Some(Measure {
            start,
            target,
            since,
            by: self.target_date,
            updates,
        })
    }
}

crate::sync::record_kind! {
    /// A dated step of progress on a goal, by either person: a value, milestones ticked in it
    /// (they name it), a note, or only a note.
    pub struct Update {
        kind: "goal_update",
        fields: UpdateField,
        writes: UpdateSet,
        private: false,
        deletable: true,
        id: IdRule::Random,
        owner: [],
        label: [Note],
    }
    required {
        goal Goal: Link = Both,
        date Date: Date = Both,
        created_at CreatedAt: Instant = Both,
        created_by CreatedBy: One<Role> = OwnRoleOnce,
    }
    optional {
        value Value: OptNumber = Both,
        note Note: Notes<NOTE_MAX> = Both,
    }
}

crate::sync::record_kind! {
    /// A step towards a goal measured by milestones, ticked in a progress update.
    pub struct Milestone {
        kind: "goal_milestone",
        fields: MilestoneField,
        writes: MilestoneSet,
        private: false,
        deletable: true,
        id: IdRule::Random,
        owner: [],
        label: [Title],
    }
    required {
        goal Goal: Link = Both,
        title Title: Text<MILESTONE_MAX> = Both,
        created_at CreatedAt: Instant = Both,
    }
    optional {
        /// The update it was ticked in; read as none once that update is gone.
        done_in DoneIn: OptLink = Both,
    }
}

/// What the device has of a relationship's goals.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Records {
    /// Oldest first.
    pub goals: Vec<Goal>,
    /// By date.
    pub updates: Vec<Update>,
    /// In the order they were added.
    pub milestones: Vec<Milestone>,
}

impl Records {
    pub fn read(replica: &Replica, relationship: Uuid) -> Self {
        // Goals and milestones come in the order they were made: by id, and ids (UUIDv7) begin
        // with the time they were made. Not sorted again: each sort costs the page 1 KB.
        let goals: Vec<Goal> = replica
            .of(relationship, &Goal::SPEC.kind)
            .filter_map(|(id, r)| Goal::read(*id, r))
            .collect();

        let mut updates: Vec<Update> = replica
            .of(relationship, &Update::SPEC.kind)
            .filter_map(|(id, r)| Update::read(*id, r))
            .collect();
        updates.sort_by_key(|u| (u.date, u.id));
        let mut milestones: Vec<Milestone> = replica
            .of(relationship, &Milestone::SPEC.kind)
            .filter_map(|(id, r)| Milestone::read(*id, r))
            .collect();

        // Ticked in an update that was deleted (perhaps while the partner, offline, ticked it
        // there) is not ticked.
        for milestone in &mut milestones {
            let update = updates
                .iter()
                .find(|u| Some(u.id) == milestone.done_in && u.goal == milestone.goal);
            milestone.done_in = update.map(|u| u.id);
        }
        Self {
            goals,
            updates,
            milestones,
        }
    }

    pub fn goal(&self, id: Uuid) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// The day a milestone was ticked: its update's, whoever last changed it.
    pub fn done_on(&self, milestone: &Milestone) -> Option<NaiveDate> {
        let update = milestone.done_in?;
        self.updates.iter().find(|u| u.id == update).map(|u| u.date)
    }

    pub fn milestones_of(&self, goal: Uuid) -> Vec<&Milestone> {
        self.milestones.iter().filter(|m| m.goal == goal).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{
        declare::{changes, deletion, Deletable, Write},
        schema::check_value,
        Hlc, NodeId, Rejection,
    };
    use chrono::{DateTime, Utc};
    use serde_json::json;

    const RELATIONSHIP: Uuid = Uuid::from_u128(9);

    /// Each write later than the one before.
    fn stamp() -> Hlc {
        static CLOCK: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let millis = CLOCK.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Hlc {
            millis,
            counter: 0,
            node: NodeId(1),
        }
    }

    fn write<W: Write>(replica: &mut Replica, id: u128, writes: impl IntoIterator<Item = W>) {
        for change in changes(Uuid::from_u128(id), RELATIONSHIP, writes, stamp()) {
            replica.apply(&change);
        }
    }

    fn delete<K: Deletable>(replica: &mut Replica, id: u128) {
        replica.apply(&deletion::<K>(Uuid::from_u128(id), RELATIONSHIP, stamp()));
    }

    fn made(n: i64) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(1_795_766_400_000 + n).unwrap()
    }

    fn day(d: &str) -> NaiveDate {
        crate::sync::schema::parse_date(d).unwrap()
    }

    fn goal(replica: &mut Replica, id: u128, title: &str) {
        write(
            replica,
            id,
            Goal::new(title.into(), Status::Active, made(0)),
        );
    }

    fn update(replica: &mut Replica, id: u128, on: &str) {
        let new = Update::new(Uuid::from_u128(1), day(on), made(0), Role::Mentee);
        write(replica, id, new);
    }

    #[test]
    fn a_goal_and_its_updates_read_back_as_a_measure() {
        let mut r = Replica::default();
        goal(&mut r, 1, "Give talks");
        write(
            &mut r,
            1,
            [
                GoalSet::Start(Some(0.0)),
                GoalSet::Target(Some(6.0)),
                GoalSet::TargetDate(Some(day("2026-06-30"))),
            ],
        );
        update(&mut r, 2, "2026-02-01");
        write(&mut r, 2, [UpdateSet::Value(Some(2.0))]);
        let records = Records::read(&r, RELATIONSHIP);
        let goals = &records.goals;
        assert_eq!(goals.len(), 1);
        assert_eq!(goals[0].status, Status::Active);
        let since = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let measure = goals[0].measure(since, &records).unwrap();
        assert_eq!(measure.current(), 2.0);
        assert_eq!(
            goals[0].outline(0).missing().len(),
            3,
            "description, achievable, relevant"
        );
    }

    #[test]
    fn an_update_without_its_goal_or_date_does_not_read() {
        let mut r = Replica::default();
        write(&mut r, 2, [UpdateSet::Value(Some(2.0))]);
        assert!(Records::read(&r, RELATIONSHIP).updates.is_empty());
    }

    /// A milestone of goal 1, ticked in `update` on its day if given.
    fn milestone(r: &mut Replica, id: u128, title: &str, done: Option<(u128, &str)>) {
        let new = Milestone::new(Uuid::from_u128(1), title.into(), made(id as i64));
        write(r, id, new);
        if let Some((ticked_in, on)) = done {
            update(r, ticked_in, on);
            write(
                r,
                id,
                [MilestoneSet::DoneIn(Some(Uuid::from_u128(ticked_in)))],
            );
        }
    }

    #[test]
    fn a_goal_measured_by_milestones_counts_the_ones_ticked_by_the_day_they_were_ticked() {
        let mut r = Replica::default();
        goal(&mut r, 1, "Find a new role");
        write(&mut r, 1, [GoalSet::TargetDate(Some(day("2026-06-30")))]);
        milestone(&mut r, 2, "Update the CV", Some((7, "2026-02-10")));
        milestone(
            &mut r,
            3,
            "Ask three people for advice",
            Some((8, "2026-01-20")),
        );
        milestone(&mut r, 4, "Apply to five places", None);
        let records = Records::read(&r, RELATIONSHIP);
        let goal = &records.goals[0];
        assert!(!goal.by_number());
        assert_eq!(
            goal.outline(3).missing().len(),
            3,
            "measurable by its milestones"
        );
        let since = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let measure = goal.measure(since, &records).unwrap();
        assert_eq!(
            (measure.start, measure.target, measure.current()),
            (0.0, 3.0, 2.0)
        );
        assert_eq!(
            measure.updates,
            vec![(day("2026-01-20"), 1.0), (day("2026-02-10"), 2.0)]
        );
    }

    #[test]
    fn a_milestone_ticked_in_a_deleted_update_is_open_and_a_moved_update_moves_its_day() {
        let mut r = Replica::default();
        goal(&mut r, 1, "Find a new role");
        milestone(&mut r, 2, "Update the CV", Some((7, "2026-02-10")));
        milestone(&mut r, 3, "Apply", Some((8, "2026-02-12")));
        // One person deletes update 7 while the other, offline, still has it ticking 2.
        delete::<Update>(&mut r, 7);
        write(&mut r, 8, [UpdateSet::Date(day("2026-02-20"))]);
        let records = Records::read(&r, RELATIONSHIP);
        let done: Vec<_> = records
            .milestones
            .iter()
            .map(|m| records.done_on(m))
            .collect();
        assert_eq!(done, [None, Some(day("2026-02-20"))]);
    }

    #[test]
    fn an_unticked_or_deleted_milestone_is_not_done_and_a_goal_without_a_measure_has_none() {
        let mut r = Replica::default();
        goal(&mut r, 1, "Find a new role");
        let since = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        assert_eq!(
            Records::read(&r, RELATIONSHIP).goals[0].measure(since, &Records::default()),
            None
        );
        milestone(&mut r, 2, "Update the CV", Some((7, "2026-02-10")));
        milestone(&mut r, 3, "Apply", Some((7, "2026-02-10")));
        write(&mut r, 2, [MilestoneSet::DoneIn(None)]);
        delete::<Milestone>(&mut r, 3);
        let records = Records::read(&r, RELATIONSHIP);
        assert_eq!(records.milestones.len(), 1);
        assert_eq!(records.done_on(&records.milestones[0]), None);
        let measure = records.goals[0].measure(since, &records).unwrap();
        assert_eq!((measure.target, measure.current()), (1.0, 0.0));
    }

    #[test]
    fn a_measure_must_be_a_number_and_a_title_is_required() {
        assert_eq!(
            check_value(Goal::SPEC, Field::Target.name(), &json!("six")).err(),
            Some(Rejection::WrongType)
        );
        assert_eq!(
            check_value(Goal::SPEC, Field::Title.name(), &json!(" ")).err(),
            Some(Rejection::Empty)
        );
    }
}
