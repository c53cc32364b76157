//! Action items of one relationship: for both people, kept and visible, editable offline.

use super::home::role_name;
use crate::{
    domain::Role,
    i18n::{use_i18n, I18n, Msg},
    sync::{
        client::RecordRef,
        engine::{now_millis, today, use_sync},
        replica::Replica,
        schema::{check_value, parse_date, DELETED},
        Kind, Mutation, Rejection,
    },
};
use chrono::{DateTime, NaiveDate, Utc};
use leptos::{ev::SubmitEvent, prelude::*};
use serde_json::{json, Value};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq)]
struct Item {
    id: Uuid,
    title: String,
    notes: String,
    owner: Role,
    due: Option<NaiveDate>,
    done_at: Option<DateTime<Utc>>,
    created_at: String,
    created_by: Option<Role>,
    /// Not yet acknowledged by the server.
    pending: bool,
}

fn text(record: &crate::sync::replica::Record, field: &str) -> Option<String> {
    record.get(field).and_then(Value::as_str).map(str::to_owned)
}

/// The live action items of a relationship, as this device sees them.
fn items(replica: &Replica, outbox: &[Mutation], relationship: Uuid) -> Vec<Item> {
    replica
        .of(relationship, Kind::ActionItem)
        .filter(|(_, r)| r.get(DELETED) != Some(&json!(true)))
        .filter_map(|(id, r)| {
            Some(Item {
                id: *id,
                title: text(r, "title")?,
                notes: text(r, "notes").unwrap_or_default(),
                owner: text(r, "owner").and_then(|o| Role::parse(&o).ok())?,
                due: text(r, "due").and_then(|d| parse_date(&d)),
                done_at: text(r, "done_at")
                    .and_then(|d| DateTime::parse_from_rfc3339(&d).ok())
                    .map(|d| d.to_utc()),
                created_at: text(r, "created_at").unwrap_or_default(),
                created_by: text(r, "created_by").and_then(|c| Role::parse(&c).ok()),
                pending: outbox.iter().any(|m| m.change.record == *id),
            })
        })
        .collect()
}

pub fn rejection_text(i18n: I18n, rejection: Rejection) -> String {
    match rejection {
        Rejection::Empty => i18n.t(Msg::ErrRequired).to_owned(),
        Rejection::TooLong { max } => i18n.fmt(Msg::ErrTooLong, &[&max.to_string()]),
        Rejection::WrongType | Rejection::UnknownField | Rejection::Mismatch => {
            i18n.t(Msg::ErrMalformed).to_owned()
        }
        Rejection::NotYours => i18n.t(Msg::RejectedNotYours).to_owned(),
        Rejection::NoAccess => i18n.t(Msg::RejectedNoAccess).to_owned(),
        Rejection::ClockAhead => i18n.t(Msg::RejectedClockAhead).to_owned(),
    }
}

#[component]
pub fn ActionItems(
    relationship: Uuid,
    my_role: Role,
    partner_name: Option<String>,
    ended: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let list = Memo::new(move |_| {
        sync.device
            .with(|d| d.as_ref().map(|d| items(&d.local, &d.outbox, relationship)))
    });
    let undo = RwSignal::new(None::<(Uuid, String)>);
    let editing = RwSignal::new(None::<Uuid>);
    let partner = StoredValue::new(partner_name);
    let reference = move |id| RecordRef {
        id,
        relationship,
        kind: Kind::ActionItem,
        private: false,
    };

    let group = move |role: Role| {
        let heading = move || {
            if role == my_role {
                i18n.t(Msg::ItemsYours).to_owned()
            } else {
                partner.with_value(|p| match p {
                    Some(name) => i18n.fmt(Msg::ItemsOf, &[name]),
                    None => i18n.fmt(Msg::ItemsOfRole, &[role_name(i18n, role)]),
                })
            }
        };
        let mine = move || {
            list.get()
                .unwrap_or_default()
                .into_iter()
                .filter(|i| i.owner == role)
                .collect::<Vec<_>>()
        };
        let open = move || {
            let mut open: Vec<Item> = mine().into_iter().filter(|i| i.done_at.is_none()).collect();
            open.sort_by(|a, b| {
                (a.due.is_none(), a.due, &a.created_at).cmp(&(
                    b.due.is_none(),
                    b.due,
                    &b.created_at,
                ))
            });
            open
        };
        let done = move || {
            let mut done: Vec<Item> = mine().into_iter().filter(|i| i.done_at.is_some()).collect();
            done.sort_by_key(|i| std::cmp::Reverse(i.done_at));
            done
        };
        let row = move |item: Item| {
            view! {
                <ItemRow
                    item
                    can_tick=role == my_role && !ended
                    can_edit=!ended
                    editing
                    my_role
                    on_delete=move |id: Uuid, title: String| {
                        sync.edit(reference(id), vec![(DELETED, json!(true))]);
                        undo.set(Some((id, title)));
                    }
                    reference
                />
            }
        };
        view! {
            <div class="item-group">
                <h3>{heading}</h3>
                <Show
                    when=move || !open().is_empty()
                    fallback=move || view! { <p class="empty">{move || i18n.t(Msg::NoOpenItems)}</p> }
                >
                    <ul class="items">
                        <For each=open key=|i| (i.id, i.title.clone(), i.due, i.done_at, i.pending, i.notes.clone()) children=row />
                    </ul>
                </Show>
                <Show when=move || !done().is_empty()>
                    <details class="done-items">
                        <summary>{move || i18n.fmt(Msg::DoneCount, &[&done().len().to_string()])}</summary>
                        <ul class="items">
                            <For each=done key=|i| (i.id, i.title.clone(), i.done_at, i.pending) children=row />
                        </ul>
                    </details>
                </Show>
            </div>
        }
    };

    view! {
        <section class="panel" aria-labelledby="items-heading">
            <h2 id="items-heading">{move || i18n.t(Msg::ActionItems)}</h2>
            <Show
                when=move || list.with(Option::is_some)
                fallback=move || view! { <p>{move || i18n.t(Msg::Loading)}</p> }
            >
                {group(my_role)}
                {group(my_role.partner())}
            </Show>
            <p class="undo" role="status" aria-live="polite">
                {move || undo.get().map(|(id, title)| view! {
                    <span>{i18n.fmt(Msg::ItemDeleted, &[&title])}</span>
                    " "
                    <button class="button secondary" on:click=move |_| {
                        sync.edit(reference(id), vec![(DELETED, json!(false))]);
                        undo.set(None);
                    }>{move || i18n.t(Msg::Undo)}</button>
                })}
            </p>
            {(!ended).then(|| view! { <AddItem relationship my_role /> })}
        </section>
    }
}

#[component]
fn ItemRow(
    item: Item,
    can_tick: bool,
    can_edit: bool,
    editing: RwSignal<Option<Uuid>>,
    my_role: Role,
    on_delete: impl Fn(Uuid, String) + Copy + Send + Sync + 'static,
    reference: impl Fn(Uuid) -> RecordRef + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let id = item.id;
    let overdue = item.done_at.is_none() && item.due.is_some_and(|d| d < today());
    let done = item.done_at.is_some();
    let title = StoredValue::new(item.title.clone());
    let toggle = move |_| {
        let value = if done { Value::Null } else { json!(now_text()) };
        sync.edit(reference(id), vec![("done_at", value)]);
    };
    let due_text = item.due.map(|d| {
        let date = i18n.date(d.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc());
        if overdue {
            i18n.fmt(Msg::OverdueSince, &[&date])
        } else {
            i18n.fmt(Msg::DueOn, &[&date])
        }
    });
    let stored = StoredValue::new(item.clone());
    view! {
        <li class="item" class:overdue=overdue class:done=done>
            <Show
                when=move || editing.get() == Some(id)
                fallback=move || {
                    let notes = stored.with_value(|i| i.notes.clone());
                    let pending = stored.with_value(|i| i.pending);
                    let added = stored.with_value(|i| added_text(i18n, i, my_role));
                    view! {
                        <label class="tick">
                            <input type="checkbox" checked=done disabled=!can_tick on:change=toggle />
                            <span class="item-title">{title.get_value()}</span>
                        </label>
                        <div class="item-meta">
                            {due_text.clone().map(|t| view! { <span class="due">{t}</span> })}
                            {added.map(|t| view! { <span class="added">{t}</span> })}
                            {pending.then(|| view! { <span class="pending-mark">{move || i18n.t(Msg::NotSyncedYet)}</span> })}
                            {(!notes.is_empty()).then(|| view! { <p class="notes">{notes}</p> })}
                        </div>
                        <Show when=move || can_edit>
                            <div class="item-actions">
                                <button
                                    class="button secondary"
                                    aria-label=move || i18n.fmt(Msg::EditItem, &[&title.get_value()])
                                    on:click=move |_| editing.set(Some(id))
                                >
                                    {move || i18n.t(Msg::Edit)}
                                </button>
                                <button
                                    class="button secondary"
                                    aria-label=move || i18n.fmt(Msg::DeleteItem, &[&title.get_value()])
                                    on:click=move |_| on_delete(id, title.get_value())
                                >
                                    {move || i18n.t(Msg::Delete)}
                                </button>
                            </div>
                        </Show>
                    }
                }
            >
                <EditItem item=stored.get_value() editing my_role reference />
            </Show>
        </li>
    }
}

/// "Added by you on 27 Nov 2026", from the creator's role and the creation time.
fn added_text(i18n: I18n, item: &Item, my_role: Role) -> Option<String> {
    let by = item.created_by?;
    let on = DateTime::parse_from_rfc3339(&item.created_at)
        .ok()?
        .to_utc();
    let who = if by == my_role {
        i18n.t(Msg::You).to_owned()
    } else {
        i18n.fmt(Msg::YourPartnerRole, &[role_name(i18n, by)])
    };
    Some(i18n.fmt(Msg::AddedBy, &[&who, &i18n.date(on)]))
}

fn now_text() -> String {
    DateTime::from_timestamp_millis(now_millis() as i64)
        .unwrap_or_default()
        .to_rfc3339()
}

/// Checks a value the way the server will, so the error shows at once, at the field.
fn check(field: &str, value: &Value) -> Option<Rejection> {
    check_value(Kind::ActionItem, field, value).err()
}

#[component]
fn EditItem(
    item: Item,
    editing: RwSignal<Option<Uuid>>,
    my_role: Role,
    reference: impl Fn(Uuid) -> RecordRef + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let title = RwSignal::new(item.title.clone());
    let notes = RwSignal::new(item.notes.clone());
    let due = RwSignal::new(item.due.map(|d| d.to_string()).unwrap_or_default());
    let owner = RwSignal::new(item.owner.as_str().to_owned());
    let error = RwSignal::new(None::<(&'static str, Rejection)>);
    let original = StoredValue::new(item);
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let item = original.get_value();
        let due_value = if due.get_untracked().is_empty() {
            Value::Null
        } else {
            json!(due.get_untracked())
        };
        let candidates: [(&'static str, Value, Value); 4] = [
            (
                "title",
                json!(title.get_untracked().trim()),
                json!(item.title),
            ),
            ("notes", json!(notes.get_untracked()), json!(item.notes)),
            (
                "due",
                due_value,
                item.due.map_or(Value::Null, |d| json!(d.to_string())),
            ),
            (
                "owner",
                json!(owner.get_untracked()),
                json!(item.owner.as_str()),
            ),
        ];
        if let Some((field, rejection)) = candidates
            .iter()
            .find_map(|(f, v, _)| check(f, v).map(|r| (*f, r)))
        {
            error.set(Some((field, rejection)));
            return;
        }
        let changed: Vec<(&'static str, Value)> = candidates
            .into_iter()
            .filter(|(_, new, old)| new != old)
            .map(|(f, v, _)| (f, v))
            .collect();
        if !changed.is_empty() {
            sync.edit(reference(item.id), changed);
        }
        editing.set(None);
    };
    let error_for = move |field: &'static str| {
        move || {
            error
                .get()
                .filter(|(f, _)| *f == field)
                .map(|(_, r)| rejection_text(i18n, r))
        }
    };
    view! {
        <form class="edit-item" on:submit=save novalidate>
            <div class="field">
                <label for="edit-title">{move || i18n.t(Msg::ItemTitle)}</label>
                <input id="edit-title" type="text" maxlength=200 bind:value=title aria-describedby="edit-title-message" />
                <p id="edit-title-message" class="field-message field-error" aria-live="polite">{error_for("title")}</p>
            </div>
            <div class="field">
                <label for="edit-notes">{move || i18n.t(Msg::ItemNotes)}</label>
                <textarea id="edit-notes" maxlength=2000 rows=3 bind:value=notes aria-describedby="edit-notes-message"></textarea>
                <p id="edit-notes-message" class="field-message field-error" aria-live="polite">{error_for("notes")}</p>
            </div>
            <div class="field">
                <label for="edit-due">{move || i18n.t(Msg::ItemDue)}</label>
                <input id="edit-due" type="date" bind:value=due />
            </div>
            <OwnerSelect id="edit-owner" value=owner my_role />
            <div class="actions">
                <button type="submit" class="button primary">{move || i18n.t(Msg::Save)}</button>
                <button type="button" class="button secondary" on:click=move |_| editing.set(None)>
                    {move || i18n.t(Msg::Cancel)}
                </button>
            </div>
        </form>
    }
}

#[component]
fn OwnerSelect(id: &'static str, value: RwSignal<String>, my_role: Role) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{move || i18n.t(Msg::ItemFor)}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                <option value=my_role.as_str() selected=move || value.get() == my_role.as_str()>
                    {move || i18n.t(Msg::ForMe)}
                </option>
                <option value=my_role.partner().as_str() selected=move || value.get() == my_role.partner().as_str()>
                    {move || i18n.fmt(Msg::ForPartner, &[role_name(i18n, my_role.partner())])}
                </option>
            </select>
        </div>
    }
}

#[component]
fn AddItem(relationship: Uuid, my_role: Role) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let title = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let owner = RwSignal::new(my_role.as_str().to_owned());
    let error = RwSignal::new(None::<Rejection>);
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let value = json!(title.get_untracked().trim());
        if let Some(rejection) = check("title", &value) {
            error.set(Some(rejection));
            return;
        }
        error.set(None);
        let mut fields = vec![
            ("title", value),
            ("owner", json!(owner.get_untracked())),
            ("created_at", json!(now_text())),
            ("created_by", json!(my_role.as_str())),
        ];
        if !due.get_untracked().is_empty() {
            fields.push(("due", json!(due.get_untracked())));
        }
        let record = RecordRef {
            id: Uuid::now_v7(),
            relationship,
            kind: Kind::ActionItem,
            private: false,
        };
        sync.edit(record, fields);
        title.set(String::new());
        due.set(String::new());
    };
    view! {
        <form class="add-item" on:submit=add novalidate>
            <h3>{move || i18n.t(Msg::AddItemHeading)}</h3>
            <div class="field">
                <label for="new-item">{move || i18n.t(Msg::NewItem)}</label>
                <input
                    id="new-item"
                    type="text"
                    maxlength=200
                    bind:value=title
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    aria-describedby="new-item-message"
                />
                <p id="new-item-message" class="field-message field-error" aria-live="polite">
                    {move || error.get().map(|r| rejection_text(i18n, r))}
                </p>
            </div>
            <OwnerSelect id="new-item-owner" value=owner my_role />
            <div class="field">
                <label for="new-item-due">{move || i18n.t(Msg::ItemDueOptional)}</label>
                <input id="new-item-due" type="date" bind:value=due />
            </div>
            <button type="submit" class="button primary">{move || i18n.t(Msg::Add)}</button>
        </form>
    }
}
