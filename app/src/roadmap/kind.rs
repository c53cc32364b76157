//! Sessions: the meetings of a relationship, with their time, length, place and theme.
//!
//! A session's day and time are the pair's wall-clock time, as the agreement states its meeting
//! time: 18:00 stays 18:00 across a change to or from summer time.

use crate::sync::{
    declare::{Date, Instant, Notes, OptClock, OptInt, RecordKind},
    replica::Replica,
    schema::IdRule,
};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use uuid::Uuid;

pub const THEME_MAX: usize = 200;
pub const PLACE_MAX: usize = 300;
/// The longest a session can be, in minutes: a working day.
pub const MINUTES_MAX: u32 = 600;

crate::sync::record_kind! {
    /// A meeting of the pair; both plan and edit it. Every session has its day: one whose day
    /// is still to be decided is not planned yet.
    pub struct Session {
        kind: "session",
        fields: Field,
        writes: SessionSet,
        private: false,
        deletable: true,
        id: IdRule::Random,
        owner: [],
        label: [Theme],
    }
    required {
        date Date: Date = Both,
        created_at CreatedAt: Instant = Both,
    }
    optional {
        /// None: the day, from midnight.
        time Time: OptClock = Both,
        minutes Minutes: OptInt<1, MINUTES_MAX> = Both,
        place Place: Notes<PLACE_MAX> = Both,
        theme Theme: Notes<THEME_MAX> = Both,
    }
}

impl Session {
    pub fn starts(&self) -> NaiveDateTime {
        self.date.and_time(self.time.unwrap_or(NaiveTime::MIN))
    }

    pub fn ends(&self) -> NaiveDateTime {
        self.starts() + Duration::minutes(i64::from(self.minutes.unwrap_or(0)))
    }

    /// Over by `now` (the pair's wall-clock time). Without a time, once its day is over: on
    /// the day itself it is still to come.
    pub fn is_past(&self, now: NaiveDateTime) -> bool {
        match self.time {
            Some(_) => self.ends() <= now,
            None => self.date < now.date(),
        }
    }

    pub fn day(&self) -> NaiveDate {
        self.date
    }
}

/// A relationship's sessions in the order they happen.
pub fn read_all(replica: &Replica, relationship: Uuid) -> Vec<Session> {
    let mut sessions: Vec<Session> = replica
        .of(relationship, &Session::SPEC.kind)
        .filter_map(|(id, r)| Session::read(*id, r))
        .collect();
    sessions.sort_by_key(|s| (s.starts(), s.created_at, s.id));
    sessions
}

/// The sessions that overlap `session`'s time (a warning, not a rule: people may double-book).
pub fn overlapping<'a>(sessions: &'a [Session], session: &Session) -> Vec<&'a Session> {
    sessions
        .iter()
        .filter(|other| other.id != session.id)
        .filter(|other| {
            let (a, b) = (session.starts(), session.ends().max(session.starts()));
            let (c, d) = (other.starts(), other.ends().max(other.starts()));
            // Two without a length overlap only when they start together.
            (a < d && c < b) || a == c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::{
        declare::{changes, deletion},
        schema::{check_value, parse_clock, parse_date},
        Hlc, NodeId, Rejection,
    };
    use chrono::DateTime;
    use serde_json::json;

    fn stamp(millis: u64) -> Hlc {
        Hlc {
            millis,
            counter: 0,
            node: NodeId(1),
        }
    }

    fn session(r: &mut Replica, id: u128, date: &str, time: &str, minutes: u32) {
        let made = DateTime::from_timestamp_millis(1_795_766_400_000).unwrap();
        let mut writes = Session::new(parse_date(date).unwrap(), made);
        writes.push(SessionSet::Time(parse_clock(time)));
        writes.push(SessionSet::Minutes(Some(minutes)));
        for change in changes(Uuid::from_u128(id), Uuid::from_u128(9), writes, stamp(1)) {
            r.apply(&change);
        }
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
        r.apply(&deletion::<Session>(
            Uuid::from_u128(3),
            Uuid::from_u128(9),
            stamp(2),
        ));
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
            check_value(Session::SPEC, "theme", &json!("x".repeat(THEME_MAX + 1))).err(),
            Some(Rejection::TooLong(THEME_MAX))
        );
        assert_eq!(
            check_value(Session::SPEC, "minutes", &json!("an hour")).err(),
            Some(Rejection::WrongType)
        );
    }
}
