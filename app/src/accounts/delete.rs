//! Deleting one's account: what will happen, said before it does, and the password again.

use super::{AccountMsg, DeleteAccount, Password};
use crate::i18n::use_i18n;
use crate::{
    problem::{Field, FieldError},
    sync::engine::use_sync,
    ui::{
        form::{field_error, FormError, TextField},
        pwa, use_auth,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn DeleteAccountSection() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let sync = use_sync();
    let navigate = use_navigate();
    let action = ServerAction::<DeleteAccount>::new();
    let password = RwSignal::new(String::new());
    let client = RwSignal::new(Vec::<FieldError>::new());
    let server = move || action.value().get().and_then(Result::err);
    // As signing out does, without asking about unsent edits: the account they belong to is gone.
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            sync.stop(true);
            pwa::forget();
            auth.changed();
            navigate("/", Default::default());
        }
    });
    let check = move |ev: leptos::ev::SubmitEvent| {
        let empty = password.with_untracked(String::is_empty);
        let errors: Vec<FieldError> = empty
            .then(|| FieldError::new(Field::Password, crate::problem::Problem::Required))
            .into_iter()
            .collect();
        if empty {
            ev.prevent_default();
        }
        client.set(errors);
    };
    view! {
        <section class="panel narrow">
            <h2>{i18n.tr(AccountMsg::DeleteTitle)}</h2>
            <p id="delete-what">{i18n.tr(AccountMsg::DeleteWhat)}</p>
            <ActionForm action on:submit:capture=check attr:novalidate=true>
                <TextField
                    id="password"
                    label=AccountMsg::DeletePassword
                    kind="password"
                    value=password
                    autocomplete="current-password"
                    maxlength=Password::MAX
                    error=field_error(client, server, Field::Password)
                />
                <FormError error=Signal::derive(server) />
                <button type="submit" class="button danger" aria-describedby="delete-what" disabled=move || action.pending().get()>
                    {i18n.tr(AccountMsg::DeleteConfirm)}
                </button>
            </ActionForm>
        </section>
    }
}
