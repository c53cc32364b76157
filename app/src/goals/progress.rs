//! A goal's measured progress: how far it is, the pace it needs, and whether it keeps up.
//!
//! Pure functions of the goal's numbers and dates (and today), so that the page, the mentor's
//! brief and the mentee's start screen all say the same, on the server and in the browser.

use chrono::NaiveDate;

/// What a measurable goal is measured by: from `start` towards `target` (either way: "give 6
/// talks" counts up, "weight 80 → 75" counts down).
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub start: f64,
    pub target: f64,
    /// When measuring began: the goal's start.
    pub since: NaiveDate,
    /// The date the goal is to be reached by, if it has one.
    pub by: Option<NaiveDate>,
    /// Each update's date and the value it reported, in any order.
    pub updates: Vec<(NaiveDate, f64)>,
}

/// Where a goal stands today.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pace {
    /// The target is reached (before or after its date).
    Reached,
    /// At or ahead of the straight line from start to target; `ahead` by this much.
    OnTrack { ahead: f64 },
    /// Behind the straight line by this much.
    Behind { by: f64 },
    /// The date has passed and this much is still missing.
    Overdue { short: f64 },
    /// No date to keep pace with.
    NoDate,
}

impl Measure {
    /// The updates by date; two on one day stay in the order they were made.
    pub fn in_order(&self) -> Vec<(NaiveDate, f64)> {
        let mut updates = self.updates.clone();
        updates.sort_by_key(|(date, _)| *date);
        updates
    }

    /// The value now: the latest update's (by date; the later of two on one day), else the start.
    pub fn current(&self) -> f64 {
        self.value_on(NaiveDate::MAX)
    }

    /// The value as it stood at the end of `day`: the latest update until then, else the start.
    pub fn value_on(&self, day: NaiveDate) -> f64 {
        self.updates
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, (date, _))| *date <= day)
            .max_by_key(|(i, (date, _))| (*date, *i))
            .map_or(self.start, |(_, (_, value))| value)
    }

    /// +1 when the value must go up, -1 when down.
    fn direction(&self) -> f64 {
        if self.target >= self.start {
            1.0
        } else {
            -1.0
        }
    }

    /// The share of the way from start to target covered, 0 to 1 for the bar. A value that
    /// moved away from the target is 0 here; the numbers beside the bar show it as it is.
    pub fn fraction(&self) -> f64 {
        let span = self.target - self.start;
        if span == 0.0 {
            // Nothing to cover: full once reached, as the pace says.
            return if self.current() >= self.target {
                1.0
            } else {
                0.0
            };
        }
        ((self.current() - self.start) / span).clamp(0.0, 1.0)
    }

    /// Where the straight line from start to target is on `day`.
    pub fn expected(&self, day: NaiveDate) -> Option<f64> {
        let by = self.by?;
        let total = (by - self.since).num_days();
        if total <= 0 {
            return Some(self.target);
        }
        let done = (day - self.since).num_days().clamp(0, total);
        Some(self.start + (self.target - self.start) * done as f64 / total as f64)
    }

    pub fn pace(&self, today: NaiveDate) -> Pace {
        let (current, direction) = (self.current(), self.direction());
        if (current - self.target) * direction >= 0.0 {
            return Pace::Reached;
        }
        let Some(by) = self.by else {
            return Pace::NoDate;
        };
        if today > by {
            return Pace::Overdue {
                short: (self.target - current).abs(),
            };
        }
        let expected = self.expected(today).unwrap_or(self.target);
        let lead = (current - expected) * direction;
        // Within a hair of the line is on it: values are typed by people, to a decimal or so.
        if lead >= -1e-9 {
            Pace::OnTrack {
                ahead: lead.max(0.0),
            }
        } else {
            Pace::Behind { by: -lead }
        }
    }

    /// What still has to happen per week to reach the target on its date.
    pub fn needed_per_week(&self, today: NaiveDate) -> Option<f64> {
        let by = self.by?;
        let days = (by - today).num_days();
        if days <= 0 {
            return None;
        }
        let remaining = (self.target - self.current()).abs();
        Some(remaining * 7.0 / days as f64)
    }
}

/// A number as people write it: whole when it is, else to one decimal ("6", "79.5").
pub fn amount(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        _ => tenths_text(tenths),
    }
}

/// `tenths` tenths with one decimal ("-0.5", "79.5"), written with integers: the standard float
/// formatting this replaces put 7 KB (brotli) of tables and code in every page's first load.
pub fn tenths_text(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    format!("{sign}{}.{}", abs / 10, abs % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: &str) -> NaiveDate {
        NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
    }

    fn talks(updates: &[(&str, f64)]) -> Measure {
        Measure {
            start: 0.0,
            target: 6.0,
            since: day("2026-01-01"),
            by: Some(day("2026-01-31")),
            updates: updates.iter().map(|(d, v)| (day(d), *v)).collect(),
        }
    }

    #[test]
    fn with_no_updates_the_goal_stands_at_its_start_and_is_on_track_on_day_one() {
        let goal = talks(&[]);
        assert_eq!(goal.current(), 0.0);
        assert_eq!(goal.fraction(), 0.0);
        assert_eq!(goal.pace(day("2026-01-01")), Pace::OnTrack { ahead: 0.0 });
    }

    #[test]
    fn halfway_through_the_time_with_too_little_done_is_behind_by_the_difference() {
        let goal = talks(&[("2026-01-10", 1.0)]);
        // On the 16th the line stands at 3 talks (15 of 30 days); 1 is done.
        assert_eq!(goal.pace(day("2026-01-16")), Pace::Behind { by: 2.0 });
        assert_eq!(
            goal.needed_per_week(day("2026-01-17")),
            Some(5.0 * 7.0 / 14.0)
        );
    }

    #[test]
    fn a_target_reached_early_is_reached() {
        let goal = talks(&[("2026-01-05", 2.0), ("2026-01-12", 6.0)]);
        assert_eq!(goal.pace(day("2026-01-13")), Pace::Reached);
        assert_eq!(goal.fraction(), 1.0);
    }

    #[test]
    fn once_the_date_has_passed_what_is_missing_is_overdue() {
        let goal = talks(&[("2026-01-20", 4.0)]);
        assert_eq!(goal.pace(day("2026-02-02")), Pace::Overdue { short: 2.0 });
        assert_eq!(goal.needed_per_week(day("2026-02-02")), None);
    }

    #[test]
    fn a_decreasing_target_counts_down() {
        let weight = Measure {
            start: 80.0,
            target: 75.0,
            since: day("2026-03-01"),
            by: Some(day("2026-03-11")),
            updates: vec![(day("2026-03-05"), 78.5)],
        };
        // On the 5th the line stands at 78 (4 of 10 days): 78.5 is half a kilo behind.
        assert_eq!(weight.pace(day("2026-03-05")), Pace::Behind { by: 0.5 });
        assert!((weight.fraction() - 0.3).abs() < 1e-9);
        let ahead = Measure {
            updates: vec![(day("2026-03-05"), 77.0)],
            ..weight.clone()
        };
        assert_eq!(ahead.pace(day("2026-03-05")), Pace::OnTrack { ahead: 1.0 });
    }

    #[test]
    fn a_value_that_moved_away_from_the_target_shows_an_empty_bar_and_is_behind() {
        let weight = Measure {
            start: 80.0,
            target: 75.0,
            since: day("2026-03-01"),
            by: Some(day("2026-03-11")),
            updates: vec![(day("2026-03-02"), 81.0)],
        };
        assert_eq!(weight.current(), 81.0);
        assert_eq!(weight.fraction(), 0.0);
        assert!(
            matches!(weight.pace(day("2026-03-02")), Pace::Behind { by } if (by - 1.5).abs() < 1e-9)
        );
    }

    #[test]
    fn the_latest_update_by_date_is_the_current_value_whatever_the_order_they_arrived_in() {
        let goal = talks(&[("2026-01-20", 4.0), ("2026-01-10", 1.0)]);
        assert_eq!(goal.current(), 4.0);
    }

    #[test]
    fn without_a_date_there_is_no_pace_to_keep() {
        let goal = Measure {
            by: None,
            ..talks(&[("2026-01-10", 1.0)])
        };
        assert_eq!(goal.pace(day("2026-05-01")), Pace::NoDate);
    }

    #[test]
    fn amounts_are_whole_when_whole_and_else_to_one_decimal() {
        assert_eq!(amount(6.0), "6");
        assert_eq!(amount(79.5), "79.5");
        assert_eq!(amount(1.0 / 3.0), "0.3");
        assert_eq!(amount(-2.0), "-2");
        assert_eq!(amount(-0.5), "-0.5");
        assert_eq!(amount(-12.34), "-12.3");
        assert_eq!(amount(0.04), "0");
    }
}
