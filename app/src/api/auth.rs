//! Accounts: who is signed in, sign up, sign in, sign out.

use super::UserView;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "me", input = leptos::server_fn::codec::Json)]
pub async fn me() -> Result<Option<UserView>, AppError> {
    use crate::server::{respond::serve, session};
    serve(move |ctx| async move { Ok(session::caller(&ctx).await?.map(|c| c.view())) }).await
}

#[server(prefix = "/api", endpoint = "sign_up", input = leptos::server_fn::codec::Json)]
pub async fn sign_up(
    display_name: String,
    email: String,
    password: String,
) -> Result<UserView, AppError> {
    use crate::server::{accounts, respond::serve};
    serve(move |ctx| async move { accounts::sign_up(&ctx, &display_name, &email, &password).await })
        .await
}

#[server(prefix = "/api", endpoint = "sign_in", input = leptos::server_fn::codec::Json)]
pub async fn sign_in(email: String, password: String) -> Result<UserView, AppError> {
    use crate::server::{accounts, respond::serve};
    serve(move |ctx| async move { accounts::sign_in(&ctx, &email, &password).await }).await
}

#[server(prefix = "/api", endpoint = "sign_out", input = leptos::server_fn::codec::Json)]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::server::{respond::serve, session};
    serve(move |ctx| async move { session::end(&ctx).await }).await
}
