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

    pub fn outline(&self) -> Outline {
        Outline {
            title: self.title.clone(),
            description: self.description.clone(),
            numbers: self.start.zip(self.target),
            milestones: 0,
            achievable: self.achievable.clone(),
            relevant: self.relevant.clone(),
            has_date: self.target_date.is_some(),
        }
    }

    /// The goal's measure, when it is measured by a number: from its start on `since` (the
    /// day it was made), with these updates.
    pub fn measure(&self, since: NaiveDate, updates: &[Update]) -> Option<Measure> {
        Some(Measure {
            start: self.start?,
            target: self.target?,
            since,
            by: self.target_date,
            updates: updates
                .iter()
                .filter(|u| u.goal == self.id)
                .filter_map(|u| Some((u.date, u.value?)))
                .collect(),
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

/// A relationship's goals (oldest first) and their updates (by date), as the device has them.
pub fn read_all(replica: &Replica, relationship: Uuid) -> (Vec<Goal>, Vec<Update>) {
    let mut goals: Vec<Goal> = replica
        .of(relationship, &GOAL.kind)
        .filter_map(|(id, r)| Goal::read(*id, r))
        .collect();
    goals.sort_by_key(|g| (g.created_at, g.id));
    let mut updates: Vec<Update> = replica
        .of(relationship, &UPDATE.kind)
        .filter_map(|(id, r)| Update::read(*id, r))
        .collect();
    updates.sort_by_key(|u| (u.date, u.id));
    (goals, updates)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{schema::check_value, Change, Hlc, NodeId, Rejection};
    use serde_json::json;

    fn write(replica: &mut Replica, id: u128, kind: &KindSpec, field: &str, value: Value) {
        replica.apply(&Change {
            record: Uuid::from_u128(id),
            relationship: Uuid::from_u128(9),
            kind: kind.kind.clone(),
            private: false,
            field: field.to_owned(),
            value,
            hlc: Hlc {
                millis: 1,
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
        let (goals, updates) = read_all(&r, Uuid::from_u128(9));
        assert_eq!(goals.len(), 1);
        assert_eq!(goals[0].status, Status::Active);
        let since = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let measure = goals[0].measure(since, &updates).unwrap();
        assert_eq!(measure.current(), 2.0);
        assert_eq!(
            goals[0].outline().missing().len(),
            3,
            "description, achievable, relevant"
        );
    }

    #[test]
    fn an_update_without_its_goal_or_date_does_not_read() {
        let mut r = Replica::default();
        write(&mut r, 2, &UPDATE, "value", json!(2));
        assert!(read_all(&r, Uuid::from_u128(9)).1.is_empty());
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
