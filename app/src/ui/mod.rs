//! The user interface: the HTML shell, the app with its routes, and the pages.

mod action_items;
mod auth;
mod form;
mod header;
mod home;
mod invite;
pub mod pwa;
mod relationship;
mod sync_status;

use crate::{
    api::{me, UserView},
    error::AppError,
    i18n::{initial_locale, use_i18n, I18n, Msg},
    sync::engine::SyncEngine,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Html, Link, Meta, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

/// The document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <HashedStylesheet options=options.clone() id="leptos" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Who is signed in, shared by every page; `changed` makes everything that depends on it reload.
#[derive(Clone, Copy)]
pub struct Auth {
    pub user: Resource<Result<Option<UserView>, AppError>>,
    version: RwSignal<u32>,
}

impl Auth {
    pub fn changed(self) {
        self.version.update(|v| *v += 1);
    }

    /// Changes whenever someone signs in or out: a key for data that belongs to the user.
    pub fn version(self) -> u32 {
        self.version.get()
    }
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = I18n::new(initial_locale());
    provide_context(i18n);
    let version = RwSignal::new(0u32);
    let user = Resource::new(move || version.get(), |_| me());
    provide_context(Auth { user, version });
    let sync = SyncEngine::new();
    provide_context(sync);
    // The device's data is read only in the browser, once someone is signed in.
    Effect::new(move |_| {
        if let Some(Ok(Some(me))) = user.get() {
            sync.start(me.id);
        }
    });

    // Tests and scripts wait for this before interacting: it is set once the app is live.
    Effect::new(move |_| {
        pwa::register();
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <Html {..} lang=move || i18n.locale().code() />
        <Title text=move || i18n.t(Msg::AppName) />
        <Meta name="description" content=move || i18n.t(Msg::Tagline) />
        <Meta name="theme-color" content="#2f6f62" />
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
        <Link rel="manifest" href="/manifest.webmanifest" />
        <Link rel="apple-touch-icon" href="/icons/icon-192.png" />
        <Router>
            <header::Header />
            <main id="main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=home::HomePage />
                    <Route path=path!("/signup") view=auth::SignUpPage />
                    <Route path=path!("/signin") view=auth::SignInPage />
                    <Route path=path!("/r/:id") view=relationship::RelationshipPage />
                    <Route path=path!("/invite/:token") view=invite::InvitePage />
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    if let Some(options) = use_context::<leptos_axum::ResponseOptions>() {
        options.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <section class="panel">
            <h1>{move || i18n.t(Msg::NotFoundTitle)}</h1>
            <p>
                <a href="/">{move || i18n.t(Msg::BackHome)}</a>
            </p>
        </section>
    }
}

/// A link back to where the user was going, only ever within this site.
pub fn safe_next(next: Option<String>) -> String {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
        .unwrap_or_else(|| "/".to_owned())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/invite/abc".into())), "/invite/abc");
        assert_eq!(safe_next(Some("//evil.example".into())), "/");
        assert_eq!(safe_next(Some("https://evil.example".into())), "/");
        assert_eq!(safe_next(Some("/\\evil.example".into())), "/");
        assert_eq!(safe_next(None), "/");
    }
}
