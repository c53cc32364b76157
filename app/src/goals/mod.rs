//! Ingredient 3, goals: the mentee's SMART goals with measured progress, editable by both.

mod chart;
mod form;
mod kind;
mod messages;
mod milestones;
mod progress;
mod progress_view;
mod smart;
mod ui;
mod updates;

pub use kind::{Goal, GoalSet, Milestone, Records, Status, Update, UpdateSet};
pub use messages::GoalMsg;
pub use progress::{amount, Measure, Pace};
pub use progress_view::{measured, pace_text, GoalProgress};
pub use smart::{Letter, Outline};
pub use updates::LogProgress;

// `make size` names this page by its chunk.
crate::ui::lazy::lazy_page!(GoalsRoute, goals_page, preload_goals_page, ui::GoalsPage);
