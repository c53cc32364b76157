//! The relationships' pages: the list with its start form, one relationship, an invite.

mod home;
mod invite;
mod page;

pub use home::{relationship_name, role_name, HomePage};
pub use invite::InvitePage;
pub use page::{Live, RelationshipFrame, RelationshipPage};
