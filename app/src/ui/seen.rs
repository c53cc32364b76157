//! What a person has dismissed or opened, kept on their device: which lines of what needs
//! attention they have seen, and when.

use crate::sync::replica::Record;
use leptos::prelude::*;
use std::collections::BTreeMap;
use uuid::Uuid;

/// What each thing had last changed at (the milliseconds of its latest write) when it was
/// dismissed or opened, by its key. Stamps of the records themselves, not this device's clock,
/// so that a partner's clock behind or ahead of this one neither hides a later change nor
/// brings back one already seen.
pub type Seen = BTreeMap<String, u64>;

/// Counts what was marked seen in this tab, so that what counts the lines that need attention
/// (on Today, and for the app's badge on every page) reads them again.
#[derive(Clone, Copy)]
pub struct Marks(pub RwSignal<u32>);

/// Called once by the app.
pub fn provide_marks() {
    provide_context(Marks(RwSignal::new(0)));
}

/// The latest write to a record: what a line about it had last changed at.
pub fn changed(record: &Record) -> u64 {
    record
        .fields
        .values()
        .map(|s| s.hlc.millis)
        .max()
        .unwrap_or(0)
}

/// The key under which opening a relationship's preparation marks the partner's answers seen.
pub fn preparation_key(relationship: Uuid) -> String {
    format!("preparation/{relationship}")
}

/// Named as the sync engine expects, which erases it once its owner is not signed in.
#[cfg(feature = "hydrate")]
fn key(user: Uuid) -> String {
    format!("tandem.seen.{user}")
}

/// What `user` has seen on this device.
pub fn load(user: Uuid) -> Seen {
    #[cfg(feature = "hydrate")]
    {
        use gloo_storage::{LocalStorage, Storage};
        let raw = LocalStorage::raw().get_item(&key(user)).ok().flatten();
        raw.and_then(|raw| serde_json::from_slice(raw.as_bytes()).ok())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = user;
        Seen::new()
    }
}

/// Keeps that `user` saw `what` as it was at `at`.
pub fn mark(user: Uuid, what: String, at: u64) {
    let mut seen = load(user);
    seen.insert(what, at);
    #[cfg(feature = "hydrate")]
    {
        use gloo_storage::{LocalStorage, Storage};
        // A full or refused store forgets the dismissal on the next load; nothing else is lost.
        let _ = LocalStorage::set(key(user), &seen);
    }
    if let Some(Marks(marks)) = use_context() {
        marks.update(|n| *n += 1);
    }
}
