//! Closing a relationship (`/r/:id/close`): before it ends, each open goal's final status, my
//! reflection and ending it; once ended, how the goals ended and both reflections, mine still
//! to write.

use crate::{
    closing::{ClosingMsg, ReflectionForm, ReflectionOf},
    error::AppError,
    goals::{Goal, GoalMsg, GoalSet, Status},
    i18n::{use_i18n, I18n, Message, Msg},
    relationships::{
        relationship_name, relationship_status, role_name, EndRelationship, Live,
        RelationshipFrame, RelationshipMsg,
    },
    sync::{
        declare::RecordKind,
        engine::{use_sync, SyncEngine},
    },
    ui::form::FormError,
};
use leptos::prelude::*;
use uuid::Uuid;

/// A session's page, or the closing page, which shares its chunk: it needs what a session's
/// page has (the goals, a text saved as typed, a rating). A chunk of its own re-cut the shared
/// chunks and cost landing on Today 9 KB more, on other pages up to 9 KB; in the brief's chunk
/// landing on the brief cost 61 KB more.
pub fn pick_session_page() -> AnyView {
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    if path.ends_with("/close") {
        ClosingPage().into_any()
    } else {
        crate::checkin::SessionPage().into_any()
    }
}

#[component]
pub fn ClosingPage() -> impl IntoView {
    view! { <RelationshipFrame page=|live, _| view! { <Closing live /> }.into_any() /> }
}

/// The final statuses a goal can be given, in the order offered.
const FINAL: [(Status, Message); 3] = [
    (Status::Achieved, ClosingMsg::Achieved),
    (Status::Partly, ClosingMsg::Partly),
    (Status::Dropped, ClosingMsg::Dropped),
];

/// The relationship's goals as the device has them, oldest first: `None` until it is read.
fn goals(sync: SyncEngine, relationship: Uuid) -> Option<Vec<Goal>> {
    sync.device.with(|d| {
        d.as_ref().map(|d| {
            d.local
                .of(relationship, &Goal::SPEC.kind)
                .filter_map(|(id, r)| Goal::read(*id, r))
                .collect()
        })
    })
}

fn status_name(i18n: I18n, status: Status) -> &'static str {
    i18n.t(match status {
        Status::Active => ClosingMsg::Still,
        Status::Achieved => ClosingMsg::Achieved,
        Status::Partly => GoalMsg::PartlyLine,
        Status::Dropped => ClosingMsg::Dropped,
    })
}

#[component]
fn Closing(live: Live) -> impl IntoView {
    let i18n = use_i18n();
    let (id, r, me) = (live.id, live.view, live.me);
    let ended = live.ended();
    let partner = Signal::derive(move || {
        r.with(|r| r.partner_name.clone())
            .unwrap_or_else(|| role_name(i18n, me.partner()).to_owned())
    });
    view! {
        <section class="panel">
            <p class="crumb">
                <a href=format!("/r/{id}")>{move || r.with(|r| relationship_name(i18n, r))}</a>
            </p>
            <h1>{i18n.tr(ClosingMsg::Title)}</h1>
            <p>{move || if ended.get() {
                r.with(|r| relationship_status(i18n, r))
            } else {
                i18n.t(ClosingMsg::Intro).to_owned()
            }}</p>
        </section>
        {move || if ended.get() {
            view! { <FinalGoals id /> }.into_any()
        } else {
            view! { <Ending id /> }.into_any()
        }}
        <section class="panel">
            <ReflectionForm relationship=id me partner />
        </section>
        <section class="panel">
            <ReflectionOf relationship=id of=me.partner() name=partner />
        </section>
    }
}

/// How each goal ended, once the relationship has.
#[component]
fn FinalGoals(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let lines = Memo::new(move |_| {
        goals(sync, id).map(|goals| {
            goals
                .into_iter()
                .map(|g| format!("{} — {}", g.title, status_name(i18n, g.status)))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel">
            <h2>{i18n.tr(ClosingMsg::FinalGoals)}</h2>
            {move || match lines.get() {
                None => view! { <p>{i18n.tr(Msg::Loading)}</p> }.into_any(),
                Some(lines) if lines.is_empty() => view! { <p>{i18n.tr(ClosingMsg::NoGoals)}</p> }.into_any(),
                Some(lines) => view! {
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                }.into_any(),
            }}
        </section>
    }
}

/// Each open goal's final status, then ending: the statuses are pushed first, since an ended
/// relationship takes no more writes to its goals.
#[component]
fn Ending(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let chosen = RwSignal::new(Vec::<(Uuid, Status)>::new());
    let tried = RwSignal::new(false);
    let open = Memo::new(move |_| {
        goals(sync, id).map(|g| {
            g.into_iter()
                .filter(|g| g.status == Status::Active)
                .map(|g| (g.id, g.title))
                .collect::<Vec<_>>()
        })
    });
    let choice =
        move |goal: Uuid| chosen.with(|c| c.iter().find(|(g, _)| *g == goal).map(|(_, s)| *s));
    let missing = move || {
        open.with(|o| {
            o.as_ref()
                .is_none_or(|o| o.iter().any(|(g, _)| choice(*g).is_none()))
        })
    };
    let end = ServerAction::<EndRelationship>::new();
    let saving = RwSignal::new(false);
    let refused = RwSignal::new(false);
    let failed = RwSignal::new(None::<AppError>);
    // Whether a sync ran since "end" was asked for: an error of an earlier one says nothing.
    let synced = StoredValue::new(false);
    // Ends once the server has every change of the relationship, the statuses among them; a
    // sync that fails hands the button back, to try again.
    Effect::new(move |_| {
        if !saving.get() {
            return;
        }
        let (waiting, rejected) = sync.unsent_in(id);
        let (syncing, error) = sync.status.with(|s| (s.syncing, s.error.clone()));
        if syncing {
            synced.set_value(true);
        }
        if let Some(error) = error.filter(|_| !syncing && synced.get_value()) {
            saving.set(false);
            failed.set(Some(error));
        } else if rejected {
            saving.set(false);
            refused.set(true);
        } else if !waiting {
            saving.set(false);
            end.dispatch(EndRelationship { id });
        }
    });
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = end.value().get() {
            navigate(&format!("/r/{id}"), Default::default());
        }
    });
    let end_now = move |_| {
        tried.set(true);
        failed.set(None);
        // Edits refused before would hold the end back: nothing is written until they are
        // dealt with.
        refused.set(sync.unsent_in(id).1);
        if missing() || refused.get_untracked() {
            return;
        }
        for (goal, status) in chosen.get_untracked() {
            sync.edit(Goal::at(goal, id), [GoalSet::Status(status)]);
        }
        synced.set_value(false);
        sync.flush();
        saving.set(true);
    };
    let busy = move || saving.get() || end.pending().get();
    view! {
        <section class="panel">
            <h2>{i18n.tr(ClosingMsg::GoalsHeading)}</h2>
            <Show when=move || open.with(|o| o.as_ref().is_some_and(Vec::is_empty))>
                <p>{i18n.tr(ClosingMsg::NoOpenGoals)}</p>
            </Show>
            <For each=move || open.get().unwrap_or_default() key=|(goal, _)| *goal let:goal>
                <FinalStatus goal=goal.0 title=goal.1 chosen tried />
            </For>
        </section>
        <section class="panel danger-zone">
            <h2>{i18n.tr(RelationshipMsg::EndHeading)}</h2>
            <p>{i18n.tr(RelationshipMsg::EndConfirm)}</p>
            <p class="form-error" role="alert">
                {move || (tried.get() && missing()).then(|| i18n.t(ClosingMsg::ChooseAll))}
                {move || refused.get().then(|| i18n.t(ClosingMsg::NotSaved))}
            </p>
            <p role="status">{move || saving.get().then(|| i18n.t(
                if sync.status.with(|s| s.online) { ClosingMsg::Saving } else { ClosingMsg::Offline }
            ))}</p>
            <FormError error=Signal::derive(move || {
                failed.get().or_else(|| end.value().get().and_then(Result::err))
            }) />
            <div class="actions">
                <button class="button danger" on:click=end_now disabled=busy>
                    {i18n.tr(RelationshipMsg::EndYes)}
                </button>
                <a class="button secondary" href=format!("/r/{id}")>{i18n.tr(Msg::Cancel)}</a>
            </div>
        </section>
    }
}

/// The radio buttons of one goal's final status, with the error when none was chosen.
#[component]
fn FinalStatus(
    goal: Uuid,
    title: String,
    chosen: RwSignal<Vec<(Uuid, Status)>>,
    tried: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let current = move || chosen.with(|c| c.iter().find(|(g, _)| *g == goal).map(|(_, s)| *s));
    let error = move || tried.get() && current().is_none();
    let message = format!("final-{goal}-message");
    let described = message.clone();
    view! {
        <fieldset class="checks" aria-describedby=described>
            <legend>{title}</legend>
            {FINAL.map(|(status, label)| view! {
                <label class="check">
                    <input type="radio" name=format!("final-{goal}")
                        prop:checked=move || current() == Some(status)
                        on:change=move |_| chosen.update(|c| {
                            c.retain(|(g, _)| *g != goal);
                            c.push((goal, status));
                        }) />
                    {i18n.tr(label)}
                </label>
            })}
            <p id=message class="field-message field-error" aria-live="polite">
                {move || error().then(|| i18n.t(ClosingMsg::ChooseStatus))}
            </p>
        </fieldset>
    }
}
