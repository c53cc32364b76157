//! The user interface every page shares: the HTML shell, the app with its routes, the header, forms.

pub mod badge;
pub mod form;
mod header;
pub mod lazy;
pub mod page_data;
pub mod pwa;
pub mod seen;
mod sync_status;

use crate::{
    accounts::{me, UserView},
    error::AppError,
    i18n::{initial_locale, use_i18n, I18n, Msg},
    relationships::{self, Directory},
    sync::engine::SyncEngine,
};
use leptos::prelude::*;
use leptos_meta::HashedStylesheet;
use leptos_router::{
    components::{Route, Router, Routes},
    path, Lazy,
};
use page_data::{page_data, PageData};

/// The document around the app, rendered on the server only. The head is written here,
/// in the reader's language, rather than by leptos_meta components in the app: that
/// keeps leptos_meta out of the browser bundle (11 KB compressed); `follow_locale`
/// keeps the translated parts current when the reader switches language.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = initial_locale();
    #[cfg(feature = "ssr")]
    crate::server::headers::set_page_policy();
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{Msg::AppName.text(locale)}</title>
                <meta name="description" content=Msg::Tagline.text(locale) />
                <meta name="theme-color" content="#2f6f62" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="apple-touch-icon" href="/icons/icon-192.png" />
                <HashedStylesheet options=options.clone() id="leptos" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Keeps the document's language, title and description in the language chosen.
fn follow_locale(i18n: I18n) {
    Effect::new(move |_| {
        let locale = i18n.locale();
        let doc = document();
        doc.set_title(Msg::AppName.text(locale));
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", locale.code());
        }
        if let Ok(Some(meta)) = doc.query_selector("meta[name=description]") {
            let _ = meta.set_attribute("content", Msg::Tagline.text(locale));
        }
    });
}

/// Who is signed in, shared by every page; `changed` makes everything that depends on it reload.
#[derive(Clone, Copy)]
pub struct Auth {
    pub user: PageData<Result<Option<UserView>, AppError>>,
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

#[cfg(feature = "hydrate")]
thread_local! {
    /// The app's [`Live`] flag, for the entry point to set once hydration is over.
    static LIVE: std::cell::Cell<Option<RwSignal<bool>>> = const { std::cell::Cell::new(None) };
}

/// Called by the entry point once the whole page, including the chunk of a lazy page landed
/// on, has been taken over.
#[cfg(feature = "hydrate")]
pub fn hydrated() {
    if let Some(live) = LIVE.get() {
        live.set(true);
    }
}

/// Whether [`hydrated`] has been called: false while the server's page is being taken over.
#[cfg(feature = "hydrate")]
fn is_live() -> bool {
    LIVE.get().is_some_and(|live| live.get_untracked())
}

/// Whether the page has been taken over in the browser. With lazy pages the app's own effects
/// run while the page's chunk is still loading, so what must wait for the whole page (reading
/// the device, which would change what the page renders) waits for this instead.
fn live() -> RwSignal<bool> {
    let live = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    LIVE.set(Some(live));
    provide_context(Live(live));
    live
}

#[derive(Clone, Copy)]
struct Live(RwSignal<bool>);

/// True once the app runs in the browser: for controls that do nothing before.
pub fn use_live() -> Signal<bool> {
    expect_context::<Live>().0.into()
}

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::new(initial_locale());
    provide_context(i18n);
    follow_locale(i18n);
    let version = RwSignal::new(0u32);
    let user = page_data(move || version.get(), |_| me());
    provide_context(Auth { user, version });
    let sync = SyncEngine::new();
    provide_context(sync);
    let directory = Directory::new();
    provide_context(directory);
    seen::provide_marks();
    let live = live();
    // Whose count the app's badge shows: whoever is signed in.
    let badge_for = RwSignal::new(None);
    // The device's data is read only in the browser, once someone is signed in.
    Effect::new(move |_| {
        if !live.get() {
            return;
        }
        match user.get() {
            Some(Ok(Some(me))) => {
                sync.start(me.id);
                if badge_for.get_untracked() != Some(me.id) {
                    badge_for.set(Some(me.id));
                }
                directory.start(Some(me.id));
                crate::screens::load_today_ahead();
            }
            Some(Ok(None)) => {
                sync.stop(false);
                directory.start(None);
                // Nobody's count stays on the icon after they signed out.
                badge_for.set(None);
                badge::set(0);
            }
            _ => {}
        }
    });
    // The relationships are asked for again now and then while the records sync.
    Effect::new(move |_| {
        if sync.status.with(|s| s.last_sync).is_some() {
            directory.refresh(crate::sync::engine::now_millis());
        }
    });
    // ... and at once when the server says one of them changed.
    Effect::new(move |first: Option<()>| {
        sync.relationships_changed.track();
        if first.is_some() {
            directory.refresh_now(crate::sync::engine::now_millis());
        }
    });

    // Tests and scripts wait for this before interacting: it is set once the app is live.
    Effect::new(move |_| {
        if live.get() {
            pwa::register();
            if let Some(body) = document().body() {
                let _ = body.set_attribute("data-hydrated", "true");
            }
        }
    });

    view! {
        <Router>
            <header::Header />
            // Set only once the app runs, so that the server's page and the takeover agree.
            {move || badge_for.get().map(|user| view! { <crate::screens::LazyBadge user /> })}
            <main id="main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=crate::screens::HomePage />
                    // Every other page loads when first needed (see `lazy_page!`).
                    <Route path=path!("/signup") view={Lazy::<crate::screens::AccountRoute>::new()} />
                    <Route path=path!("/signin") view={Lazy::<crate::screens::AccountRoute>::new()} />
                    <Route path=path!("/account") view={Lazy::<crate::screens::AccountRoute>::new()} />
                    <Route path=path!("/signout") view={Lazy::<crate::screens::AccountRoute>::new()} />
                    <Route path=path!("/r/:id") view={Lazy::<crate::screens::RelationshipRoute>::new()} />
                    <Route path=path!("/r/:id/prepare") view={Lazy::<crate::prepare::PrepareRoute>::new()} />
                    <Route path=path!("/r/:id/agreement") view={Lazy::<crate::agreement::AgreementRoute>::new()} />
                    <Route path=path!("/r/:id/goals") view={Lazy::<crate::goals::GoalsRoute>::new()} />
                    <Route path=path!("/r/:id/brief") view={Lazy::<crate::screens::BriefRoute>::new()} />
                    <Route path=path!("/r/:id/close") view={Lazy::<crate::screens::SessionRoute>::new()} />
                    <Route path=path!("/r/:id/calendar") view={Lazy::<crate::calendar::CalendarRoute>::new()} />
                    <Route path=path!("/r/:id/roadmap") view={Lazy::<crate::screens::RoadmapRoute>::new()} />
                    <Route path=path!("/r/:id/sessions/:session") view={Lazy::<crate::screens::SessionRoute>::new()} />
                    <Route path=path!("/invite/:token") view={Lazy::<relationships::InviteRoute>::new()} />
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
            <h1>{i18n.tr(Msg::NotFoundTitle)}</h1>
            <p>
                <a href="/">{i18n.tr(Msg::BackHome)}</a>
            </p>
        </section>
    }
}
