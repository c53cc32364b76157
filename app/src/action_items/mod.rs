//! Action items: what either person promised to do, kept and visible to both, editable offline.

mod add_form;
mod draft;
mod edit_form;
mod follow_through;
mod follow_view;
mod kind;
mod list;
mod messages;
mod row;
mod ui;

pub use kind::{from_session_id, ActionItem, ActionSet, Commitment, TITLE_MAX};
pub use messages::ActionItemMsg;
pub use ui::ActionItems;
