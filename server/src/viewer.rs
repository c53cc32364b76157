//! Marks every page with who it was rendered for (see `app::server::viewer`).

use app::server::{session, viewer, ServerContext};
use axum::{
    extract::{Request, State},
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};

pub async fn mark_pages(
    State(ctx): State<ServerContext>,
    request: Request,
    next: Next,
) -> Response {
    let headers = request.headers().clone();
    let mut response = next.run(request).await;
    let page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|t| t.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    if !page {
        return response;
    }
    // Unknown when the database does not answer: the page is then left unmarked, and the
    // worker neither keeps it nor drops what it kept.
    let Ok(session) = session::live_session(&ctx, &headers).await else {
        return response;
    };
    let marked = session::cookie_in(&headers, &session::cookie_name(&ctx, viewer::COOKIE))
        .filter(|v| !v.is_empty());
    let viewer = session.as_deref().map(|hash| viewer::id(&ctx, hash));
    let out = response.headers_mut();
    out.insert(
        viewer::HEADER,
        HeaderValue::from_str(viewer.as_deref().unwrap_or(viewer::NOBODY))
            .expect("a viewer id is hex"),
    );
    // Set on every signed-in page, so that the mark lives as long as the session it stands for.
    if viewer.is_some() || marked.is_some() {
        if let Ok(cookie) = HeaderValue::from_str(&viewer::cookie(&ctx, session.as_deref())) {
            out.append(header::SET_COOKIE, cookie);
        }
    }
    response
}
