//! The installed app's badge: the count of what needs the person, where the browser has the
//! Badging API.

/// Shows `count` on the app's icon, or clears it at zero.
pub fn set(count: usize) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        let navigator: JsValue = leptos::prelude::window().navigator().into();
        let (name, args) = match count {
            0 => ("clearAppBadge", js_sys::Array::new()),
            n => ("setAppBadge", js_sys::Array::of1(&JsValue::from(n as u32))),
        };
        let Ok(call) = js_sys::Reflect::get(&navigator, &name.into()) else {
            return;
        };
        let Some(call) = call.dyn_ref::<js_sys::Function>() else {
            return;
        };
        // Refused where the app is not installed: a badge is a nicety, so the answer is dropped
        // (handled, so that no unhandled rejection reaches the console).
        if let Ok(Ok(promise)) = call
            .apply(&navigator, &args)
            .map(JsCast::dyn_into::<js_sys::Promise>)
        {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = count;
}
