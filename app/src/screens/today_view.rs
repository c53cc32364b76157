//! Today: what needs the person, the next steps, their open action items and each
//! relationship's next session, read from the device, so that it opens at once and offline.

use super::{
    attention::{attention, unseen, Line},
    mentees::mentees,
    mentees_view::MenteeLines,
    messages::ScreenMsg,
    needs_you::NeedsYou,
    next_step::next_step,
    next_view::{NextSessions, NextSteps},
    today::{my_items, next_sessions},
    today_goals::TodayGoals,
    today_items::MyItems,
};
use crate::{
    i18n::{use_i18n, I18n},
    relationships::{relationship_name, role_name, use_directory, RelationshipView},
    roadmap::now as wall_now,
    sync::engine::{today, use_sync},
    ui::{
        badge,
        lazy::{ChunkFailed, ChunkMissing},
        page_data::after,
        seen, use_auth,
    },
};
use leptos::prelude::*;

/// Whom a relationship is with: the partner's name, else their role.
pub(super) fn partner(i18n: I18n, r: &RelationshipView) -> String {
    r.partner_name
        .clone()
        .unwrap_or_else(|| role_name(i18n, r.my_role.partner()).to_owned())
}

/// Which relationship a line is about, when there are several: "with" the partner, or its
/// title while nobody has joined.
pub(super) fn which(i18n: I18n, r: &RelationshipView) -> String {
    match &r.partner_name {
        Some(name) => i18n.fmt(ScreenMsg::WithPartner, &[name]),
        None => relationship_name(i18n, r),
    }
}

/// Who is signed in, once known.
fn signed_in() -> Memo<Option<uuid::Uuid>> {
    let auth = use_auth();
    Memo::new(move |_| match auth.user.get() {
        Some(Ok(Some(me))) => Some(me.id),
        _ => None,
    })
}

/// What needs the person and is not dismissed, as the device has it: `None` until it is read.
/// Read again after every sync, local change and dismissal.
fn attention_lines(
    relationships: Memo<Vec<RelationshipView>>,
    user: Memo<Option<uuid::Uuid>>,
) -> Memo<Option<Vec<Line>>> {
    let sync = use_sync();
    let marks = use_context::<seen::Marks>();
    Memo::new(move |_| {
        if let Some(seen::Marks(marks)) = marks {
            marks.track();
        }
        let all = sync.device.with(|d| {
            d.as_ref()
                .map(|d| relationships.with(|r| attention(&d.local, r, wall_now())))
        })?;
        let seen = user.get().map(seen::load).unwrap_or_default();
        Some(unseen(all, &seen))
    })
}

/// Keeps the installed app's badge at the count of what needs the person, on every page.
#[component]
fn BadgeKeeper(user: uuid::Uuid) -> impl IntoView {
    let directory = use_directory();
    let relationships = Memo::new(move |_| directory.list().unwrap_or_default());
    let lines = attention_lines(relationships, Memo::new(move |_| Some(user)));
    Effect::new(move |_| {
        if let Some(lines) = lines.get() {
            badge::set(lines.len());
        }
    });
}

#[component]
pub fn Today() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let directory = use_directory();
    let relationships = Memo::new(move |_| directory.list().unwrap_or_default());
    // Only with several relationships does a line say which one it is about.
    let several = Memo::new(move |_| relationships.with(|r| r.len() > 1));
    let user = signed_in();
    let lines = attention_lines(relationships, user);
    let dismiss = Callback::new(move |line: Line| {
        if let Some(user) = user.get_untracked() {
            seen::mark(user, line.key(), line.changed);
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
    let mentee_lines = Memo::new(move |_| {
        sync.device
            .with(|d| {
                d.as_ref()
                    .map(|d| relationships.with(|r| mentees(&d.local, r, wall_now())))
            })
            .unwrap_or_default()
    });
    // With no relationship yet, the list below says how to start one.
    let any = move || relationships.with(|all| !all.is_empty());

    view! {
        <Show when=any>
            <section class="panel today" aria-label=move || i18n.t(ScreenMsg::Today)>
                <NeedsYou lines dismiss relationships several />
                <MenteeLines lines=mentee_lines relationships />
                <NextSteps steps several />
                <MyItems items relationships several />
                <NextSessions next relationships several />
                <TodayGoals relationships several />
            </section>
        </Show>
    }
}

// Its own chunk: the signed-out home screen does not need it, and with the record readers it
// shares with the features' pages it is 126 KB compressed.
#[rustfmt::skip]
#[::leptos::wasm_split::wasm_split(today, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_today))]
fn today_part(part: Part) -> Result<AnyView, ChunkFailed> {
    Ok(match part {
        Part::Today => view! { <Today /> }.into_any(),
        Part::Badge(user) => view! { <BadgeKeeper user /> }.into_any(),
    })
}

/// What of Today's chunk is shown: Today itself, or the keeper of the badge on every page.
pub enum Part {
    Today,
    /// For the person signed in.
    Badge(uuid::Uuid),
}

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

/// Today, once its chunk is there; `shown` is set then, or when the chunk cannot be had.
#[component]
pub fn LazyToday(shown: RwSignal<bool>) -> impl IntoView {
    let part = async move {
        let view = today_part(Part::Today)
            .await
            .unwrap_or_else(|_| ChunkMissing().into_any());
        shown.set(true);
        view
    };
    // No `<Suspense>` (nor `<Show>` around it): nothing shows until the chunk is there, and the
    // two cost the main bundle 1.8 KB compressed (measured).
    after(part)
}

/// The badge's keeper, for as long as someone is signed in, once the app runs: nothing to
/// show, and nothing if the chunk cannot load (Today then says so).
#[component]
pub fn LazyBadge(user: uuid::Uuid) -> impl IntoView {
    after(async move { today_part(Part::Badge(user)).await.ok() })
}
