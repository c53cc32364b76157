//! The goal progress component: a bar with value and target, the pace, and a small chart
//! against the ideal line, with a text alternative. Used on the goals page, and later on the
//! mentor's brief and the mentee's start screen.

use super::{
    chart::{coordinate, points, Chart, HEIGHT, WIDTH},
    kind::{Goal, Records},
    messages::GoalMsg,
    progress::{amount, Measure, Pace},
};
use crate::{
    i18n::{use_i18n, I18n},
    sync::engine::local_time,
};
use chrono::NaiveDate;
use leptos::prelude::*;

/// A date for people, in the reader's language.
fn day(i18n: I18n, date: NaiveDate) -> String {
    i18n.date(date.and_time(chrono::NaiveTime::MIN).and_utc())
}

pub fn pace_text(i18n: I18n, pace: Pace, unit: &str) -> String {
    match pace {
        Pace::Reached => i18n.t(GoalMsg::Reached).to_owned(),
        Pace::OnTrack { ahead } if ahead > 0.0 => {
            i18n.fmt(GoalMsg::AheadBy, &[&amount(ahead), unit])
        }
        Pace::OnTrack { .. } => i18n.t(GoalMsg::OnTrack).to_owned(),
        Pace::Behind { by } => i18n.fmt(GoalMsg::BehindBy, &[&amount(by), unit]),
        Pace::Overdue { short } => i18n.fmt(GoalMsg::OverdueShort, &[&amount(short), unit]),
        Pace::NoDate => i18n.t(GoalMsg::NoDate).to_owned(),
    }
}

/// The chart in words: every value with its date, and the aim.
fn chart_text(i18n: I18n, measure: &Measure, unit: &str) -> String {
    let updates = measure.in_order();
    let values = [(measure.since, measure.start)]
        .into_iter()
        .chain(updates)
        .map(|(date, value)| i18n.fmt(GoalMsg::ValueOn, &[&amount(value), &day(i18n, date)]))
        .collect::<Vec<_>>()
        .join(", ");
    let aim = format!("{} {unit}", amount(measure.target));
    match measure.by {
        Some(by) => i18n.fmt(GoalMsg::ChartText, &[&values, aim.trim(), &day(i18n, by)]),
        None => i18n.fmt(GoalMsg::ChartTextNoDate, &[&values, aim.trim()]),
    }
}

/// A goal's measure, from the day it was made, and the unit its numbers are in (a goal
/// measured by milestones counts them): what [`GoalProgress`] shows, wherever it is shown.
pub fn measured(i18n: I18n, records: &Records, goal: &Goal) -> Option<(Measure, String)> {
    let since = local_time(goal.created_at).date();
    let unit = if goal.by_number() {
        goal.unit.clone()
    } else {
        i18n.t(GoalMsg::MilestonesUnit).to_owned()
    };
    Some((goal.measure(since, records)?, unit))
}

/// Everything here follows from its inputs, `today` included, so the server's HTML and the
/// browser's render are the same.
#[component]
pub fn GoalProgress(
    measure: Measure,
    #[prop(into)] unit: String,
    /// The goal's title, which names the bar among others on the same screen.
    #[prop(into)]
    title: String,
    today: NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    // Whole numbers: a float here would bring the standard float formatting into the bundle.
    let percent = (measure.fraction() * 100.0).round() as i64;
    let chart = Chart::of(&measure, today);
    let pace = measure.pace(today);
    let needed = measure
        .needed_per_week(today)
        .filter(|_| matches!(pace, Pace::Behind { .. }));
    let measure = StoredValue::new(measure);
    let unit = StoredValue::new(unit);
    let numbers = move || {
        measure.with_value(|m| {
            unit.with_value(|u| {
                i18n.fmt(
                    GoalMsg::ValueOfTarget,
                    &[&amount(m.current()), &amount(m.target), u],
                )
                .trim()
                .to_owned()
            })
        })
    };
    view! {
        <div class="goal-progress">
            <svg
                class="goal-bar"
                viewBox="0 0 100 6"
                preserveAspectRatio="none"
                role="progressbar"
                aria-label=move || i18n.fmt(GoalMsg::Progress, &[&title])
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=percent
                aria-valuetext=numbers
            >
                <rect class="goal-bar-track" width="100" height="6" />
                <rect class="goal-bar-fill" width=percent height="6" />
            </svg>
            <p class="goal-numbers">{numbers}</p>
            <p class="goal-pace" class:behind=matches!(pace, Pace::Behind { .. } | Pace::Overdue { .. })>
                {move || unit.with_value(|u| pace_text(i18n, pace, u).trim().to_owned())}
                {move || needed.map(|n| unit.with_value(|u| format!(" · {}", i18n.fmt(GoalMsg::PerWeek, &[&amount(n), u]))))}
            </p>
            <svg
                class="goal-chart"
                viewBox=format!("0 0 {} {}", WIDTH as u32, HEIGHT as u32)
                role="img"
                aria-label=move || measure.with_value(|m| unit.with_value(|u| chart_text(i18n, m, u)))
            >
                {chart.ideal.map(|[(x1, y1), (x2, y2)]| view! {
                    <line class="goal-ideal" x1=coordinate(x1) y1=coordinate(y1) x2=coordinate(x2) y2=coordinate(y2) />
                })}
                <polyline class="goal-actual" points=points(&chart.actual) />
            </svg>
        </div>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::i18n::{I18n, Locale};

    fn day(d: &str) -> NaiveDate {
        NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
    }

    fn render(locale: Locale) -> String {
        let owner = Owner::new();
        owner.set();
        provide_context(I18n::new(locale));
        let measure = Measure {
            start: 0.0,
            target: 6.0,
            since: day("2026-01-01"),
            by: Some(day("2026-01-31")),
            updates: vec![(day("2026-01-10"), 1.0)],
        };
        view! { <GoalProgress measure unit="talks" title="Give talks" today=day("2026-01-16") /> }
            .to_html()
    }

    #[test]
    fn the_component_shows_value_pace_and_chart_with_a_text_alternative() {
        let html = render(Locale::En);
        assert!(html.contains(r#"aria-valuenow="17""#), "{html}");
        assert!(
            html.contains(r#"aria-label="Progress: Give talks""#),
            "{html}"
        );
        assert!(html.contains("1 of 6 talks"), "{html}");
        assert!(html.contains("Behind by 2 talks"), "{html}");
        assert!(
            html.contains("Progress over time: 0 on 1 Jan 2026, 1 on 10 Jan 2026. Aim: 6 talks by 31 Jan 2026."),
            "{html}"
        );
        assert!(html.contains(r#"points="4.0,96.0 91.6,80.7""#), "{html}");
    }

    #[test]
    fn the_component_speaks_dutch() {
        let html = render(Locale::Nl);
        assert!(
            html.contains(r#"aria-label="Voortgang: Give talks""#),
            "{html}"
        );
        assert!(html.contains("1 van 6 talks"), "{html}");
        assert!(html.contains("2 talks achter"), "{html}");
    }
}
