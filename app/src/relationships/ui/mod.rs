//! The relationships' own UI: the frame of a relationship's pages, its panels, an invite; the
//! start form and names.

mod frame;
mod invite;
mod names;
mod page;
mod start;

pub use frame::{Live, Refresh, RelationshipFrame};
pub use invite::InvitePage;
pub use names::{relationship_name, relationship_status, role_name};
pub use page::{call_navigator, EndPanel, Facts, Invite};
pub use start::StartForm;
