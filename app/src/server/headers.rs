//! The security headers of every response, and the Content-Security-Policy a page runs under.

use http::{header, HeaderName, HeaderValue};

/// What a page may load and run: its own scripts, styles and wasm, the inline scripts the
/// server wrote into this very response (they carry its nonce), and nothing from elsewhere.
/// wasm needs `'wasm-unsafe-eval'` to compile; nothing needs `'unsafe-eval'`.
pub fn content_security_policy(nonce: Option<&str>) -> String {
    let inline = nonce
        .map(|nonce| format!(" 'nonce-{nonce}'"))
        .unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{inline} 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Headers every response carries, whatever produced it. `https` adds HSTS: a browser that
/// once reached the app over TLS never tries plain HTTP again.
pub fn always(https: bool) -> Vec<(HeaderName, HeaderValue)> {
    let mut headers = vec![
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        // Invite links hold a secret in their path: it must not travel to another site in a
        // Referer. Not `no-referrer`: a form posted before the app has loaded is sent back to
        // its page, with the error, by the Referer it carries to this site.
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ),
    ];
    if https {
        headers.push((
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ));
    }
    headers
}

/// Gives the page being rendered its policy, with the nonce of its inline scripts, and keeps
/// it out of shared and browser caches (it can hold a person's records).
pub fn set_page_policy() {
    let nonce = leptos::nonce::use_nonce();
    let policy = content_security_policy(nonce.as_deref());
    if let (Some(options), Ok(value)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(&policy),
    ) {
        options.insert_header(header::CONTENT_SECURITY_POLICY, value);
        options.insert_header(header::CACHE_CONTROL, private());
    }
}

/// For answers that can hold a person's data: never stored by an HTTP cache. (The service
/// worker's own copies, made for offline use, are its business: see `server/src/sw.js`.)
pub fn private() -> HeaderValue {
    HeaderValue::from_static("no-store")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_policy_allows_its_own_inline_scripts_by_nonce_only() {
        let policy = content_security_policy(Some("abc"));
        assert!(policy.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(!policy.contains("'unsafe-eval'"));
    }

    #[test]
    fn hsts_is_sent_only_over_https() {
        let has_hsts = |https| {
            always(https)
                .iter()
                .any(|(name, _)| name == header::STRICT_TRANSPORT_SECURITY)
        };
        assert!(has_hsts(true));
        assert!(!has_hsts(false));
    }
}
