//! Domain types that can only hold valid values, parsed once at the boundary.

mod display_name;
mod email;
mod invite;
mod password;
mod problem;
mod role;
mod title;

pub use display_name::DisplayName;
pub use email::Email;
pub use invite::{InviteState, InviteTimes, INVITE_LIFETIME_DAYS};
pub use password::Password;
pub use problem::{Field, FieldError, Problem};
pub use role::Role;
pub use title::RelationshipTitle;
