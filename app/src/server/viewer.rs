//! Who a page was rendered for, told to the browser so that its service worker keeps each person's pages apart.
//!
//! Every page response carries [`HEADER`]: an opaque id of the session it was rendered for, or
//! `none`. A cookie readable by the worker ([`COOKIE`], not HttpOnly: it grants nothing) holds
//! the same id while the session lives, so that offline the worker serves only the pages of
//! whoever is signed in now, and none once the cookies are gone.

use super::{session, ServerContext};

pub const HEADER: &str = "x-tandem-viewer";
pub const COOKIE: &str = "tandem_viewer";
/// The header's value on a page rendered for nobody.
pub const NOBODY: &str = "none";

/// The viewer id of a session: tells sessions apart and nothing else (a keyed hash of the
/// session's own hash, so it cannot be turned back into either).
pub fn id(ctx: &ServerContext, session_hash: &str) -> String {
    let mut id = ctx.link_token("viewer", session_hash);
    id.truncate(32);
    id
}

/// The `Set-Cookie` line that marks this browser as the session's viewer, or clears the mark.
pub fn cookie(ctx: &ServerContext, session_hash: Option<&str>) -> String {
    let secure = if ctx.secure_cookies() { "; Secure" } else { "" };
    let (value, max_age) = match session_hash {
        Some(hash) => (id(ctx, hash), session::COOKIE_MAX_AGE_SECS),
        None => (String::new(), 0),
    };
    let name = session::cookie_name(ctx, COOKIE);
    format!("{name}={value}; Path=/; SameSite=Lax; Max-Age={max_age}{secure}")
}
