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
pub fn page_data<T, S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetch: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> PageData<T>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    S: Send + Sync + Clone + PartialEq + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetch, false)
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
