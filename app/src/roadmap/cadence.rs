//! Session dates proposed from the agreement's cadence: how often, which weekday, what time.
//!
//! Dates and times are the pair's wall-clock time, so a weekly 18:00 stays 18:00 on both sides of
//! a change to or from summer time, and a monthly meeting on the 31st falls on the last day of a
//! shorter month and on the 31st again after it. Monthly meetings keep the day of the month of
//! the first one (the "monthly on the 31st"); the agreed weekday picks that first day.

use crate::agreement::{Day, Frequency, Terms};
use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// What the agreement says about meeting, complete enough to propose dates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cadence {
    pub frequency: Frequency,
    pub weekday: Weekday,
    pub time: NaiveTime,
    /// How long a session lasts.
    pub minutes: u32,
}

/// A term the agreement still needs before dates can be proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Frequency,
    Weekday,
    Time,
    Duration,
}

impl Cadence {
    /// The cadence the terms agree on, or every term still missing for one.
    pub fn from_terms(terms: &Terms) -> Result<Self, Vec<Missing>> {
        let weekday = terms.weekday.map(Day::weekday);
        match (terms.frequency, weekday, terms.time, terms.duration) {
            (Some(frequency), Some(weekday), Some(time), Some(minutes)) => Ok(Self {
                frequency,
                weekday,
                time,
                minutes,
            }),
            (frequency, weekday, time, minutes) => Err([
                (frequency.is_none(), Missing::Frequency),
                (weekday.is_none(), Missing::Weekday),
                (time.is_none(), Missing::Time),
                (minutes.is_none(), Missing::Duration),
            ]
            .into_iter()
            .filter(|(missing, _)| *missing)
            .map(|(_, term)| term)
            .collect()),
        }
    }

    /// The first day on or after `day` that falls on the agreed weekday.
    fn on_or_after(&self, day: NaiveDate) -> NaiveDate {
        let ahead =
            (7 + self.weekday.num_days_from_monday() - day.weekday().num_days_from_monday()) % 7;
        day + Days::new(u64::from(ahead))
    }

    /// The day of the first session to propose at `now`: one step of the cadence after the last
    /// session planned (`last`), else the first agreed weekday whose meeting is still to come.
    pub fn first(&self, last: Option<NaiveDate>, now: NaiveDateTime) -> NaiveDate {
        let next = last.and_then(|last| match self.frequency {
            Frequency::Weekly => Some(self.on_or_after(last.checked_add_days(Days::new(7))?)),
            Frequency::Biweekly => Some(self.on_or_after(last.checked_add_days(Days::new(14))?)),
            Frequency::Monthly => last.checked_add_months(Months::new(1)),
        });
        let today = now.date();
        let soonest = match self.on_or_after(today) {
            day if day == today && now.time() >= self.time => {
                self.on_or_after(today + Days::new(1))
            }
            day => day,
        };
        next.filter(|day| day.and_time(self.time) > now)
            .unwrap_or(soonest)
    }

    /// `count` session starts, the first on `first`, at the agreed time.
    pub fn propose(&self, first: NaiveDate, count: usize) -> Vec<NaiveDateTime> {
        (0..count as u32)
            .filter_map(|n| match self.frequency {
                Frequency::Weekly => first.checked_add_days(Days::new(7 * u64::from(n))),
                Frequency::Biweekly => first.checked_add_days(Days::new(14 * u64::from(n))),
                // From the first each time, so that the 31st is not lost after a short month.
                Frequency::Monthly => first.checked_add_months(Months::new(n)),
            })
            .map(|day| day.and_time(self.time))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::declare::Choice;

    fn terms(frequency: &str, weekday: &str, time: &str) -> Terms {
        let mut terms = crate::agreement::blank();
        terms.frequency = Frequency::parse(frequency);
        terms.weekday = Day::parse(weekday);
        terms.time = crate::sync::schema::parse_clock(time);
        terms.duration = Some(60);
        terms
    }

    fn day(d: &str) -> NaiveDate {
        NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn shown(starts: &[NaiveDateTime]) -> Vec<String> {
        starts
            .iter()
            .map(|s| s.format("%a %Y-%m-%d %H:%M").to_string())
            .collect()
    }

    #[test]
    fn weekly_sessions_keep_their_weekday_and_time_across_the_spring_change_in_amsterdam() {
        let cadence = Cadence::from_terms(&terms("weekly", "tue", "18:00")).unwrap();
        assert_eq!(cadence.minutes, 60);
        // Summer time starts in Europe/Amsterdam on Sunday 29 March 2026.
        let first = cadence.first(None, at("2026-03-20 12:00"));
        assert_eq!(
            shown(&cadence.propose(first, 3)),
            [
                "Tue 2026-03-24 18:00",
                "Tue 2026-03-31 18:00",
                "Tue 2026-04-07 18:00"
            ]
        );
    }

    #[test]
    fn sessions_every_two_weeks_keep_their_time_across_the_autumn_change_in_amsterdam() {
        let cadence = Cadence::from_terms(&terms("biweekly", "thu", "09:30")).unwrap();
        // Summer time ends in Europe/Amsterdam on Sunday 25 October 2026.
        let first = cadence.first(None, at("2026-10-14 12:00"));
        assert_eq!(
            shown(&cadence.propose(first, 3)),
            [
                "Thu 2026-10-15 09:30",
                "Thu 2026-10-29 09:30",
                "Thu 2026-11-12 09:30"
            ]
        );
    }

    #[test]
    fn monthly_on_the_31st_falls_on_the_last_day_of_a_shorter_month_and_returns_to_the_31st() {
        let cadence = Cadence::from_terms(&terms("monthly", "sat", "10:00")).unwrap();
        assert_eq!(
            shown(&cadence.propose(day("2027-01-31"), 4)),
            [
                "Sun 2027-01-31 10:00",
                "Sun 2027-02-28 10:00",
                "Wed 2027-03-31 10:00",
                "Fri 2027-04-30 10:00"
            ]
        );
    }

    #[test]
    fn the_first_proposal_is_the_next_meeting_still_to_come() {
        let cadence = Cadence::from_terms(&terms("weekly", "tue", "18:00")).unwrap();
        // Tuesday 24 March: before the meeting time it is today, after it next week.
        assert_eq!(
            cadence.first(None, at("2026-03-24 17:59")),
            day("2026-03-24")
        );
        assert_eq!(
            cadence.first(None, at("2026-03-24 18:00")),
            day("2026-03-31")
        );
        assert_eq!(
            cadence.first(None, at("2026-03-23 20:00")),
            day("2026-03-24")
        );
    }

    #[test]
    fn after_the_last_planned_session_the_first_proposal_keeps_the_rhythm() {
        let now = at("2026-03-02 09:00");
        let every = |often| Cadence::from_terms(&terms(often, "tue", "18:00")).unwrap();
        let last = Some(day("2026-03-03"));
        assert_eq!(every("weekly").first(last, now), day("2026-03-10"));
        assert_eq!(every("biweekly").first(last, now), day("2026-03-17"));
        assert_eq!(every("monthly").first(last, now), day("2026-04-03"));
        // A last session long past: from now on.
        assert_eq!(
            every("biweekly").first(Some(day("2025-06-03")), now),
            day("2026-03-03")
        );
    }

    #[test]
    fn without_a_cadence_every_missing_term_is_named() {
        assert_eq!(
            Cadence::from_terms(&crate::agreement::blank()),
            Err(vec![
                Missing::Frequency,
                Missing::Weekday,
                Missing::Time,
                Missing::Duration
            ])
        );
        let mut partial = terms("weekly", "tue", "18:00");
        partial.time = None;
        assert_eq!(Cadence::from_terms(&partial), Err(vec![Missing::Time]));
    }
}
