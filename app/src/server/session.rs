//! Database-backed sessions carried by an HttpOnly cookie, and who is calling.

use super::ServerContext;
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use http::{header, request::Parts, HeaderValue};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Over https the `__Host-` prefix makes browsers refuse the cookie unless it is Secure, for
/// this host only and for every path: no sibling subdomain can plant or overwrite it.
fn cookie_name(ctx: &ServerContext) -> &'static str {
    if ctx.secure_cookies() {
        "__Host-tandem_session"
    } else {
        "tandem_session"
    }
}
const IDLE_LIMIT_DAYS: i64 = 30;
/// Refreshing last-seen on every request would turn every read into a write.
const TOUCH_AFTER_MINUTES: i64 = 60;

/// The signed-in caller of the current request.
#[derive(Debug, Clone)]
pub struct Caller {
    pub id: Uuid,
    pub display_name: String,
    pub email: String,
}

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn request_parts() -> Option<Parts> {
    use_context::<Parts>()
}

/// The value of one cookie of the current request.
pub fn request_cookie(name: &str) -> Option<String> {
    let parts = request_parts()?;
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// The client's address as the socket saw it, for rate limiting.
pub fn client_address() -> String {
    request_parts()
        .and_then(|p| {
            p.extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0.ip().to_string())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

fn set_cookie(ctx: &ServerContext, value: &str, max_age_secs: i64) {
    let secure = if ctx.secure_cookies() { "; Secure" } else { "" };
    let name = cookie_name(ctx);
    let cookie =
        format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}");
    if let (Some(options), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(&cookie),
    ) {
        options.append_header(header::SET_COOKIE, value);
    }
}

/// Creates a session for `user_id` and hands its token to the browser.
pub async fn start(ctx: &ServerContext, user_id: Uuid) -> Result<(), AppError> {
    let token = super::random_token();
    let now = Utc::now();
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
    )
    .bind(hash(&token))
    .bind(user_id.to_string())
    .bind(now)
    .bind(now)
    .execute(&ctx.writer)
    .await?;
    set_cookie(ctx, &token, IDLE_LIMIT_DAYS * 24 * 3600);
    Ok(())
}

/// Ends the caller's session, if any, on the server and in the browser.
pub async fn end(ctx: &ServerContext) -> Result<(), AppError> {
    if let Some(token) = request_cookie(cookie_name(ctx)) {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(hash(&token))
            .execute(&ctx.writer)
            .await?;
    }
    set_cookie(ctx, "", 0);
    Ok(())
}

/// The caller, if the request carries a live session.
pub async fn caller(ctx: &ServerContext) -> Result<Option<Caller>, AppError> {
    let Some(token) = request_cookie(cookie_name(ctx)) else {
        return Ok(None);
    };
    if token.len() != 64 {
        return Ok(None);
    }
    let token_hash = hash(&token);
    let row: Option<(String, String, String, DateTime<Utc>)> = sqlx::query_as(
        "SELECT u.id, u.display_name, u.email, s.last_seen_at
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
    )
    .bind(&token_hash)
    .fetch_optional(&ctx.pool)
    .await?;
    let Some((id, display_name, email, last_seen)) = row else {
        return Ok(None);
    };
    let now = Utc::now();
    if now - last_seen >= Duration::days(IDLE_LIMIT_DAYS) {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(&token_hash)
            .execute(&ctx.writer)
            .await?;
        return Ok(None);
    }
    if now - last_seen >= Duration::minutes(TOUCH_AFTER_MINUTES) {
        sqlx::query("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?")
            .bind(now)
            .bind(&token_hash)
            .execute(&ctx.writer)
            .await?;
        set_cookie(ctx, &token, IDLE_LIMIT_DAYS * 24 * 3600);
    }
    let id = Uuid::parse_str(&id).map_err(|_| AppError::Internal)?;
    Ok(Some(Caller {
        id,
        display_name,
        email,
    }))
}

/// The caller, or `Unauthenticated`.
pub async fn require(ctx: &ServerContext) -> Result<Caller, AppError> {
    caller(ctx).await?.ok_or(AppError::Unauthenticated)
}
