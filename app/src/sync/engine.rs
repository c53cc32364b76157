//! The app's sync engine: the device's records as signals, edits into the outbox, and the
//! background push/pull loop. Inert during server rendering; started after hydration.

use super::{
    client::{Device, RecordRef},
    declare::{check, Deletable, RecordKind, Target, Write},
    schema::DELETED,
    Rejection,
};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde_json::Value;
use uuid::Uuid;

/// Edits go to the server at most this often while they keep coming (see `push_soon`).
#[cfg(feature = "hydrate")]
const PUSH_EVERY_MS: u64 = 1000;

/// What the sync indicator shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Status {
    pub online: bool,
    pub syncing: bool,
    pub last_sync: Option<DateTime<Utc>>,
    /// The last sync attempt failed for this reason.
    pub error: Option<AppError>,
    /// The device refused to store data (private mode, quota): it is only in memory.
    pub storage_failed: bool,
}

#[derive(Clone, Copy)]
pub struct SyncEngine {
    /// `None` until the device's data is loaded, which happens after hydration so that the
    /// first client render matches the server's HTML.
    pub device: RwSignal<Option<Device>>,
    pub status: RwSignal<Status>,
    user: StoredValue<Option<Uuid>>,
    /// A cycle was asked for while one ran: what it was asked for (a partner's change, say)
    /// may have come after that cycle's pull, so another follows.
    again: StoredValue<bool>,
    /// The server asked to wait until then (milliseconds since the epoch) before the next cycle.
    #[cfg(feature = "hydrate")]
    resume_at: StoredValue<u64>,
    /// When the last push was sent, and whether edits wait for the next one (see `push_soon`).
    #[cfg(feature = "hydrate")]
    pushed_at: StoredValue<u64>,
    #[cfg(feature = "hydrate")]
    push_due: StoredValue<bool>,
    /// The browser refused the records when they were last saved (the edits may still fit),
    /// and the edits.
    #[cfg(feature = "hydrate")]
    records_unsaved: StoredValue<bool>,
    #[cfg(feature = "hydrate")]
    edits_unsaved: StoredValue<bool>,
    /// The records are being read from the device: no cycle runs until they are in, or its
    /// pull would start from nothing and its save overwrite them.
    #[cfg(feature = "hydrate")]
    records_loading: StoredValue<bool>,
    /// Counts the server's hints that a relationship itself changed (the partner joined, it
    /// ended): whoever keeps the list of relationships asks for it again when this moves.
    pub relationships_changed: RwSignal<u32>,
}

impl SyncEngine {
    pub fn new() -> Self {
        Self {
            device: RwSignal::new(None),
            status: RwSignal::new(Status::default()),
            user: StoredValue::new(None),
            again: StoredValue::new(false),
            relationships_changed: RwSignal::new(0),
            #[cfg(feature = "hydrate")]
            resume_at: StoredValue::new(0),
            #[cfg(feature = "hydrate")]
            pushed_at: StoredValue::new(0),
            #[cfg(feature = "hydrate")]
            push_due: StoredValue::new(false),
            #[cfg(feature = "hydrate")]
            records_unsaved: StoredValue::new(false),
            #[cfg(feature = "hydrate")]
            edits_unsaved: StoredValue::new(false),
            #[cfg(feature = "hydrate")]
            records_loading: StoredValue::new(false),
        }
    }

    /// Records writes to one record: persisted to the outbox first, then shown.
    pub fn edit<K: RecordKind>(
        self,
        record: Target<K>,
        writes: impl IntoIterator<Item = K::Write>,
    ) {
        self.edit_fields(
            record.untyped(),
            writes.into_iter().map(Write::field).collect(),
        );
    }

    /// Writes after checking each write as the server will: else the first reason it would
    /// refuse one, and nothing is written.
    pub fn save<K: RecordKind>(self, record: Target<K>, writes: Vec<K::Write>) -> Option<Rejection>
    where
        K::Write: Clone,
    {
        if let Some(rejection) = writes.iter().find_map(check) {
            return Some(rejection);
        }
        self.edit(record, writes);
        None
    }

    /// Deletes a record: it is marked deleted, so that deletion syncs too.
    pub fn delete<K: Deletable>(self, record: Target<K>) {
        self.edit_fields(record.untyped(), vec![(DELETED, Value::Bool(true))]);
    }

    /// Brings a deleted record back.
    pub fn restore<K: Deletable>(self, record: Target<K>) {
        self.edit_fields(record.untyped(), vec![(DELETED, Value::Bool(false))]);
    }

    // Not generic: one copy in the bundle, however many kinds write.
    fn edit_fields(self, record: RecordRef, fields: Vec<(&'static str, Value)>) {
        let wall = now_millis();
        self.device.update_untracked(|device| {
            if let Some(device) = device {
                for (field, value) in fields {
                    device.edit(&record, field, value, wall, Uuid::now_v7());
                }
            }
        });
        self.persist(false);
        self.device.notify();
        self.push_soon();
    }

    /// Sends edits at once, unless a push went less than [`PUSH_EVERY_MS`] ago: then when that
    /// time is up. Text saved as it is typed thus goes about once a second, not once a keystroke
    /// (a 61-character sentence made 61 pushes and woke the partner 61 times); it is on the
    /// device from the first keystroke, and leaving the field or the page sends it at once
    /// ([`Self::flush`]).
    fn push_soon(self) {
        #[cfg(feature = "hydrate")]
        {
            // At most a second, even when the device's clock was set back meanwhile.
            let wait = (self.pushed_at.get_value() + PUSH_EVERY_MS)
                .saturating_sub(now_millis())
                .min(PUSH_EVERY_MS);
            if wait == 0 {
                self.kick();
            } else if !self.push_due.get_value() {
                self.push_due.set_value(true);
                set_timeout(move || self.flush(), std::time::Duration::from_millis(wait));
            }
        }
    }

    /// Sends the edits `push_soon` holds back, now.
    pub fn flush(self) {
        #[cfg(feature = "hydrate")]
        if self.push_due.get_value() {
            self.push_due.set_value(false);
            self.kick();
        }
    }

    /// Forgets the refused edits of a record.
    pub fn discard(self, record: Uuid) {
        self.device.update_untracked(|d| {
            if let Some(d) = d {
                d.discard(record);
            }
        });
        self.persist(false);
        self.device.notify();
    }

    /// Records with edits not yet on the server: what a person counts as "changes".
    pub fn pending(self) -> usize {
        self.device.with(|d| {
            d.as_ref().map_or(0, |d| {
                // Few records wait at a time: a linear check is cheaper than a sort, in
                // the bundle too.
                let mut records: Vec<Uuid> = Vec::new();
                for m in &d.outbox {
                    if !records.contains(&m.change.record) {
                        records.push(m.change.record);
                    }
                }
                records.len()
            })
        })
    }

    /// Whether edits of `relationship` may still wait for the server (so too while the device is
    /// not read), and whether any were refused.
    pub fn unsent_in(self, relationship: Uuid) -> (bool, bool) {
        self.device.with(|d| {
            d.as_ref().map_or((true, false), |d| {
                (
                    d.outbox
                        .iter()
                        .any(|m| m.change.relationship == relationship),
                    d.rejected
                        .iter()
                        .any(|(m, _)| m.change.relationship == relationship),
                )
            })
        })
    }

    /// Refused edits, one entry per record: its id, what the user calls it, and why.
    pub fn rejected(self) -> Vec<(Uuid, String, Rejection)> {
        self.device.with(|d| {
            d.as_ref()
                .map(|d| d.refused(crate::kinds::spec))
                .unwrap_or_default()
        })
    }

    /// Saves the edits, and the records too when `records` changed (not on an edit: a keystroke
    /// must not rewrite every record).
    fn persist(self, records: bool) {
        #[cfg(feature = "hydrate")]
        if let Some(user) = self.user.get_value() {
            let edits = self
                .device
                .with_untracked(|d| d.as_ref().map(|d| browser::save(self, user, d, records)));
            if let Some(edits) = edits {
                self.edits_unsaved.set_value(!edits);
                self.show_storage();
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = records;
    }

    /// Whether the browser kept the records when they were last saved.
    #[cfg(feature = "hydrate")]
    fn records_saved(self, kept: bool) {
        self.records_unsaved.set_value(!kept);
        self.show_storage();
    }

    #[cfg(feature = "hydrate")]
    fn show_storage(self) {
        let failed = self.edits_unsaved.get_value() || self.records_unsaved.get_value();
        self.status.update(|s| s.storage_failed = failed);
    }

    /// Starts a sync cycle now, or once the running one ends.
    pub fn kick(self) {
        if self.status.with_untracked(|s| s.syncing) {
            self.again.set_value(true);
        } else {
            #[cfg(feature = "hydrate")]
            leptos::task::spawn_local(self.cycle());
        }
    }

    /// Loads the signed-in user's data from the device and starts syncing in the background.
    pub fn start(self, user: Uuid) {
        if self.user.get_value() == Some(user) {
            return;
        }
        self.user.set_value(Some(user));
        #[cfg(feature = "hydrate")]
        browser::start(self, user);
    }

    /// The person signed out, or the server says nobody is signed in. The device keeps no one's
    /// data but edits that have not reached the server, and those too go when `discard` (the
    /// person chose to lose them).
    pub fn stop(self, discard: bool) {
        let user = self.user.get_value();
        self.user.set_value(None);
        self.device.set(None);
        #[cfg(feature = "hydrate")]
        {
            browser::stop_hints();
            browser::erase(None, user.filter(|_| discard));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (user, discard);
    }

    #[cfg(feature = "hydrate")]
    async fn cycle(self) {
        use super::api::{pull, push};
        if self.status.with_untracked(|s| s.syncing) {
            self.again.set_value(true);
            return;
        }
        let go = self.status.with_untracked(|s| s.online)
            && self.device.with_untracked(Option::is_some)
            && !self.records_loading.get_value()
            && now_millis() >= self.resume_at.get_value();
        if !go {
            return;
        }
        self.status.update(|s| s.syncing = true);
        let result: Result<(), AppError> = async {
            loop {
                let batch = self
                    .device
                    .with_untracked(|d| d.as_ref().map(Device::next_batch).unwrap_or_default());
                // Held back by `push_soon`: they go when its time is up, however often the
                // partner's changes (or the hint after our own push) start a cycle meanwhile.
                if batch.is_empty() || self.push_due.get_value() {
                    break;
                }
                self.pushed_at.set_value(now_millis());
                self.push_due.set_value(false);
                let reply = push(batch).await?;
                self.device.update_untracked(|d| {
                    if let Some(d) = d {
                        d.acknowledge(&reply);
                    }
                });
                self.persist(true);
                self.device.notify();
            }
            loop {
                let cursors = self
                    .device
                    .with_untracked(|d| d.as_ref().map(Device::cursors).unwrap_or_default());
                let reply = pull(cursors).await?;
                // An empty pull every few seconds must not rewrite the whole store.
                if reply.records.is_empty() {
                    if !reply.more {
                        return Ok(());
                    }
                    continue;
                }
                self.device.update_untracked(|d| {
                    if let Some(d) = d {
                        d.merge_pull(&reply);
                    }
                });
                self.persist(true);
                self.device.notify();
                if !reply.more {
                    return Ok(());
                }
            }
        }
        .await;
        self.status.update(|s| {
            s.syncing = false;
            match result {
                Ok(()) => {
                    s.last_sync = DateTime::from_timestamp_millis(now_millis() as i64);
                    s.error = None;
                }
                Err(e) => {
                    // Asked again before then, the server would only refuse again.
                    if let AppError::TooManyChanges(secs) | AppError::Busy(secs) = e {
                        self.resume_at.set_value(now_millis() + secs * 1000);
                    }
                    s.error = Some(e);
                }
            }
        });
        if self.again.try_update_value(std::mem::take).unwrap_or(false) {
            self.kick();
        }
    }
}

impl Default for SyncEngine {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_sync() -> SyncEngine {
    expect_context::<SyncEngine>()
}

/// Today's date where the user is: due dates are calendar dates.
pub fn today() -> chrono::NaiveDate {
    #[cfg(feature = "hydrate")]
    {
        let now = js_sys::Date::new_0();
        chrono::NaiveDate::from_ymd_opt(
            now.get_full_year() as i32,
            now.get_month() + 1,
            now.get_date(),
        )
        .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Utc::now().date_naive()
    }
}

/// An instant on this device's wall clock: the browser's time zone (UTC on the server).
pub fn local_time(at: DateTime<Utc>) -> chrono::NaiveDateTime {
    #[cfg(feature = "hydrate")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
            at.timestamp_millis() as f64
        ));
        // Minutes behind UTC at that instant, so summer and winter time each come out right.
        let offset = chrono::Duration::minutes(date.get_timezone_offset() as i64);
        (at - offset).naive_utc()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        at.naive_utc()
    }
}

/// Now, as an instant field holds it.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(now_millis() as i64).unwrap_or_default()
}

/// Wall-clock milliseconds; the browser's own clock, so chrono's clock stays out of the wasm.
pub fn now_millis() -> u64 {
    #[cfg(feature = "hydrate")]
    {
        js_sys::Date::now() as u64
    }
    #[cfg(not(feature = "hydrate"))]
    {
        u64::try_from(Utc::now().timestamp_millis()).unwrap_or(0)
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    //! The browser's side: local storage and IndexedDB, online/offline events, the timer.

    use super::{Device, SyncEngine};
    use crate::sync::{hint, records_store, NodeId};
    use gloo_storage::{LocalStorage, Storage};
    use leptos::prelude::*;
    use std::time::Duration;
    use uuid::Uuid;

    const NODE_KEY: &str = "tandem.node";
    /// Often enough that a partner's change shows within five seconds where the server's
    /// hints (below) do not arrive.
    const PULL_EVERY: Duration = Duration::from_millis(2500);
    /// While the hints arrive, a pull follows each of them, and the timer's pull is a safety net
    /// at this pace: 5,000 idle devices pulling every 2.5 s made about 2,000 pulls a second.
    const PULL_WHILE_HINTED_MS: i64 = 60_000;
    /// The hints count as arriving while something came on their stream this recently: the
    /// server sends [`hint::ALIVE`] on a stream quiet for 15 s.
    const HEARD_WITHIN_MS: f64 = 20_000.0;
    /// The server's "pull now" hints: see `crate::server::hints`.
    const HINTS: &str = "/api/events";

    /// Everything kept for one person is stored as `tandem.<what>.<their id>`: their records
    /// under `tandem.device.<id>` (in IndexedDB; in local storage before), their edits under
    /// `tandem.pending.<id>`, a mark that they are signed in under `tandem.signed.<id>`, and a
    /// feature's own copies beside them.
    const DEVICE: &str = "device";
    const PENDING: &str = "pending";
    const SIGNED: &str = "signed";

    fn device_key(user: Uuid) -> String {
        format!("tandem.{DEVICE}.{user}")
    }

    fn pending_key(user: Uuid) -> String {
        format!("tandem.{PENDING}.{user}")
    }

    fn signed_key(user: Uuid) -> String {
        format!("tandem.{SIGNED}.{user}")
    }

    /// Erases what the device keeps for anyone but `keep`. Of a device holding edits the
    /// server has not seen, only those edits stay (unless it is `discard`'s, who chose to lose
    /// them), and a copy this version cannot read stays whole: nobody's data outlives their
    /// session on a shared browser, and nothing a person did is lost unless they chose so.
    pub fn erase(keep: Option<Uuid>, discard: Option<Uuid>) {
        leptos::task::spawn_local(records_store::keep_only(keep.map(device_key)));
        let storage = LocalStorage::raw();
        let keys: Vec<String> = (0..storage.length().unwrap_or(0))
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect();
        for key in keys {
            let mut parts = key.split('.');
            let (Some("tandem"), Some(what), Some(Ok(user))) = (
                parts.next(),
                parts.next(),
                parts.next().map(Uuid::parse_str),
            ) else {
                continue;
            };
            // `tandem.device.<id>.unreadable`: set aside by `load`, it may hold edits.
            let aside = parts.next().is_some();
            if Some(user) == keep || (aside && Some(user) != discard) {
                continue;
            }
            if what == DEVICE && !aside && Some(user) != discard {
                match storage.get_item(&key).ok().flatten().map(|raw| parse(&raw)) {
                    Some(Some(mut device)) if !device.outbox.is_empty() => {
                        device.keep_unsent_only();
                        let _ = LocalStorage::set(&key, &device);
                        continue;
                    }
                    Some(None) => continue,
                    _ => {}
                }
            }
            if what == PENDING && !aside && Some(user) != discard {
                match storage.get_item(&key).ok().flatten().map(|raw| parse(&raw)) {
                    Some(Some(mut edits)) if !edits.outbox.is_empty() => {
                        edits.keep_unsent_only();
                        let _ = LocalStorage::set(&key, edits.pending_part());
                        continue;
                    }
                    Some(None) => continue,
                    _ => {}
                }
            }
            let _ = storage.remove_item(&key);
        }
    }

    /// This browser's node id, made once and kept, with its low 16 bits drawn anew for
    /// each page: two tabs editing in the same millisecond must not stamp alike.
    fn node() -> NodeId {
        let random = || Uuid::now_v7().as_u128() as u64;
        let storage = LocalStorage::raw();
        let stored = storage
            .get_item(NODE_KEY)
            .ok()
            .flatten()
            .and_then(|n| n.parse::<u64>().ok());
        let device = stored.unwrap_or_else(|| {
            let node = random();
            let _ = storage.set_item(NODE_KEY, &node.to_string());
            node
        });
        NodeId((device & !0xffff) | (random() & 0xffff))
    }

    /// Reads a device as saved: its records, or its edits saved apart (a device of nothing
    /// else). Parsed from bytes, as server replies are, so the bundle carries one JSON reader
    /// for these types instead of two; one type for both parts, so one reader for those too.
    fn parse(raw: &str) -> Option<Device> {
        serde_json::from_slice(raw.as_bytes()).ok()
    }

    /// What is saved under `key`. Data this version cannot read (say, written by a newer one)
    /// is set aside under another key rather than overwritten: it may hold edits the server
    /// has not seen.
    fn read(key: &str) -> Option<Device> {
        let storage = LocalStorage::raw();
        let raw = storage.get_item(key).ok().flatten()?;
        let read = parse(&raw);
        if read.is_none() {
            let _ = storage.set_item(&format!("{key}.unreadable"), &raw);
        }
        read
    }

    /// The records saved for this user. Records an earlier version kept in local storage are
    /// read there, and moved by the next save. Records that cannot be read are left for the
    /// next pull: they hold no edits.
    async fn load_records(user: Uuid) -> Option<Device> {
        let key = device_key(user);
        match records_store::read(&key).await {
            Some(raw) => parse(&raw),
            None => read(&key),
        }
    }

    /// Saves the edits first, in local storage, which answers at once; then the records when
    /// they changed, in IndexedDB, telling `engine` whether they were kept. When the browser
    /// refuses the records (they outgrew its storage), the edits are still kept. Whether the
    /// edits were saved.
    pub fn save(engine: SyncEngine, user: Uuid, device: &Device, records: bool) -> bool {
        let edits = LocalStorage::set(pending_key(user), device.pending_part()).is_ok();
        if records {
            let key = device_key(user);
            let records = serde_json::to_string(&device.records_part());
            leptos::task::spawn_local(async move {
                // Signed out meanwhile (in another tab too): their records are erased, not kept.
                if engine.user.get_value() != Some(user) {
                    return;
                }
                let kept = match records {
                    Ok(records) => records_store::write(&key, records).await,
                    Err(_) => false,
                };
                if kept {
                    LocalStorage::delete(&key);
                }
                engine.records_saved(kept);
            });
        }
        edits
    }

    /// Another tab of this browser saved its edits: take them in, so that our next save does not
    /// overwrite them. Its person's mark or edits gone: they signed out there.
    fn absorb_other_tabs(engine: SyncEngine) {
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            let Some(user) = engine.user.get_value() else {
                return;
            };
            let key = event.key();
            if key != Some(pending_key(user)) && key != Some(signed_key(user)) {
                return;
            }
            // Signed out in another tab: this one shows and sends nothing more of theirs, and
            // erases the records it may have saved since.
            if event.new_value().is_none() {
                engine.user.set_value(None);
                engine.device.set(None);
                stop_hints();
                leptos::task::spawn_local(records_store::forget(device_key(user)));
                return;
            }
            let Some(other) = event.new_value().as_deref().and_then(parse) else {
                return;
            };
            engine.device.update(|device| {
                if let Some(device) = device {
                    device.absorb(other);
                }
            });
        });
        std::mem::forget(listener);
    }

    fn online() -> bool {
        window().navigator().on_line()
    }

    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        static HINTED: std::cell::RefCell<Option<Hinted>> = const { std::cell::RefCell::new(None) };
        /// When the stream of hints last opened or brought a message.
        static HEARD: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
    }

    /// A stream of hints and whose it is.
    struct Hinted {
        user: Uuid,
        source: web_sys::EventSource,
        opened: f64,
        _on_hint: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)>,
    }

    /// A stream the server refused (signed out, too many open) is asked for again this long
    /// after, not on every tick of the timer.
    const RETRY_AFTER_MS: f64 = 30_000.0;

    /// Listens for the server's hints for `user`, unless already listening. The browser
    /// reconnects by itself after a dropped connection.
    fn hear_hints(engine: SyncEngine, user: Uuid) {
        use wasm_bindgen::{closure::Closure, JsCast};
        HINTED.with_borrow_mut(|open| {
            if let Some(hinted) = open.as_ref().filter(|h| h.user == user) {
                let closed = hinted.source.ready_state() == web_sys::EventSource::CLOSED;
                if !closed || js_sys::Date::now() - hinted.opened < RETRY_AFTER_MS {
                    return;
                }
            }
            if let Some(old) = open.take() {
                old.source.close();
            }
            let Ok(source) = web_sys::EventSource::new(HINTS) else {
                return;
            };
            let on_hint = Closure::<dyn FnMut(_)>::new(move |said: web_sys::MessageEvent| {
                HEARD.set(js_sys::Date::now());
                match said.data().as_string().as_deref() {
                    Some(hint::ALIVE) => return,
                    Some(hint::RELATIONSHIPS) => engine.relationships_changed.update(|n| *n += 1),
                    _ => {}
                }
                engine.kick();
            });
            source.set_onmessage(Some(on_hint.as_ref().unchecked_ref()));
            // Hints sent while the stream was down (it reconnects by itself) are gone: pull. The
            // same handler (an open event has no data): a closure of its own cost 53–135 bytes.
            source.set_onopen(Some(on_hint.as_ref().unchecked_ref()));
            *open = Some(Hinted {
                user,
                source,
                opened: js_sys::Date::now(),
                _on_hint: on_hint,
            });
        });
    }

    /// Stops listening: signed out, or the page is hidden (where polling stops too, and a
    /// stream per hidden tab would use up the browser's few connections to the server).
    pub fn stop_hints() {
        if let Some(hinted) = HINTED.take() {
            hinted.source.set_onmessage(None);
            hinted.source.set_onopen(None);
            hinted.source.close();
        }
    }

    /// Whether the timer may skip its pull: the hints arrive (their stream is open and brought
    /// something less than [`HEARD_WITHIN_MS`] ago), nothing waits in the outbox, and the last
    /// cycle succeeded less than [`PULL_WHILE_HINTED_MS`] ago. A time in the future (the
    /// device's clock was set back) is not recent.
    fn hints_suffice(engine: SyncEngine) -> bool {
        let now = js_sys::Date::now();
        let open = HINTED.with_borrow(|h| {
            h.as_ref()
                .is_some_and(|h| h.source.ready_state() == web_sys::EventSource::OPEN)
        }) && (0.0..HEARD_WITHIN_MS).contains(&(now - HEARD.get()));
        let recent = engine.status.with_untracked(|s| {
            s.error.is_none()
                && s.last_sync.is_some_and(|at| {
                    (0..PULL_WHILE_HINTED_MS).contains(&(now as i64 - at.timestamp_millis()))
                })
        });
        let idle = engine
            .device
            .with_untracked(|d| d.as_ref().is_some_and(|d| d.outbox.is_empty()));
        open && recent && idle
    }

    pub fn start(engine: SyncEngine, user: Uuid) {
        erase(Some(user), None);
        let _ = LocalStorage::set(signed_key(user), true);
        engine.status.update(|s| s.online = online());
        hear_hints(engine, user);
        if !LISTENING.replace(true) {
            listen(engine);
        }
        // The edits at once (local storage answers at once): nothing done before the records
        // are read is lost. The records follow.
        let edits = read(&pending_key(user));
        engine.records_loading.set_value(true);
        engine
            .device
            .set(Some(edits.unwrap_or_else(|| Device::new(node()))));
        leptos::task::spawn_local(async move {
            let records = load_records(user).await;
            // Signed out meanwhile, or someone else signed in: theirs is not this device.
            if engine.user.get_value() != Some(user) {
                return;
            }
            if let Some(records) = records {
                engine.device.update(|device| {
                    if let Some(device) = device {
                        device.absorb(records);
                    }
                });
            }
            engine.records_loading.set_value(false);
            engine.kick();
        });
    }

    /// Listeners and the timer live as long as the page: the engine does too, across sign-ins.
    fn listen(engine: SyncEngine) {
        absorb_other_tabs(engine);
        ask_for_persistent_storage();
        let on_change = move |_| {
            engine.status.update(|s| s.online = online());
            engine.kick();
        };
        std::mem::forget(window_event_listener(leptos::ev::online, on_change));
        std::mem::forget(window_event_listener(leptos::ev::offline, on_change));
        // Leaving a field or the page sends what was typed in it at once.
        std::mem::forget(window_event_listener(leptos::ev::focusout, move |_| {
            engine.flush()
        }));
        std::mem::forget(window_event_listener(leptos::ev::pagehide, move |_| {
            engine.flush()
        }));
        std::mem::forget(window_event_listener(
            leptos::ev::visibilitychange,
            move |_| engine.flush(),
        ));
        set_interval(
            move || {
                if document().hidden() {
                    stop_hints();
                    return;
                }
                if !hints_suffice(engine) {
                    engine.kick();
                }
                if let Some(user) = engine.user.get_value().filter(|_| online()) {
                    hear_hints(engine, user);
                }
            },
            PULL_EVERY,
        );
    }

    /// Asks the browser not to evict our data under storage pressure.
    fn ask_for_persistent_storage() {
        use js_sys::{Function, Reflect};
        use wasm_bindgen::JsCast;
        let navigator: wasm_bindgen::JsValue = window().navigator().into();
        let Ok(storage) = Reflect::get(&navigator, &"storage".into()) else {
            return;
        };
        if let Ok(persist) =
            Reflect::get(&storage, &"persist".into()).and_then(|f| f.dyn_into::<Function>())
        {
            let _ = persist.call0(&storage);
        }
    }
}
