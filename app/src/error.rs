//! The one error type of the app layer: what a server function can answer, with its HTTP status.

use crate::problem::FieldError;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// Why an invite link cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InviteProblem {
    Unknown,
    Expired,
    Used,
    Revoked,
    Declined,
    Own,
    RelationshipEnded,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("sign-in required")]
    Unauthenticated,
    #[error("not a member of this relationship")]
    Forbidden,
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    #[error("email or password is wrong")]
    WrongCredentials,
    #[error("too many attempts; retry in {0} s")]
    /// Seconds until the next attempt is allowed.
    RateLimited(u64),
    #[error("too many changes; retry in {0} s")]
    /// One account pushed more than its share: seconds until its next push is taken.
    TooManyChanges(u64),
    #[error("server busy; retry in {0} s")]
    /// Too much at once (password hashing is bounded); seconds until trying again makes sense.
    Busy(u64),
    #[error("invite cannot be used: {0:?}")]
    Invite(InviteProblem),
    #[error("this relationship has ended")]
    Ended,
    #[error("this relationship already has both people")]
    AlreadyPaired,
    #[error("malformed request")]
    BadRequest,
    #[error("internal server error")]
    Internal,
    #[error("could not reach the server: {0}")]
    Network(String),
}

impl AppError {
    pub fn field(error: FieldError) -> Self {
        Self::Invalid(vec![error])
    }

    /// The status this error is answered with: mapped here and nowhere else.
    pub fn status(&self) -> u16 {
        match self {
            Self::Unauthenticated | Self::WrongCredentials => 401,
            Self::Forbidden => 403,
            Self::Invite(InviteProblem::Unknown) => 404,
            Self::Invite(InviteProblem::Own) | Self::Ended | Self::AlreadyPaired => 409,
            Self::Invite(_) => 410,
            Self::Invalid(_) => 422,
            Self::BadRequest => 400,
            Self::RateLimited(_) | Self::TooManyChanges(_) => 429,
            Self::Internal => 500,
            Self::Busy(_) => 503,
            Self::Network(_) => 503,
        }
    }

    /// Seconds the client should wait before trying again, for the `Retry-After` header.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            Self::RateLimited(secs) | Self::TooManyChanges(secs) | Self::Busy(secs) => Some(*secs),
            _ => None,
        }
    }

    /// The errors that belong to one form field, if any.
    pub fn field_error(&self, field: crate::problem::Field) -> Option<FieldError> {
        match self {
            Self::Invalid(errors) => errors.iter().copied().find(|e| e.field == field),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let error = match value {
            ServerFnErrorErr::Request(msg) => Self::Network(msg),
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => Self::BadRequest,
            // The server deserializes only what a caller sent: a body it cannot read is the
            // caller's mistake. In the browser it would be a reply we cannot read: ours.
            ServerFnErrorErr::Deserialization(_) if cfg!(feature = "ssr") => Self::BadRequest,
            _ => Self::Internal,
        };
        #[cfg(feature = "ssr")]
        crate::server::respond::set_status(&error);
        error
    }
}
