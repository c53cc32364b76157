//! The brief's page (`/r/:id/brief`): one relationship read in two minutes before the call,
//! by either person, from the device; printed on one page or copied as Markdown.

use super::{
    brief::{brief, Brief},
    brief_text::{
        goal_line, markdown, met_line, open_item, person, promise_state, question, tally_line,
        title, unit_of,
    },
    messages::ScreenMsg,
};
use crate::{
    checkin::Question,
    goals::{measured, GoalProgress, Records},
    i18n::{use_i18n, Message, Msg},
    relationships::{relationship_name, Live, RelationshipFrame, RelationshipView, Role},
    roadmap::{now as wall_now, when},
    sync::engine::{today, use_sync},
};
use leptos::prelude::*;

#[component]
pub fn BriefPage() -> impl IntoView {
    view! { <RelationshipFrame page=|live, _| view! { <BriefOf live /> }.into_any() /> }
}

type Data = Memo<Option<Brief>>;

#[component]
fn BriefOf(live: Live) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let (id, r) = (live.id, live.view);
    let data: Data = Memo::new(move |_| {
        sync.device
            .with(|d| d.as_ref().map(|d| brief(&d.local, id, wall_now())))
    });
    view! {
        <section class="panel brief-head">
            <p class="crumb">
                <a href=format!("/r/{id}")>{move || r.with(|r| relationship_name(i18n, r))}</a>
            </p>
            <h1>{move || r.with(|r| title(i18n, r))}</h1>
            <p class="hint">{i18n.tr(ScreenMsg::BriefIntro)}</p>
            <p class="met">{move || data.with(|b| b.as_ref().map(|b| met_line(i18n, b, today())))}</p>
            <CopyAndPrint data r />
        </section>
        <Show when=move || data.with(Option::is_some) fallback=move || view! { <p class="panel">{i18n.tr(Msg::Loading)}</p> }>
            <BriefGoals data id />
            <BriefItems data r />
            <BriefCheckin data r />
            <BriefAgenda data />
        </Show>
    }
}

/// Print, and copy as Markdown with a confirmation both seen and announced.
#[component]
fn CopyAndPrint(data: Data, r: Memo<RelationshipView>) -> impl IntoView {
    let i18n = use_i18n();
    let said = RwSignal::new(None::<Message>);
    let copy = move |_| {
        // Emptied first, so that copying again is announced again.
        said.set(None);
        let Some(text) = data.with_untracked(|b| {
            let b = b.as_ref()?;
            Some(r.with_untracked(|r| markdown(i18n, b, r, |g| unit_of(i18n, g), today())))
        }) else {
            return;
        };
        let confirm = move |ok: bool| {
            said.set(Some(if ok {
                ScreenMsg::Copied
            } else {
                ScreenMsg::CopyFailed
            }))
        };
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let promise = window().navigator().clipboard().write_text(&text);
            confirm(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = (text, confirm);
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <div class="actions no-print">
            <button type="button" class="button primary" on:click=copy>{i18n.tr(ScreenMsg::CopyMarkdown)}</button>
            <button type="button" class="button secondary" on:click=print>{i18n.tr(ScreenMsg::Print)}</button>
        </div>
        <p class="no-print" role="status">{move || said.get().map(|m| i18n.t(m))}</p>
    }
}

#[component]
fn BriefGoals(data: Data, id: uuid::Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let records = Memo::new(move |_| {
        sync.device
            .with(|d| d.as_ref().map(|d| Records::read(&d.local, id)))
    });
    let goals = move || data.with(|b| b.as_ref().map(|b| b.goals.clone()).unwrap_or_default());
    view! {
        <section class="panel" aria-labelledby="brief-goals">
            <h2 id="brief-goals">{i18n.tr(ScreenMsg::Goals)}</h2>
            <Show when=move || data.with(|b| b.as_ref().is_some_and(|b| !b.goals.is_empty()))
                fallback=move || view! { <p class="empty">{i18n.tr(ScreenMsg::NoActiveGoals)}</p> }>
                <ul class="brief-goals">
                    {move || goals().into_iter().map(|goal| {
                        let line = data.with(|b| {
                            let b = b.as_ref()?;
                            goal_line(i18n, b, &goal, &unit_of(i18n, &goal), today())
                        });
                        let progress = records.with(|d| measured(i18n, d.as_ref()?, &goal.goal))
                            .map(|(measure, unit)| {
                                let title = goal.goal.title.clone();
                                view! { <GoalProgress measure unit title today=today() /> }
                            });
                        view! {
                            <li>
                                <h3>{goal.goal.title.clone()}</h3>
                                <p>{line}</p>
                                {progress}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn BriefItems(data: Data, r: Memo<RelationshipView>) -> impl IntoView {
    let i18n = use_i18n();
    let person_items = move |role: Role| {
        let tally = move || {
            data.with(|b| {
                b.as_ref()
                    .map(|b| b.items_of(role).clone())
                    .unwrap_or_default()
            })
        };
        view! {
            <div>
                <h3>{move || r.with(|r| person(i18n, r, role))}</h3>
                <p>{move || data.with(|b| b.as_ref().map(|b| tally_line(i18n, b, &tally())))}</p>
                <ul class="brief-items">
                    {move || {
                        let tally = tally();
                        let done = tally.done.iter().map(|i| view! {
                            <li class="done">{i.title.clone()} " (" {i18n.t(ScreenMsg::DoneMark)} ")"</li>
                        }).collect_view();
                        let open = tally.open.iter().map(|i| view! { <li>{open_item(i18n, i, today())}</li> }).collect_view();
                        (done, open)
                    }}
                </ul>
            </div>
        }
    };
    let promises = move || {
        data.with(|b| {
            b.as_ref()
                .map(|b| b.commitments.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <section class="panel" aria-labelledby="brief-items">
            <h2 id="brief-items">{i18n.tr(ScreenMsg::ActionItems)}</h2>
            <div class="brief-people">
                {person_items(Role::Mentee)}
                {person_items(Role::Mentor)}
            </div>
            <h3>{i18n.tr(ScreenMsg::Commitments)}</h3>
            <Show when=move || !promises().is_empty() fallback=move || view! { <p class="empty">{i18n.tr(ScreenMsg::NoCommitments)}</p> }>
                <ul class="brief-items">
                    {move || promises().into_iter().map(|i| view! {
                        <li>{i.title.clone()} " — " {promise_state(i18n, &i)}</li>
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn BriefCheckin(data: Data, r: Memo<RelationshipView>) -> impl IntoView {
    let i18n = use_i18n();
    let last = move || data.with(|b| b.as_ref().and_then(|b| b.last.clone()));
    let answers = move || data.with(|b| b.as_ref().map(|b| b.checkins.clone()).unwrap_or_default());
    view! {
        <Show when=move || last().is_some()>
            <section class="panel" aria-labelledby="brief-checkin">
                <h2 id="brief-checkin">
                    {move || last().map(|s| i18n.fmt(ScreenMsg::LastCheckin, &[&when(i18n, &s)]))}
                </h2>
                <Show when=move || !answers().is_empty() fallback=move || view! { <p class="empty">{i18n.tr(ScreenMsg::NoCheckin)}</p> }>
                    <div class="brief-people">
                        {move || answers().into_iter().map(|a| {
                            let who = r.with(|r| person(i18n, r, a.checkin.of));
                            let lines = Question::ALL.into_iter()
                                .filter(|q| !a.checkin.answer(*q).trim().is_empty())
                                .map(|q| view! { <dt>{question(i18n, q)}</dt><dd>{a.checkin.answer(q).to_owned()}</dd> })
                                .collect_view();
                            view! { <div><h3>{who}</h3><dl>{lines}</dl></div> }
                        }).collect_view()}
                    </div>
                </Show>
            </section>
        </Show>
    }
}

#[component]
fn BriefAgenda(data: Data) -> impl IntoView {
    let i18n = use_i18n();
    let next = move || data.with(|b| b.as_ref().and_then(|b| b.next.clone()));
    let agenda = move || data.with(|b| b.as_ref().map(|b| b.agenda.clone()).unwrap_or_default());
    view! {
        <section class="panel" aria-labelledby="brief-next">
            <h2 id="brief-next">
                {move || match next() {
                    Some(s) => i18n.fmt(ScreenMsg::ComingAgenda, &[&when(i18n, &s)]),
                    None => i18n.t(ScreenMsg::NoSessionPlanned).to_owned(),
                }}
            </h2>
            {move || next().filter(|s| !s.theme.is_empty()).map(|s| view! { <p class="theme">{s.theme}</p> })}
            <Show when=move || next().is_some()>
                <Show when=move || !agenda().is_empty() fallback=move || view! { <p class="empty">{i18n.tr(ScreenMsg::NothingOnAgenda)}</p> }>
                    <ul class="agenda">
                        {move || agenda().into_iter().map(|item| {
                            let carried = item.carried_from.is_some();
                            view! {
                                <li>
                                    {item.text}
                                    {carried.then(|| view! { " " <span class="carried">"(" {i18n.tr(ScreenMsg::CarriedOver)} ")"</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </Show>
            </Show>
        </section>
    }
}
