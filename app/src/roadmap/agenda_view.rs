//! A session's agenda on its card: the items with who added them and where they were carried
//! from, ticked when discussed, and a field to add one.

use super::{
    agenda::{added_by, AgendaSet, Item, TEXT_MAX},
    messages::RoadmapMsg,
};
use crate::{
    i18n::{use_i18n, Msg},
    relationships::Role,
    sync::{
        declare::RecordKind,
        engine::{now, use_sync},
        Rejection,
    },
    ui::form::{rejection_text, ENDED_NOTE},
};
use leptos::{ev::SubmitEvent, prelude::*};
use uuid::Uuid;

/// What every agenda shares: all items of the relationship, and the session numbers.
#[derive(Clone, Copy)]
pub struct Agendas {
    pub items: Memo<Vec<Item>>,
    /// A session's number by its id (1 for the first), for "carried over from session 2".
    pub number: Callback<Uuid, usize>,
    pub relationship: Uuid,
    pub me: Role,
    pub partner: Signal<Option<String>>,
    pub ended: Signal<bool>,
}

#[component]
pub fn Agenda(session: Uuid, agendas: Agendas, #[prop(into)] n: Signal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let ids = move || {
        agendas.items.with(|items| {
            // A copy whose first item was ticked after all (a late tick) is not shown.
            let ticked_late = |i: &Item| {
                i.carried_from
                    .and_then(|from| items.iter().find(|x| x.id == from))
                    .is_some_and(|from| from.discussed)
            };
            items
                .iter()
                .filter(|i| i.session == session && !ticked_late(i))
                .map(|i| i.id)
                .collect::<Vec<_>>()
        })
    };
    let n_label = move || i18n.fmt(RoadmapMsg::AddToAgendaOf, &[&n.get().to_string()]);
    let n_button = move || i18n.fmt(RoadmapMsg::AddToSession, &[&n.get().to_string()]);
    view! {
        <h4>{i18n.tr(RoadmapMsg::Agenda)}</h4>
        <ul class="agenda">
            <For each=ids key=|id| *id let:id>
                <AgendaLine id agendas />
            </For>
        </ul>
        <AddToAgenda
            session
            relationship=agendas.relationship
            me=agendas.me
            hidden=agendas.ended
            label=Signal::derive(n_label)
            button=Signal::derive(n_button)
        />
    }
}

/// The field that adds an item to a session's agenda, as the person who types it.
#[component]
pub fn AddToAgenda(
    session: Uuid,
    relationship: Uuid,
    me: Role,
    /// An ended relationship's agenda takes nothing more.
    hidden: Signal<bool>,
    /// The field's name, and the button's.
    label: Signal<String>,
    button: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Rejection>);
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut writes = Item::new(session, text.get_untracked().trim().to_owned());
        writes.extend([
            AgendaSet::AddedBy(Some(me)),
            AgendaSet::Discussed(false),
            AgendaSet::CreatedAt(Some(now())),
        ]);
        let refused = sync.save(Item::at(Uuid::now_v7(), relationship), writes);
        error.set(refused);
        if refused.is_none() {
            text.set(String::new());
        }
    };
    let input_id = format!("agenda-{session}");
    view! {
        <form class="agenda-add" on:submit=add novalidate hidden=hidden>
            <div class="field">
                <label for=input_id.clone()>{label}</label>
                <div class="inline">
                    <input id=input_id.clone() type="text" maxlength=TEXT_MAX bind:value=text
                        aria-describedby=format!("{input_id}-message") />
                    <button type="submit" class="button secondary" aria-label=button>
                        {i18n.tr(Msg::Add)}
                    </button>
                </div>
                <p id=format!("{input_id}-message") class="field-message field-error" aria-live="polite">
                    {move || error.get().map(|r| rejection_text(i18n, r))}
                </p>
            </div>
        </form>
    }
}

/// One item: ticked when discussed (either person), with who added it and where it came from.
#[component]
fn AgendaLine(id: Uuid, agendas: Agendas) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let item = Memo::new(move |_| {
        agendas
            .items
            .with(|items| items.iter().find(|i| i.id == id).cloned())
    });
    let about = move || {
        agendas.items.with(|items| {
            let item = items.iter().find(|i| i.id == id)?;
            let who = added_by(items, item).map(|role| match role {
                role if role == agendas.me => i18n.t(RoadmapMsg::AddedByYou).to_owned(),
                _ => match agendas.partner.get() {
                    Some(name) => i18n.fmt(RoadmapMsg::AddedBy, &[&name]),
                    None => i18n.t(RoadmapMsg::AddedByPartner).to_owned(),
                },
            });
            // Not when the earlier session is gone (it has no number).
            let from = item
                .carried_from
                .and_then(|from| items.iter().find(|i| i.id == from))
                .map(|earlier| agendas.number.run(earlier.session))
                .filter(|n| *n > 0)
                .map(|n| i18n.fmt(RoadmapMsg::CarriedFrom, &[&n.to_string()]));
            let parts: Vec<String> = who.into_iter().chain(from).collect();
            Some(parts.join(" · "))
        })
    };
    let tick = move |ev| {
        let discussed = event_target_checked(&ev);
        sync.edit(
            Item::at(id, agendas.relationship),
            [AgendaSet::Discussed(discussed)],
        );
    };
    view! {
        <li>
            <label class="check">
                <input type="checkbox" prop:checked=move || item.with(|i| i.as_ref().is_some_and(|i| i.discussed))
                    disabled=move || agendas.ended.get() on:change=tick
                    aria-describedby=move || agendas.ended.get().then_some(ENDED_NOTE) />
                {move || item.with(|i| i.as_ref().map(|i| i.text.clone()))}
            </label>
            <span class="hint">" "{about}</span>
        </li>
    }
}
