//! Sessions: the meetings of a relationship, with their time, length, place and theme.
//!
//! A session's day and time are the pair's wall-clock time, as the agreement states its meeting
//! time: 18:00 stays 18:00 across a change to or from summer time.

use crate::sync::{
    replica::{Record, Replica},
    schema::{instant, parse_date, spec, KindSpec, Type, Writer, DELETED},
    Kind,
};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde_json::Value;
use uuid::Uuid;

/// The fields of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Date,
    Time,
    Minutes,
    Place,
    Theme,
    CreatedAt,
}

impl Field {
    pub const fn name(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::Time => "time",
            Field::Minutes => "minutes",
            Field::Place => "place",
            Field::Theme => "theme",
            Field::CreatedAt => "created_at",
        }
    }
}

pub const THEME_MAX: usize = 200;
pub const PLACE_MAX: usize = 300;
/// The longest a session can be, in minutes: a working day.
pub const MINUTES_MAX: u32 = 600;

/// A meeting of the pair; both plan and edit it.
pub const SESSION: KindSpec = KindSpec {
    kind: Kind::named("session"),
    fields: &[
        spec(Field::Date.name(), Type::OptionalDate, Writer::Both),
        spec(Field::Time.name(), Type::OptionalClock, Writer::Both),
        spec(Field::Minutes.name(), Type::OptionalNumber, Writer::Both),
        spec(
            Field::Place.name(),
            Type::Notes { max: PLACE_MAX },
            Writer::Both,
        ),
        spec(
            Field::Theme.name(),
            Type::Notes { max: THEME_MAX },
            Writer::Both,
        ),
        spec(Field::CreatedAt.name(), Type::Time, Writer::Both),
        spec(DELETED, Type::Bool, Writer::Both),
    ],
    owner: None,
    label: Some(Field::Theme.name()),
};

/// A session as this device has it.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub id: Uuid,
    pub starts: NaiveDateTime,
    pub minutes: Option<u32>,
    pub place: String,
    pub theme: String,
    created_at: Option<DateTime<Utc>>,
}

fn text(record: &Record, field: Field) -> String {
    record
        .get(field.name())
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

impl Session {
    /// A live session with its day; one without a time starts at midnight.
    pub fn read(id: Uuid, record: &Record) -> Option<Self> {
        if record.get(DELETED) == Some(&Value::Bool(true)) {
            return None;
        }
        let get = |f: Field| record.get(f.name());
        let date = parse_date(get(Field::Date)?.as_str()?)?;
        let time = get(Field::Time)
            .and_then(Value::as_str)
            .and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok())
            .unwrap_or(NaiveTime::MIN);
        Some(Self {
            id,
            starts: date.and_time(time),
            minutes: get(Field::Minutes)
                .and_then(Value::as_f64)
                .filter(|m| *m >= 1.0 && *m <= f64::from(MINUTES_MAX))
                .map(|m| m as u32),
            place: text(record, Field::Place),
            theme: text(record, Field::Theme),
            created_at: get(Field::CreatedAt).and_then(instant),
        })
    }

    pub fn ends(&self) -> NaiveDateTime {
        self.starts + Duration::minutes(i64::from(self.minutes.unwrap_or(0)))
    }

    /// Over by `now` (the pair's wall-clock time).
    pub fn is_past(&self, now: NaiveDateTime) -> bool {
        self.ends() <= now
    }

    pub fn day(&self) -> NaiveDate {
        self.starts.date()
    }
}

/// A relationship's sessions in the order they happen.
pub fn read_all(replica: &Replica, relationship: Uuid) -> Vec<Session> {
    let mut sessions: Vec<Session> = replica
        .of(relationship, &SESSION.kind)
        .filter_map(|(id, r)| Session::read(*id, r))
        .collect();
    sessions.sort_by_key(|s| (s.starts, s.created_at, s.id));
    sessions
}

/// The sessions that overlap `session`'s time (a warning, not a rule: people may double-book).
pub fn overlapping<'a>(sessions: &'a [Session], session: &Session) -> Vec<&'a Session> {
    sessions
        .iter()
        .filter(|other| other.id != session.id)
        .filter(|other| {
            let (a, b) = (session.starts, session.ends().max(session.starts));
            let (c, d) = (other.starts, other.ends().max(other.starts));
            // Two without a length overlap only when they start together.
            (a < d && c < b) || a == c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{schema::check_value, Change, Hlc, NodeId, Rejection};
    use serde_json::json;

    fn write(replica: &mut Replica, id: u128, field: &str, value: Value, millis: u64) {
        replica.apply(&Change {
            record: Uuid::from_u128(id),
            relationship: Uuid::from_u128(9),
            kind: SESSION.kind.clone(),
            private: false,
            field: field.to_owned(),
            value,
            hlc: Hlc {
                millis,
                counter: 0,
                node: NodeId(1),
            },
        });
    }

    fn session(r: &mut Replica, id: u128, date: &str, time: &str, minutes: u32) {
        write(r, id, "date", json!(date), 1);
        write(r, id, "time", json!(time), 1);
        write(r, id, "minutes", json!(minutes), 1);
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn sessions_read_in_the_order_they_happen_and_a_deleted_one_is_gone() {
        let mut r = Replica::default();
        session(&mut r, 1, "2026-03-10", "18:00", 60);
        session(&mut r, 2, "2026-03-03", "18:00", 60);
        session(&mut r, 3, "2026-03-17", "18:00", 60);
        write(&mut r, 3, DELETED, json!(true), 2);
        let sessions = read_all(&r, Uuid::from_u128(9));
        let ids: Vec<u128> = sessions.iter().map(|s| s.id.as_u128()).collect();
        assert_eq!(ids, [2, 1]);
        assert_eq!(sessions[0].ends(), at("2026-03-03 19:00"));
    }

    #[test]
    fn a_session_is_past_once_it_has_ended() {
        let mut r = Replica::default();
        session(&mut r, 1, "2026-03-10", "18:00", 60);
        let s = &read_all(&r, Uuid::from_u128(9))[0];
        assert!(!s.is_past(at("2026-03-10 18:30")));
        assert!(s.is_past(at("2026-03-10 19:00")));
    }

    #[test]
    fn overlapping_sessions_are_found_and_back_to_back_ones_are_not() {
        let mut r = Replica::default();
        session(&mut r, 1, "2026-03-10", "18:00", 60);
        session(&mut r, 2, "2026-03-10", "18:30", 60);
        session(&mut r, 3, "2026-03-10", "19:30", 30);
        let sessions = read_all(&r, Uuid::from_u128(9));
        let ids = |s: &Session| -> Vec<u128> {
            overlapping(&sessions, s)
                .iter()
                .map(|o| o.id.as_u128())
                .collect()
        };
        assert_eq!(ids(&sessions[0]), [2]);
        assert_eq!(ids(&sessions[1]), [1]);
        assert!(ids(&sessions[2]).is_empty(), "19:30 starts as 2 ends");
    }

    #[test]
    fn a_theme_or_place_has_a_limit_and_minutes_are_a_number() {
        assert_eq!(
            check_value(&SESSION, "theme", &json!("x".repeat(THEME_MAX + 1))).err(),
            Some(Rejection::TooLong(THEME_MAX))
        );
        assert_eq!(
            check_value(&SESSION, "minutes", &json!("an hour")).err(),
            Some(Rejection::WrongType)
        );
    }
}
