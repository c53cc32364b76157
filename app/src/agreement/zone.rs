//! The time zone term: checked and named by the browser's own zone database, which the bundle
//! does not carry.

use super::kind::Term;
use crate::{i18n::use_i18n, ui::form::described_by};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

// Words of this page's chunk only: in the agreement's table they would be in every page's.
crate::i18n::messages! {
    ZoneMsg {
        TimeZone => "Time zone of the meeting times", "Tijdzone van de afspraaktijden";
        UseZone => "Use {}", "{} gebruiken";
        UnknownZone => "Not a time zone this device knows. Write it as Region/City, such as Europe/Amsterdam.",
            "Geen tijdzone die dit apparaat kent. Schrijf hem als Regio/Stad, zoals Europe/Amsterdam.";
    }
}

#[wasm_bindgen]
extern "C" {
    type ZoneFormat;
    type Resolved;
    /// `Intl.DateTimeFormat(undefined, {timeZone})`: throws for a zone the browser does not know.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat, catch)]
    fn zone_format(locales: &JsValue, options: &js_sys::Object) -> Result<ZoneFormat, JsValue>;
    #[wasm_bindgen(method, js_name = resolvedOptions)]
    fn resolved_options(this: &ZoneFormat) -> Resolved;
    #[wasm_bindgen(method, getter = timeZone)]
    fn time_zone(this: &Resolved) -> Option<String>;
}

/// The zone's IANA name as the browser spells it (`europe/amsterdam` → `Europe/Amsterdam`);
/// none for a name it does not know. Empty: this device's own zone.
fn known_zone(name: &str) -> Option<String> {
    let options = js_sys::Object::new();
    if !name.is_empty() {
        js_sys::Reflect::set(&options, &"timeZone".into(), &name.into()).ok()?;
    }
    let zone = zone_format(&JsValue::UNDEFINED, &options).ok()?;
    zone.resolved_options().time_zone()
}

/// The time zone the meeting times are in: typed, or this device's zone with one tap.
#[component]
pub(super) fn TimeZoneInput(terms: super::ui::Terms) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("agree-{}", Term::TimeZone.name());
    let message = format!("{id}-message");
    let error = RwSignal::new(false);
    // Read once the page runs in the browser: the server knows no device's zone.
    let device = RwSignal::new(None::<String>);
    Effect::new(move |_| device.set(known_zone("")));
    let save = move |typed: &str| {
        let typed = typed.trim();
        let zone = if typed.is_empty() {
            Some(String::new())
        } else {
            known_zone(typed)
        };
        error.set(zone.is_none());
        if let Some(zone) = zone {
            terms.set_text(Term::TimeZone, &zone);
        }
    };
    let described = {
        let message = message.clone();
        move || described_by(&message, terms.ended.get())
    };
    let proposal = move || {
        let zone = device.get()?;
        (terms.text(Term::TimeZone).is_empty() && !terms.locked()).then(|| {
            let label = i18n.fmt(ZoneMsg::UseZone, &[&zone]);
            view! { <button type="button" class="secondary" on:click=move |_| save(&zone)>{label}</button> }
        })
    };
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.tr(ZoneMsg::TimeZone)}</label>
            <input id=id type="text" autocomplete="off" spellcheck="false" placeholder="Europe/Amsterdam"
                prop:value=move || terms.text(Term::TimeZone) readonly=move || terms.locked()
                aria-invalid=move || error.get().then_some("true") aria-describedby=described
                on:change=move |ev| save(&event_target_value(&ev)) />
            <p id=message class="field-message field-error" aria-live="polite">
                {move || error.get().then(|| i18n.t(ZoneMsg::UnknownZone))}
            </p>
            {proposal}
        </div>
    }
}
