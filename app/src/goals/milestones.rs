//! Milestones: the rows of the goal form that list them, and the list on a goal's card.

use super::{
    kind::{Milestone, MilestoneSet, Records, MILESTONE_MAX},
    messages::GoalMsg,
};
use crate::{
    i18n::{use_i18n, I18n},
    sync::{declare::check, engine::now},
    ui::form::rejection_text,
};
use chrono::NaiveTime;
use leptos::prelude::*;
use uuid::Uuid;

/// What to write to one milestone: these fields, or none to delete it.
pub type Write = (Uuid, Option<Vec<MilestoneSet>>);

/// A milestone as the form holds it: one already stored (with its title then) or a new one.
#[derive(Clone)]
pub struct Row {
    pub id: Uuid,
    stored: Option<String>,
    pub title: RwSignal<String>,
}

impl Row {
    fn new() -> Self {
        Self {
            id: Uuid::now_v7(),
            stored: None,
            title: RwSignal::new(String::new()),
        }
    }
}

/// The milestones being edited, and the stored ones removed from the list.
#[derive(Clone, Copy)]
pub struct Rows {
    pub rows: RwSignal<Vec<Row>>,
    removed: StoredValue<Vec<Uuid>>,
}

impl Rows {
    pub fn of(milestones: &[Milestone]) -> Self {
        let rows = milestones
            .iter()
            .map(|m| Row {
                id: m.id,
                stored: Some(m.title.clone()),
                title: RwSignal::new(m.title.clone()),
            })
            .collect();
        Self {
            rows: RwSignal::new(rows),
            removed: StoredValue::new(Vec::new()),
        }
    }

    /// How many have a title, for the checklist.
    pub fn count(self) -> usize {
        self.rows.with(|rows| {
            rows.iter()
                .filter(|r| r.title.with(|t| !t.trim().is_empty()))
                .count()
        })
    }

    /// The writes that make the stored milestones of `goal` what the rows say, or the first
    /// row the server would refuse, with why. A row left blank is a milestone removed.
    pub fn writes(self, i18n: I18n, goal: Uuid) -> Result<Vec<Write>, (Uuid, String)> {
        let mut writes: Vec<Write> = self
            .removed
            .get_value()
            .into_iter()
            .map(|id| (id, None))
            .collect();
        let now = now();
        for (n, row) in self.rows.get_untracked().into_iter().enumerate() {
            let title = row.title.get_untracked().trim().to_owned();
            if title.is_empty() {
                if row.stored.is_some() {
                    writes.push((row.id, None));
                }
                continue;
            }
            if let Some(rejection) = check(&MilestoneSet::Title(title.clone())) {
                return Err((row.id, rejection_text(i18n, rejection)));
            }
            match row.stored {
                Some(stored) if stored == title => {}
                Some(_) => writes.push((row.id, Some(vec![MilestoneSet::Title(title)]))),
                None => {
                    // One apart, so that they keep the order they were listed in.
                    let made = now + chrono::Duration::milliseconds(n as i64);
                    writes.push((row.id, Some(Milestone::new(goal, title, made))));
                }
            }
        }
        Ok(writes)
    }
}

/// The form's list of milestones: one field each, removable, and a button to add one.
#[component]
pub fn MilestoneRows(
    rows: Rows,
    prefix: String,
    #[prop(into)] problem: Signal<Option<(Uuid, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    if rows.rows.with_untracked(Vec::is_empty) {
        rows.rows.update(|r| r.push(Row::new()));
    }
    let position = move |id: Uuid| {
        rows.rows
            .with(|r| r.iter().position(|row| row.id == id).unwrap_or(0) + 1)
            .to_string()
    };
    view! {
        <For each=move || rows.rows.get() key=|row| row.id let:row>
            {
                let id = format!("{prefix}-milestone-{}", row.id);
                let message = format!("{id}-message");
                let error = move || problem.with(|p| p.as_ref().filter(|(at, _)| *at == row.id).map(|(_, m)| m.clone()));
                let invalid = move || if error().is_some() { "true" } else { "false" };
                let stored = row.stored.is_some();
                view! {
                    <div class="field milestone-row">
                        <label for=id.clone()>{move || i18n.fmt(GoalMsg::MilestoneN, &[&position(row.id)])}</label>
                        <div class="inline">
                            <input id=id type="text" maxlength=MILESTONE_MAX bind:value=row.title
                                aria-invalid=invalid aria-describedby=message.clone() />
                            <button type="button" class="button secondary"
                                aria-label=move || i18n.fmt(GoalMsg::RemoveMilestoneN, &[&position(row.id)])
                                on:click=move |_| {
                                    rows.rows.update(|r| r.retain(|x| x.id != row.id));
                                    if stored {
                                        rows.removed.update_value(|removed| removed.push(row.id));
                                    }
                                }>
                                {i18n.tr(GoalMsg::Remove)}
                            </button>
                        </div>
                        <p id=message class="field-message field-error" aria-live="polite">{error}</p>
                    </div>
                }
            }
        </For>
        <button type="button" class="button secondary" on:click=move |_| rows.rows.update(|r| r.push(Row::new()))>
            {i18n.tr(GoalMsg::AddMilestone)}
        </button>
    }
}

/// A goal's milestones on its card, each done one with the day it was ticked.
#[component]
pub fn MilestoneList(goal: Uuid, data: Memo<Option<Records>>) -> impl IntoView {
    let i18n = use_i18n();
    let lines = move || {
        data.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.milestones_of(goal)
                        .into_iter()
                        .map(|m| {
                            let done_on = d.done_on(m);
                            let text = match done_on {
                                Some(on) => {
                                    let day = i18n.date(on.and_time(NaiveTime::MIN).and_utc());
                                    i18n.fmt(GoalMsg::MilestoneDone, &[&m.title, &day])
                                }
                                None => m.title.clone(),
                            };
                            (done_on.is_some(), text)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || !lines().is_empty()>
            <h3>{i18n.tr(GoalMsg::Milestones)}</h3>
            <ul class="milestones">
                {move || lines().into_iter().map(|(done, text)| view! { <li class:done=done>{text}</li> }).collect_view()}
            </ul>
        </Show>
    }
}
