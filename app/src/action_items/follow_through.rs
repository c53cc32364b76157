//! Follow-through: how many of a person's action items with a due date were done by then, over
//! the last 90 days and overall, and what is overdue.
//!
//! An item counts once its outcome is settled: done (on time when done on or before its due
//! day), or open past its due day. An item due today and still open is not late yet; an item
//! without a due date has no "on time" and is left out; an item ticked and then unticked is open.

use chrono::{Duration, NaiveDate};

/// The window of "lately".
pub const RECENT_DAYS: i64 = 90;

/// Items done on time out of the items settled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rate {
    pub on_time: usize,
    pub settled: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FollowThrough {
    /// Settled in the last [`RECENT_DAYS`] days.
    pub recent: Rate,
    pub overall: Rate,
    /// Open past their due day.
    pub overdue: usize,
}

/// One item as follow-through sees it: its due day and the day it was done, if it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dates {
    pub due: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
}

/// A person's follow-through over their items, on `today`.
pub fn follow_through(items: impl IntoIterator<Item = Dates>, today: NaiveDate) -> FollowThrough {
    let since = today - Duration::days(RECENT_DAYS);
    let mut out = FollowThrough::default();
    for Dates { due, done_on } in items {
        let Some(due) = due else { continue };
        // The day its outcome was settled: done in time, or its due day passed.
        let (on_time, settled_on) = match done_on {
            Some(done) if done <= due => (true, done),
            Some(_) => (false, due),
            None if due < today => {
                out.overdue += 1;
                (false, due)
            }
            None => continue,
        };
        for (rate, counts) in [
            (&mut out.overall, true),
            (&mut out.recent, settled_on > since),
        ] {
            if counts {
                rate.settled += 1;
                rate.on_time += usize::from(on_time);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    const TODAY: u32 = 20;

    fn of(items: &[(Option<u32>, Option<u32>)]) -> FollowThrough {
        let dates = items.iter().map(|(due, done)| Dates {
            due: due.map(day),
            done_on: done.map(day),
        });
        follow_through(dates, day(TODAY))
    }

    #[test]
    fn an_open_item_due_today_is_not_late_yet() {
        assert_eq!(of(&[(Some(TODAY), None)]), FollowThrough::default());
    }

    #[test]
    fn an_item_done_on_its_due_day_is_on_time() {
        let rate = Rate {
            on_time: 1,
            settled: 1,
        };
        assert_eq!(
            of(&[(Some(TODAY), Some(TODAY))]),
            FollowThrough {
                recent: rate,
                overall: rate,
                overdue: 0
            }
        );
    }

    #[test]
    fn an_item_without_a_due_date_is_left_out_done_or_not() {
        assert_eq!(
            of(&[(None, Some(3)), (None, None)]),
            FollowThrough::default()
        );
    }

    #[test]
    fn an_item_done_late_counts_as_settled_but_not_on_time() {
        let rate = Rate {
            on_time: 0,
            settled: 1,
        };
        assert_eq!(of(&[(Some(10), Some(12))]).overall, rate);
        assert_eq!(of(&[(Some(10), Some(12))]).overdue, 0);
    }

    #[test]
    fn an_item_ticked_then_unticked_past_its_due_day_is_overdue() {
        // Unticked: the item holds no done day any more.
        let out = of(&[(Some(15), None)]);
        assert_eq!(out.overdue, 1);
        assert_eq!(
            out.overall,
            Rate {
                on_time: 0,
                settled: 1
            }
        );
    }

    #[test]
    fn an_item_done_early_counts_before_its_due_day() {
        assert_eq!(of(&[(Some(30), Some(18))]).recent.on_time, 1);
    }

    #[test]
    fn only_the_last_ninety_days_count_as_recent() {
        let long_ago = Dates {
            due: Some(day(1) - Duration::days(100)),
            done_on: None,
        };
        let lately = Dates {
            due: Some(day(18)),
            done_on: Some(day(17)),
        };
        let out = follow_through([long_ago, lately], day(TODAY));
        assert_eq!(
            out.recent,
            Rate {
                on_time: 1,
                settled: 1
            }
        );
        assert_eq!(
            out.overall,
            Rate {
                on_time: 1,
                settled: 2
            }
        );
        assert_eq!(out.overdue, 1);
    }
}
