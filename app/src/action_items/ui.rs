//! The action items of one relationship: for both people, kept and visible, editable offline.

use super::{
    follow_view::FollowThroughView,
    kind::{ActionItem as Item, Commitment, Field, KIND},
    messages::ActionItemMsg,
};
use crate::{
    i18n::{use_i18n, I18n, Message, Msg},
    relationships::{role_name, Role},
    sync::{
        client::RecordRef,
        engine::{local_time, now_millis, today, use_sync},
        replica::Replica,
        schema::{check_value, parse_date, DELETED},
        Mutation, Rejection,
    },
    ui::{form::rejection_text, use_live},
};
use leptos::{ev::SubmitEvent, prelude::*};
use serde_json::Value;
use uuid::Uuid;

/// The live action items of a relationship, as this device sees them, in the order the
/// lists show them: open ones by due date (none last), done ones latest first.
fn items(replica: &Replica, outbox: &[Mutation], relationship: Uuid) -> Vec<Item> {
    // Ending on the id, so that equal keys cannot swap places between renders.
    let key = |i: &Item| {
        (
            std::cmp::Reverse(i.done_at),
            i.due.is_none(),
            i.due,
            i.created_at,
            i.id,
        )
    };
    // One order for every list (the lists filter it). Each item goes in at its place: the
    // lists are short, and the standard sort cost this page 1 KB compressed.
    let mut items: Vec<Item> = Vec::new();
    for (id, record) in replica.of(relationship, &KIND.kind) {
        let pending = outbox.iter().any(|m| m.change.record == *id);
        if let Some(item) = Item::read(*id, record, pending) {
            let at = items.partition_point(|other| key(other) < key(&item));
            items.insert(at, item);
        }
    }
    items
}

/// What every row of one relationship's list shares.
#[derive(Clone, Copy)]
struct Rows {
    relationship: Uuid,
    my_role: Role,
    ended: Signal<bool>,
    /// Every live item, as the device has it now.
    list: Memo<Option<Vec<Item>>>,
    /// The open edit form's values. Kept here rather than in a row, so that what a person
    /// is typing survives their partner's edits, which rebuild or move rows.
    draft: RwSignal<Option<Draft>>,
    /// The item just deleted, offered back.
    undo: RwSignal<Option<(Uuid, String)>>,
}

impl Rows {
    fn record(self, id: Uuid) -> RecordRef {
        RecordRef {
            id,
            relationship: self.relationship,
            kind: KIND.kind.clone(),
            private: false,
        }
    }

    fn item(self, id: Uuid) -> Option<Item> {
        self.list
            .with(|l| l.as_ref()?.iter().find(|i| i.id == id).cloned())
    }

    fn editing(self, id: Uuid) -> bool {
        self.draft.with(|d| d.as_ref().is_some_and(|d| d.id == id))
    }
}

/// The fields the edit form changes, in the form's own terms: text as typed, the due date as
/// `YYYY-MM-DD` or empty, the owner as a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    Title = 0,
    Notes = 1,
    Due = 2,
    Owner = 3,
    Commitment = 4,
}

impl Edit {
    const ALL: [Edit; 5] = [
        Edit::Title,
        Edit::Notes,
        Edit::Due,
        Edit::Owner,
        Edit::Commitment,
    ];

    fn name(self) -> &'static str {
        match self {
            Edit::Title => Field::Title,
            Edit::Notes => Field::Notes,
            Edit::Due => Field::Due,
            Edit::Owner => Field::Owner,
            Edit::Commitment => Field::Commitment,
        }
        .name()
    }

    /// The item's value as the form shows it.
    fn shown(self, item: &Item) -> String {
        match self {
            Edit::Title => item.title.clone(),
            Edit::Notes => item.notes.clone(),
            Edit::Due => item.due.map(|d| d.to_string()).unwrap_or_default(),
            Edit::Owner => item.owner.as_str().to_owned(),
            Edit::Commitment => item
                .commitment
                .map(Commitment::as_str)
                .unwrap_or_default()
                .to_owned(),
        }
    }

    /// The field's label in the form.
    fn label(self) -> Message {
        match self {
            Edit::Title => ActionItemMsg::ItemTitle,
            Edit::Notes => ActionItemMsg::ItemNotes,
            Edit::Due => ActionItemMsg::ItemDue,
            Edit::Owner => ActionItemMsg::ItemFor,
            Edit::Commitment => ActionItemMsg::CommitmentKind,
        }
    }

    /// A value from the form as the record stores it.
    fn value(self, shown: &str) -> Value {
        match self {
            Edit::Title => Value::from(shown.trim()),
            Edit::Due | Edit::Commitment if shown.is_empty() => Value::Null,
            _ => Value::from(shown),
        }
    }

    /// A value from the form in words, for "changed meanwhile to …".
    fn words(self, i18n: I18n, shown: &str) -> String {
        match self {
            Edit::Due => parse_date(shown)
                .map(|d| i18n.date(d.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc()))
                .unwrap_or_else(|| i18n.t(ActionItemMsg::NoDueDate).to_owned()),
            Edit::Owner => Role::parse(shown)
                .map(|r| role_name(i18n, r).to_owned())
                .unwrap_or_default(),
            Edit::Commitment => i18n.t(commitment_name(Commitment::parse(shown))).to_owned(),
            Edit::Title | Edit::Notes => shown.to_owned(),
        }
    }
}

/// An open edit form: what the person has typed, and what each field held when they began
/// (or when they last took over someone else's change).
#[derive(Clone)]
struct Draft {
    id: Uuid,
    values: [ArcRwSignal<String>; 5],
    base: ArcRwSignal<[String; 5]>,
}

impl Draft {
    fn new(item: &Item) -> Self {
        let shown = Edit::ALL.map(|f| f.shown(item));
        Self {
            id: item.id,
            values: shown.clone().map(ArcRwSignal::new),
            base: ArcRwSignal::new(shown),
        }
    }

    fn value(&self, field: Edit) -> RwSignal<String> {
        self.values[field as usize].clone().into()
    }

    /// Someone else's newer values: taken over in the fields left alone here; in a field
    /// changed here too, [`Draft::conflict`] offers it instead.
    fn follow(&self, current: &Item) {
        for field in Edit::ALL {
            let i = field as usize;
            let theirs = field.shown(current);
            let base = self.base.with_untracked(|b| b[i].clone());
            if theirs != base && self.values[i].with_untracked(|v| *v == base) {
                self.take(field, theirs);
            }
        }
    }

    fn take(&self, field: Edit, theirs: String) {
        let i = field as usize;
        self.values[i].set(theirs.clone());
        self.base.update(|b| b[i] = theirs);
    }

    /// Changed here, and differently elsewhere, since the form opened.
    fn conflict(&self, field: Edit, theirs: &str) -> bool {
        let i = field as usize;
        self.base.with(|b| b[i] != theirs) && self.values[i].with(|v| v != theirs)
    }

    /// The fields this form changes, with their new values.
    fn changes(&self) -> Vec<(Edit, Value)> {
        Edit::ALL
            .into_iter()
            .filter_map(|field| {
                let i = field as usize;
                let new = field.value(&self.values[i].get_untracked());
                let old = self.base.with_untracked(|b| field.value(&b[i]));
                (new != old).then_some((field, new))
            })
            .collect()
    }
}

#[component]
pub fn ActionItems(
    relationship: Uuid,
    my_role: Role,
    partner_name: Option<String>,
    /// Ended relationships stay readable; this turns true when the partner ends it.
    ended: Signal<bool>,
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
        list,
        draft: RwSignal::new(None),
        undo: RwSignal::new(None),
    };
    let partner = StoredValue::new(partner_name);

    let group = move |role: Role| {
        let heading = move || {
            if role == my_role {
                i18n.t(ActionItemMsg::ItemsYours).to_owned()
            } else {
                partner.with_value(|p| match p {
                    Some(name) => i18n.fmt(ActionItemMsg::ItemsOf, &[name]),
                    None => i18n.fmt(ActionItemMsg::ItemsOfRole, &[role_name(i18n, role)]),
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
                <Show when=move || open.with(Vec::is_empty)>
                    <p class="empty">{i18n.tr(ActionItemMsg::NoOpenItems)}</p>
                </Show>
                <ItemList items=open rows />
                // Hidden rather than removed when empty, so that an open "done" section stays
                // open while items are ticked.
                <details class="done-items" hidden=move || done.with(Vec::is_empty)>
                    <summary>{move || i18n.fmt(ActionItemMsg::DoneCount, &[&done.with(Vec::len).to_string()])}</summary>
                    <ItemList items=done rows />
                </details>
            </div>
        }
    };

    view! {
        <section class="panel" aria-labelledby="items-heading">
            <h2 id="items-heading">{i18n.tr(ActionItemMsg::ActionItems)}</h2>
            // The device's data is read after hydration: until then the lists are empty, in
            // the server's HTML and the first client render alike.
            <Show
                when=move || list.with(Option::is_some)
                fallback=move || view! { <p>{i18n.tr(Msg::Loading)}</p> }
            >
                {group(my_role)}
                {group(my_role.partner())}
                <FollowThroughView list my_role partner />
            </Show>
            <UndoBar rows />
            <Show when=move || !ended.get()>
                <AddItem relationship my_role />
            </Show>
        </section>
    }
}

/// Offers back the item just deleted. Always in the page, so that screen readers announce it
/// when it fills.
#[component]
fn UndoBar(rows: Rows) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    view! {
        <p
            class="undo"
            role="status"
            aria-live="polite"
            hidden=move || rows.undo.with(Option::is_none) || rows.ended.get()
        >
            <span>{move || rows.undo.get().map(|(_, title)| i18n.fmt(ActionItemMsg::ItemDeleted, &[&title]))}</span>
            " "
            <button class="button secondary" on:click=move |_| {
                if let Some((id, _)) = rows.undo.get_untracked() {
                    sync.edit(rows.record(id), vec![(DELETED, Value::Bool(false))]);
                    rows.undo.set(None);
                }
            }>{i18n.tr(Msg::Undo)}</button>
        </p>
    }
}

/// One list of items, keyed by id: a partner's edit updates a row in place.
#[component]
fn ItemList(items: Signal<Vec<Item>>, rows: Rows) -> impl IntoView {
    view! {
        <ul class="items">
            <For each=move || items.get() key=|i| i.id let:item>
                <ItemRow item rows />
            </For>
        </ul>
    }
}

#[component]
fn ItemRow(item: Item, rows: Rows) -> impl IntoView {
    let id = item.id;
    // The row follows its item as it changes; `item` is how it looked when the row was made.
    let item = Memo::new(move |_| rows.item(id).unwrap_or_else(|| item.clone()));
    let done = move || item.with(|i| i.done_at.is_some());
    view! {
        <li class="item" class:overdue=move || item.with(overdue) class:done=done>
            // An open form closes when the relationship ends: nothing more can be saved.
            <Show
                when=move || rows.editing(id) && !rows.ended.get()
                fallback=move || view! { <ItemView item rows /> }
            >
                {move || rows.draft.get_untracked().map(|draft| view! { <EditItem item rows draft /> })}
            </Show>
        </li>
    }
}

fn overdue(item: &Item) -> bool {
    item.done_at.is_none() && item.due.is_some_and(|d| d < today())
}

#[component]
fn ItemView(item: Memo<Item>, rows: Rows) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let id = item.with_untracked(|i| i.id);
    let title = move || item.with(|i| i.title.clone());
    let done = move || item.with(|i| i.done_at.is_some());
    let can_tick = move || !rows.ended.get() && item.with(|i| i.owner == rows.my_role);
    let toggle = move |_| {
        let value = if done() { Value::Null } else { now_value() };
        sync.edit(rows.record(id), vec![(Field::DoneAt.name(), value)]);
    };
    let delete = move |_| {
        sync.edit(rows.record(id), vec![(DELETED, Value::Bool(true))]);
        rows.undo.set(Some((id, title())));
    };
    let edit = move |_| rows.draft.set(Some(Draft::new(&item.get_untracked())));
    let due = move || {
        item.with(|i| {
            let date = i18n.date(i.due?.and_hms_opt(12, 0, 0)?.and_utc());
            let msg = if overdue(i) {
                ActionItemMsg::OverdueSince
            } else {
                ActionItemMsg::DueOn
            };
            Some(i18n.fmt(msg, &[&date]))
        })
    };
    let done_at = move || {
        item.with(|i| i.done_at).map(|at| {
            i18n.fmt(
                ActionItemMsg::DoneAt,
                &[&i18n.moment(local_time(at), today())],
            )
        })
    };
    let added = move || item.with(|i| added_text(i18n, i, rows.my_role));
    let pending = move || {
        item.with(|i| i.pending)
            .then(|| i18n.t(ActionItemMsg::NotSyncedYet).to_owned())
    };
    let notes = move || item.with(|i| (!i.notes.is_empty()).then(|| i.notes.clone()));
    let commitment = move || {
        item.with(|i| i.commitment.filter(|_| i.owner == Role::Mentor))
            .map(|c| i18n.t(commitment_name(Some(c))).to_owned())
    };
    view! {
        <label class="tick">
            <input type="checkbox" prop:checked=done disabled=move || !can_tick() on:change=toggle />
            <span class="item-title">{title}</span>
        </label>
        <div class="item-meta">
            <Meta class="commitment" text=Signal::derive(commitment) />
            <Meta class="due" text=Signal::derive(due) />
            <Meta class="done-at" text=Signal::derive(done_at) />
            <Meta class="added" text=Signal::derive(added) />
            <Meta class="pending-mark" text=Signal::derive(pending) />
            <Meta class="notes" text=Signal::derive(notes) />
        </div>
        <Show when=move || !rows.ended.get()>
            <div class="item-actions">
                <button
                    class="button secondary"
                    aria-label=move || i18n.fmt(ActionItemMsg::EditItem, &[&title()])
                    on:click=edit
                >
                    {i18n.tr(Msg::Edit)}
                </button>
                <button
                    class="button secondary"
                    aria-label=move || i18n.fmt(ActionItemMsg::DeleteItem, &[&title()])
                    on:click=delete
                >
                    {i18n.tr(Msg::Delete)}
                </button>
            </div>
        </Show>
    }
}

/// One detail of an item, there only when there is something to say.
#[component]
fn Meta(class: &'static str, text: Signal<Option<String>>) -> impl IntoView {
    move || text.get().map(|t| view! { <span class=class>{t}</span> })
}

/// "Added by you on 27 Nov 2026", from the creator's role and the creation time.
fn added_text(i18n: I18n, item: &Item, my_role: Role) -> Option<String> {
    let by = item.created_by?;
    let on = item.created_at?;
    let who = if by == my_role {
        i18n.t(ActionItemMsg::You).to_owned()
    } else {
        i18n.fmt(ActionItemMsg::YourPartnerRole, &[role_name(i18n, by)])
    };
    Some(i18n.fmt(ActionItemMsg::AddedBy, &[&who, &i18n.date(on)]))
}

/// Now, as an instant field holds it.
fn now_value() -> Value {
    Value::from(now_millis())
}

/// Checks a value the way the server will, so the error shows at once, at the field.
fn check(field: &str, value: &Value) -> Option<Rejection> {
    check_value(&KIND, field, value).err()
}

#[component]
fn EditItem(item: Memo<Item>, rows: Rows, draft: Draft) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let error = RwSignal::new(None::<(Edit, Rejection)>);
    let follow = draft.clone();
    Effect::new(move |_| item.with(|current| follow.follow(current)));
    let changes = draft.clone();
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let changed = changes.changes();
        if let Some((field, rejection)) = changed
            .iter()
            .find_map(|(f, v)| check(f.name(), v).map(|r| (*f, r)))
        {
            error.set(Some((field, rejection)));
            return;
        }
        if !changed.is_empty() {
            let fields = changed.into_iter().map(|(f, v)| (f.name(), v)).collect();
            sync.edit(rows.record(changes.id), fields);
        }
        rows.draft.set(None);
    };
    let error_for = move |field: Edit| {
        move || {
            error
                .get()
                .filter(|(f, _)| *f == field)
                .map(|(_, r)| rejection_text(i18n, r))
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
                <input id="edit-title" type="text" maxlength=200 bind:value=title aria-describedby="edit-title-message" />
                <p id="edit-title-message" class="field-message field-error" aria-live="polite">{error_for(Edit::Title)}</p>
                {meanwhile(Edit::Title)}
            </div>
            <div class="field">
                <label for="edit-notes">{i18n.tr(ActionItemMsg::ItemNotes)}</label>
                <textarea id="edit-notes" maxlength=2000 rows=3 bind:value=notes aria-describedby="edit-notes-message"></textarea>
                <p id="edit-notes-message" class="field-message field-error" aria-live="polite">{error_for(Edit::Notes)}</p>
                {meanwhile(Edit::Notes)}
            </div>
            <div class="field">
                <label for="edit-due">{i18n.tr(ActionItemMsg::ItemDue)}</label>
                <input id="edit-due" type="date" bind:value=due />
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
fn OwnerSelect(id: &'static str, value: RwSignal<String>, my_role: Role) -> impl IntoView {
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

fn commitment_name(commitment: Option<Commitment>) -> Message {
    match commitment {
        None => ActionItemMsg::CommitmentTask,
        Some(Commitment::Information) => ActionItemMsg::Information,
        Some(Commitment::Resource) => ActionItemMsg::Resource,
        Some(Commitment::Contact) => ActionItemMsg::Contact,
    }
}

/// What a mentor's item provides; there only while the item is the mentor's.
#[component]
fn CommitmentSelect(
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
                {Commitment::ALL.map(|c| option(Some(c)))}
            </select>
        </div>
    }
}

#[component]
fn AddItem(relationship: Uuid, my_role: Role) -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    let sync = use_sync();
    let title = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let owner = RwSignal::new(my_role.as_str().to_owned());
    let commitment = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Rejection>);
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let value = Value::from(title.get_untracked().trim());
        if let Some(rejection) = check(Field::Title.name(), &value) {
            error.set(Some(rejection));
            return;
        }
        error.set(None);
        let mut fields = vec![
            (Field::Title.name(), value),
            (Field::Owner.name(), Value::from(owner.get_untracked())),
            (Field::CreatedAt.name(), now_value()),
            (Field::CreatedBy.name(), Value::from(my_role.as_str())),
        ];
        if !due.get_untracked().is_empty() {
            fields.push((Field::Due.name(), Value::from(due.get_untracked())));
        }
        if owner.get_untracked() == Role::Mentor.as_str() && !commitment.get_untracked().is_empty()
        {
            fields.push((
                Field::Commitment.name(),
                Value::from(commitment.get_untracked()),
            ));
        }
        let record = RecordRef {
            id: Uuid::now_v7(),
            relationship,
            kind: KIND.kind.clone(),
            private: false,
        };
        sync.edit(record, fields);
        title.set(String::new());
        due.set(String::new());
        commitment.set(String::new());
    };
    view! {
        <form class="add-item" on:submit=add novalidate>
            <h3>{i18n.tr(ActionItemMsg::AddItemHeading)}</h3>
            <div class="field">
                <label for="new-item">{i18n.tr(ActionItemMsg::NewItem)}</label>
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
            <CommitmentSelect id="new-item-commitment" label=ActionItemMsg::Commitment value=commitment owner />
            <div class="field">
                <label for="new-item-due">{i18n.tr(ActionItemMsg::ItemDueOptional)}</label>
                <input id="new-item-due" type="date" bind:value=due />
            </div>
            // Until the app runs, a submit would only reload the page and lose what was typed.
            <button type="submit" class="button primary" disabled=move || !live.get()>
                {i18n.tr(Msg::Add)}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{Change, Hlc, NodeId};
    use serde_json::json;

    fn put(replica: &mut Replica, id: u128, fields: &[(&str, Value)]) {
        for (n, (field, value)) in fields.iter().enumerate() {
            replica.apply(&Change {
                record: Uuid::from_u128(id),
                relationship: Uuid::from_u128(99),
                kind: KIND.kind.clone(),
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
            (Field::Title.name(), json!(title)),
            (Field::Owner.name(), json!("mentee")),
            (Field::Due.name(), due),
            (Field::DoneAt.name(), done),
            (Field::CreatedAt.name(), json!(created)),
        ]
    }

    fn titled(title: &str) -> Item {
        Item {
            id: Uuid::from_u128(1),
            title: title.to_owned(),
            notes: String::new(),
            owner: Role::Mentee,
            due: None,
            done_at: None,
            created_at: None,
            created_by: None,
            commitment: None,
            pending: false,
        }
    }

    fn typed(draft: &Draft, field: Edit) -> String {
        draft.values[field as usize].get_untracked()
    }

    #[test]
    fn an_edit_form_takes_over_a_partners_change_to_a_field_left_alone() {
        let draft = Draft::new(&titled("Read"));
        draft.values[Edit::Notes as usize].set("Chapters 3 and 4".into());
        draft.follow(&titled("Read two chapters"));
        assert_eq!(typed(&draft, Edit::Title), "Read two chapters");
        assert!(!draft.conflict(Edit::Title, "Read two chapters"));
        assert_eq!(
            draft.changes(),
            vec![(Edit::Notes, json!("Chapters 3 and 4"))],
            "saving writes only what was typed here"
        );
    }

    #[test]
    fn an_edit_form_keeps_what_was_typed_and_offers_the_partners_value() {
        let draft = Draft::new(&titled("Read"));
        draft.values[Edit::Title as usize].set("Read one chapter".into());
        draft.follow(&titled("Read two chapters"));
        assert_eq!(typed(&draft, Edit::Title), "Read one chapter");
        assert!(draft.conflict(Edit::Title, "Read two chapters"));
        draft.take(Edit::Title, "Read two chapters".into());
        assert_eq!(typed(&draft, Edit::Title), "Read two chapters");
        assert!(!draft.conflict(Edit::Title, "Read two chapters"));
        assert_eq!(draft.changes(), vec![]);
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
