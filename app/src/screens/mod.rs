//! Screens made for the moments of use, composing several features: Today and what needs
//! attention, a relationship's page, the roadmap with each session's check-in. Features never
//! import this layer.

pub mod attention;
mod badge;
mod home;
mod messages;
pub mod next_step;
mod relationship;
mod roadmap;
pub mod today;
mod today_view;

pub use home::HomePage;
pub use messages::ScreenMsg;
pub use today_view::{load_today_ahead, Today};

// `make size` names these pages by their chunk.
crate::ui::lazy::lazy_page!(
    RelationshipRoute,
    relationship_page,
    preload_relationship_page,
    relationship::RelationshipPage
);
crate::ui::lazy::lazy_page!(
    RoadmapRoute,
    roadmap_page,
    preload_roadmap_page,
    roadmap::RoadmapPage
);
