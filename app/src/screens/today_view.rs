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
    // Read at once (Today renders only in the browser), so dismissed lines never show first.
    let seen = RwSignal::new(user.get_untracked().map(seen::load).unwrap_or_default());
    Effect::new(move |previous: Option<Option<uuid::Uuid>>| {
        let now = user.get();
        if previous.is_some_and(|p| p != now) {
            seen.set(now.map(seen::load).unwrap_or_default());
        }
        now
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
            seen.set(seen::mark(user, line.key(), line.changed));
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
