//! Signing up, in and out: password hashing and the rules around it.

mod deletion;

use super::{DisplayName, Email, Password, UserView};
use crate::on_db;
use crate::{
    error::AppError,
    problem::{Field, FieldError, Problem},
    server::{
        session::{self, Caller},
        ServerContext,
    },
};
use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};
use chrono::Utc;
use std::{
    sync::OnceLock,
    time::{Duration, Instant},
};
use uuid::Uuid;

impl From<Caller> for UserView {
    fn from(caller: Caller) -> Self {
        Self {
            id: caller.id,
            display_name: caller.display_name,
            email: caller.email,
        }
    }
}

/// How long a password check waits for a free hashing thread before the caller is asked to
/// come back.
const HASHING_QUEUE: Duration = Duration::from_secs(10);
const BUSY_RETRY_SECS: u64 = 5;

/// Runs a password hash or check on a blocking thread, no more at once than the server has
/// hashing permits: each takes 19 MiB, and a burst of sign-ups must not take all the memory.
async fn hashing<T: Send + 'static>(
    ctx: &ServerContext,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let permit = tokio::time::timeout(HASHING_QUEUE, ctx.hashing.clone().acquire_owned())
        .await
        .map_err(|_| AppError::Busy(BUSY_RETRY_SECS))?
        .map_err(|_| AppError::Internal)?;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        work()
    })
    .await
    .map_err(|_| AppError::Internal)
}

/// Argon2id with the crate's defaults (19 MiB, 2 passes).
async fn hash_password(ctx: &ServerContext, password: Password) -> Result<String, AppError> {
    hashing(ctx, move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.expose().as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await?
    .map_err(|error| {
        tracing::error!(%error, "password hashing failed");
        AppError::Internal
    })
}

/// A hash to verify against when the account does not exist, so that timing
/// does not tell which emails have accounts.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(b"decoy password for unknown accounts", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

/// Whether `password` matches `hash`. Without an account the decoy is checked all the same,
/// so that an unknown email takes as long as a wrong password.
async fn verify_password(
    ctx: &ServerContext,
    password: String,
    hash: Option<String>,
) -> Result<bool, AppError> {
    hashing(ctx, move || {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| decoy_hash().to_owned());
        let matches = PasswordHash::new(&hash).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        });
        known && matches
    })
    .await
}

/// Collects every field's problem at once, so the user fixes the form in one go.
fn parse_sign_up(
    display_name: &str,
    email: &str,
    password: &str,
) -> Result<(DisplayName, Email, Password), AppError> {
    let (name, email, password) = (
        DisplayName::parse(display_name),
        Email::parse(email),
        Password::parse(password),
    );
    match (name, email, password) {
        (Ok(n), Ok(e), Ok(p)) => Ok((n, e, p)),
        (n, e, p) => Err(AppError::Invalid(
            [n.err(), e.err(), p.err()].into_iter().flatten().collect(),
        )),
    }
}

pub async fn sign_up(
    ctx: &ServerContext,
    display_name: &str,
    email: &str,
    password: &str,
) -> Result<UserView, AppError> {
    let (name, email, password) = parse_sign_up(display_name, email, password)?;
    ctx.sign_ups
        .check(&session::client_address(ctx))
        .map_err(|wait| AppError::RateLimited(wait.as_secs().max(1)))?;
    let hash = hash_password(ctx, password).await?;
    let id = Uuid::now_v7();
    let inserted = on_db!(&ctx.writer, |db| sqlx::query(
        "INSERT INTO users (id, email, display_name, password_hash, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING",
    )
    .bind(id.to_string())
    .bind(email.as_str())
    .bind(name.as_str())
    .bind(hash)
    .bind(Utc::now())
    .execute(db)
    .await
    .map(|r| r.rows_affected()))?;
    if inserted == 0 {
        return Err(AppError::field(FieldError::new(
            Field::Email,
            Problem::Taken,
        )));
    }
    session::start(ctx, id).await?;
    device::remember(ctx, id).await?;
    Ok(UserView {
        id,
        display_name: name.as_str().to_owned(),
        email: email.as_str().to_owned(),
    })
}

pub async fn sign_in(
    ctx: &ServerContext,
    email: &str,
    password: &str,
) -> Result<UserView, AppError> {
    let email = Email::parse(email).map_err(AppError::field)?;
    if password.is_empty() {
        return Err(AppError::field(FieldError::new(
            Field::Password,
            Problem::Required,
        )));
    }
    if password.chars().count() > Password::MAX {
        return Err(AppError::WrongCredentials);
    }
    let row: Option<(String, String, String)> = on_db!(&ctx.pool, |db| sqlx::query_as(
        "SELECT id, display_name, password_hash FROM users WHERE email = $1"
    )
    .bind(email.as_str())
    .fetch_optional(db)
    .await)?;
    let (id, display_name, hash) = match row {
        Some((id, name, hash)) => (Some(id), name, Some(hash)),
        None => (None, String::new(), None),
    };
    let known_device = match &id {
        Some(id) => device::known(ctx, id).await?,
        None => false,
    };
    let address = session::client_address(ctx);
    ctx.limiter
        .reserve(email.as_str(), &address, known_device, Instant::now())
        .map_err(|wait| AppError::RateLimited(wait.as_secs().max(1)))?;
    if !verify_password(ctx, password.to_owned(), hash).await? {
        return Err(AppError::WrongCredentials);
    }
    ctx.limiter
        .succeeded(email.as_str(), &address, known_device);
    let id = id
        .and_then(|id| Uuid::parse_str(&id).ok())
        .ok_or(AppError::Internal)?;
    session::start(ctx, id).await?;
    device::remember(ctx, id).await?;
    Ok(UserView {
        id,
        display_name,
        email: email.as_str().to_owned(),
    })
}

/// Changes the caller's password after checking the current one, and ends their other sessions.
pub async fn change_password(
    ctx: &ServerContext,
    caller: &Caller,
    current: &str,
    new: &str,
) -> Result<(), AppError> {
    let new = Password::parse(new)
        .map_err(|e| AppError::field(FieldError::new(Field::NewPassword, e.problem)))?;
    let wrong = || AppError::field(FieldError::new(Field::Password, Problem::Wrong));
    if current.chars().count() > Password::MAX {
        return Err(wrong());
    }
    // A stolen session must not become a way to guess the password without limit. The count
    // is the account's own for this form: guessing at sign-in elsewhere does not block it.
    let address = session::client_address(ctx);
    let key = format!("password-change:{}", caller.id);
    ctx.limiter
        .reserve(&key, &address, false, Instant::now())
        .map_err(|wait| AppError::RateLimited(wait.as_secs().max(1)))?;
    let (hash,): (String,) = on_db!(&ctx.pool, |db| sqlx::query_as(
        "SELECT password_hash FROM users WHERE id = $1"
    )
    .bind(caller.id.to_string())
    .fetch_one(db)
    .await)?;
    if !verify_password(ctx, current.to_owned(), Some(hash)).await? {
        return Err(wrong());
    }
    ctx.limiter.succeeded(&key, &address, false);
    let hash = hash_password(ctx, new).await?;
    on_db!(&ctx.writer, |db| sqlx::query(
        "UPDATE users SET password_hash = $1 WHERE id = $2"
    )
    .bind(hash)
    .bind(caller.id.to_string())
    .execute(db)
    .await
    .map(|r| r.rows_affected()))?;
    session::end_all(ctx, caller.id, true).await?;
    // Only this browser stays trusted: the others may be why the password changed.
    device::forget_all(ctx, caller.id).await?;
    device::remember(ctx, caller.id).await
}

/// Deletes the caller's account after checking their password (a wrong one counts against the
/// account's sign-in limit, as at sign-in): see [`deletion::erase`] for what stays.
pub async fn delete_account(
    ctx: &ServerContext,
    caller: &Caller,
    password: &str,
) -> Result<(), AppError> {
    let wrong = || AppError::field(FieldError::new(Field::Password, Problem::Wrong));
    if password.is_empty() {
        return Err(AppError::field(FieldError::new(
            Field::Password,
            Problem::Required,
        )));
    }
    if password.chars().count() > Password::MAX {
        return Err(wrong());
    }
    let address = session::client_address(ctx);
    ctx.limiter
        .reserve(&caller.email, &address, false, Instant::now())
        .map_err(|wait| AppError::RateLimited(wait.as_secs().max(1)))?;
    let (hash,): (String,) = on_db!(&ctx.pool, |db| sqlx::query_as(
        "SELECT password_hash FROM users WHERE id = $1"
    )
    .bind(caller.id.to_string())
    .fetch_one(db)
    .await)?;
    if !verify_password(ctx, password.to_owned(), Some(hash)).await? {
        return Err(wrong());
    }
    ctx.limiter.succeeded(&caller.email, &address, false);
    let kept = deletion::erase(ctx, caller.id).await?;
    session::end_all(ctx, caller.id, false).await?;
    for relationship in kept {
        ctx.hints.relationship_changed(ctx, relationship).await;
    }
    Ok(())
}

/// Ends every session of the caller, this one too, and trusts none of their browsers any more.
pub async fn sign_out_everywhere(ctx: &ServerContext, caller: &Caller) -> Result<(), AppError> {
    session::end_all(ctx, caller.id, false).await?;
    device::forget_all(ctx, caller.id).await
}

/// Browsers that have signed in to an account before, known by a cookie of their own.
mod device {
    use crate::{
        error::AppError,
        on_db,
        server::{random_token, session, ServerContext},
    };
    use chrono::Utc;
    use uuid::Uuid;

    const COOKIE: &str = "tandem_device";
    const REMEMBERED_DAYS: i64 = 365;
    /// The most recent ones an account keeps.
    const PER_ACCOUNT: i64 = 20;

    fn token(ctx: &ServerContext) -> Option<String> {
        session::request_cookie(&session::cookie_name(ctx, COOKIE)).filter(|t| t.len() == 64)
    }

    /// Whether this browser has signed in to `user_id` before.
    pub async fn known(ctx: &ServerContext, user_id: &str) -> Result<bool, AppError> {
        let Some(token) = token(ctx) else {
            return Ok(false);
        };
        let found: Option<(String,)> = on_db!(&ctx.pool, |db| sqlx::query_as(
            "SELECT user_id FROM known_devices WHERE token_hash = $1 AND user_id = $2"
        )
        .bind(session::hash(&token))
        .bind(user_id)
        .fetch_optional(db)
        .await)?;
        Ok(found.is_some())
    }

    /// Remembers this browser for `user_id`. It keeps its token only if the server gave it
    /// (some account knows it): a token planted by someone else is replaced.
    pub async fn remember(ctx: &ServerContext, user_id: Uuid) -> Result<(), AppError> {
        let mut token = None;
        if let Some(presented) = self::token(ctx) {
            let known: Option<(String,)> = on_db!(&ctx.pool, |db| sqlx::query_as(
                "SELECT user_id FROM known_devices WHERE token_hash = $1 LIMIT 1"
            )
            .bind(session::hash(&presented))
            .fetch_optional(db)
            .await)?;
            token = known.map(|_| presented);
        }
        let token = token.unwrap_or_else(random_token);
        let user = user_id.to_string();
        on_db!(&ctx.writer, |db| sqlx::query(
            "INSERT INTO known_devices (token_hash, user_id, last_used_at) VALUES ($1, $2, $3)
             ON CONFLICT (token_hash, user_id) DO UPDATE SET last_used_at = excluded.last_used_at",
        )
        .bind(session::hash(&token))
        .bind(&user)
        .bind(Utc::now())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        on_db!(&ctx.writer, |db| sqlx::query(
            "DELETE FROM known_devices WHERE user_id = $1 AND token_hash NOT IN (
                SELECT token_hash FROM known_devices WHERE user_id = $2
                ORDER BY last_used_at DESC LIMIT $3)",
        )
        .bind(&user)
        .bind(&user)
        .bind(PER_ACCOUNT)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        session::set_cookie(ctx, COOKIE, &token, REMEMBERED_DAYS * 24 * 3600);
        Ok(())
    }

    /// Trusts none of the account's browsers any more.
    pub async fn forget_all(ctx: &ServerContext, user_id: Uuid) -> Result<(), AppError> {
        on_db!(&ctx.writer, |db| sqlx::query(
            "DELETE FROM known_devices WHERE user_id = $1"
        )
        .bind(user_id.to_string())
        .execute(db)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }
}
