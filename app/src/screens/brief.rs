//! What the brief of one relationship says, read from the device's records alone: what
//! happened since the last session, its check-in, the coming agenda, and how long ago the pair
//! last met against how often they agreed to.

use crate::{
    action_items::ActionItem,
    agreement::{Agreement, Frequency},
    checkin::{Answers, Checkin},
    goals::{Goal, Measure, Records, Status},
    relationships::Role,
    roadmap::{agenda_items, sessions, AgendaItem, Session},
    sync::{declare::RecordKind, engine::local_time, replica::Replica},
};
use chrono::{DateTime, NaiveDate, NaiveDateTime};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    /// The last session held: "since" counts from its start. None before the first.
    pub last: Option<Session>,
    /// The coming session.
    pub next: Option<Session>,
    /// The active goals, and those achieved or dropped since the last session, oldest first.
    pub goals: Vec<GoalSince>,
    /// Each person's action items, by role (`Role as usize`).
    pub items: [Tally; 2],
    /// The mentor's promises still open, or delivered since the last session.
    pub commitments: Vec<ActionItem>,
    /// The last session's check-in answers, the mentee's first (a check-in has no private part;
    /// private notes are another kind and never read here).
    pub checkins: Vec<Answers>,
    /// The coming session's agenda.
    pub agenda: Vec<AgendaItem>,
    /// How often the pair agreed to meet: in the version both signed last.
    pub frequency: Option<Frequency>,
}

/// A goal's progress from the last session until now.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalSince {
    pub goal: Goal,
    /// None for a goal measured by neither a number nor milestones.
    pub measure: Option<Measure>,
    /// Its value at the end of the last session's day (the start before the first session).
    pub then: Option<f64>,
}

/// One person's action items as the brief counts them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tally {
    /// Ticked off since the last session (ever, before the first).
    pub done: Vec<ActionItem>,
    /// Still open, overdue first.
    pub open: Vec<ActionItem>,
    /// How many of the open ones are past their due day.
    pub overdue: usize,
}

impl Brief {
    pub fn items_of(&self, role: Role) -> &Tally {
        &self.items[role as usize]
    }

    /// Days from the last session's day until `today`.
    pub fn days_since(&self, today: NaiveDate) -> Option<i64> {
        Some((today - self.last.as_ref()?.day()).num_days())
    }
}

/// The brief of `relationship` at `now`, the reader's wall clock.
pub fn brief(replica: &Replica, relationship: Uuid, now: NaiveDateTime) -> Brief {
    let all = sessions(replica, relationship);
    let last = all.iter().rev().find(|s| s.is_past(now)).cloned();
    let next = all.iter().find(|s| !s.is_past(now)).cloned();
    let since = last.as_ref().map(Session::starts);

    let records = Records::read(replica, relationship);
    // Reached or dropped since the last session is news for the call; before, it is history.
    let closed_since = |goal: &Goal| {
        let set = goal
            .status_set_at(replica)
            .and_then(|millis| DateTime::from_timestamp_millis(millis as i64));
        since
            .zip(set)
            .is_some_and(|(since, set)| local_time(set) >= since)
    };
    let goals = records
        .goals
        .iter()
        .filter(|g| g.status == Status::Active || closed_since(g))
        .map(|goal| {
            let measure = goal.measure(local_time(goal.created_at).date(), &records);
            let then = measure.as_ref().map(|m| match &last {
                Some(last) => m.value_on(last.day()),
                None => m.start,
            });
            GoalSince {
                goal: goal.clone(),
                measure,
                then,
            }
        })
        .collect();

    let mut items: Vec<ActionItem> = replica
        .of(relationship, &ActionItem::SPEC.kind)
        .filter_map(|(id, record)| ActionItem::read(*id, record))
        .collect();
    items.sort_by_key(|i| (i.due.is_none(), i.due, i.created_at, i.id));
    let done_since = |item: &ActionItem| {
        item.done_at
            .is_some_and(|at| since.is_none_or(|since| local_time(at) >= since))
    };
    let today = now.date();
    let tally = |role: Role| {
        let mine = items.iter().filter(|i| i.owner == role);
        let open: Vec<ActionItem> = mine
            .clone()
            .filter(|i| i.done_at.is_none())
            .cloned()
            .collect();
        Tally {
            done: mine.filter(|i| done_since(i)).cloned().collect(),
            overdue: open
                .iter()
                .filter(|i| i.due.is_some_and(|d| d < today))
                .count(),
            open,
        }
    };
    let commitments = items
        .iter()
        .filter(|i| i.owner == Role::Mentor && i.commitment.is_some())
        .filter(|i| i.done_at.is_none() || done_since(i))
        .cloned()
        .collect();

    let checkins = last
        .iter()
        .flat_map(|s| {
            [Role::Mentee, Role::Mentor]
                .map(|role| Checkin::answers(replica, relationship, s.id, role))
        })
        .flatten()
        .collect();
    let agenda = next
        .as_ref()
        .map(|next| {
            agenda_items(replica, relationship)
                .into_iter()
                .filter(|i| i.session == next.id)
                .collect()
        })
        .unwrap_or_default();

    Brief {
        last,
        next,
        goals,
        items: [tally(Role::Mentor), tally(Role::Mentee)],
        commitments,
        checkins,
        agenda,
        frequency: Agreement::read(replica, relationship)
            .versions
            .first()
            .and_then(|(_, terms)| terms.frequency),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        action_items::{ActionSet, Commitment},
        checkin::CheckinSet,
        goals::{GoalSet, Update, UpdateSet},
        roadmap::AgendaSet,
        screens::fixture::{self, at, day, instant, made, Device},
    };

    /// Sessions on 20 November (held), 1 December (the last held) and 10 December (coming).
    fn device() -> Device {
        let mut device = Device::new();
        device.session_in(fixture::REL, 1, "2026-11-20");
        device.session_in(fixture::REL, 2, "2026-12-01");
        device.session_in(fixture::REL, 3, "2026-12-10");
        device
    }

    fn now() -> NaiveDateTime {
        at("2026-12-04 09:00")
    }

    fn item(device: &mut Device, id: u128, owner: Role, title: &str) {
        device.write(id, ActionItem::new(title.into(), owner, made()));
    }

    /// The id the mentee's own check-in of session `session` has.
    fn id_of(session: u128) -> u128 {
        let id = crate::checkin::checkin_id(
            fixture::REL,
            Uuid::from_u128(session),
            Role::Mentee,
            Role::Mentee,
        );
        id.as_u128()
    }

    fn titles(items: &[ActionItem]) -> Vec<&str> {
        items.iter().map(|i| i.title.as_str()).collect()
    }

    #[test]
    fn a_goal_reads_as_it_stood_at_the_last_session_and_as_it_stands_now() {
        let mut device = device();
        let mut goal = Goal::new("Give talks".into(), Status::Active, made());
        goal.extend([GoalSet::Start(Some(0.0)), GoalSet::Target(Some(6.0))]);
        device.write(10, goal);
        for (id, on, value) in [
            (11, "2026-11-25", 2.0),
            (12, "2026-12-01", 3.0),
            (13, "2026-12-03", 5.0),
        ] {
            let mut update = Update::new(Uuid::from_u128(10), day(on), made(), Role::Mentee);
            update.push(UpdateSet::Value(Some(value)));
            device.write(id, update);
        }
        let brief = brief(&device.replica, fixture::REL, now());
        let [goal] = &brief.goals[..] else {
            panic!("{:?}", brief.goals)
        };
        assert_eq!(goal.goal.title, "Give talks");
        assert_eq!(
            goal.then,
            Some(3.0),
            "the update on the session's day counts as before it"
        );
        assert_eq!(goal.measure.as_ref().map(Measure::current), Some(5.0));
    }

    #[test]
    fn before_the_first_session_a_goal_reads_from_its_start() {
        let mut device = Device::new();
        let mut goal = Goal::new("Give talks".into(), Status::Active, made());
        goal.extend([GoalSet::Start(Some(1.0)), GoalSet::Target(Some(6.0))]);
        device.write(10, goal);
        let brief = brief(&device.replica, fixture::REL, now());
        assert_eq!(brief.goals[0].then, Some(1.0));
        assert_eq!(brief.last, None);
        assert_eq!(brief.days_since(now().date()), None);
    }

    #[test]
    fn each_persons_items_are_counted_done_since_the_last_session_open_and_overdue() {
        let mut device = device();
        item(&mut device, 20, Role::Mentee, "Done before");
        device.write(20, [ActionSet::DoneAt(Some(instant("2026-11-28 12:00")))]);
        item(&mut device, 21, Role::Mentee, "Done since");
        device.write(21, [ActionSet::DoneAt(Some(instant("2026-12-02 12:00")))]);
        item(&mut device, 22, Role::Mentee, "Undated");
        item(&mut device, 23, Role::Mentee, "Late");
        device.write(23, [ActionSet::Due(Some(day("2026-12-02")))]);
        item(&mut device, 24, Role::Mentor, "Mentor's");
        let brief = brief(&device.replica, fixture::REL, now());
        let mentee = brief.items_of(Role::Mentee);
        assert_eq!(titles(&mentee.done), ["Done since"]);
        assert_eq!(titles(&mentee.open), ["Late", "Undated"]);
        assert_eq!(mentee.overdue, 1);
        let mentor = brief.items_of(Role::Mentor);
        assert_eq!(
            (titles(&mentor.done), titles(&mentor.open), mentor.overdue),
            (vec![], vec!["Mentor's"], 0)
        );
    }

    #[test]
    fn the_mentors_promises_show_open_or_delivered_since_the_last_session() {
        let mut device = device();
        for (id, title) in [
            (30, "Delivered long ago"),
            (31, "Delivered since"),
            (32, "Still open"),
            (33, "Not a promise"),
        ] {
            item(&mut device, id, Role::Mentor, title);
        }
        for id in [30, 31, 32] {
            device.write(id, [ActionSet::Commitment(Some(Commitment::Contact))]);
        }
        device.write(30, [ActionSet::DoneAt(Some(instant("2026-11-21 09:00")))]);
        device.write(31, [ActionSet::DoneAt(Some(instant("2026-12-03 09:00")))]);
        let brief = brief(&device.replica, fixture::REL, now());
        assert_eq!(
            titles(&brief.commitments),
            ["Delivered since", "Still open"]
        );
        assert!(brief.commitments[0].done_at.is_some());
    }

    #[test]
    fn the_last_sessions_check_in_the_coming_agenda_and_the_days_since_are_read() {
        let mut device = device();
        let mut earlier = Checkin::new(Uuid::from_u128(1), Role::Mentee);
        earlier.push(CheckinSet::Useful("Old answer".into()));
        device.write(id_of(1), earlier);
        let mut mine = Checkin::new(Uuid::from_u128(2), Role::Mentee);
        mine.push(CheckinSet::Useful("The plan".into()));
        device.write(id_of(2), mine);
        let mut agenda = AgendaItem::new(Uuid::from_u128(3), "Budget".into());
        agenda.push(AgendaSet::AddedBy(Some(Role::Mentor)));
        device.write(42, agenda);
        let brief = brief(&device.replica, fixture::REL, now());
        let answers: Vec<&str> = brief
            .checkins
            .iter()
            .map(|a| a.checkin.useful.as_str())
            .collect();
        assert_eq!(answers, ["The plan"]);
        assert_eq!(
            brief
                .agenda
                .iter()
                .map(|a| a.text.as_str())
                .collect::<Vec<_>>(),
            ["Budget"]
        );
        assert_eq!(brief.next.as_ref().map(|s| s.id), Some(Uuid::from_u128(3)));
        assert_eq!(brief.days_since(now().date()), Some(3));
    }

    #[test]
    fn a_session_without_a_time_on_its_day_is_the_coming_one_not_the_last() {
        let mut device = device();
        device.write(4, Session::new(day("2026-12-04"), made()));
        let brief = brief(&device.replica, fixture::REL, now());
        assert_eq!(brief.next.as_ref().map(|s| s.id), Some(Uuid::from_u128(4)));
        assert_eq!(brief.last.as_ref().map(|s| s.id), Some(Uuid::from_u128(2)));
    }

    #[test]
    fn a_goal_achieved_since_the_last_session_stays_in_the_brief_and_one_achieved_before_does_not()
    {
        let mut device = device();
        for (id, title) in [(50, "Reached before"), (51, "Reached since")] {
            device.write(id, Goal::new(title.into(), Status::Active, made()));
        }
        device.clock_at("2026-11-28 12:00");
        device.write(50, [GoalSet::Status(Status::Achieved)]);
        device.clock_at("2026-12-02 12:00");
        device.write(51, [GoalSet::Status(Status::Achieved)]);
        let brief = brief(&device.replica, fixture::REL, now());
        let titles: Vec<&str> = brief.goals.iter().map(|g| g.goal.title.as_str()).collect();
        assert_eq!(titles, ["Reached since"]);
    }
}
