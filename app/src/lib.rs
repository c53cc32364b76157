//! Tandem's shared core: domain, server function declarations, UI, and (with `ssr`) the server side.

pub mod api;
pub mod domain;
pub mod error;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod server;
pub mod sync;
pub mod ui;

pub use ui::{shell, App};

/// Entry point of the browser bundle: takes over the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
