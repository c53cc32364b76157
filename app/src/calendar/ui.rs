//! The private subscription link to a relationship's calendar.

use super::{
    api::{calendar_subscription, EndCalendarSubscription, NewCalendarSubscription},
    CalendarMsg,
};
use crate::{i18n::use_i18n, relationships::call_navigator, ui::form::FormError};
use leptos::prelude::*;
use uuid::Uuid;

/// The caller's subscription link to one relationship: made, shown once, renewed or stopped.
#[component]
pub fn Subscription(relationship: Uuid, #[prop(into)] ended: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let make = ServerAction::<NewCalendarSubscription>::new();
    let stop = ServerAction::<EndCalendarSubscription>::new();
    // Asked in the browser only, again after each change.
    let current = LocalResource::new(move || {
        make.version().track();
        stop.version().track();
        calendar_subscription(relationship)
    });
    let made = move || current.get().and_then(Result::ok).and_then(|s| s.made_at);
    // The new link, while this page shows the answer that made it.
    let link = move || match (make.value().get(), stop.value().get()) {
        (Some(Ok(url)), None) => Some(url),
        _ => None,
    };
    let copied = RwSignal::new(false);
    let error = Signal::derive(move || {
        make.value()
            .get()
            .and_then(Result::err)
            .or_else(|| stop.value().get().and_then(Result::err))
            .or_else(|| current.get().and_then(Result::err))
    });
    view! {
        <section class="panel" aria-labelledby="subscribe-heading">
            <h2 id="subscribe-heading">{i18n.tr(CalendarMsg::Subscribe)}</h2>
            <p>{i18n.tr(CalendarMsg::SubscribeText)}</p>
            // Nothing said until the server has answered: "no link" then would be a guess.
            <p role="status">
                {move || current.get().and_then(Result::ok).map(|s| match (s.made_at, stop.value().get()) {
                    (Some(at), _) => i18n.fmt(CalendarMsg::LinkMade, &[&i18n.date(at)]),
                    (None, Some(Ok(()))) => i18n.t(CalendarMsg::Stopped).to_owned(),
                    (None, _) => i18n.t(CalendarMsg::NoLink).to_owned(),
                })}
            </p>
            {move || link().map(|url| {
                let webcal = url.replacen("https://", "webcal://", 1).replacen("http://", "webcal://", 1);
                let copy = {
                    let url = url.clone();
                    move |_| copied.set(call_navigator("clipboard", "writeText", &url.as_str().into()))
                };
                view! {
                    <div class="field">
                        <label for="calendar-link">{i18n.tr(CalendarMsg::LinkLabel)}</label>
                        <input id="calendar-link" type="text" readonly value=url aria-describedby="calendar-link-hint" />
                        <p id="calendar-link-hint" class="hint">{i18n.tr(CalendarMsg::ShownOnce)}</p>
                    </div>
                    <div class="actions">
                        <button type="button" class="button primary" on:click=copy>{i18n.tr(CalendarMsg::Copy)}</button>
                        <a class="button secondary" rel="external" href=webcal>{i18n.tr(CalendarMsg::OpenInApp)}</a>
                    </div>
                    <p class="status" aria-live="polite">{move || copied.get().then(|| i18n.t(CalendarMsg::Copied))}</p>
                }
            })}
            <div class="actions" hidden=move || ended.get()>
                <button type="button" class="button secondary" disabled=move || make.pending().get()
                    on:click=move |_| {
                        copied.set(false);
                        // An earlier answer stays until the new one comes: its link is revoked.
                        make.clear();
                        stop.clear();
                        make.dispatch(NewCalendarSubscription { relationship });
                    }>
                    {move || i18n.t(if made().is_some() { CalendarMsg::NewLink } else { CalendarMsg::MakeLink })}
                </button>
                <button type="button" class="button secondary" hidden=move || made().is_none()
                    on:click=move |_| { stop.dispatch(EndCalendarSubscription { relationship }); }>
                    {i18n.tr(CalendarMsg::StopLink)}
                </button>
            </div>
            <FormError error />
        </section>
    }
}
