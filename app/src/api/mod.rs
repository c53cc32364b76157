//! Server function declarations and the data they exchange; bodies run on the server only.

mod auth;
mod relationships;
mod sync;

pub use auth::*;
pub use relationships::*;
pub use sync::*;

use crate::domain::{InviteState, Role};
use chrono::{
    serde::{ts_milliseconds, ts_milliseconds_option},
    DateTime, Utc,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserView {
    pub id: Uuid,
    pub display_name: String,
    pub email: String,
}

// Instants travel as milliseconds since 1970: reading RFC 3339 text would put chrono's
// parser in the browser bundle for no gain.

/// A relationship as one of its members sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationshipView {
    pub id: Uuid,
    pub title: Option<String>,
    pub my_role: Role,
    pub partner_name: Option<String>,
    #[serde(with = "ts_milliseconds")]
    pub created_at: DateTime<Utc>,
    /// When the partner accepted: the relationship's start date.
    #[serde(with = "ts_milliseconds_option")]
    pub started_at: Option<DateTime<Utc>>,
    #[serde(with = "ts_milliseconds_option")]
    pub ended_at: Option<DateTime<Utc>>,
    /// The latest invite, while there is no partner yet.
    pub invite: Option<InviteLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteLink {
    pub url: String,
    #[serde(with = "ts_milliseconds")]
    pub expires_at: DateTime<Utc>,
    pub state: InviteState,
}

/// What an invitee sees before accepting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteView {
    pub inviter_name: String,
    pub your_role: Role,
    pub title: Option<String>,
    #[serde(with = "ts_milliseconds")]
    pub expires_at: DateTime<Utc>,
}
