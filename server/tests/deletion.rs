//! Deleting an account over HTTP: what the person shared stays for the partner under "former
//! member", what was theirs alone is erased, and the e-mail is free again.

mod common;

use common::{hlc, mutation_of, now_millis, pair, pull_all, push, uuid, Client, Server, PASSWORD};
use serde_json::{json, Value};

const MADE: i64 = 1_795_766_400_000;

/// One record of `kind` with `fields`, pushed by `client`.
fn record(
    client: &Client,
    kind: &str,
    private: bool,
    id: &str,
    rel: &str,
    first: u128,
    fields: &[(&str, Value)],
) {
    let batch = fields
        .iter()
        .enumerate()
        .map(|(n, (field, value))| {
            let at = hlc(now_millis(), n as u16, first as u64);
            mutation_of(
                kind,
                private,
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

fn delete(client: &Client, password: &str) -> common::Reply {
    client.call("delete_account", json!({ "password": password }))
}

#[test]
fn a_deleted_accounts_shared_records_stay_for_the_partner_under_former_member() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let session = uuid(9_001);
    record(
        &mentee,
        "session",
        false,
        &session,
        &rel,
        100,
        &[("date", json!("2026-12-10")), ("created_at", json!(MADE))],
    );
    let draft = uuid(9_002);
    record(
        &mentee,
        "prepare_draft",
        true,
        &draft,
        &rel,
        200,
        &[("want", json!("to lead a team"))],
    );

    let reply = delete(&mentee, PASSWORD);
    assert_eq!(reply.status, 200, "{:?}", reply.body);

    let (changes, _) = pull_all(&mentor, json!([]));
    assert!(
        changes.iter().any(|c| c["record"] == session),
        "the shared session stays"
    );
    let seen = mentor.call("relationship", json!({ "id": &rel })).body;
    assert_eq!(seen["partner_name"], "Former member");
    assert!(seen["ended_at"].is_i64(), "the relationship ended: {seen}");
    let dutch = mentor.post_with(
        "relationship",
        &[
            ("Content-Type", "application/json"),
            ("Accept-Language", "nl"),
        ],
        &json!({ "id": &rel }).to_string(),
    );
    assert_eq!(dutch.body["partner_name"], "Voormalig lid");
}

#[test]
fn a_deleted_accounts_private_records_sessions_and_e_mail_are_gone() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let draft = uuid(9_002);
    record(
        &mentee,
        "prepare_draft",
        true,
        &draft,
        &rel,
        200,
        &[("want", json!("to lead a team"))],
    );
    let partners_draft = uuid(9_003);
    record(
        &mentor,
        "prepare_draft",
        true,
        &partners_draft,
        &rel,
        300,
        &[("want", json!("to listen more"))],
    );
    let menno = server.sql_value("SELECT id FROM users WHERE display_name = 'Menno'");
    let laptop = server.client();
    laptop.call(
        "sign_in",
        json!({ "email": "menno@example.com", "password": PASSWORD }),
    );

    assert_eq!(delete(&mentee, PASSWORD).status, 200);

    let left = |table: &str, column: &str| {
        server.sql_value(&format!(
            "SELECT COUNT(*) FROM {table} WHERE {column} = '{draft}'"
        ))
    };
    assert_eq!(left("records", "id"), "0", "the private draft is erased");
    assert_eq!(left("record_fields", "record_id"), "0");
    let (changes, _) = pull_all(&mentor, json!([]));
    assert!(
        changes.iter().any(|c| c["record"] == partners_draft),
        "the partner's own draft stays"
    );
    for table in ["sessions", "known_devices"] {
        assert_eq!(
            server.sql_value(&format!(
                "SELECT COUNT(*) FROM {table} WHERE user_id = '{menno}'"
            )),
            "0",
            "{table}"
        );
    }
    assert_eq!(
        server.sql_value("SELECT COUNT(*) FROM users WHERE email = 'menno@example.com'"),
        "0"
    );
    assert_eq!(
        server.sql_value("SELECT COUNT(*) FROM users WHERE display_name = 'Menno'"),
        "0"
    );
    assert_eq!(
        laptop.call("me", json!({})).body,
        json!(null),
        "signed out everywhere"
    );
    let again = server.client().call(
        "sign_in",
        json!({ "email": "menno@example.com", "password": PASSWORD }),
    );
    assert_eq!(again.status, 401);
    server.client().sign_up("Menno", "menno@example.com");
}

#[test]
fn a_relationship_nobody_joined_goes_with_the_account() {
    let server = Server::start();
    let mira = server.client();
    mira.sign_up("Mira", "mira@example.com");
    let (rel, token) = mira.start_relationship("mentor", "Alone");

    assert_eq!(delete(&mira, PASSWORD).status, 200);

    assert_eq!(
        server.sql_value(&format!(
            "SELECT COUNT(*) FROM relationships WHERE id = '{rel}'"
        )),
        "0"
    );
    let menno = server.client();
    menno.sign_up("Menno", "menno@example.com");
    let reply = menno.call("invite", json!({ "token": token }));
    assert_eq!(reply.body, json!({ "Invite": "Unknown" }));
}

#[test]
fn a_wrong_password_deletes_nothing_and_counts_against_signing_in() {
    let server = Server::start();
    let (mentor, _, rel) = pair(&server, "");
    let wrong = delete(&mentor, "not my password");
    assert_eq!(wrong.status, 422);
    assert_eq!(
        wrong.body,
        json!({ "Invalid": [{ "field": "Password", "problem": "Wrong" }] })
    );
    assert_eq!(
        mentor.call("relationship", json!({ "id": &rel })).status,
        200
    );
    let empty = delete(&mentor, "");
    assert_eq!(
        empty.body,
        json!({ "Invalid": [{ "field": "Password", "problem": "Required" }] })
    );

    let mut refused = None;
    for _ in 0..10 {
        let reply = delete(&mentor, "not my password");
        if reply.status == 429 {
            refused = Some(reply);
            break;
        }
    }
    assert!(
        refused.is_some_and(|r| r.retry_after.is_some()),
        "guessing is slowed down"
    );
    let elsewhere = server.client().call(
        "sign_in",
        json!({ "email": "mira@example.com", "password": PASSWORD }),
    );
    assert_eq!(elsewhere.status, 429, "the same count holds at sign-in");
    assert_eq!(
        mentor.call("relationship", json!({ "id": &rel })).status,
        200
    );
}

#[test]
fn a_session_that_outlived_its_deleted_account_is_not_one() {
    let server = Server::start();
    let (_, mentee, rel) = pair(&server, "");
    let token = mentee
        .cookie_header()
        .split("; ")
        .find_map(|c| c.strip_prefix("tandem_session="))
        .expect("a session cookie")
        .to_owned();
    let kept = server.sql_value(
        "SELECT token_hash, user_id, created_at, last_seen_at FROM sessions
         WHERE user_id = (SELECT id FROM users WHERE display_name = 'Menno')",
    );
    assert_eq!(delete(&mentee, PASSWORD).status, 200);
    // As if a sign-in had stored its session while the deletion ran.
    let row: Vec<&str> = kept.split('|').collect();
    server.sql(&format!(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at)
         VALUES ('{}', '{}', '{}', '{}')",
        row[0], row[1], row[2], row[3]
    ));
    let cookie = format!("tandem_session={token}");
    let stale = |function: &str, args: Value| {
        server.client().post_with(
            function,
            &[("Content-Type", "application/json"), ("Cookie", &cookie)],
            &args.to_string(),
        )
    };
    assert_eq!(stale("me", json!({})).body, json!(null));
    assert_eq!(stale("relationship", json!({ "id": &rel })).status, 401);
}

#[test]
fn when_both_people_delete_their_accounts_their_relationship_goes() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let session = uuid(9_001);
    record(
        &mentee,
        "session",
        false,
        &session,
        &rel,
        100,
        &[("date", json!("2026-12-10")), ("created_at", json!(MADE))],
    );
    assert_eq!(delete(&mentee, PASSWORD).status, 200);
    assert_eq!(delete(&mentor, PASSWORD).status, 200);
    for (table, column) in [("relationships", "id"), ("records", "relationship_id")] {
        assert_eq!(
            server.sql_value(&format!(
                "SELECT COUNT(*) FROM {table} WHERE {column} = '{rel}'"
            )),
            "0",
            "{table}"
        );
    }
}
