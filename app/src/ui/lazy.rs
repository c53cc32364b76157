//! Pages that load from their own wasm chunk the first time they are needed.

use crate::i18n::{use_i18n, Msg};
use leptos::{prelude::*, wasm_split::SplitLoaderError};

/// A page's chunk could not be fetched or started: offline before it was ever stored.
#[derive(Debug, Clone, Copy)]
pub struct ChunkFailed;

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// Declares a route whose page lives in its own wasm chunk.
///
/// Written out rather than with leptos's `#[lazy_route]`: in Leptos 0.8 that one panics when
/// the chunk cannot load, and a panic aborts the whole app (`panic = "abort"`). Here the
/// split is `fallible`, and a failure shows [`ChunkMissing`] in the page's place.
/// `lazy_page!(Route, chunk, preload_chunk, Page)`: the chunk's name is what the build's
/// manifest and `make size` call it.
// rustfmt indents the attribute a step further on every run.
#[rustfmt::skip]
macro_rules! lazy_page {
    ($route:ident, $chunk:ident, $preload:ident, $page:path) => {
        #[derive(Debug, Clone, Copy)]
        pub struct $route;

        #[::leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload($preload)
        )]
        fn $chunk(_: $route) -> Result<::leptos::prelude::AnyView, $crate::ui::lazy::ChunkFailed> {
            Ok(::leptos::prelude::IntoAny::into_any($page()))
        }

        impl ::leptos_router::LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(this: Self) -> ::leptos::prelude::AnyView {
                // Lets the server's page preload this chunk, as `#[lazy]` does.
                #[cfg(feature = "ssr")]
                ::leptos::prefetch_lazy_fn_on_server(stringify!($chunk));
                $chunk(this).await.unwrap_or_else(|_| {
                    ::leptos::prelude::IntoAny::into_any($crate::ui::lazy::ChunkMissing())
                })
            }

            async fn preload() {
                $crate::ui::lazy::preload(::std::boxed::Box::pin($preload())).await
            }
        }
    };
}

pub(crate) use lazy_page;

/// Loads a page's chunk ahead of its view. If that fails once the app runs, `view` tries again
/// and shows [`ChunkMissing`] if it fails too.
///
/// While the server's page is being taken over, that would be fatal: the router takes the page
/// over as soon as this returns, and a view still loading, or a message, would not match the
/// server's HTML (a panic). So the server's page stays as it is (its forms still post without
/// the app), the message is shown above it, and the takeover waits for good; *Try again*
/// reloads.
// One boxed future for every page, not a copy per page: 0.3 KB compressed on every first load.
pub async fn preload(
    load: std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), SplitLoaderError>>>>,
) {
    if load.await.is_err() && taking_over() {
        #[cfg(feature = "hydrate")]
        show_above_page();
        std::future::pending::<()>().await;
    }
}

/// The chunk loader of cargo-leptos 0.3.10 starts a chunk's fetch and leaves it unawaited when
/// another part of the same load fails first, so a page that cannot load also leaves
/// "Uncaught (in promise) TypeError: Failed to fetch" behind. The failure is already handled (the
/// page says it needs a connection once); these are marked handled too. The app awaits every
/// fetch of its own, so only the loader's end here.
#[cfg(feature = "hydrate")]
pub fn handle_failed_chunk_fetches() {
    use wasm_bindgen::JsCast;
    // Kept for the page's life: the handle does not remove the listener when dropped.
    let _ = window_event_listener_untyped("unhandledrejection", |event| {
        let reason = js_sys::Reflect::get(&event, &"reason".into()).unwrap_or_default();
        // What a failed fetch rejects with: a TypeError whose message names the network
        // ("Failed to fetch" in Chromium, "NetworkError when attempting to fetch resource." in
        // Firefox, "Load failed" in Safari). Any other rejection still reaches the console.
        let network = reason.is_instance_of::<js_sys::TypeError>()
            && reason.dyn_ref::<js_sys::Error>().is_some_and(|e| {
                let message = String::from(e.message());
                ["Failed to fetch", "NetworkError", "Load failed"]
                    .iter()
                    .any(|m| message.contains(m))
            });
        if network {
            event.prevent_default();
        }
    });
}

/// Whether the server's page is still being taken over in the browser.
fn taking_over() -> bool {
    #[cfg(feature = "hydrate")]
    return !super::is_live();
    #[cfg(not(feature = "hydrate"))]
    false
}

#[cfg(feature = "hydrate")]
fn show_above_page() {
    use crate::i18n::{initial_locale, I18n};
    use wasm_bindgen::JsCast;
    let doc = document();
    let (Some(main), Ok(spot)) = (doc.get_element_by_id("main"), doc.create_element("div")) else {
        return;
    };
    if main.prepend_with_node_1(&spot).is_err() {
        return;
    }
    leptos::mount::mount_to(spot.unchecked_into(), || {
        provide_context(I18n::new(initial_locale()));
        ChunkMissing()
    })
    .forget();
}

/// Shown instead of a page whose code never reached this device.
#[component]
pub fn ChunkMissing() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel">
            <h1>{i18n.tr(Msg::ChunkMissingTitle)}</h1>
            <p role="alert">{i18n.tr(Msg::ChunkMissingText)}</p>
            <div class="actions">
                <button class="button primary" on:click=move |_| {
                    let _ = window().location().reload();
                }>{i18n.tr(Msg::TryAgain)}</button>
                <a class="button secondary" href="/">{i18n.tr(Msg::BackHome)}</a>
            </div>
        </section>
    }
}
