//! The preparation page: three questions, answered in private drafts, shared one by one or all at once.

use super::{
    kind::{Draft, Preparation, Question, Shared, SharedSet, MAX_ANSWER},
    messages::PrepareMsg,
};
use crate::{
    i18n::{use_i18n, Message},
    relationships::{relationship_name, Live, RelationshipFrame, Role},
    sync::{
        declare::{check, RecordKind},
        engine::{use_sync, SyncEngine},
        Rejection,
    },
    ui::{
        form::{described_by, rejection_text, saved_text},
        seen, use_auth,
    },
};
use leptos::prelude::*;
use uuid::Uuid;

pub fn prompt(question: Question) -> Message {
    match question {
        Question::Want => PrepareMsg::Want,
        Question::Bring => PrepareMsg::Bring,
        Question::Expect => PrepareMsg::Expect,
    }
}

#[component]
pub fn PreparePage() -> impl IntoView {
    view! { <RelationshipFrame page=|live, _| view! { <Prepare live /> }.into_any() /> }
}

/// What the page needs to write: whose preparation, and where it stands.
#[derive(Clone, Copy)]
struct Writing {
    sync: SyncEngine,
    relationship: Uuid,
    me: Role,
    /// `None` until the device's data is read.
    state: Memo<Option<Preparation>>,
    /// A question's answer that could not be saved or shared, and why.
    errors: RwSignal<Vec<(Question, Rejection)>>,
}

impl Writing {
    fn error(self, question: Question, rejection: Option<Rejection>) {
        self.errors.update(|errors| {
            errors.retain(|(q, _)| *q != question);
            errors.extend(rejection.map(|r| (question, r)));
        });
    }

    /// Saves a draft as it is typed; too long a text stays in the field, with the reason.
    fn draft(self, question: Question, text: String) {
        let id = self
            .state
            .with_untracked(|s| s.as_ref().and_then(|s| s.draft_record))
            .unwrap_or_else(Uuid::now_v7);
        let refused = self
            .sync
            .save(Draft::at(id, self.relationship), vec![question.draft(text)]);
        self.error(question, refused);
    }

    /// Shares these answers as drafted (an empty text stops sharing one).
    fn share(self, answers: Vec<(Question, String)>) {
        let existing = self
            .state
            .with_untracked(|s| s.as_ref().and_then(|s| s.shared_record));
        let mut writes: Vec<SharedSet> = Vec::new();
        if existing.is_none() {
            writes = Shared::new(self.me);
        }
        writes.extend(answers.into_iter().map(|(q, text)| q.shared(text)));
        let id = existing.unwrap_or_else(Uuid::now_v7);
        self.sync.edit(Shared::at(id, self.relationship), writes);
    }
}

#[component]
fn Prepare(live: Live) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let (relationship, me, r) = (live.id, live.me, live.view);
    let partner = live.partner();
    let ended = live.ended();
    let state = Memo::new(move |_| {
        sync.device.with(|d| {
            d.as_ref()
                .map(|d| Preparation::read(&d.local, relationship, me))
        })
    });
    // The partner's answers on screen are seen: Today stops pointing here until they change.
    let auth = use_auth();
    Effect::new(move |_| {
        let shown = state.with(|s| {
            s.as_ref()
                .is_some_and(|s| Preparation::count(&s.theirs) > 0)
        });
        if let (true, Some(Ok(Some(user)))) = (shown, auth.user.get()) {
            let at = sync.device.with_untracked(|d| {
                d.as_ref().map_or(0, |d| {
                    Preparation::shared_changed(&d.local, relationship, me.partner())
                })
            });
            seen::mark(user.id, seen::preparation_key(relationship), at);
        }
    });
    let writing = Writing {
        sync,
        relationship,
        me,
        state,
        errors: RwSignal::new(Vec::new()),
    };
    let share_all = move |_| {
        let draft = state.with_untracked(|s| s.as_ref().map(|s| s.draft.clone()));
        let answers: Vec<(Question, String)> = Question::ALL
            .into_iter()
            .zip(draft.unwrap_or_default())
            .filter(|(_, text)| !text.trim().is_empty())
            .collect();
        if answers.is_empty() {
            writing.error(Question::Want, Some(Rejection::Empty));
        } else {
            writing.share(answers);
        }
    };
    view! {
        <section class="panel">
            <p class="crumb"><a href=format!("/r/{relationship}")>{move || r.with(|r| relationship_name(i18n, r))}</a></p>
            <h1>{i18n.tr(PrepareMsg::Title)}</h1>
            <p>{i18n.tr(PrepareMsg::Intro)}</p>
        </section>
        <section class="panel">
            <h2>{i18n.tr(PrepareMsg::YourAnswers)}</h2>
            {Question::ALL
                .into_iter()
                .map(|question| view! { <Answer question writing partner ended /> })
                .collect_view()}
            <button class="button primary" hidden=ended on:click=share_all>{i18n.tr(PrepareMsg::ShareAll)}</button>
        </section>
        {move || partner.get().map(|name| view! { <Theirs name state /> })}
    }
}

/// One question: the draft as typed, whether and how it is shared, and the buttons for that.
#[component]
fn Answer(
    question: Question,
    writing: Writing,
    partner: Signal<Option<String>>,
    ended: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let at = Question::ALL
        .iter()
        .position(|q| *q == question)
        .unwrap_or(0);
    let id = format!("prepare-{}", question.name());
    // What the person types is the field's own (see `saved_text`).
    let text = saved_text(move || {
        writing
            .state
            .with(|s| s.as_ref().map(|s| s.draft[at].clone()))
    });
    // Until the device is read there is nothing to add to: typing then would be lost.
    let locked = move || ended.get() || writing.state.with(Option::is_none);
    let shared = move || {
        writing
            .state
            .with(|s| s.as_ref().map(|s| s.mine[at].clone()).unwrap_or_default())
    };
    let status = move || {
        let shared = shared();
        let same = text.with(|t| t.trim() == shared.trim());
        let msg = match (shared.trim().is_empty(), same, partner.get()) {
            (true, ..) => return i18n.t(PrepareMsg::Private).to_owned(),
            (false, true, Some(p)) => return i18n.fmt(PrepareMsg::SharedWith, &[&p]),
            (false, false, Some(p)) => return i18n.fmt(PrepareMsg::ChangedSince, &[&p]),
            (false, true, None) => PrepareMsg::SharedNoPartner,
            (false, false, None) => PrepareMsg::ChangedSinceNoPartner,
        };
        i18n.t(msg).to_owned()
    };
    let error = move || {
        writing.errors.with(|errors| {
            errors
                .iter()
                .find(|(q, _)| *q == question)
                .map(|(_, r)| match r {
                    Rejection::Empty => i18n.t(PrepareMsg::NothingToShare).to_owned(),
                    r => rejection_text(i18n, *r),
                })
        })
    };
    let share = move |_| {
        let typed = text.get_untracked();
        let refused = if typed.trim().is_empty() {
            Some(Rejection::Empty)
        } else {
            check(&question.shared(typed.clone()))
        };
        writing.error(question, refused);
        if refused.is_none() {
            writing.share(vec![(question, typed)]);
        }
    };
    let is_shared = move || !shared().trim().is_empty();
    let changed = move || text.with(|t| t.trim() != shared().trim());
    let message_id = format!("{id}-message");
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.tr(prompt(question))}</label>
            <textarea
                id=id
                rows=4
                maxlength=MAX_ANSWER
                aria-describedby={
                    let message = message_id.clone();
                    move || described_by(&message, ended.get())
                }
                prop:value=text
                readonly=locked
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    text.set(typed.clone());
                    writing.draft(question, typed);
                }
            ></textarea>
            <p class="field-message field-error" id=message_id aria-live="polite">{error}</p>
            <p class="hint">{status}</p>
            <div class="actions" hidden=ended>
                <Show when=move || !is_shared() || changed()>
                    <button class="button secondary" on:click=share>
                        {move || i18n.t(if is_shared() { PrepareMsg::ShareChanges } else { PrepareMsg::Share })}
                    </button>
                </Show>
                <Show when=is_shared>
                    <button class="button secondary" on:click=move |_| writing.share(vec![(question, String::new())])>
                        {i18n.tr(PrepareMsg::Unshare)}
                    </button>
                </Show>
            </div>
        </div>
    }
}

/// The partner's shared answers, and nothing else of theirs.
#[component]
fn Theirs(name: String, state: Memo<Option<Preparation>>) -> impl IntoView {
    let i18n = use_i18n();
    let name = StoredValue::new(name);
    view! {
        <section class="panel">
            <h2>{move || name.with_value(|n| i18n.fmt(PrepareMsg::TheirAnswers, &[n]))}</h2>
            <dl class="answers">
                {Question::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(at, question)| {
                        let answer = move || {
                            state
                                .with(|s| s.as_ref().map(|s| s.theirs[at].clone()))
                                .filter(|a| !a.trim().is_empty())
                                .unwrap_or_else(|| i18n.t(PrepareMsg::NotYet).to_owned())
                        };
                        view! {
                            <dt>{i18n.tr(prompt(question))}</dt>
                            <dd>{answer}</dd>
                        }
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}
