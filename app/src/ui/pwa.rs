//! Talking to the service worker: registering it, and telling it which pages to keep or forget.

/// Registers `/sw.js`, which keeps the app usable offline. Not under `cargo leptos watch`,
/// where cached pages would hide the reloads development depends on.
pub fn register() {
    #[cfg(feature = "hydrate")]
    if option_env!("LEPTOS_WATCH").is_none() {
        browser::call_container("register", &"/sw.js".into());
    }
}

/// Asks the worker to fetch and keep these pages, so they open offline later.
pub fn keep(paths: Vec<String>) {
    #[cfg(feature = "hydrate")]
    browser::post("keep", &paths);
    #[cfg(not(feature = "hydrate"))]
    let _ = paths;
}

/// Forgets kept pages: after signing out they would show the previous person's data.
pub fn forget() {
    #[cfg(feature = "hydrate")]
    browser::post("forget", &[]);
}

#[cfg(feature = "hydrate")]
mod browser {
    use js_sys::{Array, Function, Object, Reflect};
    use leptos::prelude::window;
    use wasm_bindgen::{JsCast, JsValue};

    fn container() -> Option<JsValue> {
        let navigator: JsValue = window().navigator().into();
        Reflect::get(&navigator, &"serviceWorker".into())
            .ok()
            .filter(|c| !c.is_undefined())
    }

    fn call(target: &JsValue, method: &str, arg: &JsValue) {
        if let Ok(f) = Reflect::get(target, &method.into()).and_then(|f| f.dyn_into::<Function>()) {
            let _ = f.call1(target, arg);
        }
    }

    pub fn call_container(method: &str, arg: &JsValue) {
        if let Some(container) = container() {
            call(&container, method, arg);
        }
    }

    /// Sends the worker `{ type, paths }`, built as a JavaScript object directly.
    pub fn post(kind: &str, paths: &[String]) {
        let Some(container) = container() else { return };
        let Ok(controller) = Reflect::get(&container, &"controller".into()) else {
            return;
        };
        if controller.is_null() || controller.is_undefined() {
            return;
        }
        let list: Array = paths.iter().map(|p| JsValue::from_str(p)).collect();
        let message = Object::new();
        let _ = Reflect::set(&message, &"type".into(), &kind.into());
        let _ = Reflect::set(&message, &"paths".into(), &list);
        call(&controller, "postMessage", &message);
    }
}
