//! The goals page: the mentee's goals with their progress, a form for new ones, and the history.

use super::{
    form::{letter_name, parse_number, GoalForm},
    kind::{read_all, Field, Goal, Status, Update, UpdateField, GOAL, UPDATE},
    messages::GoalMsg,
    progress::amount,
    progress_view::GoalProgress,
};
use crate::{
    i18n::{use_i18n, Msg},
    relationships::{relationship_name, use_directory, RelationshipFrame, RelationshipView, Role},
    sync::{
        client::RecordRef,
        engine::{local_time, now_millis, today, use_sync},
        schema::{check_value, parse_date},
    },
    ui::form::rejection_text,
};
use leptos::{ev::SubmitEvent, prelude::*};
use serde_json::Value;
use uuid::Uuid;

#[component]
pub fn GoalsPage() -> impl IntoView {
    view! { <RelationshipFrame page=|r, _| view! { <Goals r /> }.into_any() /> }
}

/// The relationship's goals and updates as the device has them: `None` until it is read.
type Data = Memo<Option<(Vec<Goal>, Vec<Update>)>>;

#[component]
fn Goals(r: RelationshipView) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let relationship = r.id;
    let data: Data = Memo::new(move |_| {
        sync.device
            .with(|d| d.as_ref().map(|d| read_all(&d.local, relationship)))
    });
    let ids = move |active: bool| {
        data.with(|d| {
            d.as_ref().map_or_else(Vec::new, |(goals, _)| {
                goals
                    .iter()
                    .filter(|g| (g.status == Status::Active) == active)
                    .map(|g| g.id)
                    .collect::<Vec<_>>()
            })
        })
    };
    let adding = RwSignal::new(false);
    let me = r.my_role;
    let directory = use_directory();
    let initial = r.clone();
    let r = Memo::new(move |_| {
        directory
            .get(relationship)
            .unwrap_or_else(|| initial.clone())
    });
    let ended = Signal::derive(move || r.with(|r| r.ended_at.is_some()));
    // Nothing to add to until the device is read (an edit then would be lost), nor once ended.
    let can_add = move || !adding.get() && data.with(Option::is_some) && !ended.get();
    view! {
        <section class="panel">
            <p class="crumb">
                <a href=format!("/r/{relationship}")>{move || r.with(|r| relationship_name(i18n, r))}</a>
            </p>
            <h1>{i18n.tr(GoalMsg::Title)}</h1>
            <p>{i18n.tr(GoalMsg::Intro)}</p>
            <Show when=can_add>
                <button class="button primary" on:click=move |_| adding.set(true)>{i18n.tr(GoalMsg::NewGoal)}</button>
            </Show>
            <Show when=move || adding.get()>
                <h2>{i18n.tr(GoalMsg::NewGoal)}</h2>
                <GoalForm relationship goal=None done=move |()| adding.set(false) />
            </Show>
        </section>
        <Show when=move || data.with(Option::is_some) fallback=move || view! { <p class="panel">{i18n.tr(Msg::Loading)}</p> }>
            <Show when=move || ids(true).is_empty() && !adding.get()>
                <p class="panel empty">{i18n.tr(GoalMsg::NoGoals)}</p>
            </Show>
            <For each=move || ids(true) key=|id| *id let:id>
                <GoalCard id data relationship me ended />
            </For>
            <Show when=move || !ids(false).is_empty()>
                <section class="panel">
                    <h2>{i18n.tr(GoalMsg::History)}</h2>
                    <ul class="goal-history">
                        <For each=move || ids(false) key=|id| *id let:id>
                            <li>{move || history_line(i18n, data, id)}</li>
                        </For>
                    </ul>
                </section>
            </Show>
        </Show>
    }
}

fn history_line(i18n: crate::i18n::I18n, data: Data, id: Uuid) -> String {
    data.with(|d| {
        let goal = d.as_ref()?.0.iter().find(|g| g.id == id)?;
        let status = match goal.status {
            Status::Dropped => i18n.fmt(GoalMsg::DroppedLine, &[&goal.drop_reason]),
            _ => i18n.t(GoalMsg::AchievedLine).to_owned(),
        };
        Some(format!(
            "{} — {}",
            goal.title,
            status.trim_end_matches(": ")
        ))
    })
    .unwrap_or_default()
}

/// One active goal: what it is, what it misses, its progress, and what can be done with it.
#[component]
fn GoalCard(
    id: Uuid,
    data: Data,
    relationship: Uuid,
    me: Role,
    ended: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let goal = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .and_then(|(g, _)| g.iter().find(|g| g.id == id).cloned())
        })
    });
    let editing = RwSignal::new(false);
    let dropping = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let record = RecordRef {
        id,
        relationship,
        kind: GOAL.kind,
        private: false,
    };
    let set_status = move |status: Status, why: String| {
        sync.edit(
            record.clone(),
            vec![
                (Field::Status.name(), Value::from(status.as_str())),
                (Field::DropReason.name(), Value::from(why)),
            ],
        )
    };
    let achieved = set_status.clone();
    let measure = move || {
        let goal = goal.get()?;
        let since = goal
            .created_at
            .map_or_else(today, |at| local_time(at).date());
        data.with(|d| goal.measure(since, d.as_ref().map_or(&[][..], |(_, u)| u)))
    };
    let missing = move || {
        let letters = goal.with(|g| {
            g.as_ref()
                .map(|g| g.outline().missing())
                .unwrap_or_default()
        });
        (!letters.is_empty()).then(|| {
            let names: Vec<&str> = letters
                .into_iter()
                .map(|l| i18n.t(letter_name(l)))
                .collect();
            i18n.fmt(GoalMsg::StillMissing, &[&names.join(", ")])
        })
    };
    let field =
        move |f: fn(&Goal) -> String| move || goal.with(|g| g.as_ref().map(f).unwrap_or_default());
    view! {
        <article class="panel goal" aria-labelledby=format!("goal-{id}-title")>
            <h2 id=format!("goal-{id}-title")>{field(|g| g.title.clone())}</h2>
            <p>{field(|g| g.description.clone())}</p>
            <p class="hint">{missing}</p>
            {move || measure().map(|measure| {
                let unit = goal.with(|g| g.as_ref().map(|g| g.unit.clone()).unwrap_or_default());
                view! { <GoalProgress measure unit today=today() /> }
            })}
            <Updates id data />
            <Show when=move || editing.get() fallback=move || view! {
                <div hidden=move || ended.get()>
                <LogProgress goal=id relationship me />
                <div class="actions">
                    <button class="button secondary" on:click=move |_| editing.set(true)>{i18n.tr(Msg::Edit)}</button>
                    <button class="button secondary" on:click={
                        let achieved = achieved.clone();
                        move |_| achieved(Status::Achieved, String::new())
                    }>{i18n.tr(GoalMsg::MarkAchieved)}</button>
                    <button class="button secondary" hidden=dropping on:click=move |_| dropping.set(true)>
                        {i18n.tr(GoalMsg::DropGoal)}
                    </button>
                </div>
                </div>
            }>
                <GoalForm relationship goal=goal.get_untracked() done=move |()| editing.set(false) />
            </Show>
            <Show when=move || dropping.get()>
                <div class="field">
                    <label for=format!("goal-{id}-reason")>{i18n.tr(GoalMsg::DropReason)}</label>
                    <input id=format!("goal-{id}-reason") type="text" maxlength=500 bind:value=reason />
                </div>
                <div class="actions">
                    <button class="button danger" on:click={
                        let set_status = set_status.clone();
                        move |_| set_status(Status::Dropped, reason.get_untracked().trim().to_owned())
                    }>{i18n.tr(GoalMsg::ConfirmDrop)}</button>
                    <button class="button secondary" on:click=move |_| dropping.set(false)>{i18n.tr(Msg::Cancel)}</button>
                </div>
            </Show>
        </article>
    }
}

/// The goal's updates, latest first.
#[component]
fn Updates(id: Uuid, data: Data) -> impl IntoView {
    let i18n = use_i18n();
    let lines = move || {
        data.with(|d| {
            let mut lines: Vec<String> = d
                .as_ref()
                .map(|(_, updates)| updates.iter().filter(|u| u.goal == id).collect::<Vec<_>>())
                .unwrap_or_default()
                .into_iter()
                .map(|u| {
                    let date = i18n.date(u.date.and_time(chrono::NaiveTime::MIN).and_utc());
                    let value = u.value.map(amount).unwrap_or_default();
                    [date, value, u.note.clone()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ")
                })
                .collect();
            lines.reverse();
            lines
        })
    };
    view! {
        <Show when=move || !lines().is_empty()>
            <h3>{i18n.tr(GoalMsg::Updates)}</h3>
            <ul class="goal-updates">
                {move || lines().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        </Show>
    }
}

/// A dated update with the new value and a note, by either person, offline too.
#[component]
fn LogProgress(goal: Uuid, relationship: Uuid, me: Role) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let value = RwSignal::new(String::new());
    let date = RwSignal::new(today().to_string());
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<(UpdateField, String)>);
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let number = match parse_number(&value.get_untracked()) {
            Ok(Some(n)) => n,
            _ => {
                return error.set(Some((
                    UpdateField::Value,
                    i18n.t(GoalMsg::ErrNumber).to_owned(),
                )))
            }
        };
        if let Err(rejection) =
            check_value(&UPDATE, UpdateField::Value.name(), &Value::from(number))
        {
            return error.set(Some((UpdateField::Value, rejection_text(i18n, rejection))));
        }
        let written = Value::from(note.get_untracked().trim().to_owned());
        if let Err(rejection) = check_value(&UPDATE, UpdateField::Note.name(), &written) {
            return error.set(Some((UpdateField::Note, rejection_text(i18n, rejection))));
        }
        let Some(day) = parse_date(date.get_untracked().trim()) else {
            return error.set(Some((
                UpdateField::Date,
                i18n.t(GoalMsg::ErrDateRequired).to_owned(),
            )));
        };
        error.set(None);
        let record = RecordRef {
            id: Uuid::now_v7(),
            relationship,
            kind: UPDATE.kind,
            private: false,
        };
        sync.edit(
            record,
            vec![
                (UpdateField::Goal.name(), Value::from(goal.to_string())),
                (UpdateField::Date.name(), Value::from(day.to_string())),
                (UpdateField::Value.name(), Value::from(number)),
                (
                    UpdateField::Note.name(),
                    Value::from(note.get_untracked().trim().to_owned()),
                ),
                (UpdateField::CreatedAt.name(), Value::from(now_millis())),
                (UpdateField::CreatedBy.name(), Value::from(me.as_str())),
            ],
        );
        value.set(String::new());
        note.set(String::new());
    };
    let id = |f: UpdateField| format!("goal-{goal}-{}", f.name());
    let problem = move |f: UpdateField| {
        move || error.with(|e| e.as_ref().filter(|(x, _)| *x == f).map(|(_, m)| m.clone()))
    };
    view! {
        <form class="log-progress" on:submit=save novalidate>
            <h3>{i18n.tr(GoalMsg::LogProgress)}</h3>
            <div class="field-row">
                <div class="field">
                    <label for=id(UpdateField::Value)>{i18n.tr(GoalMsg::NewValue)}</label>
                    <input id=id(UpdateField::Value) type="text" inputmode="decimal" maxlength=20 bind:value=value
                        aria-describedby=format!("{}-message", id(UpdateField::Value)) />
                    <p id=format!("{}-message", id(UpdateField::Value)) class="field-message field-error" aria-live="polite">
                        {problem(UpdateField::Value)}
                    </p>
                </div>
                <div class="field">
                    <label for=id(UpdateField::Date)>{i18n.tr(GoalMsg::UpdateDate)}</label>
                    <input id=id(UpdateField::Date) type="date" bind:value=date
                        aria-describedby=format!("{}-message", id(UpdateField::Date)) />
                    <p id=format!("{}-message", id(UpdateField::Date)) class="field-message field-error" aria-live="polite">
                        {problem(UpdateField::Date)}
                    </p>
                </div>
            </div>
            <div class="field">
                <label for=id(UpdateField::Note)>{i18n.tr(GoalMsg::UpdateNote)}</label>
                <input id=id(UpdateField::Note) type="text" maxlength=1000 bind:value=note
                    aria-describedby=format!("{}-message", id(UpdateField::Note)) />
                <p id=format!("{}-message", id(UpdateField::Note)) class="field-message field-error" aria-live="polite">
                    {problem(UpdateField::Note)}
                </p>
            </div>
            <button type="submit" class="button primary">{i18n.tr(GoalMsg::SaveUpdate)}</button>
        </form>
    }
}
