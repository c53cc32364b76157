//! The server's "pull now" hints: who hears of a push, how soon, and who may listen.

mod common;

use common::{hlc, mutation_of, now_millis, pair, push, uuid, Server};
use serde_json::json;
use std::time::{Duration, Instant};

/// A change of `client`'s: a new action item, or a private draft of their preparation.
fn action_item(client: &common::Client, rel: &str, record: u128, private: bool) {
    let at = hlc(now_millis(), 0, 9);
    let field =
        |n, kind, name, value| mutation_of(kind, private, n, &uuid(record), rel, name, value, &at);
    let batch = if private {
        vec![field(record * 10, "prepare_draft", "want", json!("A view"))]
    } else {
        vec![
            field(record * 10, "action_item", "title", json!("Read chapter 3")),
            field(record * 10 + 1, "action_item", "owner", json!("mentee")),
            field(
                record * 10 + 2,
                "action_item",
                "created_at",
                json!(1_795_766_400_000_i64),
            ),
        ]
    };
    let outcomes = push(client, batch.clone());
    assert_eq!(outcomes, vec![json!("Acknowledged"); batch.len()]);
}

#[test]
fn the_partner_hears_to_pull_within_two_seconds_of_a_push() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let mut hints = mentee.hints(Duration::from_secs(5)).unwrap();
    let pushed = Instant::now();
    action_item(&mentor, &rel, 1, false);
    assert_eq!(hints.next().as_deref(), Some("pull"));
    let waited = pushed.elapsed();
    assert!(waited < Duration::from_secs(2), "the hint took {waited:?}");
}

#[test]
fn a_quiet_stream_says_it_is_alive_every_fifteen_seconds() {
    let server = Server::start();
    let (_mentor, mentee, _rel) = pair(&server, "");
    let mut hints = mentee.hints(Duration::from_secs(20)).unwrap();
    let mut quiet_since = Instant::now();
    let mut message = hints.next_message();
    // On PostgreSQL the hint of the partner joining is relayed, and may come after the opening.
    while message.as_deref() == Some("relationships") {
        quiet_since = Instant::now();
        message = hints.next_message();
    }
    assert_eq!(message.as_deref(), Some("alive"));
    let quiet = quiet_since.elapsed();
    assert!(
        (Duration::from_secs(14)..Duration::from_secs(17)).contains(&quiet),
        "the heartbeat came after {quiet:?}"
    );
}

#[test]
fn a_lost_relay_connection_tells_every_open_device_to_pull() {
    let server = Server::start();
    // On SQLite one process holds every stream, and nothing is relayed.
    if server.is_sqlite() {
        return;
    }
    let (mentor, mentee, rel) = pair(&server, "");
    // The relayed hint of the partner joining has come and gone.
    std::thread::sleep(Duration::from_secs(1));
    let mut hints = mentee.hints(Duration::from_secs(5)).unwrap();
    let cut = server.sql_value(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity \
         WHERE datname = current_database() AND query LIKE 'LISTEN%'",
    );
    assert_eq!(cut.trim(), "1");
    // Hints sent while it was lost are gone: every device is told to pull.
    assert_eq!(hints.next().as_deref(), Some("relationships"));
    action_item(&mentor, &rel, 1, false);
    assert_eq!(hints.next().as_deref(), Some("pull"));
}

#[test]
fn nobody_outside_the_relationship_hears_of_its_pushes() {
    let server = Server::start();
    let (mentor, _mentee, rel) = pair(&server, "");
    let stranger = server.client();
    stranger.sign_up("Stan", "stan@example.com");
    let mut hints = stranger.hints(Duration::from_millis(1500)).unwrap();
    action_item(&mentor, &rel, 1, false);
    assert_eq!(hints.next(), None);
}

#[test]
fn a_private_change_is_hinted_to_its_author_alone() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let mut partner = mentee.hints(Duration::from_millis(1500)).unwrap();
    let mut author = mentor.hints(Duration::from_secs(5)).unwrap();
    action_item(&mentor, &rel, 1, true);
    assert_eq!(after_joining(&mut author).as_deref(), Some("pull"));
    assert_eq!(after_joining(&mut partner), None);
}

/// The next hint, past the one that told of the partner joining: on PostgreSQL it is relayed
/// through the database and may reach a stream opened just after.
fn after_joining(hints: &mut common::Hints) -> Option<String> {
    let mut next = hints.next();
    while next.as_deref() == Some("relationships") {
        next = hints.next();
    }
    next
}

#[test]
fn only_a_signed_in_caller_may_listen_and_only_on_a_few_streams() {
    let server = Server::start();
    assert_eq!(
        server.client().hints(Duration::from_secs(1)).err(),
        Some(401)
    );
    let (mentor, _, _) = pair(&server, "");
    let open: Vec<_> = (0..16)
        .map(|_| mentor.hints(Duration::from_secs(5)).unwrap())
        .collect();
    assert_eq!(mentor.hints(Duration::from_secs(1)).err(), Some(429));
    drop(open);
}

#[test]
fn the_server_stops_at_once_with_streams_open() {
    let server = Server::start();
    let (mentor, _, _) = pair(&server, "");
    let mut hints = mentor.hints(Duration::from_secs(30)).unwrap();
    let asked = Instant::now();
    assert!(server.terminate().success());
    assert!(
        asked.elapsed() < Duration::from_secs(5),
        "{:?}",
        asked.elapsed()
    );
    assert_eq!(hints.next(), None);
}

#[test]
fn ending_a_relationship_tells_the_partners_open_devices_within_two_seconds() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let mut hints = mentee.hints(Duration::from_secs(5)).unwrap();
    let ended = Instant::now();
    assert_eq!(
        mentor
            .call("end_relationship", json!({ "id": &rel }))
            .status,
        200
    );
    assert_eq!(hints.next().as_deref(), Some("relationships"));
    let waited = ended.elapsed();
    assert!(waited < Duration::from_secs(2), "the hint took {waited:?}");
}

#[test]
fn the_partner_joining_tells_the_inviters_open_devices() {
    let server = Server::start();
    let mentor = server.client();
    mentor.sign_up("Mira", "mira@example.com");
    let (_, token) = mentor.start_relationship("mentor", "");
    let mut hints = mentor.hints(Duration::from_secs(5)).unwrap();
    let mentee = server.client();
    mentee.sign_up("Menno", "menno@example.com");
    let reply = mentee.call(
        "respond_to_invite",
        json!({ "token": &token, "accept": true }),
    );
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(hints.next().as_deref(), Some("relationships"));
}

#[test]
fn a_push_through_one_server_reaches_a_device_on_another_within_two_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let first = Server::start_with(dir.path(), None);
    // Two servers on one SQLite file are not a deployment Tandem has: one process serves it.
    if first.is_sqlite() {
        return;
    }
    let second = Server::start_with(dir.path(), None);
    let (mentor, _, rel) = pair(&first, "");
    let mentee = second.client();
    let reply = mentee.call(
        "sign_in",
        json!({ "email": "menno@example.com", "password": common::PASSWORD }),
    );
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let mut hints = mentee.hints(Duration::from_secs(5)).unwrap();
    let pushed = Instant::now();
    action_item(&mentor, &rel, 1, false);
    assert_eq!(hints.next().as_deref(), Some("pull"));
    let waited = pushed.elapsed();
    assert!(waited < Duration::from_secs(2), "the hint took {waited:?}");
    let (changes, _) = common::pull_all(&mentee, json!([]));
    assert!(
        changes
            .iter()
            .any(|c| c["record"] == json!(uuid(1)) && c["value"] == json!("Read chapter 3")),
        "{changes:?}"
    );
}

/// Waits for `hints` to end, and says how long that took.
fn ended_within(mut hints: common::Hints) -> Duration {
    let waiting = Instant::now();
    assert_eq!(hints.next(), None);
    waiting.elapsed()
}

#[test]
fn signing_out_ends_that_devices_stream_at_once_and_no_other() {
    let server = Server::start();
    let (mentor, _, _) = pair(&server, "");
    let phone = server.client();
    let reply = phone.call(
        "sign_in",
        json!({ "email": "mira@example.com", "password": common::PASSWORD }),
    );
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let mut on_phone = phone.hints(Duration::from_secs(3)).unwrap();
    let on_laptop = mentor.hints(Duration::from_secs(10)).unwrap();
    assert_eq!(mentor.call("sign_out", json!({})).status, 200);
    let took = ended_within(on_laptop);
    assert!(
        took < Duration::from_secs(2),
        "the stream ended after {took:?}"
    );
    // The phone's session goes on, and so does its stream: it hears nothing, and waits it out.
    let waiting = Instant::now();
    assert_eq!(on_phone.next(), None);
    assert!(waiting.elapsed() >= Duration::from_secs(2));
}

#[test]
fn signing_out_everywhere_ends_every_stream_of_that_person() {
    let server = Server::start();
    let (mentor, mentee, _) = pair(&server, "");
    let phone = server.client();
    let reply = phone.call(
        "sign_in",
        json!({ "email": "mira@example.com", "password": common::PASSWORD }),
    );
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let on_phone = phone.hints(Duration::from_secs(10)).unwrap();
    let on_laptop = mentor.hints(Duration::from_secs(10)).unwrap();
    let mut partners = mentee.hints(Duration::from_secs(3)).unwrap();
    assert_eq!(mentor.call("sign_out_everywhere", json!({})).status, 200);
    for stream in [on_phone, on_laptop] {
        let took = ended_within(stream);
        assert!(
            took < Duration::from_secs(2),
            "a stream ended after {took:?}"
        );
    }
    let waiting = Instant::now();
    assert_eq!(partners.next(), None);
    assert!(
        waiting.elapsed() >= Duration::from_secs(2),
        "the partner's stream ended"
    );
}
