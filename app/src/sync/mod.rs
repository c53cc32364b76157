//! Offline-first sync: the core (`tandem_sync`, a crate of its own) and what runs it here: the
//! browser engine and the `push`/`pull` server functions.

pub mod api;
pub mod engine;

pub use tandem_sync::*;
