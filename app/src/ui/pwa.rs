//! Talking to the service worker: registering it, and telling it which pages to keep or forget.

/// Registers `/sw.js`, which keeps the app usable offline. Not under `cargo leptos watch`,
/// where cached pages would hide the reloads development depends on.
pub fn register() {
    #[cfg(feature = "hydrate")]
    if option_env!("LEPTOS_WATCH").is_none() {
        browser::call_container("register", &"/sw.js".into());
        // Pages opened while the first worker was still installing were never kept (nobody
        // controlled them to hear it): keep the open one as soon as a worker takes over.
        browser::on_controller_change(|| {
            keep(vec![leptos::prelude::window()
                .location()
                .pathname()
                .unwrap_or_default()])
        });
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

    /// Runs `then` whenever another worker starts controlling the page. Lives as long as the page.
    pub fn on_controller_change(then: fn()) {
        use wasm_bindgen::closure::Closure;
        let Some(container) = container() else { return };
        let listener = Closure::<dyn Fn()>::new(then);
        if let Ok(add) = Reflect::get(&container, &"addEventListener".into())
            .and_then(|f| f.dyn_into::<Function>())
        {
            let _ = add.call2(&container, &"controllerchange".into(), listener.as_ref());
        }
        listener.forget();
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
