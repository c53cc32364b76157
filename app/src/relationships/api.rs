//! Relationships' server functions and what they answer; every one checks the caller's membership.

use super::{InviteState, Role};
use crate::error::AppError;
use chrono::{
    serde::{ts_milliseconds, ts_milliseconds_option},
    DateTime, Utc,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

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
    /// The partner is one an import brought back, named as a former member until they join
    /// again by invite.
    #[serde(default)]
    pub stand_in: bool,
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
    /// The name of the former member whose place the invitee takes, in a relationship brought
    /// back from an export: what it holds under that name becomes theirs.
    #[serde(default)]
    pub in_place_of: Option<String>,
}

#[server(prefix = "/api", endpoint = "my_relationships", input = leptos::server_fn::codec::Json)]
pub async fn my_relationships() -> Result<Vec<RelationshipView>, AppError> {
    use super::server as relationships;
    use crate::server::respond::serve_signed_in;
    serve_signed_in(move |ctx, me| async move { relationships::list(&ctx, &me).await }).await
}

#[server(prefix = "/api", endpoint = "relationship", input = leptos::server_fn::codec::Json)]
pub async fn relationship(id: Uuid) -> Result<RelationshipView, AppError> {
    use super::server as relationships;
    use crate::server::respond::serve_signed_in;
    serve_signed_in(move |ctx, me| async move { relationships::get(&ctx, &me, id).await }).await
}

/// Starts a relationship in which the caller takes `role`, and goes to it; returns its id.
/// Takes a form body: its form posts here directly and works before the app has loaded.
#[server(prefix = "/api", endpoint = "start_relationship")]
pub async fn start_relationship(role: String, title: String) -> Result<Uuid, AppError> {
    use super::server as relationships;
    use crate::server::respond::serve_signed_in;
    let id = serve_signed_in(move |ctx, me| async move {
        relationships::start(&ctx, &me, &role, &title).await
    })
    .await?;
    leptos_axum::redirect(&format!("/r/{id}"));
    Ok(id)
}

#[server(prefix = "/api", endpoint = "new_invite", input = leptos::server_fn::codec::Json)]
pub async fn new_invite(id: Uuid) -> Result<(), AppError> {
    use super::server as relationships;
    use crate::server::respond::serve_signed_in;
    serve_signed_in(move |ctx, me| async move { relationships::new_invite(&ctx, &me, id).await })
        .await
}

#[server(prefix = "/api", endpoint = "revoke_invite", input = leptos::server_fn::codec::Json)]
pub async fn revoke_invite(id: Uuid) -> Result<(), AppError> {
    use super::server as relationships;
    use crate::server::respond::serve_signed_in;
    serve_signed_in(move |ctx, me| async move { relationships::revoke_invite(&ctx, &me, id).await })
        .await
}

#[server(prefix = "/api", endpoint = "end_relationship", input = leptos::server_fn::codec::Json)]
pub async fn end_relationship(id: Uuid) -> Result<(), AppError> {
    use super::server as relationships;
    use crate::server::respond::serve_signed_in;
    serve_signed_in(move |ctx, me| async move { relationships::end(&ctx, &me, id).await }).await
}

#[server(prefix = "/api", endpoint = "invite", input = leptos::server_fn::codec::Json)]
pub async fn invite(token: String) -> Result<InviteView, AppError> {
    use super::server as relationships;
    use crate::server::respond::serve_signed_in;
    serve_signed_in(move |ctx, me| async move { relationships::invite(&ctx, &me, &token).await })
        .await
}

/// Accepting returns the relationship joined; declining returns nothing.
#[server(prefix = "/api", endpoint = "respond_to_invite", input = leptos::server_fn::codec::Json)]
pub async fn respond_to_invite(token: String, accept: bool) -> Result<Option<Uuid>, AppError> {
    use super::server as relationships;
    use crate::server::respond::serve_signed_in;
    serve_signed_in(move |ctx, me| async move {
        relationships::respond(&ctx, &me, &token, accept).await
    })
    .await
}
