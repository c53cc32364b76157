//! The goals a session serves, ticked on its page; each goal can also become its theme.

use super::{messages::CheckinMsg, page::Context};
use crate::{
    goals::{Goal, GoalMsg, Status},
    i18n::use_i18n,
    roadmap::{served_id, served_writes, serves, Served, Session, SessionSet},
    sync::{declare::RecordKind, engine::use_sync},
    ui::form::ENDED_NOTE,
};
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn SessionGoals(context: Context) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let (relationship, session) = (context.relationship, context.session);
    // Goals still worked on, and those this session serves whatever became of them since.
    let goals: Memo<Option<Vec<(Uuid, String, bool)>>> = Memo::new(move |_| {
        sync.device.with(|d| {
            let d = d.as_ref()?;
            let goals: Vec<(Uuid, String, bool)> = d
                .local
                .of(relationship, &Goal::SPEC.kind)
                .filter_map(|(id, r)| Goal::read(*id, r))
                .map(|g| {
                    (
                        g.id,
                        g.title,
                        serves(&d.local, relationship, session, g.id),
                        g.status,
                    )
                })
                .filter(|(.., served, status)| *served || *status == Status::Active)
                .map(|(id, title, served, _)| (id, title, served))
                .collect();
            Some(goals)
        })
    });
    let tick = move |goal: Uuid, served: bool| {
        sync.edit(
            Served::at(served_id(relationship, session, goal), relationship),
            served_writes(session, goal, served),
        );
    };
    let theme = move |title: String| {
        sync.edit(
            Session::at(session, relationship),
            [SessionSet::Theme(title)],
        );
    };
    let line = move |(goal, title, _): (Uuid, String, bool)| {
        let served = move || {
            goals.with(|g| {
                g.iter()
                    .flatten()
                    .any(|(id, _, served)| *id == goal && *served)
            })
        };
        let as_theme = title.clone();
        let label = i18n.fmt(CheckinMsg::UseAsTheme, &[&title]);
        view! {
            <li>
                <label class="check">
                    <input type="checkbox" prop:checked=served disabled=move || context.ended.get()
                        aria-describedby=move || context.ended.get().then_some(ENDED_NOTE)
                        on:change=move |ev| tick(goal, event_target_checked(&ev)) />
                    {title}
                </label>
                " "
                <button class="button link" hidden=move || context.ended.get() aria-label=label
                    on:click=move |_| theme(as_theme.clone())>
                    {i18n.tr(CheckinMsg::AsTheme)}
                </button>
            </li>
        }
    };
    view! {
        <section class="panel" aria-labelledby="served-heading">
            <h2 id="served-heading">{i18n.tr(CheckinMsg::Serves)}</h2>
            <p class="hint">{i18n.tr(CheckinMsg::ServesHint)}</p>
            <Show when=move || goals.with(|g| g.as_ref().is_some_and(Vec::is_empty))>
                <p>
                    {i18n.tr(GoalMsg::NoGoals)}" "
                    <a href=format!("/r/{relationship}/goals")>{i18n.tr(GoalMsg::OpenGoals)}</a>
                </p>
            </Show>
            <ul class="served">
                <For each=move || goals.get().unwrap_or_default() key=|g| g.0 children=line />
            </ul>
        </section>
    }
}
