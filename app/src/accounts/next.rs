//! Where to go after signing in or up: a path on this site and nowhere else.

/// Where the link is resolved; only whether it stays on this origin matters, so any will do.
const BASE: &str = "https://tandem.invalid";

/// A link back to where the user was going, only ever within this site: it is resolved as a
/// browser would resolve it and kept only if it stays on the site's origin. Browsers drop
/// tabs and line breaks from URLs (so `/\t/evil.example` means `//evil.example`), so any
/// whitespace or control character refuses it outright.
pub fn safe_next(next: Option<String>) -> String {
    next.as_deref()
        .filter(|n| n.starts_with('/'))
        .filter(|n| !n.chars().any(|c| c.is_whitespace() || c.is_control()))
        .and_then(resolve_on_this_site)
        // A path can resolve to `//host` (`/.//host`, `/a/..//host`): as a link, another site.
        .filter(|path| !path.starts_with("//") && !path.starts_with("/\\"))
        .unwrap_or_else(|| "/".to_owned())
}

/// The path, query and fragment `next` leads to, if it leads to this origin.
#[cfg(not(target_arch = "wasm32"))]
fn resolve_on_this_site(next: &str) -> Option<String> {
    let base = url::Url::parse(BASE).ok()?;
    let url = base.join(next).ok()?;
    (url.origin() == base.origin()).then(|| url[url::Position::BeforePath..].to_owned())
}

/// The browser's own URL parser: the `url` crate would add its Unicode tables to the bundle.
#[cfg(target_arch = "wasm32")]
fn resolve_on_this_site(next: &str) -> Option<String> {
    let url = web_sys::Url::new_with_base(next, BASE).ok()?;
    (url.origin() == BASE).then(|| format!("{}{}{}", url.pathname(), url.search(), url.hash()))
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    fn next(raw: &str) -> String {
        safe_next(Some(raw.to_owned()))
    }

    #[test]
    fn a_path_on_this_site_is_kept_with_its_query() {
        assert_eq!(next("/invite/abc"), "/invite/abc");
        assert_eq!(next("/r/1?tab=goals#top"), "/r/1?tab=goals#top");
        assert_eq!(next("/a/../invite/abc"), "/invite/abc");
    }

    #[test]
    fn a_link_that_leaves_the_site_goes_home_instead() {
        for raw in [
            "//evil.example",
            "///evil.example",
            "https://evil.example",
            "http:evil.example",
            "/\\evil.example",
            "/\\/evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            "/ /evil.example",
            "/\u{3000}/evil.example",
            "/.//evil.example",
            "/a/..//evil.example",
            "/%2e//evil.example",
            "/./\\evil.example",
            "javascript:alert(1)",
            "evil.example",
            "",
        ] {
            assert_eq!(next(raw), "/", "{raw:?}");
        }
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn an_encoded_tab_stays_an_odd_path_on_this_site() {
        assert_eq!(next("/%09/evil.example"), "/%09/evil.example");
    }
}
