//! On Today, a mentor of several mentees sees one line for each: the next session, what needs
//! attention there, and the way to the brief.

use super::{
    mentees::{Flag, Mentee},
    messages::ScreenMsg,
    today_view::partner,
};
use crate::{
    i18n::{use_i18n, I18n},
    relationships::RelationshipView,
    roadmap::when,
};
use leptos::prelude::*;

fn flag_text(i18n: I18n, flag: Flag) -> String {
    match flag {
        Flag::Overdue(1) => i18n.t(ScreenMsg::FlagOverdueOne).to_owned(),
        Flag::Overdue(n) => i18n.fmt(ScreenMsg::FlagOverdue, &[&n.to_string()]),
        Flag::CheckinMissing => i18n.t(ScreenMsg::FlagCheckin).to_owned(),
        Flag::NoSession => i18n.t(ScreenMsg::FlagNoSession).to_owned(),
        Flag::Unsigned => i18n.t(ScreenMsg::FlagUnsigned).to_owned(),
        Flag::Changed => i18n.t(ScreenMsg::FlagChanged).to_owned(),
        Flag::NotPrepared => i18n.t(ScreenMsg::FlagNotPrepared).to_owned(),
    }
}

#[component]
pub fn MenteeLines(
    lines: Memo<Vec<Mentee>>,
    relationships: Memo<Vec<RelationshipView>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || lines.with(|l| l.len() > 1)>
            <section aria-labelledby="today-mentees">
                <h2 id="today-mentees">{i18n.tr(ScreenMsg::YourMentees)}</h2>
                <ul class="cards mentees">
                    <For each=move || lines.get() key=|m| (m.relationship, m.next.as_ref().map(|s| (s.id, s.starts())), m.flags.clone()) let:line>
                        <MenteeLine line relationships />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn MenteeLine(line: Mentee, relationships: Memo<Vec<RelationshipView>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = line.relationship;
    let line = StoredValue::new(line);
    // Followed, so that a mentee who joins or is renamed shows by their new name.
    let name = move || {
        relationships.with(|all| {
            all.iter()
                .find(|r| r.id == id)
                .map(|r| partner(i18n, r))
                .unwrap_or_default()
        })
    };
    let next = move || {
        line.with_value(|l| match &l.next {
            Some(s) => i18n.fmt(ScreenMsg::NextOn, &[&when(i18n, s)]),
            None => i18n.t(ScreenMsg::NoSessionPlanned).to_owned(),
        })
    };
    let flags = move || {
        line.with_value(|l| {
            l.flags
                .iter()
                .map(|f| view! { <li>{flag_text(i18n, *f)}</li> })
                .collect_view()
        })
    };
    view! {
        <li class="card mentee">
            <h3>{name}</h3>
            <p>{next}</p>
            <ul class="flags" hidden=move || line.with_value(|l| l.flags.is_empty())
                aria-label=move || i18n.fmt(ScreenMsg::FlagsOf, &[&name()])>
                {flags}
            </ul>
            <a href=format!("/r/{id}/brief") aria-label=move || i18n.fmt(ScreenMsg::OpenBriefWith, &[&name()])>
                {i18n.tr(ScreenMsg::OpenBrief)}
            </a>
        </li>
    }
}
