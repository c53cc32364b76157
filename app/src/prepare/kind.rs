//! Preparation records: each person's private drafts, and the answers they chose to share.
//!
//! Privacy is fixed when a record is created, so sharing is a second record rather than a
//! flag: a person's drafts live in a private record only they ever receive, and sharing an
//! answer copies its text into their shared record. What the partner's device receives holds
//! only what was shared, never an earlier draft.

use crate::{
    relationships::Role,
    sync::{
        replica::{Record, Replica},
        schema::{spec, KindSpec, Type, Writer},
        Kind,
    },
};
use serde_json::Value;
use uuid::Uuid;

/// The three preparation questions (`prepare.want`, `prepare.bring`, `prepare.expect`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Want,
    Bring,
    Expect,
}

impl Question {
    pub const ALL: [Question; 3] = [Question::Want, Question::Bring, Question::Expect];

    /// The field that holds the answer, in both kinds.
    pub const fn name(self) -> &'static str {
        match self {
            Question::Want => "want",
            Question::Bring => "bring",
            Question::Expect => "expect",
        }
    }
}

/// Who shared an answer: the field a shared record's author is in.
pub const AUTHOR: &str = "author";
/// As long as a page of notes.
pub const MAX_ANSWER: usize = 4000;

const fn answer(question: Question, writer: Writer) -> crate::sync::schema::FieldSpec {
    spec(question.name(), Type::Notes { max: MAX_ANSWER }, writer)
}

/// A person's drafts: records created private, so they reach nobody but their author.
pub const DRAFT: KindSpec = KindSpec {
    kind: Kind::named("prepare_draft"),
    fields: &[
        answer(Question::Want, Writer::Both),
        answer(Question::Bring, Writer::Both),
        answer(Question::Expect, Writer::Both),
    ],
    owner: None,
    label: None,
};

/// A person's shared answers: only their author writes them; an empty answer is not shared.
pub const SHARED: KindSpec = KindSpec {
    kind: Kind::named("prepare_shared"),
    fields: &[
        spec(AUTHOR, Type::OneOf(Role::NAMES), Writer::OwnRoleOnce),
        answer(Question::Want, Writer::Owner),
        answer(Question::Bring, Writer::Owner),
        answer(Question::Expect, Writer::Owner),
    ],
    owner: Some(AUTHOR),
    label: None,
};

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
        for (id, record) in replica.of(relationship, &DRAFT.kind) {
            // Only the author ever receives a private record; checked all the same.
            if record.private {
                take(0, *id, record, &mut out.draft_record);
            }
        }
        for (id, record) in replica.of(relationship, &SHARED.kind) {
            let author = record.get(AUTHOR).and_then(Value::as_str);
            if author == Some(me.as_str()) {
                take(1, *id, record, &mut out.shared_record);
            } else if author == Some(me.partner().as_str()) {
                take(2, *id, record, &mut unused);
            }
        }
        out
    }

    /// How many answers a person has shared.
    pub fn count(answers: &Answers) -> usize {
        answers.iter().filter(|a| !a.trim().is_empty()).count()
    }

    /// Whether I have written anything yet.
    pub fn started(&self) -> bool {
        Self::count(&self.draft) > 0 || Self::count(&self.mine) > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{Change, Hlc, NodeId};
    use serde_json::json;

    const RELATIONSHIP: Uuid = Uuid::from_u128(7);

    fn write(replica: &mut Replica, id: u128, kind: &KindSpec, field: &str, value: Value, at: u64) {
        replica.apply(&Change {
            record: Uuid::from_u128(id),
            relationship: RELATIONSHIP,
            kind: kind.kind.clone(),
            private: kind.kind == DRAFT.kind,
            field: field.to_owned(),
            value,
            hlc: Hlc {
                millis: at,
                counter: 0,
                node: NodeId(1),
            },
        });
    }

    #[test]
    fn drafts_and_both_peoples_shared_answers_are_read_apart() {
        let mut r = Replica::default();
        write(&mut r, 1, &DRAFT, "want", json!("a mentor's view"), 1);
        write(&mut r, 1, &DRAFT, "bring", json!("questions"), 1);
        write(&mut r, 2, &SHARED, AUTHOR, json!("mentee"), 2);
        write(&mut r, 2, &SHARED, "want", json!("a mentor's view"), 2);
        write(&mut r, 3, &SHARED, AUTHOR, json!("mentor"), 3);
        write(&mut r, 3, &SHARED, "expect", json!("honesty"), 3);

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
        write(&mut r, 9, &DRAFT, "want", json!("older"), 1);
        write(&mut r, 9, &DRAFT, "bring", json!("only here"), 1);
        write(&mut r, 4, &DRAFT, "want", json!("newer"), 5);
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
