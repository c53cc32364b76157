//! Today: what needs the person, their open action items and each relationship's next session,
//! read from the device, so that it opens at once and offline.

use super::{
    attention::{attention, unseen, Line, Need},
    badge,
    messages::ScreenMsg,
    next_step::{next_step, Step},
    today::{my_items, next_sessions, MyItem, Next},
};
use crate::ui::{
    lazy::{ChunkFailed, ChunkMissing},
    page_data::after,
};
use crate::{
    action_items::{ActionItem, ActionSet},
    i18n::{use_i18n, I18n},
    relationships::{relationship_name, role_name, use_directory, RelationshipView},
    roadmap::{now as wall_now, when, AddToAgenda},
    sync::{
        declare::RecordKind,
        engine::{now, now_millis, today, use_sync},
    },
    ui::{seen, use_auth},
};
use chrono::NaiveDate;
use leptos::prelude::*;
use uuid::Uuid;

/// The day as a due date shows it.
fn date(i18n: I18n, day: NaiveDate) -> String {
    i18n.date(day.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc())
}

/// Whom a relationship is with: the partner's name, else their role.
fn partner(i18n: I18n, r: &RelationshipView) -> String {
    r.partner_name
        .clone()
        .unwrap_or_else(|| role_name(i18n, r.my_role.partner()).to_owned())
}

#[component]
pub fn Today() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let directory = use_directory();
    let auth = use_auth();
    let relationships = Memo::new(move |_| directory.list().unwrap_or_default());
    // Only with several relationships does a line say which one it is about.
    let several = Memo::new(move |_| relationships.with(|r| r.len() > 1));
    let user = Memo::new(move |_| match auth.user.get() {
        Some(Ok(Some(me))) => Some(me.id),
        _ => None,
    });
    let seen = RwSignal::new(seen::Seen::new());
    Effect::new(move |_| {
        if let Some(user) = user.get() {
            seen.set(seen::load(user));
        }
    });
    let lines = Memo::new(move |_| {
        let all = sync.device.with(|d| {
            d.as_ref()
                .map(|d| relationships.with(|r| attention(&d.local, r, wall_now())))
        })?;
        Some(seen.with(|seen| unseen(all, seen)))
    });
    // The installed app's badge follows the count, after every sync and local change.
    Effect::new(move |_| {
        if let Some(lines) = lines.get() {
            badge::set(lines.len());
        }
    });
    let dismiss = Callback::new(move |line: Line| {
        if let Some(user) = user.get_untracked() {
            seen.set(seen::mark(user, line.key(), now_millis().max(line.changed)));
        }
    });
    let items = Memo::new(move |_| {
        sync.device
            .with(|d| {
                d.as_ref()
                    .map(|d| relationships.with(|r| my_items(&d.local, &d.outbox, r, today())))
            })
            .unwrap_or_default()
    });
    let next = Memo::new(move |_| {
        sync.device
            .with(|d| {
                d.as_ref()
                    .map(|d| relationships.with(|r| next_sessions(&d.local, r, wall_now())))
            })
            .unwrap_or_default()
    });
    let name_of = move |id: Uuid| {
        several
            .get()
            .then(|| relationships.with(|all| all.iter().find(|r| r.id == id).cloned()))
            .flatten()
    };
    let mentor = Memo::new(move |_| {
        relationships.with(|all| {
            all.iter()
                .any(|r| r.my_role == crate::relationships::Role::Mentor)
        })
    });

    let steps = Memo::new(move |_| {
        sync.device
            .with(|d| {
                d.as_ref().map(|d| {
                    relationships.with(|all| {
                        all.iter()
                            .filter_map(|r| Some((next_step(&d.local, r)?, r.clone())))
                            .collect::<Vec<_>>()
                    })
                })
            })
            .unwrap_or_default()
    });
    let none = move || directory.list().is_some_and(|all| all.is_empty());

    view! {
        <Show when=move || !none() fallback=NoRelationship>
        <section class="panel today" aria-label=move || i18n.t(ScreenMsg::Today)>
            <NeedsYou lines dismiss relationships several />
            <NextSteps steps several />
            <section aria-labelledby="today-items">
                <h2 id="today-items">
                    {move || i18n.t(if mentor.get() { ScreenMsg::YourCommitments } else { ScreenMsg::YourItems })}
                </h2>
                <Show
                    when=move || items.with(|i| !i.is_empty())
                    fallback=move || view! { <p class="empty">{i18n.tr(ScreenMsg::NothingOpen)}</p> }
                >
                    <ul class="items today-items">
                        <For each=move || items.get() key=|i| (i.item.id, i.pending, i.item.title.clone(), i.item.due) let:item>
                            {
                                let name = name_of(item.relationship);
                                view! { <TodayItem item name /> }
                            }
                        </For>
                    </ul>
                </Show>
            </section>
            <NextSessions next relationships several />
        </section>
        </Show>
    }
}

/// Nobody to mentor or be mentored by yet: where to begin.
#[component]
fn NoRelationship() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel today">
            <p>{i18n.tr(ScreenMsg::NoRelationshipYet)}</p>
            <a class="button primary" href="#start">{i18n.tr(ScreenMsg::StartOne)}</a>
        </section>
    }
}

/// The next ingredient of each relationship still being set up, each a link to where it is done.
#[component]
fn NextSteps(steps: Memo<Vec<(Step, RelationshipView)>>, several: Memo<bool>) -> impl IntoView {
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
                    <For each=move || steps.get() key=|(step, r)| (*step, r.id) let:line>
                        {
                            let (step, r) = line;
                            let href = step.href(r.id);
                            let label = move || match several.get() {
                                true => format!("{} · {}", text(step), relationship_name(i18n, &r)),
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
fn NeedsYou(
    lines: Memo<Option<Vec<Line>>>,
    dismiss: Callback<Line>,
    relationships: Memo<Vec<RelationshipView>>,
    several: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = move || lines.with(|l| l.as_ref().map_or(0, Vec::len));
    let text = move |line: &Line| {
        let r = relationships.with(|all| all.iter().find(|r| r.id == line.relationship).cloned());
        let who = r.as_ref().map(|r| partner(i18n, r)).unwrap_or_default();
        let what = match &line.need {
            Need::Overdue { title, due, .. } => {
                i18n.fmt(ScreenMsg::Overdue, &[title, &date(i18n, *due)])
            }
            Need::CheckinMissing { day, .. } => {
                i18n.fmt(ScreenMsg::CheckinMissing, &[&date(i18n, *day)])
            }
            Need::PartnerAdded { text, .. } => i18n.fmt(ScreenMsg::PartnerAdded, &[&who, text]),
            Need::SignatureAwaited => i18n.t(ScreenMsg::SignatureAwaited).to_owned(),
            Need::PreparationShared => i18n.fmt(ScreenMsg::PreparationShared, &[&who]),
            Need::SessionDue { since } => i18n.fmt(ScreenMsg::SessionDue, &[&date(i18n, *since)]),
        };
        match r.filter(|_| several.get()) {
            Some(r) => format!("{what} · {}", relationship_name(i18n, &r)),
            None => what,
        }
    };
    view! {
        <section class="needs-you" aria-labelledby="needs-you">
            <h2 id="needs-you">{i18n.tr(ScreenMsg::NeedsYou)}</h2>
            <p class="count" role="status">
                {move || match count() {
                    0 => i18n.t(ScreenMsg::NothingNeedsYou).to_owned(),
                    1 => i18n.t(ScreenMsg::NeedsYouOne).to_owned(),
                    n => i18n.fmt(ScreenMsg::NeedsYouCount, &[&n.to_string()]),
                }}
            </p>
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

#[component]
fn TodayItem(item: MyItem, name: Option<RelationshipView>) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let (id, relationship, ended) = (item.item.id, item.relationship, item.ended);
    let overdue = item.overdue(today());
    let due = item.item.due.map(|due| {
        let msg = if overdue {
            ScreenMsg::OverdueSince
        } else {
            ScreenMsg::DueOn
        };
        move || i18n.fmt(msg, &[&date(i18n, due)])
    });
    let pending = item.pending.then(|| i18n.tr(ScreenMsg::NotSynced));
    let with = name.map(|r| move || i18n.fmt(ScreenMsg::WithPartner, &[&partner(i18n, &r)]));
    let why = format!("why-{id}");
    let tick = move |_| {
        sync.edit(
            ActionItem::at(id, relationship),
            [ActionSet::DoneAt(Some(now()))],
        );
    };
    view! {
        <li class="item" class:overdue=overdue>
            <label class="tick">
                <input
                    type="checkbox"
                    disabled=ended
                    aria-describedby=ended.then(|| why.clone())
                    on:change=tick
                />
                <span class="item-title">{item.item.title.clone()}</span>
            </label>
            <div class="item-meta">
                {with.map(|w| view! { <span class="with">{w}</span> })}
                {due.map(|d| view! { <span class="due">{d}</span> })}
                {pending.map(|p| view! { <span class="pending-mark">{p}</span> })}
                {ended.then(|| view! { <span class="why" id=why>{i18n.tr(ScreenMsg::EndedNoTick)}</span> })}
            </div>
        </li>
    }
}

#[component]
fn NextSessions(
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
                            let r = relationships.with_untracked(|all| all.iter().find(|r| r.id == n.relationship).cloned());
                            r.map(|r| view! { <NextSessionCard id=n.session.id next r several /> })
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
    next: Memo<Vec<Next>>,
    r: RelationshipView,
    several: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let this =
        Memo::new(move |_| next.with(|all| all.iter().find(|n| n.session.id == id).cloned()));
    let partner_name = partner(i18n, &r);
    let with = {
        let partner_name = partner_name.clone();
        move || {
            several
                .get()
                .then(|| i18n.fmt(ScreenMsg::WithPartner, &[&partner_name]))
        }
    };
    let label = Signal::derive(move || match several.get() {
        true => i18n.fmt(ScreenMsg::AddToAgendaWith, &[&partner_name]),
        false => i18n.t(ScreenMsg::AddToAgenda).to_owned(),
    });
    let ended = Signal::stored(r.ended_at.is_some());
    view! {
        <li class="card next-session">
            <h3>{move || this.with(|n| n.as_ref().map(|n| when(i18n, &n.session)))}</h3>
            {move || with().map(|w| view! { <p class="with">{w}</p> })}
            {move || {
                let theme = this.with(|n| n.as_ref().map(|n| n.session.theme.clone()))?;
                (!theme.is_empty()).then(|| view! { <p class="theme">{theme}</p> })
            }}
            {move || view! { <AgendaList agenda=this.with(|n| n.as_ref().map(|n| n.agenda.clone()).unwrap_or_default()) /> }}
            <AddToAgenda session=id relationship=r.id me=r.my_role hidden=ended label button=label />
            <a href=format!("/r/{}/roadmap", r.id)>{i18n.tr(ScreenMsg::OpenRoadmap)}</a>
        </li>
    }
}

#[component]
fn AgendaList(agenda: Vec<crate::roadmap::AgendaItem>) -> impl IntoView {
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

// Its own chunk: the signed-out home screen does not need it, and the main bundle is within
// 3 KB of its budget.
#[rustfmt::skip]
#[::leptos::wasm_split::wasm_split(today, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_today))]
fn today_part(_: Shown) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <Today /> }.into_any())
}

/// Today's chunk is loaded once the app runs; the worker keeps it for offline starts.
pub struct Shown;

/// Loads Today's chunk while the person is online on any page, so that the start screen opens
/// at once and offline, even before the worker has kept the app. Once per app run.
pub fn load_today_ahead() {
    #[cfg(feature = "hydrate")]
    {
        use std::sync::atomic::{AtomicBool, Ordering};
        static STARTED: AtomicBool = AtomicBool::new(false);
        if !STARTED.swap(true, Ordering::Relaxed) {
            // A failure is no matter here: showing Today tries again, and says so if it fails.
            leptos::task::spawn_local(async {
                let _ = preload_today().await;
            });
        }
    }
}

#[component]
pub fn LazyToday() -> impl IntoView {
    let part = async move {
        today_part(Shown)
            .await
            .unwrap_or_else(|_| ChunkMissing().into_any())
    };
    // No `<Suspense>` (nor `<Show>` around it): nothing shows until the chunk is there, and the
    // two cost the main bundle 1.8 KB compressed (measured).
    after(part)
}
