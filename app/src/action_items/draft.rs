//! The edit form's logic, apart from its view: what a person typed, the values a partner's
//! edit brings meanwhile, and the writes that save only what was changed here.

use super::{
    kind::{ActionItem, ActionSet, Commitment},
    messages::ActionItemMsg,
};
use crate::{
    i18n::{I18n, Message},
    relationships::{role_name, Role},
    sync::{
        declare::{date_text, Choice},
        schema::parse_date,
    },
    ui::form::changed,
};
use leptos::prelude::*;
use uuid::Uuid;

type Item = ActionItem;

/// The fields the edit form changes, in the form's own terms: text as typed, the due date as
/// `YYYY-MM-DD` or empty, the owner as a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Title = 0,
    Notes = 1,
    Due = 2,
    Owner = 3,
    Commitment = 4,
}

impl Edit {
    pub const ALL: [Edit; 5] = [
        Edit::Title,
        Edit::Notes,
        Edit::Due,
        Edit::Owner,
        Edit::Commitment,
    ];

    /// The item's value as the form shows it.
    pub fn shown(self, item: &Item) -> String {
        match self {
            Edit::Title => item.title.clone(),
            Edit::Notes => item.notes.clone(),
            Edit::Due => item.due.map(date_text).unwrap_or_default(),
            Edit::Owner => item.owner.as_str().to_owned(),
            Edit::Commitment => item
                .commitment
                .map(Commitment::as_str)
                .unwrap_or_default()
                .to_owned(),
        }
    }

    /// The field's label in the form.
    pub fn label(self) -> Message {
        match self {
            Edit::Title => ActionItemMsg::ItemTitle,
            Edit::Notes => ActionItemMsg::ItemNotes,
            Edit::Due => ActionItemMsg::ItemDue,
            Edit::Owner => ActionItemMsg::ItemFor,
            Edit::Commitment => ActionItemMsg::CommitmentKind,
        }
    }

    /// A value from the form as a write of the record; none for one the form cannot hold
    /// (a date input's half-typed date).
    pub fn write(self, shown: &str) -> Option<ActionSet> {
        Some(match self {
            Edit::Title => ActionSet::Title(shown.trim().to_owned()),
            Edit::Notes => ActionSet::Notes(shown.to_owned()),
            Edit::Due if shown.is_empty() => ActionSet::Due(None),
            Edit::Due => ActionSet::Due(Some(parse_date(shown)?)),
            Edit::Owner => ActionSet::Owner(Role::parse(shown).ok()?),
            Edit::Commitment => ActionSet::Commitment(Commitment::parse(shown)),
        })
    }

    /// A value from the form in words, for "changed meanwhile to …".
    pub fn words(self, i18n: I18n, shown: &str) -> String {
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
pub struct Draft {
    pub id: Uuid,
    values: [ArcRwSignal<String>; 5],
    base: ArcRwSignal<[String; 5]>,
}

impl Draft {
    pub fn new(item: &Item) -> Self {
        let shown = Edit::ALL.map(|f| f.shown(item));
        Self {
            id: item.id,
            values: shown.clone().map(ArcRwSignal::new),
            base: ArcRwSignal::new(shown),
        }
    }

    pub fn value(&self, field: Edit) -> RwSignal<String> {
        self.values[field as usize].clone().into()
    }

    /// Someone else's newer values: taken over in the fields left alone here; in a field
    /// changed here too, [`Draft::conflict`] offers it instead.
    pub fn follow(&self, current: &Item) {
        for field in Edit::ALL {
            let i = field as usize;
            let theirs = field.shown(current);
            let base = self.base.with_untracked(|b| b[i].clone());
            if theirs != base && self.values[i].with_untracked(|v| *v == base) {
                self.take(field, theirs);
            }
        }
    }

    pub fn take(&self, field: Edit, theirs: String) {
        let i = field as usize;
        self.values[i].set(theirs.clone());
        self.base.update(|b| b[i] = theirs);
    }

    /// Changed here, and differently elsewhere, since the form opened.
    pub fn conflict(&self, field: Edit, theirs: &str) -> bool {
        let i = field as usize;
        self.base.with(|b| b[i] != theirs) && self.values[i].with(|v| v != theirs)
    }

    /// The first field changed here to a value the record cannot hold (a date out of range).
    pub fn unwritable(&self) -> Option<Edit> {
        Edit::ALL.into_iter().find(|field| {
            let i = *field as usize;
            let now = self.values[i].get_untracked();
            now != self.base.with_untracked(|b| b[i].clone()) && field.write(&now).is_none()
        })
    }

    /// The fields this form changes, with their writes: only what was changed here.
    pub fn changes(&self) -> Vec<(Edit, ActionSet)> {
        let now = self.values.each_ref().map(|v| v.get_untracked());
        let base = self.base.get_untracked();
        changed(&base, &now, |i, shown| Edit::ALL[i].write(shown))
            .into_iter()
            .map(|(i, write)| (Edit::ALL[i], write))
            .collect()
    }
}

pub fn commitment_name(commitment: Option<Commitment>) -> Message {
    match commitment {
        None => ActionItemMsg::CommitmentTask,
        Some(Commitment::Information) => ActionItemMsg::Information,
        Some(Commitment::Resource) => ActionItemMsg::Resource,
        Some(Commitment::Contact) => ActionItemMsg::Contact,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn titled(title: &str) -> ActionItem {
        ActionItem {
            id: Uuid::from_u128(1),
            title: title.to_owned(),
            notes: String::new(),
            owner: Role::Mentee,
            due: None,
            done_at: None,
            created_at: DateTime::from_timestamp_millis(1_795_766_400_000).unwrap(),
            created_by: Some(Role::Mentor),
            session: None,
            commitment: None,
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
            vec![(Edit::Notes, ActionSet::Notes("Chapters 3 and 4".into()))],
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
    fn a_date_cleared_in_the_form_clears_the_due_date_and_a_half_typed_one_writes_nothing() {
        let draft = Draft::new(&titled("Read"));
        draft.values[Edit::Due as usize].set("2026-12-24".into());
        let day = parse_date("2026-12-24");
        assert_eq!(draft.changes(), vec![(Edit::Due, ActionSet::Due(day))]);
        draft.values[Edit::Due as usize].set("0226-12-24".into());
        assert_eq!(draft.changes(), vec![]);
        assert_eq!(
            draft.unwritable(),
            Some(Edit::Due),
            "said at the field instead"
        );
    }
}
