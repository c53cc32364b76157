//! The home screen: a welcome when signed out, the person's relationships when signed in.

use crate::{
    error::AppError,
    i18n::{use_i18n, I18n, Message, Msg},
    problem::{Field, FieldError},
    relationships::{
        my_relationships, use_directory, RelationshipMsg, RelationshipTitle, RelationshipView,
        Role, StartRelationship,
    },
    ui::{
        form::{field_error, FormError, TextField},
        page_data::{fetched, page_data, PageData},
        pwa, use_auth,
    },
};
use leptos::{ev::SubmitEvent, prelude::*};

#[component]
pub fn HomePage() -> impl IntoView {
    let auth = use_auth();
    // Made here, before anything is awaited, so that the server and the browser number it
    // alike: made after an await it was, now and then, read back as another and fetched
    // again during hydration. On the server, nobody signed in has none (asking would mark the
    // page 401); in the browser it is always asked, so a home page opened while the sign-in is
    // still being confirmed cannot keep an empty list. Each sign-in lands on a new home page.
    let relationships = page_data(
        || (),
        move |_| async move {
            if cfg!(feature = "ssr") && !matches!(auth.user.await, Ok(Some(_))) {
                return Ok(Vec::new());
            }
            my_relationships().await
        },
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match auth.user.await {
                    Ok(Some(_)) => view! { <Dashboard relationships /> }.into_any(),
                    _ => view! { <Welcome /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Welcome() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="hero">
            <h1>{i18n.tr(Msg::Tagline)}</h1>
            <p>{i18n.tr(RelationshipMsg::WelcomeText)}</p>
            <div class="actions">
                <a class="button primary" href="/signup">{i18n.tr(Msg::SignUp)}</a>
                <a class="button secondary" href="/signin">{i18n.tr(Msg::SignIn)}</a>
            </div>
        </section>
    }
}

#[component]
fn Dashboard(relationships: PageData<Result<Vec<RelationshipView>, AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let directory = use_directory();
    // What the server answers becomes the device's copy.
    Effect::new(move |_| {
        if let Some(Ok(list)) = relationships.get() {
            directory.replace(list);
        }
    });
    view! {
        <section class="panel">
            <h1>{i18n.tr(RelationshipMsg::YourRelationships)}</h1>
            <Transition fallback=move || view! { <p>{i18n.tr(Msg::Loading)}</p> }>
                {move || {
                    let fetched = fetched(relationships);
                    Suspend::new(async move {
                    // The device's copy when there is one, so the list shows at once and
                    // offline; else (and in the server's HTML) the server's answer.
                    let list = match directory.list() {
                        Some(list) => Ok(list),
                        None => fetched.await,
                    };
                    match list {
                        Ok(list) if list.is_empty() => view! {
                            <p class="empty">{i18n.tr(RelationshipMsg::NoRelationships)}</p>
                        }.into_any(),
                        Ok(list) => {
                            pwa::keep(list.iter().map(|r| format!("/r/{}", r.id)).collect());
                            view! {
                            <ul class="cards">
                                {list.into_iter().map(|r| view! { <RelationshipCard r /> }).collect_view()}
                            </ul>
                        }.into_any()
                        }
                        Err(e) => view! {
                            <p class="form-error" role="alert">{crate::ui::form::error_text(i18n, &e)}</p>
                        }.into_any(),
                    }
                })}}
            </Transition>
        </section>
        <StartRelationship />
    }
}

/// The heading of a relationship: its title, else who it is with.
pub fn relationship_name(i18n: I18n, r: &RelationshipView) -> String {
    match (&r.title, &r.partner_name) {
        (Some(title), _) => title.clone(),
        (None, Some(partner)) => i18n.fmt(RelationshipMsg::MentoringWith, &[partner]),
        (None, None) => i18n.t(RelationshipMsg::NewRelationship).to_owned(),
    }
}

pub fn role_name(i18n: I18n, role: Role) -> &'static str {
    match role {
        Role::Mentor => i18n.t(RelationshipMsg::RoleMentor),
        Role::Mentee => i18n.t(RelationshipMsg::RoleMentee),
    }
}

/// One line saying where the relationship stands: waiting, since when, or ended.
pub fn relationship_status(i18n: I18n, r: &RelationshipView) -> String {
    match (r.ended_at, r.started_at) {
        (Some(ended), _) => i18n.fmt(RelationshipMsg::EndedOn, &[&i18n.date(ended)]),
        (None, Some(started)) => i18n.fmt(RelationshipMsg::StartedOn, &[&i18n.date(started)]),
        (None, None) => i18n.t(RelationshipMsg::WaitingForPartner).to_owned(),
    }
}

#[component]
fn RelationshipCard(r: RelationshipView) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/r/{}", r.id);
    let ended = r.ended_at.is_some();
    let r = StoredValue::new(r);
    view! {
        <li class="card" class:ended=ended>
            <a href=href class="card-link">
                <h2>{move || r.with_value(|r| relationship_name(i18n, r))}</h2>
                <p class="roles">
                    {move || r.with_value(|r| {
                        let me = i18n.fmt(RelationshipMsg::YouAre, &[role_name(i18n, r.my_role)]);
                        match &r.partner_name {
                            Some(p) => format!(
                                "{me} · {}",
                                i18n.fmt(RelationshipMsg::PartnerIs, &[p, role_name(i18n, r.my_role.partner())]),
                            ),
                            None => me,
                        }
                    })}
                </p>
                <p class="status">{move || r.with_value(|r| relationship_status(i18n, r))}</p>
            </a>
        </li>
    }
}

#[component]
fn StartRelationship() -> impl IntoView {
    let i18n = use_i18n();
    // The server sends the browser on to the new relationship.
    let action = ServerAction::<StartRelationship>::new();
    let role = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let client = RwSignal::new(Vec::<FieldError>::new());
    let server = move || action.value().get().and_then(Result::err);
    let check = move |ev: SubmitEvent| {
        let errors: Vec<FieldError> = [
            Role::parse(&role.get_untracked()).err(),
            RelationshipTitle::parse(&title.get_untracked()).err(),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !errors.is_empty() {
            ev.prevent_default();
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
        <section class="panel">
            <h2>{i18n.tr(RelationshipMsg::StartTitle)}</h2>
            <p>{i18n.tr(RelationshipMsg::StartText)}</p>
            <ActionForm action on:submit:capture=check attr:novalidate=true>
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
            </ActionForm>
        </section>
    }
}
