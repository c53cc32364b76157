//! Whether an account exists cannot be told from how long a wrong sign-in takes. Alone in its
//! own test binary, so that no other test's load skews the clock.

mod common;

use common::Server;
use serde_json::json;
use std::time::{Duration, Instant};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

#[test]
fn a_wrong_password_takes_as_long_as_an_unknown_email() {
    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    // Three servers of ten tries each: two accounts take five wrong guesses each, and twenty
    // failures are what one address may make before it has to wait.
    for round in 0..3 {
        let server = Server::start();
        server.client().sign_up("Ann", "ann@example.com");
        server.client().sign_up("Bob", "bob@example.com");
        let client = server.client();
        let time = |email: &str| {
            let start = Instant::now();
            let reply = client.call(
                "sign_in",
                json!({ "email": email, "password": "not the password" }),
            );
            assert_eq!(reply.status, 401, "{:?}", reply.body);
            start.elapsed()
        };
        for i in 0..10 {
            let account = if i % 2 == 0 {
                "ann@example.com"
            } else {
                "bob@example.com"
            };
            known.push(time(account));
            unknown.push(time(&format!("nobody{round}-{i}@example.com")));
        }
    }
    let (known, unknown) = (median(known), median(unknown));
    let (slow, fast) = (known.max(unknown), known.min(unknown));
    assert!(
        slow.as_secs_f64() <= fast.as_secs_f64() * 1.2,
        "known {known:?}, unknown {unknown:?}"
    );
}
