//! The form that adds an action item, for either person.

use super::{
    edit_form::{CommitmentSelect, OwnerSelect},
    kind::{ActionItem, ActionSet, Commitment, TITLE_MAX},
    messages::ActionItemMsg,
};
use crate::{
    i18n::{use_i18n, Msg},
    relationships::Role,
    sync::{
        declare::{check, Choice, RecordKind},
        engine::{now, use_sync},
        schema::parse_date,
        Rejection,
    },
    ui::{form::rejection_text, use_live},
};
use leptos::{ev::SubmitEvent, prelude::*};
use uuid::Uuid;

#[component]
pub fn AddItem(relationship: Uuid, my_role: Role) -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let sync = use_sync();
    let title = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let owner_text = RwSignal::new(my_role.as_str().to_owned());
    let commitment_text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Rejection>);
    let due_error = RwSignal::new(false);
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let title_set = ActionSet::Title(title.get_untracked().trim().to_owned());
        if let Some(rejection) = check(&title_set) {
            error.set(Some(rejection));
            return;
        }
        error.set(None);
        let day = due.with_untracked(|d| (!d.is_empty()).then(|| parse_date(d)));
        due_error.set(matches!(day, Some(None)));
        if due_error.get_untracked() {
            return;
        }
        let owner = Role::parse(&owner_text.get_untracked()).unwrap_or(my_role);
        let mut writes = ActionItem::new(title.get_untracked().trim().to_owned(), owner, now());
        writes.push(ActionSet::CreatedBy(Some(my_role)));
        if let Some(day) = day.flatten() {
            writes.push(ActionSet::Due(Some(day)));
        }
        let commitment = Commitment::parse(&commitment_text.get_untracked());
        if owner == Role::Mentor && commitment.is_some() {
            writes.push(ActionSet::Commitment(commitment));
        }
        sync.edit(ActionItem::at(Uuid::now_v7(), relationship), writes);
        title.set(String::new());
        due.set(String::new());
        commitment_text.set(String::new());
    };
    view! {
        <form class="add-item" on:submit=add novalidate>
            <h3>{i18n.tr(ActionItemMsg::AddItemHeading)}</h3>
            <div class="field">
                <label for="new-item">{i18n.tr(ActionItemMsg::NewItem)}</label>
                <input
                    id="new-item"
                    type="text"
                    maxlength=TITLE_MAX
                    bind:value=title
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    aria-describedby="new-item-message"
                />
                <p id="new-item-message" class="field-message field-error" aria-live="polite">
                    {move || error.get().map(|r| rejection_text(i18n, r))}
                </p>
            </div>
            <OwnerSelect id="new-item-owner" value=owner_text my_role />
            <CommitmentSelect id="new-item-commitment" label=ActionItemMsg::Commitment value=commitment_text owner=owner_text />
            <div class="field">
                <label for="new-item-due">{i18n.tr(ActionItemMsg::ItemDueOptional)}</label>
                <input id="new-item-due" type="date" bind:value=due aria-describedby="new-item-due-message" />
                <p id="new-item-due-message" class="field-message field-error" aria-live="polite">
                    {move || due_error.get().then(|| i18n.t(ActionItemMsg::ErrDue))}
                </p>
            </div>
            // Until the app runs, a submit would only reload the page and lose what was typed.
            <button type="submit" class="button primary" disabled=move || !live.get()>
                {i18n.tr(Msg::Add)}
            </button>
        </form>
    }
}
