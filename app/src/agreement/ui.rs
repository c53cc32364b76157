//! The agreement page: the terms both edit, the signatures, and the versions both signed.

use super::{
    kind::{
        canonical, text_of, values, what_is_signed, Agreement, Day, Frequency, ReplyTime,
        Signature, SignatureSet, Term, TermSet, Terms as Record, DURATIONS,
    },
    messages::AgreeMsg,
    zone::TimeZoneInput,
};
use crate::{
    i18n::{use_i18n, I18n, Message},
    relationships::{relationship_name, Live, RelationshipFrame, Role},
    sync::{
        declare::{check, Choice, RecordKind, Write},
        engine::{local_time, now, now_millis, use_sync, SyncEngine},
        Rejection,
    },
    ui::form::{described_by, rejection_text, saved_text, ENDED_NOTE},
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
pub(super) struct Terms {
    sync: SyncEngine,
    relationship: Uuid,
    state: Memo<Option<Agreement>>,
    pub(super) ended: Signal<bool>,
    /// The terms as this person's last edit here left them: a change of the terms to anything
    /// else came from elsewhere (the partner). Not a time window: with changes arriving within
    /// a second, the partner's edit right after one's own must still count as theirs.
    own_edit: StoredValue<Option<String>>,
}

impl Terms {
    /// The term as the page's controls hold it (see [`Term::typed`]).
    pub(super) fn text(self, term: Term) -> String {
        self.state
            .with(|s| s.as_ref().map(|s| text_of(&s.terms, term)))
            .unwrap_or_default()
    }

    /// Writes a term after checking it as the server will: else why it would be refused.
    fn set(self, write: TermSet) -> Option<Rejection> {
        if let Some(rejection) = check(&write) {
            return Some(rejection);
        }
        let record = self
            .state
            .with_untracked(|s| s.as_ref().and_then(|s| s.record))
            .unwrap_or_else(Uuid::now_v7);
        self.sync
            .edit(Record::at(record, self.relationship), [write]);
        let after = self
            .state
            .with_untracked(|s| s.as_ref().map(|s| canonical(&s.terms)));
        self.own_edit.set_value(after);
        None
    }

    /// Writes what a control of the page holds for `term`, if it is a value of the term.
    pub(super) fn set_text(self, term: Term, text: &str) -> Option<Rejection> {
        term.typed(text).and_then(|write| self.set(write))
    }

    /// Nothing to edit until the device is read, nor once the relationship has ended.
    pub(super) fn locked(self) -> bool {
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
        Term::TimeZone => AgreeMsg::TimeZoneTerm,
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
                options={choices::<Frequency>(&[AgreeMsg::Weekly, AgreeMsg::Biweekly, AgreeMsg::Monthly])} />
            <TermChoice term=Term::Weekday label=AgreeMsg::Weekday terms
                options={choices::<Day>(&[AgreeMsg::Mon, AgreeMsg::Tue, AgreeMsg::Wed, AgreeMsg::Thu, AgreeMsg::Fri, AgreeMsg::Sat, AgreeMsg::Sun])} />
            <TermInput term=Term::Time label=AgreeMsg::Time terms kind="time" />
            <TermChoice term=Term::Duration label=AgreeMsg::Duration terms
                options=DURATIONS.iter().map(|m| (m.to_string(), AgreeMsg::Minutes, m.to_string())).collect() />
            <TermText term=Term::Place label=AgreeMsg::Place terms lines=false />
            <TimeZoneInput terms />
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
                options={choices::<ReplyTime>(&[AgreeMsg::SameDay, AgreeMsg::NextDay, AgreeMsg::TwoDays, AgreeMsg::Week])} />
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
        let refused = terms.set_text(term, &typed);
        error.set(refused.map(|rejection| rejection_text(i18n, rejection)));
    };
    let id = format!("agree-{}", term.name());
    let message = format!("{id}-message");
    let max = Record::SPEC.field(term.name()).map_or(0, |f| match f.ty {
        crate::sync::schema::Type::Notes { max } => max,
        _ => 0,
    });
    let described = {
        let message = message.clone();
        move || described_by(&message, terms.ended.get())
    };
    let control = if lines {
        view! { <textarea id=id.clone() rows=3 maxlength=max prop:value=text on:input=input
        readonly=move || terms.locked() aria-describedby=described></textarea> }
        .into_any()
    } else {
        view! { <input id=id.clone() type="text" maxlength=max prop:value=text on:input=input
        readonly=move || terms.locked() aria-describedby=described /> }
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
fn choices<C: Choice>(names: &[Message]) -> Vec<(String, Message, String)> {
    C::NAMES
        .iter()
        .zip(names)
        .map(|(v, m)| ((*v).to_owned(), *m, String::new()))
        .collect()
}

/// A choice among a few values, or none yet. Each option is its value, its words, and what
/// fills their placeholder (empty for none).
#[component]
fn TermChoice(
    term: Term,
    label: Message,
    terms: Terms,
    options: Vec<(String, Message, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("agree-{}", term.name());
    let current = move || option_value(term, &terms.text(term));
    let change = move |ev| {
        let text = match serde_json::from_str::<Value>(&event_target_value(&ev)) {
            Ok(Value::String(word)) => word,
            Ok(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        };
        terms.set_text(term, &text);
    };
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.tr(label)}</label>
            <select id=id on:change=change prop:value=current disabled=move || terms.locked()
                aria-describedby=move || terms.ended.get().then_some(ENDED_NOTE)>
                <option value="null" selected=move || current() == "null">{i18n.tr(AgreeMsg::NotChosen)}</option>
                {options.into_iter().map(|(value, msg, arg)| {
                    let key = option_value(term, &value);
                    let chosen = key.clone();
                    let text = move || if arg.is_empty() { i18n.t(msg).to_owned() } else { i18n.fmt(msg, &[&arg]) };
                    view! { <option value=key selected=move || current() == chosen>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A choice's value in its `<option>`: the term's value as stored, in JSON (`"weekly"`, `60`,
/// `null`), as the page has always named them.
fn option_value(term: Term, text: &str) -> String {
    term.typed(text)
        .map(|write| write.field().1.to_string())
        .unwrap_or_else(|| "null".to_owned())
}

/// A time of day or a date, typed with the browser's own picker.
#[component]
fn TermInput(term: Term, label: Message, terms: Terms, kind: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("agree-{}", term.name());
    let change = move |ev| {
        terms.set_text(term, &event_target_value(&ev));
    };
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.tr(label)}</label>
            <input id=id type=kind prop:value=move || terms.text(term) on:change=change
                readonly=move || terms.locked() aria-describedby=move || terms.ended.get().then_some(ENDED_NOTE) />
        </div>
    }
}

#[component]
fn TermCheck(term: Term, label: Message, terms: Terms) -> impl IntoView {
    let i18n = use_i18n();
    // The box inside its label: named by it without an id to match.
    view! {
        <label class="check">
            <input id=format!("agree-{}", term.name()) type="checkbox" prop:checked=move || terms.text(term) == "true"
                disabled=move || terms.locked() aria-describedby=move || terms.ended.get().then_some(ENDED_NOTE)
                on:change=move |ev| { terms.set_text(term, &event_target_checked(&ev).to_string()); } />
            {i18n.tr(label)}
        </label>
    }
}

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
                    i18n.fmt(AgreeMsg::SignedThis, &[&who, &day_of(i18n, sig.signed_at)])
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
        let Some(shown) = state.with_untracked(|s| s.as_ref().map(|s| canonical(&s.terms))) else {
            return;
        };
        let text =
            arrived.with_value(|(before, at)| what_is_signed(shown, before, *at, now_millis()));
        let mut writes = Signature::new(me, now());
        writes.push(SignatureSet::Terms(text));
        terms
            .sync
            .edit(Signature::at(Uuid::now_v7(), terms.relationship), writes);
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

/// Terms as people read them: each set term with its words, the ways to reach each other on
/// one line. The versions on the page and the Markdown export show them so.
pub fn term_lines(i18n: I18n, terms: &Record) -> Vec<String> {
    let values = values(terms);
    let named = |words: &[&str], names: &[Message], word: &str| {
        words
            .iter()
            .position(|w| *w == word)
            .map(|i| i18n.t(names[i]).to_owned())
    };
    let mut lines = Vec::new();
    let mut channels = Vec::new();
    for &term in Term::ALL {
        let Some(value) = values.get(term.name()) else {
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
                Frequency::NAMES,
                &[AgreeMsg::Weekly, AgreeMsg::Biweekly, AgreeMsg::Monthly],
                w,
            ),
            (Term::Weekday, Value::String(w)) => named(
                Day::NAMES,
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
                ReplyTime::NAMES,
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
                    let lines = term_lines(i18n, &terms);
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
