//! Session notes: shared notes both people edit, and each person's private notes.

mod kind;
mod messages;
mod ui;

pub use kind::{private_id, shared_id, PrivateNotes, PrivateSet, SharedNotes, SharedSet};
pub use messages::NotesMsg;
pub use ui::SessionNotes;
