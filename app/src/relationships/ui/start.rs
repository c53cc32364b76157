//! The form that starts a relationship: one's role and a title; the server sends one on to it.

use crate::{
    i18n::{use_i18n, Message},
    problem::{Field, FieldError},
    relationships::{RelationshipMsg, RelationshipTitle, Role, StartRelationship},
    ui::form::{field_error, FormError, TextField},
};
use leptos::{ev::SubmitEvent, prelude::*};

#[component]
pub fn StartForm() -> impl IntoView {
    let i18n = use_i18n();
    // The server sends the browser on to the new relationship.
    let action = ServerAction::<StartRelationship>::new();
    let role = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let client = RwSignal::new(Vec::<FieldError>::new());
    let server = move || action.value().get().and_then(Result::err);
    // A plain form rather than `ActionForm`: reading the form's fields into the call put
    // serde_qs's reader in the main bundle (measured with the header's: 17.4 KB compressed).
    // Before the app has loaded, the form posts to the server function itself.
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (role, title) = (role.get_untracked(), title.get_untracked());
        let errors: Vec<FieldError> = [
            Role::parse(&role).err(),
            RelationshipTitle::parse(&title).err(),
        ]
        .into_iter()
        .flatten()
        .collect();
        if errors.is_empty() {
            action.dispatch(StartRelationship { role, title });
        }
        client.set(errors);
    };
    let role_error = field_error(client, server, Field::Role);
    let role_option = move |value: Role, label: Message| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="role"
                    value=value.as_str()
                    prop:checked=move || role.get() == value.as_str()
                    on:change=move |_| role.set(value.as_str().to_owned())
                />
                <span>{move || i18n.t(label)}</span>
            </label>
        }
    };

    view! {
        <section class="panel" id="start" aria-labelledby="start-title">
            <h2 id="start-title">{i18n.tr(RelationshipMsg::StartTitle)}</h2>
            <p>{i18n.tr(RelationshipMsg::StartText)}</p>
            <form method="post" action={<StartRelationship as leptos::server_fn::ServerFn>::PATH} novalidate on:submit=submit>
                <fieldset class="field" aria-describedby="role-message">
                    <legend>{i18n.tr(RelationshipMsg::MyRole)}</legend>
                    {role_option(Role::Mentor, RelationshipMsg::IAmMentor)}
                    {role_option(Role::Mentee, RelationshipMsg::IAmMentee)}
                    <p id="role-message" class="field-message field-error" aria-live="polite">
                        {move || role_error.get().map(|e| crate::ui::form::problem_text(i18n, e))}
                    </p>
                </fieldset>
                <TextField
                    id="title"
                    label=RelationshipMsg::TitleOptional
                    value=title
                    maxlength=RelationshipTitle::MAX
                    hint=RelationshipMsg::TitleHint
                    error=field_error(client, server, Field::Title)
                />
                <FormError error=Signal::derive(server) />
                <button type="submit" class="button primary" disabled=move || action.pending().get()>
                    {i18n.tr(RelationshipMsg::CreateInvite)}
                </button>
            </form>
        </section>
    }
}
