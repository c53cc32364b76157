//! Database-backed sessions carried by an HttpOnly cookie, and who is calling.

use super::{
    hints::{stream_key, Ended},
    ServerContext,
};
use crate::{error::AppError, on_db};
use chrono::{DateTime, Duration, Utc};
use http::{header, request::Parts, HeaderMap, HeaderValue};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use sha2::{Digest, Sha256};
use std::net::IpAddr;
use uuid::Uuid;

pub(super) const SESSION: &str = "tandem_session";

/// A cookie's name as sent. Over https the `__Host-` prefix makes browsers refuse the cookie
/// unless it is Secure, for this host only and for every path: no sibling subdomain can plant
/// or overwrite it.
pub fn cookie_name(ctx: &ServerContext, name: &str) -> String {
    if ctx.secure_cookies() {
        format!("__Host-{name}")
    } else {
        name.to_owned()
    }
}
const IDLE_LIMIT_DAYS: i64 = 30;
/// However active, a session ends this long after signing in (ASVS 3.3.4).
const ABSOLUTE_LIMIT_DAYS: i64 = 90;
/// Refreshing last-seen on every request would turn every read into a write.
const TOUCH_AFTER_MINUTES: i64 = 60;

/// The signed-in caller of the current request.
#[derive(Debug, Clone)]
pub struct Caller {
    pub id: Uuid,
    pub display_name: String,
    pub email: String,
}

pub fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn request_parts() -> Option<Parts> {
    use_context::<Parts>()
}

/// The value of one cookie of the current request.
pub fn request_cookie(name: &str) -> Option<String> {
    cookie_in(&request_parts()?.headers, name)
}

/// The value of one cookie among these request headers.
pub fn cookie_in(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// Who is asking, for rate limiting: the client's address, or for IPv6 its /64 network, which
/// one subscriber usually holds whole (counting single addresses there would let one client
/// rotate through billions).
pub fn client_address(ctx: &ServerContext) -> String {
    let ip = request_parts().and_then(|parts| client_ip(ctx, &parts.headers, &parts.extensions));
    address_of(ip)
}

/// [`client_address`] for a request outside a server function (a stream of events).
pub fn client_address_in(
    ctx: &ServerContext,
    headers: &HeaderMap,
    extensions: &http::Extensions,
) -> String {
    address_of(client_ip(ctx, headers, extensions))
}

fn address_of(ip: Option<IpAddr>) -> String {
    match ip {
        Some(IpAddr::V6(ip)) => {
            let [a, b, c, d, ..] = ip.segments();
            format!("{a:x}:{b:x}:{c:x}:{d:x}::/64")
        }
        Some(ip) => ip.to_string(),
        None => "unknown".to_owned(),
    }
}

/// The socket's peer, or, when the peer is a proxy the operator trusts, the last address in
/// `X-Forwarded-For` that is not one of those proxies (proxies append; what a client wrote
/// itself comes before). An entry there that is not an address ends the search at the proxy:
/// nothing written before it can be believed.
fn client_ip(
    ctx: &ServerContext,
    headers: &HeaderMap,
    extensions: &http::Extensions,
) -> Option<IpAddr> {
    let peer = extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_canonical())?;
    if !ctx.trusted_proxies.contains(&peer) {
        return Some(peer);
    }
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .collect();
    let mut client = peer;
    for entry in forwarded.iter().rev() {
        match entry.trim().parse::<IpAddr>().map(|ip| ip.to_canonical()) {
            Ok(ip) if ctx.trusted_proxies.contains(&ip) => client = ip,
            Ok(ip) => return Some(ip),
            Err(_) => break,
        }
    }
    Some(client)
}

/// Hands the browser an HttpOnly cookie that only this site's own requests carry.
pub fn set_cookie(ctx: &ServerContext, name: &str, value: &str, max_age_secs: i64) {
    let secure = if ctx.secure_cookies() { "; Secure" } else { "" };
    let name = cookie_name(ctx, name);
    append_cookie(&format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}"
    ));
}

/// Adds a `Set-Cookie` line to the current response.
pub(super) fn append_cookie(cookie: &str) {
    if let (Some(options), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(cookie),
    ) {
        options.append_header(header::SET_COOKIE, value);
    }
}

/// The seconds a session cookie lives in the browser: as long as the session may stay idle.
pub(super) const COOKIE_MAX_AGE_SECS: i64 = IDLE_LIMIT_DAYS * 24 * 3600;

/// Whether a session seen last at `last_seen` and started at `created` is over.
fn expired(now: DateTime<Utc>, last_seen: DateTime<Utc>, created: DateTime<Utc>) -> bool {
    now - last_seen >= Duration::days(IDLE_LIMIT_DAYS)
        || now - created >= Duration::days(ABSOLUTE_LIMIT_DAYS)
}

/// The hash of the live session these request headers carry, if any. Reads only.
pub async fn live_session(
    ctx: &ServerContext,
    headers: &HeaderMap,
) -> Result<Option<String>, AppError> {
    let Some(token) = cookie_in(headers, &cookie_name(ctx, SESSION)).filter(|t| t.len() == 64)
    else {
        return Ok(None);
    };
    let token_hash = hash(&token);
    let row: Option<(DateTime<Utc>, DateTime<Utc>)> = on_db!(&ctx.pool, |db| sqlx::query_as(
        "SELECT s.last_seen_at, s.created_at FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND u.deleted_at IS NULL"
    )
    .bind(&token_hash)
    .fetch_optional(db)
    .await)?;
    Ok(row
        .filter(|(last_seen, created)| !expired(Utc::now(), *last_seen, *created))
        .map(|_| token_hash))
}

/// Creates a session for `user_id` and hands its token to the browser. A session the browser
/// already had ends: signing in always gets a fresh token, so a token planted beforehand is
/// worth nothing afterwards.
pub async fn start(ctx: &ServerContext, user_id: Uuid) -> Result<(), AppError> {
    if let Some(old) = request_cookie(&cookie_name(ctx, SESSION)) {
        let old = hash(&old);
        on_db!(&ctx.writer, |db| sqlx::query(
            "DELETE FROM sessions WHERE token_hash = $1"
        )
        .bind(&old)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        // The browser's previous person's streams end with their session (a shared computer).
        ctx.hints
            .sessions_ended(Ended::Session(stream_key(ctx, &old)))
            .await;
    }
    let token = super::random_token();
    let token_hash = hash(&token);
    let now = Utc::now();
    // Never for an account deleted meanwhile (while its password was being checked). On
    // PostgreSQL the row is read under a share lock, so that a deletion in progress is waited
    // for rather than read past; SQLite's one writer does this already.
    let insert = "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at)
         SELECT $1, id, $3, $4 FROM users WHERE id = $2 AND deleted_at IS NULL";
    let locked;
    let insert = match ctx.writer {
        super::db::Backend::Sqlite(_) => insert,
        super::db::Backend::Postgres(_) => {
            locked = format!("{insert} FOR SHARE");
            locked.as_str()
        }
    };
    let started = on_db!(&ctx.writer, |db| {
        sqlx::query(insert)
            .bind(&token_hash)
            .bind(user_id.to_string())
            .bind(now)
            .bind(now)
            .execute(db)
            .await
            .map(|r| r.rows_affected())
    })?;
    if started == 0 {
        return Err(AppError::WrongCredentials);
    }
    set_cookie(ctx, SESSION, &token, COOKIE_MAX_AGE_SECS);
    append_cookie(&super::viewer::cookie(ctx, Some(&token_hash)));
    Ok(())
}

/// Ends the caller's session, if any, on the server and in the browser.
pub async fn end(ctx: &ServerContext) -> Result<(), AppError> {
    if let Some(token) = request_cookie(&cookie_name(ctx, SESSION)) {
        let token_hash = hash(&token);
        on_db!(&ctx.writer, |db| sqlx::query(
            "DELETE FROM sessions WHERE token_hash = $1"
        )
        .bind(&token_hash)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        ctx.hints
            .sessions_ended(Ended::Session(stream_key(ctx, &token_hash)))
            .await;
    }
    set_cookie(ctx, SESSION, "", 0);
    append_cookie(&super::viewer::cookie(ctx, None));
    Ok(())
}

/// Ends every session of `user_id` but the one this request carries (after a password change),
/// or all of them (signing out everywhere) with `keep_this_one` false.
pub async fn end_all(
    ctx: &ServerContext,
    user_id: Uuid,
    keep_this_one: bool,
) -> Result<(), AppError> {
    let this_one = request_cookie(&cookie_name(ctx, SESSION))
        .filter(|_| keep_this_one)
        .map(|token| hash(&token))
        .unwrap_or_default();
    on_db!(&ctx.writer, |db| sqlx::query(
        "DELETE FROM sessions WHERE user_id = $1 AND token_hash != $2"
    )
    .bind(user_id.to_string())
    .bind(&this_one)
    .execute(db)
    .await
    .map(|r| r.rows_affected()))?;
    ctx.hints
        .sessions_ended(Ended::AllBut(user_id, stream_key(ctx, &this_one)))
        .await;
    if !keep_this_one {
        set_cookie(ctx, SESSION, "", 0);
        append_cookie(&super::viewer::cookie(ctx, None));
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: String,
    display_name: String,
    email: String,
    last_seen_at: DateTime<Utc>,
    created_at: DateTime<Utc>,
}

/// The caller, if the request carries a live session.
pub async fn caller(ctx: &ServerContext) -> Result<Option<Caller>, AppError> {
    let Some(parts) = request_parts() else {
        return Ok(None);
    };
    // Found once, before the body was read, by the server's turns for each account.
    let found = match parts.extensions.get::<Found>() {
        Some(found) => Some(found.clone()),
        None => find(ctx, &parts.headers).await?,
    };
    match found {
        Some(found) => Ok(Some(used(ctx, found, true).await?.caller)),
        None => Ok(None),
    }
}

/// A live session: whose it is, the hash of its token, and when it expires unless used.
pub struct Session {
    pub caller: Caller,
    pub token_hash: String,
    pub ends_at: DateTime<Utc>,
}

/// A live session as found in the database, before this request is counted as its use. Not
/// `Debug`: it holds the token.
#[derive(Clone)]
pub struct Found {
    pub caller: Caller,
    token: String,
    token_hash: String,
    last_seen: DateTime<Utc>,
    created: DateTime<Utc>,
}

/// The session these request headers carry, if it is live. With `touch`, a session last seen
/// a while ago is marked seen now and its cookie renewed; a request that cannot set a cookie
/// (a stream of events) must not, or the cookie would miss its renewal.
pub async fn caller_with(
    ctx: &ServerContext,
    headers: &HeaderMap,
    touch: bool,
) -> Result<Option<Session>, AppError> {
    match find(ctx, headers).await? {
        Some(found) => Ok(Some(used(ctx, found, touch).await?)),
        None => Ok(None),
    }
}

/// The live session these request headers carry, if any; an expired one is deleted.
pub async fn find(ctx: &ServerContext, headers: &HeaderMap) -> Result<Option<Found>, AppError> {
    let Some(token) = cookie_in(headers, &cookie_name(ctx, SESSION)) else {
        return Ok(None);
    };
    if token.len() != 64 {
        return Ok(None);
    }
    let token_hash = hash(&token);
    let row: Option<SessionRow> = on_db!(&ctx.pool, |db| sqlx::query_as(
        "SELECT u.id, u.display_name, u.email, s.last_seen_at, s.created_at
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND u.deleted_at IS NULL",
    )
    .bind(&token_hash)
    .fetch_optional(db)
    .await)?;
    let Some(SessionRow {
        id,
        display_name,
        email,
        last_seen_at: last_seen,
        created_at: created,
    }) = row
    else {
        return Ok(None);
    };
    if expired(Utc::now(), last_seen, created) {
        on_db!(&ctx.writer, |db| sqlx::query(
            "DELETE FROM sessions WHERE token_hash = $1"
        )
        .bind(&token_hash)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        return Ok(None);
    }
    let id = Uuid::parse_str(&id).map_err(|_| AppError::Internal)?;
    Ok(Some(Found {
        caller: Caller {
            id,
            display_name,
            email,
        },
        token,
        token_hash,
        last_seen,
        created,
    }))
}

/// A found session in use by this request: with `touch` (see [`caller_with`]), seen now.
async fn used(ctx: &ServerContext, found: Found, touch: bool) -> Result<Session, AppError> {
    let Found {
        caller,
        token,
        token_hash,
        last_seen,
        created,
    } = found;
    let now = Utc::now();
    let seen = if touch && now - last_seen >= Duration::minutes(TOUCH_AFTER_MINUTES) {
        on_db!(&ctx.writer, |db| sqlx::query(
            "UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2"
        )
        .bind(now)
        .bind(&token_hash)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        set_cookie(ctx, SESSION, &token, COOKIE_MAX_AGE_SECS);
        now
    } else {
        last_seen
    };
    Ok(Session {
        caller,
        token_hash,
        ends_at: (seen + Duration::days(IDLE_LIMIT_DAYS))
            .min(created + Duration::days(ABSOLUTE_LIMIT_DAYS)),
    })
}

/// The caller, or `Unauthenticated`.
pub async fn require(ctx: &ServerContext) -> Result<Caller, AppError> {
    caller(ctx).await?.ok_or(AppError::Unauthenticated)
}
