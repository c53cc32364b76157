//! A row of an action item list: the item, ticked by its owner, with its details, and the
//! edit form in its place while it is being edited.

use super::{
    draft::{commitment_name, Draft},
    edit_form::EditItem,
    kind::ActionSet,
    list::{Item, Rows},
    messages::ActionItemMsg,
};
use crate::{
    i18n::{use_i18n, I18n, Msg},
    relationships::{role_name, Role},
    sync::engine::{local_time, now, today, use_sync},
};
use leptos::prelude::*;

/// Offers back the item just deleted. Always in the page, so that screen readers announce it
/// when it fills.
#[component]
pub fn UndoBar(rows: Rows) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    view! {
        <p
            class="undo"
            role="status"
            aria-live="polite"
            hidden=move || rows.undo.with(Option::is_none) || rows.ended.get()
        >
            <span>{move || rows.undo.get().map(|(_, title)| i18n.fmt(ActionItemMsg::ItemDeleted, &[&title]))}</span>
            " "
            <button class="button secondary" on:click=move |_| {
                if let Some((id, _)) = rows.undo.get_untracked() {
                    sync.restore(rows.record(id));
                    rows.undo.set(None);
                }
            }>{i18n.tr(Msg::Undo)}</button>
        </p>
    }
}

/// One list of items, keyed by id: a partner's edit updates a row in place.
#[component]
pub fn ItemList(items: Signal<Vec<Item>>, rows: Rows) -> impl IntoView {
    view! {
        <ul class="items">
            <For each=move || items.get() key=|i| i.id let:item>
                <ItemRow item rows />
            </For>
        </ul>
    }
}

#[component]
fn ItemRow(item: Item, rows: Rows) -> impl IntoView {
    let id = item.id;
    // The row follows its item as it changes; `item` is how it looked when the row was made.
    let item = Memo::new(move |_| rows.item(id).unwrap_or_else(|| item.clone()));
    let done = move || item.with(|i| i.done_at.is_some());
    view! {
        <li class="item" class:overdue=move || item.with(overdue) class:done=done>
            // An open form closes when the relationship ends: nothing more can be saved.
            <Show
                when=move || rows.editing(id) && !rows.ended.get()
                fallback=move || view! { <ItemView item rows /> }
            >
                {move || rows.draft.get_untracked().map(|draft| view! { <EditItem item rows draft /> })}
            </Show>
        </li>
    }
}

fn overdue(item: &Item) -> bool {
    item.done_at.is_none() && item.due.is_some_and(|d| d < today())
}

#[component]
fn ItemView(item: Memo<Item>, rows: Rows) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let id = item.with_untracked(|i| i.id);
    let title = move || item.with(|i| i.title.clone());
    let done = move || item.with(|i| i.done_at.is_some());
    let can_tick = move || !rows.ended.get() && item.with(|i| i.owner == rows.my_role);
    // Why the tick cannot be used, beside it and read with it.
    let why = move || {
        (!can_tick()).then(|| {
            i18n.t(if rows.ended.get() {
                ActionItemMsg::EndedNoTick
            } else {
                ActionItemMsg::OnlyOwnerTicks
            })
            .to_owned()
        })
    };
    let why_id = format!("why-{id}");
    let toggle = move |_| {
        let done_at = (!done()).then(now);
        sync.edit(rows.record(id), [ActionSet::DoneAt(done_at)]);
    };
    let delete = move |_| {
        sync.delete(rows.record(id));
        rows.undo.set(Some((id, title())));
    };
    let edit = move |_| rows.draft.set(Some(Draft::new(&item.get_untracked())));
    let due = move || {
        item.with(|i| {
            let date = i18n.date(i.due?.and_hms_opt(12, 0, 0)?.and_utc());
            let msg = if overdue(i) {
                ActionItemMsg::OverdueSince
            } else {
                ActionItemMsg::DueOn
            };
            Some(i18n.fmt(msg, &[&date]))
        })
    };
    let done_at = move || {
        item.with(|i| i.done_at).map(|at| {
            i18n.fmt(
                ActionItemMsg::DoneAt,
                &[&i18n.moment(local_time(at), today())],
            )
        })
    };
    let added = move || item.with(|i| added_text(i18n, i, rows.my_role));
    let pending = move || {
        item.with(|i| i.pending)
            .then(|| i18n.t(ActionItemMsg::NotSyncedYet).to_owned())
    };
    let notes = move || item.with(|i| (!i.notes.is_empty()).then(|| i.notes.clone()));
    let commitment = move || {
        item.with(|i| i.commitment.filter(|_| i.owner == Role::Mentor))
            .map(|c| i18n.t(commitment_name(Some(c))).to_owned())
    };
    view! {
        <label class="tick">
            <input
                type="checkbox"
                prop:checked=done
                disabled=move || !can_tick()
                aria-describedby=move || (!can_tick()).then(|| why_id.clone())
                on:change=toggle
            />
            <span class="item-title">{title}</span>
        </label>
        <div class="item-meta">
            <Meta class="commitment" text=Signal::derive(commitment) />
            <Meta class="due" text=Signal::derive(due) />
            <Meta class="done-at" text=Signal::derive(done_at) />
            <Meta class="added" text=Signal::derive(added) />
            <Meta class="pending-mark" text=Signal::derive(pending) />
            <Meta class="notes" text=Signal::derive(notes) />
            <span class="why" id=format!("why-{id}")>{why}</span>
        </div>
        <Show when=move || !rows.ended.get()>
            <div class="item-actions">
                <button
                    class="button secondary"
                    aria-label=move || i18n.fmt(ActionItemMsg::EditItem, &[&title()])
                    on:click=edit
                >
                    {i18n.tr(Msg::Edit)}
                </button>
                <button
                    class="button secondary"
                    aria-label=move || i18n.fmt(ActionItemMsg::DeleteItem, &[&title()])
                    on:click=delete
                >
                    {i18n.tr(Msg::Delete)}
                </button>
            </div>
        </Show>
    }
}

/// One detail of an item, there only when there is something to say.
#[component]
fn Meta(class: &'static str, text: Signal<Option<String>>) -> impl IntoView {
    move || text.get().map(|t| view! { <span class=class>{t}</span> })
}

/// "Added by you on 27 Nov 2026", from the creator's role and the creation time.
fn added_text(i18n: I18n, item: &Item, my_role: Role) -> Option<String> {
    let (by, on) = (item.created_by?, item.created_at);
    let who = if by == my_role {
        i18n.t(ActionItemMsg::You).to_owned()
    } else {
        i18n.fmt(ActionItemMsg::YourPartnerRole, &[role_name(i18n, by)])
    };
    Some(i18n.fmt(ActionItemMsg::AddedBy, &[&who, &i18n.date(on)]))
}
