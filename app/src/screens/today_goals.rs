//! On Today, the active goals of each live relationship with their progress, and progress
//! logged in place with one tap: a mentee's own goals, a mentor's mentees'.

use super::{messages::ScreenMsg, today_view::which};
use crate::{
    goals::{measured, Goal, GoalMsg, GoalProgress, LogProgress, Records, Status},
    i18n::use_i18n,
    relationships::{RelationshipView, Role},
    sync::{
        declare::RecordKind,
        engine::{today, use_sync},
        replica::Replica,
    },
};
use leptos::{html, prelude::*};
use uuid::Uuid;

/// The active goals of the live relationships: (relationship, goal), relationship by
/// relationship in the order given, each's goals in the order they were made.
pub fn active_goals(replica: &Replica, relationships: &[RelationshipView]) -> Vec<(Uuid, Uuid)> {
    relationships
        .iter()
        .filter(|r| r.ended_at.is_none())
        .flat_map(|r| {
            replica
                .of(r.id, &Goal::SPEC.kind)
                .filter_map(|(id, record)| Goal::read(*id, record))
                .filter(|g| g.status == Status::Active)
                .map(move |g| (r.id, g.id))
        })
        .collect()
}

#[component]
pub fn TodayGoals(
    relationships: Memo<Vec<RelationshipView>>,
    several: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let goals = Memo::new(move |_| {
        sync.device
            .with(|d| {
                d.as_ref()
                    .map(|d| relationships.with(|all| active_goals(&d.local, all)))
            })
            .unwrap_or_default()
    });
    // A mentor's goals here are their mentees'; someone who is both sees all goals.
    let heading = move || {
        let role = |role: Role| relationships.with(|all| all.iter().any(|r| r.my_role == role));
        i18n.t(match (role(Role::Mentee), role(Role::Mentor)) {
            (true, false) => ScreenMsg::YourGoals,
            (false, true) => ScreenMsg::MenteeGoals,
            _ => ScreenMsg::Goals,
        })
    };
    view! {
        <Show when=move || goals.with(|g| !g.is_empty())>
            <section aria-labelledby="today-goals">
                <h2 id="today-goals">{heading}</h2>
                <ul class="cards">
                    <For each=move || goals.get() key=|(r, g)| (*r, *g) let:pair>
                        {
                            let (relationship, goal) = pair;
                            let me = relationships.with_untracked(|all| {
                                all.iter().find(|r| r.id == relationship).map(|r| r.my_role)
                            });
                            me.map(|me| view! { <TodayGoal relationship goal me relationships several /> })
                        }
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// One goal: its title, its progress, and "log progress", which opens the form in place.
#[component]
fn TodayGoal(
    relationship: Uuid,
    goal: Uuid,
    me: Role,
    relationships: Memo<Vec<RelationshipView>>,
    several: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let data = Memo::new(move |_| {
        sync.device
            .with(|d| d.as_ref().map(|d| Records::read(&d.local, relationship)))
    });
    let this = Memo::new(move |_| data.with(|d| d.as_ref().and_then(|d| d.goal(goal).cloned())));
    let title = move || this.with(|g| g.as_ref().map(|g| g.title.clone()).unwrap_or_default());
    let progress = move || {
        let goal = this.get()?;
        let (measure, unit) = data.with(|d| measured(i18n, d.as_ref()?, &goal))?;
        Some(view! { <GoalProgress measure unit title=goal.title.clone() today=today() /> })
    };
    let with = move || {
        several.get().then(|| {
            relationships.with(|all| {
                all.iter()
                    .find(|r| r.id == relationship)
                    .map(|r| which(i18n, r))
            })
        })
    };
    let logging = RwSignal::new(false);
    let open = NodeRef::<html::Button>::new();
    // Back to the button once the form closes, so that the next tap is where the last was.
    let done = move |()| {
        logging.set(false);
        // Once the button is shown again: a hidden one takes no focus.
        request_animation_frame(move || {
            if let Some(button) = open.get_untracked() {
                let _ = button.focus();
            }
        });
    };
    view! {
        <li class="card today-goal">
            <h3>{title}</h3>
            {move || with().flatten().map(|w| view! { <p class="with">{w}</p> })}
            {progress}
            <button class="button secondary" node_ref=open hidden=logging
                aria-label=move || format!("{}: {}", i18n.t(GoalMsg::LogProgress), title())
                on:click=move |_| logging.set(true)>
                {i18n.tr(GoalMsg::LogProgress)}
            </button>
            <Show when=move || logging.get()>
                <LogProgress goal data relationship me update=None done nested=true />
            </Show>
            <a href=format!("/r/{relationship}/goals") aria-label=move || format!("{}: {}", i18n.t(GoalMsg::OpenGoals), title())>
                {i18n.tr(GoalMsg::OpenGoals)}
            </a>
        </li>
    }
}
