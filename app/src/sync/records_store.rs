//! The device's records in IndexedDB, which grows with them where local storage stops at about
//! 5 MB: one entry per person, their records as JSON. The edits stay in local storage, saved
//! first and apart (`engine`), so a write refused here loses nothing the server has not seen.

use js_sys::Promise;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbKeyRange, IdbObjectStore, IdbRequest, IdbTransactionMode};

/// Never upgraded: a tab of an older version holding it open would block the upgrade. Records
/// of another format go to a database of another name (and these are pulled again).
const DATABASE: &str = "tandem";
const STORE: &str = "records";

thread_local! {
    /// The database, opened once a page. Every use waits for this one opening, so their
    /// transactions begin in the order they were asked for: a save, then an erase, then a read.
    static OPENING: Option<(IdbRequest, Promise)> = open();
}

fn open() -> Option<(IdbRequest, Promise)> {
    let request = web_sys::window()?
        .indexed_db()
        .ok()??
        .open_with_u32(DATABASE, 1)
        .ok()?;
    let made = request.clone();
    let upgrade = Closure::once_into_js(move || {
        if let Ok(database) = made.result() {
            let _ = database
                .unchecked_into::<IdbDatabase>()
                .create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let opened = Promise::new(&mut |done, failed| {
        request.set_onsuccess(Some(&done));
        request.set_onerror(Some(&failed));
    });
    Some((request.into(), opened))
}

/// The store, in a transaction of `mode`; none when the browser has no IndexedDB for us.
async fn store(mode: IdbTransactionMode) -> Option<IdbObjectStore> {
    let (request, opened) = OPENING.with(Clone::clone)?;
    JsFuture::from(opened).await.ok()?;
    let database: IdbDatabase = request.result().ok()?.unchecked_into();
    database
        .transaction_with_str_and_mode(STORE, mode)
        .ok()?
        .object_store(STORE)
        .ok()
}

/// Waits for `request`; its result, if it succeeded. The browser calls the promise's own
/// functions: no closure of ours.
async fn answer(request: IdbRequest) -> Option<JsValue> {
    let settled = Promise::new(&mut |done, failed| {
        request.set_onsuccess(Some(&done));
        request.set_onerror(Some(&failed));
    });
    JsFuture::from(settled).await.ok()?;
    request.result().ok()
}

/// The records saved for `key`.
pub async fn read(key: &str) -> Option<String> {
    let request = store(IdbTransactionMode::Readonly)
        .await?
        .get(&key.into())
        .ok()?;
    answer(request).await?.as_string()
}

/// Saves `records` under `key`; whether they are stored (the transaction completed: a full
/// disk or a quota aborts it only then).
pub async fn write(key: &str, records: String) -> bool {
    let Some(store) = store(IdbTransactionMode::Readwrite).await else {
        return false;
    };
    if store.put_with_key(&records.into(), &key.into()).is_err() {
        return false;
    }
    let transaction = store.transaction();
    let completed = Promise::new(&mut |done, failed| {
        transaction.set_oncomplete(Some(&done));
        transaction.set_onabort(Some(&failed));
    });
    JsFuture::from(completed).await.is_ok()
}

/// Deletes everyone's records but those under `keep`.
pub async fn keep_only(keep: Option<String>) {
    let Some(store) = store(IdbTransactionMode::Readwrite).await else {
        return;
    };
    let Some(keep) = keep else {
        let _ = store.clear();
        return;
    };
    let keep = JsValue::from(keep);
    let others = [
        IdbKeyRange::upper_bound_with_open(&keep, true),
        IdbKeyRange::lower_bound_with_open(&keep, true),
    ];
    for others in others.into_iter().flatten() {
        let _ = store.delete(&others);
    }
}

/// Deletes the records under `key`.
pub async fn forget(key: String) {
    if let Some(store) = store(IdbTransactionMode::Readwrite).await {
        let _ = store.delete(&key.into());
    }
}
