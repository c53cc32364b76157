//! Screens made for the moments of use, composing several features: Today and what needs
//! attention, a relationship's page, the roadmap with each session's check-in. Features never
//! import this layer.

mod account;
mod attention;
mod brief;
mod brief_text;
mod brief_view;
mod closing_view;
mod export_md;
mod export_view;
#[cfg(test)]
mod fixture;
mod home;
mod mentees;
mod mentees_view;
mod messages;
mod needs_you;
mod next_step;
mod next_view;
mod relationship;
mod roadmap;
mod today;
mod today_goals;
mod today_items;
mod today_view;

pub use home::HomePage;
pub use today_view::{load_today_ahead, LazyBadge, Today};

// `make size` names these pages by their chunk.
crate::ui::lazy::lazy_page!(
    AccountRoute,
    account_pages,
    preload_account_pages,
    account::pick_account_page
);
crate::ui::lazy::lazy_page!(
    RelationshipRoute,
    relationship_page,
    preload_relationship_page,
    relationship::RelationshipPage
);
crate::ui::lazy::lazy_page!(
    BriefRoute,
    brief_page,
    preload_brief_page,
    brief_view::BriefPage
);
crate::ui::lazy::lazy_page!(
    SessionRoute,
    session_page,
    preload_session_page,
    closing_view::pick_session_page
);
crate::ui::lazy::lazy_page!(
    RoadmapRoute,
    roadmap_page,
    preload_roadmap_page,
    roadmap::RoadmapPage
);
