//! Both people's answers as saved, appearing as the partner saves them, and with one tap each:
//! next steps become an action item of their author, what to change an agenda item of the next
//! session.

use super::{
    form::{fit_name, question},
    kind::{checkin_id, made_from, shortened, Answers, Question},
    messages::CheckinMsg,
    page::Context,
};
use crate::{
    action_items::{ActionField, KIND as ACTION_ITEM},
    i18n::use_i18n,
    relationships::Role,
    roadmap::{AgendaField, AGENDA},
    sync::{
        client::RecordRef,
        engine::{now_millis, use_sync},
    },
};
use leptos::prelude::*;
use serde_json::Value;

/// An action item's title and an agenda item's text are at most this long.
const TITLE_MAX: usize = 200;
const AGENDA_MAX: usize = 300;

#[component]
pub fn Summary(context: Context) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h3>{i18n.tr(CheckinMsg::Answers)}</h3>
        <div class="checkin-answers">
            <Person context role=context.me />
            <Person context role=context.me.partner() />
        </div>
    }
}

#[component]
fn Person(context: Context, role: Role) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let session = context.session;
    let answers = Memo::new(move |_| {
        sync.device
            .with(|d| Answers::read(&d.as_ref()?.local, session, role))
    });
    let checkin = checkin_id(session, role);
    // Made already, on this device or another; one made and deleted since stays deleted, as a
    // carried-over agenda item does, rather than coming back with the next tap.
    let made = move |field: Question| {
        let id = made_from(checkin, field);
        sync.device
            .with(|d| d.as_ref().is_some_and(|d| d.local.get(&id).is_some()))
    };
    let mine = role == context.me;
    let heading = move || match mine {
        true => i18n.t(CheckinMsg::YourAnswers).to_owned(),
        false => i18n.fmt(CheckinMsg::AnswersOf, &[&context.name(i18n, role)]),
    };
    let next_number = move || {
        context.place.with(|p| {
            p.as_ref()
                .filter(|p| p.next.is_some())
                .map(|p| p.number + 1)
        })
    };
    let edit = move |id, kind: &crate::sync::schema::KindSpec, fields| {
        let record = RecordRef {
            id,
            relationship: context.relationship,
            kind: kind.kind.clone(),
            private: false,
        };
        sync.edit(record, fields);
    };
    let make_action = move |_| {
        let Some(text) = answers.with_untracked(|a| a.as_ref().map(|a| a.next.clone())) else {
            return;
        };
        let due = context.place.with_untracked(|p| {
            p.as_ref()
                .and_then(|p| p.next.as_ref())
                .map(|n| Value::from(n.day().to_string()))
        });
        let title = shortened(&text, TITLE_MAX);
        let notes = if title == text.trim() {
            String::new()
        } else {
            text
        };
        edit(
            made_from(checkin, Question::Next),
            &ACTION_ITEM,
            vec![
                (ActionField::Title.name(), Value::from(title)),
                (ActionField::Notes.name(), Value::from(notes)),
                (ActionField::Owner.name(), Value::from(role.as_str())),
                (ActionField::Due.name(), due.unwrap_or(Value::Null)),
                (ActionField::CreatedAt.name(), Value::from(now_millis())),
                (
                    ActionField::CreatedBy.name(),
                    Value::from(context.me.as_str()),
                ),
                (
                    ActionField::Session.name(),
                    Value::from(session.to_string()),
                ),
            ],
        );
    };
    let add_focus = move |_| {
        let text = answers.with_untracked(|a| a.as_ref().map(|a| a.change.clone()));
        let next = context
            .place
            .with_untracked(|p| p.as_ref().and_then(|p| p.next.as_ref()).map(|n| n.id));
        let (Some(text), Some(next)) = (text, next) else {
            return;
        };
        edit(
            made_from(checkin, Question::Change),
            &AGENDA,
            vec![
                (AgendaField::Session.name(), Value::from(next.to_string())),
                (
                    AgendaField::Text.name(),
                    Value::from(shortened(&text, AGENDA_MAX)),
                ),
                (
                    AgendaField::AddedBy.name(),
                    Value::from(context.me.as_str()),
                ),
                (AgendaField::Discussed.name(), Value::Bool(false)),
                (AgendaField::CreatedAt.name(), Value::from(now_millis())),
            ],
        );
    };
    let answered = move |field: Question| {
        answers.with(|a| {
            a.as_ref()
                .is_some_and(|a| !a.answer(field).trim().is_empty())
        })
    };
    let action_label = move || match mine {
        true => i18n.t(CheckinMsg::MakeMyAction).to_owned(),
        false => i18n.fmt(CheckinMsg::MakeActionOf, &[&context.name(i18n, role)]),
    };
    let focus_label = move || {
        let n = next_number().unwrap_or_default().to_string();
        match mine {
            true => i18n.fmt(CheckinMsg::AddMyFocus, &[&n]),
            false => i18n.fmt(CheckinMsg::AddFocusOf, &[&context.name(i18n, role), &n]),
        }
    };
    let after = move |field: Question| {
        let open = move || answered(field) && !made(field) && !context.ended.get();
        let view = match field {
            Question::Next => view! {
                <p class="hint" hidden=move || !made(Question::Next)>{i18n.tr(CheckinMsg::MadeAction)}</p>
                <button class="button secondary" hidden=move || !open() on:click=make_action>{action_label}</button>
            }
            .into_any(),
            Question::Change => view! {
                <p class="hint" hidden=move || !made(Question::Change)>
                    {move || i18n.fmt(CheckinMsg::AddedFocus, &[&next_number().unwrap_or_default().to_string()])}
                </p>
                <button class="button secondary" hidden=move || !open() || next_number().is_none() on:click=add_focus>
                    {focus_label}
                </button>
                <p class="hint" hidden=move || !open() || next_number().is_some()>
                    {i18n.tr(CheckinMsg::PlanNext)}
                </p>
            }
            .into_any(),
            Question::Useful => ().into_any(),
        };
        view! {
            <dt>{i18n.tr(question(field))}</dt>
            <dd>
                <p>{move || answers.with(|a| match a.as_ref().map(|a| a.answer(field).trim().to_owned()) {
                    Some(text) if !text.is_empty() => text,
                    _ => i18n.t(CheckinMsg::NoAnswer).to_owned(),
                })}</p>
                {view}
            </dd>
        }
    };
    view! {
        <section class="checkin-person" aria-labelledby=format!("answers-{}", role.as_str())>
            <h4 id=format!("answers-{}", role.as_str())>{heading}</h4>
            <dl class="answers">{Question::ALL.map(after)}</dl>
            <p hidden=move || answers.with(|a| a.as_ref().and_then(|a| a.rating).is_none())>
                {move || answers.with(|a| a.as_ref().and_then(|a| a.rating)).map(|n| i18n.fmt(CheckinMsg::Rated, &[&n.to_string()]))}
            </p>
            <p hidden=move || answers.with(|a| a.as_ref().and_then(|a| a.fit).is_none())>
                {move || answers.with(|a| a.as_ref().and_then(|a| a.fit)).map(|f| i18n.t(fit_name(f)))}
            </p>
        </section>
    }
}
