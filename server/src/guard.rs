//! Refuses requests a browser sent on another site's behalf, and bodies of a type the server function does not take.

use axum::{
    extract::{Request, State},
    http::{header, HeaderMap, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::sync::Arc;

/// What the guard compares requests with.
#[derive(Clone)]
pub struct Guard {
    /// `host[:port]` of the public URL, for when a proxy rewrites the Host header.
    public_host: String,
    form_endpoints: Arc<[&'static str]>,
}

impl Guard {
    pub fn new(base_url: &str, form_endpoints: &[&'static str]) -> Self {
        Self {
            public_host: authority(base_url).to_ascii_lowercase(),
            form_endpoints: form_endpoints.into(),
        }
    }

    /// Whether a browser sent this request from a page of another site. The browser's own
    /// `Sec-Fetch-Site` decides where it is sent; older browsers send only `Origin`, compared
    /// with the host asked for. Neither header: not a browser, so not a forged request.
    fn cross_site(&self, headers: &HeaderMap) -> bool {
        let value = |name| headers.get(name).and_then(|v| v.to_str().ok());
        if let Some(site) = value("sec-fetch-site") {
            return !matches!(site, "same-origin" | "none");
        }
        let Some(origin) = value(header::ORIGIN.as_str()) else {
            return false;
        };
        let origin = authority(origin).to_ascii_lowercase();
        let host = value(header::HOST.as_str()).unwrap_or_default();
        origin != host.to_ascii_lowercase() && origin != self.public_host
    }

    /// The one body type `path` takes: form bodies only where a form posts before the app has
    /// loaded, JSON everywhere else. A body of the other type, or `text/plain` (which any site
    /// may send without asking), is refused before it is read.
    fn takes(&self, path: &str, headers: &HeaderMap) -> bool {
        let expected = if self.form_endpoints.contains(&path) {
            "application/x-www-form-urlencoded"
        } else {
            "application/json"
        };
        let essence = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(str::trim)
            .unwrap_or_default();
        essence.eq_ignore_ascii_case(expected)
    }
}

/// `host[:port]` of a URL or an Origin (`scheme://host[:port]`).
fn authority(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or_default()
}

/// Lets reads through; anything that may change something must come from this site, and a
/// server function's body must be of the type it takes.
pub async fn same_site_only(State(guard): State<Guard>, request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    // A refused body is never read, so the connection closes after the answer; saying so keeps
    // a client from sending its next request on it.
    let close = [(header::CONNECTION, "close")];
    if guard.cross_site(request.headers()) {
        return (
            StatusCode::FORBIDDEN,
            close,
            "Requests from other sites are refused.",
        )
            .into_response();
    }
    let path = request.uri().path();
    if path.starts_with("/api/") && !guard.takes(path, request.headers()) {
        return (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            close,
            "This body type is not accepted here.",
        )
            .into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| {
                (
                    header::HeaderName::from_static(k),
                    HeaderValue::from_static(v),
                )
            })
            .collect()
    }

    fn guard() -> Guard {
        Guard::new("https://tandem.example", &["/api/sign_in"])
    }

    #[test]
    fn the_browser_saying_same_origin_is_believed() {
        let h = headers(&[("sec-fetch-site", "same-origin"), ("origin", "https://x")]);
        assert!(!guard().cross_site(&h));
    }

    #[test]
    fn a_request_from_another_site_or_a_sibling_subdomain_is_cross_site() {
        for site in ["cross-site", "same-site"] {
            let h = headers(&[("sec-fetch-site", site)]);
            assert!(guard().cross_site(&h), "{site}");
        }
    }

    #[test]
    fn without_fetch_metadata_the_origin_must_be_the_host_asked_for() {
        let same = headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000"),
        ]);
        assert!(!guard().cross_site(&same));
        let public = headers(&[
            ("origin", "https://tandem.example"),
            ("host", "10.0.0.5:3000"),
        ]);
        assert!(!guard().cross_site(&public));
        let foreign = headers(&[
            ("origin", "https://evil.example"),
            ("host", "tandem.example"),
        ]);
        assert!(guard().cross_site(&foreign));
        let opaque = headers(&[("origin", "null"), ("host", "tandem.example")]);
        assert!(guard().cross_site(&opaque));
    }

    #[test]
    fn a_form_endpoint_takes_a_form_and_every_other_json() {
        let form = headers(&[("content-type", "application/x-www-form-urlencoded")]);
        let json = headers(&[("content-type", "application/json; charset=utf-8")]);
        let text = headers(&[("content-type", "text/plain")]);
        assert!(guard().takes("/api/sign_in", &form));
        assert!(!guard().takes("/api/sign_in", &json));
        assert!(guard().takes("/api/push", &json));
        assert!(!guard().takes("/api/push", &form));
        assert!(!guard().takes("/api/push", &text));
        assert!(!guard().takes("/api/push", &HeaderMap::new()));
    }
}
