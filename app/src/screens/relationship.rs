//! A relationship's page (`/r/:id`): its facts, where both stand in preparing, the ways to
//! each ingredient, the action items, the invite while it waits, and ending it.

use super::{export_view::DataDownloads, messages::ScreenMsg};
use crate::{
    action_items::ActionItems,
    agreement::AgreeMsg,
    closing::{ClosingMsg, Reflection},
    goals::GoalMsg,
    i18n::use_i18n,
    prepare::PrepareStatus,
    relationships::{
        EndPanel, Facts, Invite, Live, Refresh, RelationshipFrame, RelationshipMsg, Role,
    },
    roadmap::RoadmapMsg,
    sync::engine::use_sync,
};
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn RelationshipPage() -> impl IntoView {
    view! { <RelationshipFrame page=|live, refresh| view! { <Details live refresh /> }.into_any() /> }
}

/// The page of one relationship. It follows the device's copy, so a change the partner makes
/// (accepting, ending) shows without a reload.
#[component]
fn Details(live: Live, refresh: Refresh) -> impl IntoView {
    let i18n = use_i18n();
    let (id, my_role, r) = (live.id, live.me, live.view);
    let ended = live.ended();
    let paired = move || r.with(|r| r.partner_name.is_some());
    // A partner an import stands in for joins again by invite.
    let inviting = move || r.with(|r| r.partner_name.is_none() || r.stand_in);

    view! {
        <Facts r />
        {move || {
            let partner = r.with(|r| r.partner_name.clone());
            view! { <PrepareStatus relationship=id me=my_role partner /> }
        }}
        <Ingredients id />
        <Show when=paired>
            {move || {
                let partner_name = r.with_untracked(|r| r.partner_name.clone());
                view! { <ActionItems relationship=id my_role partner_name ended /> }
            }}
        </Show>
        <Show when=move || !ended.get() && inviting()>
            <Invite r refresh />
        </Show>
        <Show when=move || !ended.get() fallback=move || view! { <ClosingLink id me=my_role /> }>
            <EndPanel id />
        </Show>
        <section class="panel">
            <div class="actions">
                <a class="button secondary" href=format!("/r/{id}/calendar")>{i18n.tr(ScreenMsg::OpenCalendar)}</a>
            </div>
            <DataDownloads only=id />
        </section>
    }
}

/// The way to the closing reflections of an ended relationship: to write mine until I have.
#[component]
fn ClosingLink(id: Uuid, me: Role) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let written = move || {
        sync.device.with(|d| {
            d.as_ref()
                .is_some_and(|d| Reflection::of(&d.local, id, me).is_some())
        })
    };
    view! {
        <section class="panel">
            <h2>{i18n.tr(ClosingMsg::Reflections)}</h2>
            <a class="button secondary" href=format!("/r/{id}/close")>
                {move || i18n.t(if written() { ClosingMsg::Read } else { ClosingMsg::WriteYours })}
            </a>
        </section>
    }
}

/// The way to the agreement, the goals and the roadmap. Links only: a summary of each here would put their
/// readers in this page's chunk (measured: 12 KB more on landing here).
#[component]
fn Ingredients(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="panel ingredients" aria-label=i18n.tr(RelationshipMsg::Ingredients)>
            <a class="button secondary" href=format!("/r/{id}/agreement")>{i18n.tr(AgreeMsg::Open)}</a>
            <a class="button secondary" href=format!("/r/{id}/goals")>{i18n.tr(GoalMsg::OpenGoals)}</a>
            <a class="button secondary" href=format!("/r/{id}/roadmap")>{i18n.tr(RoadmapMsg::Open)}</a>
            <a class="button secondary" href=format!("/r/{id}/brief")>{i18n.tr(ScreenMsg::OpenBrief)}</a>
        </nav>
    }
}
