//! Mentoring relationships and their invites; every function checks the caller's membership.

use super::{InviteView, RelationshipView};
use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

#[server(prefix = "/api", endpoint = "my_relationships", input = leptos::server_fn::codec::Json)]
pub async fn my_relationships() -> Result<Vec<RelationshipView>, AppError> {
    use crate::server::{relationships, respond::serve_signed_in};
    serve_signed_in(move |ctx, me| async move { relationships::list(&ctx, &me).await }).await
}

#[server(prefix = "/api", endpoint = "relationship", input = leptos::server_fn::codec::Json)]
pub async fn relationship(id: Uuid) -> Result<RelationshipView, AppError> {
    use crate::server::{relationships, respond::serve_signed_in};
    serve_signed_in(move |ctx, me| async move { relationships::get(&ctx, &me, id).await }).await
}

/// Starts a relationship in which the caller takes `role`, and goes to it; returns its id.
/// Takes a form body: its form posts here directly and works before the app has loaded.
#[server(prefix = "/api", endpoint = "start_relationship")]
pub async fn start_relationship(role: String, title: String) -> Result<Uuid, AppError> {
    use crate::server::{relationships, respond::serve_signed_in};
    let id = serve_signed_in(move |ctx, me| async move {
        relationships::start(&ctx, &me, &role, &title).await
    })
    .await?;
    leptos_axum::redirect(&format!("/r/{id}"));
    Ok(id)
}

#[server(prefix = "/api", endpoint = "new_invite", input = leptos::server_fn::codec::Json)]
pub async fn new_invite(id: Uuid) -> Result<(), AppError> {
    use crate::server::{relationships, respond::serve_signed_in};
    serve_signed_in(move |ctx, me| async move { relationships::new_invite(&ctx, &me, id).await })
        .await
}

#[server(prefix = "/api", endpoint = "revoke_invite", input = leptos::server_fn::codec::Json)]
pub async fn revoke_invite(id: Uuid) -> Result<(), AppError> {
    use crate::server::{relationships, respond::serve_signed_in};
    serve_signed_in(move |ctx, me| async move { relationships::revoke_invite(&ctx, &me, id).await })
        .await
}

#[server(prefix = "/api", endpoint = "end_relationship", input = leptos::server_fn::codec::Json)]
pub async fn end_relationship(id: Uuid) -> Result<(), AppError> {
    use crate::server::{relationships, respond::serve_signed_in};
    serve_signed_in(move |ctx, me| async move { relationships::end(&ctx, &me, id).await }).await
}

#[server(prefix = "/api", endpoint = "invite", input = leptos::server_fn::codec::Json)]
pub async fn invite(token: String) -> Result<InviteView, AppError> {
    use crate::server::{relationships, respond::serve_signed_in};
    serve_signed_in(move |ctx, me| async move { relationships::invite(&ctx, &me, &token).await })
        .await
}

/// Accepting returns the relationship joined; declining returns nothing.
#[server(prefix = "/api", endpoint = "respond_to_invite", input = leptos::server_fn::codec::Json)]
pub async fn respond_to_invite(token: String, accept: bool) -> Result<Option<Uuid>, AppError> {
    use crate::server::{relationships, respond::serve_signed_in};
    serve_signed_in(move |ctx, me| async move {
        relationships::respond(&ctx, &me, &token, accept).await
    })
    .await
}
