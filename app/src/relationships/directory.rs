//! The signed-in person's relationships as this device last saw them: pages render from this
//! copy at once, also offline, and it is refreshed from the server in the background.

use super::{my_relationships, RelationshipView};
use leptos::prelude::*;
use uuid::Uuid;

/// Asked for again at most this often, after the app's sync cycles. A relationship's change
/// (the partner ended it) comes with a hint that asks at once; where hints do not arrive, the
/// cycles come every 2.5 s and an open page learns of it within about this long.
const REFRESH_EVERY_MS: u64 = 10_000;

#[derive(Clone, Copy)]
pub struct Directory {
    /// `None` until known: read from the device once the app is live, or answered by the server.
    list: RwSignal<Option<Vec<RelationshipView>>>,
    user: StoredValue<Option<Uuid>>,
    refreshed_at: StoredValue<u64>,
}

impl Directory {
    pub fn new() -> Self {
        Self {
            list: RwSignal::new(None),
            user: StoredValue::new(None),
            refreshed_at: StoredValue::new(0),
        }
    }

    pub fn list(self) -> Option<Vec<RelationshipView>> {
        self.list.get()
    }

    pub fn list_untracked(self) -> Option<Vec<RelationshipView>> {
        self.list.get_untracked()
    }

    pub fn get(self, id: Uuid) -> Option<RelationshipView> {
        self.list
            .with(|l| l.as_ref()?.iter().find(|r| r.id == id).cloned())
    }

    pub fn get_untracked(self, id: Uuid) -> Option<RelationshipView> {
        self.list
            .with_untracked(|l| l.as_ref()?.iter().find(|r| r.id == id).cloned())
    }

    /// The server's whole list, asked for now: it replaces the device's. Until the app is live
    /// and knows whose device this is, answers are not taken: a page served from the worker's
    /// cache carries an answer that may be older than the device's copy.
    pub fn replace(self, list: Vec<RelationshipView>) {
        if self.user.get_value().is_none() {
            return;
        }
        if self.list.with_untracked(|l| l.as_ref() != Some(&list)) {
            self.list.set(Some(list));
            self.save();
        }
    }

    /// Someone signed in (or out, with `None`): their own copy, read from the device.
    pub fn start(self, user: Option<Uuid>) {
        if self.user.get_value() == user {
            return;
        }
        self.user.set_value(user);
        self.refreshed_at.set_value(0);
        // Never another person's list: each person's copy is their own.
        self.list.set(user.and_then(browser::load));
        if user.is_some() {
            self.refresh(0);
        }
    }

    /// Asks the server again now: it said a relationship changed.
    pub fn refresh_now(self, now_millis: u64) {
        self.refreshed_at.set_value(0);
        self.refresh(now_millis);
    }

    /// Asks the server again, unless it was asked within the last few seconds.
    pub fn refresh(self, now_millis: u64) {
        let Some(user) = self.user.get_value() else {
            return;
        };
        let last = self.refreshed_at.get_value();
        if last != 0 && now_millis < last + REFRESH_EVERY_MS {
            return;
        }
        self.refreshed_at.set_value(now_millis.max(1));
        leptos::task::spawn_local(async move {
            // An answer for someone who has signed out meanwhile is dropped.
            if let Ok(list) = my_relationships().await {
                if self.user.get_value() == Some(user) {
                    self.replace(list);
                }
            }
        });
    }

    fn save(self) {
        if let Some(user) = self.user.get_value() {
            self.list.with_untracked(|l| {
                if let Some(list) = l {
                    browser::save(user, list);
                }
            });
        }
    }
}

impl Default for Directory {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_directory() -> Directory {
    expect_context::<Directory>()
}

#[cfg(feature = "hydrate")]
mod browser {
    //! Local storage, beside the device's records.

    use crate::relationships::RelationshipView;
    use gloo_storage::{LocalStorage, Storage};
    use uuid::Uuid;

    /// Named as the sync engine expects, which erases it once its owner is not signed in.
    fn key(user: Uuid) -> String {
        format!("tandem.relationships.{user}")
    }

    /// Parsed from bytes, as server replies are: one JSON reader for the type in the bundle.
    pub fn load(user: Uuid) -> Option<Vec<RelationshipView>> {
        let raw = LocalStorage::raw().get_item(&key(user)).ok().flatten()?;
        serde_json::from_slice(raw.as_bytes()).ok()
    }

    pub fn save(user: Uuid, list: &[RelationshipView]) {
        // A full or refused store leaves the copy in memory; the records' indicator says so.
        let _ = LocalStorage::set(key(user), list);
    }
}

#[cfg(not(feature = "hydrate"))]
mod browser {
    use crate::relationships::RelationshipView;
    use uuid::Uuid;

    pub fn load(_: Uuid) -> Option<Vec<RelationshipView>> {
        None
    }

    pub fn save(_: Uuid, _: &[RelationshipView]) {}
}
