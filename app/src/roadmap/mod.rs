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

pub use agenda::{focus_id, AgendaSet, Item as AgendaItem, TEXT_MAX as AGENDA_TEXT_MAX};
pub use cadence::{Cadence, Missing};
pub use kind::{read_all as sessions, Session, SessionSet};
pub use messages::RoadmapMsg;
pub use served::{served_id, served_writes, serves, Served};
pub use ui::{now, when};

// `make size` names this page by its chunk.
crate::ui::lazy::lazy_page!(
    RoadmapRoute,
    roadmap_page,
    preload_roadmap_page,
    ui::RoadmapPage
);
