//! Tandem's shared core: the infrastructure every feature uses, then one folder per feature.

pub mod error;
#[cfg(test)]
mod fuzz;
pub mod i18n;
pub mod kinds;
pub mod problem;
#[cfg(feature = "ssr")]
pub mod server;
pub mod sync;
pub mod ui;

pub mod accounts;
pub mod action_items;
pub mod agreement;
pub mod calendar;
pub mod checkin;
pub mod closing;
pub mod export;
pub mod goals;
pub mod notes;
pub mod prepare;
pub mod relationships;
pub mod roadmap;

pub mod screens;

pub use ui::{shell, App};

/// The server functions whose forms post to them before the app has loaded: the only ones
/// that take a form body. Every other one takes JSON.
#[cfg(feature = "ssr")]
pub fn form_endpoints() -> [&'static str; 7] {
    use leptos::server_fn::ServerFn;
    [
        accounts::SignUp::PATH,
        accounts::SignIn::PATH,
        accounts::SignOut::PATH,
        accounts::ChangePassword::PATH,
        accounts::SignOutEverywhere::PATH,
        accounts::DeleteAccount::PATH,
        relationships::StartRelationship::PATH,
    ]
}

/// Entry point of the browser bundle: takes over the server-rendered page, waiting for the
/// chunk of the page landed on, and then tells the app it is live.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Readable panic messages in development; a release leaves the hook out (0.5 KB compressed
    // off every first load), and a panic there still shows as "unreachable".
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    ui::lazy::handle_failed_chunk_fetches();
    // As `leptos::mount::hydrate_lazy` does, plus the signal when it is done; leptos's own
    // executor is set up inside `hydrate_from_async`, so this first task goes to the browser's.
    wasm_bindgen_futures::spawn_local(async {
        let app = leptos::mount::hydrate_from_async(
            leptos::prelude::document().body().expect("a body"),
            App,
        )
        .await;
        ui::hydrated();
        app.forget();
    });
}
