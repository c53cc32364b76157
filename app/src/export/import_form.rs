//! The account page's form that brings an export back: the file goes to `POST /api/import` as
//! it is (a server function takes at most 2 MiB), and the page shows the sentence the server
//! answers with (`Accept: text/plain`), in the reader's language: what came back, or the first
//! thing refused.

use super::{ExportMsg, MAX_BYTES};
use crate::{
    i18n::use_i18n,
    relationships::use_directory,
    sync::engine::{now_millis, use_sync},
};
use leptos::{ev::SubmitEvent, prelude::*};

/// What the last try gave.
#[derive(Clone, PartialEq)]
enum Outcome {
    Sending,
    /// The server's sentence: what came back, or what it refused.
    Said(String),
    Refused(crate::i18n::Message),
}

#[component]
pub fn ImportForm() -> impl IntoView {
    let i18n = use_i18n();
    let directory = use_directory();
    let sync = use_sync();
    let file = NodeRef::<leptos::html::Input>::new();
    let outcome = RwSignal::new(None::<Outcome>);
    let send = move |ev: SubmitEvent| {
        ev.prevent_default();
        let chosen = file
            .get_untracked()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        let Some(chosen) = chosen else {
            return outcome.set(Some(Outcome::Refused(ExportMsg::ErrNoFile)));
        };
        if chosen.size() > MAX_BYTES as f64 {
            return outcome.set(Some(Outcome::Refused(ExportMsg::ErrTooLarge)));
        }
        outcome.set(Some(Outcome::Sending));
        leptos::task::spawn_local(async move {
            let answer = post(chosen).await;
            if let Some((true, _)) = answer {
                directory.refresh_now(now_millis());
                sync.kick();
            }
            outcome.set(Some(match answer {
                Some((_, said)) => Outcome::Said(said),
                None => Outcome::Refused(ExportMsg::ErrOffline),
            }));
        });
    };
    let sending = move || outcome.with(|o| o == &Some(Outcome::Sending));
    let said = move || {
        outcome.get().map(|o| match o {
            Outcome::Sending => i18n.t(ExportMsg::Importing).to_owned(),
            Outcome::Said(said) => said,
            Outcome::Refused(msg) => i18n.t(msg).to_owned(),
        })
    };
    view! {
        <form on:submit=send aria-labelledby="import-heading">
            <h3 id="import-heading">{i18n.tr(ExportMsg::ImportTitle)}</h3>
            <p>{i18n.tr(ExportMsg::ImportText)}</p>
            <div class="field">
                <label for="import-file">{i18n.tr(ExportMsg::ImportFile)}</label>
                <input id="import-file" type="file" accept=".json,application/json" node_ref=file />
            </div>
            <button type="submit" class="button secondary" disabled=sending>
                {i18n.tr(ExportMsg::ImportButton)}
            </button>
            <p role="status">{said}</p>
        </form>
    }
}

/// Sends the file as the request's body, as it is on disk: whether it was taken, and the
/// server's sentence; none when no answer came.
#[cfg(feature = "hydrate")]
async fn post(file: web_sys::File) -> Option<(bool, String)> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&file);
    let headers = web_sys::Headers::new().ok()?;
    headers.set("Content-Type", "application/json").ok()?;
    headers.set("Accept", "text/plain").ok()?;
    init.set_headers(&headers);
    let request = web_sys::Request::new_with_str_and_init("/api/import", &init).ok()?;
    let response: web_sys::Response = JsFuture::from(window().fetch_with_request(&request))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let said = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    Some((response.ok(), said))
}

#[cfg(not(feature = "hydrate"))]
async fn post(_: web_sys::File) -> Option<(bool, String)> {
    None
}
