//! The action items of one relationship: for both people, kept and visible, editable offline.

use super::{
    add_form::AddItem,
    follow_view::FollowThroughView,
    list::{items, Rows},
    messages::ActionItemMsg,
    row::{ItemList, UndoBar},
};
use crate::{
    i18n::{use_i18n, Msg},
    relationships::{role_name, Role},
    sync::engine::use_sync,
};
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn ActionItems(
    relationship: Uuid,
    my_role: Role,
    partner_name: Option<String>,
    /// Ended relationships stay readable; this turns true when the partner ends it.
    ended: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let list = Memo::new(move |_| {
        sync.device
            .with(|d| d.as_ref().map(|d| items(&d.local, &d.outbox, relationship)))
    });
    let rows = Rows {
        relationship,
        my_role,
        ended,
        list,
        draft: RwSignal::new(None),
        undo: RwSignal::new(None),
    };
    let partner = StoredValue::new(partner_name);

    let group = move |role: Role| {
        let heading = move || {
            if role == my_role {
                i18n.t(ActionItemMsg::ItemsYours).to_owned()
            } else {
                partner.with_value(|p| match p {
                    Some(name) => i18n.fmt(ActionItemMsg::ItemsOf, &[name]),
                    None => i18n.fmt(ActionItemMsg::ItemsOfRole, &[role_name(i18n, role)]),
                })
            }
        };
        let mine = move |done: bool| {
            list.get()
                .unwrap_or_default()
                .into_iter()
                .filter(|i| i.owner == role && i.done_at.is_some() == done)
                .collect::<Vec<_>>()
        };
        let open = Signal::derive(move || mine(false));
        let done = Signal::derive(move || mine(true));
        view! {
            <div class="item-group">
                <h3>{heading}</h3>
                <Show when=move || open.with(Vec::is_empty)>
                    <p class="empty">{i18n.tr(ActionItemMsg::NoOpenItems)}</p>
                </Show>
                <ItemList items=open rows />
                // Hidden rather than removed when empty, so that an open "done" section stays
                // open while items are ticked.
                <details class="done-items" hidden=move || done.with(Vec::is_empty)>
                    <summary>{move || i18n.fmt(ActionItemMsg::DoneCount, &[&done.with(Vec::len).to_string()])}</summary>
                    <ItemList items=done rows />
                </details>
            </div>
        }
    };

    view! {
        <section class="panel" aria-labelledby="items-heading">
            <h2 id="items-heading">{i18n.tr(ActionItemMsg::ActionItems)}</h2>
            // The device's data is read after hydration: until then the lists are empty, in
            // the server's HTML and the first client render alike.
            <Show
                when=move || list.with(Option::is_some)
                fallback=move || view! { <p>{i18n.tr(Msg::Loading)}</p> }
            >
                {group(my_role)}
                {group(my_role.partner())}
                <FollowThroughView list my_role partner />
            </Show>
            <UndoBar rows />
            <Show when=move || !ended.get()>
                <AddItem relationship my_role />
            </Show>
        </section>
    }
}
