//! One relationship: partner, roles, dates, the invite while it waits, and ending it.

use super::home::{relationship_name, relationship_status, role_name};
use crate::{
    action_items::ActionItems,
    agreement::AgreeMsg,
    error::AppError,
    goals::GoalMsg,
    i18n::{use_i18n, Msg},
    prepare::PrepareStatus,
    relationships::{
        my_relationships, use_directory, EndRelationship, InviteLink, InviteState, NewInvite,
        RelationshipMsg, RelationshipView, RevokeInvite, Role,
    },
    roadmap::RoadmapMsg,
    ui::{
        form::{error_text, FormError},
        page_data::{fetched, page_data},
        use_auth,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

#[component]
pub fn RelationshipPage() -> impl IntoView {
    view! { <RelationshipFrame page=|live, refresh| view! { <Details live refresh /> }.into_any() /> }
}

/// Reloads a relationship from the server (after inviting, ending).
#[derive(Clone, Copy)]
pub struct Refresh(RwSignal<u32>);

impl Refresh {
    pub fn run(self) {
        self.0.update(|n| *n += 1);
    }
}

/// A relationship as its pages show it: the device's copy, so that a change the partner makes
/// (joining, ending it) shows without a reload.
#[derive(Clone, Copy)]
pub struct Live {
    pub id: Uuid,
    pub me: Role,
    pub view: Memo<RelationshipView>,
}

impl Live {
    fn new(initial: RelationshipView) -> Self {
        let directory = use_directory();
        let id = initial.id;
        Self {
            id,
            me: initial.my_role,
            view: Memo::new(move |_| directory.get(id).unwrap_or_else(|| initial.clone())),
        }
    }

    /// Ended relationships stay readable; nothing more can be written.
    pub fn ended(self) -> Signal<bool> {
        Signal::derive(move || self.view.with(|r| r.ended_at.is_some()))
    }

    pub fn partner(self) -> Signal<Option<String>> {
        Signal::derive(move || self.view.with(|r| r.partner_name.clone()))
    }
}

/// A page of one relationship (`/r/:id…`): it finds the relationship and renders `page` with
/// it, or says why not.
#[component]
pub fn RelationshipFrame(page: fn(Live, Refresh) -> AnyView) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let directory = use_directory();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| Uuid::parse_str(&id).ok())
    });
    let reload = RwSignal::new(0u32);
    // The whole list, as the home screen loads it: one request and one reader for both pages
    // (a request of its own cost this page's chunk 2 KB compressed).
    let data = page_data(
        move || (reload.get(), auth.version()),
        |_| my_relationships(),
    );
    // What the server answers becomes the device's copy, which the page shows.
    Effect::new(move |_| {
        if let Some(Ok(list)) = data.get() {
            directory.replace(list);
        }
    });
    let refresh = Refresh(reload);

    view! {
        <Transition fallback=move || view! { <p class="panel">{i18n.tr(Msg::Loading)}</p> }>
            {move || {
                let (id, fetched) = (id.try_get().flatten(), fetched(data));
                Suspend::new(async move {
                // The device's copy when there is one, so the page opens at once and offline;
                // else (and in the server's HTML) the server's answer.
                let found = match id {
                    None => Err(AppError::Forbidden),
                    Some(id) => match directory.get_untracked(id) {
                        Some(r) => Ok(r),
                        None => fetched.await.and_then(|list| {
                            list.into_iter().find(|r| r.id == id).ok_or(AppError::Forbidden)
                        }),
                    },
                };
                match found {
                    Ok(initial) => page(Live::new(initial), refresh),
                    Err(AppError::Unauthenticated) => view! {
                        <section class="panel">
                            <p>{i18n.tr(Msg::ErrSignInFirst)}</p>
                            <a class="button primary" href="/signin">{i18n.tr(Msg::SignIn)}</a>
                        </section>
                    }.into_any(),
                    Err(e) => view! {
                        <section class="panel">
                            <p class="form-error" role="alert">{error_text(i18n, &e)}</p>
                            <a href="/">{i18n.tr(Msg::BackHome)}</a>
                        </section>
                    }.into_any(),
                }
            })}}
        </Transition>
    }
}

/// The page of one relationship. It follows the device's copy, so a change the partner makes
/// (accepting, ending) shows without a reload.
#[component]
fn Details(live: Live, refresh: Refresh) -> impl IntoView {
    let (id, my_role, r) = (live.id, live.me, live.view);
    let ended = live.ended();
    let paired = move || r.with(|r| r.partner_name.is_some());

    view! {
        <Facts r />
        {move || {
            let partner = r.with(|r| r.partner_name.clone());
            view! { <PrepareStatus relationship=id me=my_role partner /> }
        }}
        <Ingredients id />
        <Show when=paired>
            {move || {
                let partner_name = r.with_untracked(|r| r.partner_name.clone());
                view! { <ActionItems relationship=id my_role partner_name ended /> }
            }}
        </Show>
        <Show when=move || !ended.get() && !paired()>
            <Invite r refresh />
        </Show>
        <Show when=move || !ended.get()>
            <EndPanel id refresh />
        </Show>
    }
}

/// The way to the agreement, the goals and the roadmap. Links only: a summary of each here would put their
/// readers in this page's chunk (measured: 12 KB more on landing here).
#[component]
fn Ingredients(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="panel ingredients" aria-label=i18n.tr(RelationshipMsg::Ingredients)>
            <a class="button secondary" href=format!("/r/{id}/agreement")>{i18n.tr(AgreeMsg::Open)}</a>
            <a class="button secondary" href=format!("/r/{id}/goals")>{i18n.tr(GoalMsg::OpenGoals)}</a>
            <a class="button secondary" href=format!("/r/{id}/roadmap")>{i18n.tr(RoadmapMsg::Open)}</a>
        </nav>
    }
}

#[component]
fn Facts(r: Memo<RelationshipView>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel">
            <p class="crumb"><a href="/">{i18n.tr(Msg::BackHome)}</a></p>
            <h1>{move || r.with(|r| relationship_name(i18n, r))}</h1>
            <dl class="facts">
                <dt>{i18n.tr(RelationshipMsg::YourRole)}</dt>
                <dd>{move || r.with(|r| role_name(i18n, r.my_role))}</dd>
                <dt>{i18n.tr(RelationshipMsg::Partner)}</dt>
                <dd>
                    {move || r.with(|r| match &r.partner_name {
                        Some(p) => format!("{p} ({})", role_name(i18n, r.my_role.partner())),
                        None => i18n.t(RelationshipMsg::NoPartnerYet).to_owned(),
                    })}
                </dd>
                <dt>{i18n.tr(RelationshipMsg::Status)}</dt>
                <dd class="status">{move || r.with(|r| relationship_status(i18n, r))}</dd>
            </dl>
        </section>
    }
}

/// The invite while nobody has accepted: the open link, or a way to make a new one.
#[component]
fn Invite(r: Memo<RelationshipView>, refresh: Refresh) -> impl IntoView {
    let i18n = use_i18n();
    let id = r.with_untracked(|r| r.id);
    let new_invite = ServerAction::<NewInvite>::new();
    refresh_after(new_invite, refresh);
    move || {
        match r.with(|r| r.invite.clone()) {
        Some(link) if link.state == InviteState::Open => view! { <InvitePanel id link refresh /> }.into_any(),
        other => view! {
            <section class="panel">
                <h2>{i18n.tr(RelationshipMsg::InviteHeading)}</h2>
                <p>{move || i18n.t(match other.as_ref().map(|l| l.state) {
                    Some(InviteState::Declined) => RelationshipMsg::InviteWasDeclined,
                    Some(InviteState::Expired) => RelationshipMsg::InviteWasExpired,
                    _ => RelationshipMsg::InviteWasRevoked,
                })}</p>
                <FormError error=Signal::derive(move || new_invite.value().get().and_then(Result::err)) />
                <button class="button primary" on:click=move |_| { new_invite.dispatch(NewInvite { id }); }>
                    {i18n.tr(RelationshipMsg::CreateNewInvite)}
                </button>
            </section>
        }.into_any(),
    }
    }
}

#[component]
fn EndPanel(id: Uuid, refresh: Refresh) -> impl IntoView {
    let i18n = use_i18n();
    let end = ServerAction::<EndRelationship>::new();
    refresh_after(end, refresh);
    let confirming = RwSignal::new(false);
    view! {
        <section class="panel danger-zone">
            <h2>{i18n.tr(RelationshipMsg::EndHeading)}</h2>
            <p>{i18n.tr(RelationshipMsg::EndText)}</p>
            <FormError error=Signal::derive(move || end.value().get().and_then(Result::err)) />
            // The question is in the page from the start and filled when asked, so that
            // assistive technology announces it.
            <p role="alert">{move || confirming.get().then(|| i18n.t(RelationshipMsg::EndConfirm))}</p>
            <button class="button danger" hidden=confirming on:click=move |_| confirming.set(true)>
                {i18n.tr(RelationshipMsg::EndRelationship)}
            </button>
            <div class="actions" hidden=move || !confirming.get()>
                <button class="button danger" on:click=move |_| { end.dispatch(EndRelationship { id }); }>
                    {i18n.tr(RelationshipMsg::EndYes)}
                </button>
                <button class="button secondary" on:click=move |_| confirming.set(false)>
                    {i18n.tr(Msg::Cancel)}
                </button>
            </div>
        </section>
    }
}

/// Loads the relationship again once `action` has succeeded.
fn refresh_after<S>(action: ServerAction<S>, refresh: Refresh)
where
    S: leptos::server_fn::ServerFn<Output = ()> + Send + Sync + Clone + 'static,
    S::Error: Send + Sync + Clone + 'static,
{
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            refresh.run();
        }
    });
}

/// Calls `navigator.<api>(arg)` where the browser has it; reports whether it was there.
fn call_navigator(api: &str, method: &str, arg: &wasm_bindgen::JsValue) -> bool {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let navigator: JsValue = window().navigator().into();
    let target = if api.is_empty() {
        Some(navigator.clone())
    } else {
        Reflect::get(&navigator, &api.into())
            .ok()
            .filter(|v| !v.is_undefined())
    };
    let Some(target) = target else { return false };
    match Reflect::get(&target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        Some(f) => f.call1(&target, arg).is_ok(),
        None => false,
    }
}

#[component]
fn InvitePanel(id: Uuid, link: InviteLink, refresh: Refresh) -> impl IntoView {
    let i18n = use_i18n();
    let revoke = ServerAction::<RevokeInvite>::new();
    refresh_after(revoke, refresh);
    // Known only in the browser, so decided after hydration.
    let can_share = RwSignal::new(false);
    Effect::new(move |_| {
        let navigator: wasm_bindgen::JsValue = window().navigator().into();
        can_share.set(js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false));
    });
    let copied = RwSignal::new(false);
    let url = StoredValue::new(link.url);
    let copy = move |_| {
        let ok = url.with_value(|u| call_navigator("clipboard", "writeText", &u.into()));
        copied.set(ok);
    };
    let share = move |_| {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &i18n.t(Msg::AppName).into());
        let _ = js_sys::Reflect::set(
            &data,
            &"text".into(),
            &i18n.t(RelationshipMsg::ShareText).into(),
        );
        let _ = url.with_value(|u| js_sys::Reflect::set(&data, &"url".into(), &u.into()));
        call_navigator("", "share", &data.into());
    };

    view! {
        <section class="panel">
            <h2>{i18n.tr(RelationshipMsg::InviteHeading)}</h2>
            <p>{i18n.tr(RelationshipMsg::InviteExplain)}</p>
            <div class="field">
                <label for="invite-link">{i18n.tr(RelationshipMsg::InviteLinkLabel)}</label>
                <input id="invite-link" type="text" readonly value=url.get_value() on:focus=move |ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        input.select();
                    }
                } />
                <p class="hint">{move || i18n.fmt(RelationshipMsg::ExpiresOn, &[&i18n.date(link.expires_at)])}</p>
            </div>
            <div class="actions">
                <button class="button primary" on:click=copy>{i18n.tr(RelationshipMsg::CopyLink)}</button>
                <button class="button secondary" hidden=move || !can_share.get() on:click=share>
                    {i18n.tr(RelationshipMsg::ShareLink)}
                </button>
                <button class="button secondary" on:click=move |_| { revoke.dispatch(RevokeInvite { id }); }>
                    {i18n.tr(RelationshipMsg::RevokeInvite)}
                </button>
            </div>
            <p class="status" aria-live="polite">{move || copied.get().then(|| i18n.t(RelationshipMsg::Copied))}</p>
            <FormError error=Signal::derive(move || revoke.value().get().and_then(Result::err)) />
        </section>
    }
}
