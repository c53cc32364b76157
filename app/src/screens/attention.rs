//! What needs a person across their relationships, read from the device's records alone.

use crate::{
    action_items::ActionItem,
    agreement::{Agreement, Frequency, Signature, Terms},
    checkin::Checkin,
    prepare::Preparation,
    relationships::RelationshipView,
    roadmap::{added_by, agenda_items, sessions, Cadence, Session},
    sync::{declare::RecordKind, replica::Replica},
    ui::seen::{changed, preparation_key, Seen},
};
use chrono::{Days, Months, NaiveDate, NaiveDateTime};
use uuid::Uuid;

/// How far back a missing check-in is still asked for: older sessions are history.
pub const CHECKIN_DAYS: u64 = 30;

/// One thing that needs the person, in one relationship.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub relationship: Uuid,
    pub need: Need,
    /// When what it is about last changed (milliseconds of the latest write): a line dismissed
    /// before then shows again.
    pub changed: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Need {
    /// An open action item of mine whose due day has passed.
    Overdue {
        item: Uuid,
        title: String,
        due: NaiveDate,
    },
    /// A past session I have not answered the check-in of.
    CheckinMissing { session: Uuid, day: NaiveDate },
    /// My partner put something on the next session's agenda.
    PartnerAdded {
        session: Uuid,
        item: Uuid,
        text: String,
    },
    /// The agreement changed, or my partner signed it, and my signature is awaited.
    SignatureAwaited,
    /// My partner shared preparation answers.
    PreparationShared,
    /// The agreement's cadence says a session is due and none is planned.
    SessionDue { since: NaiveDate },
}

impl Line {
    /// What the line is about, the same across changes: the key a dismissal is kept under.
    pub fn key(&self) -> String {
        let r = self.relationship;
        match &self.need {
            Need::Overdue { item, .. } => format!("overdue/{item}"),
            Need::CheckinMissing { session, .. } => format!("checkin/{session}"),
            Need::PartnerAdded { item, .. } => format!("agenda/{item}"),
            Need::SignatureAwaited => format!("agreement/{r}"),
            Need::PreparationShared => preparation_key(r),
            // A later due date is another line: dismissing one does not hide the next.
            Need::SessionDue { since } => format!("cadence/{r}/{since}"),
        }
    }

    /// Where it is done.
    pub fn href(&self) -> String {
        let r = self.relationship;
        match &self.need {
            Need::Overdue { .. } => format!("/r/{r}"),
            Need::CheckinMissing { session, .. } => format!("/r/{r}/sessions/{session}"),
            Need::PartnerAdded { .. } | Need::SessionDue { .. } => format!("/r/{r}/roadmap"),
            Need::SignatureAwaited => format!("/r/{r}/agreement"),
            Need::PreparationShared => format!("/r/{r}/prepare"),
        }
    }
}

/// Everything that needs the person in their live relationships at `now` (their wall clock),
/// relationship by relationship in the order given, each in the order of the rules.
pub fn attention(
    replica: &Replica,
    relationships: &[RelationshipView],
    now: NaiveDateTime,
) -> Vec<Line> {
    let mut lines = Vec::new();
    for r in relationships.iter().filter(|r| r.ended_at.is_none()) {
        let mut add = |need, changed| {
            lines.push(Line {
                relationship: r.id,
                need,
                changed,
            })
        };
        let (me, id) = (r.my_role, r.id);
        let mut overdue: Vec<(ActionItem, u64)> = replica
            .of(id, &ActionItem::SPEC.kind)
            .filter_map(|(item, record)| Some((ActionItem::read(*item, record)?, changed(record))))
            .filter(|(i, _)| i.owner == me && i.done_at.is_none())
            .filter(|(i, _)| i.due.is_some_and(|due| due < now.date()))
            .collect();
        overdue.sort_by_key(|(i, _)| (i.due, i.created_at, i.id));
        for (item, at) in overdue {
            let due = item.due.unwrap_or_default();
            add(
                Need::Overdue {
                    item: item.id,
                    title: item.title,
                    due,
                },
                at,
            );
        }

        let all = sessions(replica, id);
        let answered = |session: Uuid| {
            replica
                .of(id, &Checkin::SPEC.kind)
                .filter_map(|(c, record)| Checkin::read(*c, record))
                .any(|c| c.session == session && c.of == me && !c.is_empty())
        };
        let recent = now.date().checked_sub_days(Days::new(CHECKIN_DAYS));
        for s in all.iter().filter(|s| s.is_past(now)) {
            if recent.is_some_and(|from| s.day() >= from) && !answered(s.id) {
                let at = replica.get(&s.id).map(changed).unwrap_or(0);
                add(
                    Need::CheckinMissing {
                        session: s.id,
                        day: s.day(),
                    },
                    at,
                );
            }
        }

        let next = all.iter().find(|s| !s.is_past(now));
        if let Some(next) = next {
            let items = agenda_items(replica, id);
            // A copy carried over from an earlier session was news when it was first added.
            let added = items
                .iter()
                .filter(|i| i.session == next.id && i.carried_from.is_none());
            for item in added {
                if added_by(&items, item) == Some(me.partner()) {
                    let at = replica.get(&item.id).map(changed).unwrap_or(0);
                    add(
                        Need::PartnerAdded {
                            session: next.id,
                            item: item.id,
                            text: item.text.clone(),
                        },
                        at,
                    );
                }
            }
        }

        let agreement = Agreement::read(replica, id);
        let partner_signed = agreement.counts(me.partner());
        let signed_before = !agreement.signatures[me as usize].is_empty();
        if !agreement.counts(me) && (partner_signed || signed_before) {
            let at = replica
                .of(id, &Terms::SPEC.kind)
                .chain(replica.of(id, &Signature::SPEC.kind))
                .map(|(_, record)| changed(record))
                .max()
                .unwrap_or(0);
            add(Need::SignatureAwaited, at);
        }

        // Answers withdrawn (all emptied again) are nothing to open.
        if Preparation::count(&Preparation::read(replica, id, me).theirs) > 0 {
            add(
                Need::PreparationShared,
                Preparation::shared_changed(replica, id, me.partner()),
            );
        }

        if let Some(due) = session_due(&agreement, &all, next, now.date()) {
            let at = replica
                .of(id, &Session::SPEC.kind)
                .map(|(_, record)| changed(record))
                .max()
                .unwrap_or(0);
            add(Need::SessionDue { since: due }, at);
        }
    }
    lines
}

/// The day since which the agreement's cadence says a session is due, if none is planned
/// (`next`) and that day has come: a cadence after the last session, or at once before the first.
pub fn session_due(
    agreement: &Agreement,
    sessions: &[Session],
    next: Option<&Session>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let cadence = Cadence::from_terms(&agreement.terms).ok()?;
    if next.is_some() {
        return None;
    }
    let due = match sessions.last().map(Session::day) {
        None => Some(today),
        Some(last) => match cadence.frequency {
            Frequency::Weekly => last.checked_add_days(Days::new(7)),
            Frequency::Biweekly => last.checked_add_days(Days::new(14)),
            Frequency::Monthly => last.checked_add_months(Months::new(1)),
        },
    };
    due.filter(|due| *due <= today)
}

/// The lines not dismissed, or changed since they were.
pub fn unseen(lines: Vec<Line>, seen: &Seen) -> Vec<Line> {
    lines
        .into_iter()
        .filter(|line| seen.get(&line.key()).is_none_or(|at| line.changed > *at))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        action_items::ActionSet,
        agreement::{canonical, Day, SignatureSet, TermSet},
        checkin::CheckinSet,
        prepare::{Shared, SharedSet},
        relationships::Role,
        roadmap::AgendaSet,
        screens::fixture::{at, day, made, view, Device, REL},
    };
    use chrono::NaiveTime;

    /// What needs me in [`REL`] at `now`.
    fn needs_of(device: &Device, me: Role, now: &str) -> Vec<Line> {
        attention(&device.replica, &[view(REL, me)], at(now))
    }

    fn session(device: &mut Device, id: u128, on: &str) {
        device.session_in(REL, id, on);
    }

    fn item(device: &mut Device, id: u128, owner: Role, due: &str) -> u64 {
        let mut writes = ActionItem::new("Read the book".into(), owner, made());
        writes.push(ActionSet::Due(Some(day(due))));
        device.write(id, writes)
    }

    fn needs(lines: &[Line]) -> Vec<&Need> {
        lines.iter().map(|l| &l.need).collect()
    }

    #[test]
    fn an_open_item_of_mine_past_its_due_day_needs_me() {
        let mut device = Device::new();
        item(&mut device, 1, Role::Mentee, "2026-12-01");
        let lines = needs_of(&device, Role::Mentee, "2026-12-03 09:00");
        assert_eq!(
            needs(&lines),
            [&Need::Overdue {
                item: Uuid::from_u128(1),
                title: "Read the book".into(),
                due: day("2026-12-01"),
            }]
        );
        assert_eq!(lines[0].href(), format!("/r/{REL}"));
    }

    #[test]
    fn an_item_due_today_done_or_my_partners_is_not_overdue_for_me() {
        let mut device = Device::new();
        item(&mut device, 1, Role::Mentee, "2026-12-03");
        item(&mut device, 2, Role::Mentor, "2026-12-01");
        item(&mut device, 3, Role::Mentee, "2026-12-01");
        device.write(3, [ActionSet::DoneAt(Some(made()))]);
        assert_eq!(needs_of(&device, Role::Mentee, "2026-12-03 23:00"), []);
        assert_eq!(needs_of(&device, Role::Mentor, "2026-12-03 23:00").len(), 1);
    }

    #[test]
    fn overdue_items_come_earliest_due_first() {
        let mut device = Device::new();
        item(&mut device, 1, Role::Mentee, "2026-11-20");
        item(&mut device, 2, Role::Mentee, "2026-11-10");
        let lines = needs_of(&device, Role::Mentee, "2026-12-03 09:00");
        let keys: Vec<String> = lines.iter().map(Line::key).collect();
        assert_eq!(
            keys,
            [
                format!("overdue/{}", Uuid::from_u128(2)),
                format!("overdue/{}", Uuid::from_u128(1))
            ]
        );
    }

    #[test]
    fn a_past_session_without_my_check_in_needs_me_until_i_answer() {
        let mut device = Device::new();
        session(&mut device, 5, "2026-12-01");
        let lines = needs_of(&device, Role::Mentee, "2026-12-03 09:00");
        assert_eq!(
            needs(&lines),
            [&Need::CheckinMissing {
                session: Uuid::from_u128(5),
                day: day("2026-12-01")
            }]
        );
        assert_eq!(
            lines[0].href(),
            format!("/r/{REL}/sessions/{}", Uuid::from_u128(5))
        );
        // My partner's answers are not mine.
        let mut theirs = Checkin::new(Uuid::from_u128(5), Role::Mentor);
        theirs.push(CheckinSet::Useful("The plan".into()));
        device.write(6, theirs);
        assert_eq!(needs_of(&device, Role::Mentee, "2026-12-03 09:00").len(), 1);
        let mut mine = Checkin::new(Uuid::from_u128(5), Role::Mentee);
        mine.push(CheckinSet::Next("Write it down".into()));
        device.write(7, mine);
        assert_eq!(needs_of(&device, Role::Mentee, "2026-12-03 09:00"), []);
    }

    #[test]
    fn a_session_still_going_or_long_ago_asks_for_no_check_in() {
        let mut device = Device::new();
        session(&mut device, 5, "2026-12-03");
        session(&mut device, 6, "2026-10-01");
        // 10:30: the session of 10:00 to 11:00 is under way; October's is history.
        let lines = needs_of(&device, Role::Mentor, "2026-12-03 10:30");
        assert!(!lines
            .iter()
            .any(|l| matches!(l.need, Need::CheckinMissing { .. })));
    }

    #[test]
    fn what_my_partner_put_on_the_next_agenda_needs_me_and_what_i_put_there_does_not() {
        let mut device = Device::new();
        session(&mut device, 5, "2026-12-10");
        let mut theirs = crate::roadmap::AgendaItem::new(Uuid::from_u128(5), "Budget".into());
        theirs.push(AgendaSet::AddedBy(Some(Role::Mentor)));
        device.write(20, theirs);
        let mut mine = crate::roadmap::AgendaItem::new(Uuid::from_u128(5), "Hiring".into());
        mine.push(AgendaSet::AddedBy(Some(Role::Mentee)));
        device.write(21, mine);
        let lines = needs_of(&device, Role::Mentee, "2026-12-03 09:00");
        assert_eq!(
            needs(&lines),
            [&Need::PartnerAdded {
                session: Uuid::from_u128(5),
                item: Uuid::from_u128(20),
                text: "Budget".into()
            }]
        );
        assert_eq!(lines[0].href(), format!("/r/{REL}/roadmap"));
    }

    #[test]
    fn an_agenda_item_carried_over_from_an_earlier_session_is_no_news() {
        let mut device = Device::new();
        session(&mut device, 4, "2026-11-26");
        session(&mut device, 5, "2026-12-10");
        let mut first = crate::roadmap::AgendaItem::new(Uuid::from_u128(4), "Budget".into());
        first.push(AgendaSet::AddedBy(Some(Role::Mentor)));
        device.write(20, first);
        let mut copy = crate::roadmap::AgendaItem::new(Uuid::from_u128(5), "Budget".into());
        copy.push(AgendaSet::CarriedFrom(Some(Uuid::from_u128(20))));
        device.write(22, copy);
        let lines = needs_of(&device, Role::Mentee, "2026-12-03 09:00");
        assert!(
            !needs(&lines)
                .iter()
                .any(|n| matches!(n, Need::PartnerAdded { .. })),
            "{lines:?}"
        );
    }

    fn sign(device: &mut Device, id: u128, who: Role) {
        let terms = Agreement::read(&device.replica, REL).terms;
        let mut writes = Signature::new(who, made());
        writes.push(SignatureSet::Terms(canonical(&terms)));
        device.write(id, writes);
    }

    #[test]
    fn terms_my_partner_signed_await_my_signature_until_i_sign() {
        let mut device = Device::new();
        device.write(30, [TermSet::Scope("Careers".into())]);
        assert_eq!(needs_of(&device, Role::Mentee, "2026-12-03 09:00"), []);
        sign(&mut device, 31, Role::Mentor);
        let lines = needs_of(&device, Role::Mentee, "2026-12-03 09:00");
        assert_eq!(needs(&lines), [&Need::SignatureAwaited]);
        assert_eq!(lines[0].href(), format!("/r/{REL}/agreement"));
        assert_eq!(needs_of(&device, Role::Mentor, "2026-12-03 09:00"), []);
        sign(&mut device, 32, Role::Mentee);
        assert_eq!(needs_of(&device, Role::Mentee, "2026-12-03 09:00"), []);
    }

    #[test]
    fn terms_changed_after_both_signed_await_both_signatures() {
        let mut device = Device::new();
        device.write(30, [TermSet::Scope("Careers".into())]);
        sign(&mut device, 31, Role::Mentor);
        sign(&mut device, 32, Role::Mentee);
        device.write(30, [TermSet::Scope("Careers and leadership".into())]);
        assert_eq!(
            needs(&needs_of(&device, Role::Mentee, "2026-12-03 09:00")),
            [&Need::SignatureAwaited]
        );
        assert_eq!(
            needs(&needs_of(&device, Role::Mentor, "2026-12-03 09:00")),
            [&Need::SignatureAwaited]
        );
    }

    #[test]
    fn preparation_my_partner_shared_needs_me_until_opened_and_again_when_they_change_it() {
        let mut device = Device::new();
        let mut shared = Shared::new(Role::Mentor);
        shared.push(SharedSet::Want("Grow".into()));
        let first = device.write(40, shared);
        let lines = needs_of(&device, Role::Mentee, "2026-12-03 09:00");
        assert_eq!(needs(&lines), [&Need::PreparationShared]);
        assert_eq!(lines[0].key(), preparation_key(REL));
        assert_eq!(lines[0].href(), format!("/r/{REL}/prepare"));
        // My own shared answers are nothing I need to open.
        assert_eq!(needs_of(&device, Role::Mentor, "2026-12-03 09:00"), []);

        let seen = Seen::from([(preparation_key(REL), first)]);
        assert_eq!(
            unseen(needs_of(&device, Role::Mentee, "2026-12-03 09:00"), &seen),
            []
        );
        device.write(40, [SharedSet::Bring("Contacts".into())]);
        let again = unseen(needs_of(&device, Role::Mentee, "2026-12-03 09:00"), &seen);
        assert_eq!(needs(&again), [&Need::PreparationShared]);
    }

    #[test]
    fn preparation_my_partner_shared_and_emptied_again_needs_nothing() {
        let mut device = Device::new();
        let mut shared = Shared::new(Role::Mentor);
        shared.push(SharedSet::Want("Grow".into()));
        device.write(40, shared);
        device.write(40, [SharedSet::Want(String::new())]);
        assert_eq!(needs_of(&device, Role::Mentee, "2026-12-03 09:00"), []);
    }

    fn cadence(device: &mut Device) {
        device.write(
            30,
            [
                TermSet::Frequency(Some(Frequency::Biweekly)),
                TermSet::Weekday(Some(Day::Tue)),
                TermSet::Time(Some(NaiveTime::from_hms_opt(10, 0, 0).unwrap())),
                TermSet::Duration(Some(60)),
            ],
        );
    }

    #[test]
    fn no_session_planned_when_the_agreed_cadence_says_one_is_due_needs_me() {
        let mut device = Device::new();
        cadence(&mut device);
        session(&mut device, 5, "2026-11-10");
        // Every two weeks: due from 24 November, and nothing planned after 10 November.
        let lines = needs_of(&device, Role::Mentor, "2026-12-03 09:00");
        assert!(lines.iter().any(|l| l.need
            == Need::SessionDue {
                since: day("2026-11-24")
            }));
        assert!(!needs_of(&device, Role::Mentor, "2026-11-20 09:00")
            .iter()
            .any(|l| matches!(l.need, Need::SessionDue { .. })));
        session(&mut device, 6, "2026-12-08");
        assert!(!needs_of(&device, Role::Mentor, "2026-12-03 09:00")
            .iter()
            .any(|l| matches!(l.need, Need::SessionDue { .. })));
    }

    #[test]
    fn an_ended_relationship_needs_nothing() {
        let mut device = Device::new();
        item(&mut device, 1, Role::Mentee, "2026-12-01");
        let mut ended = view(REL, Role::Mentee);
        ended.ended_at = Some(made());
        assert_eq!(
            attention(&device.replica, &[ended], at("2026-12-03 09:00")),
            []
        );
    }

    #[test]
    fn a_dismissed_line_stays_hidden_until_what_it_is_about_changes() {
        let mut device = Device::new();
        let written = item(&mut device, 1, Role::Mentee, "2026-12-01");
        let line = needs_of(&device, Role::Mentee, "2026-12-03 09:00").remove(0);
        let seen = Seen::from([(line.key(), written)]);
        assert_eq!(
            unseen(needs_of(&device, Role::Mentee, "2026-12-03 09:00"), &seen),
            []
        );
        // The next day it is still the same overdue item: still dismissed.
        assert_eq!(
            unseen(needs_of(&device, Role::Mentee, "2026-12-04 09:00"), &seen),
            []
        );
        // Given a new due day that has passed too, it needs me again.
        device.write(1, [ActionSet::Due(Some(day("2026-12-02")))]);
        assert_eq!(
            unseen(needs_of(&device, Role::Mentee, "2026-12-04 09:00"), &seen).len(),
            1
        );
    }
}
