//! A relationship's own panels: its facts, the invite while nobody has accepted, and ending it.

use super::{
    frame::Refresh,
    names::{relationship_name, relationship_status, role_name},
};
use crate::{
    i18n::{use_i18n, Msg},
    relationships::{
        InviteLink, InviteState, NewInvite, RelationshipMsg, RelationshipView, RevokeInvite,
    },
    ui::form::FormError,
};
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn Facts(r: Memo<RelationshipView>) -> impl IntoView {
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
pub fn Invite(r: Memo<RelationshipView>, refresh: Refresh) -> impl IntoView {
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
                    None if r.with(|r| r.stand_in) => RelationshipMsg::InviteBack,
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

/// The way to ending it: the closing page, where each goal gets its final status and each
/// person a closing reflection before it ends.
#[component]
pub fn EndPanel(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = leptos_router::hooks::use_navigate();
    view! {
        <section class="panel danger-zone">
            <h2>{i18n.tr(RelationshipMsg::EndHeading)}</h2>
            <p>{i18n.tr(RelationshipMsg::EndText)}</p>
            <button class="button danger" on:click=move |_| navigate(&format!("/r/{id}/close"), Default::default())>
                {i18n.tr(RelationshipMsg::EndRelationship)}
            </button>
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
pub fn call_navigator(api: &str, method: &str, arg: &wasm_bindgen::JsValue) -> bool {
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
