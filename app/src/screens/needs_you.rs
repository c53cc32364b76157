//! What needs the person on Today: each line a link to where it is done, with its count, and a
//! way to dismiss it.

use super::{
    attention::{Line, Need},
    messages::ScreenMsg,
    today_view::{partner, which},
};
use crate::{i18n::use_i18n, relationships::RelationshipView};
use leptos::prelude::*;

#[component]
pub fn NeedsYou(
    /// `None` until the device's records are read.
    lines: Memo<Option<Vec<Line>>>,
    dismiss: Callback<Line>,
    relationships: Memo<Vec<RelationshipView>>,
    several: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = move |line: &Line| {
        let r = relationships.with(|all| all.iter().find(|r| r.id == line.relationship).cloned());
        let who = r.as_ref().map(|r| partner(i18n, r)).unwrap_or_default();
        let what = match &line.need {
            Need::Overdue { title, due, .. } => {
                i18n.fmt(ScreenMsg::Overdue, &[title, &i18n.day(*due)])
            }
            Need::CheckinMissing { day, .. } => {
                i18n.fmt(ScreenMsg::CheckinMissing, &[&i18n.day(*day)])
            }
            Need::PartnerAdded { text, .. } => i18n.fmt(ScreenMsg::PartnerAdded, &[&who, text]),
            Need::SignatureAwaited => i18n.t(ScreenMsg::SignatureAwaited).to_owned(),
            Need::PreparationShared => i18n.fmt(ScreenMsg::PreparationShared, &[&who]),
            Need::SessionDue { since } => i18n.fmt(ScreenMsg::SessionDue, &[&i18n.day(*since)]),
        };
        match r.filter(|_| several.get()) {
            Some(r) => format!("{what} · {}", which(i18n, &r)),
            None => what,
        }
    };
    // Nothing is counted before the records are read: "nothing needs you" would be announced.
    let count = move || {
        lines.with(|l| {
            l.as_ref().map(|l| match l.len() {
                0 => i18n.t(ScreenMsg::NothingNeedsYou).to_owned(),
                1 => i18n.t(ScreenMsg::NeedsYouOne).to_owned(),
                n => i18n.fmt(ScreenMsg::NeedsYouCount, &[&n.to_string()]),
            })
        })
    };
    view! {
        <section class="needs-you" aria-labelledby="needs-you">
            <h2 id="needs-you">{i18n.tr(ScreenMsg::NeedsYou)}</h2>
            <p class="count" role="status">{count}</p>
            <ul class="attention">
                <For each=move || lines.get().unwrap_or_default() key=|l| (l.key(), l.changed) let:line>
                    {
                        let href = line.href();
                        let line = StoredValue::new(line);
                        let label = move || line.with_value(|l| text(l));
                        view! {
                            <li>
                                <a href=href>{label}</a>
                                <button
                                    class="button secondary"
                                    aria-label=move || i18n.fmt(ScreenMsg::DismissLine, &[&label()])
                                    on:click=move |_| dismiss.run(line.get_value())
                                >
                                    {i18n.tr(ScreenMsg::Dismiss)}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
        </section>
    }
}
