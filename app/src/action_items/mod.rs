//! Action items: what either person promised to do, kept and visible to both, editable offline.

mod follow_through;
mod follow_view;
mod kind;
mod messages;
mod ui;

pub use kind::{Field as ActionField, KIND};
pub use ui::ActionItems;
