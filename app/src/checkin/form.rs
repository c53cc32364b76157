//! Answering the check-in: the three questions, a rating, and after the first session whether
//! the pair fits; on one device the two take turns.

use super::{
    kind::{checkin_id, Checkin, CheckinSet, Fit, Question, ANSWER_MAX, RATING_MAX},
    messages::CheckinMsg,
    page::Context,
};
use crate::{
    i18n::{use_i18n, Message},
    relationships::Role,
    sync::{
        declare::{Choice, RecordKind},
        engine::use_sync,
    },
    ui::form::{SavedTextArea, ENDED_NOTE},
};
use leptos::prelude::*;

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

/// `role`'s answers, typed on this device: the person's own, or, taking turns, the partner's
/// (a record of this person's, shown as typed here).
#[component]
fn Answering(context: Context, role: Role) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let session = context.session;
    let id = checkin_id(context.relationship, session, context.me, role);
    // What the partner typed in for this person on their device, until the person answers
    // here: shown in their form, and carried into their own record with their first answer.
    let typed_for_me = (role == context.me)
        .then(|| checkin_id(context.relationship, session, role.partner(), role));
    let answers = Memo::new(move |_| {
        sync.device.with(|d| {
            let d = d.as_ref()?;
            let own = Checkin::find(&d.local, id);
            let typed = || typed_for_me.and_then(|t| Checkin::find(&d.local, t));
            Some(own.or_else(typed).filter(|c| c.of == role))
        })
    });
    let record = Checkin::at(id, context.relationship);
    // Every write names the session and whose answers they are: whichever comes first makes
    // the record whole.
    let save = move |write: CheckinSet| {
        let mut writes = Checkin::new(session, role);
        let carried = sync.device.with_untracked(|d| {
            let d = d.as_ref()?;
            match Checkin::find(&d.local, id) {
                Some(_) => None,
                None => typed_for_me.and_then(|t| Checkin::find(&d.local, t)),
            }
        });
        if let Some(typed) = carried {
            writes.extend([
                CheckinSet::Useful(typed.useful),
                CheckinSet::Next(typed.next),
                CheckinSet::Change(typed.change),
                CheckinSet::Rating(typed.rating),
                CheckinSet::Fit(typed.fit),
            ]);
        }
        writes.push(write);
        sync.save(record, writes)
    };
    let text = move |asked: Question| {
        let saved = Signal::derive(move || {
            answers.with(|a| {
                a.as_ref().map(|a| {
                    a.as_ref()
                        .map(|c| c.answer(asked).to_owned())
                        .unwrap_or_default()
                })
            })
        });
        let save = Callback::new(move |typed: String| save(asked.write(typed)));
        view! {
            <SavedTextArea id=format!("checkin-{}", asked.field().name()) label=move || i18n.t(question(asked)).to_owned()
                saved max=ANSWER_MAX save locked=context.ended />
        }
    };
    let rating = move || answers.with(|a| a.as_ref().flatten().and_then(|c| c.rating));
    let fit = move || answers.with(|a| a.as_ref().flatten().and_then(|c| c.fit));
    let first = move || {
        context
            .place
            .with(|p| p.as_ref().is_some_and(|p| p.number == 1))
    };
    view! {
        {Question::ALL.map(text)}
        <fieldset class="checks" disabled=move || context.ended.get()
            aria-describedby=move || context.ended.get().then_some(ENDED_NOTE)>
            <legend>{i18n.tr(CheckinMsg::Rating)}</legend>
            {(1..=RATING_MAX).map(|r| view! {
                <label class="check">
                    <input type="radio" name="checkin-rating"
                        prop:checked=move || rating() == Some(r)
                        on:change=move |_| { save(CheckinSet::Rating(Some(r))); }
                        aria-label=move || i18n.fmt(CheckinMsg::RatingN, &[&r.to_string()]) />
                    {r}
                </label>
            }).collect_view()}
        </fieldset>
        <Show when=first>
            <fieldset class="checks" disabled=move || context.ended.get()
                aria-describedby=move || context.ended.get().then_some(ENDED_NOTE)>
                <legend>{i18n.tr(CheckinMsg::Fit)}</legend>
                {Fit::ALL.iter().map(|&choice| view! {
                    <label class="check">
                        <input type="radio" name="checkin-fit"
                            prop:checked=move || fit() == Some(choice)
                            on:change=move |_| { save(CheckinSet::Fit(Some(choice))); } />
                        {i18n.tr(fit_name(choice))}
                    </label>
                }).collect_view()}
            </fieldset>
        </Show>
    }
}
