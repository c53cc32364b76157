//! Calendars over HTTP: a member's download, and each person's private subscription link (a
//! secret token stored only as its hash) that calendar apps poll.

use super::{of_relationship, Calendar};
use crate::{
    error::AppError,
    i18n::{locale_of, Locale},
    on_db,
    relationships::server::standing,
    server::{
        random_token,
        session::{caller_with, client_address_in, hash, Caller},
        ServerContext,
    },
};
use axum::{
    extract::{Path, Request, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// When the caller's subscription link to `relationship` was made, if they have one.
pub async fn current(
    ctx: &ServerContext,
    caller: &Caller,
    relationship: Uuid,
) -> Result<Option<DateTime<Utc>>, AppError> {
    standing(ctx, caller, relationship).await?;
    let row: Option<(DateTime<Utc>,)> = on_db!(&ctx.pool, |db| sqlx::query_as(
        "SELECT created_at FROM calendar_feeds WHERE user_id = $1 AND relationship_id = $2"
    )
    .bind(caller.id.to_string())
    .bind(relationship.to_string())
    .fetch_optional(db)
    .await)?;
    Ok(row.map(|(at,)| at))
}

/// A new subscription link, replacing (and so revoking) the caller's old one; its token is in
/// this answer only.
pub async fn renew(
    ctx: &ServerContext,
    caller: &Caller,
    relationship: Uuid,
) -> Result<String, AppError> {
    if standing(ctx, caller, relationship).await?.ended {
        return Err(AppError::Ended);
    }
    let token = random_token();
    // One statement: two renewals at once leave one link, not a conflict.
    on_db!(&ctx.writer, |db| sqlx::query(
        "INSERT INTO calendar_feeds (token_hash, user_id, relationship_id, created_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, relationship_id)
         DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at"
    )
    .bind(hash(&token))
    .bind(caller.id.to_string())
    .bind(relationship.to_string())
    .bind(Utc::now())
    .execute(db)
    .await
    .map(drop))?;
    Ok(format!("{}/calendar/{token}.ics", ctx.base_url))
}

/// Revokes the caller's subscription link: it answers 404 from now on.
pub async fn revoke(
    ctx: &ServerContext,
    caller: &Caller,
    relationship: Uuid,
) -> Result<(), AppError> {
    standing(ctx, caller, relationship).await?;
    on_db!(&ctx.writer, |db| sqlx::query(
        "DELETE FROM calendar_feeds WHERE user_id = $1 AND relationship_id = $2"
    )
    .bind(caller.id.to_string())
    .bind(relationship.to_string())
    .execute(db)
    .await
    .map(drop))?;
    Ok(())
}

/// `GET /calendar/relationship/{id}`: the relationship's sessions as a file, for a member. Without
/// a time zone, the agreement's page, where the pair give theirs.
pub async fn download(
    State(ctx): State<ServerContext>,
    Path(relationship): Path<String>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    if let Some(refused) = over_limit(&ctx, &parts) {
        return refused;
    }
    let headers = parts.headers;
    let Ok(relationship) = Uuid::parse_str(&relationship) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let answer = async {
        let Some(session) = caller_with(&ctx, &headers, false).await? else {
            let back = format!("/r/{relationship}/roadmap");
            return Ok(Redirect::to(&format!("/signin?next={back}")).into_response());
        };
        standing(&ctx, &session.caller, relationship).await?;
        let calendar = of_relationship(&ctx, relationship, locale_of(&headers)).await?;
        Ok::<_, AppError>(if calendar.zoned {
            answer(calendar, &headers, true)
        } else {
            Redirect::to(&format!("/r/{relationship}/agreement#agree-time_zone")).into_response()
        })
    };
    answer.await.unwrap_or_else(|error| match error {
        AppError::Forbidden => StatusCode::NOT_FOUND.into_response(),
        other => status_of(&other).into_response(),
    })
}

/// `GET /calendar/{token}.ics`: the calendar of a subscription link, while its owner is still in
/// the relationship and it has not ended. Anything else is 404, and nothing about the token is
/// logged.
pub async fn subscribed(
    State(ctx): State<ServerContext>,
    Path(file): Path<String>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    // A link is counted by itself, since calendar services poll many people's links from a few
    // addresses; what finds no link is counted by the client's address.
    let not_found =
        || over_limit(&ctx, &parts).unwrap_or_else(|| StatusCode::NOT_FOUND.into_response());
    let token = file.strip_suffix(".ics").unwrap_or_default();
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return not_found();
    }
    let token_hash = hash(token);
    let found: Result<Option<(String,)>, AppError> = on_db!(&ctx.pool, |db| sqlx::query_as(
        "SELECT c.relationship_id FROM calendar_feeds c
         JOIN memberships m ON m.relationship_id = c.relationship_id AND m.user_id = c.user_id
         JOIN users u ON u.id = c.user_id
         JOIN relationships r ON r.id = c.relationship_id
         WHERE c.token_hash = $1 AND u.deleted_at IS NULL AND r.ended_at IS NULL"
    )
    .bind(&token_hash)
    .fetch_optional(db)
    .await)
    .map_err(AppError::from);
    let relationship = match found {
        Ok(Some((id,))) => Uuid::parse_str(&id).ok(),
        Ok(None) => return not_found(),
        Err(error) => return status_of(&error).into_response(),
    };
    let Some(relationship) = relationship else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Err(wait) = ctx.subscriptions.check(&token_hash) {
        return too_many(wait);
    }
    let headers = parts.headers;
    // Without a time zone the times float: calendar apps place them in their own zone rather
    // than report a broken subscription.
    match of_relationship(&ctx, relationship, from_header(&headers)).await {
        Ok(calendar) => answer(calendar, &headers, false),
        Err(error) => status_of(&error).into_response(),
    }
}

/// 429 once the client's address has read its share of calendars this hour.
fn over_limit(ctx: &ServerContext, parts: &http::request::Parts) -> Option<Response> {
    let address = client_address_in(ctx, &parts.headers, &parts.extensions);
    let wait = ctx.calendars.check(&address).err()?;
    Some(too_many(wait))
}

fn too_many(wait: std::time::Duration) -> Response {
    let seconds = wait.as_secs().max(1).to_string();
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(header::RETRY_AFTER, seconds)],
    )
        .into_response()
}

fn from_header(headers: &HeaderMap) -> Locale {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::from_accept_language)
        .unwrap_or_default()
}

fn status_of(error: &AppError) -> StatusCode {
    StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The calendar, or 304 when the asker has it already (by `ETag`, else by date).
fn answer(calendar: Calendar, headers: &HeaderMap, attachment: bool) -> Response {
    let value = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    let unchanged = match value(header::IF_NONE_MATCH) {
        Some(tags) => tags
            .split(',')
            .map(str::trim)
            .any(|t| t == "*" || t.trim_start_matches("W/") == calendar.etag),
        None => value(header::IF_MODIFIED_SINCE)
            .and_then(|since| DateTime::parse_from_rfc2822(since).ok())
            .is_some_and(|since| calendar.last_modified.timestamp() <= since.timestamp()),
    };
    let last_modified = calendar
        .last_modified
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string();
    let common = [
        (header::ETAG, calendar.etag),
        (header::LAST_MODIFIED, last_modified),
        // Private to its asker, and asked again each time (cheaply, with the tags above).
        (header::CACHE_CONTROL, "private, no-cache".to_owned()),
    ];
    if unchanged {
        return (StatusCode::NOT_MODIFIED, common).into_response();
    }
    let disposition = if attachment {
        "attachment; filename=\"tandem-sessions.ics\""
    } else {
        "inline; filename=\"tandem-sessions.ics\""
    };
    (
        common,
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        calendar.text,
    )
        .into_response()
}
