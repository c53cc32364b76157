//! Mentoring relationships: starting one, inviting the partner, the frame of the pair's pages,
//! and ending it.

mod api;
mod directory;
mod invite;
mod messages;
mod role;
#[cfg(feature = "ssr")]
pub mod server;
mod title;
mod ui;

pub use api::*;
pub use directory::{use_directory, Directory};
pub use invite::{InviteState, InviteTimes, INVITE_LIFETIME_DAYS};
pub use messages::RelationshipMsg;
pub use role::Role;
pub use title::RelationshipTitle;
pub use ui::{
    call_navigator, relationship_name, relationship_status, role_name, EndPanel, Facts, Invite,
    Live, Refresh, RelationshipFrame, StartForm,
};

// `make size` names this page by its chunk.
crate::ui::lazy::lazy_page!(
    InviteRoute,
    invite_page,
    preload_invite_page,
    ui::InvitePage
);
