//! Each person's follow-through, shown to both under the action items: gently, as counts of
//! their own, never as a ranking.

use super::{
    follow_through::{follow_through, Dates},
    list::Item,
    messages::ActionItemMsg,
};
use crate::{
    i18n::use_i18n,
    relationships::{role_name, Role},
    sync::engine::{local_time, today},
};
use leptos::prelude::*;

#[component]
pub fn FollowThroughView(
    list: Memo<Option<Vec<Item>>>,
    my_role: Role,
    partner: StoredValue<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let line = move |role: Role| {
        let summary = move || {
            let of = list.with(|l| {
                let dates = l
                    .iter()
                    .flatten()
                    .filter(|i| i.owner == role)
                    .map(|i| Dates {
                        due: i.due,
                        done_on: i.done_at.map(|at| local_time(at).date()),
                    });
                follow_through(dates, today())
            });
            if of.overall.settled == 0 {
                return i18n.t(ActionItemMsg::NothingDue).to_owned();
            }
            let rate = |msg, r: super::follow_through::Rate| {
                i18n.fmt(msg, &[&r.on_time.to_string(), &r.settled.to_string()])
            };
            let mut parts = vec![
                rate(ActionItemMsg::OnTimeRecent, of.recent),
                rate(ActionItemMsg::OnTimeOverall, of.overall),
            ];
            if of.overdue > 0 {
                parts.push(i18n.fmt(ActionItemMsg::OverdueN, &[&of.overdue.to_string()]));
            }
            parts.join(" · ")
        };
        let name = move || match role == my_role {
            true => i18n.t(ActionItemMsg::FollowYou).to_owned(),
            false => partner
                .get_value()
                .unwrap_or_else(|| role_name(i18n, role).to_owned()),
        };
        view! { <li><strong>{name}": "</strong>{summary}</li> }
    };
    view! {
        <section class="follow-through" aria-labelledby="follow-heading">
            <h3 id="follow-heading">{i18n.tr(ActionItemMsg::FollowThrough)}</h3>
            <p class="hint">{i18n.tr(ActionItemMsg::FollowIntro)}</p>
            <ul>
                {line(my_role)}
                {line(my_role.partner())}
            </ul>
        </section>
    }
}
