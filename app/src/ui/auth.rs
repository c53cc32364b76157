//! The sign-up and sign-in pages.

use super::{
    form::{field_error, FormError, ServerCall, TextField},
    safe_next, use_auth,
};
use crate::{
    api::{SignIn, SignUp},
    domain::{DisplayName, Email, Field, FieldError, Password, Problem},
    i18n::{use_i18n, Msg},
};
use leptos::{ev::SubmitEvent, prelude::*};
use leptos_router::hooks::{use_navigate, use_query_map};

/// Where to go after signing in, carried in `?next=`.
fn next_target() -> Memo<String> {
    let query = use_query_map();
    Memo::new(move |_| safe_next(query.read().get("next")))
}

/// What follows a successful sign-in or sign-up: refresh who is signed in and go on.
fn on_success(next: Memo<String>) -> impl Fn() + Copy + 'static {
    let auth = use_auth();
    let navigate = StoredValue::new(use_navigate());
    move || {
        auth.changed();
        navigate.with_value(|go| go(&next.get_untracked(), Default::default()));
    }
}

#[component]
pub fn SignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    let next = next_target();
    let action = ServerCall::<SignUp>::new();
    let done = on_success(next);
    let (name, email, password) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let client = RwSignal::new(Vec::<FieldError>::new());
    let server = move || action.value().get().and_then(Result::err);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let errors: Vec<FieldError> = [
            DisplayName::parse(&name.get_untracked()).err(),
            Email::check(&email.get_untracked()).err(),
            Password::parse(&password.get_untracked()).err(),
        ]
        .into_iter()
        .flatten()
        .collect();
        let valid = errors.is_empty();
        client.set(errors);
        if valid {
            action.dispatch(
                SignUp {
                    display_name: name.get_untracked(),
                    email: email.get_untracked(),
                    password: password.get_untracked(),
                },
                move |_| done(),
            );
        }
    };

    view! {
        <section class="panel narrow">
            <h1>{i18n.tr(Msg::SignUpTitle)}</h1>
            <form on:submit=submit novalidate>
                <TextField
                    id="display_name"
                    label=Msg::DisplayName
                    value=name
                    autocomplete="name"
                    maxlength=DisplayName::MAX
                    hint=Msg::DisplayNameHint
                    error=field_error(client, server, Field::DisplayName)
                />
                <TextField
                    id="email"
                    label=Msg::Email
                    kind="email"
                    value=email
                    autocomplete="email"
                    maxlength=Email::MAX
                    error=field_error(client, server, Field::Email)
                />
                <TextField
                    id="password"
                    label=Msg::Password
                    kind="password"
                    value=password
                    autocomplete="new-password"
                    maxlength=Password::MAX
                    hint=Msg::PasswordHint
                    error=field_error(client, server, Field::Password)
                />
                <FormError error=Signal::derive(server) />
                <button type="submit" class="button primary" disabled=move || action.pending().get()>
                    {i18n.tr(Msg::SignUp)}
                </button>
            </form>
            <p>
                {i18n.tr(Msg::HaveAccount)} " "
                <a href=move || format!("/signin?next={}", next.get())>{i18n.tr(Msg::SignIn)}</a>
            </p>
        </section>
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let next = next_target();
    let action = ServerCall::<SignIn>::new();
    let done = on_success(next);
    let (email, password) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let client = RwSignal::new(Vec::<FieldError>::new());
    let server = move || action.value().get().and_then(Result::err);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut errors: Vec<FieldError> = Email::check(&email.get_untracked())
            .err()
            .into_iter()
            .collect();
        if password.get_untracked().is_empty() {
            errors.push(FieldError::new(Field::Password, Problem::Required));
        }
        let valid = errors.is_empty();
        client.set(errors);
        if valid {
            action.dispatch(
                SignIn {
                    email: email.get_untracked(),
                    password: password.get_untracked(),
                },
                move |_| done(),
            );
        }
    };

    view! {
        <section class="panel narrow">
            <h1>{i18n.tr(Msg::SignInTitle)}</h1>
            <form on:submit=submit novalidate>
                <TextField
                    id="email"
                    label=Msg::Email
                    kind="email"
                    value=email
                    autocomplete="email"
                    maxlength=Email::MAX
                    error=field_error(client, server, Field::Email)
                />
                <TextField
                    id="password"
                    label=Msg::Password
                    kind="password"
                    value=password
                    autocomplete="current-password"
                    maxlength=Password::MAX
                    error=field_error(client, server, Field::Password)
                />
                <FormError error=Signal::derive(server) />
                <button type="submit" class="button primary" disabled=move || action.pending().get()>
                    {i18n.tr(Msg::SignIn)}
                </button>
            </form>
            <p>
                {i18n.tr(Msg::NoAccount)} " "
                <a href=move || format!("/signup?next={}", next.get())>{i18n.tr(Msg::SignUp)}</a>
            </p>
        </section>
    }
}
