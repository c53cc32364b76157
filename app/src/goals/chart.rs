//! The geometry of a goal's small chart: progress over time against the straight line to the target.

use super::progress::{tenths_text, Measure};
use chrono::NaiveDate;

pub const WIDTH: f64 = 300.0;
pub const HEIGHT: f64 = 100.0;
/// Room at the edges, so that a point on the border is drawn whole.
const PAD: f64 = 4.0;

/// Points in the chart's own coordinates (`0 0 WIDTH HEIGHT`, y downwards).
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// From the start through every update, in date order.
    pub actual: Vec<(f64, f64)>,
    /// From the start to the target on its date, when it has one.
    pub ideal: Option<[(f64, f64); 2]>,
}

impl Chart {
    pub fn of(measure: &Measure, today: NaiveDate) -> Self {
        let updates = measure.in_order();
        let last_day = updates
            .iter()
            .map(|(d, _)| *d)
            .chain(measure.by)
            .chain([today])
            .max()
            .unwrap_or(measure.since);
        let days = (last_day - measure.since).num_days().max(1) as f64;
        let values = updates
            .iter()
            .map(|(_, v)| *v)
            .chain([measure.start, measure.target]);
        let (low, high) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let range = if high > low { high - low } else { 1.0 };
        let point = |date: NaiveDate, value: f64| {
            let x =
                PAD + (date - measure.since).num_days().max(0) as f64 / days * (WIDTH - 2.0 * PAD);
            let y = PAD + (high - value) / range * (HEIGHT - 2.0 * PAD);
            (x, y)
        };
        Chart {
            actual: [(measure.since, measure.start)]
                .into_iter()
                .chain(updates)
                .map(|(d, v)| point(d, v))
                .collect(),
            ideal: measure.by.map(|by| {
                [
                    point(measure.since, measure.start),
                    point(by, measure.target),
                ]
            }),
        }
    }
}

/// A coordinate as SVG text, to one decimal.
pub fn coordinate(value: f64) -> String {
    tenths_text((value * 10.0).round() as i64)
}

/// SVG `points` text: `x,y x,y …` to one decimal.
pub fn points(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|&(x, y)| format!("{},{}", coordinate(x), coordinate(y)))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: &str) -> NaiveDate {
        NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn points_are_placed_by_date_and_value_and_the_ideal_line_runs_start_to_target() {
        let measure = Measure {
            start: 0.0,
            target: 6.0,
            since: day("2026-01-01"),
            by: Some(day("2026-01-31")),
            updates: vec![(day("2026-01-16"), 3.0)],
        };
        let chart = Chart::of(&measure, day("2026-01-16"));
        // 30 days across 292 units, 6 talks up 92 units: the 16th is halfway, 3 is halfway.
        assert_eq!(chart.actual, vec![(4.0, 96.0), (150.0, 50.0)]);
        assert_eq!(chart.ideal, Some([(4.0, 96.0), (296.0, 4.0)]));
        assert_eq!(points(&chart.actual), "4.0,96.0 150.0,50.0");
    }

    #[test]
    fn a_decreasing_target_draws_its_line_downwards_and_updates_go_in_date_order() {
        let measure = Measure {
            start: 80.0,
            target: 75.0,
            since: day("2026-03-01"),
            by: Some(day("2026-03-11")),
            updates: vec![(day("2026-03-09"), 76.0), (day("2026-03-03"), 80.0)],
        };
        let chart = Chart::of(&measure, day("2026-03-09"));
        // 80 is the top, 75 the bottom; 2 and 8 of 10 days across.
        assert_eq!(chart.ideal, Some([(4.0, 4.0), (296.0, 96.0)]));
        let x = |days: f64| 4.0 + days / 10.0 * 292.0;
        assert_eq!(
            chart.actual,
            vec![(4.0, 4.0), (x(2.0), 4.0), (x(8.0), 4.0 + 4.0 / 5.0 * 92.0)]
        );
    }

    #[test]
    fn past_its_date_the_chart_widens_to_today_and_without_a_date_has_no_ideal_line() {
        let measure = Measure {
            start: 0.0,
            target: 10.0,
            since: day("2026-01-01"),
            by: None,
            updates: vec![(day("2026-01-11"), 5.0)],
        };
        let chart = Chart::of(&measure, day("2026-01-21"));
        assert_eq!(chart.ideal, None);
        assert_eq!(chart.actual[1], (150.0, 50.0));
    }
}
