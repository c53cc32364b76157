//! Closing a relationship: each person's closing reflection, which they can still write once it
//! has ended, shared with the partner. Ending itself, with each goal's final status, is a screen
//! (`screens::closing_view`): it reads the goals too.

mod form;
mod kind;
mod messages;

pub use form::{ReflectionForm, ReflectionOf};
pub use kind::{reflection_id, Reflection, ReflectionSet};
pub use messages::ClosingMsg;
