//! A goal's progress updates: the list, latest first, each editable and deletable, and the form
//! that logs a new one or edits one.

use super::{
    form::parse_number,
    kind::{Milestone, MilestoneSet, Records, Update, UpdateSet, NOTE_MAX},
    messages::GoalMsg,
    progress::amount,
};
use crate::{
    i18n::{use_i18n, I18n, Message, Msg},
    relationships::Role,
    sync::{
        declare::{check, RecordKind},
        engine::{now, today, use_sync},
        schema::parse_date,
    },
    ui::form::{changed, rejection_text},
};
use chrono::{DateTime, NaiveDate, Utc};
use leptos::{
    either::Either,
    ev::SubmitEvent,
    prelude::{Update as _, *},
};
use uuid::Uuid;

type Data = Memo<Option<Records>>;

fn day(i18n: I18n, date: NaiveDate) -> String {
    i18n.date(date.and_time(chrono::NaiveTime::MIN).and_utc())
}

/// What the update form holds when it is saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Typed {
    pub day: NaiveDate,
    pub value: Option<f64>,
    pub note: String,
    /// Whether the goal is measured by a number (else the form hides the value).
    pub by_number: bool,
}

/// The writes that save the form: a new update whole; an edit only what was changed in it, so
/// that the partner's edits to the rest stay, and never a value the form hides.
pub fn update_writes(
    before: Option<&Update>,
    goal: Uuid,
    typed: &Typed,
    me: Role,
    at: DateTime<Utc>,
) -> Vec<UpdateSet> {
    let shown = |date, value, note: &str| {
        [
            Some(UpdateSet::Date(date)),
            typed.by_number.then_some(UpdateSet::Value(value)),
            Some(UpdateSet::Note(note.to_owned())),
        ]
    };
    let now = shown(typed.day, typed.value, &typed.note);
    match before {
        None => {
            let mut writes = Update::new(goal, typed.day, at, me);
            writes.extend(now.into_iter().flatten().skip(1));
            writes
        }
        Some(b) => changed(&shown(b.date, b.value, &b.note), &now, |_, w| w.clone())
            .into_iter()
            .map(|(_, w)| w)
            .collect(),
    }
}

/// The milestone boxes changed in the form, each with whether it is ticked now: only those are
/// written, so that the partner's ticks meanwhile stay.
pub fn toggled(offered: &[Uuid], before: &[Uuid], now: &[Uuid]) -> Vec<(Uuid, bool)> {
    offered
        .iter()
        .map(|id| (*id, now.contains(id)))
        .filter(|(id, ticked)| *ticked != before.contains(id))
        .collect()
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
    // The milestones ticked in it read as open again once it is gone (`Records::read`).
    let delete = move |_| {
        sync.delete(Update::at(id, relationship));
    };
    view! {
        <li>
            <Show when=move || editing.get() == Some(id) && !ended.get() fallback=move || view! {
                <span>{text}</span>
                <span class="row-actions" hidden=move || ended.get() || confirming.get()>
                    <button class="button link" aria-label=move || i18n.fmt(GoalMsg::EditUpdate, &[&text()])
                        on:click=move |_| editing.set(Some(id))>{i18n.tr(Msg::Edit)}</button>
                    <button class="button link" aria-label=move || i18n.fmt(GoalMsg::DeleteUpdate, &[&text()])
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

/// What is typed into the form for a new update, kept by the goal's card so that it survives
/// the form being closed while something else is edited.
#[derive(Clone, Copy)]
pub struct Draft {
    value: RwSignal<String>,
    date: RwSignal<String>,
    note: RwSignal<String>,
    checked: RwSignal<Vec<Uuid>>,
}

impl Draft {
    pub fn new() -> Self {
        Self {
            value: RwSignal::new(String::new()),
            date: RwSignal::new(today().to_string()),
            note: RwSignal::new(String::new()),
            checked: RwSignal::new(Vec::new()),
        }
    }
}

/// A dated update, by either person, offline too: a new value or milestones ticked, and a
/// note; or only a note. With `update`, an edit of that one; else a new one typed into `draft`.
#[component]
pub fn LogProgress(
    goal: Uuid,
    data: Data,
    relationship: Uuid,
    me: Role,
    update: Option<Uuid>,
    #[prop(optional)] draft: Option<Draft>,
    #[prop(optional, into)] done: Option<Callback<()>>,
    /// Opened inside a goal that is itself under a third-level heading (on Today).
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let (before, checked) = data.with_untracked(|d| {
        let d = d.as_ref();
        let before = d.and_then(|d| d.updates.iter().find(|u| Some(u.id) == update).cloned());
        let checked: Vec<Uuid> = d
            .map(|d| d.milestones_of(goal))
            .unwrap_or_default()
            .into_iter()
            .filter(|m| update.is_some() && m.done_in == update)
            .map(|m| m.id)
            .collect();
        (before, checked)
    });
    // Follows the goal: the partner may switch it between a number and milestones.
    let by_number = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .and_then(|d| d.goal(goal))
                .is_some_and(|g| g.by_number())
        })
    });
    let Draft {
        value,
        date,
        note,
        checked: ticked,
    } = draft.unwrap_or_else(|| Draft {
        value: RwSignal::new(
            before
                .as_ref()
                .and_then(|u| u.value)
                .map(|v| v.to_string())
                .unwrap_or_default(),
        ),
        date: RwSignal::new(before.as_ref().map_or_else(today, |u| u.date).to_string()),
        note: RwSignal::new(before.as_ref().map(|u| u.note.clone()).unwrap_or_default()),
        checked: RwSignal::new(checked.clone()),
    });
    let before = StoredValue::new(before);
    // What was ticked when the form opened: only what the person changes is written.
    let ticked_before = StoredValue::new(checked);
    let checked = ticked;
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
        let by_number = by_number.get_untracked();
        let number = match parse_number(&value.get_untracked()) {
            Ok(n) if by_number => n,
            Ok(_) => None,
            Err(()) if by_number => {
                return fail(Spot::Value, i18n.t(GoalMsg::ErrNumber).to_owned())
            }
            Err(()) => None,
        };
        if let Some(rejection) = check(&UpdateSet::Value(number)) {
            return fail(Spot::Value, rejection_text(i18n, rejection));
        }
        let written = note.get_untracked().trim().to_owned();
        if let Some(rejection) = check(&UpdateSet::Note(written.clone())) {
            return fail(Spot::Note, rejection_text(i18n, rejection));
        }
        let Some(day) = parse_date(date.get_untracked().trim()) else {
            return fail(Spot::Date, i18n.t(GoalMsg::ErrDateRequired).to_owned());
        };
        let on = checked.get_untracked();
        let offered: Vec<Uuid> = options_untracked().into_iter().map(|(id, ..)| id).collect();
        let toggled = ticked_before.with_value(|was| toggled(&offered, was, &on));
        let any_ticked = offered.iter().any(|id| on.contains(id));
        if number.is_none() && written.is_empty() && !any_ticked {
            let spot = if by_number { Spot::Value } else { Spot::Note };
            return fail(spot, i18n.t(GoalMsg::ErrEmptyUpdate).to_owned());
        }
        error.set(None);
        let id = update.unwrap_or_else(Uuid::now_v7);
        let typed = Typed {
            day,
            value: number,
            note: written,
            by_number,
        };
        let writes = before.with_value(|b| update_writes(b.as_ref(), goal, &typed, me, now()));
        if !writes.is_empty() {
            sync.edit(Update::at(id, relationship), writes);
        }
        for (milestone, on) in toggled {
            let done_in = on.then_some(id);
            sync.edit(
                Milestone::at(milestone, relationship),
                [MilestoneSet::DoneIn(done_in)],
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
            {if nested {
                Either::Left(view! { <h4>{i18n.tr(title)}</h4> })
            } else {
                Either::Right(view! { <h3>{i18n.tr(title)}</h3> })
            }}
            <Show when=move || !by_number.get()>
                <MilestoneTicks options=Signal::derive(options) checked />
            </Show>
            <div class="field-row">
                <Show when=move || by_number.get()>
                    {control(Spot::Value, value_label, view! {
                        <input id=id(Spot::Value) type="text" inputmode="decimal" maxlength=20 bind:value=value
                            aria-describedby=format!("{}-message", id(Spot::Value)) />
                    }.into_any())}
                </Show>
                {control(Spot::Date, GoalMsg::UpdateDate, view! {
                    <input id=id(Spot::Date) type="date" bind:value=date
                        aria-describedby=format!("{}-message", id(Spot::Date)) />
                }.into_any())}
            </div>
            {control(Spot::Note, GoalMsg::UpdateNote, view! {
                <input id=id(Spot::Note) type="text" maxlength=NOTE_MAX bind:value=note
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn at() -> DateTime<Utc> {
        DateTime::from_timestamp_millis(1_795_766_400_000).unwrap()
    }

    fn stored() -> Update {
        Update {
            id: Uuid::from_u128(2),
            goal: Uuid::from_u128(1),
            date: day(1),
            created_at: at(),
            created_by: Role::Mentee,
            value: Some(3.0),
            note: "First talk".into(),
        }
    }

    fn typed(value: Option<f64>, note: &str, by_number: bool) -> Typed {
        Typed {
            day: day(1),
            value,
            note: note.into(),
            by_number,
        }
    }

    #[test]
    fn an_edited_update_writes_only_what_was_changed() {
        let writes = update_writes(
            Some(&stored()),
            Uuid::from_u128(1),
            &typed(Some(3.0), "First talk, at the meetup", true),
            Role::Mentor,
            at(),
        );
        assert_eq!(
            writes,
            [UpdateSet::Note("First talk, at the meetup".into())]
        );
    }

    #[test]
    fn an_edit_never_writes_a_value_the_form_hides() {
        let writes = update_writes(
            Some(&stored()),
            Uuid::from_u128(1),
            &typed(None, "First talk", false),
            Role::Mentor,
            at(),
        );
        assert!(writes.is_empty(), "{writes:?}");
    }

    #[test]
    fn a_new_update_is_written_whole_by_its_author() {
        let writes = update_writes(
            None,
            Uuid::from_u128(1),
            &typed(Some(4.0), "", true),
            Role::Mentee,
            at(),
        );
        assert_eq!(
            writes,
            [
                UpdateSet::Goal(Uuid::from_u128(1)),
                UpdateSet::Date(day(1)),
                UpdateSet::CreatedAt(at()),
                UpdateSet::CreatedBy(Role::Mentee),
                UpdateSet::Value(Some(4.0)),
                UpdateSet::Note(String::new()),
            ]
        );
    }

    #[test]
    fn only_the_milestone_boxes_changed_in_the_form_are_written() {
        let [a, b, c] = [1, 2, 3].map(Uuid::from_u128);
        assert_eq!(
            toggled(&[a, b, c], &[a, b], &[b, c]),
            [(a, false), (c, true)]
        );
    }
}
