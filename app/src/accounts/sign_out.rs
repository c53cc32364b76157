//! Signing out with edits the server has not seen yet: how many would be lost, and the choice.

use super::{AccountMsg, SignOut};
use crate::{
    i18n::{use_i18n, Msg},
    sync::engine::use_sync,
    ui::{form::FormError, pwa, use_auth},
};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn SignOutPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    view! {
        <Transition fallback=move || view! { <p class="panel">{i18n.tr(Msg::Loading)}</p> }>
            {move || crate::ui::page_data::after(async move {
                match auth.user.await {
                    Ok(Some(_)) => view! { <Choice /> }.into_any(),
                    _ => view! {
                        <section class="panel narrow">
                            <h1>{i18n.tr(AccountMsg::SignedOut)}</h1>
                            <a class="button primary" href="/">{i18n.tr(Msg::BackHome)}</a>
                        </section>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The count stays live: edits that reach the server meanwhile are no longer at stake.
#[component]
fn Choice() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let sync = use_sync();
    let action = ServerAction::<SignOut>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            // The person chose: their unsent edits go with everything else.
            sync.stop(true);
            pwa::forget();
            auth.changed();
            navigate("/", Default::default());
        }
    });
    let pending = move || sync.pending();
    // Until the device's data is read, nothing is known about what is at stake.
    let at_stake = move || match pending() {
        _ if sync.device.with(Option::is_none) => i18n.t(Msg::Loading).to_owned(),
        0 => i18n.t(AccountMsg::NothingPending).to_owned(),
        1 => i18n.t(AccountMsg::OnePending).to_owned(),
        n => i18n.fmt(AccountMsg::ManyPending, &[&n.to_string()]),
    };
    view! {
        <section class="panel narrow">
            <h1>{i18n.tr(AccountMsg::SignOutTitle)}</h1>
            <p role="status">{at_stake}</p>
            <Show when=move || { pending() > 0 }>
                <p>{i18n.tr(AccountMsg::StayToSend)}</p>
            </Show>
            <FormError error=Signal::derive(move || action.value().get().and_then(Result::err)) />
            <ActionForm action>
                <button type="submit" class="button danger" disabled=move || action.pending().get()>
                    {move || {
                        if pending() > 0 {
                            i18n.t(AccountMsg::EraseAndSignOut)
                        } else {
                            i18n.t(Msg::SignOut)
                        }
                    }}
                </button>
            </ActionForm>
            <a class="button secondary" href="/">{i18n.tr(AccountMsg::StaySignedIn)}</a>
        </section>
    }
}
