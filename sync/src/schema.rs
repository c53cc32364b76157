//! What a record kind declares — its name, its fields, who may write each — and the rules a
//! change must pass before the server stores it. The kinds themselves are declared by their
//! features (the app registers them in its `kinds`); nothing here knows any of them.

use super::{replica::wins, Change, Hlc};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::borrow::Cow;
use uuid::Uuid;

/// A record kind's name, as it travels and is stored: `"action_item"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Kind(Cow<'static, str>);

impl Kind {
    pub const fn named(name: &'static str) -> Self {
        Kind(Cow::Borrowed(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A name read back from storage.
impl From<String> for Kind {
    fn from(name: String) -> Self {
        Kind(Cow::Owned(name))
    }
}

/// The shape a field's value must have. Every text has a limit; every number and date a range
/// a person would accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// One line: trimmed, non-empty, showing something, at most `max` characters.
    Text {
        max: usize,
    },
    /// May be empty, may hold several lines.
    Notes {
        max: usize,
    },
    /// One of these words, such as a role.
    OneOf(&'static [&'static str]),
    /// One of these words, or null: a choice not made yet.
    OptionalOneOf(&'static [&'static str]),
    /// A time of day, `HH:MM` on the 24-hour clock, or null.
    OptionalClock,
    /// `YYYY-MM-DD`, a day from [`FIRST_YEAR`] to [`LAST_YEAR`].
    Date,
    /// A `Date` or null.
    OptionalDate,
    /// An instant as whole milliseconds since 1970 (UTC), from [`FIRST_INSTANT`] to
    /// [`LAST_INSTANT`]. A number rather than RFC 3339 text: nothing to parse, in the browser
    /// bundle or anywhere else.
    Time,
    /// A `Time` or null.
    OptionalTime,
    Bool,
    /// A whole number from `min` to `max`, such as a session's minutes.
    Int {
        min: u32,
        max: u32,
    },
    /// An `Int` or null.
    OptionalInt {
        min: u32,
        max: u32,
    },
    /// A finite number no larger than a billion either way, or null: a measure such as a goal's
    /// target ("6 talks", "75 kg").
    OptionalNumber,
    /// A record of this relationship that this one belongs to, by id (a progress update's
    /// goal). Only its form is checked here.
    Ref,
    /// A `Ref`, or null: a link that can be undone (the update a milestone was ticked in).
    OptionalRef,
}

/// The years a date may fall in: a due date, a session, a goal's target date.
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2199;
/// The instants a record may hold (2020-01-01 to 2200-01-01, UTC): when something was made,
/// done or signed.
pub const FIRST_INSTANT: i64 = 1_577_836_800_000;
pub const LAST_INSTANT: i64 = 7_258_118_400_000;
/// The largest measure a goal may have, either way.
pub const NUMBER_MAX: f64 = 1e9;

impl Type {
    /// Whether a record without this field cannot be read: it is set when the record is made
    /// and never cleared.
    pub const fn required(self) -> bool {
        matches!(
            self,
            Type::Text { .. }
                | Type::OneOf(_)
                | Type::Date
                | Type::Time
                | Type::Int { .. }
                | Type::Ref
        )
    }

    /// Checks a value against the type.
    pub fn check(self, value: &Value) -> Result<(), Rejection> {
        let text = |max: usize, one_line: bool| match value {
            Value::String(s) if s.trim().is_empty() && one_line => Err(Rejection::Empty),
            Value::String(s) if s.chars().count() > max => Err(Rejection::TooLong(max)),
            Value::String(s) if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') => {
                Err(Rejection::WrongType)
            }
            Value::String(s) if one_line && super::text::breaks_line(s) => {
                Err(Rejection::WrongType)
            }
            Value::String(s) if super::text::contains_invisible(s) => Err(Rejection::Invisible),
            Value::String(s) if one_line && super::text::looks_blank(s) => Err(Rejection::Blank),
            Value::String(_) => Ok(()),
            _ => Err(Rejection::WrongType),
        };
        let int = |min: u32, max: u32| {
            value
                .as_u64()
                .is_some_and(|n| n >= u64::from(min) && n <= u64::from(max))
        };
        let ok = match self {
            Type::Text { max } => return text(max, true),
            Type::Notes { max } => return text(max, false),
            Type::OneOf(words) => value.as_str().is_some_and(|s| words.contains(&s)),
            Type::OptionalOneOf(words) => {
                value.is_null() || value.as_str().is_some_and(|s| words.contains(&s))
            }
            Type::OptionalClock => {
                value.is_null() || value.as_str().and_then(parse_clock).is_some()
            }
            Type::Date => value.as_str().and_then(parse_date).is_some(),
            Type::OptionalDate => value.is_null() || value.as_str().and_then(parse_date).is_some(),
            Type::Time => instant(value).is_some(),
            Type::OptionalTime => value.is_null() || instant(value).is_some(),
            Type::Bool => value.is_boolean(),
            Type::Int { min, max } => int(min, max),
            Type::OptionalInt { min, max } => value.is_null() || int(min, max),
            Type::OptionalNumber => value.is_null() || number(value).is_some(),
            Type::Ref => is_ref(value),
            Type::OptionalRef => value.is_null() || is_ref(value),
        };
        if ok {
            Ok(())
        } else {
            Err(Rejection::WrongType)
        }
    }
}

/// Who may write a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writer {
    /// Either member.
    Both,
    /// Only the member whose role the record's owner field holds (see [`KindSpec::owner`]):
    /// you tick your own items.
    Owner,
    /// Set once, by the member creating the record, to their own role: "created by" can
    /// neither name the other person nor be rewritten later.
    OwnRoleOnce,
    /// The owner field itself: the current owner hands the record over, or its creator does;
    /// the other person cannot take it (then tick it, then give it back).
    OwnerOrCreator,
    /// Set once, by the member creating the record: what they signed stays as signed.
    CreatorOnce,
    /// Only the member who made the record, at any time: a person's own check-in.
    Author,
    /// Set in the push that makes the record and never changed (the same value again is no
    /// change): what the record's id is derived from.
    Fixed,
}

#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    pub name: &'static str,
    pub ty: Type,
    pub writer: Writer,
}

pub const fn spec(name: &'static str, ty: Type, writer: Writer) -> FieldSpec {
    FieldSpec { name, ty, writer }
}

/// The tombstone: records are never removed, only marked deleted, so that deletion syncs too.
/// Every kind whose records can be deleted has it.
pub const DELETED: &str = "deleted";

/// How a record's id is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdRule {
    /// A new id made by the device: a UUIDv7, never one a kind derives (version 5), so that no
    /// record can sit where another kind's derived record belongs.
    Random,
    /// Derived from the relationship and the parts of the first of these whose fields are set
    /// ([`derived_id`]), so that every device makes the same record: one check-in per person
    /// and session. The server derives it again when the record is made and refuses another. A
    /// record none of whose alternatives is set has a random id (an agenda item added by hand).
    Derived(&'static [&'static [Part]]),
}

/// What a derived id is derived from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The value of this field (a reference, a word).
    Field(&'static str),
    /// The role of the member who makes the record.
    WriterRole,
}

/// The id of a record of `kind` in `relationship` derived from `parts`, in the order the kind
/// declares them: the same on every device and on the server.
pub fn derived_id(kind: &Kind, relationship: Uuid, parts: &[&str]) -> Uuid {
    let mut name = kind.as_str().to_owned();
    for part in parts {
        name.push('/');
        name.push_str(part);
    }
    Uuid::new_v5(&relationship, name.as_bytes())
}

/// A record kind as its feature declares it (see [`crate::record_kind!`]).
#[derive(Debug)]
pub struct KindSpec {
    pub kind: Kind,
    /// Every field, each with its type and writer; the tombstone [`DELETED`] among them for a
    /// kind whose records can be deleted.
    pub fields: &'static [FieldSpec],
    /// Whether its records are private: only their author ever receives them. Part of the
    /// kind, never the client's choice.
    pub private: bool,
    pub id: IdRule,
    /// The field that holds the role of the member a record belongs to, for [`Writer::Owner`].
    pub owner: Option<&'static str>,
    /// The field that names a record to people, e.g. in a list of refused edits.
    pub label: Option<&'static str>,
    /// Whether its records can still be written once the relationship has ended (a closing
    /// reflection): every other kind's records are then read-only.
    pub after_end: bool,
}

impl KindSpec {
    pub fn field(&self, name: &str) -> Option<&'static FieldSpec> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The id of a record of this kind derived from `parts` (see [`IdRule::Derived`]).
    pub fn derived_id(&self, relationship: Uuid, parts: &[&str]) -> Uuid {
        derived_id(&self.kind, relationship, parts)
    }
}

/// Why the server refused a change; shown to the user beside the value they typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rejection {
    UnknownKind,
    UnknownField,
    WrongType,
    Empty,
    /// More characters than this maximum.
    TooLong(usize),
    /// Holds characters that hide or reorder text.
    Invisible,
    /// Shows nothing: only spaces and characters that show nothing.
    Blank,
    /// The field belongs to the other person (e.g. ticking their action item).
    NotYours,
    /// The record exists with another kind, relationship or privacy, or is someone else's private record.
    Mismatch,
    /// Not a member of the relationship, or it has ended.
    NoAccess,
    /// Stamped implausibly far in the future: the device's clock is wrong.
    ClockAhead,
    /// A new record without a field it cannot be read without.
    Incomplete,
    /// A new record whose id is not the one its kind derives from its fields.
    WrongId,
    /// The record's author has as much in the relationship as the server keeps for one person;
    /// a shorter text still fits.
    Full,
}

/// The instant a field value holds: see [`Type::Time`].
pub fn instant(value: &Value) -> Option<DateTime<Utc>> {
    value
        .as_i64()
        .filter(|ms| (FIRST_INSTANT..=LAST_INSTANT).contains(ms))
        .and_then(DateTime::from_timestamp_millis)
}

/// A measure a field value holds: see [`Type::OptionalNumber`].
pub fn number(value: &Value) -> Option<f64> {
    value
        .as_f64()
        .filter(|n| n.is_finite() && n.abs() <= NUMBER_MAX)
}

/// A calendar date written `YYYY-MM-DD`, from [`FIRST_YEAR`] to [`LAST_YEAR`]. Parsed by hand:
/// chrono's format-string parser would add its whole machinery to the browser bundle for this
/// one shape.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

/// `HH:MM`, 00:00 to 23:59. Parsed by hand, as dates are.
pub fn parse_clock(text: &str) -> Option<NaiveTime> {
    let b = text.as_bytes();
    let two = |at: usize| {
        let (h, l) = (b[at], b[at + 1]);
        (h.is_ascii_digit() && l.is_ascii_digit())
            .then(|| u32::from(h - b'0') * 10 + u32::from(l - b'0'))
    };
    if b.len() != 5 || b[2] != b':' {
        return None;
    }
    NaiveTime::from_hms_opt(two(0)?, two(3)?, 0)
}

fn is_ref(value: &Value) -> bool {
    value
        .as_str()
        .is_some_and(|s| s.len() == 36 && Uuid::parse_str(s).is_ok())
}

/// Checks a value against the field's type.
pub fn check_value(
    kind: &KindSpec,
    field: &str,
    value: &Value,
) -> Result<&'static FieldSpec, Rejection> {
    let spec = kind.field(field).ok_or(Rejection::UnknownField)?;
    spec.ty.check(value).map(|()| spec)
}

/// Checks who writes `change`: `writer` is the caller's role, `stored` the record as stored
/// (none while it is being created).
pub fn check_writer(
    spec: &FieldSpec,
    change: &Change,
    writer: &str,
    stored: Option<&Stored>,
) -> Result<(), Rejection> {
    let created = stored.is_none_or(|s| s.by_writer);
    // Before an owner is known only the creator, setting the record up, stands in for one.
    let owns = match stored.and_then(|s| s.owner.as_deref()) {
        Some(owner) => owner == writer,
        None => created,
    };
    // The same write again (a replayed push) is not a second one, nor is the same value
    // written again by its writer (a record both their devices made, under one derived id).
    let first_write =
        created && stored.is_none_or(|s| s.holds || s.hlc.is_none_or(|hlc| hlc == change.hlc));
    let allowed = match spec.writer {
        Writer::Both => true,
        Writer::Owner => owns,
        Writer::OwnerOrCreator => owns || created,
        Writer::OwnRoleOnce => change.value.as_str() == Some(writer) && first_write,
        Writer::CreatorOnce => first_write,
        Writer::Author => created,
        Writer::Fixed => stored.is_none_or(|s| (s.new && s.by_writer) || s.holds),
    };
    if allowed {
        Ok(())
    } else {
        Err(Rejection::NotYours)
    }
}

/// What the server holds of the record a change is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub relationship: Uuid,
    pub kind: Kind,
    pub private: bool,
    /// Whether the one changing it wrote it first.
    pub by_writer: bool,
    /// Whether it is being made by the push this change is in.
    pub new: bool,
    /// The value of the kind's owner field, if it has one and it is set.
    pub owner: Option<String>,
    /// The stamp of the changed field's current value.
    pub hlc: Option<Hlc>,
    /// Whether the changed field already holds the change's value.
    pub holds: bool,
}

/// The role a member writes with in a relationship, given whether it has ended: theirs while it
/// lasts, and after its end only to a kind written `after_end`.
pub fn writer_of<'a>(
    membership: Option<(&'a str, bool)>,
    spec: Option<&KindSpec>,
) -> Option<&'a str> {
    let (role, ended) = membership?;
    (!ended || spec.is_some_and(|s| s.after_end)).then_some(role)
}

/// Every rule a change must pass before it is stored, in order: the writer is a member of a
/// relationship that has not ended, or of one that has for a kind written `after_end`
/// (`writer` is their role, else `None`; see [`writer_of`]), the kind is known,
/// the value fits its field, the record is the one it claims to be (kind, relationship, the
/// kind's privacy), the writer may write the field, and, last, since the clock moves with it,
/// the stamp is not implausibly far ahead (`clock_accepts`). `Ok(true)` means the change is
/// newer than what is stored and is written; `Ok(false)` that a later write already won. A
/// record made by the push then passes [`check_new`] once the whole push is decided. The
/// server and the model server of the property tests both decide with these.
pub fn admit(
    spec: Option<&KindSpec>,
    change: &Change,
    writer: Option<&str>,
    clock_accepts: impl FnOnce(Hlc) -> bool,
    stored: Option<&Stored>,
) -> Result<bool, Rejection> {
    let writer = writer.ok_or(Rejection::NoAccess)?;
    let spec = spec.ok_or(Rejection::UnknownKind)?;
    let field = check_value(spec, &change.field, &change.value)?;
    if change.private != spec.private {
        return Err(Rejection::Mismatch);
    }
    if let Some(stored) = stored {
        let same = stored.relationship == change.relationship
            && stored.kind == change.kind
            && stored.private == change.private
            && (!stored.private || stored.by_writer);
        if !same {
            return Err(Rejection::Mismatch);
        }
    }
    check_writer(field, change, writer, stored)?;
    // Last: the clock moves with the stamp, so only a change that passed everything else may
    // move it (a refused one must not push everyone's clock ahead).
    if !clock_accepts(change.hlc) {
        return Err(Rejection::ClockAhead);
    }
    Ok(wins(change.hlc, stored.and_then(|s| s.hlc)))
}

/// The rules a record made by a push must pass once every change of the push is decided:
/// every field it cannot be read without is set (`value` gives a field's value), and a derived
/// id is the one its kind derives from the relationship, those fields and the role of its
/// maker (`creator`). Otherwise all of the push's changes to it are refused: the server never
/// keeps a record that no page could show.
pub fn check_new(
    spec: &KindSpec,
    id: Uuid,
    relationship: Uuid,
    creator: &str,
    value: impl Fn(&str) -> Option<Value>,
) -> Result<(), Rejection> {
    let missing = spec
        .fields
        .iter()
        .any(|f| f.ty.required() && value(f.name).is_none_or(|v| f.ty.check(&v).is_err()));
    if missing {
        return Err(Rejection::Incomplete);
    }
    let alternatives = match spec.id {
        IdRule::Random => &[][..],
        IdRule::Derived(alternatives) => alternatives,
    };
    'alternatives: for parts in alternatives {
        let mut texts: Vec<String> = Vec::with_capacity(parts.len());
        for part in *parts {
            match part {
                Part::Field(name) => match value(name) {
                    Some(Value::String(text)) => texts.push(text),
                    _ => continue 'alternatives,
                },
                Part::WriterRole => texts.push(creator.to_owned()),
            }
        }
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        return if spec.derived_id(relationship, &texts) == id {
            Ok(())
        } else {
            Err(Rejection::WrongId)
        };
    }
    if id.get_version_num() == 7 {
        Ok(())
    } else {
        Err(Rejection::WrongId)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NodeId;
    use serde_json::json;

    const TASK: KindSpec = KindSpec {
        kind: Kind::named("task"),
        fields: &[
            spec("title", Type::Text { max: 20 }, Writer::Both),
            spec("note", Type::Notes { max: 20 }, Writer::Both),
            spec("who", Type::OneOf(&["mentor", "mentee"]), Writer::Both),
            spec(
                "by",
                Type::OneOf(&["mentor", "mentee"]),
                Writer::OwnRoleOnce,
            ),
            spec("due", Type::OptionalDate, Writer::Both),
            spec("done_at", Type::OptionalTime, Writer::Owner),
            spec("created_at", Type::Time, Writer::Both),
            spec("target", Type::OptionalNumber, Writer::Both),
            spec("parent", Type::Ref, Writer::Both),
            spec("link", Type::OptionalRef, Writer::Both),
            spec("signed", Type::Notes { max: 20 }, Writer::CreatorOnce),
            spec("often", Type::OptionalOneOf(&["weekly"]), Writer::Both),
            spec("at", Type::OptionalClock, Writer::Both),
            spec(DELETED, Type::Bool, Writer::Both),
        ],
        private: false,
        id: IdRule::Random,
        owner: Some("who"),
        label: Some("title"),
        after_end: false,
    };

    #[test]
    fn an_ended_relationship_takes_writes_only_to_a_kind_written_after_its_end() {
        let closing = KindSpec {
            after_end: true,
            ..TASK
        };
        assert_eq!(
            writer_of(Some(("mentee", false)), Some(&TASK)),
            Some("mentee")
        );
        assert_eq!(writer_of(Some(("mentee", true)), Some(&TASK)), None);
        assert_eq!(
            writer_of(Some(("mentee", true)), Some(&closing)),
            Some("mentee")
        );
        assert_eq!(writer_of(None, Some(&closing)), None);
    }

    #[test]
    fn numbers_are_finite_and_bounded_and_refs_are_record_ids() {
        let ok = |f: &str, v: Value| check_value(&TASK, f, &v).map(|_| ());
        assert_eq!(ok("target", json!(6)), Ok(()));
        assert_eq!(ok("target", json!(-79.5)), Ok(()));
        assert_eq!(ok("target", json!(null)), Ok(()));
        assert_eq!(ok("target", json!("6")), Err(Rejection::WrongType));
        assert_eq!(ok("target", json!(2e9)), Err(Rejection::WrongType));
        assert_eq!(ok("parent", json!(Uuid::from_u128(5).to_string())), Ok(()));
        assert_eq!(ok("parent", json!("not-an-id")), Err(Rejection::WrongType));
        assert_eq!(ok("parent", json!(null)), Err(Rejection::WrongType));
        assert_eq!(ok("link", json!(null)), Ok(()));
        assert_eq!(ok("link", json!(Uuid::from_u128(5).to_string())), Ok(()));
        assert_eq!(ok("link", json!("not-an-id")), Err(Rejection::WrongType));
    }

    #[test]
    fn an_optional_choice_may_be_unmade_and_a_clock_time_is_hh_mm() {
        let ok = |f: &str, v: Value| check_value(&TASK, f, &v).map(|_| ());
        assert_eq!(ok("often", json!(null)), Ok(()));
        assert_eq!(ok("often", json!("weekly")), Ok(()));
        assert_eq!(ok("often", json!("daily")), Err(Rejection::WrongType));
        for good in ["00:00", "09:30", "23:59"] {
            assert_eq!(ok("at", json!(good)), Ok(()), "{good}");
        }
        for bad in ["24:00", "9:30", "09:60", "09-30", "+9:30", "0930", "aa:bb"] {
            assert_eq!(ok("at", json!(bad)), Err(Rejection::WrongType), "{bad}");
        }
        assert_eq!(ok("at", json!(null)), Ok(()));
    }

    fn change(field: &str, value: Value) -> Change {
        Change {
            record: Uuid::from_u128(1),
            relationship: Uuid::from_u128(2),
            kind: TASK.kind.clone(),
            private: false,
            field: field.to_owned(),
            value,
            hlc: Hlc {
                millis: 10,
                counter: 0,
                node: NodeId(1),
            },
        }
    }

    fn stored(owner: Option<&str>) -> Stored {
        Stored {
            relationship: Uuid::from_u128(2),
            kind: TASK.kind.clone(),
            private: false,
            by_writer: false,
            new: false,
            owner: owner.map(str::to_owned),
            hlc: None,
            holds: false,
        }
    }

    #[test]
    fn values_are_checked_by_the_type_their_kind_declares() {
        let ok = |f: &str, v: Value| check_value(&TASK, f, &v).map(|_| ());
        assert_eq!(ok("title", json!("Read chapter 3")), Ok(()));
        assert_eq!(ok("title", json!("  ")), Err(Rejection::Empty));
        assert_eq!(
            ok("title", json!("x".repeat(21))),
            Err(Rejection::TooLong(20))
        );
        assert_eq!(ok("title", json!(3)), Err(Rejection::WrongType));
        assert_eq!(ok("title", json!("a\u{7}b")), Err(Rejection::WrongType));
        assert_eq!(ok("note", json!("")), Ok(()));
        assert_eq!(ok("note", json!("line\nline")), Ok(()));
        assert_eq!(ok("who", json!("mentee")), Ok(()));
        assert_eq!(ok("who", json!("boss")), Err(Rejection::WrongType));
        assert_eq!(ok("due", json!(null)), Ok(()));
        assert_eq!(ok("due", json!("2026-12-01")), Ok(()));
        assert_eq!(ok("due", json!("2026-13-01")), Err(Rejection::WrongType));
        assert_eq!(ok("done_at", json!(1_795_766_400_000_i64)), Ok(()));
        assert_eq!(ok("done_at", json!(null)), Ok(()));
        for bad in [json!("2026-11-27T08:00:00Z"), json!(1.5), json!(i64::MAX)] {
            assert_eq!(
                ok("done_at", bad.clone()),
                Err(Rejection::WrongType),
                "{bad}"
            );
        }
        assert_eq!(ok("created_at", json!(null)), Err(Rejection::WrongType));
        assert_eq!(ok(DELETED, json!(true)), Ok(()));
        assert_eq!(ok("colour", json!("red")), Err(Rejection::UnknownField));
    }

    #[test]
    fn a_field_written_once_takes_the_same_value_again_from_its_writer_only() {
        let spec = TASK.field("by").unwrap();
        let again = |by_writer, holds| Stored {
            by_writer,
            new: false,
            hlc: Some(Hlc {
                millis: 5,
                counter: 0,
                node: NodeId(2),
            }),
            holds,
            ..stored(None)
        };
        let by_mentor = change("by", json!("mentor"));
        // The record both of the writer's devices made under one id: the same value again.
        assert_eq!(
            check_writer(spec, &by_mentor, "mentor", Some(&again(true, true))),
            Ok(())
        );
        assert_eq!(
            check_writer(spec, &by_mentor, "mentor", Some(&again(true, false))),
            Err(Rejection::NotYours)
        );
        assert_eq!(
            check_writer(spec, &by_mentor, "mentor", Some(&again(false, true))),
            Err(Rejection::NotYours)
        );
    }

    #[test]
    fn a_refused_change_never_reaches_the_clock() {
        let title = Change {
            record: Uuid::from_u128(1),
            relationship: Uuid::from_u128(2),
            kind: TASK.kind.clone(),
            private: false,
            field: "title".into(),
            value: json!("Read"),
            hlc: Hlc {
                millis: 10,
                counter: 0,
                node: NodeId(1),
            },
        };
        let elsewhere = Stored {
            relationship: Uuid::from_u128(3),
            kind: TASK.kind.clone(),
            private: false,
            by_writer: true,
            new: false,
            owner: None,
            hlc: None,
            holds: false,
        };
        let clock = |_| panic!("the clock saw a refused change");
        assert_eq!(
            admit(Some(&TASK), &title, Some("mentor"), clock, Some(&elsewhere)),
            Err(Rejection::Mismatch)
        );
        let by_partner = Change {
            field: "by".into(),
            value: json!("mentee"),
            ..title
        };
        assert_eq!(
            admit(Some(&TASK), &by_partner, Some("mentor"), clock, None),
            Err(Rejection::NotYours)
        );
    }

    #[test]
    fn dates_are_calendar_days() {
        assert_eq!(
            parse_date("2026-02-28"),
            NaiveDate::from_ymd_opt(2026, 2, 28)
        );
        for bad in [
            "2026-02-30",
            "2026-2-28",
            "26-02-28",
            "2026-02-28-1",
            "",
            "yyyy-mm-dd",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_the_owner_writes_an_owner_field() {
        let tick = change("done_at", json!(1_795_766_400_000_i64));
        let admit_as = |writer, owner| {
            admit(
                Some(&TASK),
                &tick,
                Some(writer),
                |_| true,
                Some(&stored(owner)),
            )
        };
        assert_eq!(admit_as("mentee", Some("mentee")), Ok(true));
        assert_eq!(admit_as("mentor", Some("mentee")), Err(Rejection::NotYours));
        assert_eq!(
            admit_as("mentor", None),
            Err(Rejection::NotYours),
            "no owner yet: only the creator stands in"
        );
        let by_creator = Stored {
            by_writer: true,
            new: false,
            ..stored(None)
        };
        assert_eq!(
            admit(
                Some(&TASK),
                &tick,
                Some("mentor"),
                |_| true,
                Some(&by_creator)
            ),
            Ok(true),
            "no owner yet: the creator is setting it up"
        );
        let rename = change("title", json!("x"));
        assert_eq!(
            admit(
                Some(&TASK),
                &rename,
                Some("mentor"),
                |_| true,
                Some(&stored(Some("mentee")))
            ),
            Ok(true)
        );
    }

    #[test]
    fn a_created_by_field_names_the_writer() {
        let by = |value: &str| change("by", json!(value));
        assert_eq!(
            admit(Some(&TASK), &by("mentor"), Some("mentor"), |_| true, None),
            Ok(true)
        );
        assert_eq!(
            admit(Some(&TASK), &by("mentee"), Some("mentor"), |_| true, None),
            Err(Rejection::NotYours)
        );
    }

    #[test]
    fn a_field_written_once_by_its_creator_is_never_rewritten() {
        let signed = change("signed", json!("terms"));
        let mut mine = stored(None);
        mine.by_writer = true;
        assert_eq!(
            admit(Some(&TASK), &signed, Some("mentor"), |_| true, None),
            Ok(true)
        );
        assert_eq!(
            admit(
                Some(&TASK),
                &signed,
                Some("mentee"),
                |_| true,
                Some(&stored(None))
            ),
            Err(Rejection::NotYours),
            "not by the partner"
        );
        mine.hlc = Some(signed.hlc);
        assert_eq!(
            admit(Some(&TASK), &signed, Some("mentor"), |_| true, Some(&mine)),
            Ok(false),
            "the same write replayed is no second one"
        );
        let mut later = change("signed", json!("other terms"));
        later.hlc.millis += 1;
        assert_eq!(
            admit(Some(&TASK), &later, Some("mentor"), |_| true, Some(&mine)),
            Err(Rejection::NotYours),
            "not by the creator either, later"
        );
    }

    #[test]
    fn a_change_is_refused_for_the_first_rule_it_breaks() {
        let title = change("title", json!("x"));
        let yes = |_| true;
        assert_eq!(
            admit(Some(&TASK), &title, None, yes, None),
            Err(Rejection::NoAccess)
        );
        assert_eq!(
            admit(None, &title, Some("mentor"), yes, None),
            Err(Rejection::UnknownKind)
        );
        assert_eq!(
            admit(
                Some(&TASK),
                &change("title", json!("")),
                Some("mentor"),
                |_| false,
                None
            ),
            Err(Rejection::Empty)
        );
        assert_eq!(
            admit(Some(&TASK), &title, Some("mentor"), |_| false, None),
            Err(Rejection::ClockAhead)
        );
        let elsewhere = Stored {
            relationship: Uuid::from_u128(3),
            ..stored(None)
        };
        assert_eq!(
            admit(Some(&TASK), &title, Some("mentor"), yes, Some(&elsewhere)),
            Err(Rejection::Mismatch)
        );
        let someone_elses_private = Stored {
            private: true,
            ..stored(None)
        };
        let private_title = Change {
            private: true,
            ..title.clone()
        };
        assert_eq!(
            admit(
                Some(&TASK),
                &private_title,
                Some("mentor"),
                yes,
                Some(&someone_elses_private)
            ),
            Err(Rejection::Mismatch)
        );
    }

    #[test]
    fn an_older_or_replayed_change_is_acknowledged_without_a_write() {
        let title = change("title", json!("x"));
        let newer = Stored {
            hlc: Some(title.hlc),
            ..stored(None)
        };
        assert_eq!(
            admit(Some(&TASK), &title, Some("mentor"), |_| true, Some(&newer)),
            Ok(false)
        );
    }

    const NOTE_OF: KindSpec = KindSpec {
        kind: Kind::named("note_of"),
        fields: &[
            spec("session", Type::Ref, Writer::Fixed),
            spec("text", Type::Notes { max: 20 }, Writer::Author),
        ],
        private: false,
        id: IdRule::Derived(&[&[Part::Field("session"), Part::WriterRole]]),
        owner: None,
        label: None,
        after_end: false,
    };

    fn note_of(field: &str, value: Value) -> Change {
        Change {
            kind: NOTE_OF.kind.clone(),
            ..change(field, value)
        }
    }

    #[test]
    fn dates_instants_and_whole_numbers_have_ranges_a_person_would_accept() {
        let ty = |t: Type, v: Value| t.check(&v);
        for bad in [
            "+999-+1-+1",
            "0000-01-01",
            "1999-12-31",
            "2200-01-01",
            "2026-1-01",
        ] {
            assert_eq!(
                ty(Type::Date, json!(bad)),
                Err(Rejection::WrongType),
                "{bad}"
            );
        }
        assert_eq!(ty(Type::Date, json!("2026-12-03")), Ok(()));
        assert_eq!(ty(Type::Date, json!(null)), Err(Rejection::WrongType));
        for bad in [json!(0), json!(-1), json!(8_000_000_000_000_i64)] {
            assert_eq!(
                ty(Type::Time, bad.clone()),
                Err(Rejection::WrongType),
                "{bad}"
            );
        }
        let minutes = Type::OptionalInt { min: 1, max: 600 };
        for bad in [
            json!(1_000_000_000),
            json!(-5),
            json!(0.001),
            json!(0),
            json!(601),
        ] {
            assert_eq!(ty(minutes, bad.clone()), Err(Rejection::WrongType), "{bad}");
        }
        assert_eq!(ty(minutes, json!(60)), Ok(()));
        assert_eq!(ty(minutes, json!(null)), Ok(()));
    }

    #[test]
    fn a_one_line_text_that_shows_nothing_or_breaks_the_line_is_refused() {
        let title = Type::Text { max: 20 };
        assert_eq!(
            title.check(&json!("\u{00AD}\u{00AD}")),
            Err(Rejection::Blank)
        );
        assert_eq!(
            title.check(&json!("\u{E0041}\u{E0042}")),
            Err(Rejection::Blank)
        );
        assert_eq!(title.check(&json!("\u{2800}")), Err(Rejection::Blank));
        assert_eq!(title.check(&json!("a\u{2028}b")), Err(Rejection::WrongType));
        assert_eq!(
            Type::Notes { max: 20 }.check(&json!("a\nb")),
            Ok(()),
            "notes hold lines"
        );
    }

    #[test]
    fn a_kinds_privacy_is_the_kinds_not_the_clients() {
        let private_task = Change {
            private: true,
            ..change("title", json!("x"))
        };
        assert_eq!(
            admit(Some(&TASK), &private_task, Some("mentor"), |_| true, None),
            Err(Rejection::Mismatch)
        );
    }

    #[test]
    fn a_record_of_ones_own_is_written_by_its_author_only() {
        let text = note_of("text", json!("mine"));
        let by_partner = Stored {
            kind: NOTE_OF.kind.clone(),
            ..stored(None)
        };
        assert_eq!(
            admit(
                Some(&NOTE_OF),
                &text,
                Some("mentor"),
                |_| true,
                Some(&by_partner)
            ),
            Err(Rejection::NotYours)
        );
        let by_me = Stored {
            by_writer: true,
            ..by_partner
        };
        assert_eq!(
            admit(
                Some(&NOTE_OF),
                &text,
                Some("mentor"),
                |_| true,
                Some(&by_me)
            ),
            Ok(true)
        );
    }

    #[test]
    fn a_fixed_field_is_set_when_the_record_is_made_and_never_changed() {
        let session = |n: u128| note_of("session", json!(Uuid::from_u128(n).to_string()));
        let made = |new, holds| Stored {
            kind: NOTE_OF.kind.clone(),
            by_writer: true,
            new,
            holds,
            ..stored(None)
        };
        let fixed = NOTE_OF.field("session").unwrap();
        assert_eq!(check_writer(fixed, &session(7), "mentor", None), Ok(()));
        assert_eq!(
            check_writer(fixed, &session(7), "mentor", Some(&made(true, false))),
            Ok(())
        );
        assert_eq!(
            check_writer(fixed, &session(8), "mentor", Some(&made(false, false))),
            Err(Rejection::NotYours),
            "not later"
        );
        let partners = Stored {
            by_writer: false,
            ..made(false, true)
        };
        assert_eq!(
            check_writer(fixed, &session(7), "mentee", Some(&partners)),
            Ok(()),
            "the same value again is no change"
        );
    }

    #[test]
    fn a_new_record_must_be_whole_and_its_derived_id_its_own() {
        let relationship = Uuid::from_u128(2);
        let session = Uuid::from_u128(7).to_string();
        let id = NOTE_OF.derived_id(relationship, &[&session, "mentee"]);
        let fields = |f: &str| (f == "session").then(|| json!(session));
        assert_eq!(
            check_new(&NOTE_OF, id, relationship, "mentee", fields),
            Ok(())
        );
        assert_eq!(
            check_new(&NOTE_OF, id, relationship, "mentor", fields),
            Err(Rejection::WrongId),
            "the mentor cannot make the mentee's record"
        );
        assert_eq!(
            check_new(&NOTE_OF, id, Uuid::from_u128(3), "mentee", fields),
            Err(Rejection::WrongId),
            "nor anyone from another relationship"
        );
        assert_eq!(
            check_new(&NOTE_OF, id, relationship, "mentee", |_| None),
            Err(Rejection::Incomplete)
        );
    }

    #[test]
    fn a_record_whose_id_is_not_derived_has_an_id_made_by_a_device_and_none_a_kind_derives() {
        let relationship = Uuid::from_u128(2);
        let fields = |f: &str| match f {
            "title" => Some(json!("Read")),
            "who" => Some(json!("mentee")),
            "by" => Some(json!("mentee")),
            "created_at" => Some(json!(1_795_766_400_000_i64)),
            "parent" => Some(json!(Uuid::from_u128(5).to_string())),
            _ => None,
        };
        let made_by_a_device = Uuid::from_u128(0x0190_a0b0_0000_7000_8000_0000_0000_0001);
        assert_eq!(
            check_new(&TASK, made_by_a_device, relationship, "mentee", fields),
            Ok(())
        );
        let someone_elses = NOTE_OF.derived_id(relationship, &["x", "mentee"]);
        assert_eq!(
            check_new(&TASK, someone_elses, relationship, "mentee", fields),
            Err(Rejection::WrongId)
        );
    }
}
