//! Server-only infrastructure: database, sessions, rate limits, answering server functions, and the sync store.

pub mod db;
pub mod headers;
pub mod hints;
pub mod rate_limit;
pub mod respond;
pub mod session;
pub mod sync;
pub mod viewer;

use rate_limit::{KeyedLimiter, PushLimiter, RateLimiter};
use std::{net::IpAddr, sync::Arc};

/// What every server function can reach, provided as Leptos context per request.
#[derive(Clone)]
pub struct ServerContext {
    /// Connections that read: see [`db::Database`].
    pub pool: db::Pool,
    /// Connections that write.
    pub writer: db::Pool,
    pub limiter: Arc<RateLimiter>,
    /// Permits to hash or check a password: one per core.
    pub hashing: Arc<tokio::sync::Semaphore>,
    pub clock: Arc<sync::ServerClock>,
    pub hints: Arc<hints::Hints>,
    /// Where the app is reachable from outside, without a trailing slash; invite links start with it.
    pub base_url: String,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Arc<[IpAddr]>,
    pub sign_ups: Arc<KeyedLimiter>,
    /// Calendars read per client address: downloads, and asks for a link that is not there.
    pub calendars: Arc<KeyedLimiter>,
    /// Reads of each subscription link, by its token's hash.
    pub subscriptions: Arc<KeyedLimiter>,
    pub pushes: Arc<PushLimiter>,
    pub pulls: Arc<KeyedLimiter>,
    /// Imports per account.
    pub imports: Arc<KeyedLimiter>,
    /// Bytes each person's records may take in one relationship (see `sync::push`).
    pub relationship_bytes: i64,
    /// See [`db::Database::key`].
    key: Arc<[u8; 32]>,
}

/// Calendars one client address may read in an hour.
pub const CALENDARS_PER_HOUR: u32 = 600;
/// Reads of one subscription link in an hour: calendar apps poll every few minutes at most.
pub const SUBSCRIPTION_READS_PER_HOUR: u32 = 60;

/// Imports one account may make in an hour: each reads up to 10 MB and writes in one go.
pub const IMPORTS_PER_HOUR: u32 = 20;

/// What the operator configures.
pub struct Settings {
    pub base_url: String,
    pub trusted_proxies: Vec<IpAddr>,
    pub sign_ups_per_hour: u32,
    pub relationship_bytes: i64,
    /// Connections the server holds open at most.
    pub max_connections: usize,
}

impl ServerContext {
    pub async fn new(db: db::Database, settings: Settings) -> Result<Self, sqlx::Error> {
        Ok(Self {
            clock: Arc::new(sync::ServerClock::load(&db.readers).await?),
            // A quarter of the connections stay for everything else.
            hints: hints::Hints::new(&db.writer, settings.max_connections * 3 / 4),
            pool: db.readers,
            writer: db.writer,
            limiter: Arc::new(RateLimiter::default()),
            hashing: Arc::new(tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(1, |n| n.get()),
            )),
            base_url: settings.base_url.trim_end_matches('/').to_owned(),
            // An IPv4 proxy reaches a server listening on IPv6 as `::ffff:a.b.c.d`.
            trusted_proxies: settings
                .trusted_proxies
                .into_iter()
                .map(|ip| ip.to_canonical())
                .collect(),
            sign_ups: Arc::new(KeyedLimiter::per_hour(settings.sign_ups_per_hour)),
            // Calendar apps ask every few minutes at most; an office behind one address may
            // hold many subscribers.
            calendars: Arc::new(KeyedLimiter::per_hour(CALENDARS_PER_HOUR)),
            subscriptions: Arc::new(KeyedLimiter::per_hour(SUBSCRIPTION_READS_PER_HOUR)),
            pushes: Arc::default(),
            pulls: Arc::new(KeyedLimiter::pulls()),
            imports: Arc::new(KeyedLimiter::per_hour(IMPORTS_PER_HOUR)),
            relationship_bytes: settings.relationship_bytes,
            key: Arc::new(db.key),
        })
    }

    /// The secret token of a link for `purpose` and `id`, derived with the server's key: it can
    /// be shown again without being stored. 256 bits, hex-encoded.
    pub fn link_token(&self, purpose: &str, id: &str) -> String {
        use hmac::Mac;
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(self.key.as_slice())
            .expect("HMAC takes a key of any length");
        mac.update(purpose.as_bytes());
        mac.update(b":");
        mac.update(id.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// Cookies may only travel over TLS when the app is served over TLS.
    pub fn secure_cookies(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    pub fn current() -> Result<Self, crate::error::AppError> {
        leptos::prelude::use_context::<Self>().ok_or_else(|| {
            tracing::error!("ServerContext missing from the request context");
            crate::error::AppError::Internal
        })
    }
}

/// A fresh random secret of 256 bits, hex-encoded, for session and invite tokens.
pub fn random_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

impl From<sqlx::Error> for crate::error::AppError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            // The write queue was full for its whole limit: a moment later it will not be.
            sqlx::Error::PoolTimedOut => {
                tracing::warn!("a write waited too long for its turn");
                Self::Busy(1)
            }
            // PostgreSQL: a lock waited for too long (55P03), two transactions waited for each
            // other (40P01), or one could not be serialized (40001). Asked again, it will do.
            sqlx::Error::Database(error)
                if matches!(error.code().as_deref(), Some("55P03" | "40P01" | "40001")) =>
            {
                tracing::warn!(%error, "a write met another one");
                Self::Busy(1)
            }
            error => {
                tracing::error!(%error, "database error");
                Self::Internal
            }
        }
    }
}
