//! Offline-first sync: the core (`tandem_sync`, a crate of its own) and what runs it here: the
//! browser engine and the `push`/`pull` server functions.

pub mod api;
pub mod engine;
#[cfg(feature = "hydrate")]
mod records_store;

/// The messages of the server's stream of hints (`/api/events`), as both sides read them.
pub mod hint {
    /// Records changed: pull.
    pub const PULL: &str = "pull";
    /// A relationship itself changed (the partner joined, it ended): ask for the list again.
    pub const RELATIONSHIPS: &str = "relationships";
    /// Nothing changed. Sent on a stream quiet for a while, so that a device counts on its
    /// hints only while something arrives: a proxy that passes the stream's opening but holds
    /// its events, or a connection dead without the browser knowing, looks open all the same.
    pub const ALIVE: &str = "alive";
}

pub use tandem_sync::*;
