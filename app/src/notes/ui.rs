//! A session's notes on its page: the shared notes and the person's private ones.

use super::{kind, messages::NotesMsg, PRIVATE, SHARED};
use crate::{
    i18n::use_i18n,
    relationships::Role,
    sync::{client::RecordRef, engine::use_sync, schema::KindSpec},
    ui::form::SavedTextArea,
};
use leptos::prelude::*;
use serde_json::Value;
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
    let notes = move |private: Option<Role>, spec: &'static KindSpec, label| {
        let saved = Signal::derive(move || {
            sync.device
                .with(|d| Some(kind::read(&d.as_ref()?.local, session, private)))
        });
        let record = RecordRef {
            id: kind::notes_id(session, private),
            relationship,
            kind: spec.kind.clone(),
            private: private.is_some(),
        };
        let save = Callback::new(move |text: Value| {
            sync.edit(
                record.clone(),
                vec![
                    (kind::SESSION, Value::from(session.to_string())),
                    (kind::TEXT, text),
                ],
            )
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
            <SavedTextArea id label=move || i18n.t(label).to_owned() saved kind=spec
                field=kind::TEXT save locked=ended />
        }
    };
    view! {
        <section class="panel" aria-labelledby="notes-heading">
            <h2 id="notes-heading">{i18n.tr(NotesMsg::Title)}</h2>
            {notes(None, SHARED, NotesMsg::Shared)}
            {notes(Some(me), PRIVATE, NotesMsg::Private)}
        </section>
    }
}
