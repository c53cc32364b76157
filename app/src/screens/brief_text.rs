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
    goals::{amount, pace_text, GoalMsg},
    i18n::I18n,
    relationships::{relationship_name, role_name, RelationshipView, Role},
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
    match name {
        Some(name) => format!("{} ({name})", role_name(i18n, role)),
        None => role_name(i18n, role).to_owned(),
    }
}

/// "2 → 5 of 6 talks since the last session", and its pace.
pub fn goal_line(
    i18n: I18n,
    brief: &Brief,
    goal: &GoalSince,
    unit: &str,
    today: NaiveDate,
) -> Option<String> {
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
    let pace = pace_text(i18n, measure.pace(today), unit);
    Some(format!("{} · {}", values.trim(), pace.trim()))
}

pub fn tally_line(i18n: I18n, tally: &Tally) -> String {
    i18n.fmt(
        ScreenMsg::TallyLine,
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
    let mut section = |heading: &str| md.push_str(&format!("\n## {heading}\n\n"));
    section(i18n.t(ScreenMsg::Goals));
    let mut body = String::new();
    for goal in &brief.goals {
        let line = goal_line(i18n, brief, goal, &unit(goal), today);
        body.push_str(&format!("- **{}**", goal.goal.title));
        if let Some(line) = line {
            body.push_str(&format!(": {line}"));
        }
        body.push('\n');
    }
    if brief.goals.is_empty() {
        body.push_str(&format!("{}\n", i18n.t(ScreenMsg::NoActiveGoals)));
    }
    md.push_str(&body);

    md.push_str(&format!("\n## {}\n", i18n.t(ScreenMsg::ActionItems)));
    for role in [Role::Mentee, Role::Mentor] {
        let tally = brief.items_of(role);
        md.push_str(&format!(
            "\n### {}\n\n{}\n\n",
            person(i18n, r, role),
            tally_line(i18n, tally)
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
