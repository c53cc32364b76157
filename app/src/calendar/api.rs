//! The subscription link's server functions; every one checks the caller's membership.

use crate::error::AppError;
use chrono::{serde::ts_milliseconds_option, DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Whether the caller has a subscription link to a relationship, and since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    #[serde(with = "ts_milliseconds_option")]
    pub made_at: Option<DateTime<Utc>>,
}

#[server(prefix = "/api", endpoint = "calendar_subscription", input = leptos::server_fn::codec::Json)]
pub async fn calendar_subscription(relationship: Uuid) -> Result<Subscription, AppError> {
    use crate::server::respond::serve_signed_in;
    serve_signed_in(move |ctx, me| async move {
        let made_at = super::server::feeds::current(&ctx, &me, relationship).await?;
        Ok(Subscription { made_at })
    })
    .await
}

/// A new link, replacing the old one; the answer is the only place its secret is shown.
#[server(prefix = "/api", endpoint = "new_calendar_subscription", input = leptos::server_fn::codec::Json)]
pub async fn new_calendar_subscription(relationship: Uuid) -> Result<String, AppError> {
    use crate::server::respond::serve_signed_in;
    serve_signed_in(move |ctx, me| async move {
        super::server::feeds::renew(&ctx, &me, relationship).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "end_calendar_subscription", input = leptos::server_fn::codec::Json)]
pub async fn end_calendar_subscription(relationship: Uuid) -> Result<(), AppError> {
    use crate::server::respond::serve_signed_in;
    serve_signed_in(move |ctx, me| async move {
        super::server::feeds::revoke(&ctx, &me, relationship).await
    })
    .await
}
