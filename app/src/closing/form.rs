//! Writing one's closing reflection, saved as it is typed; and reading the partner's.

use super::{
    kind::{reflection_id, Field, Reflection, ReflectionSet, RATING_MAX, TEXT_MAX},
    messages::ClosingMsg,
};
use crate::{
    i18n::{use_i18n, Message},
    relationships::Role,
    sync::{declare::RecordKind, engine::use_sync},
    ui::form::SavedTextArea,
};
use leptos::prelude::*;
use uuid::Uuid;

/// My reflection on `relationship`: both questions and the rating, each saved as it is given.
#[component]
pub fn ReflectionForm(relationship: Uuid, me: Role, partner: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let id = reflection_id(relationship, me);
    let mine = Memo::new(move |_| {
        sync.device
            .with(|d| d.as_ref().map(|d| Reflection::find(&d.local, id)))
    });
    // Every write names whose reflection it is: the first one makes the record whole.
    let save = move |write: ReflectionSet| {
        let mut writes = Reflection::new(me);
        writes.push(write);
        sync.save(Reflection::at(id, relationship), writes)
    };
    let text = move |field: Field, label: Message| {
        let saved = Signal::derive(move || {
            mine.with(|m| {
                m.as_ref().map(|m| {
                    m.as_ref()
                        .map(|r| match field {
                            Field::Gained => r.gained.clone(),
                            _ => r.differently.clone(),
                        })
                        .unwrap_or_default()
                })
            })
        });
        let save = Callback::new(move |typed: String| {
            save(match field {
                Field::Gained => ReflectionSet::Gained(typed),
                _ => ReflectionSet::Differently(typed),
            })
        });
        view! {
            <SavedTextArea id=format!("reflection-{}", field.name()) label=move || i18n.t(label).to_owned()
                saved max=TEXT_MAX save locked=Signal::derive(|| false) />
        }
    };
    let rating = move || mine.with(|m| m.as_ref().flatten().and_then(|r| r.rating));
    view! {
        <h2>{i18n.tr(ClosingMsg::ReflectionHeading)}</h2>
        <p class="hint">{move || i18n.fmt(ClosingMsg::ReflectionHint, &[&partner.get()])}</p>
        {text(Field::Gained, ClosingMsg::Gained)}
        {text(Field::Differently, ClosingMsg::Differently)}
        <fieldset class="checks" disabled=move || mine.with(Option::is_none)>
            <legend>{i18n.tr(ClosingMsg::Rating)}</legend>
            {(1..=RATING_MAX).map(|r| view! {
                <label class="check">
                    <input type="radio" name="reflection-rating"
                        prop:checked=move || rating() == Some(r)
                        on:change=move |_| { save(ReflectionSet::Rating(Some(r))); }
                        aria-label=move || i18n.fmt(ClosingMsg::RatingN, &[&r.to_string()]) />
                    {r}
                </label>
            }).collect_view()}
        </fieldset>
    }
}

/// `of`'s reflection as given, or that there is none (yet).
#[component]
pub fn ReflectionOf(relationship: Uuid, of: Role, name: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let given = Memo::new(move |_| {
        sync.device.with(|d| {
            d.as_ref()
                .and_then(|d| Reflection::of(&d.local, relationship, of))
        })
    });
    let answer = move |label: Message, text: fn(&Reflection) -> &str| {
        move || {
            given.with(|g| {
                g.as_ref()
                    .map(|g| text(g).trim().to_owned())
                    .filter(|t| !t.is_empty())
                    .map(|t| view! { <dt>{i18n.tr(label)}</dt><dd>{t}</dd> })
            })
        }
    };
    view! {
        <h2>{move || i18n.fmt(ClosingMsg::ReflectionOf, &[&name.get()])}</h2>
        <Show when=move || given.with(Option::is_some)
            fallback=move || view! { <p>{move || i18n.fmt(ClosingMsg::NoReflection, &[&name.get()])}</p> }>
            <dl class="answers">
                {answer(ClosingMsg::Gained, |r| &r.gained)}
                {answer(ClosingMsg::Differently, |r| &r.differently)}
            </dl>
            <p>{move || given.with(|g| g.as_ref().and_then(|g| g.rating))
                .map(|r| i18n.fmt(ClosingMsg::Rated, &[&r.to_string()]))}</p>
        </Show>
    }
}
