//! A person's relationships as one Markdown document to keep and read anywhere: the agreement,
//! the goals with their progress, the sessions with their agendas, notes and check-ins, and the
//! action items. Made from what the device holds, so offline too; the brief's words are reused.

use super::{
    brief_text::{person, question},
    messages::ScreenMsg,
};
use crate::{
    action_items::{ActionItem, ActionItemMsg},
    agreement::{term_lines, AgreeMsg, Agreement},
    checkin::{Checkin, CheckinMsg, Question},
    closing::{ClosingMsg, Reflection},
    goals::{amount, pace_text, Goal, GoalMsg, Records, Status},
    i18n::I18n,
    notes::{private_id, shared_id, PrivateNotes, SharedNotes},
    relationships::{relationship_name, RelationshipMsg, RelationshipView, Role},
    roadmap::{agenda_items, sessions, when, Session},
    sync::{declare::RecordKind, engine::local_time, replica::Replica},
};
use chrono::{DateTime, NaiveDate, Utc};

/// Every relationship of `list` in turn, each under its own title.
pub fn markdown(
    i18n: I18n,
    list: &[RelationshipView],
    replica: &Replica,
    today: NaiveDate,
) -> String {
    let mut md = String::new();
    for r in list {
        if !md.is_empty() {
            md.push('\n');
        }
        relationship(&mut md, i18n, r, replica, today);
    }
    if list.is_empty() {
        md.push_str(&format!("{}\n", i18n.t(ScreenMsg::NoRelationshipYet)));
    }
    md
}

fn relationship(
    md: &mut String,
    i18n: I18n,
    r: &RelationshipView,
    replica: &Replica,
    today: NaiveDate,
) {
    md.push_str(&format!(
        "# {}\n\n{} · {}\n",
        relationship_name(i18n, r),
        person(i18n, r, Role::Mentee),
        person(i18n, r, Role::Mentor)
    ));
    let dates: Vec<String> = [
        (RelationshipMsg::StartedOn, r.started_at),
        (RelationshipMsg::EndedOn, r.ended_at),
    ]
    .into_iter()
    .filter_map(|(msg, at)| Some(i18n.fmt(msg, &[&day_of(i18n, at?)])))
    .collect();
    if !dates.is_empty() {
        md.push_str(&format!("\n{}\n", dates.join(" · ")));
    }
    agreement(md, i18n, &Agreement::read(replica, r.id));
    goals(md, i18n, &Records::read(replica, r.id), today);
    sessions_of(md, i18n, r, replica);
    items(md, i18n, r, replica);
    reflections(md, i18n, r, replica);
}

fn agreement(md: &mut String, i18n: I18n, agreement: &Agreement) {
    md.push_str(&format!("\n## {}\n\n", i18n.t(AgreeMsg::Title)));
    let signed = agreement.versions.first();
    let state = match signed {
        Some((at, _)) if agreement.signed_by_both() => {
            i18n.fmt(AgreeMsg::VersionOf, &[&day_of(i18n, *at)])
        }
        Some(_) => i18n.t(ScreenMsg::FlagChanged).to_owned(),
        None => i18n.t(ScreenMsg::FlagUnsigned).to_owned(),
    };
    md.push_str(&format!("{state}.\n\n"));
    terms(md, i18n, &agreement.terms);
    if let Some((at, terms_signed)) = signed.filter(|_| !agreement.signed_by_both()) {
        md.push_str(&format!(
            "\n### {}\n\n",
            i18n.fmt(AgreeMsg::VersionOf, &[&day_of(i18n, *at)])
        ));
        terms(md, i18n, terms_signed);
    }
}

fn terms(md: &mut String, i18n: I18n, terms: &crate::agreement::Terms) {
    let lines = term_lines(i18n, terms);
    for line in &lines {
        md.push_str(&list_item(&capitalized(line)));
    }
    if lines.is_empty() {
        md.push_str(&format!("{}\n", i18n.t(AgreeMsg::NotChosen)));
    }
}

fn goals(md: &mut String, i18n: I18n, records: &Records, today: NaiveDate) {
    md.push_str(&format!("\n## {}\n", i18n.t(GoalMsg::Title)));
    if records.goals.is_empty() {
        md.push_str(&format!("\n{}\n", i18n.t(GoalMsg::NoGoals)));
    }
    for goal in &records.goals {
        md.push_str(&format!("\n### {}\n\n", goal.title));
        match goal.status {
            Status::Active => {}
            Status::Achieved => md.push_str(&format!("*{}*\n\n", i18n.t(GoalMsg::AchievedLine))),
            Status::Partly => md.push_str(&format!("*{}*\n\n", i18n.t(GoalMsg::PartlyLine))),
            Status::Dropped => md.push_str(&format!(
                "*{}*\n\n",
                i18n.fmt(GoalMsg::DroppedLine, &[goal.drop_reason.trim()])
                    .trim_end_matches([' ', ':'])
            )),
        }
        if !goal.description.trim().is_empty() {
            md.push_str(&format!("{}\n\n", goal.description.trim()));
        }
        progress(md, i18n, goal, records, today);
        let milestones = records.milestones_of(goal.id);
        if !milestones.is_empty() {
            md.push_str(&format!("\n#### {}\n\n", i18n.t(GoalMsg::Milestones)));
        }
        for m in milestones {
            match records.done_on(m) {
                Some(on) => md.push_str(&format!(
                    "- [x] {}\n",
                    i18n.fmt(GoalMsg::MilestoneDone, &[&m.title, &i18n.day(on)])
                )),
                None => md.push_str(&format!("- [ ] {}\n", m.title)),
            }
        }
        let mut updates = records
            .updates
            .iter()
            .filter(|u| u.goal == goal.id)
            .peekable();
        if updates.peek().is_some() {
            md.push_str(&format!("\n#### {}\n\n", i18n.t(GoalMsg::Updates)));
        }
        for update in updates {
            let parts: Vec<String> = [
                update.value.map(amount),
                Some(update.note.trim().to_owned()).filter(|n| !n.is_empty()),
            ]
            .into_iter()
            .flatten()
            .collect();
            md.push_str(&list_item(&format!(
                "{}: {}",
                i18n.day(update.date),
                parts.join(" — ")
            )));
        }
    }
}

/// "Progress: 2 of 6 talks", its pace while the goal is open, and its target date.
fn progress(md: &mut String, i18n: I18n, goal: &Goal, records: &Records, today: NaiveDate) {
    let unit = if goal.by_number() {
        goal.unit.clone()
    } else {
        i18n.t(GoalMsg::MilestonesUnit).to_owned()
    };
    if let Some(m) = goal.measure(local_time(goal.created_at).date(), records) {
        let value = i18n.fmt(
            GoalMsg::ValueOfTarget,
            &[&amount(m.current()), &amount(m.target), &unit],
        );
        md.push_str(&format!(
            "- {}\n",
            i18n.fmt(GoalMsg::Progress, &[value.trim()])
        ));
        if goal.status == Status::Active {
            md.push_str(&format!(
                "- {}\n",
                pace_text(i18n, m.pace(today), &unit).trim()
            ));
        }
    }
    if let Some(by) = goal.target_date {
        md.push_str(&format!(
            "- {}: {}\n",
            i18n.t(GoalMsg::TargetDate),
            i18n.day(by)
        ));
    }
}

fn sessions_of(md: &mut String, i18n: I18n, r: &RelationshipView, replica: &Replica) {
    md.push_str(&format!("\n## {}\n", i18n.t(ScreenMsg::Sessions)));
    let all = sessions(replica, r.id);
    if all.is_empty() {
        md.push_str(&format!("\n{}\n", i18n.t(ScreenMsg::NoSessionPlanned)));
    }
    let agenda = agenda_items(replica, r.id);
    for s in &all {
        session(md, i18n, s);
        let mut items = agenda.iter().filter(|i| i.session == s.id).peekable();
        if items.peek().is_some() {
            md.push_str(&format!("\n#### {}\n\n", i18n.t(ScreenMsg::Agenda)));
        }
        for item in items {
            let mark = if item.discussed { 'x' } else { ' ' };
            let carried = item
                .carried_from
                .map(|_| format!(" ({})", i18n.t(ScreenMsg::CarriedOver)))
                .unwrap_or_default();
            md.push_str(&format!("- [{mark}] {}{carried}\n", item.text));
        }
        let shared = SharedNotes::find(replica, shared_id(r.id, s.id)).map(|n| n.text);
        let private =
            PrivateNotes::find(replica, private_id(r.id, s.id, r.my_role)).map(|n| n.text);
        for (label, text) in [
            (ScreenMsg::SharedNotes, shared),
            (ScreenMsg::PrivateNotes, private),
        ] {
            if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
                md.push_str(&format!("\n#### {}\n\n{}\n", i18n.t(label), text.trim()));
            }
        }
        for role in [Role::Mentee, Role::Mentor] {
            if let Some(answers) = Checkin::answers(replica, r.id, s.id, role) {
                checkin(md, i18n, r, &answers.checkin);
            }
        }
    }
}

/// A session's heading: when, and its theme.
fn session(md: &mut String, i18n: I18n, s: &Session) {
    md.push_str(&format!("\n### {}", when(i18n, s)));
    if !s.theme.trim().is_empty() {
        md.push_str(&format!(" — {}", s.theme.trim()));
    }
    md.push('\n');
    if !s.place.trim().is_empty() {
        md.push_str(&format!(
            "\n{}: {}\n",
            i18n.t(AgreeMsg::Place),
            s.place.trim()
        ));
    }
}

fn checkin(md: &mut String, i18n: I18n, r: &RelationshipView, checkin: &Checkin) {
    md.push_str(&format!(
        "\n#### {}\n\n",
        i18n.fmt(CheckinMsg::CheckedInBy, &[&person(i18n, r, checkin.of)])
    ));
    for q in Question::ALL {
        let answer = checkin.answer(q).trim();
        if !answer.is_empty() {
            md.push_str(&list_item(&format!("*{}* {answer}", question(i18n, q))));
        }
    }
    if let Some(rating) = checkin.rating {
        md.push_str(&format!(
            "- {}\n",
            i18n.fmt(CheckinMsg::Rated, &[&rating.to_string()])
        ));
    }
}

fn items(md: &mut String, i18n: I18n, r: &RelationshipView, replica: &Replica) {
    md.push_str(&format!("\n## {}\n", i18n.t(ActionItemMsg::ActionItems)));
    let mut all: Vec<ActionItem> = replica
        .of(r.id, &ActionItem::SPEC.kind)
        .filter_map(|(id, record)| ActionItem::read(*id, record))
        .collect();
    all.sort_by_key(|i| (i.due.is_none(), i.due, i.created_at, i.id));
    for role in [Role::Mentee, Role::Mentor] {
        md.push_str(&format!("\n### {}\n\n", person(i18n, r, role)));
        let mut mine = all.iter().filter(|i| i.owner == role).peekable();
        if mine.peek().is_none() {
            md.push_str(&format!("{}\n", i18n.t(ScreenMsg::NoItems)));
        }
        for item in mine {
            let mut line = item.title.clone();
            if let Some(due) = item.due {
                line.push_str(&format!(
                    " — {}",
                    i18n.fmt(ActionItemMsg::DueOn, &[&i18n.day(due)])
                ));
            }
            if let Some(done) = item.done_at {
                line.push_str(&format!(
                    " — {}",
                    i18n.fmt(ActionItemMsg::DoneAt, &[&day_of(i18n, done)])
                ));
            }
            if !item.notes.trim().is_empty() {
                line.push_str(&format!("\n{}", item.notes.trim()));
            }
            let mark = if item.done_at.is_some() { 'x' } else { ' ' };
            md.push_str(&list_item(&format!("[{mark}] {line}")));
        }
    }
}

/// The closing reflections given, when there are any.
fn reflections(md: &mut String, i18n: I18n, r: &RelationshipView, replica: &Replica) {
    let given: Vec<Reflection> = [Role::Mentee, Role::Mentor]
        .into_iter()
        .filter_map(|role| Reflection::of(replica, r.id, role))
        .collect();
    if given.is_empty() {
        return;
    }
    md.push_str(&format!("\n## {}\n", i18n.t(ClosingMsg::Reflections)));
    for reflection in given {
        md.push_str(&format!(
            "\n### {}\n\n",
            i18n.fmt(ClosingMsg::ReflectionOf, &[&person(i18n, r, reflection.by)])
        ));
        for (asked, answer) in [
            (ClosingMsg::Gained, &reflection.gained),
            (ClosingMsg::Differently, &reflection.differently),
        ] {
            if !answer.trim().is_empty() {
                md.push_str(&list_item(&format!(
                    "*{}* {}",
                    i18n.t(asked),
                    answer.trim()
                )));
            }
        }
        if let Some(rating) = reflection.rating {
            md.push_str(&format!(
                "- {}\n",
                i18n.fmt(ClosingMsg::Rated, &[&rating.to_string()])
            ));
        }
    }
}

/// A list item whose further lines stay inside it.
fn list_item(text: &str) -> String {
    format!("- {}\n", text.replace('\n', "\n  "))
}

/// "The scope: …" for the agreement page's "the scope: …", which reads inside a sentence.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The day of an instant where the reader is.
fn day_of(i18n: I18n, at: DateTime<Utc>) -> String {
    i18n.date(local_time(at).and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        action_items::ActionSet,
        agreement::{canonical, Frequency, Signature, SignatureSet, TermSet},
        checkin::{checkin_id, CheckinSet},
        closing::{reflection_id, ReflectionSet},
        goals::{GoalSet, Update, UpdateSet},
        i18n::Locale,
        notes::{PrivateSet, SharedSet},
        roadmap::{AgendaItem, AgendaSet, SessionSet},
        screens::fixture::{at, day, instant, made, view, Device, REL},
    };
    use leptos::prelude::Owner;
    use uuid::Uuid;

    /// A mentor's device after one session of a small relationship.
    fn device() -> Device {
        let mut device = Device::new();
        device.write(
            30,
            [
                TermSet::Scope("Public speaking".into()),
                TermSet::Frequency(Some(Frequency::Biweekly)),
            ],
        );
        let terms = canonical(&Agreement::read(&device.replica, REL).terms);
        for (id, role) in [(31, Role::Mentor), (32, Role::Mentee)] {
            let mut writes = Signature::new(role, instant("2026-11-10 12:00"));
            writes.push(SignatureSet::Terms(terms.clone()));
            device.write(id, writes);
        }
        let mut goal = Goal::new("Give talks".into(), Status::Active, made());
        goal.extend([
            GoalSet::Start(Some(0.0)),
            GoalSet::Target(Some(6.0)),
            GoalSet::Unit("talks".into()),
            GoalSet::TargetDate(Some(day("2027-06-01"))),
        ]);
        device.write(10, goal);
        let mut update = Update::new(Uuid::from_u128(10), day("2026-12-01"), made(), Role::Mentee);
        update.extend([
            UpdateSet::Value(Some(2.0)),
            UpdateSet::Note("Two meetups\nboth recorded".into()),
        ]);
        device.write(11, update);

        device.session_in(REL, 1, "2026-12-01");
        device.write(1, [SessionSet::Theme("Nerves".into())]);
        let session = Uuid::from_u128(1);
        let mut agenda = AgendaItem::new(session, "Breathing".into());
        agenda.push(AgendaSet::Discussed(true));
        device.write(40, agenda);
        let mut shared = SharedNotes::new(session);
        shared.push(SharedSet::Text("Practise twice a week.".into()));
        device.write(shared_id(REL, session).as_u128(), shared);
        let mut private = PrivateNotes::new(session);
        private.push(PrivateSet::Text("Ask about the venue.".into()));
        device.write(private_id(REL, session, Role::Mentor).as_u128(), private);
        let mut checkin = Checkin::new(session, Role::Mentee);
        checkin.extend([
            CheckinSet::Useful("The breathing".into()),
            CheckinSet::Rating(Some(5)),
        ]);
        let id = checkin_id(REL, session, Role::Mentee, Role::Mentee);
        device.write(id.as_u128(), checkin);

        let mut item = ActionItem::new("Book a room".into(), Role::Mentee, made());
        item.push(ActionSet::Due(Some(day("2026-12-08"))));
        device.write(20, item);
        let mut promise = ActionItem::new("Introduce to Sam".into(), Role::Mentor, made());
        promise.push(ActionSet::DoneAt(Some(instant("2026-12-02 09:00"))));
        device.write(21, promise);
        device
    }

    #[test]
    fn a_small_relationship_reads_as_this_document() {
        let owner = Owner::new();
        owner.set();
        let device = device();
        let md = markdown(
            I18n::new(Locale::En),
            &[view(REL, Role::Mentor)],
            &device.replica,
            at("2026-12-04 09:00").date(),
        );
        assert_eq!(
            md,
            concat!(
                "# Mentoring with Partner\n",
                "\n",
                "Mentee (Partner) · Mentor (you)\n",
                "\n",
                "Started 27 Nov 2026\n",
                "\n",
                "## Agreement\n",
                "\n",
                "Signed by both on 10 Nov 2026.\n",
                "\n",
                "- The scope: Public speaking\n",
                "- How often you meet: Every 2 weeks\n",
                "\n",
                "## Goals\n",
                "\n",
                "### Give talks\n",
                "\n",
                "- Progress: 2 of 6 talks\n",
                "- On track: ahead by 1.8 talks\n",
                "- Target date: 1 Jun 2027\n",
                "\n",
                "#### Progress so far\n",
                "\n",
                "- 1 Dec 2026: 2 — Two meetups\n",
                "  both recorded\n",
                "\n",
                "## Sessions\n",
                "\n",
                "### Tue 1 Dec 2026, 10:00–11:00 — Nerves\n",
                "\n",
                "#### Agenda\n",
                "\n",
                "- [x] Breathing\n",
                "\n",
                "#### Shared notes\n",
                "\n",
                "Practise twice a week.\n",
                "\n",
                "#### My private notes\n",
                "\n",
                "Ask about the venue.\n",
                "\n",
                "#### Check-in: Mentee (Partner)\n",
                "\n",
                "- *What was useful about our conversation today?* The breathing\n",
                "- Rated 5 out of 5.\n",
                "\n",
                "## Action items\n",
                "\n",
                "### Mentee (Partner)\n",
                "\n",
                "- [ ] Book a room — Due 8 Dec 2026\n",
                "\n",
                "### Mentor (you)\n",
                "\n",
                "- [x] Introduce to Sam — Done 2 Dec 2026\n",
            )
        );
    }

    #[test]
    fn the_closing_reflections_given_end_the_document() {
        let owner = Owner::new();
        owner.set();
        let mut device = device();
        let mut mine = Reflection::new(Role::Mentee);
        mine.extend([
            ReflectionSet::Gained("Courage on stage".into()),
            ReflectionSet::Rating(Some(4)),
        ]);
        device.write(reflection_id(REL, Role::Mentee).as_u128(), mine);
        // Begun and cleared again: not given.
        let cleared = [
            ReflectionSet::By(Role::Mentor),
            ReflectionSet::Gained(" ".into()),
        ];
        device.write(reflection_id(REL, Role::Mentor).as_u128(), cleared);
        let md = markdown(
            I18n::new(Locale::En),
            &[view(REL, Role::Mentor)],
            &device.replica,
            at("2026-12-04 09:00").date(),
        );
        assert!(
            md.ends_with(concat!(
                "- [x] Introduce to Sam — Done 2 Dec 2026\n",
                "\n",
                "## Closing reflections\n",
                "\n",
                "### Reflection of Mentee (Partner)\n",
                "\n",
                "- *What did you gain from this relationship?* Courage on stage\n",
                "- Rated 4 out of 5.\n",
            )),
            "{md}"
        );
    }

    #[test]
    fn the_document_is_in_the_readers_language() {
        let owner = Owner::new();
        owner.set();
        let md = markdown(
            I18n::new(Locale::Nl),
            &[view(REL, Role::Mentor)],
            &device().replica,
            at("2026-12-04 09:00").date(),
        );
        for line in [
            "## Afspraken\n",
            "## Doelen\n",
            "## Sessies\n",
            "#### Mijn privénotities\n",
            "### Mentee (Partner)\n",
        ] {
            assert!(md.contains(line), "{line} in {md}");
        }
    }
}
