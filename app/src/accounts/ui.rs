//! The sign-up and sign-in pages. Both forms post to their server function and work before
//! the app has loaded; once it has, they check fields first and stay in the page.

use super::{safe_next, AccountMsg, DisplayName, Email, Password, SignIn, SignUp};
use crate::{
    i18n::{use_i18n, Msg},
    problem::{Field, FieldError, Problem},
    ui::{
        form::{field_error, FormError, TextField},
        use_auth,
    },
};
use leptos::{ev::SubmitEvent, prelude::*};
use leptos_router::hooks::use_query_map;

/// Where to go after signing in, carried in `?next=` and sent with the form.
fn next_target() -> Memo<String> {
    let query = use_query_map();
    Memo::new(move |_| safe_next(query.read().get("next")))
}

/// After a successful sign-in or sign-up the server redirects to `next`; everything that
/// belongs to the user reloads.
fn reload_on_success<S>(action: ServerAction<S>)
where
    S: leptos::server_fn::ServerFn + Send + Sync + Clone + 'static,
    S::Output: Send + Sync + Clone + 'static,
    S::Error: Send + Sync + Clone + 'static,
{
    let auth = use_auth();
    Effect::new(move |_| {
        if let Some(Ok(_)) = action.value().get() {
            auth.changed();
        }
    });
}

/// Client-side checks before the form goes out: on failure the errors show and nothing is sent.
fn check_first(
    client: RwSignal<Vec<FieldError>>,
    check: impl Fn() -> Vec<FieldError> + 'static,
) -> impl FnMut(SubmitEvent) + 'static {
    move |ev: SubmitEvent| {
        let errors = check();
        if !errors.is_empty() {
            ev.prevent_default();
        }
        client.set(errors);
    }
}

#[component]
pub fn SignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    let next = next_target();
    let action = ServerAction::<SignUp>::new();
    reload_on_success(action);
    let (name, email, password) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let client = RwSignal::new(Vec::<FieldError>::new());
    let server = move || action.value().get().and_then(Result::err);
    let check = check_first(client, move || {
        [
            DisplayName::parse(&name.get_untracked()).err(),
            Email::check(&email.get_untracked()).err(),
            Password::parse(&password.get_untracked()).err(),
        ]
        .into_iter()
        .flatten()
        .collect()
    });

    view! {
        <section class="panel narrow">
            <h1>{i18n.tr(AccountMsg::SignUpTitle)}</h1>
            <ActionForm action on:submit:capture=check attr:novalidate=true>
                <input type="hidden" name="next" value=next />
                <TextField
                    id="display_name"
                    label=AccountMsg::DisplayName
                    value=name
                    autocomplete="name"
                    maxlength=DisplayName::MAX
                    hint=AccountMsg::DisplayNameHint
                    error=field_error(client, server, Field::DisplayName)
                />
                <TextField
                    id="email"
                    label=AccountMsg::Email
                    kind="email"
                    value=email
                    autocomplete="email"
                    maxlength=Email::MAX
                    error=field_error(client, server, Field::Email)
                />
                <TextField
                    id="password"
                    label=AccountMsg::Password
                    kind="password"
                    value=password
                    autocomplete="new-password"
                    maxlength=Password::MAX
                    hint=AccountMsg::PasswordHint
                    error=field_error(client, server, Field::Password)
                />
                <FormError error=Signal::derive(server) />
                <button type="submit" class="button primary" disabled=move || action.pending().get()>
                    {i18n.tr(Msg::SignUp)}
                </button>
            </ActionForm>
            <p>
                {i18n.tr(AccountMsg::HaveAccount)} " "
                <a href=move || format!("/signin?next={}", next.get())>{i18n.tr(Msg::SignIn)}</a>
            </p>
        </section>
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let next = next_target();
    let action = ServerAction::<SignIn>::new();
    reload_on_success(action);
    let (email, password) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let client = RwSignal::new(Vec::<FieldError>::new());
    let server = move || action.value().get().and_then(Result::err);
    let check = check_first(client, move || {
        let mut errors: Vec<FieldError> = Email::check(&email.get_untracked())
            .err()
            .into_iter()
            .collect();
        if password.get_untracked().is_empty() {
            errors.push(FieldError::new(Field::Password, Problem::Required));
        }
        errors
    });

    view! {
        <section class="panel narrow">
            <h1>{i18n.tr(AccountMsg::SignInTitle)}</h1>
            <ActionForm action on:submit:capture=check attr:novalidate=true>
                <input type="hidden" name="next" value=next />
                <TextField
                    id="email"
                    label=AccountMsg::Email
                    kind="email"
                    value=email
                    autocomplete="email"
                    maxlength=Email::MAX
                    error=field_error(client, server, Field::Email)
                />
                <TextField
                    id="password"
                    label=AccountMsg::Password
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
            </ActionForm>
            <p>
                {i18n.tr(AccountMsg::NoAccount)} " "
                <a href=move || format!("/signup?next={}", next.get())>{i18n.tr(Msg::SignUp)}</a>
            </p>
        </section>
    }
}
