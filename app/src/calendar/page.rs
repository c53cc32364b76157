//! A relationship's calendar page (`/r/:id/calendar`): the sessions as a file, and the
//! subscription link. A page of its own, loaded when first opened: on the relationship's page
//! the link's server functions cost 13 KB on landing (measured).

use super::{CalendarMsg, Subscription};
use crate::{
    i18n::use_i18n,
    relationships::{relationship_name, Live, RelationshipFrame},
};
use leptos::prelude::*;

#[component]
pub fn CalendarPage() -> impl IntoView {
    view! { <RelationshipFrame page=|live, _| view! { <Calendar live /> }.into_any() /> }
}

#[component]
fn Calendar(live: Live) -> impl IntoView {
    let i18n = use_i18n();
    let (id, r) = (live.id, live.view);
    view! {
        <section class="panel">
            <p class="crumb"><a href=format!("/r/{id}")>{move || r.with(|r| relationship_name(i18n, r))}</a></p>
            <h1>{i18n.tr(CalendarMsg::Title)}</h1>
            <p>{i18n.tr(CalendarMsg::Intro)}</p>
        </section>
        <section class="panel" aria-labelledby="download-heading">
            <h2 id="download-heading">{i18n.tr(CalendarMsg::Download)}</h2>
            <p>{i18n.tr(CalendarMsg::DownloadText)}</p>
            // The server writes the file (or sends the agreement's page while the pair has no
            // time zone): `rel="external"` keeps the router out.
            <a class="button secondary" rel="external" href=format!("/calendar/relationship/{id}")>
                {i18n.tr(CalendarMsg::Download)}
            </a>
        </section>
        <Subscription relationship=id ended=live.ended() />
    }
}
