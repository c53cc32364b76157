//! My open action items on Today, across relationships, each ticked off in one tap.

use super::{messages::ScreenMsg, today::MyItem, today_view::partner};
use crate::{
    action_items::{ActionItem, ActionItemMsg, ActionSet},
    i18n::use_i18n,
    relationships::{RelationshipView, Role},
    sync::{
        declare::RecordKind,
        engine::{now, today, use_sync},
    },
};
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn MyItems(
    items: Memo<Vec<MyItem>>,
    relationships: Memo<Vec<RelationshipView>>,
    several: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    // A mentor's own items are what they promised: information, resources, contacts.
    let mentor =
        Memo::new(move |_| relationships.with(|all| all.iter().any(|r| r.my_role == Role::Mentor)));
    view! {
        <section aria-labelledby="today-items">
            // Focus comes back here when a ticked item leaves the list.
            <h2 id="today-items" tabindex="-1">
                {move || i18n.t(if mentor.get() { ScreenMsg::YourCommitments } else { ScreenMsg::YourItems })}
            </h2>
            <Show
                when=move || items.with(|i| !i.is_empty())
                fallback=move || view! { <p class="empty">{i18n.tr(ScreenMsg::NothingOpen)}</p> }
            >
                <ul class="items today-items">
                    <For each=move || items.get() key=|i| (i.item.id, i.pending, i.item.title.clone(), i.item.due) let:item>
                        <TodayItem item relationships several />
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn TodayItem(
    item: MyItem,
    relationships: Memo<Vec<RelationshipView>>,
    several: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let (id, relationship): (Uuid, Uuid) = (item.item.id, item.relationship);
    let overdue = item.overdue(today());
    let due = item.item.due.map(|due| {
        let msg = if overdue {
            ActionItemMsg::OverdueSince
        } else {
            ActionItemMsg::DueOn
        };
        move || i18n.fmt(msg, &[&i18n.day(due)])
    });
    let pending = item.pending.then(|| i18n.tr(ActionItemMsg::NotSyncedYet));
    let with = move || {
        several.get().then(|| {
            relationships.with(|all| {
                let r = all.iter().find(|r| r.id == relationship)?;
                Some(i18n.fmt(ScreenMsg::WithPartner, &[&partner(i18n, r)]))
            })
        })?
    };
    let tick = move |_| {
        sync.edit(
            ActionItem::at(id, relationship),
            [ActionSet::DoneAt(Some(now()))],
        );
        // The row leaves the list with the focus in it: the list's heading takes it.
        if let Some(heading) = document().get_element_by_id("today-items") {
            use wasm_bindgen::JsCast;
            if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        }
    };
    view! {
        <li class="item" class:overdue=overdue>
            <label class="tick">
                <input type="checkbox" on:change=tick />
                <span class="item-title">{item.item.title.clone()}</span>
            </label>
            <div class="item-meta">
                {move || with().map(|w| view! { <span class="with">{w}</span> })}
                {due.map(|d| view! { <span class="due">{d}</span> })}
                {pending.map(|p| view! { <span class="pending-mark">{p}</span> })}
            </div>
        </li>
    }
}
