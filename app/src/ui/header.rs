//! The top bar: the app's name, the language picker, and who is signed in.

use super::use_auth;
use crate::{
    accounts::SignOut,
    i18n::{use_i18n, Locale, Msg},
    sync::engine::use_sync,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    // A form, so that signing out works before the app has loaded too; the server
    // redirects home.
    let sign_out = ServerAction::<SignOut>::new();
    let sync = use_sync();
    // Every page seen online opens offline later, including those reached inside the app.
    let location = use_location();
    Effect::new(move |_| super::pwa::keep(vec![location.pathname.get()]));
    Effect::new(move |_| {
        if let Some(Ok(())) = sign_out.value().get() {
            sync.stop(false);
            super::pwa::forget();
            auth.changed();
        }
    });
    // Signing out erases this device's copy: with edits not yet sent, the person first hears
    // what they would lose and chooses (the sign-out page).
    // The router's navigation, not a full load: the sign-out page must open offline too.
    let navigate = use_navigate();
    // A plain form rather than `ActionForm`, as the start form: reading a form's fields into
    // the call put serde_qs's reader in the main bundle (measured with the start form: 17.4 KB
    // compressed).
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sync.pending() > 0 {
            navigate("/signout", Default::default());
        } else {
            sign_out.dispatch(crate::accounts::SignOut {});
        }
    };

    view! {
        <header class="topbar">
            <a href="/" class="brand">
                {i18n.tr(Msg::AppName)}
            </a>
            <nav class="topbar-actions" aria-label=i18n.tr(Msg::AccountMenu)>
                <LanguagePicker />
                <Transition fallback=|| ()>
                    {move || {
                        let submit = submit.clone();
                        crate::ui::page_data::after(async move {
                            match auth.user.await {
                                Ok(Some(user)) => view! {
                                    <super::sync_status::SyncStatus />
                                    <a class="who" href="/account">{user.display_name}</a>
                                    <form method="post" action={<crate::accounts::SignOut as leptos::server_fn::ServerFn>::PATH} on:submit=submit>
                                        <button type="submit" class="button secondary" disabled=move || sign_out.pending().get()>
                                            {i18n.tr(Msg::SignOut)}
                                        </button>
                                    </form>
                                }.into_any(),
                                _ => view! {
                                    <a class="button secondary" href="/signin">
                                        {i18n.tr(Msg::SignIn)}
                                    </a>
                                }.into_any(),
                            }
                        })
                    }}
                </Transition>
            </nav>
        </header>
    }
}

#[component]
fn LanguagePicker() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <select
            class="language"
            aria-label=i18n.tr(Msg::Language)
            on:change=move |ev| {
                if let Some(locale) = Locale::from_own_code(&event_target_value(&ev)) {
                    i18n.set(locale);
                }
            }
        >
            {Locale::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <option value=l.code() selected=move || i18n.locale() == l lang=l.code()>
                            {l.native_name()}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}
