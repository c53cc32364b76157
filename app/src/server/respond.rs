//! Sets the HTTP status of a server function's response from its error.

use crate::error::AppError;
use leptos::{prelude::use_context, reactive::computed::ScopedFuture};
use leptos_axum::ResponseOptions;

/// Sets the status for an error, except for a form posted by the browser itself (before the
/// app has loaded): that one is sent back to its page with the error in the address, which
/// needs the redirect status the server function layer gives it.
pub fn set_status(error: &AppError) {
    if plain_form_post() {
        return;
    }
    if let Some(options) = use_context::<ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(error.status()) {
            options.set_status(status);
        }
        if let Some(secs) = error.retry_after() {
            options.insert_header(http::header::RETRY_AFTER, secs.into());
        }
    }
}

/// A browser submitting a form without the app: a form-encoded POST that asks for HTML.
fn plain_form_post() -> bool {
    use_context::<http::request::Parts>().is_some_and(|parts| {
        let header = |name| {
            parts
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
        };
        parts.method == http::Method::POST
            && header(http::header::ACCEPT).contains("text/html")
            && header(http::header::CONTENT_TYPE).starts_with("application/x-www-form-urlencoded")
    })
}

fn reply<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Some(options) = use_context::<ResponseOptions>() {
        options.insert_header(http::header::CACHE_CONTROL, super::headers::private());
    }
    if let Err(error) = &result {
        set_status(error);
    }
    result
}

/// Runs a server function's body with the server context, to the end even if the client
/// goes away meanwhile: a request cut off between the statements of a transaction must not
/// leave it to the database driver to clean up after a dropped future. The body keeps the
/// request's reactive context (cookies, response headers) on its own task.
pub async fn serve<T, F, Fut>(body: F) -> Result<T, AppError>
where
    F: FnOnce(super::ServerContext) -> Fut,
    Fut: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
    T: Send + 'static,
{
    let result = match super::ServerContext::current() {
        Ok(ctx) => tokio::spawn(ScopedFuture::new(body(ctx)))
            .await
            .unwrap_or_else(|failed| {
                tracing::error!("server function body failed: {failed}");
                Err(AppError::Internal)
            }),
        Err(error) => Err(error),
    };
    reply(result)
}

/// Runs a server function's body for a signed-in caller; anyone else gets 401.
pub async fn serve_signed_in<T, F, Fut>(body: F) -> Result<T, AppError>
where
    F: FnOnce(super::ServerContext, super::session::Caller) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
    T: Send + 'static,
{
    serve(|ctx| async move {
        let caller = super::session::require(&ctx).await?;
        body(ctx, caller).await
    })
    .await
}
