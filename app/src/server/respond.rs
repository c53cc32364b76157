//! Sets the HTTP status of a server function's response from its error.

use crate::error::AppError;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

pub fn set_status(error: &AppError) {
    if let Some(options) = use_context::<ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(error.status()) {
            options.set_status(status);
        }
    }
}

fn reply<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(error) = &result {
        set_status(error);
    }
    result
}

/// Runs a server function's body with the server context.
pub async fn serve<T, F, Fut>(body: F) -> Result<T, AppError>
where
    F: FnOnce(super::ServerContext) -> Fut,
    Fut: std::future::Future<Output = Result<T, AppError>>,
{
    let result = match super::ServerContext::current() {
        Ok(ctx) => body(ctx).await,
        Err(error) => Err(error),
    };
    reply(result)
}

/// Runs a server function's body for a signed-in caller; anyone else gets 401.
pub async fn serve_signed_in<T, F, Fut>(body: F) -> Result<T, AppError>
where
    F: FnOnce(super::ServerContext, super::session::Caller) -> Fut,
    Fut: std::future::Future<Output = Result<T, AppError>>,
{
    serve(|ctx| async move {
        let caller = super::session::require(&ctx).await?;
        body(ctx, caller).await
    })
    .await
}
