//! The sync indicator: online or not, how many edits wait, when the last sync was, what went wrong.

use super::form::{error_text, rejection_text};
use crate::{
    i18n::{use_i18n, I18n, Msg},
    sync::engine::use_sync,
};
use leptos::prelude::*;

/// A time of day as the reader's language writes it ("14:05:09", "2:05:09 PM"), in the
/// device's time zone. Only the browser shows sync times: the server renders none.
fn clock_time(i18n: I18n, at: chrono::DateTime<chrono::Utc>) -> String {
    let millis = at.timestamp_millis() as f64;
    js_sys::Date::new(&millis.into())
        .to_locale_time_string(i18n.locale().code())
        .into()
}

#[component]
pub fn SyncStatus() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let open = RwSignal::new(false);
    let pending = move || sync.pending();
    let summary = move || {
        let status = sync.status.get();
        let rejected = sync.rejected().len();
        if status.storage_failed {
            i18n.t(Msg::SyncNotStored).to_owned()
        } else if rejected > 0 {
            i18n.fmt(Msg::SyncRejected, &[&rejected.to_string()])
        } else if !status.online {
            match pending() {
                0 => i18n.t(Msg::SyncOffline).to_owned(),
                n => i18n.fmt(Msg::SyncOfflinePending, &[&n.to_string()]),
            }
        } else if pending() > 0 {
            i18n.fmt(Msg::SyncPending, &[&pending().to_string()])
        } else if status.error.is_some() {
            i18n.t(Msg::SyncFailed).to_owned()
        } else {
            i18n.t(Msg::SyncSaved).to_owned()
        }
    };
    let attention = move || {
        let s = sync.status.get();
        s.storage_failed || !sync.rejected().is_empty() || s.error.is_some()
    };

    view! {
        <div class="sync">
            <button
                class="button secondary sync-button"
                class:attention=attention
                aria-expanded=move || open.get().to_string()
                aria-controls="sync-details"
                aria-label=move || i18n.fmt(Msg::SyncStatusLabel, &[&summary()])
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="sync-dot" class:offline=move || !sync.status.get().online aria-hidden="true"></span>
                <span role="status">{summary}</span>
            </button>
            <div id="sync-details" class="sync-details panel" hidden=move || !open.get()>
                <p>
                    {move || match sync.status.get().last_sync {
                        Some(at) => i18n.fmt(Msg::LastSync, &[&clock_time(i18n, at)]),
                        None => i18n.t(Msg::NeverSynced).to_owned(),
                    }}
                </p>
                <p class="form-error" role="alert">
                    {move || sync.status.get().storage_failed.then(|| i18n.t(Msg::StorageFailed))}
                </p>
                <p class="form-error">
                    {move || sync.status.get().error.map(|e| error_text(i18n, &e))}
                </p>
                <ul class="rejected">
                    // Refusals are few and short-lived: a plain list, not a keyed <For>,
                    // keeps the keyed-diff code of another item type off every page (5 KB compressed).
                    {move || sync.rejected().into_iter().map(|(id, name, reason)| view! {
                        <li>
                            <p>{i18n.fmt(Msg::RejectedChange, &[&name])}</p>
                            <p class="form-error">{rejection_text(i18n, reason)}</p>
                            <button class="button secondary" on:click=move |_| sync.discard(id)>
                                {i18n.tr(Msg::Discard)}
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        </div>
    }
}
