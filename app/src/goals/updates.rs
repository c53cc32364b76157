//! A goal's progress updates: the list, latest first, each editable and deletable, and the form
//! that logs a new one or edits one.

use super::{
    form::parse_number,
    kind::{MilestoneField, Records, Update, UpdateField, MILESTONE, UPDATE},
    messages::GoalMsg,
    progress::amount,
};
use crate::{
    i18n::{use_i18n, I18n, Message, Msg},
    relationships::Role,
    sync::{
        client::RecordRef,
        engine::{now_millis, today, use_sync},
        schema::{check_value, parse_date, DELETED},
    },
    ui::form::rejection_text,
};
use chrono::NaiveDate;
use leptos::{
    ev::SubmitEvent,
    prelude::{Update as _, *},
};
use serde_json::Value;
use uuid::Uuid;

type Data = Memo<Option<Records>>;

fn day(i18n: I18n, date: NaiveDate) -> String {
    i18n.date(date.and_time(chrono::NaiveTime::MIN).and_utc())
}

fn record(kind: &crate::sync::Kind, id: Uuid, relationship: Uuid) -> RecordRef {
    RecordRef {
        id,
        relationship,
        kind: kind.clone(),
        private: false,
    }
}

/// An update in one line: its date, value, the milestones ticked in it, and its note.
fn line(i18n: I18n, records: &Records, update: &Update) -> String {
    let ticked: Vec<&str> = records
        .milestones
        .iter()
        .filter(|m| m.done_in == Some(update.id))
        .map(|m| m.title.as_str())
        .collect();
    let ticked = if ticked.is_empty() {
        String::new()
    } else {
        i18n.fmt(GoalMsg::Ticked, &[&ticked.join(", ")])
    };
    [
        day(i18n, update.date),
        update.value.map(amount).unwrap_or_default(),
        ticked,
        update.note.clone(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ")
}

/// The goal's updates, latest first. `editing` is the one being edited, if any.
#[component]
pub fn Updates(
    goal: Uuid,
    data: Data,
    relationship: Uuid,
    me: Role,
    editing: RwSignal<Option<Uuid>>,
    ended: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ids = move || {
        data.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                d.updates
                    .iter()
                    .rev()
                    .filter(|u| u.goal == goal)
                    .map(|u| u.id)
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <Show when=move || !ids().is_empty()>
            <h3>{i18n.tr(GoalMsg::Updates)}</h3>
            <ul class="goal-updates">
                <For each=ids key=|id| *id let:id>
                    <UpdateLine id goal data relationship me editing ended />
                </For>
            </ul>
        </Show>
    }
}

#[component]
fn UpdateLine(
    id: Uuid,
    goal: Uuid,
    data: Data,
    relationship: Uuid,
    me: Role,
    editing: RwSignal<Option<Uuid>>,
    ended: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let confirming = RwSignal::new(false);
    let text = move || {
        data.with(|d| {
            let d = d.as_ref()?;
            Some(line(i18n, d, d.updates.iter().find(|u| u.id == id)?))
        })
        .unwrap_or_default()
    };
    let date = move || {
        data.with(|d| {
            let u = d.as_ref()?.updates.iter().find(|u| u.id == id)?;
            Some(day(i18n, u.date))
        })
        .unwrap_or_default()
    };
    let delete = move |_| {
        // The milestones ticked in it are open again.
        let ticked: Vec<Uuid> = data.with_untracked(|d| {
            d.as_ref()
                .map(|d| {
                    d.milestones
                        .iter()
                        .filter(|m| m.done_in == Some(id))
                        .map(|m| m.id)
                        .collect()
                })
                .unwrap_or_default()
        });
        for milestone in ticked {
            sync.edit(
                record(&MILESTONE.kind, milestone, relationship),
                vec![
                    (MilestoneField::DoneIn.name(), Value::Null),
                    (MilestoneField::DoneOn.name(), Value::Null),
                ],
            );
        }
        sync.edit(
            record(&UPDATE.kind, id, relationship),
            vec![(DELETED, Value::Bool(true))],
        );
    };
    view! {
        <li>
            <Show when=move || editing.get() == Some(id) fallback=move || view! {
                <span>{text}</span>
                <span class="row-actions" hidden=move || ended.get() || confirming.get()>
                    <button class="button link" aria-label=move || i18n.fmt(GoalMsg::EditUpdate, &[&date()])
                        on:click=move |_| editing.set(Some(id))>{i18n.tr(Msg::Edit)}</button>
                    <button class="button link" aria-label=move || i18n.fmt(GoalMsg::DeleteUpdate, &[&date()])
                        on:click=move |_| confirming.set(true)>{i18n.tr(Msg::Delete)}</button>
                </span>
                <Show when=move || confirming.get()>
                    <span class="row-actions">
                        <button class="button danger" on:click=delete>{i18n.tr(GoalMsg::ConfirmDeleteUpdate)}</button>
                        <button class="button secondary" on:click=move |_| confirming.set(false)>{i18n.tr(Msg::Cancel)}</button>
                    </span>
                </Show>
            }>
                <LogProgress goal data relationship me update=Some(id) done=move |()| editing.set(None) />
            </Show>
        </li>
    }
}

/// Where a problem with an update is shown.
#[derive(Clone, Copy, PartialEq)]
enum Spot {
    Value,
    Date,
    Note,
}

/// A dated update, by either person, offline too: a new value or milestones ticked, and a
/// note; or only a note. With `update`, an edit of that one.
#[component]
pub fn LogProgress(
    goal: Uuid,
    data: Data,
    relationship: Uuid,
    me: Role,
    update: Option<Uuid>,
    #[prop(optional, into)] done: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let (before, by_number, checked) = data.with_untracked(|d| {
        let d = d.as_ref();
        let before = d.and_then(|d| d.updates.iter().find(|u| Some(u.id) == update).cloned());
        let by_number = d.and_then(|d| d.goal(goal)).is_some_and(|g| g.by_number());
        let checked: Vec<Uuid> = d
            .map(|d| d.milestones_of(goal))
            .unwrap_or_default()
            .into_iter()
            .filter(|m| update.is_some() && m.done_in == update)
            .map(|m| m.id)
            .collect();
        (before, by_number, checked)
    });
    let value = RwSignal::new(
        before
            .as_ref()
            .and_then(|u| u.value)
            .map(|v| v.to_string())
            .unwrap_or_default(),
    );
    let date = RwSignal::new(before.as_ref().map_or_else(today, |u| u.date).to_string());
    let note = RwSignal::new(before.as_ref().map(|u| u.note.clone()).unwrap_or_default());
    let checked = RwSignal::new(checked);
    // The milestones still open, and those this update ticked, as they change.
    let options = move || {
        data.with(|d| {
            d.as_ref()
                .map(|d| d.milestones_of(goal))
                .unwrap_or_default()
                .into_iter()
                .filter(|m| m.done_in.is_none() || (update.is_some() && m.done_in == update))
                .map(|m| (m.id, m.title.clone(), m.done_in))
                .collect::<Vec<_>>()
        })
    };
    let error = RwSignal::new(None::<(Spot, String)>);
    let options_untracked = move || untrack(options);
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let fail = |spot, msg: String| error.set(Some((spot, msg)));
        let number = match parse_number(&value.get_untracked()) {
            Ok(n) if by_number => n,
            Ok(_) => None,
            Err(()) => return fail(Spot::Value, i18n.t(GoalMsg::ErrNumber).to_owned()),
        };
        let number = number.map_or(Value::Null, Value::from);
        if let Err(rejection) = check_value(&UPDATE, UpdateField::Value.name(), &number) {
            return fail(Spot::Value, rejection_text(i18n, rejection));
        }
        let written = Value::from(note.get_untracked().trim().to_owned());
        if let Err(rejection) = check_value(&UPDATE, UpdateField::Note.name(), &written) {
            return fail(Spot::Note, rejection_text(i18n, rejection));
        }
        let Some(day) = parse_date(date.get_untracked().trim()) else {
            return fail(Spot::Date, i18n.t(GoalMsg::ErrDateRequired).to_owned());
        };
        let on = checked.get_untracked();
        // The ones ticked now, and those this update had ticked and no longer does.
        let ticked: Vec<(Uuid, bool)> = options_untracked()
            .into_iter()
            .map(|(id, _, done_in)| (id, on.contains(&id), done_in))
            .filter(|(_, on, done_in)| *on || done_in.is_some())
            .map(|(id, on, _)| (id, on))
            .collect();
        if number.is_null() && written.as_str() == Some("") && on.is_empty() {
            let spot = if by_number { Spot::Value } else { Spot::Note };
            return fail(spot, i18n.t(GoalMsg::ErrEmptyUpdate).to_owned());
        }
        error.set(None);
        let id = update.unwrap_or_else(Uuid::now_v7);
        let mut fields = vec![
            (UpdateField::Goal.name(), Value::from(goal.to_string())),
            (UpdateField::Date.name(), Value::from(day.to_string())),
            (UpdateField::Value.name(), number),
            (UpdateField::Note.name(), written),
        ];
        if update.is_none() {
            fields.push((UpdateField::CreatedAt.name(), Value::from(now_millis())));
            fields.push((UpdateField::CreatedBy.name(), Value::from(me.as_str())));
        }
        sync.edit(record(&UPDATE.kind, id, relationship), fields);
        for (milestone, on) in ticked {
            let (done_in, done_on) = if on {
                (Value::from(id.to_string()), Value::from(day.to_string()))
            } else {
                (Value::Null, Value::Null)
            };
            sync.edit(
                record(&MILESTONE.kind, milestone, relationship),
                vec![
                    (MilestoneField::DoneIn.name(), done_in),
                    (MilestoneField::DoneOn.name(), done_on),
                ],
            );
        }
        match done {
            Some(done) => done.run(()),
            None => {
                value.set(String::new());
                note.set(String::new());
                checked.set(Vec::new());
            }
        }
    };
    let prefix =
        StoredValue::new(update.map_or_else(|| format!("goal-{goal}"), |u| format!("update-{u}")));
    let id = move |spot: Spot| {
        let name = match spot {
            Spot::Value => "value",
            Spot::Date => "date",
            Spot::Note => "note",
        };
        prefix.with_value(|p| format!("{p}-{name}"))
    };
    let problem = move |spot: Spot| {
        move || {
            error.with(|e| {
                e.as_ref()
                    .filter(|(x, _)| *x == spot)
                    .map(|(_, m)| m.clone())
            })
        }
    };
    let control = move |spot: Spot, label: Message, input: AnyView| {
        view! {
            <div class="field">
                <label for=id(spot)>{i18n.tr(label)}</label>
                {input}
                <p id=format!("{}-message", id(spot)) class="field-message field-error" aria-live="polite">
                    {problem(spot)}
                </p>
            </div>
        }
    };
    let value_label = if update.is_some() {
        GoalMsg::Value
    } else {
        GoalMsg::NewValue
    };
    let title = if update.is_some() {
        GoalMsg::EditProgress
    } else {
        GoalMsg::LogProgress
    };
    view! {
        <form class="log-progress" on:submit=save novalidate>
            <h3>{i18n.tr(title)}</h3>
            <Show when=move || !by_number>
                <MilestoneTicks options=Signal::derive(options) checked />
            </Show>
            <div class="field-row">
                {by_number.then(|| control(Spot::Value, value_label, view! {
                    <input id=id(Spot::Value) type="text" inputmode="decimal" maxlength=20 bind:value=value
                        aria-describedby=format!("{}-message", id(Spot::Value)) />
                }.into_any()))}
                {control(Spot::Date, GoalMsg::UpdateDate, view! {
                    <input id=id(Spot::Date) type="date" bind:value=date
                        aria-describedby=format!("{}-message", id(Spot::Date)) />
                }.into_any())}
            </div>
            {control(Spot::Note, GoalMsg::UpdateNote, view! {
                <input id=id(Spot::Note) type="text" maxlength=1000 bind:value=note
                    aria-describedby=format!("{}-message", id(Spot::Note)) />
            }.into_any())}
            <div class="actions">
                <button type="submit" class="button primary">{i18n.tr(GoalMsg::SaveUpdate)}</button>
                {done.map(|done| view! {
                    <button type="button" class="button secondary" on:click=move |_| done.run(())>{i18n.tr(Msg::Cancel)}</button>
                })}
            </div>
        </form>
    }
}

/// The milestones an update can tick: those still open, and those it ticked.
#[component]
fn MilestoneTicks(
    options: Signal<Vec<(Uuid, String, Option<Uuid>)>>,
    checked: RwSignal<Vec<Uuid>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || options.with(|o| !o.is_empty())>
            <fieldset class="milestone-ticks">
                <legend>{i18n.tr(GoalMsg::TickMilestones)}</legend>
                <For each=move || options.get() key=|(id, title, _)| (*id, title.clone()) let:((id, title, _))>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || checked.with(|c| c.contains(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                checked.update(|c| {
                                    c.retain(|x| *x != id);
                                    if on {
                                        c.push(id);
                                    }
                                });
                            } />
                        {title}
                    </label>
                </For>
            </fieldset>
        </Show>
    }
}
