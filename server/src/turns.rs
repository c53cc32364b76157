//! Turns for each account: two of its calls run at once, some more wait, the rest come back later.
//!
//! Without them, one account's 48 connections slowed another pair's one-item pushes from 3 ms
//! to a median of 1.3 s: every call of the flood took its share of the database and the CPU.

use app::{
    error::AppError,
    server::{session, ServerContext},
};
use axum::{
    extract::{Request, State},
    http::{header, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
    Json,
};
use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use uuid::Uuid;

/// An account's calls that run at once: the app sends one push and one pull at most.
const AT_ONCE: usize = 2;
/// An account's calls that may wait for a turn (several tabs and devices) before more are refused.
const MOST_WAITING: usize = 64;
/// Seconds a call refused for want of a turn is told to wait.
const COME_BACK_AFTER: u64 = 1;

/// The turns of the accounts that have calls running or waiting; an account at rest has none.
#[derive(Default)]
pub struct Turns(Mutex<HashMap<Uuid, Account>>);

#[derive(Clone)]
struct Account {
    /// Calls running or waiting.
    room: Arc<Semaphore>,
    /// Calls running.
    running: Arc<Semaphore>,
}

/// One call's place: in the waiting room, then running. Dropping it leaves both.
pub struct Turn {
    turns: Arc<Turns>,
    account: Uuid,
    permits: Vec<OwnedSemaphorePermit>,
}

impl Turns {
    /// Waits for a turn of `account`, or says to come back when too many of its calls wait.
    pub async fn take(self: &Arc<Self>, account: Uuid) -> Result<Turn, AppError> {
        let mut turn = Turn {
            turns: self.clone(),
            account,
            permits: Vec::with_capacity(2),
        };
        let running = {
            let mut accounts = self.0.lock().unwrap_or_else(|e| e.into_inner());
            let entry = accounts.entry(account).or_insert_with(|| Account {
                room: Arc::new(Semaphore::new(AT_ONCE + MOST_WAITING)),
                running: Arc::new(Semaphore::new(AT_ONCE)),
            });
            let entered = entry
                .room
                .clone()
                .try_acquire_owned()
                .map_err(|_| AppError::Busy(COME_BACK_AFTER))?;
            turn.permits.push(entered);
            entry.running.clone()
        };
        // The semaphore is never closed; a call given up while it waits drops `turn`, which
        // leaves the waiting room.
        let started = running
            .acquire_owned()
            .await
            .map_err(|_| AppError::Internal)?;
        turn.permits.push(started);
        Ok(turn)
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        // Under the lock, so that no call enters between the count and the removal.
        let mut accounts = self.turns.0.lock().unwrap_or_else(|e| e.into_inner());
        self.permits.clear();
        if accounts
            .get(&self.account)
            .is_some_and(|a| Arc::strong_count(&a.room) == 1)
        {
            accounts.remove(&self.account);
        }
    }
}

/// Gives each signed-in server-function call a turn of its account before its body is read.
/// The session found on the way is handed on, so the call does not look it up again.
pub async fn take_turns(
    State((ctx, turns)): State<(ServerContext, Arc<Turns>)>,
    mut request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::POST || !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let found = match session::find(&ctx, request.headers()).await {
        Ok(Some(found)) => found,
        // Without a session the call answers for itself (401, or a sign-in).
        Ok(None) => return next.run(request).await,
        Err(error) => return refused(&error),
    };
    let asked = std::time::Instant::now();
    let turn = match turns.take(found.caller.id).await {
        Ok(turn) => turn,
        Err(error) => return refused(&error),
    };
    // A session may have ended while its call waited (a sign-out): the call then looks again.
    if asked.elapsed() < std::time::Duration::from_millis(50) {
        request.extensions_mut().insert(found);
    }
    // The call keeps its turn to its end, even if the client hangs up first: the server goes
    // on with it (`respond::serve`), so a client closing at once must not free the turn.
    tokio::spawn(async move {
        let response = next.run(request).await;
        drop(turn);
        response
    })
    .await
    .unwrap_or_else(|_| refused(&AppError::Internal))
}

/// The answer a server function gives for `error`, as the app reads it.
fn refused(error: &AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let wait = error.retry_after().unwrap_or(COME_BACK_AFTER).to_string();
    (status, [(header::RETRY_AFTER, wait)], Json(error)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_account_with_its_turns_taken_and_its_waiting_room_full_is_told_to_come_back() {
        let turns = Arc::new(Turns::default());
        let (busy, other) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let mut held = Vec::new();
        for _ in 0..AT_ONCE {
            held.push(turns.take(busy).await.expect("a free turn"));
        }
        let waiting: Vec<_> = (0..MOST_WAITING)
            .map(|_| {
                let turns = turns.clone();
                tokio::spawn(async move { turns.take(busy).await.map(drop) })
            })
            .collect();
        while turns.0.lock().unwrap()[&busy].room.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        assert!(matches!(turns.take(busy).await, Err(AppError::Busy(1))));
        drop(
            turns
                .take(other)
                .await
                .expect("another account has turns of its own"),
        );
        held.clear();
        for waiter in waiting {
            assert!(
                waiter.await.unwrap().is_ok(),
                "every waiting call gets its turn"
            );
        }
        assert!(
            turns.0.lock().unwrap().is_empty(),
            "an account at rest leaves nothing"
        );
    }
}
