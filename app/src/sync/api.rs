//! The sync protocol's two server functions; JSON in, because mutations carry JSON values.

use crate::{
    error::AppError,
    sync::{Cursors, Mutation, PullReply, PushReply},
};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Applies a batch of mutations in one transaction; each is acknowledged or rejected with a reason.
#[server(prefix = "/api", endpoint = "push", input = Json)]
pub async fn push(batch: Vec<Mutation>) -> Result<PushReply, AppError> {
    use crate::server::{respond::serve_signed_in, sync};
    serve_signed_in(move |ctx, me| async move { sync::push(&ctx, &me, batch).await }).await
}

/// Changes since the given cursors in every relationship of the caller.
#[server(prefix = "/api", endpoint = "pull", input = Json)]
pub async fn pull(cursors: Cursors) -> Result<PullReply, AppError> {
    use crate::server::{respond::serve_signed_in, sync};
    serve_signed_in(move |ctx, me| async move { sync::pull(&ctx, &me, cursors).await }).await
}
