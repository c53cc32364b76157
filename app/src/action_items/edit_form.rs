//! The edit form of an action item: what a person types survives the partner's edits, and a
//! field changed both here and elsewhere offers the other value.

use super::{
    draft::{commitment_name, Draft, Edit},
    kind::{Commitment, NOTES_MAX, TITLE_MAX},
    list::{Item, Rows},
    messages::ActionItemMsg,
};
use crate::{
    i18n::{use_i18n, Message, Msg},
    relationships::{role_name, Role},
    sync::{
        declare::{check, Choice},
        engine::use_sync,
    },
    ui::form::rejection_text,
};
use leptos::{ev::SubmitEvent, prelude::*};

#[component]
pub fn EditItem(item: Memo<Item>, rows: Rows, draft: Draft) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let error = RwSignal::new(None::<(Edit, String)>);
    let follow = draft.clone();
    Effect::new(move |_| item.with(|current| follow.follow(current)));
    let changes = draft.clone();
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        if let Some(field) = changes.unwritable() {
            error.set(Some((field, i18n.t(ActionItemMsg::ErrDue).to_owned())));
            return;
        }
        let changed = changes.changes();
        if let Some((field, rejection)) = changed
            .iter()
            .find_map(|(f, write)| check(write).map(|r| (*f, r)))
        {
            error.set(Some((field, rejection_text(i18n, rejection))));
            return;
        }
        if !changed.is_empty() {
            let writes = changed.into_iter().map(|(_, write)| write);
            sync.edit(rows.record(changes.id), writes);
        }
        rows.draft.set(None);
    };
    let error_for = move |field: Edit| {
        move || {
            error
                .get()
                .filter(|(f, _)| *f == field)
                .map(|(_, text)| text)
        }
    };
    let meanwhile = |field: Edit| view! { <Meanwhile item draft=draft.clone() field /> };
    let (title, notes, due, owner, commitment) = (
        draft.value(Edit::Title),
        draft.value(Edit::Notes),
        draft.value(Edit::Due),
        draft.value(Edit::Owner),
        draft.value(Edit::Commitment),
    );
    view! {
        <form class="edit-item" on:submit=save novalidate>
            <div class="field">
                <label for="edit-title">{i18n.tr(ActionItemMsg::ItemTitle)}</label>
                <input id="edit-title" type="text" maxlength=TITLE_MAX bind:value=title aria-describedby="edit-title-message" />
                <p id="edit-title-message" class="field-message field-error" aria-live="polite">{error_for(Edit::Title)}</p>
                {meanwhile(Edit::Title)}
            </div>
            <div class="field">
                <label for="edit-notes">{i18n.tr(ActionItemMsg::ItemNotes)}</label>
                <textarea id="edit-notes" maxlength=NOTES_MAX rows=3 bind:value=notes aria-describedby="edit-notes-message"></textarea>
                <p id="edit-notes-message" class="field-message field-error" aria-live="polite">{error_for(Edit::Notes)}</p>
                {meanwhile(Edit::Notes)}
            </div>
            <div class="field">
                <label for="edit-due">{i18n.tr(ActionItemMsg::ItemDue)}</label>
                <input id="edit-due" type="date" bind:value=due aria-describedby="edit-due-message" />
                <p id="edit-due-message" class="field-message field-error" aria-live="polite">{error_for(Edit::Due)}</p>
                {meanwhile(Edit::Due)}
            </div>
            <OwnerSelect id="edit-owner" value=owner my_role=rows.my_role />
            {meanwhile(Edit::Owner)}
            <CommitmentSelect id="edit-commitment" label=Edit::Commitment.label() value=commitment owner />
            {meanwhile(Edit::Commitment)}
            <div class="actions">
                <button type="submit" class="button primary">{i18n.tr(Msg::Save)}</button>
                <button type="button" class="button secondary" on:click=move |_| rows.draft.set(None)>
                    {i18n.tr(Msg::Cancel)}
                </button>
            </div>
        </form>
    }
}

/// Says that a field was changed elsewhere (by the partner, or on another device) while the
/// form was open with a change of its own here, and offers that value instead.
#[component]
fn Meanwhile(item: Memo<Item>, draft: Draft, field: Edit) -> impl IntoView {
    let i18n = use_i18n();
    let theirs = Memo::new(move |_| item.with(|i| field.shown(i)));
    let conflict = {
        let draft = draft.clone();
        move || theirs.with(|t| draft.conflict(field, t))
    };
    let take = move |_| draft.take(field, theirs.get_untracked());
    view! {
        <Show when=conflict>
            <p class="meanwhile" role="status">
                {move || i18n.fmt(ActionItemMsg::ChangedMeanwhile, &[&field.words(i18n, &theirs.get())])}
                " "
                <button
                    type="button"
                    class="button secondary"
                    aria-label=move || i18n.fmt(ActionItemMsg::UseTheirsFor, &[i18n.t(field.label())])
                    on:click=take.clone()
                >
                    {i18n.tr(ActionItemMsg::UseTheirs)}
                </button>
            </p>
        </Show>
    }
}

#[component]
pub fn OwnerSelect(id: &'static str, value: RwSignal<String>, my_role: Role) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{i18n.tr(ActionItemMsg::ItemFor)}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                <option value=my_role.as_str() selected=move || value.get() == my_role.as_str()>
                    {i18n.tr(ActionItemMsg::ForMe)}
                </option>
                <option value=my_role.partner().as_str() selected=move || value.get() == my_role.partner().as_str()>
                    {move || i18n.fmt(ActionItemMsg::ForPartner, &[role_name(i18n, my_role.partner())])}
                </option>
            </select>
        </div>
    }
}

/// What a mentor's item provides; there only while the item is the mentor's.
#[component]
pub fn CommitmentSelect(
    id: &'static str,
    label: Message,
    value: RwSignal<String>,
    owner: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let option = move |c: Option<Commitment>| {
        let word = c.map(Commitment::as_str).unwrap_or_default();
        view! {
            <option value=word selected=move || value.get() == word>{i18n.tr(commitment_name(c))}</option>
        }
    };
    view! {
        <div class="field" hidden=move || owner.get() != Role::Mentor.as_str()>
            <label for=id>{i18n.tr(label)}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                {option(None)}
                {Commitment::ALL.iter().map(|c| option(Some(*c))).collect_view()}
            </select>
        </div>
    }
}
