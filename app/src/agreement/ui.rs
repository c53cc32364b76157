//! The agreement page: the terms both edit, the signatures, and the versions both signed.

use super::{
    kind::{
        canonical, Agreement, Term, AUTHOR, DURATIONS, FREQUENCIES, REPLY_TIMES, SIGNATURE,
        SIGNED_AT, SIGNED_TERMS, TERMS, WEEKDAYS,
    },
    messages::AgreeMsg,
};
use crate::{
    i18n::{use_i18n, I18n, Message},
    relationships::{relationship_name, Live, RelationshipFrame, Role},
    sync::{
        client::RecordRef,
        engine::{local_time, now_millis, use_sync, SyncEngine},
        schema::check_value,
        Kind,
    },
    ui::form::{rejection_text, saved_text},
};
use leptos::prelude::*;
use serde_json::Value;
use uuid::Uuid;

#[component]
pub fn AgreementPage() -> impl IntoView {
    view! { <RelationshipFrame page=|live, _| view! { <Agree live /> }.into_any() /> }
}

/// What every control of the page shares: the agreement as the device has it, and writing it.
#[derive(Clone, Copy)]
struct Terms {
    sync: SyncEngine,
    relationship: Uuid,
    state: Memo<Option<Agreement>>,
    ended: Signal<bool>,
    /// The terms as this person's last edit here left them: a change of the terms to anything
    /// else came from elsewhere (the partner). Not a time window: with changes arriving within
    /// a second, the partner's edit right after one's own must still count as theirs.
    own_edit: StoredValue<Option<String>>,
}

impl Terms {
    fn value(self, term: Term) -> Value {
        self.state.with(|s| {
            s.as_ref()
                .and_then(|s| s.terms.get(term.name()).cloned())
                .unwrap_or(Value::Null)
        })
    }

    fn text(self, term: Term) -> String {
        self.value(term).as_str().unwrap_or_default().to_owned()
    }

    fn write(self, kind: Kind, record: Option<Uuid>, fields: Vec<(&'static str, Value)>) {
        let record = RecordRef {
            id: record.unwrap_or_else(Uuid::now_v7),
            relationship: self.relationship,
            kind,
            private: false,
        };
        self.sync.edit(record, fields);
    }

    fn set(self, term: Term, value: Value) {
        let record = self
            .state
            .with_untracked(|s| s.as_ref().and_then(|s| s.record));
        self.write(TERMS.kind, record, vec![(term.name(), value)]);
        let after = self
            .state
            .with_untracked(|s| s.as_ref().map(|s| canonical(&s.terms)));
        self.own_edit.set_value(after);
    }

    /// Nothing to edit until the device is read, nor once the relationship has ended.
    fn locked(self) -> bool {
        self.ended.get() || self.state.with(Option::is_none)
    }
}

fn term_name(term: Term) -> Message {
    match term {
        Term::RoleMentor => AgreeMsg::RoleMentorTerm,
        Term::RoleMentee => AgreeMsg::RoleMenteeTerm,
        Term::ExpectMentor => AgreeMsg::ExpectMentorTerm,
        Term::ExpectMentee => AgreeMsg::ExpectMenteeTerm,
        Term::Scope => AgreeMsg::ScopeTerm,
        Term::Frequency => AgreeMsg::FrequencyTerm,
        Term::Weekday => AgreeMsg::WeekdayTerm,
        Term::Time => AgreeMsg::TimeTerm,
        Term::Duration => AgreeMsg::DurationTerm,
        Term::Place => AgreeMsg::PlaceTerm,
        Term::ByEmail | Term::ByPhone | Term::ByChat => AgreeMsg::ChannelsTerm,
        Term::HoursMentor | Term::HoursMentee => AgreeMsg::HoursTerm,
        Term::ReplyTime => AgreeMsg::ReplyTerm,
        Term::Middle => AgreeMsg::MiddleTerm,
        Term::EndDate => AgreeMsg::EndDateTerm,
    }
}

/// The day of an instant where the reader is.
fn day_of(i18n: I18n, at: chrono::DateTime<chrono::Utc>) -> String {
    i18n.date(local_time(at).and_utc())
}

/// Terms as a list people read: "how often you meet, the day".
fn term_list(i18n: I18n, terms: &[Term]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for term in terms {
        let name = i18n.t(term_name(*term));
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(", ")
}

#[component]
fn Agree(live: Live) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let (relationship, me, r) = (live.id, live.me, live.view);
    let state = Memo::new(move |_| {
        sync.device
            .with(|d| d.as_ref().map(|d| Agreement::read(&d.local, relationship)))
    });
    let terms = Terms {
        sync,
        relationship,
        state,
        ended: live.ended(),
        own_edit: StoredValue::new(None),
    };
    let partner = live.partner();
    let view_of = move |role: Role| {
        let (own, expect) = (
            Term::role_of(role, Term::RoleMentor, Term::RoleMentee),
            Term::role_of(role, Term::ExpectMentor, Term::ExpectMentee),
        );
        let heading = move || match (role == me, partner.get()) {
            (true, _) => i18n.t(AgreeMsg::YourView).to_owned(),
            (false, Some(name)) => i18n.fmt(AgreeMsg::TheirView, &[&name]),
            (false, None) => i18n.t(AgreeMsg::PartnerView).to_owned(),
        };
        // The partner's answers carry their name, so that every field has a name of its own.
        let whose = (role != me).then_some(Signal::derive(move || {
            partner
                .get()
                .unwrap_or_else(|| i18n.t(AgreeMsg::PartnerView).to_owned())
        }));
        view! {
            <h3>{heading}</h3>
            <TermText term=own label=AgreeMsg::Role terms lines=true whose />
            <TermText term=expect label=AgreeMsg::Expect terms lines=true whose />
        }
    };
    view! {
        <section class="panel">
            <p class="crumb"><a href=format!("/r/{relationship}")>{move || r.with(|r| relationship_name(i18n, r))}</a></p>
            <h1>{i18n.tr(AgreeMsg::Title)}</h1>
            <p>{i18n.tr(AgreeMsg::Intro)}</p>
        </section>
        <Signatures terms me partner />
        <section class="panel">
            {view_of(me)}
            {view_of(me.partner())}
            <TermText term=Term::Scope label=AgreeMsg::Scope terms lines=true />
        </section>
        <section class="panel">
            <h2>{i18n.tr(AgreeMsg::Meetings)}</h2>
            <TermChoice term=Term::Frequency label=AgreeMsg::Frequency terms
                options=choices(FREQUENCIES, &[AgreeMsg::Weekly, AgreeMsg::Biweekly, AgreeMsg::Monthly]) />
            <TermChoice term=Term::Weekday label=AgreeMsg::Weekday terms
                options=choices(WEEKDAYS, &[AgreeMsg::Mon, AgreeMsg::Tue, AgreeMsg::Wed, AgreeMsg::Thu, AgreeMsg::Fri, AgreeMsg::Sat, AgreeMsg::Sun]) />
            <TermInput term=Term::Time label=AgreeMsg::Time terms kind="time" />
            <TermChoice term=Term::Duration label=AgreeMsg::Duration terms
                options=DURATIONS.iter().map(|m| (Value::from(*m), AgreeMsg::Minutes, m.to_string())).collect() />
            <TermText term=Term::Place label=AgreeMsg::Place terms lines=false />
        </section>
        <section class="panel">
            <h2>{i18n.tr(AgreeMsg::Contact)}</h2>
            <fieldset class="checks">
                <legend>{i18n.tr(AgreeMsg::Channels)}</legend>
                <TermCheck term=Term::ByEmail label=AgreeMsg::Email terms />
                <TermCheck term=Term::ByPhone label=AgreeMsg::Phone terms />
                <TermCheck term=Term::ByChat label=AgreeMsg::Chat terms />
            </fieldset>
            <TermText term=Term::HoursMentor label=AgreeMsg::HoursMentor terms lines=false />
            <TermText term=Term::HoursMentee label=AgreeMsg::HoursMentee terms lines=false />
            <TermChoice term=Term::ReplyTime label=AgreeMsg::ReplyTime terms
                options=choices(REPLY_TIMES, &[AgreeMsg::SameDay, AgreeMsg::NextDay, AgreeMsg::TwoDays, AgreeMsg::Week]) />
        </section>
        <section class="panel">
            <TermText term=Term::Middle label=AgreeMsg::Middle terms lines=true />
            <TermInput term=Term::EndDate label=AgreeMsg::EndDate terms kind="date" />
        </section>
        <Versions state />
    }
}

/// A text term, saved as it is typed; the partner's edits show while the person is not typing
/// (`saved_text`).
#[component]
fn TermText(
    term: Term,
    label: Message,
    terms: Terms,
    lines: bool,
    #[prop(default = None)] whose: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = saved_text(move || terms.state.with(Option::is_some).then(|| terms.text(term)));
    let error = RwSignal::new(None::<String>);
    let input = move |ev| {
        let typed = event_target_value(&ev);
        text.set(typed.clone());
        let value = Value::from(typed);
        match check_value(&TERMS, term.name(), &value) {
            Ok(_) => {
                error.set(None);
                terms.set(term, value);
            }
            Err(rejection) => error.set(Some(rejection_text(i18n, rejection))),
        }
    };
    let id = format!("agree-{}", term.name());
    let message = format!("{id}-message");
    let max = TERMS.field(term.name()).map_or(0, |f| match f.ty {
        crate::sync::schema::Type::Notes { max } => max,
        _ => 0,
    });
    let control = if lines {
        view! { <textarea id=id.clone() rows=3 maxlength=max prop:value=text on:input=input
        readonly=move || terms.locked() aria-describedby=message.clone()></textarea> }
        .into_any()
    } else {
        view! { <input id=id.clone() type="text" maxlength=max prop:value=text on:input=input
        readonly=move || terms.locked() aria-describedby=message.clone() /> }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>
                {move || whose.map(|w| format!("{} — ", w.get()))}
                {i18n.tr(label)}
            </label>
            {control}
            <p id=message class="field-message field-error" aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// The options of a choice: each stored word and its words for people.
fn choices(values: &[&'static str], names: &[Message]) -> Vec<(Value, Message, String)> {
    values
        .iter()
        .zip(names)
        .map(|(v, m)| (Value::from(*v), *m, String::new()))
        .collect()
}

/// A choice among a few values, or none yet. Each option is its value, its words, and what
/// fills their placeholder (empty for none).
#[component]
fn TermChoice(
    term: Term,
    label: Message,
    terms: Terms,
    options: Vec<(Value, Message, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("agree-{}", term.name());
    let values = StoredValue::new(options.iter().map(|(v, ..)| v.clone()).collect::<Vec<_>>());
    let current = move || terms.value(term).to_string();
    let change = move |ev| {
        let picked = event_target_value(&ev);
        let value = values.with_value(|vs| vs.iter().find(|v| v.to_string() == picked).cloned());
        terms.set(term, value.unwrap_or(Value::Null));
    };
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.tr(label)}</label>
            <select id=id on:change=change prop:value=current disabled=move || terms.locked()>
                <option value="null" selected=move || current() == "null">{i18n.tr(AgreeMsg::NotChosen)}</option>
                {options.into_iter().map(|(value, msg, arg)| {
                    let (key, chosen) = (value.to_string(), value.to_string());
                    let text = move || if arg.is_empty() { i18n.t(msg).to_owned() } else { i18n.fmt(msg, &[&arg]) };
                    view! { <option value=key selected=move || current() == chosen>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A time of day or a date, typed with the browser's own picker.
#[component]
fn TermInput(term: Term, label: Message, terms: Terms, kind: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("agree-{}", term.name());
    let change = move |ev| {
        let typed = event_target_value(&ev);
        let value = if typed.is_empty() {
            Value::Null
        } else {
            Value::from(typed)
        };
        if check_value(&TERMS, term.name(), &value).is_ok() {
            terms.set(term, value);
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.tr(label)}</label>
            <input id=id type=kind prop:value=move || terms.text(term) on:change=change
                readonly=move || terms.locked() />
        </div>
    }
}

#[component]
fn TermCheck(term: Term, label: Message, terms: Terms) -> impl IntoView {
    let i18n = use_i18n();
    // The box inside its label: named by it without an id to match.
    view! {
        <label class="check">
            <input id=format!("agree-{}", term.name()) type="checkbox" prop:checked=move || terms.value(term) == Value::Bool(true)
                disabled=move || terms.locked()
                on:change=move |ev| terms.set(term, Value::Bool(event_target_checked(&ev))) />
            {i18n.tr(label)}
        </label>
    }
}

/// How long a change needs to have been on screen before a signature counts for it.
const READ_TIME_MS: u64 = 3000;

/// Who signed what, what changed since, and signing.
#[component]
fn Signatures(terms: Terms, me: Role, partner: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = terms.state;
    let line = move |role: Role| {
        state.with(|s| {
            let s = s.as_ref()?;
            let who = if role == me {
                i18n.t(AgreeMsg::You).to_owned()
            } else {
                partner
                    .get()
                    .unwrap_or_else(|| i18n.t(AgreeMsg::PartnerView).to_owned())
            };
            Some(match s.signature(role) {
                Some(sig) if s.counts(role) => {
                    i18n.fmt(AgreeMsg::SignedThis, &[&who, &day_of(i18n, sig.at)])
                }
                Some(_) => i18n.fmt(AgreeMsg::SignedEarlier, &[&who]),
                None => i18n.fmt(AgreeMsg::NotSigned, &[&who]),
            })
        })
    };
    let headline = move || {
        state.with(|s| {
            let s = s.as_ref()?;
            if s.signed_by_both() {
                return Some(i18n.t(AgreeMsg::SignedBoth).to_owned());
            }
            let changed = s.changed_since_signed();
            let (at, _) = s.versions.first()?;
            (!changed.is_empty()).then(|| {
                i18n.fmt(
                    AgreeMsg::ChangedSince,
                    &[&day_of(i18n, *at), &term_list(i18n, &changed)],
                )
            })
        })
    };
    let outdated = move || {
        state.with(|s| {
            let changed = s.as_ref()?.outdated(me)?;
            (!changed.is_empty())
                .then(|| i18n.fmt(AgreeMsg::Outdated, &[&term_list(i18n, &changed)]))
        })
    };
    // The partner's change that arrived a moment ago has not been read yet: a signature now is
    // for the terms before it, and the signer is told what changed (`Agreement::outdated`).
    let arrived = StoredValue::new((String::new(), 0u64));
    let shown = Memo::new(move |_| state.with(|s| s.as_ref().map(|s| canonical(&s.terms))));
    Effect::new(move |before: Option<Option<String>>| {
        let now = shown.get();
        if let Some(Some(before)) = before {
            let theirs = terms.own_edit.with_value(|mine| *mine != now);
            if theirs && now.as_ref() != Some(&before) {
                arrived.set_value((before, now_millis()));
            }
        }
        now
    });
    let can_sign =
        move || !terms.locked() && state.with(|s| s.as_ref().is_some_and(|s| !s.counts(me)));
    let sign = move |_| {
        let Some(mut text) = state.with_untracked(|s| s.as_ref().map(|s| canonical(&s.terms)))
        else {
            return;
        };
        let (before, at) = arrived.get_value();
        if now_millis().saturating_sub(at) < READ_TIME_MS && !before.is_empty() {
            text = before;
        }
        let fields = vec![
            (AUTHOR, Value::from(me.as_str())),
            (SIGNED_TERMS, Value::from(text)),
            (SIGNED_AT, Value::from(now_millis())),
        ];
        terms.write(SIGNATURE.kind, None, fields);
    };
    view! {
        <section class="panel" aria-labelledby="signatures-heading">
            <h2 id="signatures-heading">{i18n.tr(AgreeMsg::Signatures)}</h2>
            <p role="status">{headline}</p>
            <p class="form-error" role="alert">{outdated}</p>
            <ul class="signatures">
                <li>{move || line(me)}</li>
                <li>{move || line(me.partner())}</li>
            </ul>
            <Show when=can_sign>
                <button class="button primary" on:click=sign>{i18n.tr(AgreeMsg::Sign)}</button>
            </Show>
        </section>
    }
}

/// A version's terms as people read them: each set term with its words, the ways to reach
/// each other on one line.
fn version_lines(i18n: I18n, terms: &super::kind::Terms) -> Vec<String> {
    let named = |words: &[&str], names: &[Message], word: &str| {
        words
            .iter()
            .position(|w| *w == word)
            .map(|i| i18n.t(names[i]).to_owned())
    };
    let mut lines = Vec::new();
    let mut channels = Vec::new();
    for term in Term::ALL {
        let Some(value) = terms.get(term.name()) else {
            continue;
        };
        let text = match (term, value) {
            (Term::ByEmail | Term::ByPhone | Term::ByChat, Value::Bool(true)) => {
                let name = match term {
                    Term::ByEmail => AgreeMsg::Email,
                    Term::ByPhone => AgreeMsg::Phone,
                    _ => AgreeMsg::Chat,
                };
                channels.push(i18n.t(name));
                continue;
            }
            (Term::Frequency, Value::String(w)) => named(
                FREQUENCIES,
                &[AgreeMsg::Weekly, AgreeMsg::Biweekly, AgreeMsg::Monthly],
                w,
            ),
            (Term::Weekday, Value::String(w)) => named(
                WEEKDAYS,
                &[
                    AgreeMsg::Mon,
                    AgreeMsg::Tue,
                    AgreeMsg::Wed,
                    AgreeMsg::Thu,
                    AgreeMsg::Fri,
                    AgreeMsg::Sat,
                    AgreeMsg::Sun,
                ],
                w,
            ),
            (Term::ReplyTime, Value::String(w)) => named(
                REPLY_TIMES,
                &[
                    AgreeMsg::SameDay,
                    AgreeMsg::NextDay,
                    AgreeMsg::TwoDays,
                    AgreeMsg::Week,
                ],
                w,
            ),
            (Term::Duration, Value::Number(n)) => {
                Some(i18n.fmt(AgreeMsg::Minutes, &[&n.to_string()]))
            }
            (_, Value::String(text)) => Some(text.clone()),
            _ => None,
        };
        let label = match term {
            Term::HoursMentor => AgreeMsg::HoursMentor,
            Term::HoursMentee => AgreeMsg::HoursMentee,
            _ => term_name(term),
        };
        if let Some(text) = text {
            lines.push(format!("{}: {text}", i18n.t(label)));
        }
    }
    if !channels.is_empty() {
        lines.push(format!(
            "{}: {}",
            i18n.t(AgreeMsg::ChannelsTerm),
            channels.join(", ")
        ));
    }
    lines
}

/// Every version both signed, to read back.
#[component]
fn Versions(state: Memo<Option<Agreement>>) -> impl IntoView {
    let i18n = use_i18n();
    let versions =
        move || state.with(|s| s.as_ref().map(|s| s.versions.clone()).unwrap_or_default());
    view! {
        <Show when=move || !versions().is_empty()>
            <section class="panel">
                <h2>{i18n.tr(AgreeMsg::Versions)}</h2>
                {move || versions().into_iter().map(|(at, terms)| {
                    let lines = version_lines(i18n, &terms);
                    view! {
                        <details>
                            <summary>{i18n.fmt(AgreeMsg::VersionOf, &[&day_of(i18n, at)])}</summary>
                            <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        </details>
                    }
                }).collect_view()}
            </section>
        </Show>
    }
}
