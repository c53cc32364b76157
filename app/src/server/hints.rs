//! "Pull now": a server-sent event to the open devices of everyone a push concerns, so that a
//! partner's edit shows within a second rather than at the next poll. The hint carries no data;
//! what changed still travels by pull, with its membership checks.

use super::{session, sync::Touched, ServerContext};
use crate::on_db;
use axum::{
    extract::State,
    http::{HeaderMap, StatusCode},
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
/// A stream ends after this long and the browser opens a new one, so that a session that has
/// ended since is asked again whether it is still live.
const LIFETIME: Duration = Duration::from_secs(10 * 60);
/// Pushes in flight before a slow stream misses some; it then pulls anyway.
const QUEUE: usize = 256;

#[derive(Clone, Debug)]
enum Hint {
    /// These people have something new to pull.
    Pull(Arc<[Uuid]>),
    /// The server is stopping: every stream ends, so that shutting down need not wait for them.
    Closing,
}

/// The hub every stream listens to.
pub struct Hints {
    sender: broadcast::Sender<Hint>,
    open: Mutex<HashMap<Uuid, usize>>,
}

impl Default for Hints {
    fn default() -> Self {
        Self {
            sender: broadcast::channel(QUEUE).0,
            open: Mutex::default(),
        }
    }
}

impl Hints {
    /// Tells the members of every relationship the push changed a shared record of, and the
    /// caller of a change to their private records. Best effort: a failure here only means
    /// the partner sees the change at their next poll.
    pub async fn after_push(
        &self,
        ctx: &ServerContext,
        caller: &session::Caller,
        touched: Touched,
    ) {
        if self.sender.receiver_count() == 0 {
            return;
        }
        let mut users = vec![caller.id];
        if !touched.shared.is_empty() {
            let members: Result<Vec<(String,)>, sqlx::Error> = on_db!(&ctx.pool, |pool| {
                let mut query = sqlx::QueryBuilder::new(
                    "SELECT user_id FROM memberships WHERE relationship_id IN (",
                );
                let mut list = query.separated(", ");
                for relationship in &touched.shared {
                    list.push_bind(relationship);
                }
                list.push_unseparated(")");
                query.build_query_as().fetch_all(pool).await
            });
            match members {
                Ok(rows) => users.extend(rows.iter().filter_map(|(id,)| Uuid::parse_str(id).ok())),
                Err(error) => tracing::warn!(%error, "members to hint were not read"),
            }
        } else if !touched.private {
            return;
        }
        users.sort();
        users.dedup();
        let _ = self.sender.send(Hint::Pull(users.into()));
    }

    /// Ends every stream: the server is shutting down.
    pub fn close_all(&self) {
        let _ = self.sender.send(Hint::Closing);
    }

    /// A stream for `user`, or none when they hold the most they may.
    fn subscribe(self: &Arc<Self>, user: Uuid) -> Option<Subscription> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let count = open.entry(user).or_insert(0);
        if *count >= MAX_STREAMS_PER_USER {
            return None;
        }
        *count += 1;
        Some(Subscription {
            hints: self.clone(),
            user,
            receiver: self.sender.subscribe(),
        })
    }
}

/// One open stream; counted while it lives.
struct Subscription {
    hints: Arc<Hints>,
    user: Uuid,
    receiver: broadcast::Receiver<Hint>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let mut open = self.hints.open.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = open.get_mut(&self.user) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.user);
            }
        }
    }
}

impl Subscription {
    /// Waits for the next hint for this user; `None` when the stream should end.
    async fn next(&mut self) -> Option<()> {
        loop {
            match self.receiver.recv().await {
                Ok(Hint::Pull(users)) if users.binary_search(&self.user).is_ok() => return Some(()),
                Ok(Hint::Pull(_)) => {}
                // Hints were missed: one of them may have been ours.
                Err(broadcast::error::RecvError::Lagged(_)) => return Some(()),
                Ok(Hint::Closing) | Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    }
}

/// `GET /api/events`: the signed-in caller's stream of hints, each an event `pull`.
pub async fn events(State(ctx): State<ServerContext>, headers: HeaderMap) -> Response {
    let user = match session::caller_with(&ctx, &headers, false).await {
        Ok(Some(caller)) => caller.id,
        Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(error) => {
            return StatusCode::from_u16(error.status())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
                .into_response()
        }
    };
    let Some(subscription) = ctx.hints.subscribe(user) else {
        return StatusCode::TOO_MANY_REQUESTS.into_response();
    };
    let ends = tokio::time::Instant::now() + LIFETIME;
    let stream = futures::stream::unfold(subscription, move |mut subscription| async move {
        tokio::time::timeout_at(ends, subscription.next())
            .await
            .ok()
            .flatten()
            .map(|()| {
                (
                    Ok::<_, Infallible>(Event::default().data("pull")),
                    subscription,
                )
            })
    });
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}
