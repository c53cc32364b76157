//! The button that saves the export, of one relationship or of all of them.

use super::{document, download, ExportMsg};
use crate::{
    i18n::use_i18n,
    relationships::use_directory,
    sync::engine::{now_millis, use_sync},
    ui::use_auth,
};
use leptos::prelude::*;
use uuid::Uuid;

/// Saves `tandem-<what>.json` from this device's copy; `only` one relationship, else all.
/// Measured against other ways: a part of its own loaded on the first click put 1.5 KB more on
/// Today and 1.3 KB on the roadmap; only on the account page, with a button per relationship,
/// 2.5 KB more on Today.
#[component]
pub fn ExportButton(only: Option<Uuid>) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let directory = use_directory();
    let auth = use_auth();
    let not_ready = RwSignal::new(false);
    let save = move |_| {
        let Some(Ok(Some(me))) = auth.user.get_untracked() else {
            return;
        };
        let mut list = directory.list_untracked().unwrap_or_default();
        list.retain(|r| only.is_none_or(|id| r.id == id));
        let text = sync.device.with_untracked(|d| {
            d.as_ref()
                .map(|d| document(me.id, &list, &d.local, now_millis() as i64))
        });
        not_ready.set(text.is_none());
        if let Some(text) = text {
            let name = match only {
                Some(id) => format!("tandem-relationship-{id}.json"),
                None => "tandem-export.json".to_owned(),
            };
            download::save(&name, "application/json", &text);
        }
    };
    let label = if only.is_some() {
        ExportMsg::DownloadOne
    } else {
        ExportMsg::DownloadAll
    };
    view! {
        <button type="button" class="button secondary" on:click=save>{i18n.tr(label)}</button>
        <p role="status">{move || not_ready.get().then(|| i18n.t(ExportMsg::NotReady))}</p>
    }
}
