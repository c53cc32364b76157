//! Where both people stand with their preparation, for the relationship's page.

use super::{kind::Preparation, messages::PrepareMsg};
use crate::{i18n::use_i18n, relationships::Role, sync::engine::use_sync};
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn PrepareStatus(relationship: Uuid, me: Role, partner: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let state = Memo::new(move |_| {
        sync.device.with(|d| {
            d.as_ref()
                .map(|d| Preparation::read(&d.local, relationship, me))
        })
    });
    let partner = StoredValue::new(partner);
    let theirs = move || {
        let shared = state.with(|s| s.as_ref().map_or(0, |s| Preparation::count(&s.theirs)));
        partner.with_value(|p| match p {
            None => i18n.t(PrepareMsg::PartnerNotYet).to_owned(),
            Some(name) if shared == 0 => i18n.fmt(PrepareMsg::TheyHaveNotShared, &[name]),
            Some(name) => i18n.fmt(PrepareMsg::TheyShared, &[name, &shared.to_string()]),
        })
    };
    let mine = move || {
        state.with(|s| match s {
            Some(s) if Preparation::count(&s.mine) > 0 => i18n.fmt(
                PrepareMsg::YouShared,
                &[&Preparation::count(&s.mine).to_string()],
            ),
            Some(s) if s.started() => i18n.t(PrepareMsg::YouDrafting).to_owned(),
            _ => i18n.t(PrepareMsg::YouNotStarted).to_owned(),
        })
    };
    view! {
        <section class="panel">
            <h2>{i18n.tr(PrepareMsg::Heading)}</h2>
            <p>{theirs} " " {mine}</p>
            <a class="button secondary" href=format!("/r/{relationship}/prepare")>
                {i18n.tr(PrepareMsg::GoPrepare)}
            </a>
        </section>
    }
}
