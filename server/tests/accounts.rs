//! Sign up, in and out against the real server.

mod common;

use common::{Server, PASSWORD};
use serde_json::json;

#[test]
fn sign_up_sign_out_sign_in() {
    let server = Server::start();
    let client = server.client();
    assert_eq!(client.call("me", json!({})).body, json!(null));

    let reply = client.sign_up("Ann de Vries", " Ann@Example.com ");
    assert_eq!(reply.body["display_name"], "Ann de Vries");
    assert_eq!(reply.body["email"], "ann@example.com");
    assert_eq!(
        client.call("me", json!({})).body["email"],
        "ann@example.com"
    );

    assert_eq!(client.call("sign_out", json!({})).status, 200);
    assert_eq!(client.call("me", json!({})).body, json!(null));

    let reply = client.call(
        "sign_in",
        json!({ "email": "ANN@example.com", "password": PASSWORD }),
    );
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(
        client.call("me", json!({})).body["display_name"],
        "Ann de Vries"
    );
}

#[test]
fn session_cookie_is_http_only_and_same_site() {
    let server = Server::start();
    let reply = server.client().sign_up("Ann", "ann@example.com");
    let cookie = reply
        .set_cookies
        .iter()
        .find(|c| c.starts_with("tandem_session="))
        .unwrap();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Max-Age=2592000"), "{cookie}");
    assert!(
        !cookie.contains("Secure"),
        "plain http cannot carry Secure cookies: {cookie}"
    );
}

#[test]
fn cookies_are_secure_behind_https() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_with(dir.path(), Some("https://tandem.example.org"));
    let reply = server.client().sign_up("Ann", "ann@example.com");
    assert!(
        reply.set_cookies.iter().any(|c| c.contains("; Secure")),
        "{:?}",
        reply.set_cookies
    );
}

#[test]
fn duplicate_email_is_refused_at_the_field() {
    let server = Server::start();
    server.client().sign_up("Ann", "ann@example.com");
    let reply = server.client().call(
        "sign_up",
        json!({ "display_name": "Other Ann", "email": "ANN@example.com", "password": PASSWORD }),
    );
    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.body,
        json!({ "Invalid": [{ "field": "Email", "problem": "Taken" }] })
    );
}

#[test]
fn every_bad_field_is_reported_at_once() {
    let server = Server::start();
    let reply = server.client().call(
        "sign_up",
        json!({ "display_name": " ", "email": "ann@", "password": "short" }),
    );
    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.body,
        json!({ "Invalid": [
            { "field": "DisplayName", "problem": "Required" },
            { "field": "Email", "problem": "Malformed" },
            { "field": "Password", "problem": { "TooShort": 10 } },
        ]})
    );
    assert_eq!(server.client().call("me", json!({})).body, json!(null));
}

#[test]
fn wrong_password_and_unknown_email_get_the_same_answer() {
    let server = Server::start();
    server.client().sign_up("Ann", "ann@example.com");
    let wrong = server.client().call(
        "sign_in",
        json!({ "email": "ann@example.com", "password": "not the password" }),
    );
    let unknown = server.client().call(
        "sign_in",
        json!({ "email": "nobody@example.com", "password": "not the password" }),
    );
    assert_eq!(wrong.status, 401);
    assert_eq!(wrong.body, json!("WrongCredentials"));
    assert_eq!((unknown.status, unknown.body), (wrong.status, wrong.body));
}

#[test]
fn repeated_failures_are_slowed_down_even_for_the_right_password() {
    let server = Server::start();
    server.client().sign_up("Ann", "ann@example.com");
    let client = server.client();
    for _ in 0..5 {
        let r = client.call(
            "sign_in",
            json!({ "email": "ann@example.com", "password": "guess guess guess" }),
        );
        assert_eq!(r.status, 401);
    }
    let limited = client.call(
        "sign_in",
        json!({ "email": "ann@example.com", "password": PASSWORD }),
    );
    assert_eq!(limited.status, 429, "{:?}", limited.body);
    let wait = limited.body["RateLimited"].as_u64().unwrap();
    assert!((1..=30).contains(&wait), "{wait}");
    // Another account from the same address is not locked by Ann's failures.
    server.client().sign_up("Bob", "bob@example.com");
    let other = server.client().call(
        "sign_in",
        json!({ "email": "bob@example.com", "password": PASSWORD }),
    );
    assert_eq!(other.status, 200);
}

#[test]
fn session_survives_a_server_restart() {
    let dir = tempfile::tempdir().unwrap();
    let first = Server::start_with(dir.path(), None);
    let cookie = first.client().sign_up("Ann", "ann@example.com").set_cookies[0].clone();
    let token = cookie.split(';').next().unwrap().to_owned();
    assert!(first.terminate().success());

    let second = Server::start_with(dir.path(), None);
    let response = ureq::post(&format!("{}/api/me", second.base))
        .set("Cookie", &token)
        .send_json(json!({}))
        .unwrap();
    let me: serde_json::Value = response.into_json().unwrap();
    assert_eq!(me["email"], "ann@example.com");
}

#[test]
fn an_idle_session_expires_after_thirty_days() {
    let server = Server::start();
    let client = server.client();
    client.sign_up("Ann", "ann@example.com");
    server.sql("UPDATE sessions SET last_seen_at = '2000-01-01T00:00:00+00:00'");
    assert_eq!(client.call("me", json!({})).body, json!(null));
}

#[test]
fn signing_out_ends_the_session_on_the_server() {
    let server = Server::start();
    let client = server.client();
    let cookie = client.sign_up("Ann", "ann@example.com").set_cookies[0].clone();
    let token = cookie.split(';').next().unwrap().to_owned();
    client.call("sign_out", json!({}));
    // Replaying the old cookie does not bring the session back.
    let response = ureq::post(&format!("{}/api/me", server.base))
        .set("Cookie", &token)
        .send_json(json!({}))
        .unwrap();
    assert_eq!(
        response.into_json::<serde_json::Value>().unwrap(),
        json!(null)
    );
}
