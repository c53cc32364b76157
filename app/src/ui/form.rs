//! Form pieces: a labelled field with its error, and translated error texts.

use crate::{
    error::{AppError, InviteProblem},
    i18n::{use_i18n, I18n, Message, Msg},
    problem::{Field, FieldError, Problem},
    sync::Rejection,
};
use leptos::prelude::*;

/// Why the server refused an edit, in words.
pub fn rejection_text(i18n: I18n, rejection: Rejection) -> String {
    match rejection {
        Rejection::Empty => i18n.t(Msg::ErrRequired).to_owned(),
        Rejection::TooLong(max) => i18n.fmt(Msg::ErrTooLong, &[&max.to_string()]),
        Rejection::Invisible => i18n.t(Msg::ErrInvisible).to_owned(),
        Rejection::Blank => i18n.t(Msg::ErrBlank).to_owned(),
        Rejection::WrongType
        | Rejection::UnknownField
        | Rejection::UnknownKind
        | Rejection::Mismatch
        | Rejection::WrongId => i18n.t(Msg::ErrMalformed).to_owned(),
        Rejection::Incomplete => i18n.t(Msg::RejectedIncomplete).to_owned(),
        Rejection::NotYours => i18n.t(Msg::RejectedNotYours).to_owned(),
        Rejection::NoAccess => i18n.t(Msg::RejectedNoAccess).to_owned(),
        Rejection::ClockAhead => i18n.t(Msg::RejectedClockAhead).to_owned(),
        Rejection::Full => i18n.t(Msg::RejectedFull).to_owned(),
    }
}

/// The text for a field's problem, naming the limit where there is one.
pub fn problem_text(i18n: I18n, error: FieldError) -> String {
    match (error.field, error.problem) {
        (_, Problem::Required) => i18n.t(Msg::ErrRequired).to_owned(),
        (_, Problem::TooShort(min)) => i18n.fmt(Msg::ErrTooShort, &[&min.to_string()]),
        (_, Problem::TooLong(max)) => i18n.fmt(Msg::ErrTooLong, &[&max.to_string()]),
        (_, Problem::Invisible) => i18n.t(Msg::ErrInvisible).to_owned(),
        (_, Problem::Blank) => i18n.t(Msg::ErrBlank).to_owned(),
        (_, Problem::Wrong) => i18n.t(Msg::ErrPasswordWrong).to_owned(),
        (Field::Email, Problem::Malformed) => i18n.t(Msg::ErrEmailMalformed).to_owned(),
        (Field::Email, Problem::Taken) => i18n.t(Msg::ErrEmailTaken).to_owned(),
        (_, Problem::Malformed | Problem::Taken) => i18n.t(Msg::ErrMalformed).to_owned(),
    }
}

/// The text for an error that is not about one field.
pub fn error_text(i18n: I18n, error: &AppError) -> String {
    let msg = match error {
        AppError::Unauthenticated => Msg::ErrSignInFirst,
        AppError::Forbidden => Msg::ErrForbidden,
        AppError::Invalid(_) => Msg::ErrFixFields,
        AppError::WrongCredentials => Msg::ErrWrongCredentials,
        AppError::RateLimited(retry_after_secs) => {
            return i18n.fmt(Msg::ErrRateLimited, &[&retry_after_secs.to_string()])
        }
        AppError::TooManyChanges(retry_after_secs) => {
            return i18n.fmt(Msg::ErrTooManyChanges, &[&retry_after_secs.to_string()])
        }
        AppError::Busy(retry_after_secs) => {
            return i18n.fmt(Msg::ErrBusy, &[&retry_after_secs.to_string()])
        }
        AppError::Invite(problem) => match problem {
            InviteProblem::Unknown => Msg::InviteUnknown,
            InviteProblem::Expired => Msg::InviteExpired,
            InviteProblem::Used => Msg::InviteUsed,
            InviteProblem::Revoked => Msg::InviteRevoked,
            InviteProblem::Declined => Msg::InviteDeclinedAlready,
            InviteProblem::Own => Msg::InviteOwn,
            InviteProblem::RelationshipEnded => Msg::InviteRelationshipEnded,
        },
        AppError::Ended => Msg::ErrEnded,
        AppError::AlreadyPaired => Msg::ErrAlreadyPaired,
        AppError::BadRequest | AppError::Internal => Msg::ErrInternal,
        AppError::Network(_) => Msg::ErrNetwork,
    };
    i18n.t(msg).to_owned()
}

/// A form's error: the client's own check first, else what the server answered.
pub fn field_error(
    client: RwSignal<Vec<FieldError>>,
    server: impl Fn() -> Option<AppError> + Send + Sync + 'static,
    field: Field,
) -> Signal<Option<FieldError>> {
    Signal::derive(move || {
        client
            .with(|errors| errors.iter().copied().find(|e| e.field == field))
            .or_else(|| server().and_then(|e| e.field_error(field)))
    })
}

/// Errors not tied to a field, announced to assistive technology.
#[component]
pub fn FormError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Invalid(_)))
            .map(|e| error_text(i18n, &e))
    };
    view! {
        <p class="form-error" role="alert" hidden=move || text().is_none()>
            {text}
        </p>
    }
}

#[component]
pub fn TextField(
    id: &'static str,
    label: Message,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<FieldError>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    maxlength: usize,
    #[prop(optional)] hint: Option<Message>,
) -> impl IntoView {
    let i18n = use_i18n();
    let message_id = format!("{id}-message");
    view! {
        <div class="field">
            <label for=id>{move || i18n.t(label)}</label>
            <input
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                maxlength=maxlength
                bind:value=value
                // `try_get`: a page whose reader hung up mid-render is disposed while its last
                // parts may still render on the server, and `get` would panic there.
                aria-invalid=move || if error.try_get().flatten().is_some() { "true" } else { "false" }
                aria-describedby=message_id.clone()
            />
            <p id=message_id class="field-message" aria-live="polite">
                {move || match error.try_get().flatten() {
                    Some(e) => view! { <span class="field-error">{problem_text(i18n, e)}</span> }.into_any(),
                    None => view! { <span class="hint">{hint.map(|h| i18n.t(h))}</span> }.into_any(),
                }}
            </p>
        </div>
    }
}

/// The text of a field saved as it is typed, kept in step with the device's copy (`saved`,
/// `None` until the device is read): a copy changed elsewhere (the partner, another tab) replaces
/// the text only while it still holds what the device last had, so a keystroke is never lost to
/// an older copy.
pub fn saved_text(saved: impl Fn() -> Option<String> + 'static) -> RwSignal<String> {
    let text = RwSignal::new(String::new());
    let base = StoredValue::new(String::new());
    Effect::new(move |_| {
        let Some(saved) = saved() else { return };
        if text.with_untracked(|t| *t == base.get_value()) {
            text.set(saved.clone());
        }
        base.set_value(saved);
    });
    text
}

/// The id of the note above an ended relationship's pages, which says why their controls are
/// locked.
pub const ENDED_NOTE: &str = "ended-note";

/// What describes a control: its own message, and the ended note while `ended` locks it.
pub fn described_by(message: &str, ended: bool) -> String {
    if ended {
        format!("{message} {ENDED_NOTE}")
    } else {
        message.to_owned()
    }
}

/// A text area saved as it is typed into one field of a record: `save` checks the text as the
/// server will and writes it, or says why not, and the reason shows at the field instead. The
/// device's copy (`saved`) shows while the person is not typing (see [`saved_text`]).
#[component]
pub fn SavedTextArea(
    id: String,
    #[prop(into)] label: Signal<String>,
    saved: Signal<Option<String>>,
    max: usize,
    save: Callback<String, Option<Rejection>>,
    #[prop(into)] locked: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = saved_text(move || saved.get());
    let error = RwSignal::new(None::<String>);
    let input = move |ev| {
        let typed = event_target_value(&ev);
        text.set(typed.clone());
        error.set(
            save.run(typed)
                .map(|rejection| rejection_text(i18n, rejection)),
        );
    };
    let message = format!("{id}-message");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea id=id rows=3 maxlength=max prop:value=text on:input=input
                readonly=move || locked.get() || saved.with(Option::is_none)
                aria-describedby={
                    let message = message.clone();
                    move || described_by(&message, locked.get())
                }></textarea>
            <p id=message class="field-message field-error" aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// The writes of a form's fields that were changed in it: for each field `i` whose value `now`
/// differs from what it held when the form opened (`base`), its write (`write`; none for a
/// value the form cannot hold yet). A field left alone is never written, so a partner's edit
/// to it stands.
pub fn changed<T, W: PartialEq>(
    base: &[T],
    now: &[T],
    write: impl Fn(usize, &T) -> Option<W>,
) -> Vec<(usize, W)> {
    now.iter()
        .enumerate()
        .filter_map(|(i, value)| {
            let new = write(i, value)?;
            let old = base.get(i).and_then(|b| write(i, b));
            (old.as_ref() != Some(&new)).then_some((i, new))
        })
        .collect()
}
