//! Answering the check-in: the three questions, a rating, and after the first session whether
//! the pair fits; on one device the two take turns.

use super::{
    kind::{checkin_id, Answers, Field, Fit, Question, CHECKIN, RATINGS},
    messages::CheckinMsg,
    page::Context,
};
use crate::{
    i18n::{use_i18n, Message},
    relationships::Role,
    sync::{client::RecordRef, engine::use_sync},
    ui::form::SavedTextArea,
};
use leptos::prelude::*;
use serde_json::Value;

pub fn question(question: Question) -> Message {
    match question {
        Question::Useful => CheckinMsg::Useful,
        Question::Next => CheckinMsg::Next,
        Question::Change => CheckinMsg::Change,
    }
}

pub fn fit_name(fit: Fit) -> Message {
    match fit {
        Fit::Good => CheckinMsg::FitGood,
        Fit::Unsure => CheckinMsg::FitUnsure,
        Fit::Poor => CheckinMsg::FitPoor,
    }
}

#[component]
pub fn CheckinForm(context: Context) -> impl IntoView {
    let i18n = use_i18n();
    let turn = RwSignal::new(context.me);
    let choice = move |role: Role| {
        view! {
            <label class="check">
                <input type="radio" name="checkin-turn" prop:checked=move || turn.get() == role
                    on:change=move |_| turn.set(role) />
                {move || context.name(i18n, role)}
            </label>
        }
    };
    view! {
        <fieldset class="checks" hidden=move || context.ended.get()>
            <legend>{i18n.tr(CheckinMsg::WhoAnswers)}</legend>
            {choice(context.me)}
            {choice(context.me.partner())}
        </fieldset>
        // A new form for each person, so that one's half-typed answer never lands in the other's.
        {move || {
            let role = turn.get();
            view! { <Answering context role /> }
        }}
    }
}

#[component]
fn Answering(context: Context, role: Role) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let session = context.session;
    let answers = Memo::new(move |_| {
        sync.device
            .with(|d| Some(Answers::read(&d.as_ref()?.local, session, role).unwrap_or_default()))
    });
    let record = RecordRef {
        id: checkin_id(session, role),
        relationship: context.relationship,
        kind: CHECKIN.kind.clone(),
        private: false,
    };
    let record = StoredValue::new(record);
    let save = move |field: Field| {
        let record = record.get_value();
        Callback::new(move |value: Value| {
            sync.edit(
                record.clone(),
                vec![
                    (Field::Session.name(), Value::from(session.to_string())),
                    (field.name(), value),
                ],
            )
        })
    };
    let text = move |asked: Question| {
        let saved = Signal::derive(move || {
            answers.with(|a| a.as_ref().map(|a| a.answer(asked).to_owned()))
        });
        let field = asked.field();
        view! {
            <SavedTextArea id=format!("checkin-{}", field.name()) label=move || i18n.t(question(asked)).to_owned()
                saved kind=CHECKIN field=field.name() save=save(field) locked=context.ended />
        }
    };
    let choose = move |field: Field, value: &'static str| {
        let save = save(field);
        move |_| save.run(Value::from(value))
    };
    let first = move || {
        context
            .place
            .with(|p| p.as_ref().is_some_and(|p| p.number == 1))
    };
    view! {
        {Question::ALL.map(text)}
        <fieldset class="checks" disabled=move || context.ended.get()>
            <legend>{i18n.tr(CheckinMsg::Rating)}</legend>
            {RATINGS.iter().map(|&r| view! {
                <label class="check">
                    <input type="radio" name="checkin-rating"
                        prop:checked=move || answers.with(|a| a.as_ref().and_then(|a| a.rating).map(|n| n.to_string()).as_deref() == Some(r))
                        on:change=choose(Field::Rating, r) aria-label=move || i18n.fmt(CheckinMsg::RatingN, &[r]) />
                    {r}
                </label>
            }).collect_view()}
        </fieldset>
        <Show when=first>
            <fieldset class="checks" disabled=move || context.ended.get()>
                <legend>{i18n.tr(CheckinMsg::Fit)}</legend>
                {Fit::ALL.map(|fit| view! {
                    <label class="check">
                        <input type="radio" name="checkin-fit"
                            prop:checked=move || answers.with(|a| a.as_ref().and_then(|a| a.fit) == Some(fit))
                            on:change=choose(Field::Fit, fit.as_str()) />
                        {i18n.tr(fit_name(fit))}
                    </label>
                })}
            </fieldset>
        </Show>
    }
}
