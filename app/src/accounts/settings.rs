//! The account page: change the password, sign out on every device at once, or leave.

use super::{AccountMsg, ChangePassword, Password, SignOutEverywhere};
use crate::export::ExportMsg;
use crate::{
    i18n::{use_i18n, Msg},
    problem::{Field, FieldError},
    sync::engine::use_sync,
    ui::{
        form::{field_error, FormError, TextField},
        pwa, use_auth,
    },
};
use leptos::prelude::*;

/// The account page; `data` is the way to download one's data, which the screens give it.
#[component]
pub fn AccountPage(#[prop(into)] data: ViewFn) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    view! {
        <Transition fallback=move || view! { <p class="panel">{i18n.tr(Msg::Loading)}</p> }>
            {move || {
                let data = data.clone();
                crate::ui::page_data::after(async move {
                match auth.user.await {
                    Ok(Some(user)) => view! {
                        <section class="panel narrow">
                            <h1>{i18n.tr(AccountMsg::AccountTitle)}</h1>
                            <p>{user.display_name} " · " {user.email}</p>
                        </section>
                        <NewPassword />
                        <EverywhereOut />
                        <section class="panel narrow">
                            <h2>{i18n.tr(ExportMsg::Title)}</h2>
                            <p>{i18n.tr(ExportMsg::AllText)}</p>
                            {data.run()}
                        </section>
                        <super::delete::DeleteAccountSection />
                    }.into_any(),
                    _ => view! {
                        <section class="panel narrow">
                            <p>{i18n.tr(Msg::ErrSignInFirst)}</p>
                            <a class="button primary" href="/signin?next=/account">{i18n.tr(Msg::SignIn)}</a>
                        </section>
                    }.into_any(),
                }
            })}}
        </Transition>
    }
}

#[component]
fn NewPassword() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ChangePassword>::new();
    let (current, new) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let client = RwSignal::new(Vec::<FieldError>::new());
    let server = move || action.value().get().and_then(Result::err);
    let done = move || matches!(action.value().get(), Some(Ok(())));
    Effect::new(move |_| {
        if done() {
            current.set(String::new());
            new.set(String::new());
        }
    });
    let check = move |ev: leptos::ev::SubmitEvent| {
        let errors: Vec<FieldError> = Password::parse(&new.get_untracked())
            .err()
            .map(|e| FieldError::new(Field::NewPassword, e.problem))
            .into_iter()
            .collect();
        if !errors.is_empty() {
            ev.prevent_default();
        }
        client.set(errors);
    };
    view! {
        <section class="panel narrow">
            <h2>{i18n.tr(AccountMsg::ChangePassword)}</h2>
            <ActionForm action on:submit:capture=check attr:novalidate=true>
                <TextField
                    id="current_password"
                    label=AccountMsg::CurrentPassword
                    kind="password"
                    value=current
                    autocomplete="current-password"
                    maxlength=Password::MAX
                    error=field_error(client, server, Field::Password)
                />
                <TextField
                    id="new_password"
                    label=AccountMsg::NewPassword
                    kind="password"
                    value=new
                    autocomplete="new-password"
                    maxlength=Password::MAX
                    hint=AccountMsg::PasswordHint
                    error=field_error(client, server, Field::NewPassword)
                />
                <FormError error=Signal::derive(server) />
                <p role="status">{move || done().then(|| i18n.t(AccountMsg::PasswordChanged))}</p>
                <button type="submit" class="button primary" disabled=move || action.pending().get()>
                    {i18n.tr(AccountMsg::ChangePassword)}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn EverywhereOut() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let sync = use_sync();
    let action = ServerAction::<SignOutEverywhere>::new();
    // As signing out here does: this device forgets what it kept.
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            sync.stop(false);
            pwa::forget();
            auth.changed();
        }
    });
    view! {
        <section class="panel narrow">
            <h2>{i18n.tr(AccountMsg::EverywhereTitle)}</h2>
            <p>{i18n.tr(AccountMsg::EverywhereText)}</p>
            <FormError error=Signal::derive(move || action.value().get().and_then(Result::err)) />
            <ActionForm action>
                <button type="submit" class="button secondary">{i18n.tr(AccountMsg::SignOutEverywhere)}</button>
            </ActionForm>
        </section>
    }
}
