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

pub use agenda::{Field as AgendaField, AGENDA};
pub use cadence::{Cadence, Frequency, Missing};
pub use kind::{read_all as sessions, Field as SessionField, Session, SESSION};
pub use messages::RoadmapMsg;
pub use served::{served_fields, served_id, serves, SERVED};
pub use ui::{now, when};

// `make size` names this page by its chunk.
crate::ui::lazy::lazy_page!(
    RoadmapRoute,
    roadmap_page,
    preload_roadmap_page,
    ui::RoadmapPage
);
