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

/// The `Location` a plain form post was sent on to.
fn location(reply: &common::Reply) -> &str {
    reply
        .location
        .as_deref()
        .unwrap_or_else(|| panic!("no Location: {:?}", reply.body))
}

#[test]
fn a_sign_in_form_posted_before_the_app_loads_signs_in_and_goes_on_to_next() {
    let server = Server::start();
    let client = server.client();
    client.sign_up("Ann", "ann@example.com");
    client.call("sign_out", json!({}));

    let reply = client.post_form(
        "sign_in",
        "/signin?next=/invite/abc",
        &[
            ("email", "ann@example.com"),
            ("password", PASSWORD),
            ("next", "/invite/abc"),
        ],
    );
    assert_eq!(reply.status, 302, "{:?}", reply.body);
    assert_eq!(location(&reply), "/invite/abc");
    assert_eq!(client.call("me", json!({})).body["display_name"], "Ann");
}

#[test]
fn a_sign_up_form_posted_before_the_app_loads_creates_the_account_and_goes_home() {
    let server = Server::start();
    let client = server.client();
    let reply = client.post_form(
        "sign_up",
        "/signup",
        &[
            ("display_name", "Ann"),
            ("email", "ann@example.com"),
            ("password", PASSWORD),
            ("next", "/"),
        ],
    );
    assert_eq!(reply.status, 302, "{:?}", reply.body);
    assert_eq!(location(&reply), "/");
    assert_eq!(client.call("me", json!({})).body["display_name"], "Ann");
}

#[test]
fn a_wrong_password_posted_before_the_app_loads_returns_to_the_form_without_the_password() {
    let server = Server::start();
    let client = server.client();
    client.sign_up("Ann", "ann@example.com");
    client.call("sign_out", json!({}));

    let reply = client.post_form(
        "sign_in",
        "/signin",
        &[
            ("email", "ann@example.com"),
            ("password", "not my password"),
        ],
    );
    assert_eq!(reply.status, 302);
    let back = location(&reply);
    assert!(
        back.starts_with(&format!("{}/signin?", server.base)),
        "{back}"
    );
    assert!(back.contains("__err="), "the error travels back: {back}");
    for leak in ["not+my", "not%20my", "password="] {
        assert!(!back.contains(leak), "{back}");
    }
    assert_eq!(client.call("me", json!({})).body, json!(null));
}

#[test]
fn a_sign_out_form_posted_before_the_app_loads_signs_out_and_goes_home() {
    let server = Server::start();
    let client = server.client();
    client.sign_up("Ann", "ann@example.com");
    let reply = client.post_form("sign_out", "/r/1", &[]);
    assert_eq!(reply.status, 302);
    assert_eq!(location(&reply), "/");
    assert_eq!(client.call("me", json!({})).body, json!(null));
}

#[test]
fn next_can_only_lead_within_the_site() {
    let server = Server::start();
    let client = server.client();
    client.sign_up("Ann", "ann@example.com");
    for next in [
        "//evil.example",
        "https://evil.example",
        "/\t/evil.example",
        "/\\evil.example",
    ] {
        let reply = client.post_form(
            "sign_in",
            "/signin",
            &[
                ("email", "ann@example.com"),
                ("password", PASSWORD),
                ("next", next),
            ],
        );
        assert_eq!(location(&reply), "/", "{next:?}");
    }
}

#[test]
fn the_request_log_records_paths_not_query_strings() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("server.log");
    let server = Server::start_logging_to(dir.path(), &log);
    let client = server.client();
    client.get("/signin?email=ann%40example.com&password=hunter2hunter2");
    let reply = client.post_form(
        "sign_in",
        "/signin?password=hunter3hunter3",
        &[("email", "ann@example.com"), ("password", "hunter4hunter4")],
    );
    assert_eq!(reply.status, 302);
    drop(server);
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("/signin"), "requests are logged: {text}");
    assert!(text.contains("/api/sign_in"), "requests are logged: {text}");
    for secret in ["hunter2", "hunter3", "hunter4", "ann%40example.com"] {
        assert!(!text.contains(secret), "{secret} in the log: {text}");
    }
}

#[test]
fn a_burst_of_sign_ups_keeps_memory_bounded_and_every_answer_is_clear() {
    let server = Server::start();
    let replies: Vec<_> = std::thread::scope(|scope| {
        let server = &server;
        let calls: Vec<_> = (0..64)
            .map(|i| {
                scope.spawn(move || {
                    server.client().call(
                        "sign_up",
                        json!({
                            "display_name": format!("Person {i}"),
                            "email": format!("person{i}@example.com"),
                            "password": PASSWORD,
                        }),
                    )
                })
            })
            .collect();
        calls.into_iter().map(|c| c.join().unwrap()).collect()
    });
    for reply in &replies {
        match reply.status {
            200 => {}
            503 => assert!(reply.body["Busy"].as_u64().is_some(), "{:?}", reply.body),
            429 => assert!(
                reply.body["RateLimited"].as_u64().is_some(),
                "{:?}",
                reply.body
            ),
            other => panic!("sign-up answered {other}: {:?}", reply.body),
        }
    }
    assert!(replies.iter().any(|r| r.status == 200));
    let peak = server.peak_memory();
    assert!(peak < 400 << 20, "the server held {} MiB", peak >> 20);
}

#[test]
fn wrong_guesses_made_at_the_same_moment_get_only_the_free_attempts() {
    let server = Server::start();
    server.client().sign_up("Ann", "ann@example.com");
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let server = &server;
        let guesses: Vec<_> = (0..40)
            .map(|i| {
                scope.spawn(move || {
                    server
                        .client()
                        .call(
                            "sign_in",
                            json!({ "email": "ann@example.com", "password": format!("guess number {i}") }),
                        )
                        .status
                })
            })
            .collect();
        guesses.into_iter().map(|g| g.join().unwrap()).collect()
    });
    let tried = statuses.iter().filter(|&&s| s == 401).count();
    let refused = statuses.iter().filter(|&&s| s == 429).count();
    assert!(tried <= 5, "{tried} guesses were checked: {statuses:?}");
    assert_eq!(tried + refused, 40, "{statuses:?}");
}

#[test]
fn a_refusal_to_wait_says_when_to_try_again() {
    let server = Server::start();
    server.client().sign_up("Ann", "ann@example.com");
    let client = server.client();
    for _ in 0..5 {
        client.call(
            "sign_in",
            json!({ "email": "ann@example.com", "password": "guess guess guess" }),
        );
    }
    let response = ureq::post(&format!("{}/api/sign_in", server.base))
        .set("Accept", "application/json")
        .send_form(&[
            ("email", "ann@example.com"),
            ("password", "guess guess guess"),
        ]);
    let Err(ureq::Error::Status(429, response)) = response else {
        panic!("expected 429");
    };
    let after: u64 = response.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=30).contains(&after), "{after}");
}

#[test]
fn one_address_creates_only_so_many_accounts_an_hour() {
    let server = Server::start_configured(&[("TANDEM_SIGN_UPS_PER_HOUR", "3")]);
    let client = server.client();
    for i in 0..3 {
        client.sign_up("Ann", &format!("ann{i}@example.com"));
    }
    let reply = client.call(
        "sign_up",
        json!({ "display_name": "Ann", "email": "ann9@example.com", "password": PASSWORD }),
    );
    assert_eq!(reply.status, 429, "{:?}", reply.body);
    assert!(
        reply.body.to_string().contains("RateLimited"),
        "{:?}",
        reply.body
    );
}

#[test]
fn behind_a_trusted_proxy_each_client_has_its_own_limit() {
    let server = Server::start_configured(&[
        ("TANDEM_SIGN_UPS_PER_HOUR", "2"),
        ("TANDEM_TRUSTED_PROXY", "127.0.0.1"),
    ]);
    let sign_up = |from: &str, i: u32| sign_up_forwarded_for(&server, from, i);
    assert_eq!(sign_up("203.0.113.7", 1), 200);
    assert_eq!(sign_up("203.0.113.7", 2), 200);
    assert_eq!(sign_up("203.0.113.7", 3), 429);
    // Another client behind the same proxy; what a client writes itself is not believed.
    assert_eq!(sign_up("203.0.113.7, 198.51.100.4", 4), 200);
    assert_eq!(sign_up("198.51.100.4", 5), 200);
    assert_eq!(sign_up("198.51.100.4", 6), 429);
}

#[test]
fn without_a_trusted_proxy_forwarded_addresses_are_ignored() {
    let server = Server::start_configured(&[("TANDEM_SIGN_UPS_PER_HOUR", "1")]);
    let sign_up = |from: &str, i: u32| sign_up_forwarded_for(&server, from, i);
    assert_eq!(sign_up("203.0.113.7", 1), 200);
    assert_eq!(sign_up("198.51.100.4", 2), 429);
}

#[test]
fn guessing_from_elsewhere_does_not_lock_out_a_browser_that_signed_in_before() {
    let server = Server::start();
    let owner = server.client();
    owner.sign_up("Ann", "ann@example.com");
    owner.call("sign_out", json!({}));
    let attacker = server.client();
    for _ in 0..6 {
        attacker.call(
            "sign_in",
            json!({ "email": "ann@example.com", "password": "wrong password" }),
        );
    }
    let blocked = attacker.call(
        "sign_in",
        json!({ "email": "ann@example.com", "password": PASSWORD }),
    );
    assert_eq!(
        blocked.status, 429,
        "guessing slows down: {:?}",
        blocked.body
    );
    let reply = owner.call(
        "sign_in",
        json!({ "email": "ann@example.com", "password": PASSWORD }),
    );
    assert_eq!(
        reply.status, 200,
        "the owner's browser still gets in: {:?}",
        reply.body
    );
}

#[test]
fn a_session_ends_ninety_days_after_signing_in_however_active() {
    let server = Server::start();
    let client = server.client();
    client.sign_up("Ann", "ann@example.com");
    server.sql("UPDATE sessions SET created_at = '2000-01-01T00:00:00+00:00'");
    assert_eq!(client.call("me", json!({})).body, json!(null));
}

#[test]
fn signing_in_replaces_the_session_the_browser_had() {
    let server = Server::start();
    let client = server.client();
    client.sign_up("Ann", "ann@example.com");
    let before = client.cookie_header();
    let reply = client.call(
        "sign_in",
        json!({ "email": "ann@example.com", "password": PASSWORD }),
    );
    assert_eq!(reply.status, 200);
    assert_ne!(client.cookie_header(), before);
    assert_eq!(server.sql_value("SELECT COUNT(*) FROM sessions"), "1");
}

#[test]
fn signing_out_everywhere_ends_every_session() {
    let server = Server::start();
    let phone = server.client();
    phone.sign_up("Ann", "ann@example.com");
    let laptop = server.client();
    laptop.call(
        "sign_in",
        json!({ "email": "ann@example.com", "password": PASSWORD }),
    );
    let reply = laptop.call("sign_out_everywhere", json!({}));
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(phone.call("me", json!({})).body, json!(null));
    assert_eq!(laptop.call("me", json!({})).body, json!(null));
}

#[test]
fn a_password_change_needs_the_current_one_and_ends_the_other_sessions() {
    let server = Server::start();
    let phone = server.client();
    phone.sign_up("Ann", "ann@example.com");
    let laptop = server.client();
    laptop.call(
        "sign_in",
        json!({ "email": "ann@example.com", "password": PASSWORD }),
    );

    let wrong = laptop.call(
        "change_password",
        json!({ "current_password": "not my password", "new_password": "a brand new secret" }),
    );
    assert_eq!(wrong.status, 422);
    assert_eq!(
        wrong.body,
        json!({ "Invalid": [{ "field": "Password", "problem": "Wrong" }] })
    );
    let short = laptop.call(
        "change_password",
        json!({ "current_password": PASSWORD, "new_password": "short" }),
    );
    assert_eq!(
        short.body,
        json!({ "Invalid": [{ "field": "NewPassword", "problem": { "TooShort": 10 } }] })
    );

    let changed = laptop.call(
        "change_password",
        json!({ "current_password": PASSWORD, "new_password": "a brand new secret" }),
    );
    assert_eq!(changed.status, 200, "{:?}", changed.body);
    assert_eq!(
        phone.call("me", json!({})).body,
        json!(null),
        "the other session ended"
    );
    assert_eq!(
        laptop.call("me", json!({})).body["email"],
        "ann@example.com"
    );
    let old = server.client().call(
        "sign_in",
        json!({ "email": "ann@example.com", "password": PASSWORD }),
    );
    assert_eq!(old.status, 401);
    let new = server.client().call(
        "sign_in",
        json!({ "email": "ann@example.com", "password": "a brand new secret" }),
    );
    assert_eq!(new.status, 200);
}

#[test]
fn addresses_of_one_ipv6_network_share_one_sign_up_limit() {
    let server = Server::start_configured(&[
        ("TANDEM_SIGN_UPS_PER_HOUR", "2"),
        ("TANDEM_TRUSTED_PROXY", "127.0.0.1"),
    ]);
    let sign_up = |from: &str, i: u32| sign_up_forwarded_for(&server, from, i);
    assert_eq!(sign_up("2001:db8:1:2::1", 1), 200);
    assert_eq!(sign_up("2001:db8:1:2:ffff::9", 2), 200);
    assert_eq!(sign_up("2001:db8:1:2:abcd:1:2:3", 3), 429, "the same /64");
    assert_eq!(sign_up("2001:db8:1:3::1", 4), 200, "another network");
}

/// Signs up `ann{i}@example.com` through a proxy that says the client is `from`; the status.
fn sign_up_forwarded_for(server: &Server, from: &str, i: u32) -> u16 {
    server
        .client()
        .post_with(
            "sign_up",
            &[
                ("X-Forwarded-For", from),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            &format!("display_name=Ann&email=ann{i}%40example.com&password=correct+horse+battery"),
        )
        .status
}

/// The viewer mark among a reply's cookies: its value, and the whole line.
fn viewer_mark(set_cookies: &[String]) -> Option<(String, String)> {
    let line = set_cookies
        .iter()
        .find(|c| c.starts_with("tandem_viewer="))?;
    let value = line["tandem_viewer=".len()..].split(';').next()?.to_owned();
    Some((value, line.clone()))
}

fn page_viewer(response: &ureq::Response) -> String {
    response
        .header("x-tandem-viewer")
        .expect("every page names its viewer")
        .to_owned()
}

#[test]
fn a_page_names_the_session_it_was_rendered_for_and_the_browser_holds_the_same_mark() {
    let server = Server::start();
    let client = server.client();
    let reply = client.sign_up("Ann", "ann@example.com");
    let (mark, line) = viewer_mark(&reply.set_cookies).expect("signing in marks the browser");
    assert!(!line.contains("HttpOnly"), "the worker reads it: {line}");
    assert!(line.contains("SameSite=Lax"), "{line}");
    let session = client.cookie_header();
    let token = session
        .split("; ")
        .find_map(|c| c.strip_prefix("tandem_session="))
        .unwrap();
    assert!(!token.contains(&mark) && !mark.contains(token));

    for path in ["/", "/account", "/no-such-page"] {
        assert_eq!(page_viewer(&client.get(path)), mark, "{path}");
    }
}

#[test]
fn two_people_are_two_viewers() {
    let server = Server::start();
    let (ann, bob) = (server.client(), server.client());
    ann.sign_up("Ann", "ann@example.com");
    bob.sign_up("Bob", "bob@example.com");
    assert_ne!(page_viewer(&ann.get("/")), page_viewer(&bob.get("/")));
}

#[test]
fn a_page_for_nobody_says_so_and_a_signed_out_browser_loses_its_mark() {
    let server = Server::start();
    let stranger = server.client();
    let page = stranger.get("/");
    assert_eq!(page_viewer(&page), "none");
    assert!(page.all("set-cookie").is_empty());

    let client = server.client();
    client.sign_up("Ann", "ann@example.com");
    let reply = client.call("sign_out", json!({}));
    let (mark, line) = viewer_mark(&reply.set_cookies).expect("signing out clears the mark");
    assert_eq!(mark, "");
    assert!(line.contains("Max-Age=0"), "{line}");
    assert_eq!(page_viewer(&client.get("/")), "none");
}

#[test]
fn a_session_that_ended_elsewhere_leaves_pages_for_nobody_and_clears_the_mark() {
    let server = Server::start();
    let client = server.client();
    client.sign_up("Ann", "ann@example.com");
    server.sql("DELETE FROM sessions");
    let page = client.get("/");
    assert_eq!(page_viewer(&page), "none");
    let cookies: Vec<String> = page
        .all("set-cookie")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(viewer_mark(&cookies).map(|(v, _)| v), Some(String::new()));
}
