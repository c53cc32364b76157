//! Sessions in a calendar over HTTP: the member's download and the private subscription link.

mod common;

use common::{hlc, mutation_of, now_millis, pair, push, uuid, Client, Server};
use serde_json::{json, Value};

const MADE: i64 = 1_795_766_400_000;

/// Writes `fields` of one record of `kind`, as `client`'s device would.
fn write(client: &Client, kind: &str, id: &str, rel: &str, first: u128, fields: &[(&str, Value)]) {
    let batch = fields
        .iter()
        .enumerate()
        .map(|(n, (field, value))| {
            let at = hlc(now_millis(), n as u16, first as u64);
            mutation_of(
                kind,
                false,
                first + n as u128,
                id,
                rel,
                field,
                value.clone(),
                &at,
            )
        })
        .collect();
    let outcomes = push(client, batch);
    assert!(outcomes.iter().all(|o| o == "Acknowledged"), "{outcomes:?}");
}

fn zone(client: &Client, rel: &str, zone: &str) {
    write(
        client,
        "agreement",
        &uuid(1),
        rel,
        10,
        &[("time_zone", json!(zone))],
    );
}

fn session(client: &Client, rel: &str, first: u128, theme: &str) -> String {
    let id = uuid(100);
    write(
        client,
        "session",
        &id,
        rel,
        first,
        &[
            ("date", json!("2027-03-28")),
            ("created_at", json!(MADE)),
            ("time", json!("18:00")),
            ("minutes", json!(60)),
            ("theme", json!(theme)),
        ],
    );
    id
}

/// A subscription link's path, made by `client`.
fn subscribe(client: &Client, rel: &str) -> String {
    let reply = client.call("new_calendar_subscription", json!({ "relationship": rel }));
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let url = reply.body.as_str().unwrap().to_owned();
    let path = url.split_once("/calendar/").unwrap().1;
    format!("/calendar/{path}")
}

fn status(client: &Client, path: &str) -> u16 {
    client.get(path).status()
}

#[test]
fn a_member_downloads_the_sessions_placed_in_the_pairs_time_zone() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "Growing");
    zone(&mentor, &rel, "Europe/Amsterdam");
    let id = session(&mentor, &rel, 200, "Feedback");
    let reply = mentee.get(&format!("/calendar/relationship/{rel}"));
    assert_eq!(reply.status(), 200);
    assert_eq!(reply.content_type(), "text/calendar");
    let disposition = reply.header("content-disposition").unwrap().to_owned();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    let text = reply.into_string().unwrap();
    assert!(
        text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam"),
        "{text}"
    );
    assert!(
        text.contains("DTSTART;TZID=Europe/Amsterdam:20270328T180000"),
        "{text}"
    );
    assert!(text.contains("SUMMARY:Feedback"), "{text}");
    assert!(text.contains(&format!("UID:{id}@tandem")), "{text}");
    assert!(text.contains("X-WR-CALNAME:Growing"), "{text}");
}

#[test]
fn without_a_time_zone_the_download_asks_for_one_in_the_agreement() {
    let server = Server::start();
    let (mentor, _, rel) = pair(&server, "");
    session(&mentor, &rel, 200, "Feedback");
    let reply = mentor.get(&format!("/calendar/relationship/{rel}"));
    assert_eq!(reply.status(), 303);
    assert_eq!(
        reply.header("location"),
        Some(format!("/r/{rel}/agreement#agree-time_zone").as_str())
    );
}

#[test]
fn only_a_member_gets_the_download() {
    let server = Server::start();
    let (mentor, _, rel) = pair(&server, "");
    zone(&mentor, &rel, "Europe/Amsterdam");
    let stranger = server.client();
    stranger.sign_up("Sam", "sam@example.com");
    assert_eq!(
        status(&stranger, &format!("/calendar/relationship/{rel}")),
        404
    );
    let reply = server
        .client()
        .get(&format!("/calendar/relationship/{rel}"));
    assert_eq!(reply.status(), 303);
    let location = reply.header("location").unwrap_or_default();
    assert!(location.starts_with("/signin?next="), "{location}");
    let made = stranger.call("new_calendar_subscription", json!({ "relationship": rel }));
    assert_eq!(made.status, 403, "{:?}", made.body);
}

#[test]
fn a_subscription_link_answers_by_its_token_alone_and_304_until_a_session_changes() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    zone(&mentor, &rel, "Europe/Amsterdam");
    session(&mentor, &rel, 200, "Feedback");
    let path = subscribe(&mentee, &rel);
    let app = server.client();
    let first = app.get(&path);
    assert_eq!(first.status(), 200);
    assert_eq!(first.content_type(), "text/calendar");
    let etag = first.header("etag").unwrap().to_owned();
    let modified = first.header("last-modified").unwrap().to_owned();
    assert!(first.into_string().unwrap().contains("SUMMARY:Feedback"));

    assert_eq!(
        app.get_with(&path, &[("If-None-Match", &etag)]).status(),
        304
    );
    assert_eq!(
        app.get_with(&path, &[("If-Modified-Since", &modified)])
            .status(),
        304
    );

    std::thread::sleep(std::time::Duration::from_millis(5));
    session(&mentee, &rel, 300, "Moved on");
    let changed = app.get_with(&path, &[("If-None-Match", &etag)]);
    assert_eq!(changed.status(), 200);
    assert_ne!(changed.header("etag").unwrap(), etag);
    assert!(changed.into_string().unwrap().contains("SUMMARY:Moved on"));

    let made = mentee.call("calendar_subscription", json!({ "relationship": rel }));
    assert!(made.body["made_at"].is_number(), "{:?}", made.body);
}

#[test]
fn a_wrong_malformed_or_bare_token_is_404() {
    let server = Server::start();
    let (mentor, _, rel) = pair(&server, "");
    zone(&mentor, &rel, "Europe/Amsterdam");
    let path = subscribe(&mentor, &rel);
    let token = path
        .trim_start_matches("/calendar/")
        .trim_end_matches(".ics");
    let flipped = format!(
        "{}{}",
        &token[..63],
        if token.ends_with('0') { '1' } else { '0' }
    );
    let app = server.client();
    for wrong in [
        format!("/calendar/{flipped}.ics"),
        format!("/calendar/{token}"),
        "/calendar/not-a-token.ics".to_owned(),
        format!(
            "/calendar/{}.ics",
            token
                .to_ascii_uppercase()
                .replace(|c: char| c.is_ascii_digit(), "x")
        ),
    ] {
        assert_eq!(status(&app, &wrong), 404, "{wrong}");
    }
    assert_eq!(status(&app, &path), 200);
}

#[test]
fn a_revoked_or_replaced_link_is_404_at_once() {
    let server = Server::start();
    let (mentor, _, rel) = pair(&server, "");
    let old = subscribe(&mentor, &rel);
    let new = subscribe(&mentor, &rel);
    let app = server.client();
    assert_eq!(status(&app, &old), 404, "replaced");
    assert_eq!(status(&app, &new), 200);
    let reply = mentor.call("end_calendar_subscription", json!({ "relationship": rel }));
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(status(&app, &new), 404, "revoked");
}

#[test]
fn a_link_is_counted_by_itself_so_another_link_from_the_same_address_still_answers() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let busy = subscribe(&mentor, &rel);
    let other = subscribe(&mentee, &rel);
    let app = server.client();
    let answers: Vec<u16> = (0..=app::server::SUBSCRIPTION_READS_PER_HOUR)
        .map(|_| status(&app, &busy))
        .collect();
    assert!(
        answers[..answers.len() - 1].iter().all(|s| *s == 200),
        "{answers:?}"
    );
    assert_eq!(answers.last(), Some(&429));
    assert_eq!(status(&app, &other), 200);
}

#[test]
fn a_link_stops_when_its_relationship_ends_or_its_owner_leaves() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let mentors = subscribe(&mentor, &rel);
    let mentees = subscribe(&mentee, &rel);
    let app = server.client();
    let reply = mentee.call("delete_account", json!({ "password": common::PASSWORD }));
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(status(&app, &mentees), 404, "deleted account");
    assert_eq!(status(&app, &mentors), 404, "ended with the deletion");
}

#[test]
fn a_deleted_session_stays_in_the_feed_as_cancelled() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    zone(&mentor, &rel, "Europe/Amsterdam");
    let id = session(&mentor, &rel, 200, "Feedback");
    let path = subscribe(&mentee, &rel);
    let before = server.client().get(&path).into_string().unwrap();
    write(
        &mentee,
        "session",
        &id,
        &rel,
        400,
        &[("deleted", json!(true))],
    );
    let after = server.client().get(&path).into_string().unwrap();
    let sequence = |text: &str| -> i64 {
        let line = text.lines().find(|l| l.starts_with("SEQUENCE:")).unwrap();
        line["SEQUENCE:".len()..].parse().unwrap()
    };
    assert!(before.contains("STATUS:CONFIRMED"));
    assert!(after.contains("STATUS:CANCELLED"), "{after}");
    assert!(sequence(&after) > sequence(&before));
}

#[test]
fn the_log_names_the_calendar_route_never_the_token() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("tandem.log");
    let server = Server::start_logging_to(dir.path(), &log);
    let (mentor, _, rel) = pair(&server, "");
    let path = subscribe(&mentor, &rel);
    server.client().get(&path);
    drop(server);
    let text = std::fs::read_to_string(&log).unwrap();
    let token = path
        .trim_start_matches("/calendar/")
        .trim_end_matches(".ics");
    assert!(
        text.contains("/calendar/{file}"),
        "the route is logged: {text}"
    );
    assert!(!text.contains(token), "the token is in the log: {text}");
}
