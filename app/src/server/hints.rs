//! "Pull now": a server-sent event to the open devices of everyone a push concerns, so that a
//! partner's edit shows within a second rather than at the next poll. The hint carries no data;
//! what changed still travels by pull, with its membership checks. Servers sharing a PostgreSQL
//! database relay hints through it (`NOTIFY`), so a device hears of a push made on any of them.

use super::{session, sync::Touched, ServerContext};
use crate::{on_db, sync::hint};
use axum::{
    extract::{Request, State},
    http::StatusCode,
    response::{
        sse::{Event, KeepAlive, Sse},
        IntoResponse, Response,
    },
};
use std::{
    collections::HashMap,
    convert::Infallible,
    sync::{Arc, Mutex},
    time::Duration,
};
use tokio::sync::broadcast;
use uuid::Uuid;

/// Streams one person may hold open at once: a few devices, a few tabs each.
pub const MAX_STREAMS_PER_USER: usize = 16;
/// Streams from one client address: many people behind one address (an office, a campus) each
/// hold a few; one client signing in to many accounts to hold thousands is stopped here.
pub const MAX_STREAMS_PER_ADDRESS: usize = 512;
/// A stream ends after this long and the browser opens a new one, so that a session that has
/// ended since is asked again whether it is still live.
const LIFETIME: Duration = Duration::from_secs(10 * 60);
/// Pushes in flight before a slow stream misses some; it then pulls anyway.
const QUEUE: usize = 256;
/// A stream this quiet carries a [`hint::ALIVE`]: as often as the comment that kept idle
/// connections open before, so 5,000 idle devices cost no more.
const HEARTBEAT: Duration = Duration::from_secs(15);

/// What a hint asks a device to do; the name of its event on the stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum News {
    /// Records changed: pull.
    Records,
    /// A relationship itself changed (the partner joined, it ended): ask for the list again.
    Relationships,
}

impl News {
    fn as_str(self) -> &'static str {
        match self {
            Self::Records => hint::PULL,
            Self::Relationships => hint::RELATIONSHIPS,
        }
    }

    fn parse(text: &str) -> Option<Self> {
        [Self::Records, Self::Relationships]
            .into_iter()
            .find(|news| news.as_str() == text)
    }
}

#[derive(Clone, Debug)]
enum Hint {
    /// These people (sorted) have news.
    To(News, Arc<[Uuid]>),
    /// Hints may have been lost on the way here: every stream is told to pull.
    Everyone,
    /// Sessions ended: their streams end with them.
    Ended(Ended),
    /// The server is stopping: every stream ends, so that shutting down need not wait for them.
    Closing,
}

/// Which sessions ended, each named by its [`stream_key`].
#[derive(Clone, Debug)]
pub enum Ended {
    /// This session (signed out, or replaced by a new sign-in).
    Session(String),
    /// Every session of this person but this one (signed out everywhere, or the password
    /// changed: the empty key keeps none).
    AllBut(Uuid, String),
}

/// What names a session among the hints: a keyed digest of its token's hash, so that the
/// hints relayed through the database carry nothing a session is found by there.
pub fn stream_key(ctx: &ServerContext, token_hash: &str) -> String {
    if token_hash.is_empty() {
        return String::new();
    }
    ctx.link_token("events", token_hash)
}

impl Ended {
    fn ends(&self, user: Uuid, key: &str) -> bool {
        match self {
            Self::Session(ended) => ended == key,
            Self::AllBut(whose, kept) => *whose == user && kept != key,
        }
    }
}

/// The channel servers sharing a PostgreSQL database relay hints on.
const CHANNEL: &str = "tandem_hints";
/// A notification's payload stays under PostgreSQL's limit of 8,000 bytes: at most this many
/// people per notification (37 bytes each), more in several.
const PER_NOTIFICATION: usize = 200;

/// The hub every stream listens to.
pub struct Hints {
    sender: broadcast::Sender<Hint>,
    open: Mutex<Open>,
    /// Streams this server holds open at most: each is a connection and an open file.
    most: usize,
    /// With PostgreSQL, hints go out through the database and come back to every server,
    /// this one too, from its one listening connection.
    relay: Option<sqlx::PgPool>,
}

impl Hints {
    /// The hub of one server, holding at most `most` streams; with `database` on PostgreSQL,
    /// one relaying through it.
    pub fn new(database: &super::db::Pool, most: usize) -> Arc<Self> {
        let relay = match database {
            super::db::Backend::Postgres(pool) => Some(pool.clone()),
            super::db::Backend::Sqlite(_) => None,
        };
        let hints = Arc::new(Self {
            sender: broadcast::channel(QUEUE).0,
            open: Mutex::default(),
            most,
            relay,
        });
        if let Some(pool) = hints.relay.clone() {
            tokio::spawn(hints.clone().listen(pool));
        }
        hints
    }

    /// Hands the relayed hints to this server's streams, for as long as the server runs. A
    /// lost connection is made again, and since hints sent meanwhile are gone, every stream is
    /// then told to pull: a stream that stays open counts as delivering its hints.
    async fn listen(self: Arc<Self>, pool: sqlx::PgPool) {
        let mut listened = false;
        loop {
            let mut listener = match sqlx::postgres::PgListener::connect_with(&pool).await {
                Ok(listener) => listener,
                Err(error) => {
                    tracing::warn!(%error, "cannot listen for hints; trying again");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
            };
            if let Err(error) = listener.listen(CHANNEL).await {
                tracing::warn!(%error, "cannot listen for hints; trying again");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
            if std::mem::replace(&mut listened, true) {
                let _ = self.sender.send(Hint::Everyone);
            }
            loop {
                // Not `recv`: it connects again unseen, and what was sent meanwhile is lost.
                match listener.try_recv().await {
                    Ok(Some(notification)) => {
                        if let Some(hint) = Self::read(notification.payload()) {
                            let _ = self.sender.send(hint);
                        }
                    }
                    // The connection was lost and is listening again.
                    Ok(None) => {
                        tracing::warn!("hints stopped arriving for a while; streams told to pull");
                        let _ = self.sender.send(Hint::Everyone);
                    }
                    Err(error) => {
                        tracing::warn!(%error, "hints stopped arriving; listening again");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        break;
                    }
                }
            }
        }
    }

    /// A relayed hint: `<news> <id>,<id>,…`, `session <stream key>` or
    /// `sessions <id> <stream key kept, or ->`.
    fn read(payload: &str) -> Option<Hint> {
        let mut words = payload.split(' ');
        let hint = match (words.next()?, words.next()?, words.next()) {
            ("session", key, None) => Hint::Ended(Ended::Session(key.to_owned())),
            ("sessions", user, Some(kept)) => Hint::Ended(Ended::AllBut(
                Uuid::parse_str(user).ok()?,
                if kept == "-" { "" } else { kept }.to_owned(),
            )),
            (news, users, None) => {
                let mut users: Vec<Uuid> = users
                    .split(',')
                    .map(Uuid::parse_str)
                    .collect::<Result<_, _>>()
                    .ok()?;
                users.sort();
                Hint::To(News::parse(news)?, users.into())
            }
            _ => return None,
        };
        Some(hint)
    }

    /// Tells `users` of `news`. Best effort: a device that misses a hint pulls within a minute.
    async fn send(&self, news: News, mut users: Vec<Uuid>) {
        users.sort();
        users.dedup();
        if self.relay.is_none() {
            let _ = self.sender.send(Hint::To(news, users.into()));
            return;
        }
        for some in users.chunks(PER_NOTIFICATION) {
            let ids: Vec<String> = some.iter().map(Uuid::to_string).collect();
            self.notify(format!("{} {}", news.as_str(), ids.join(",")))
                .await;
        }
    }

    /// Ends the streams of sessions that ended, on every server.
    pub async fn sessions_ended(&self, ended: Ended) {
        if self.relay.is_none() {
            let _ = self.sender.send(Hint::Ended(ended));
            return;
        }
        self.notify(match ended {
            Ended::Session(key) => format!("session {key}"),
            Ended::AllBut(user, kept) if kept.is_empty() => format!("sessions {user} -"),
            Ended::AllBut(user, kept) => format!("sessions {user} {kept}"),
        })
        .await;
    }

    /// Sends a hint to every server sharing the database, this one too.
    async fn notify(&self, payload: String) {
        let Some(pool) = &self.relay else {
            return;
        };
        if let Err(error) = sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(payload)
            .execute(pool)
            .await
        {
            tracing::warn!(%error, "a hint was not relayed");
        }
    }

    /// Tells both members of a relationship that it changed.
    pub async fn relationship_changed(&self, ctx: &ServerContext, relationship: Uuid) {
        let users = self.members(ctx, &[relationship.to_string()]).await;
        self.send(News::Relationships, users).await;
    }

    /// The members of these relationships; none if they could not be read.
    async fn members(&self, ctx: &ServerContext, relationships: &[String]) -> Vec<Uuid> {
        let members: Result<Vec<(String,)>, sqlx::Error> = on_db!(&ctx.pool, |pool| {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT user_id FROM memberships WHERE relationship_id IN (",
            );
            let mut list = query.separated(", ");
            for relationship in relationships {
                list.push_bind(relationship);
            }
            list.push_unseparated(")");
            query.build_query_as().fetch_all(pool).await
        });
        match members {
            Ok(rows) => rows
                .iter()
                .filter_map(|(id,)| Uuid::parse_str(id).ok())
                .collect(),
            Err(error) => {
                tracing::warn!(%error, "members to hint were not read");
                Vec::new()
            }
        }
    }

    /// Tells the members of every relationship the push changed a shared record of, and the
    /// caller of a change to their private records. Best effort: a failure here only means
    /// the partner sees the change at their device's next pull, within a minute.
    pub async fn after_push(
        &self,
        ctx: &ServerContext,
        caller: &session::Caller,
        touched: Touched,
    ) {
        // Nobody listens here, and no other server could be listening.
        if self.relay.is_none() && self.sender.receiver_count() == 0 {
            return;
        }
        let mut users = vec![caller.id];
        if !touched.shared.is_empty() {
            users.extend(self.members(ctx, &touched.shared).await);
        } else if !touched.private {
            return;
        }
        self.send(News::Records, users).await;
    }

    /// Ends every stream: the server is shutting down.
    pub fn close_all(&self) {
        let _ = self.sender.send(Hint::Closing);
    }

    /// A stream for `user`'s session from `address`, or none when they, that address or this
    /// server hold the most they may.
    fn subscribe(
        self: &Arc<Self>,
        user: Uuid,
        key: String,
        address: String,
    ) -> Option<Subscription> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        if !open.admit(user, &address, self.most) {
            return None;
        }
        Some(Subscription {
            hints: self.clone(),
            user,
            key,
            address,
            receiver: self.sender.subscribe(),
        })
    }
}

/// The streams open, counted.
#[derive(Default)]
struct Open {
    total: usize,
    by_user: HashMap<Uuid, usize>,
    by_address: HashMap<String, usize>,
}

impl Open {
    /// Counts one stream more, unless it would be one too many for `user`, `address` or the
    /// server, which holds at most `most`.
    fn admit(&mut self, user: Uuid, address: &str, most: usize) -> bool {
        if self.total >= most
            || self.by_user.get(&user).copied().unwrap_or(0) >= MAX_STREAMS_PER_USER
            || self.by_address.get(address).copied().unwrap_or(0) >= MAX_STREAMS_PER_ADDRESS
        {
            return false;
        }
        self.total += 1;
        *self.by_user.entry(user).or_insert(0) += 1;
        *self.by_address.entry(address.to_owned()).or_insert(0) += 1;
        true
    }
}

/// Counts one stream less under `key`, forgetting keys that reach zero.
fn release<K: std::hash::Hash + Eq>(counts: &mut HashMap<K, usize>, key: &K) {
    if let Some(count) = counts.get_mut(key) {
        *count -= 1;
        if *count == 0 {
            counts.remove(key);
        }
    }
}

/// One open stream; counted while it lives.
struct Subscription {
    hints: Arc<Hints>,
    user: Uuid,
    key: String,
    address: String,
    receiver: broadcast::Receiver<Hint>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let mut open = self.hints.open.lock().unwrap_or_else(|e| e.into_inner());
        open.total -= 1;
        release(&mut open.by_user, &self.user);
        release(&mut open.by_address, &self.address);
    }
}

impl Subscription {
    /// Waits for the next hint for this user; `None` when the stream should end.
    async fn next(&mut self) -> Option<News> {
        loop {
            match self.receiver.recv().await {
                Ok(Hint::To(news, users)) if users.binary_search(&self.user).is_ok() => {
                    return Some(news)
                }
                Ok(Hint::To(..)) => {}
                Ok(Hint::Ended(ended)) if ended.ends(self.user, &self.key) => return None,
                Ok(Hint::Ended(_)) => {}
                // Hints were missed: one of them may have been ours, of either news; a device
                // told of a relationship's change pulls as well.
                Ok(Hint::Everyone) | Err(broadcast::error::RecvError::Lagged(_)) => {
                    return Some(News::Relationships)
                }
                Ok(Hint::Closing) | Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    }
}

/// `GET /api/events`: the signed-in caller's stream of hints, each a message `pull` (records
/// changed) or `relationships` (a relationship itself changed).
pub async fn events(State(ctx): State<ServerContext>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let headers = &parts.headers;
    let session = match session::caller_with(&ctx, headers, false).await {
        Ok(Some(session)) => session,
        Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(error) => {
            return StatusCode::from_u16(error.status())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
                .into_response()
        }
    };
    let address = session::client_address_in(&ctx, headers, &parts.extensions);
    let key = stream_key(&ctx, &session.token_hash);
    let Some(subscription) = ctx.hints.subscribe(session.caller.id, key, address) else {
        return StatusCode::TOO_MANY_REQUESTS.into_response();
    };
    // A session that expires meanwhile ends its stream then; one ended by signing out, at once.
    let expires = (session.ends_at - chrono::Utc::now())
        .to_std()
        .unwrap_or_default();
    let ends = tokio::time::Instant::now() + LIFETIME.min(expires);
    let stream = futures::stream::unfold(subscription, move |mut subscription| async move {
        tokio::time::timeout_at(ends, subscription.next())
            .await
            .ok()
            .flatten()
            .map(|news| {
                (
                    Ok::<_, Infallible>(Event::default().data(news.as_str())),
                    subscription,
                )
            })
    });
    Sse::new(stream)
        .keep_alive(
            KeepAlive::new()
                .interval(HEARTBEAT)
                .event(Event::default().data(hint::ALIVE)),
        )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_address_holds_at_most_its_share_of_streams_however_many_accounts_it_uses() {
        let mut open = Open::default();
        let admitted = (0..64u128)
            .flat_map(|account| (0..16).map(move |_| Uuid::from_u128(account)))
            .filter(|user| open.admit(*user, "203.0.113.7", 10_000))
            .count();
        assert_eq!(admitted, MAX_STREAMS_PER_ADDRESS);
        assert!(open.admit(Uuid::from_u128(1_000), "198.51.100.1", 10_000));
    }

    #[test]
    fn one_person_holds_at_most_sixteen_streams_from_anywhere() {
        let mut open = Open::default();
        let user = Uuid::from_u128(7);
        let admitted = (0..20)
            .filter(|n| open.admit(user, &format!("192.0.2.{n}"), 10_000))
            .count();
        assert_eq!(admitted, MAX_STREAMS_PER_USER);
    }

    #[test]
    fn the_server_holds_at_most_its_streams_in_total() {
        let mut open = Open::default();
        let admitted = (0..50u128)
            .filter(|n| open.admit(Uuid::from_u128(*n), &format!("192.0.2.{n}"), 30))
            .count();
        assert_eq!(admitted, 30);
    }
}
