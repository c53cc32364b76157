//! Accounts' server functions: who is signed in, sign up, sign in, sign out.
//!
//! Sign up, sign in and sign out take form-encoded bodies: their forms post to them directly
//! and work before the app has loaded (or without it); `next` is where to go afterwards.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The signed-in person, as they see themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserView {
    pub id: Uuid,
    pub display_name: String,
    pub email: String,
}

#[server(prefix = "/api", endpoint = "me", input = leptos::server_fn::codec::Json)]
pub async fn me() -> Result<Option<UserView>, AppError> {
    use crate::server::{respond::serve, session};
    serve(move |ctx| async move { Ok(session::caller(&ctx).await?.map(UserView::from)) }).await
}

#[server(prefix = "/api", endpoint = "sign_up")]
pub async fn sign_up(
    display_name: String,
    email: String,
    password: String,
    next: Option<String>,
) -> Result<UserView, AppError> {
    use super::server as accounts;
    use crate::server::respond::serve;
    let user = serve(move |ctx| async move {
        accounts::sign_up(&ctx, &display_name, &email, &password).await
    })
    .await?;
    leptos_axum::redirect(&super::safe_next(next));
    Ok(user)
}

#[server(prefix = "/api", endpoint = "sign_in")]
pub async fn sign_in(
    email: String,
    password: String,
    next: Option<String>,
) -> Result<UserView, AppError> {
    use super::server as accounts;
    use crate::server::respond::serve;
    let user =
        serve(move |ctx| async move { accounts::sign_in(&ctx, &email, &password).await }).await?;
    leptos_axum::redirect(&super::safe_next(next));
    Ok(user)
}

#[server(prefix = "/api", endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::server::{respond::serve, session};
    serve(move |ctx| async move { session::end(&ctx).await }).await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Takes a form body, as the other account forms do; the other sessions end.
#[server(prefix = "/api", endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use super::server as accounts;
    use crate::server::respond::serve_signed_in;
    serve_signed_in(move |ctx, me| async move {
        accounts::change_password(&ctx, &me, &current_password, &new_password).await
    })
    .await
}

/// Ends every session of the caller, this one too (a lost phone, a shared computer).
#[server(prefix = "/api", endpoint = "sign_out_everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    use super::server as accounts;
    use crate::server::respond::serve_signed_in;
    serve_signed_in(move |ctx, me| async move { accounts::sign_out_everywhere(&ctx, &me).await })
        .await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Deletes the caller's account once their password is given again; takes a form body, as the
/// other account forms do. Private records go, shared ones stay with the partner.
#[server(prefix = "/api", endpoint = "delete_account")]
pub async fn delete_account(password: String) -> Result<(), AppError> {
    use super::server as accounts;
    use crate::server::respond::serve_signed_in;
    serve_signed_in(
        move |ctx, me| async move { accounts::delete_account(&ctx, &me, &password).await },
    )
    .await?;
    leptos_axum::redirect("/");
    Ok(())
}
