//! The home screen: a welcome when signed out; signed in, Today above the person's relationships.

use super::{messages::ScreenMsg, today_view::LazyToday};
use crate::{
    error::AppError,
    i18n::{use_i18n, Msg},
    relationships::{
        my_relationships, relationship_name, relationship_status, role_name, use_directory,
        RelationshipMsg, RelationshipView, StartForm,
    },
    sync::engine::use_sync,
    ui::{
        page_data::{fetched, page_data, PageData},
        pwa, use_auth, use_live,
    },
};
use leptos::prelude::*;

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
            {move || crate::ui::page_data::after(async move {
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
    let live = use_live();
    let sync = use_sync();
    let today_shown = RwSignal::new(false);
    // What is below Today waits for it (and for a first pull on a device never synced): Today
    // coming in above the list pushed it down under the reader's thumb on every start
    // (Lighthouse's layout shift: 0.42). The style shows it after 3 s all the same.
    // Once shown, it stays: hiding it again (going online, say) would be a jump of its own.
    let settled = RwSignal::new(false);
    Effect::new(move |_| {
        // The device and whether the browser is online are known together, once the engine runs.
        let Some(synced_before) = sync
            .device
            .with(|d| d.as_ref().map(|d| !d.cursors.is_empty()))
        else {
            return;
        };
        let pulled_or_cannot = sync
            .status
            .with(|s| s.last_sync.is_some() || s.error.is_some() || !s.online);
        if today_shown.get() && (synced_before || pulled_or_cannot) {
            settled.set(true);
        }
    });
    view! {
        <h1 class="today-title">{i18n.tr(ScreenMsg::Today)}</h1>
        // Read from the device, which the server does not have: it comes once the app runs.
        {move || live.get().then(|| view! { <LazyToday shown=today_shown /> })}
        <div class="below-today" class:settling=move || !settled.get()>
        <section class="panel">
            <h2>{i18n.tr(RelationshipMsg::YourRelationships)}</h2>
            <Transition fallback=move || view! { <p>{i18n.tr(Msg::Loading)}</p> }>
                {move || {
                    let fetched = fetched(relationships);
                    crate::ui::page_data::after(async move {
                    // The device's copy when there is one, so the list shows at once and
                    // offline; else (and in the server's HTML) the server's answer.
                    let list = match directory.list() {
                        Some(list) => Ok(list),
                        None => fetched.await,
                    };
                    match list {
                        Ok(list) if list.is_empty() => view! {
                            <p class="empty">{i18n.tr(RelationshipMsg::NoRelationships)}</p>
                            <a class="button primary" href="#start">{i18n.tr(RelationshipMsg::StartOne)}</a>
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
        <StartForm />
        </div>
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
                <h3>{move || r.with_value(|r| relationship_name(i18n, r))}</h3>
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
