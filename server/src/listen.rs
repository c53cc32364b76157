//! Accepting connections: a cap on how many are open and a deadline for each request's header,
//! so that a few clients holding connections open cannot use up the server's open files.

use axum::{extract::ConnectInfo, Router};
use hyper::{body::Incoming, server::conn::http1};
use hyper_util::{
    rt::{TokioIo, TokioTimer},
    server::graceful::GracefulShutdown,
};
use std::{future::Future, sync::Arc, time::Duration};
use tokio::{net::TcpListener, sync::Semaphore};
use tower::ServiceExt;

/// How long requests in flight may take to finish once the server is told to stop.
const GRACE: Duration = Duration::from_secs(30);
/// Files the process keeps for itself beyond its connections: the database, logs, the site.
const SPARE_FILES: usize = 256;

/// Raises the process's limit of open files as far as it may go, and returns how many
/// connections fit under it, at most `wanted`.
pub fn connections_that_fit(wanted: usize) -> usize {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: both calls only read or write the struct given, for this process.
    let files = unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return wanted.min(1024 - SPARE_FILES);
        }
        let raised = libc::rlimit {
            rlim_cur: limit.rlim_max,
            rlim_max: limit.rlim_max,
        };
        if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
            raised.rlim_cur
        } else {
            limit.rlim_cur
        }
    };
    let files = usize::try_from(files).unwrap_or(usize::MAX);
    wanted.min(files.saturating_sub(SPARE_FILES)).max(1)
}

/// Serves `app` on `listener` until `shutdown` completes, then lets requests in flight finish.
/// A connection beyond `most` is closed as soon as it is accepted.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    most: usize,
    header_timeout: Duration,
    shutdown: impl Future<Output = ()>,
) {
    let permits = Arc::new(Semaphore::new(most));
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout);
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    tracing::warn!(%error, "a connection was not accepted");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            tracing::warn!(%peer, "too many connections: one closed at once");
            continue;
        };
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            app.clone().oneshot(request)
        });
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    // New clients are refused from now on, rather than left waiting in the queue.
    drop(listener);
    if tokio::time::timeout(GRACE, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("requests still in flight were cut off");
    }
}
