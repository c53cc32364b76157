//! Saving a person's data: the JSON export, and the readable Markdown document, whose writer
//! is loaded from a chunk of its own on the first click (offline too: the worker keeps every
//! chunk), so no page's first load carries it.

use super::export_md::markdown;
use crate::{
    export::{save, ExportButton, ExportMsg},
    i18n::{use_i18n, I18n, Message, Msg},
    relationships::{use_directory, RelationshipView},
    sync::engine::{today, use_sync, SyncEngine},
    ui::lazy::ChunkFailed,
};
use chrono::NaiveDate;
use leptos::{prelude::*, task::spawn_local};
use uuid::Uuid;

/// What the document is made of, handed to its chunk.
struct Ask {
    i18n: I18n,
    sync: SyncEngine,
    list: Vec<RelationshipView>,
    today: NaiveDate,
}

/// The document, or none while the device has not read its records. In the brief's chunk,
/// which reads nearly all it reads: a chunk of its own cut the shared chunks anew and put
/// 7.8 KB more on landing on Today, 5 KB on the roadmap, 7.3 KB on a relationship.
#[rustfmt::skip]
#[::leptos::wasm_split::wasm_split(brief_page, wasm_split_path = ::leptos::wasm_split, fallible)]
fn markdown_export(ask: Ask) -> Result<Option<String>, ChunkFailed> {
    let Ask { i18n, sync, list, today } = ask;
    // Written once, after a click: not a view that would follow the language.
    Ok(untrack(|| {
        sync.device
            .with_untracked(|d| d.as_ref().map(|d| markdown(i18n, &list, &d.local, today)))
    }))
}

/// Both downloads: of one relationship (`only`), else of all of them.
#[component]
pub fn DataDownloads(#[prop(optional)] only: Option<Uuid>) -> impl IntoView {
    view! {
        <ExportButton only />
        <MarkdownButton only />
    }
}

/// Saves `tandem-<what>.md` from this device's copy.
#[component]
fn MarkdownButton(only: Option<Uuid>) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let directory = use_directory();
    let problem = RwSignal::new(None::<Message>);
    let save_document = move |_| {
        let mut list = directory.list_untracked().unwrap_or_default();
        list.retain(|r| only.is_none_or(|id| r.id == id));
        let ask = Ask {
            i18n,
            sync,
            list,
            today: today(),
        };
        spawn_local(async move {
            let text = match markdown_export(ask).await {
                Ok(Some(text)) => text,
                Ok(None) => return problem.set(Some(ExportMsg::NotReady)),
                Err(ChunkFailed) => return problem.set(Some(Msg::ChunkMissingText)),
            };
            problem.set(None);
            let name = match only {
                Some(id) => format!("tandem-relationship-{id}.md"),
                None => "tandem.md".to_owned(),
            };
            save(&name, "text/markdown", &text);
        });
    };
    let label = if only.is_some() {
        ExportMsg::MarkdownOne
    } else {
        ExportMsg::MarkdownAll
    };
    view! {
        <button type="button" class="button secondary" on:click=save_document>{i18n.tr(label)}</button>
        <p role="status">{move || problem.get().map(|m| i18n.t(m))}</p>
    }
}
