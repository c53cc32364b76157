//! Ingredient 4, the roadmap: the pair's sessions, planned from the agreement's cadence, each
//! with a theme.

mod agenda;
mod agenda_view;
mod cadence;
mod kind;
mod messages;
mod plan;
mod served;
mod ui;

pub use agenda::{
    added_by, focus_id, read_all as agenda_items, AgendaSet, Item as AgendaItem,
    TEXT_MAX as AGENDA_TEXT_MAX,
};
pub use agenda_view::AddToAgenda;
pub use cadence::{Cadence, Missing};
pub use kind::{read_all as sessions, Session, SessionSet};
pub use messages::RoadmapMsg;
pub use served::{served_id, served_writes, serves, Served};
pub use ui::{now, when, CheckinLine, RoadmapFor};
