//! The brief in words: the lines its page shows, and the same as one Markdown document to
//! paste into notes or a message.

use super::{
    brief::{Brief, GoalSince, Tally},
    messages::ScreenMsg,
};
use crate::{
    action_items::ActionItem,
    agreement::Frequency,
    checkin::{CheckinMsg, Question},
    goals::{amount, pace_text, GoalMsg, Status},
    i18n::I18n,
    relationships::{relationship_name, RelationshipView, Role},
    roadmap::when,
};
use chrono::NaiveDate;

/// "Last met 23 days ago; you agreed every 2 weeks".
pub fn met_line(i18n: I18n, brief: &Brief, today: NaiveDate) -> String {
    let met = match brief.days_since(today) {
        None => i18n.t(ScreenMsg::NotMetYet).to_owned(),
        Some(0) => i18n.t(ScreenMsg::LastMetToday).to_owned(),
        Some(1) => i18n.t(ScreenMsg::LastMetYesterday).to_owned(),
        Some(days) => i18n.fmt(ScreenMsg::LastMetDays, &[&days.to_string()]),
    };
    let agreed = i18n.t(match brief.frequency {
        Some(Frequency::Weekly) => ScreenMsg::AgreedWeekly,
        Some(Frequency::Biweekly) => ScreenMsg::AgreedBiweekly,
        Some(Frequency::Monthly) => ScreenMsg::AgreedMonthly,
        None => ScreenMsg::NoFrequency,
    });
    format!("{met}; {agreed}")
}

/// Whom a person is in this relationship: their role, and "you" or the partner's name.
pub fn person(i18n: I18n, r: &RelationshipView, role: Role) -> String {
    let name = if role == r.my_role {
        Some(i18n.t(ScreenMsg::You).to_owned())
    } else {
        r.partner_name.clone()
    };
    // Headed by the role, which begins the line.
    let role = i18n.t(match role {
        Role::Mentee => ScreenMsg::Mentee,
        Role::Mentor => ScreenMsg::Mentor,
    });
    match name {
        Some(name) => format!("{role} ({name})"),
        None => role.to_owned(),
    }
}

/// A goal's line, with "achieved" or "dropped" when that happened since the last session.
pub fn goal_line(
    i18n: I18n,
    brief: &Brief,
    goal: &GoalSince,
    unit: &str,
    today: NaiveDate,
) -> Option<String> {
    let closed = match goal.goal.status {
        Status::Active => None,
        Status::Achieved => Some(i18n.t(ScreenMsg::AchievedSince)),
        Status::Partly => Some(i18n.t(ScreenMsg::PartlySince)),
        Status::Dropped => Some(i18n.t(ScreenMsg::DroppedSince)),
    };
    let values = values_line(i18n, brief, goal, unit);
    match (closed, values) {
        (Some(closed), Some(values)) => Some(format!("{values} · {closed}")),
        (Some(closed), None) => Some(closed.to_owned()),
        // A closed goal's pace means nothing any more; an open one's is the news.
        (None, values) => {
            let pace = pace_text(i18n, goal.measure.as_ref()?.pace(today), unit);
            Some(format!("{} · {}", values?, pace.trim()))
        }
    }
}

/// "2 → 5 of 6 talks since the last session".
fn values_line(i18n: I18n, brief: &Brief, goal: &GoalSince, unit: &str) -> Option<String> {
    let (measure, then) = (goal.measure.as_ref()?, goal.then?);
    let since = match brief.last {
        Some(_) => ScreenMsg::GoalSince,
        None => ScreenMsg::GoalSinceStart,
    };
    let values = i18n.fmt(
        since,
        &[
            &amount(then),
            &amount(measure.current()),
            &amount(measure.target),
            unit,
        ],
    );
    // A goal without a unit leaves no gap where the unit would be.
    Some(values.split_whitespace().collect::<Vec<_>>().join(" "))
}

pub fn tally_line(i18n: I18n, brief: &Brief, tally: &Tally) -> String {
    let since = match brief.last {
        Some(_) => ScreenMsg::TallyLine,
        None => ScreenMsg::TallyLineStart,
    };
    i18n.fmt(
        since,
        &[
            &tally.done.len().to_string(),
            &tally.open.len().to_string(),
            &tally.overdue.to_string(),
        ],
    )
}

/// An open item, marked when it is past its due day.
pub fn open_item(i18n: I18n, item: &ActionItem, today: NaiveDate) -> String {
    match item.due {
        Some(due) if due < today => format!(
            "{} ({})",
            item.title,
            i18n.fmt(ScreenMsg::OverdueSince, &[&i18n.day(due)])
        ),
        _ => item.title.clone(),
    }
}

pub fn promise_state(i18n: I18n, item: &ActionItem) -> &'static str {
    i18n.t(if item.done_at.is_some() {
        ScreenMsg::Delivered
    } else {
        ScreenMsg::NotDelivered
    })
}

pub fn question(i18n: I18n, question: Question) -> &'static str {
    i18n.t(match question {
        Question::Useful => CheckinMsg::Useful,
        Question::Next => CheckinMsg::Next,
        Question::Change => CheckinMsg::Change,
    })
}

/// The brief's title: whom it is with, or the relationship's name.
pub fn title(i18n: I18n, r: &RelationshipView) -> String {
    let with = match &r.partner_name {
        Some(name) => name.clone(),
        None => relationship_name(i18n, r),
    };
    i18n.fmt(ScreenMsg::BriefTitle, &[&with])
}

/// The whole brief as Markdown. `unit` names what each goal is counted in.
pub fn markdown(
    i18n: I18n,
    brief: &Brief,
    r: &RelationshipView,
    unit: impl Fn(&GoalSince) -> String,
    today: NaiveDate,
) -> String {
    let mut md = format!(
        "# {} — {}\n\n{}.\n",
        title(i18n, r),
        i18n.day(today),
        met_line(i18n, brief, today)
    );
    md.push_str(&format!("\n## {}\n\n", i18n.t(ScreenMsg::Goals)));
    for goal in &brief.goals {
        md.push_str(&format!("- **{}**", goal.goal.title));
        if let Some(line) = goal_line(i18n, brief, goal, &unit(goal), today) {
            md.push_str(&format!(": {line}"));
        }
        md.push('\n');
    }
    if brief.goals.is_empty() {
        md.push_str(&format!("{}\n", i18n.t(ScreenMsg::NoActiveGoals)));
    }

    md.push_str(&format!("\n## {}\n", i18n.t(ScreenMsg::ActionItems)));
    for role in [Role::Mentee, Role::Mentor] {
        let tally = brief.items_of(role);
        md.push_str(&format!(
            "\n### {}\n\n{}\n\n",
            person(i18n, r, role),
            tally_line(i18n, brief, tally)
        ));
        for item in &tally.done {
            md.push_str(&format!("- [x] {}\n", item.title));
        }
        for item in &tally.open {
            md.push_str(&format!("- [ ] {}\n", open_item(i18n, item, today)));
        }
    }

    md.push_str(&format!("\n## {}\n\n", i18n.t(ScreenMsg::Commitments)));
    for item in &brief.commitments {
        let mark = if item.done_at.is_some() { 'x' } else { ' ' };
        md.push_str(&format!(
            "- [{mark}] {} — {}\n",
            item.title,
            promise_state(i18n, item)
        ));
    }
    if brief.commitments.is_empty() {
        md.push_str(&format!("{}\n", i18n.t(ScreenMsg::NoCommitments)));
    }

    if let Some(last) = &brief.last {
        md.push_str(&format!(
            "\n## {}\n",
            i18n.fmt(ScreenMsg::LastCheckin, &[&when(i18n, last)])
        ));
        for answers in &brief.checkins {
            md.push_str(&format!(
                "\n### {}\n\n",
                person(i18n, r, answers.checkin.of)
            ));
            for q in Question::ALL {
                let answer = answers.checkin.answer(q).trim();
                if !answer.is_empty() {
                    // Its lines stay inside the list item.
                    let answer = answer.replace('\n', "\n  ");
                    md.push_str(&format!("- *{}* {answer}\n", question(i18n, q)));
                }
            }
        }
        if brief.checkins.is_empty() {
            md.push_str(&format!("\n{}\n", i18n.t(ScreenMsg::NoCheckin)));
        }
    }

    match &brief.next {
        Some(next) => {
            md.push_str(&format!(
                "\n## {}\n\n",
                i18n.fmt(ScreenMsg::ComingAgenda, &[&when(i18n, next)])
            ));
            if !next.theme.is_empty() {
                md.push_str(&format!("{}\n\n", next.theme));
            }
            for item in &brief.agenda {
                let carried = item
                    .carried_from
                    .map(|_| format!(" ({})", i18n.t(ScreenMsg::CarriedOver)))
                    .unwrap_or_default();
                md.push_str(&format!("- {}{carried}\n", item.text));
            }
            if brief.agenda.is_empty() {
                md.push_str(&format!("{}\n", i18n.t(ScreenMsg::NothingOnAgenda)));
            }
        }
        None => md.push_str(&format!("\n{}\n", i18n.t(ScreenMsg::NoSessionPlanned))),
    }
    md
}

/// What a goal measured by milestones counts in; a number's own unit otherwise.
pub fn unit_of(i18n: I18n, goal: &GoalSince) -> String {
    if goal.goal.by_number() {
        goal.goal.unit.clone()
    } else {
        i18n.t(GoalMsg::MilestonesUnit).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        action_items::{ActionItem, ActionSet, Commitment},
        goals::{Goal, GoalSet, Status, Update, UpdateSet},
        i18n::Locale,
        screens::{
            brief::brief,
            fixture::{at, day, made, view, Device, REL},
        },
    };
    use leptos::prelude::Owner;
    use uuid::Uuid;

    #[test]
    fn the_markdown_holds_the_goals_both_persons_items_and_the_promises() {
        let owner = Owner::new();
        owner.set();
        let i18n = I18n::new(Locale::En);
        let mut device = Device::new();
        let mut goal = Goal::new("Give talks".into(), Status::Active, made());
        goal.extend([
            GoalSet::Start(Some(0.0)),
            GoalSet::Target(Some(6.0)),
            GoalSet::Unit("talks".into()),
        ]);
        device.write(10, goal);
        let mut update = Update::new(Uuid::from_u128(10), day("2026-12-01"), made(), Role::Mentee);
        update.push(UpdateSet::Value(Some(2.0)));
        device.write(11, update);
        device.write(
            20,
            ActionItem::new("Read the book".into(), Role::Mentee, made()),
        );
        let mut promise = ActionItem::new("Introduce to Sam".into(), Role::Mentor, made());
        promise.push(ActionSet::Commitment(Some(Commitment::Contact)));
        device.write(21, promise);

        let now = at("2026-12-04 09:00");
        let b = brief(&device.replica, REL, now);
        let md = markdown(
            i18n,
            &b,
            &view(REL, Role::Mentor),
            |g| unit_of(i18n, g),
            now.date(),
        );
        assert!(md.starts_with("# Brief: Partner — "), "{md}");
        assert!(
            md.contains("Not met yet; no meeting frequency agreed yet."),
            "{md}"
        );
        assert!(
            md.contains("## Goals\n\n- **Give talks**: 0 → 2 of 6 talks since the start · "),
            "{md}"
        );
        assert!(
            md.contains("### Mentee (Partner)\n\nDone since the start: 0 · open: 1 · overdue: 0\n\n- [ ] Read the book\n"),
            "{md}"
        );
        assert!(md.contains("### Mentor (you)\n"), "{md}");
        assert!(
            md.contains("- [ ] Introduce to Sam — not yet delivered\n"),
            "{md}"
        );
    }

    #[test]
    fn a_goal_dropped_since_the_last_session_says_so_instead_of_its_pace() {
        let owner = Owner::new();
        owner.set();
        let mut device = Device::new();
        device.session_in(REL, 1, "2026-12-01");
        let mut goal = Goal::new("Give talks".into(), Status::Active, made());
        goal.extend([GoalSet::Start(Some(0.0)), GoalSet::Target(Some(6.0))]);
        device.write(10, goal);
        device.clock_at("2026-12-02 12:00");
        device.write(10, [GoalSet::Status(Status::Dropped)]);
        let now = at("2026-12-04 09:00");
        let b = brief(&device.replica, REL, now);
        for (locale, line) in [
            (
                Locale::En,
                "0 → 0 of 6 since the last session · dropped since the last session",
            ),
            (
                Locale::Nl,
                "0 → 0 van 6 sinds de vorige sessie · losgelaten sinds de vorige sessie",
            ),
        ] {
            let i18n = I18n::new(locale);
            assert_eq!(
                goal_line(i18n, &b, &b.goals[0], "", now.date()).as_deref(),
                Some(line)
            );
        }
    }
}
