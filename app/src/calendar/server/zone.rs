//! A time zone as iCalendar describes it (`VTIMEZONE`): each change of its offset over the
//! years a calendar's sessions span, read from the IANA database.

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use ics::{properties::TzName, Daylight, Standard, TimeZone as Vtimezone};

/// Local times as iCalendar writes them.
pub const LOCAL: &str = "%Y%m%dT%H%M%S";

/// `zone` from a year before `from` to a year after `to`: the offset in force at the start,
/// then one observance per change.
pub fn vtimezone(zone: Tz, from: NaiveDateTime, to: NaiveDateTime) -> Vtimezone<'static> {
    let start = (from - Duration::days(366)).and_utc();
    let end = (to + Duration::days(366)).and_utc();
    let mut changes = vec![start];
    // Offsets change at most a few times a year and never twice within a day: a day's step
    // finds every change, and halving finds its second.
    let mut day = start;
    while day < end {
        let next = day + Duration::days(1);
        if total(zone, day) != total(zone, next) {
            changes.push(change_between(zone, day, next));
        }
        day = next;
    }
    let mut observances = changes.into_iter().map(|at| {
        let before = zone.offset_from_utc_datetime(&(at - Duration::seconds(1)).naive_utc());
        let after = zone.offset_from_utc_datetime(&at.naive_utc());
        // The onset in the local time it replaces, as RFC 5545 asks.
        let onset = (at.naive_utc() + Duration::seconds(before.fix().local_minus_utc().into()))
            .format(LOCAL)
            .to_string();
        let (from, to) = (
            offset_text(before.fix().local_minus_utc()),
            offset_text(after.fix().local_minus_utc()),
        );
        let name = after.abbreviation().map(str::to_owned);
        if after.dst_offset().is_zero() {
            let mut standard = Standard::new(onset, from, to);
            if let Some(name) = name {
                standard.push(TzName::new(name));
            }
            Observance::Standard(standard)
        } else {
            let mut daylight = Daylight::new(onset, from, to);
            if let Some(name) = name {
                daylight.push(TzName::new(name));
            }
            Observance::Daylight(daylight)
        }
    });
    let mut vtimezone = match observances.next() {
        Some(Observance::Standard(s)) => Vtimezone::standard(zone.name(), s),
        Some(Observance::Daylight(d)) => Vtimezone::daylight(zone.name(), d),
        None => unreachable!("the start is always an observance"),
    };
    for observance in observances {
        match observance {
            Observance::Standard(s) => vtimezone.add_standard(s),
            Observance::Daylight(d) => vtimezone.add_daylight(d),
        }
    }
    vtimezone
}

enum Observance {
    Standard(Standard<'static>),
    Daylight(Daylight<'static>),
}

fn total(zone: Tz, at: DateTime<Utc>) -> i32 {
    zone.offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc()
}

/// The first second in `(low, high]` with `high`'s offset.
fn change_between(zone: Tz, low: DateTime<Utc>, high: DateTime<Utc>) -> DateTime<Utc> {
    let after = total(zone, high);
    let at = |second: i64| DateTime::from_timestamp(second, 0).unwrap_or(high);
    let (mut low, mut high) = (low.timestamp(), high.timestamp());
    while high - low > 1 {
        let middle = low + (high - low) / 2;
        if total(zone, at(middle)) == after {
            high = middle;
        } else {
            low = middle;
        }
    }
    at(high)
}

/// `+0100`, `-0330`; seconds only when there are some (`+001952`, Amsterdam before 1937).
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, rest) = (s / 3600, s % 3600 / 60, s % 60);
    if rest == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{rest:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_written_as_hours_and_minutes_with_a_sign() {
        assert_eq!(offset_text(3600), "+0100");
        assert_eq!(offset_text(-12_600), "-0330");
        assert_eq!(offset_text(0), "+0000");
        assert_eq!(offset_text(1172), "+001932");
    }

    #[test]
    fn the_spring_change_in_amsterdam_is_found_to_the_second() {
        let zone: Tz = "Europe/Amsterdam".parse().unwrap();
        let day = |d| {
            chrono::NaiveDate::from_ymd_opt(2027, 3, d)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
                .and_utc()
        };
        let at = change_between(zone, day(28), day(29));
        assert_eq!(at.to_rfc3339(), "2027-03-28T01:00:00+00:00");
    }
}
