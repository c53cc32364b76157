//! Preparation records: each person's private drafts, and the answers they chose to share.
//!
//! Privacy is fixed when a record is created, so sharing is a second record rather than a
//! flag: a person's drafts live in a private record only they ever receive, and sharing an
//! answer copies its text into their shared record. What the partner's device receives holds
//! only what was shared, never an earlier draft.

use crate::{
    relationships::Role,
    sync::{
        declare::{Notes, One, RecordKind},
        replica::{Record, Replica},
        schema::IdRule,
    },
};
use serde_json::Value;
use uuid::Uuid;

/// As long as a page of notes.
pub const MAX_ANSWER: usize = 4000;

crate::sync::record_kind! {
    /// A person's drafts: private, so they reach nobody but their author, who alone writes them.
    pub struct Draft {
        kind: "prepare_draft",
        fields: DraftField,
        writes: DraftSet,
        private: true,
        deletable: false,
        id: IdRule::Random,
        owner: [],
        label: [],
    }
    required {}
    optional {
        want Want: Notes<MAX_ANSWER> = Author,
        bring Bring: Notes<MAX_ANSWER> = Author,
        expect Expect: Notes<MAX_ANSWER> = Author,
    }
}

crate::sync::record_kind! {
    /// A person's shared answers: only their author writes them; an empty answer is not shared.
    pub struct Shared {
        kind: "prepare_shared",
        fields: SharedField,
        writes: SharedSet,
        private: false,
        deletable: false,
        id: IdRule::Random,
        owner: [Author],
        label: [],
    }
    required {
        /// Who shared them.
        author Author: One<Role> = OwnRoleOnce,
    }
    optional {
        want Want: Notes<MAX_ANSWER> = Owner,
        bring Bring: Notes<MAX_ANSWER> = Owner,
        expect Expect: Notes<MAX_ANSWER> = Owner,
    }
}

/// The three preparation questions (`prepare.want`, `prepare.bring`, `prepare.expect`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Want,
    Bring,
    Expect,
}

impl Question {
    pub const ALL: [Question; 3] = [Question::Want, Question::Bring, Question::Expect];

    /// The field that holds the answer, the same in both kinds.
    pub const fn name(self) -> &'static str {
        match self {
            Question::Want => DraftField::Want.name(),
            Question::Bring => DraftField::Bring.name(),
            Question::Expect => DraftField::Expect.name(),
        }
    }

    pub fn draft(self, text: String) -> DraftSet {
        match self {
            Question::Want => DraftSet::Want(text),
            Question::Bring => DraftSet::Bring(text),
            Question::Expect => DraftSet::Expect(text),
        }
    }

    pub fn shared(self, text: String) -> SharedSet {
        match self {
            Question::Want => SharedSet::Want(text),
            Question::Bring => SharedSet::Bring(text),
            Question::Expect => SharedSet::Expect(text),
        }
    }
}

/// One person's three answers, in the order of [`Question::ALL`].
pub type Answers = [String; 3];

/// Where both people stand, as this device has it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Preparation {
    /// What I have written, shared or not.
    pub draft: Answers,
    /// What I have shared.
    pub mine: Answers,
    /// What my partner has shared.
    pub theirs: Answers,
    /// The records my next edits go to, once they exist.
    pub draft_record: Option<Uuid>,
    pub shared_record: Option<Uuid>,
}

impl Preparation {
    /// Reads both people's preparation. Two devices of one person may each have started a
    /// record offline: every answer is the latest written in any of them, and later edits go
    /// to the first by id, which every device picks alike.
    pub fn read(replica: &Replica, relationship: Uuid, me: Role) -> Self {
        let mut out = Preparation::default();
        let mut stamps = [[None; 3]; 3];
        let mut take = |slot: usize, id: Uuid, record: &Record, first: &mut Option<Uuid>| {
            if first.is_none_or(|f| id < f) {
                *first = Some(id);
            }
            for (i, q) in Question::ALL.into_iter().enumerate() {
                let Some(field) = record.fields.get(q.name()) else {
                    continue;
                };
                let newer = stamps[slot][i].is_none_or(|seen| field.hlc > seen);
                if let (true, Value::String(text)) = (newer, &field.value) {
                    stamps[slot][i] = Some(field.hlc);
                    let answers = match slot {
                        0 => &mut out.draft,
                        1 => &mut out.mine,
                        _ => &mut out.theirs,
                    };
                    answers[i] = text.clone();
                }
            }
        };
        let mut unused = None;
        for (id, record) in replica.of(relationship, &Draft::SPEC.kind) {
            // Only the author ever receives a private record; checked all the same.
            if record.private {
                take(0, *id, record, &mut out.draft_record);
            }
        }
        for (id, record) in replica.of(relationship, &Shared::SPEC.kind) {
            let Some(shared) = Shared::read(*id, record) else {
                continue;
            };
            if shared.author == me {
                take(1, *id, record, &mut out.shared_record);
            } else {
                take(2, *id, record, &mut unused);
            }
        }
        out
    }

    /// How many answers a person has shared.
    pub fn count(answers: &Answers) -> usize {
        answers.iter().filter(|a| !a.trim().is_empty()).count()
    }

    /// When `author` last changed the answers they shared (the milliseconds of the latest
    /// write), 0 if they never shared any.
    pub fn shared_changed(replica: &Replica, relationship: Uuid, author: Role) -> u64 {
        replica
            .of(relationship, &Shared::SPEC.kind)
            .filter(|(s, record)| Shared::read(**s, record).is_some_and(|s| s.author == author))
            .map(|(_, record)| crate::ui::seen::changed(record))
            .max()
            .unwrap_or(0)
    }

    /// Whether I have written anything yet.
    pub fn started(&self) -> bool {
        Self::count(&self.draft) > 0 || Self::count(&self.mine) > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{
        declare::{changes, Write},
        Hlc, NodeId,
    };

    const RELATIONSHIP: Uuid = Uuid::from_u128(7);

    fn write<W: Write>(
        replica: &mut Replica,
        id: u128,
        writes: impl IntoIterator<Item = W>,
        at: u64,
    ) {
        let hlc = Hlc {
            millis: at,
            counter: 0,
            node: NodeId(1),
        };
        for change in changes(Uuid::from_u128(id), RELATIONSHIP, writes, hlc) {
            replica.apply(&change);
        }
    }

    #[test]
    fn drafts_and_both_peoples_shared_answers_are_read_apart() {
        let mut r = Replica::default();
        write(&mut r, 1, [DraftSet::Want("a mentor's view".into())], 1);
        write(&mut r, 1, [DraftSet::Bring("questions".into())], 1);
        write(&mut r, 2, [SharedSet::Author(Role::Mentee)], 2);
        write(&mut r, 2, [SharedSet::Want("a mentor's view".into())], 2);
        write(&mut r, 3, [SharedSet::Author(Role::Mentor)], 3);
        write(&mut r, 3, [SharedSet::Expect("honesty".into())], 3);

        let p = Preparation::read(&r, RELATIONSHIP, Role::Mentee);
        assert_eq!(
            p.draft,
            [
                "a mentor's view".to_owned(),
                "questions".into(),
                String::new()
            ]
        );
        assert_eq!(
            p.mine,
            ["a mentor's view".to_owned(), String::new(), String::new()]
        );
        assert_eq!(
            p.theirs,
            [String::new(), String::new(), "honesty".to_owned()]
        );
        assert_eq!(p.draft_record, Some(Uuid::from_u128(1)));
        assert_eq!(p.shared_record, Some(Uuid::from_u128(2)));
        assert_eq!(Preparation::count(&p.mine), 1);
        assert!(p.started());
    }

    #[test]
    fn two_records_started_offline_read_as_one_with_the_latest_answer_each() {
        let mut r = Replica::default();
        write(&mut r, 9, [DraftSet::Want("older".into())], 1);
        write(&mut r, 9, [DraftSet::Bring("only here".into())], 1);
        write(&mut r, 4, [DraftSet::Want("newer".into())], 5);
        let p = Preparation::read(&r, RELATIONSHIP, Role::Mentor);
        assert_eq!(p.draft[0], "newer");
        assert_eq!(p.draft[1], "only here");
        assert_eq!(p.draft_record, Some(Uuid::from_u128(4)), "the first by id");
    }

    #[test]
    fn nothing_written_is_not_started() {
        let p = Preparation::read(&Replica::default(), RELATIONSHIP, Role::Mentor);
        assert!(!p.started());
        assert_eq!(p.draft_record, None);
    }
}
