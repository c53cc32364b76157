//! The goals page: the mentee's goals with their progress, a form for new ones, and the history.

use super::{
    form::{letter_name, LazyGoalForm},
    kind::{Goal, GoalSet, Milestone, Records, Status, Update, DROP_REASON_MAX},
    messages::GoalMsg,
    milestones::MilestoneList,
    progress_view::{measured, GoalProgress},
    updates::{Draft, LogProgress, Updates},
};
use crate::{
    i18n::{use_i18n, I18n, Msg},
    relationships::{relationship_name, Live, RelationshipFrame, Role},
    sync::{
        declare::RecordKind,
        engine::{today, use_sync},
    },
};
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn GoalsPage() -> impl IntoView {
    view! { <RelationshipFrame page=|live, _| view! { <Goals live /> }.into_any() /> }
}

/// The relationship's goals, updates and milestones as the device has them: `None` until it
/// is read.
type Data = Memo<Option<Records>>;

#[component]
fn Goals(live: Live) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let (relationship, r) = (live.id, live.view);
    let data: Data = Memo::new(move |_| {
        sync.device
            .with(|d| d.as_ref().map(|d| Records::read(&d.local, relationship)))
    });
    let ids = move |active: bool| {
        data.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                d.goals
                    .iter()
                    .filter(|g| (g.status == Status::Active) == active)
                    .map(|g| g.id)
                    .collect::<Vec<_>>()
            })
        })
    };
    let adding = RwSignal::new(false);
    let me = live.me;
    let ended = live.ended();
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
                <LazyGoalForm relationship goal=None milestones=Vec::new() done=move |()| adding.set(false) />
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
                            <HistoryLine id data relationship ended />
                        </For>
                    </ul>
                </section>
            </Show>
        </Show>
    }
}

fn history_line(i18n: I18n, goal: &Goal) -> String {
    let status = match goal.status {
        Status::Dropped => i18n.fmt(GoalMsg::DroppedLine, &[&goal.drop_reason]),
        Status::Partly => i18n.t(GoalMsg::PartlyLine).to_owned(),
        _ => i18n.t(GoalMsg::AchievedLine).to_owned(),
    };
    format!("{} — {}", goal.title, status.trim_end_matches(": "))
}

/// An achieved or dropped goal, which can be taken up again.
#[component]
fn HistoryLine(id: Uuid, data: Data, relationship: Uuid, ended: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let goal = move || data.with(|d| d.as_ref().and_then(|d| d.goal(id).cloned()));
    let reopen = move |_| {
        sync.edit(
            Goal::at(id, relationship),
            [
                GoalSet::Status(Status::Active),
                GoalSet::DropReason(String::new()),
            ],
        )
    };
    view! {
        <li>
            <span>{move || goal().map(|g| history_line(i18n, &g)).unwrap_or_default()}</span>
            " "
            <button class="button link" hidden=ended on:click=reopen
                aria-label=move || i18n.fmt(GoalMsg::ReopenGoal, &[&goal().map(|g| g.title).unwrap_or_default()])>
                {i18n.tr(GoalMsg::Reopen)}
            </button>
        </li>
    }
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
    let goal = Memo::new(move |_| data.with(|d| d.as_ref().and_then(|d| d.goal(id).cloned())));
    let editing = RwSignal::new(false);
    let editing_update = RwSignal::new(None::<Uuid>);
    // The new update's text outlives its form, which closes while something else is edited.
    let draft = Draft::new();
    // What the card offers below its progress: the actions, or one of them under way.
    let asking = RwSignal::new(Ask::Nothing);
    let reason = RwSignal::new(String::new());
    let set_status = move |status: Status, why: String| {
        sync.edit(
            Goal::at(id, relationship),
            [GoalSet::Status(status), GoalSet::DropReason(why)],
        )
    };
    let measure = move || {
        let goal = goal.get()?;
        data.with(|d| measured(i18n, d.as_ref()?, &goal))
    };
    let missing = move || {
        let letters = data.with(|d| {
            let d = d.as_ref()?;
            Some(d.goal(id)?.outline(d.milestones_of(id).len()).missing())
        });
        let letters = letters.unwrap_or_default();
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
    let edit_form = move || {
        let milestones = data.with_untracked(|d| {
            d.as_ref()
                .map(|d| d.milestones_of(id).into_iter().cloned().collect())
                .unwrap_or_default()
        });
        view! { <LazyGoalForm relationship goal=goal.get_untracked() milestones done=move |()| editing.set(false) /> }
    };
    // An open step closes when the partner ends the relationship meanwhile.
    let asked = move |what: Ask| move || asking.get() == what && !ended.get();
    // The goal with its updates and milestones, as the warning says.
    let delete = move |_| {
        data.with_untracked(|d| {
            let Some(d) = d else { return };
            for update in d.updates.iter().filter(|u| u.goal == id) {
                sync.delete(Update::at(update.id, relationship));
            }
            for milestone in d.milestones_of(id) {
                sync.delete(Milestone::at(milestone.id, relationship));
            }
        });
        sync.delete(Goal::at(id, relationship));
    };
    view! {
        <article class="panel goal" aria-labelledby=format!("goal-{id}-title")>
            <h2 id=format!("goal-{id}-title")>{field(|g| g.title.clone())}</h2>
            <p>{field(|g| g.description.clone())}</p>
            <p class="hint">{missing}</p>
            {move || measure().map(|(measure, unit)| {
                let title = field(|g| g.title.clone())();
                view! { <GoalProgress measure unit title today=today() /> }
            })}
            <Show when=move || goal.with(|g| g.as_ref().is_some_and(|g| !g.by_number()))>
                <MilestoneList goal=id data />
            </Show>
            <Updates goal=id data relationship me editing=editing_update ended />
            <Show when=move || editing.get() && !ended.get()>{edit_form}</Show>
            <div hidden=move || ended.get() || editing.get()>
                <Show when=move || editing_update.get().is_none() && !editing.get()>
                    <LogProgress goal=id data relationship me update=None draft />
                </Show>
                <div class="actions" hidden=move || asking.get() != Ask::Nothing>
                        <button class="button secondary" on:click=move |_| editing.set(true)>{i18n.tr(GoalMsg::EditGoal)}</button>
                        <button class="button secondary" on:click=move |_| set_status(Status::Achieved, String::new())>
                            {i18n.tr(GoalMsg::MarkAchieved)}
                        </button>
                        <button class="button secondary" on:click=move |_| asking.set(Ask::Drop)>{i18n.tr(GoalMsg::DropGoal)}</button>
                        <button class="button secondary" on:click=move |_| asking.set(Ask::Delete)>{i18n.tr(GoalMsg::DeleteGoal)}</button>
                </div>
            </div>
            <Show when=asked(Ask::Drop)>
                <div class="field">
                    <label for=format!("goal-{id}-reason")>{i18n.tr(GoalMsg::DropReason)}</label>
                    <input id=format!("goal-{id}-reason") type="text" maxlength=DROP_REASON_MAX bind:value=reason />
                </div>
                <div class="actions">
                    <button class="button danger" on:click=move |_| set_status(Status::Dropped, reason.get_untracked().trim().to_owned())>
                        {i18n.tr(GoalMsg::ConfirmDrop)}
                    </button>
                    <button class="button secondary" on:click=move |_| asking.set(Ask::Nothing)>{i18n.tr(Msg::Cancel)}</button>
                </div>
            </Show>
            <Show when=asked(Ask::Delete)>
                <p role="alert">{i18n.tr(GoalMsg::DeleteWarning)}</p>
                <div class="actions">
                    <button class="button danger" on:click=delete>
                        {i18n.tr(GoalMsg::ConfirmDelete)}
                    </button>
                    <button class="button secondary" on:click=move |_| asking.set(Ask::Nothing)>{i18n.tr(Msg::Cancel)}</button>
                </div>
            </Show>
        </article>
    }
}

/// A step the card asks to be confirmed.
#[derive(Clone, Copy, PartialEq)]
enum Ask {
    Nothing,
    Drop,
    Delete,
}
