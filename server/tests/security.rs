//! What the server refuses and sends to keep a browser safe: cross-site requests, wrong body types, headers, logs.

mod common;

use common::{pair, Server, PASSWORD};
use serde_json::json;

const EVIL: &str = "https://evil.example";

fn relationships(server: &Server) -> String {
    server.sql_value("SELECT COUNT(*) FROM relationships")
}

#[test]
fn a_page_of_another_site_cannot_start_a_relationship_with_a_plain_text_body() {
    let server = Server::start();
    let client = server.client();
    client.sign_up("Ann", "ann@example.com");
    let reply = client.post_with(
        "start_relationship",
        &[("Origin", EVIL), ("Content-Type", "text/plain")],
        r#"{"role":"mentor","title":"Forged"}"#,
    );
    assert_eq!(reply.status, 403, "{:?}", reply.body);
    assert_eq!(relationships(&server), "0");
}

#[test]
fn a_page_of_another_site_cannot_sign_a_browser_in() {
    let server = Server::start();
    server.client().sign_up("Ann", "ann@example.com");
    let victim = server.client();
    let reply = victim.post_with(
        "sign_in",
        &[
            ("Sec-Fetch-Site", "cross-site"),
            ("Origin", EVIL),
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Accept", "text/html"),
        ],
        &format!(
            "email=ann%40example.com&password={}&next=https%3A%2F%2Fevil.example",
            PASSWORD.replace(' ', "+")
        ),
    );
    assert_eq!(reply.status, 403);
    assert!(reply.set_cookies.is_empty(), "{:?}", reply.set_cookies);
    assert_eq!(reply.location, None);
}

#[test]
fn the_sites_own_form_posts_still_work_before_the_app_loads() {
    let server = Server::start();
    server.client().sign_up("Ann", "ann@example.com");
    let origin = server.base.clone();
    let host = origin.trim_start_matches("http://").to_owned();
    for headers in [
        vec![
            ("Sec-Fetch-Site", "same-origin"),
            ("Origin", origin.as_str()),
        ],
        vec![("Origin", origin.as_str()), ("Host", host.as_str())],
    ] {
        let client = server.client();
        let mut all = headers.clone();
        all.push(("Content-Type", "application/x-www-form-urlencoded"));
        all.push(("Accept", "text/html"));
        let body = format!(
            "email=ann%40example.com&password={}&next=%2Fr",
            PASSWORD.replace(' ', "+")
        );
        let reply = client.post_with("sign_in", &all, &body);
        assert_eq!(reply.status, 302, "{headers:?}: {:?}", reply.body);
        assert_eq!(reply.location.as_deref(), Some("/r"));
        assert!(!reply.set_cookies.is_empty());
    }
}

#[test]
fn a_json_function_refuses_a_form_body_carrying_json() {
    let server = Server::start();
    let client = server.client();
    client.sign_up("Ann", "ann@example.com");
    for content_type in [
        "application/x-www-form-urlencoded",
        "text/plain",
        "multipart/form-data",
    ] {
        let reply = client.post_with(
            "start_relationship",
            &[("Content-Type", "application/json")],
            r#"{"role":"mentor","title":"Wrong type"}"#,
        );
        assert_eq!(reply.status, 415, "JSON to a form function");
        let reply = client.post_with("my_relationships", &[("Content-Type", content_type)], "{}");
        assert_eq!(reply.status, 415, "{content_type}");
    }
    assert_eq!(relationships(&server), "0");
}

#[test]
fn the_session_cookie_is_bound_to_the_host_over_https() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_with(dir.path(), Some("https://tandem.example.org"));
    let reply = server.client().sign_up("Ann", "ann@example.com");
    let cookie = reply
        .set_cookies
        .iter()
        .find(|c| c.contains("tandem_session"))
        .expect("a session cookie");
    assert!(cookie.starts_with("__Host-tandem_session="), "{cookie}");
    assert!(
        cookie.contains("; Path=/") && cookie.contains("; Secure"),
        "{cookie}"
    );
    assert!(!cookie.to_ascii_lowercase().contains("domain="), "{cookie}");
}

#[test]
fn pages_carry_a_content_security_policy_with_a_fresh_nonce() {
    let server = Server::start();
    let client = server.client();
    let policy = |path: &str| {
        let page = client.get(path);
        let policy = page
            .header("content-security-policy")
            .unwrap_or_default()
            .to_owned();
        (policy, page.into_string().unwrap())
    };
    let (first, html) = policy("/signin");
    let (second, _) = policy("/signin");
    let nonce = first
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy");
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "inline scripts carry the nonce"
    );
    assert_ne!(first, second, "a nonce is used once");
    for directive in [
        "default-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
    ] {
        assert!(first.contains(directive), "{directive} in {first}");
    }
    assert!(
        !first.contains("unsafe-inline") && !first.contains("'unsafe-eval'"),
        "{first}"
    );
}

#[test]
fn every_response_says_nosniff_and_keeps_its_address_from_other_sites() {
    let server = Server::start();
    let client = server.client();
    for path in [
        "/",
        "/signin",
        "/invite/0000",
        "/favicon.svg",
        "/sw.js",
        "/healthz",
        "/nowhere",
    ] {
        let response = client.get(path);
        assert_eq!(
            response.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            response.header("referrer-policy"),
            Some("same-origin"),
            "{path}"
        );
        assert!(
            response.header("content-security-policy").is_some(),
            "{path}"
        );
        assert_eq!(
            response.header("strict-transport-security"),
            None,
            "{path} over http"
        );
    }
}

#[test]
fn https_deployments_ask_browsers_to_stay_on_https() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_with(dir.path(), Some("https://tandem.example.org"));
    let response = server.client().get("/");
    let hsts = response
        .header("strict-transport-security")
        .unwrap_or_default();
    assert!(hsts.starts_with("max-age=31536000"), "{hsts}");
}

#[test]
fn the_log_names_the_invite_route_never_the_secret_and_has_no_colour_codes() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("server.log");
    let server = Server::start_logging_to(dir.path(), &log);
    let (_, mentee, _) = pair(&server, "Logged");
    let mentor = server.client();
    mentor.sign_up("Other", "other@example.com");
    let (_, token) = mentor.start_relationship("mentor", "Second");
    mentee.get(&format!("/invite/{token}"));
    mentee.call("invite", json!({ "token": &token }));
    drop(server);
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(
        text.contains("/invite/{token}"),
        "the route is logged: {text}"
    );
    assert!(!text.contains(&token), "the token is in the log: {text}");
    assert!(!text.contains('\u{1b}'), "colour codes in a file: {text}");
}

#[test]
fn a_name_with_a_direction_override_is_refused_at_the_field() {
    let server = Server::start();
    let reply = server.client().call(
        "sign_up",
        json!({ "display_name": "Ann\u{202E}nimdA", "email": "ann@example.com", "password": PASSWORD }),
    );
    assert_eq!(reply.status, 422, "{:?}", reply.body);
    let text = reply.body.to_string();
    assert!(
        text.contains("DisplayName") && text.contains("Invisible"),
        "{text}"
    );
}

#[test]
fn pages_and_answers_that_can_hold_records_are_never_cached() {
    let server = Server::start();
    let client = server.client();
    client.sign_up("Ann", "ann@example.com");
    assert_eq!(client.get("/").header("cache-control"), Some("no-store"));
    let response = ureq::post(&format!("{}/api/my_relationships", server.base))
        .set("Content-Type", "application/json")
        .set("Cookie", &client.cookie_header())
        .send_string("{}")
        .unwrap();
    assert_eq!(response.header("cache-control"), Some("no-store"));
}

#[test]
fn a_next_that_resolves_to_another_host_goes_home() {
    let server = Server::start();
    server.client().sign_up("Ann", "ann@example.com");
    for next in [
        "/.//evil.example",
        "/a/..//evil.example",
        "/%2e//evil.example",
    ] {
        let reply = server.client().post_form(
            "sign_in",
            "/signin",
            &[
                ("email", "ann@example.com"),
                ("password", PASSWORD),
                ("next", next),
            ],
        );
        assert_eq!(reply.location.as_deref(), Some("/"), "{next}");
    }
}

#[test]
fn a_device_token_planted_in_a_browser_is_replaced_at_sign_in() {
    let server = Server::start();
    server.client().sign_up("Ann", "ann@example.com");
    let planted = "ab".repeat(32);
    let reply = server.client().post_with(
        "sign_in",
        &[
            ("Cookie", &format!("tandem_device={planted}")),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        &format!(
            "email=ann%40example.com&password={}",
            PASSWORD.replace(' ', "+")
        ),
    );
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let device = reply
        .set_cookies
        .iter()
        .find(|c| c.starts_with("tandem_device="))
        .expect("a device cookie");
    assert!(!device.contains(&planted), "{device}");
    assert!(device.contains("HttpOnly"), "{device}");
}
