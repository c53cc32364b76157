//! On Today, what comes next in each relationship: the next ingredient while it is being set
//! up, and the next session with its agenda and a field to add to it.

use super::{
    messages::ScreenMsg,
    next_step::Step,
    today::Next,
    today_view::{partner, which},
};
use crate::{
    i18n::use_i18n,
    relationships::{RelationshipView, Role},
    roadmap::{when, AddToAgenda, AgendaItem},
};
use leptos::prelude::*;
use uuid::Uuid;

/// The next ingredient of each relationship still being set up, each a link to where it is done.
#[component]
pub fn NextSteps(steps: Memo<Vec<(Step, RelationshipView)>>, several: Memo<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let text = move |step: Step| {
        i18n.t(match step {
            Step::Invite => ScreenMsg::StepInvite,
            Step::Prepare => ScreenMsg::StepPrepare,
            Step::Agree => ScreenMsg::StepAgree,
            Step::Goals => ScreenMsg::StepGoals,
            Step::Plan => ScreenMsg::StepPlan,
        })
    };
    view! {
        <Show when=move || steps.with(|s| !s.is_empty())>
            <section aria-labelledby="today-steps">
                <h2 id="today-steps">
                    {move || i18n.t(if steps.with(|s| s.len() > 1) { ScreenMsg::NextSteps } else { ScreenMsg::NextStep })}
                </h2>
                <ul class="attention">
                    <For each=move || steps.get() key=|(step, r)| (*step, r.id, r.title.clone(), r.partner_name.clone()) let:line>
                        {
                            let (step, r) = line;
                            let href = step.href(r.id);
                            let label = move || match several.get() {
                                true => format!("{} · {}", text(step), which(i18n, &r)),
                                false => text(step).to_owned(),
                            };
                            view! { <li><a href=href>{label}</a></li> }
                        }
                    </For>
                </ul>
            </section>
        </Show>
    }
}

#[component]
pub fn NextSessions(
    next: Memo<Vec<Next>>,
    relationships: Memo<Vec<RelationshipView>>,
    several: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="today-next">
            <h2 id="today-next">
                {move || i18n.t(if next.with(|n| n.len() > 1) { ScreenMsg::NextSessions } else { ScreenMsg::NextSession })}
            </h2>
            <Show
                when=move || next.with(|n| !n.is_empty())
                fallback=move || view! { <p class="empty">{i18n.tr(ScreenMsg::NoSessionPlanned)}</p> }
            >
                <ul class="cards">
                    // Keyed by the session alone: its card, and what is being typed into its
                    // agenda field, stay while the agenda changes.
                    <For each=move || next.get() key=|n| n.session.id let:n>
                        {
                            let me = relationships.with_untracked(|all| {
                                all.iter().find(|r| r.id == n.relationship).map(|r| r.my_role)
                            });
                            me.map(|me| view! {
                                <NextSessionCard id=n.session.id relationship=n.relationship me next relationships several />
                            })
                        }
                    </For>
                </ul>
            </Show>
        </section>
    }
}

/// One relationship's next session: when, with whom, its theme and agenda, and adding to it.
#[component]
fn NextSessionCard(
    id: Uuid,
    relationship: Uuid,
    /// My role in it, which never changes.
    me: Role,
    next: Memo<Vec<Next>>,
    relationships: Memo<Vec<RelationshipView>>,
    several: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let this =
        Memo::new(move |_| next.with(|all| all.iter().find(|n| n.session.id == id).cloned()));
    // Followed, so that a partner who joins or is renamed shows by their new name.
    let r = Memo::new(move |_| {
        relationships.with(|all| all.iter().find(|r| r.id == relationship).cloned())
    });
    let who = move || r.with(|r| r.as_ref().map(|r| partner(i18n, r)).unwrap_or_default());
    let with = move || {
        several
            .get()
            .then(|| i18n.fmt(ScreenMsg::WithPartner, &[&who()]))
    };
    let label = Signal::derive(move || match several.get() {
        true => i18n.fmt(ScreenMsg::AddToAgendaWith, &[&who()]),
        false => i18n.t(ScreenMsg::AddToAgenda).to_owned(),
    });
    view! {
        <li class="card next-session">
            <h3>{move || this.with(|n| n.as_ref().map(|n| when(i18n, &n.session)))}</h3>
            {move || with().map(|w| view! { <p class="with">{w}</p> })}
            {move || {
                let theme = this.with(|n| n.as_ref().map(|n| n.session.theme.clone()))?;
                (!theme.is_empty()).then(|| view! { <p class="theme">{theme}</p> })
            }}
            {move || view! { <AgendaList agenda=this.with(|n| n.as_ref().map(|n| n.agenda.clone()).unwrap_or_default()) /> }}
            // Ended relationships have no next session here, so the field is always usable.
            <AddToAgenda session=id relationship me hidden=Signal::stored(false) label button=label />
            <p class="links">
                <a href=format!("/r/{relationship}/brief") aria-label=move || several.get().then(|| i18n.fmt(ScreenMsg::OpenBriefWith, &[&who()]))>
                    {i18n.tr(ScreenMsg::OpenBrief)}
                </a>
                <a href=format!("/r/{relationship}/roadmap")>{i18n.tr(ScreenMsg::OpenRoadmap)}</a>
            </p>
        </li>
    }
}

#[component]
fn AgendaList(agenda: Vec<AgendaItem>) -> impl IntoView {
    let i18n = use_i18n();
    if agenda.is_empty() {
        return view! { <p class="empty">{i18n.tr(ScreenMsg::NothingOnAgenda)}</p> }.into_any();
    }
    view! {
        <ul class="agenda" aria-label=move || i18n.t(ScreenMsg::Agenda)>
            {agenda.into_iter().map(|item| {
                let carried = item.carried_from.is_some();
                view! {
                    <li>
                        {item.text}
                        {carried.then(|| view! { " " <span class="carried">"(" {i18n.tr(ScreenMsg::CarriedOver)} ")"</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }.into_any()
}
