//! Goal records and their progress updates: fields named once here, and how stored records read.

use super::{progress::Measure, smart::Outline};
use crate::{
    relationships::Role,
    sync::{
        replica::{Record, Replica},
        schema::{instant, parse_date, spec, KindSpec, Type, Writer, DELETED},
        Kind,
    },
};
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;
use uuid::Uuid;

/// The fields of a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Description,
    Unit,
    Start,
    Target,
    Achievable,
    Relevant,
    TargetDate,
    Status,
    DropReason,
    CreatedAt,
}

impl Field {
    pub const fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Description => "description",
            Field::Unit => "unit",
            Field::Start => "start",
            Field::Target => "target",
            Field::Achievable => "achievable",
            Field::Relevant => "relevant",
            Field::TargetDate => "target_date",
            Field::Status => "status",
            Field::DropReason => "drop_reason",
            Field::CreatedAt => "created_at",
        }
    }
}

pub const TITLE_MAX: usize = 120;
pub const TEXT_MAX: usize = 2000;
pub const UNIT_MAX: usize = 40;

/// A goal of the mentee's; both people may edit it.
pub const GOAL: KindSpec = KindSpec {
    kind: Kind::named("goal"),
    fields: &[
        spec(
            Field::Title.name(),
            Type::Text { max: TITLE_MAX },
            Writer::Both,
        ),
        spec(
            Field::Description.name(),
            Type::Notes { max: TEXT_MAX },
            Writer::Both,
        ),
        spec(
            Field::Unit.name(),
            Type::Notes { max: UNIT_MAX },
            Writer::Both,
        ),
        spec(Field::Start.name(), Type::OptionalNumber, Writer::Both),
        spec(Field::Target.name(), Type::OptionalNumber, Writer::Both),
        spec(
            Field::Achievable.name(),
            Type::Notes { max: TEXT_MAX },
            Writer::Both,
        ),
        spec(
            Field::Relevant.name(),
            Type::Notes { max: TEXT_MAX },
            Writer::Both,
        ),
        spec(Field::TargetDate.name(), Type::OptionalDate, Writer::Both),
        spec(
            Field::Status.name(),
            Type::OneOf(Status::NAMES),
            Writer::Both,
        ),
        spec(
            Field::DropReason.name(),
            Type::Notes { max: 500 },
            Writer::Both,
        ),
        spec(Field::CreatedAt.name(), Type::Time, Writer::Both),
        spec(DELETED, Type::Bool, Writer::Both),
    ],
    owner: None,
    label: Some(Field::Title.name()),
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Active,
    Achieved,
    Dropped,
}

impl Status {
    pub const NAMES: &'static [&'static str] = &["active", "achieved", "dropped"];

    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    fn parse(name: &str) -> Option<Self> {
        [Status::Active, Status::Achieved, Status::Dropped]
            .into_iter()
            .find(|s| s.as_str() == name)
    }
}

/// A goal as this device has it.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub unit: String,
    pub start: Option<f64>,
    pub target: Option<f64>,
    pub achievable: String,
    pub relevant: String,
    pub target_date: Option<NaiveDate>,
    pub status: Status,
    pub drop_reason: String,
    pub created_at: Option<DateTime<Utc>>,
}

fn text(record: &Record, field: &str) -> String {
    record
        .get(field)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

impl Goal {
    /// A live goal from its record; `None` for a deleted one or one whose title has not
    /// arrived yet.
    pub fn read(id: Uuid, record: &Record) -> Option<Self> {
        if record.get(DELETED) == Some(&Value::Bool(true)) {
            return None;
        }
        let get = |f: Field| record.get(f.name());
        Some(Self {
            id,
            title: get(Field::Title)?.as_str()?.to_owned(),
            description: text(record, Field::Description.name()),
            unit: text(record, Field::Unit.name()),
            start: get(Field::Start).and_then(Value::as_f64),
            target: get(Field::Target).and_then(Value::as_f64),
            achievable: text(record, Field::Achievable.name()),
            relevant: text(record, Field::Relevant.name()),
            target_date: get(Field::TargetDate)
                .and_then(Value::as_str)
                .and_then(parse_date),
            status: get(Field::Status)
                .and_then(Value::as_str)
                .and_then(Status::parse)
                .unwrap_or(Status::Active),
            drop_reason: text(record, Field::DropReason.name()),
            created_at: get(Field::CreatedAt).and_then(instant),
        })
    }

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

/// The fields of a progress update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateField {
    Goal,
    Date,
    Value,
    Note,
    CreatedAt,
    CreatedBy,
}

impl UpdateField {
    pub const fn name(self) -> &'static str {
        match self {
            UpdateField::Goal => "goal",
            UpdateField::Date => "date",
            UpdateField::Value => "value",
            UpdateField::Note => "note",
            UpdateField::CreatedAt => "created_at",
            UpdateField::CreatedBy => "created_by",
        }
    }
}

/// A dated step of progress on a goal, by either person.
pub const UPDATE: KindSpec = KindSpec {
    kind: Kind::named("goal_update"),
    fields: &[
        spec(UpdateField::Goal.name(), Type::Ref, Writer::Both),
        spec(UpdateField::Date.name(), Type::OptionalDate, Writer::Both),
        spec(
            UpdateField::Value.name(),
            Type::OptionalNumber,
            Writer::Both,
        ),
        spec(
            UpdateField::Note.name(),
            Type::Notes { max: 1000 },
            Writer::Both,
        ),
        spec(UpdateField::CreatedAt.name(), Type::Time, Writer::Both),
        spec(
            UpdateField::CreatedBy.name(),
            Type::OneOf(Role::NAMES),
            Writer::OwnRoleOnce,
        ),
        spec(DELETED, Type::Bool, Writer::Both),
    ],
    owner: None,
    label: Some(UpdateField::Note.name()),
};

#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    pub id: Uuid,
    pub goal: Uuid,
    pub date: NaiveDate,
    pub value: Option<f64>,
    pub note: String,
    pub created_by: Option<Role>,
}

impl Update {
    pub fn read(id: Uuid, record: &Record) -> Option<Self> {
        if record.get(DELETED) == Some(&Value::Bool(true)) {
            return None;
        }
        let get = |f: UpdateField| record.get(f.name()).and_then(Value::as_str);
        Some(Self {
            id,
            goal: Uuid::parse_str(get(UpdateField::Goal)?).ok()?,
            date: parse_date(get(UpdateField::Date)?)?,
            value: record
                .get(UpdateField::Value.name())
                .and_then(Value::as_f64),
            note: text(record, UpdateField::Note.name()),
            created_by: get(UpdateField::CreatedBy).and_then(|r| Role::parse(r).ok()),
        })
    }
}

/// The fields of a milestone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MilestoneField {
    Goal,
    Title,
    CreatedAt,
    DoneIn,
}

impl MilestoneField {
    pub const fn name(self) -> &'static str {
        match self {
            MilestoneField::Goal => "goal",
            MilestoneField::Title => "title",
            MilestoneField::CreatedAt => "created_at",
            MilestoneField::DoneIn => "done_in",
        }
    }
}

pub const MILESTONE_MAX: usize = 200;

/// A step towards a goal measured by milestones, ticked in a progress update.
pub const MILESTONE: KindSpec = KindSpec {
    kind: Kind::named("goal_milestone"),
    fields: &[
        spec(MilestoneField::Goal.name(), Type::Ref, Writer::Both),
        spec(
            MilestoneField::Title.name(),
            Type::Text { max: MILESTONE_MAX },
            Writer::Both,
        ),
        spec(MilestoneField::CreatedAt.name(), Type::Time, Writer::Both),
        spec(
            MilestoneField::DoneIn.name(),
            Type::OptionalRef,
            Writer::Both,
        ),
        spec(DELETED, Type::Bool, Writer::Both),
    ],
    owner: None,
    label: Some(MilestoneField::Title.name()),
};

#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    pub id: Uuid,
    pub goal: Uuid,
    pub title: String,
    /// The update it was ticked in, while that update stands, and that update's date.
    pub done_in: Option<Uuid>,
    pub done_on: Option<NaiveDate>,
}

impl Milestone {
    pub fn read(id: Uuid, record: &Record) -> Option<Self> {
        if record.get(DELETED) == Some(&Value::Bool(true)) {
            return None;
        }
        let get = |f: MilestoneField| record.get(f.name()).and_then(Value::as_str);
        let done_in = get(MilestoneField::DoneIn).and_then(|s| Uuid::parse_str(s).ok());
        Some(Self {
            id,
            goal: Uuid::parse_str(get(MilestoneField::Goal)?).ok()?,
            title: get(MilestoneField::Title)?.to_owned(),
            done_in,
            // From the update, once the updates are read (`Records::read`).
            done_on: None,
        })
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
            .of(relationship, &GOAL.kind)
            .filter_map(|(id, r)| Goal::read(*id, r))
            .collect();

        let mut updates: Vec<Update> = replica
            .of(relationship, &UPDATE.kind)
            .filter_map(|(id, r)| Update::read(*id, r))
            .collect();
        updates.sort_by_key(|u| (u.date, u.id));
        let mut milestones: Vec<Milestone> = replica
            .of(relationship, &MILESTONE.kind)
            .filter_map(|(id, r)| Milestone::read(*id, r))
            .collect();

        // Ticked in an update that was deleted (perhaps while the partner, offline, ticked it
        // there) is not ticked; the day is the update's, whoever last changed it.
        for milestone in &mut milestones {
            let update = updates
                .iter()
                .find(|u| Some(u.id) == milestone.done_in && u.goal == milestone.goal);
            milestone.done_in = update.map(|u| u.id);
            milestone.done_on = update.map(|u| u.date);
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

    pub fn milestones_of(&self, goal: Uuid) -> Vec<&Milestone> {
        self.milestones.iter().filter(|m| m.goal == goal).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{schema::check_value, Change, Hlc, NodeId, Rejection};
    use serde_json::json;

    /// Each write later than the one before.
    fn write(replica: &mut Replica, id: u128, kind: &KindSpec, field: &str, value: Value) {
        static CLOCK: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let millis = CLOCK.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        replica.apply(&Change {
            record: Uuid::from_u128(id),
            relationship: Uuid::from_u128(9),
            kind: kind.kind.clone(),
            private: false,
            field: field.to_owned(),
            value,
            hlc: Hlc {
                millis,
                counter: 0,
                node: NodeId(1),
            },
        });
    }

    #[test]
    fn a_goal_and_its_updates_read_back_as_a_measure() {
        let mut r = Replica::default();
        write(&mut r, 1, &GOAL, "title", json!("Give talks"));
        write(&mut r, 1, &GOAL, "start", json!(0));
        write(&mut r, 1, &GOAL, "target", json!(6));
        write(&mut r, 1, &GOAL, "target_date", json!("2026-06-30"));
        write(
            &mut r,
            2,
            &UPDATE,
            "goal",
            json!(Uuid::from_u128(1).to_string()),
        );
        write(&mut r, 2, &UPDATE, "date", json!("2026-02-01"));
        write(&mut r, 2, &UPDATE, "value", json!(2));
        let records = Records::read(&r, Uuid::from_u128(9));
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
        write(&mut r, 2, &UPDATE, "value", json!(2));
        assert!(Records::read(&r, Uuid::from_u128(9)).updates.is_empty());
    }

    /// A milestone of goal 1, ticked in `update` on its day if given.
    fn milestone(r: &mut Replica, id: u128, title: &str, done: Option<(u128, &str)>) {
        let goal = json!(Uuid::from_u128(1).to_string());
        write(r, id, &MILESTONE, "goal", goal.clone());
        write(r, id, &MILESTONE, "title", json!(title));
        write(r, id, &MILESTONE, "created_at", json!(1_000 + id as u64));
        if let Some((update, on)) = done {
            write(r, update, &UPDATE, "goal", goal);
            write(r, update, &UPDATE, "date", json!(on));
            let done_in = json!(Uuid::from_u128(update).to_string());
            write(r, id, &MILESTONE, "done_in", done_in);
        }
    }

    #[test]
    fn a_goal_measured_by_milestones_counts_the_ones_ticked_by_the_day_they_were_ticked() {
        let mut r = Replica::default();
        write(&mut r, 1, &GOAL, "title", json!("Find a new role"));
        write(&mut r, 1, &GOAL, "target_date", json!("2026-06-30"));
        milestone(&mut r, 2, "Update the CV", Some((7, "2026-02-10")));
        milestone(
            &mut r,
            3,
            "Ask three people for advice",
            Some((8, "2026-01-20")),
        );
        milestone(&mut r, 4, "Apply to five places", None);
        let records = Records::read(&r, Uuid::from_u128(9));
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
        let day = |d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        assert_eq!(
            measure.updates,
            vec![(day("2026-01-20"), 1.0), (day("2026-02-10"), 2.0)]
        );
    }

    #[test]
    fn a_milestone_ticked_in_a_deleted_update_is_open_and_a_moved_update_moves_its_day() {
        let mut r = Replica::default();
        write(&mut r, 1, &GOAL, "title", json!("Find a new role"));
        milestone(&mut r, 2, "Update the CV", Some((7, "2026-02-10")));
        milestone(&mut r, 3, "Apply", Some((8, "2026-02-12")));
        // One person deletes update 7 while the other, offline, still has it ticking 2.
        write(&mut r, 7, &UPDATE, DELETED, json!(true));
        write(&mut r, 8, &UPDATE, "date", json!("2026-02-20"));
        let records = Records::read(&r, Uuid::from_u128(9));
        let done: Vec<_> = records.milestones.iter().map(|m| m.done_on).collect();
        let day = |d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
        assert_eq!(done, [None, day("2026-02-20")]);
    }

    #[test]
    fn an_unticked_or_deleted_milestone_is_not_done_and_a_goal_without_a_measure_has_none() {
        let mut r = Replica::default();
        write(&mut r, 1, &GOAL, "title", json!("Find a new role"));
        let since = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        assert_eq!(
            Records::read(&r, Uuid::from_u128(9)).goals[0].measure(since, &Records::default()),
            None
        );
        milestone(&mut r, 2, "Update the CV", Some((7, "2026-02-10")));
        milestone(&mut r, 3, "Apply", Some((7, "2026-02-10")));
        write(&mut r, 2, &MILESTONE, "done_in", json!(null));
        write(&mut r, 3, &MILESTONE, DELETED, json!(true));
        let records = Records::read(&r, Uuid::from_u128(9));
        assert_eq!(records.milestones.len(), 1);
        assert_eq!(records.milestones[0].done_on, None);
        let measure = records.goals[0].measure(since, &records).unwrap();
        assert_eq!((measure.target, measure.current()), (1.0, 0.0));
    }

    #[test]
    fn a_measure_must_be_a_number_and_a_title_is_required() {
        assert_eq!(
            check_value(&GOAL, "target", &json!("six")).err(),
            Some(Rejection::WrongType)
        );
        assert_eq!(
            check_value(&GOAL, "title", &json!(" ")).err(),
            Some(Rejection::Empty)
        );
    }
}
