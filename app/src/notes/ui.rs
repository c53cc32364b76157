//! A session's notes on its page: the shared notes and the person's private ones.

use super::{
    kind::{
        self, private_id, shared_id, PrivateNotes, PrivateSet, SharedNotes, SharedSet, TEXT_MAX,
    },
    messages::NotesMsg,
};
use crate::{
    i18n::{use_i18n, Message},
    relationships::Role,
    sync::{declare::RecordKind, engine::use_sync},
    ui::form::SavedTextArea,
};
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn SessionNotes(
    relationship: Uuid,
    session: Uuid,
    me: Role,
    ended: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let notes = move |private: Option<Role>, label: Message, save: Callback<String, _>| {
        let saved = Signal::derive(move || {
            sync.device.with(|d| {
                Some(kind::read(
                    &d.as_ref()?.local,
                    relationship,
                    session,
                    private,
                ))
            })
        });
        let id = format!(
            "notes-{}",
            if private.is_some() {
                "private"
            } else {
                "shared"
            }
        );
        view! {
            <SavedTextArea id label=move || i18n.t(label).to_owned() saved max=TEXT_MAX
                save locked=ended />
        }
    };
    // Every write names the session: whichever comes first makes the record whole.
    let shared = Callback::new(move |text: String| {
        let mut writes = SharedNotes::new(session);
        writes.push(SharedSet::Text(text));
        let record = SharedNotes::at(shared_id(relationship, session), relationship);
        sync.save(record, writes)
    });
    let private = Callback::new(move |text: String| {
        let mut writes = PrivateNotes::new(session);
        writes.push(PrivateSet::Text(text));
        let record = PrivateNotes::at(private_id(relationship, session, me), relationship);
        sync.save(record, writes)
    });
    view! {
        <section class="panel" aria-labelledby="notes-heading">
            <h2 id="notes-heading">{i18n.tr(NotesMsg::Title)}</h2>
            {notes(None, NotesMsg::Shared, shared)}
            {notes(Some(me), NotesMsg::Private, private)}
        </section>
    }
}
