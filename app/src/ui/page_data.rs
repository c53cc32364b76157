//! Data a page loads from the server: rendered into the page on the server, read back by the browser.

use codee::{Decoder, Encoder};
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use std::future::Future;

/// JSON, read back from bytes as server function replies are read. Leptos's default codec
/// reads from `&str`, which puts a second JSON reader for every loaded type in the bundle.
pub struct Json;

impl<T: Serialize> Encoder<T> for Json {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, Self::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for Json {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(text: &str) -> Result<T, Self::Error> {
        serde_json::from_slice(text.as_bytes())
    }
}

/// A resource encoded with [`Json`].
pub type PageData<T> = Resource<T, Json>;

/// Loads `fetch(source())` again whenever `source` changes, like `Resource::new`.
///
/// Made where the page starts, never after an await (inside [`after`]): hydration matches
/// page data to what the server sent by the order it was made in, and what is made after an
/// await is made in whatever order the waits end, which now and then differs in the browser
/// (the app then stops with a panic). Debug builds panic on it at once.
#[track_caller]
pub fn page_data<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetch: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> PageData<T>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    S: Send + Sync + Clone + PartialEq + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    #[cfg(debug_assertions)]
    awaiting::check();
    Resource::new_with_options(source, fetch, false)
}

/// `Suspend::new` for the app's views: what it renders once `future` is done may not make
/// [`page_data`]. Clippy refuses `Suspend::new` elsewhere (`clippy.toml`).
#[allow(clippy::disallowed_methods)]
pub fn after<T: 'static>(future: impl Future<Output = T> + Send + 'static) -> Suspend<T> {
    #[cfg(debug_assertions)]
    return Suspend::new(awaiting::Awaiting(Box::pin(future)));
    #[cfg(not(debug_assertions))]
    Suspend::new(future)
}

/// Debug builds know when a view's future is running, to refuse page data made in it.
#[cfg(debug_assertions)]
mod awaiting {
    use std::{
        cell::Cell,
        future::Future,
        pin::Pin,
        task::{Context, Poll},
    };

    thread_local! {
        static DEPTH: Cell<u32> = const { Cell::new(0) };
    }

    pub struct Awaiting<T>(pub Pin<Box<dyn Future<Output = T> + Send>>);

    impl<T> Future for Awaiting<T> {
        type Output = T;

        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
            DEPTH.with(|d| d.set(d.get() + 1));
            // Counted down on a panic too: the server goes on with other pages on this thread.
            let _polling = Polling;
            self.0.as_mut().poll(cx)
        }
    }

    struct Polling;

    impl Drop for Polling {
        fn drop(&mut self) {
            DEPTH.with(|d| d.set(d.get() - 1));
        }
    }

    #[track_caller]
    pub fn check() {
        if DEPTH.with(Cell::get) > 0 {
            panic!(
                "page data made after an await, at {}: make it where the page starts",
                std::panic::Location::caller()
            );
        }
    }
}

/// What `data` will hold, taken now. A page left while it loads is disposed while its views may
/// still be asked to render once more, and reaching a disposed resource panics; for a page that
/// is gone the wait never ends instead.
pub fn fetched<T>(data: PageData<T>) -> impl Future<Output = T>
where
    T: Clone + Send + Sync + 'static,
{
    let future = (!data.is_disposed()).then(|| std::future::IntoFuture::into_future(data));
    async move {
        match future {
            Some(future) => future.await,
            None => std::future::pending().await,
        }
    }
}
