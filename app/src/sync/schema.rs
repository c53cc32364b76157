//! Record kinds, their fields, and the rules a change must pass before the server stores it.

use crate::domain::Role;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    ActionItem,
}

/// The shape a field's value must have. Every text has a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// Trimmed, non-empty, at most `max` characters.
    Text {
        max: usize,
    },
    /// May be empty.
    Notes {
        max: usize,
    },
    Role,
    /// `YYYY-MM-DD` or null.
    OptionalDate,
    /// An instant as whole milliseconds since 1970 (UTC), or null. A number rather than
    /// RFC 3339 text: nothing to parse, in the browser bundle or anywhere else.
    OptionalTime,
    /// An instant, as for `OptionalTime`.
    Time,
    Bool,
}

/// Who may write a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writer {
    /// Either member.
    Both,
    /// Only the member whose role is the record's `owner` field: you tick your own items.
    Owner,
    /// Either member, writing their own role: "created by" cannot name the other person.
    OwnRole,
}

#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    pub name: &'static str,
    pub ty: Type,
    pub writer: Writer,
}

const fn spec(name: &'static str, ty: Type, writer: Writer) -> FieldSpec {
    FieldSpec { name, ty, writer }
}

/// The tombstone: records are never removed, only marked deleted, so that deletion syncs too.
pub const DELETED: &str = "deleted";

const ACTION_ITEM: &[FieldSpec] = &[
    spec("title", Type::Text { max: 200 }, Writer::Both),
    spec("notes", Type::Notes { max: 2000 }, Writer::Both),
    spec("owner", Type::Role, Writer::Both),
    spec("due", Type::OptionalDate, Writer::Both),
    spec("done_at", Type::OptionalTime, Writer::Owner),
    spec("created_at", Type::Time, Writer::Both),
    spec("created_by", Type::Role, Writer::OwnRole),
    spec(DELETED, Type::Bool, Writer::Both),
];

impl Kind {
    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            Kind::ActionItem => ACTION_ITEM,
        }
    }

    pub fn field(self, name: &str) -> Option<&'static FieldSpec> {
        self.fields().iter().find(|f| f.name == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::ActionItem => "action_item",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "action_item" => Some(Kind::ActionItem),
            _ => None,
        }
    }
}

/// Why the server refused a change; shown to the user beside the value they typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rejection {
    UnknownField,
    WrongType,
    Empty,
    /// More characters than this maximum.
    TooLong(usize),
    /// The field belongs to the other person (e.g. ticking their action item).
    NotYours,
    /// The record exists with another kind, relationship or privacy, or is someone else's private record.
    Mismatch,
    /// Not a member of the relationship, or it has ended.
    NoAccess,
    /// Stamped implausibly far in the future: the device's clock is wrong.
    ClockAhead,
}

/// A calendar date written `YYYY-MM-DD`. Parsed by hand: chrono's format-string parser
/// would add its whole machinery to the browser bundle for this one shape.
/// The instant a field value holds: see [`Type::Time`].
pub fn instant(value: &Value) -> Option<DateTime<Utc>> {
    value.as_i64().and_then(DateTime::from_timestamp_millis)
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Checks a value against the field's type.
pub fn check_value(
    kind: Kind,
    field: &str,
    value: &Value,
) -> Result<&'static FieldSpec, Rejection> {
    let spec = kind.field(field).ok_or(Rejection::UnknownField)?;
    let text = |max: usize, allow_empty: bool| match value {
        Value::String(s) if s.trim().is_empty() && !allow_empty => Err(Rejection::Empty),
        Value::String(s) if s.chars().count() > max => Err(Rejection::TooLong(max)),
        Value::String(s) if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') => {
            Err(Rejection::WrongType)
        }
        Value::String(_) => Ok(()),
        _ => Err(Rejection::WrongType),
    };
    let ok = match spec.ty {
        Type::Text { max } => return text(max, false).map(|_| spec),
        Type::Notes { max } => return text(max, true).map(|_| spec),
        Type::Role => value.as_str().is_some_and(|s| Role::parse(s).is_ok()),
        Type::OptionalDate => {
            value.is_null() || value.as_str().is_some_and(|s| parse_date(s).is_some())
        }
        Type::OptionalTime => value.is_null() || instant(value).is_some(),
        Type::Time => instant(value).is_some(),
        Type::Bool => value.is_boolean(),
    };
    if ok {
        Ok(spec)
    } else {
        Err(Rejection::WrongType)
    }
}

/// Checks who writes: `writer` is the caller's role, `owner` the record's current owner.
pub fn check_writer(
    spec: &FieldSpec,
    value: &Value,
    writer: Role,
    owner: Option<Role>,
) -> Result<(), Rejection> {
    match spec.writer {
        Writer::Both => Ok(()),
        Writer::OwnRole if value.as_str() == Some(writer.as_str()) => Ok(()),
        Writer::OwnRole => Err(Rejection::NotYours),
        // Before an owner is known the creator is setting the record up.
        Writer::Owner if owner.is_none_or(|o| o == writer) => Ok(()),
        Writer::Owner => Err(Rejection::NotYours),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn action_item_values_are_checked_by_type() {
        let k = Kind::ActionItem;
        assert!(check_value(k, "title", &json!("Read chapter 3")).is_ok());
        assert_eq!(
            check_value(k, "title", &json!("  ")).unwrap_err(),
            Rejection::Empty
        );
        assert_eq!(
            check_value(k, "title", &json!("x".repeat(201))).unwrap_err(),
            Rejection::TooLong(200)
        );
        assert_eq!(
            check_value(k, "title", &json!(3)).unwrap_err(),
            Rejection::WrongType
        );
        assert!(check_value(k, "notes", &json!("")).is_ok());
        assert!(check_value(k, "notes", &json!("line\nline")).is_ok());
        assert!(check_value(k, "owner", &json!("mentee")).is_ok());
        assert_eq!(
            check_value(k, "owner", &json!("boss")).unwrap_err(),
            Rejection::WrongType
        );
        assert!(check_value(k, "due", &json!(null)).is_ok());
        assert!(check_value(k, "due", &json!("2026-12-01")).is_ok());
        assert_eq!(
            check_value(k, "due", &json!("2026-13-01")).unwrap_err(),
            Rejection::WrongType
        );
        assert!(check_value(k, "done_at", &json!(1_795_766_400_000_i64)).is_ok());
        assert!(check_value(k, "done_at", &json!(null)).is_ok());
        for bad in [json!("2026-11-27T08:00:00Z"), json!(1.5), json!(i64::MAX)] {
            assert_eq!(
                check_value(k, "done_at", &bad).unwrap_err(),
                Rejection::WrongType,
                "{bad}"
            );
        }
        assert_eq!(
            check_value(k, "created_at", &json!(null)).unwrap_err(),
            Rejection::WrongType
        );
        assert!(check_value(k, DELETED, &json!(true)).is_ok());
        assert_eq!(
            check_value(k, "colour", &json!("red")).unwrap_err(),
            Rejection::UnknownField
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
    fn only_the_owner_ticks_an_item() {
        let done = Kind::ActionItem.field("done_at").unwrap();
        let now = json!("2026-11-27T08:00:00Z");
        assert!(check_writer(done, &now, Role::Mentee, Some(Role::Mentee)).is_ok());
        assert_eq!(
            check_writer(done, &now, Role::Mentor, Some(Role::Mentee)),
            Err(Rejection::NotYours)
        );
        let title = Kind::ActionItem.field("title").unwrap();
        assert!(check_writer(title, &json!("x"), Role::Mentor, Some(Role::Mentee)).is_ok());
    }

    #[test]
    fn created_by_names_the_writer() {
        let by = Kind::ActionItem.field("created_by").unwrap();
        assert!(check_writer(by, &json!("mentor"), Role::Mentor, None).is_ok());
        assert_eq!(
            check_writer(by, &json!("mentee"), Role::Mentor, None),
            Err(Rejection::NotYours)
        );
    }
}
