//! Both people's answers as saved, appearing as the partner saves them, and with one tap each:
//! next steps become an action item of their author, what to change an agenda item of the next
//! session.

use super::{
    form::{fit_name, question},
    kind::{shortened, Checkin, Question},
    messages::CheckinMsg,
    page::Context,
};
use crate::{
    action_items::{from_session_id, ActionItem, ActionSet, TITLE_MAX},
    i18n::use_i18n,
    relationships::Role,
    roadmap::{focus_id, AgendaItem, AgendaSet, AGENDA_TEXT_MAX},
    sync::{
        declare::RecordKind,
        engine::{now, use_sync},
    },
};
use leptos::prelude::*;

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
    let shown = Memo::new(move |_| {
        sync.device
            .with(|d| Checkin::answers(&d.as_ref()?.local, context.relationship, session, role))
    });
    let answers = Memo::new(move |_| shown.with(|s| s.as_ref().map(|s| s.checkin.clone())));
    // One item per answer, whichever device makes it and whoever typed the answer in.
    let made_id = move |field: Question| match field {
        Question::Change => focus_id(context.relationship, session, role),
        _ => from_session_id(context.relationship, session, role),
    };
    // Made already, on this device or another; one made and deleted since stays deleted, as a
    // carried-over agenda item does, rather than coming back with the next tap.
    let made = move |field: Question| {
        let id = made_id(field);
        sync.device
            .with(|d| d.as_ref().is_some_and(|d| d.local.get(&id).is_some()))
    };
    let typed_by = move || {
        shown
            .with(|s| s.as_ref().and_then(|s| s.typed_by))
            .map(|by| match by == context.me {
                true => i18n.t(CheckinMsg::TypedOnYours).to_owned(),
                false => i18n.fmt(CheckinMsg::TypedOnTheirs, &[&context.name(i18n, by)]),
            })
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
    let make_action = move |_| {
        let Some(text) = answers.with_untracked(|a| a.as_ref().map(|a| a.next.clone())) else {
            return;
        };
        let due = context
            .place
            .with_untracked(|p| p.as_ref().and_then(|p| p.next.as_ref()).map(|n| n.day()));
        let title = shortened(&text, TITLE_MAX);
        let notes = if title == text.trim() {
            String::new()
        } else {
            text
        };
        let mut writes = ActionItem::new(title, role, now());
        writes.extend([
            ActionSet::CreatedBy(Some(context.me)),
            ActionSet::Notes(notes),
            ActionSet::Due(due),
            ActionSet::Session(Some(session)),
        ]);
        sync.edit(
            ActionItem::at(made_id(Question::Next), context.relationship),
            writes,
        );
    };
    let add_focus = move |_| {
        let answer = answers.with_untracked(|a| a.as_ref().map(|a| a.change.clone()));
        let next = context
            .place
            .with_untracked(|p| p.as_ref().and_then(|p| p.next.as_ref()).map(|n| n.id));
        let (Some(text), Some(next)) = (answer, next) else {
            return;
        };
        let mut writes = AgendaItem::new(next, shortened(&text, AGENDA_TEXT_MAX));
        writes.extend([
            AgendaSet::AddedBy(Some(context.me)),
            AgendaSet::Discussed(false),
            AgendaSet::CreatedAt(Some(now())),
            AgendaSet::FromCheckin(Some(session)),
            AgendaSet::FromRole(Some(role)),
        ]);
        sync.edit(
            AgendaItem::at(made_id(Question::Change), context.relationship),
            writes,
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
            <p class="hint" hidden=move || typed_by().is_none()>{typed_by}</p>
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
