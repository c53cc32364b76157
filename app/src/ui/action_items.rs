//! Action items of one relationship: for both people, kept and visible, editable offline.

use super::home::role_name;
use crate::{
    domain::Role,
    i18n::{use_i18n, I18n, Msg},
    sync::{
        client::RecordRef,
        engine::{now_millis, today, use_sync},
        replica::Replica,
        schema::{check_value, instant, parse_date, DELETED},
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
    created_at: Option<DateTime<Utc>>,
    created_by: Option<Role>,
    /// Not yet acknowledged by the server.
    pending: bool,
}

fn text(record: &crate::sync::replica::Record, field: &str) -> Option<String> {
    record.get(field).and_then(Value::as_str).map(str::to_owned)
}

/// The live action items of a relationship, as this device sees them, in the order the
/// lists show them: open ones by due date (none last), done ones latest first.
fn items(replica: &Replica, outbox: &[Mutation], relationship: Uuid) -> Vec<Item> {
    let mut items: Vec<Item> = replica
        .of(relationship, Kind::ActionItem)
        .filter(|(_, r)| r.get(DELETED) != Some(&json!(true)))
        .filter_map(|(id, r)| {
            Some(Item {
                id: *id,
                title: text(r, "title")?,
                notes: text(r, "notes").unwrap_or_default(),
                owner: text(r, "owner").and_then(|o| Role::parse(&o).ok())?,
                due: text(r, "due").and_then(|d| parse_date(&d)),
                done_at: r.get("done_at").and_then(instant),
                created_at: r.get("created_at").and_then(instant),
                created_by: text(r, "created_by").and_then(|c| Role::parse(&c).ok()),
                pending: outbox.iter().any(|m| m.change.record == *id),
            })
        })
        .collect();
    // One sort for every list (the lists filter this order), ending on the id so that equal
    // keys cannot swap places between renders.
    items.sort_unstable_by_key(|i| {
        (
            std::cmp::Reverse(i.done_at),
            i.due.is_none(),
            i.due,
            i.created_at,
            i.id,
        )
    });
    items
}

pub fn rejection_text(i18n: I18n, rejection: Rejection) -> String {
    match rejection {
        Rejection::Empty => i18n.t(Msg::ErrRequired).to_owned(),
        Rejection::TooLong(max) => i18n.fmt(Msg::ErrTooLong, &[&max.to_string()]),
        Rejection::WrongType | Rejection::UnknownField | Rejection::Mismatch => {
            i18n.t(Msg::ErrMalformed).to_owned()
        }
        Rejection::NotYours => i18n.t(Msg::RejectedNotYours).to_owned(),
        Rejection::NoAccess => i18n.t(Msg::RejectedNoAccess).to_owned(),
        Rejection::ClockAhead => i18n.t(Msg::RejectedClockAhead).to_owned(),
    }
}

/// What every row of one relationship's list shares.
#[derive(Clone, Copy)]
struct Rows {
    relationship: Uuid,
    my_role: Role,
    ended: bool,
    /// The item whose edit form is open.
    editing: RwSignal<Option<Uuid>>,
    /// The item just deleted, offered back.
    undo: RwSignal<Option<(Uuid, String)>>,
}

impl Rows {
    fn record(self, id: Uuid) -> RecordRef {
        RecordRef {
            id,
            relationship: self.relationship,
            kind: Kind::ActionItem,
            private: false,
        }
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
    let rows = Rows {
        relationship,
        my_role,
        ended,
        editing: RwSignal::new(None),
        undo: RwSignal::new(None),
    };
    let partner = StoredValue::new(partner_name);

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
        let mine = move |done: bool| {
            list.get()
                .unwrap_or_default()
                .into_iter()
                .filter(|i| i.owner == role && i.done_at.is_some() == done)
                .collect::<Vec<_>>()
        };
        let open = Signal::derive(move || mine(false));
        let done = Signal::derive(move || mine(true));
        view! {
            <div class="item-group">
                <h3>{heading}</h3>
                // Both lists stay in the page and are hidden when empty, rather than coming and
                // going under <Show>: less code in the bundle, and an open "done" section
                // stays open while items are ticked.
                <p class="empty" hidden=move || open.with(|o| !o.is_empty())>{i18n.tr(Msg::NoOpenItems)}</p>
                <ItemList items=open rows />
                <details class="done-items" hidden=move || done.with(Vec::is_empty)>
                    <summary>{move || i18n.fmt(Msg::DoneCount, &[&done.with(Vec::len).to_string()])}</summary>
                    <ItemList items=done rows />
                </details>
            </div>
        }
    };

    view! {
        <section class="panel" aria-labelledby="items-heading">
            <h2 id="items-heading">{i18n.tr(Msg::ActionItems)}</h2>
            // The device's data is read after hydration: until then the lists are empty and
            // hidden, in the server's HTML and the first client render alike.
            <p hidden=move || list.with(Option::is_some)>{i18n.tr(Msg::Loading)}</p>
            <div hidden=move || list.with(Option::is_none)>
                {group(my_role)}
                {group(my_role.partner())}
            </div>
            // Always in the page, hidden until something was deleted: reactive texts in fixed
            // elements cost the bundle less than an element that comes and goes.
            <p class="undo" role="status" aria-live="polite" hidden=move || rows.undo.with(Option::is_none)>
                <span>{move || rows.undo.get().map(|(_, title)| i18n.fmt(Msg::ItemDeleted, &[&title]))}</span>
                " "
                <button class="button secondary" on:click=move |_| {
                    if let Some((id, _)) = rows.undo.get_untracked() {
                        sync.edit(rows.record(id), vec![(DELETED, json!(false))]);
                        rows.undo.set(None);
                    }
                }>{i18n.tr(Msg::Undo)}</button>
            </p>
            {(!ended).then(|| view! { <AddItem relationship my_role /> })}
        </section>
    }
}

/// One list of items. Open and done lists alike use this one keyed list, so its diffing
/// code is in the bundle once.
#[component]
fn ItemList(items: Signal<Vec<Item>>, rows: Rows) -> impl IntoView {
    view! {
        <ul class="items">
            <For
                each=move || items.get()
                key=|i| (i.id, i.title.clone(), i.notes.clone(), i.due, i.done_at, i.owner, i.pending)
                let:item
            >
                <ItemRow item rows />
            </For>
        </ul>
    }
}

#[component]
fn ItemRow(item: Item, rows: Rows) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let Rows {
        my_role, editing, ..
    } = rows;
    let id = item.id;
    let can_tick = item.owner == my_role && !rows.ended;
    let can_edit = !rows.ended;
    let overdue = item.done_at.is_none() && item.due.is_some_and(|d| d < today());
    let done = item.done_at.is_some();
    let title = StoredValue::new(item.title.clone());
    let toggle = move |_| {
        let value = if done { Value::Null } else { now_value() };
        sync.edit(rows.record(id), vec![("done_at", value)]);
    };
    let delete = move |_| {
        sync.edit(rows.record(id), vec![(DELETED, json!(true))]);
        rows.undo.set(Some((id, title.get_value())));
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
                            {pending.then(|| view! { <span class="pending-mark">{i18n.tr(Msg::NotSyncedYet)}</span> })}
                            {(!notes.is_empty()).then(|| view! { <p class="notes">{notes}</p> })}
                        </div>
                        {can_edit.then(|| view! {
                            <div class="item-actions">
                                <button
                                    class="button secondary"
                                    aria-label=move || i18n.fmt(Msg::EditItem, &[&title.get_value()])
                                    on:click=move |_| editing.set(Some(id))
                                >
                                    {i18n.tr(Msg::Edit)}
                                </button>
                                <button
                                    class="button secondary"
                                    aria-label=move || i18n.fmt(Msg::DeleteItem, &[&title.get_value()])
                                    on:click=delete
                                >
                                    {i18n.tr(Msg::Delete)}
                                </button>
                            </div>
                        })}
                    }
                }
            >
                <EditItem item=stored.get_value() rows />
            </Show>
        </li>
    }
}

/// "Added by you on 27 Nov 2026", from the creator's role and the creation time.
fn added_text(i18n: I18n, item: &Item, my_role: Role) -> Option<String> {
    let by = item.created_by?;
    let on = item.created_at?;
    let who = if by == my_role {
        i18n.t(Msg::You).to_owned()
    } else {
        i18n.fmt(Msg::YourPartnerRole, &[role_name(i18n, by)])
    };
    Some(i18n.fmt(Msg::AddedBy, &[&who, &i18n.date(on)]))
}

/// Now, as an instant field holds it.
fn now_value() -> Value {
    json!(now_millis())
}

/// Checks a value the way the server will, so the error shows at once, at the field.
fn check(field: &str, value: &Value) -> Option<Rejection> {
    check_value(Kind::ActionItem, field, value).err()
}

#[component]
fn EditItem(item: Item, rows: Rows) -> impl IntoView {
    let Rows {
        my_role, editing, ..
    } = rows;
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
            sync.edit(rows.record(item.id), changed);
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
                <label for="edit-title">{i18n.tr(Msg::ItemTitle)}</label>
                <input id="edit-title" type="text" maxlength=200 bind:value=title aria-describedby="edit-title-message" />
                <p id="edit-title-message" class="field-message field-error" aria-live="polite">{error_for("title")}</p>
            </div>
            <div class="field">
                <label for="edit-notes">{i18n.tr(Msg::ItemNotes)}</label>
                <textarea id="edit-notes" maxlength=2000 rows=3 bind:value=notes aria-describedby="edit-notes-message"></textarea>
                <p id="edit-notes-message" class="field-message field-error" aria-live="polite">{error_for("notes")}</p>
            </div>
            <div class="field">
                <label for="edit-due">{i18n.tr(Msg::ItemDue)}</label>
                <input id="edit-due" type="date" bind:value=due />
            </div>
            <OwnerSelect id="edit-owner" value=owner my_role />
            <div class="actions">
                <button type="submit" class="button primary">{i18n.tr(Msg::Save)}</button>
                <button type="button" class="button secondary" on:click=move |_| editing.set(None)>
                    {i18n.tr(Msg::Cancel)}
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
            <label for=id>{i18n.tr(Msg::ItemFor)}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                <option value=my_role.as_str() selected=move || value.get() == my_role.as_str()>
                    {i18n.tr(Msg::ForMe)}
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
            ("created_at", now_value()),
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
            <h3>{i18n.tr(Msg::AddItemHeading)}</h3>
            <div class="field">
                <label for="new-item">{i18n.tr(Msg::NewItem)}</label>
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
                <label for="new-item-due">{i18n.tr(Msg::ItemDueOptional)}</label>
                <input id="new-item-due" type="date" bind:value=due />
            </div>
            <button type="submit" class="button primary">{i18n.tr(Msg::Add)}</button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{Change, Hlc, NodeId};

    fn put(replica: &mut Replica, id: u128, fields: &[(&str, Value)]) {
        for (n, (field, value)) in fields.iter().enumerate() {
            replica.apply(&Change {
                record: Uuid::from_u128(id),
                relationship: Uuid::from_u128(99),
                kind: Kind::ActionItem,
                private: false,
                field: (*field).to_owned(),
                value: value.clone(),
                hlc: Hlc {
                    millis: 1,
                    counter: n as u16,
                    node: NodeId(1),
                },
            });
        }
    }

    fn item(title: &str, due: Value, done: Value, created: i64) -> Vec<(&str, Value)> {
        vec![
            ("title", json!(title)),
            ("owner", json!("mentee")),
            ("due", due),
            ("done_at", done),
            ("created_at", json!(created)),
        ]
    }

    #[test]
    fn open_items_go_by_due_date_and_done_ones_latest_first() {
        let mut replica = Replica::default();
        let none = || json!(null);
        put(&mut replica, 1, &item("no date, older", none(), none(), 10));
        put(&mut replica, 2, &item("no date, newer", none(), none(), 20));
        put(
            &mut replica,
            3,
            &item("due later", json!("2026-12-24"), none(), 30),
        );
        put(
            &mut replica,
            4,
            &item("due sooner", json!("2026-12-01"), none(), 40),
        );
        put(
            &mut replica,
            5,
            &item("done first", none(), json!(1000), 50),
        );
        put(&mut replica, 6, &item("done last", none(), json!(2000), 60));
        let mut deleted = item("deleted", none(), none(), 70);
        deleted.push((DELETED, json!(true)));
        put(&mut replica, 7, &deleted);
        let titles: Vec<String> = items(&replica, &[], Uuid::from_u128(99))
            .into_iter()
            .map(|i| i.title)
            .collect();
        assert_eq!(
            titles,
            [
                "done last",
                "done first",
                "due sooner",
                "due later",
                "no date, older",
                "no date, newer"
            ]
        );
    }
}
