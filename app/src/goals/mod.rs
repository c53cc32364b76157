//! Ingredient 3, goals: SMART goals with measured progress. So far the measures themselves
//! (pace, the chart, the SMART checklist) and the progress component; the goal records and
//! their page come next.

mod chart;
mod messages;
mod progress;
mod progress_view;
mod smart;

pub use messages::GoalMsg;
pub use progress::{amount, Measure, Pace};
pub use progress_view::GoalProgress;
pub use smart::{Letter, Outline};
