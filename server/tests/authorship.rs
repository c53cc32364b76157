//! Who may write, claim or make what, as an attacker would try it over HTTP: what belongs to one
//! person stays theirs, derived ids cannot be claimed first, and values no page could show are
//! refused.

mod common;

use app::{checkin::checkin_id, notes, relationships::Role};
use common::{pair, pull_all, push, record_changes, uuid, Client, Server};
use serde_json::{json, Value};
use uuid::Uuid;

const MADE: i64 = 1_795_766_400_000;

fn refused(why: &str) -> Value {
    json!({ "Rejected": why })
}

fn ok() -> Value {
    json!("Acknowledged")
}

/// A session of the relationship, made by `client`; returns its id.
fn session(client: &Client, rel: &str, n: u128) -> String {
    let id = uuid(9_000 + n);
    let made = record_changes(
        "session",
        false,
        &id,
        rel,
        n * 100,
        &[("date", json!("2026-12-10")), ("created_at", json!(MADE))],
    );
    assert_eq!(push(client, made), vec![ok(), ok()]);
    id
}

fn rel_id(rel: &str) -> Uuid {
    rel.parse().unwrap()
}

#[test]
fn a_partner_cannot_rewrite_the_other_persons_check_in() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let s = session(&mentor, &rel, 1);
    let own = checkin_id(rel_id(&rel), s.parse().unwrap(), Role::Mentee, Role::Mentee).to_string();
    let answers = record_changes(
        "checkin",
        false,
        &own,
        &rel,
        1_000,
        &[
            ("session", json!(s)),
            ("of", json!("mentee")),
            ("useful", json!("The talk about feedback")),
            ("rating", json!(5)),
        ],
    );
    assert_eq!(push(&mentee, answers), vec![ok(); 4]);
    let rewrite = record_changes(
        "checkin",
        false,
        &own,
        &rel,
        2_000,
        &[
            ("rating", json!(1)),
            ("fit", json!("poor")),
            ("useful", json!("waste of time")),
        ],
    );
    assert_eq!(push(&mentor, rewrite), vec![refused("NotYours"); 3]);
    let (seen, _) = pull_all(&mentee, json!([]));
    let text = format!("{seen:?}");
    assert!(
        !text.contains("waste of time") && !text.contains("poor"),
        "{text}"
    );
}

#[test]
fn nobody_claims_the_id_of_another_persons_check_in_first() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let s = session(&mentor, &rel, 1);
    let menteees = checkin_id(rel_id(&rel), s.parse().unwrap(), Role::Mentee, Role::Mentee);
    let claim = record_changes(
        "checkin",
        false,
        &menteees.to_string(),
        &rel,
        1_000,
        &[
            ("session", json!(s)),
            ("of", json!("mentee")),
            ("rating", json!(1)),
        ],
    );
    assert_eq!(push(&mentor, claim), vec![refused("WrongId"); 3]);
    let own = record_changes(
        "checkin",
        false,
        &menteees.to_string(),
        &rel,
        2_000,
        &[
            ("session", json!(s)),
            ("of", json!("mentee")),
            ("rating", json!(4)),
        ],
    );
    assert_eq!(
        push(&mentee, own),
        vec![ok(); 3],
        "the mentee's own writes go through"
    );
}

#[test]
fn a_stranger_who_knows_a_session_id_cannot_block_its_check_in_or_notes() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let s = session(&mentor, &rel, 1);
    // Another pair of the same server, whose mentor saw the session's address.
    let stranger = server.client();
    stranger.sign_up("Sam", "sam@example.com");
    let (their_rel, _) = stranger.start_relationship("mentor", "");
    let menteees = checkin_id(rel_id(&rel), s.parse().unwrap(), Role::Mentee, Role::Mentee);
    let shared = notes::shared_id(rel_id(&rel), s.parse().unwrap());
    for (kind, id, fields) in [
        (
            "checkin",
            menteees,
            vec![("session", json!(s)), ("of", json!("mentee"))],
        ),
        (
            "session_notes",
            shared,
            vec![("session", json!(s)), ("text", json!("mine now"))],
        ),
    ] {
        let outcomes = push(
            &stranger,
            record_changes(kind, false, &id.to_string(), &their_rel, 1_000, &fields),
        );
        assert_eq!(outcomes, vec![refused("WrongId"); fields.len()], "{kind}");
    }
    let own = record_changes(
        "checkin",
        false,
        &menteees.to_string(),
        &rel,
        2_000,
        &[("session", json!(s)), ("of", json!("mentee"))],
    );
    assert_eq!(push(&mentee, own), vec![ok(); 2]);
    let notes = record_changes(
        "session_notes",
        false,
        &shared.to_string(),
        &rel,
        3_000,
        &[("session", json!(s)), ("text", json!("Both of ours"))],
    );
    assert_eq!(push(&mentor, notes), vec![ok(); 2]);
}

#[test]
fn the_partner_cannot_plant_a_record_under_a_persons_private_notes_id_nor_the_shared_one() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let s = session(&mentor, &rel, 1);
    let session_id: Uuid = s.parse().unwrap();
    let menteees = notes::private_id(rel_id(&rel), session_id, Role::Mentee).to_string();
    let shared = notes::shared_id(rel_id(&rel), session_id).to_string();
    let fields = [("session", json!(s)), ("text", json!("planted"))];
    assert_eq!(
        push(
            &mentor,
            record_changes("session_notes", false, &menteees, &rel, 1_000, &fields)
        ),
        vec![refused("WrongId"); 2],
        "shared text under the mentee's private id"
    );
    assert_eq!(
        push(
            &mentor,
            record_changes(
                "private_session_notes",
                true,
                &menteees,
                &rel,
                2_000,
                &fields
            )
        ),
        vec![refused("WrongId"); 2],
        "the mentor's private record under the mentee's private id"
    );
    assert_eq!(
        push(
            &mentor,
            record_changes("private_session_notes", true, &shared, &rel, 3_000, &fields)
        ),
        vec![refused("WrongId"); 2],
        "a private record under the shared id"
    );
    let own = [("session", json!(s)), ("text", json!("My own thoughts"))];
    assert_eq!(
        push(
            &mentee,
            record_changes("private_session_notes", true, &menteees, &rel, 4_000, &own)
        ),
        vec![ok(); 2]
    );
    let both = [("session", json!(s)), ("text", json!("Shared notes"))];
    assert_eq!(
        push(
            &mentee,
            record_changes("session_notes", false, &shared, &rel, 5_000, &both)
        ),
        vec![ok(); 2]
    );
}

#[test]
fn whether_a_kind_is_private_is_the_kinds_choice_not_the_clients() {
    let server = Server::start();
    let (_, mentee, rel) = pair(&server, "");
    let shared_draft = record_changes(
        "prepare_draft",
        false,
        &uuid(1),
        &rel,
        1_000,
        &[("want", json!("a view"))],
    );
    assert_eq!(push(&mentee, shared_draft), vec![refused("Mismatch")]);
    let private_item = record_changes(
        "action_item",
        true,
        &uuid(2),
        &rel,
        2_000,
        &[
            ("title", json!("Hidden")),
            ("owner", json!("mentee")),
            ("created_at", json!(MADE)),
        ],
    );
    assert_eq!(push(&mentee, private_item), vec![refused("Mismatch"); 3]);
}

#[test]
fn a_record_no_page_could_show_is_refused_whole() {
    let server = Server::start();
    let (mentor, _, rel) = pair(&server, "");
    let undated_update = record_changes(
        "goal_update",
        false,
        &uuid(1),
        &rel,
        1_000,
        &[
            ("goal", json!(uuid(2))),
            ("value", json!(3)),
            ("created_at", json!(MADE)),
            ("created_by", json!("mentor")),
        ],
    );
    assert_eq!(
        push(&mentor, undated_update),
        vec![refused("Incomplete"); 4]
    );
    let undated_session = record_changes(
        "session",
        false,
        &uuid(3),
        &rel,
        2_000,
        &[
            ("theme", json!("Time management")),
            ("created_at", json!(MADE)),
        ],
    );
    assert_eq!(
        push(&mentor, undated_session),
        vec![refused("Incomplete"); 2]
    );
    let (seen, _) = pull_all(&mentor, json!([]));
    assert!(seen.is_empty(), "{seen:?}");
}

#[test]
fn numbers_dates_and_times_outside_what_a_person_would_accept_are_refused() {
    let server = Server::start();
    let (mentor, _, rel) = pair(&server, "");
    let s = session(&mentor, &rel, 1);
    for (n, minutes) in [json!(1_000_000_000), json!(-5), json!(0.001), json!(0)]
        .into_iter()
        .enumerate()
    {
        let outcome = push(
            &mentor,
            record_changes(
                "session",
                false,
                &s,
                &rel,
                1_000 + n as u128 * 10,
                &[("minutes", minutes.clone())],
            ),
        );
        assert_eq!(outcome, vec![refused("WrongType")], "{minutes}");
    }
    for (n, date) in ["+999-+1-+1", "0000-01-01", "2026-02-30"]
        .into_iter()
        .enumerate()
    {
        let outcome = push(
            &mentor,
            record_changes(
                "session",
                false,
                &s,
                &rel,
                2_000 + n as u128 * 10,
                &[("date", json!(date))],
            ),
        );
        assert_eq!(outcome, vec![refused("WrongType")], "{date}");
    }
    let signature = record_changes(
        "agreement_signature",
        false,
        &uuid(5),
        &rel,
        3_000,
        &[
            ("author", json!("mentor")),
            ("terms", json!("{}")),
            ("signed_at", json!(8_000_000_000_000_000_i64)),
        ],
    );
    let outcomes = push(&mentor, signature);
    assert_eq!(
        outcomes[2],
        refused("WrongType"),
        "a signing 250,000 years from now"
    );
    assert_eq!(
        push(
            &mentor,
            record_changes("session", false, &s, &rel, 4_000, &[("minutes", json!(90))])
        ),
        vec![ok()]
    );
}

#[test]
fn a_title_or_name_that_shows_nothing_is_refused_with_a_reason() {
    let server = Server::start();
    let (mentor, _, rel) = pair(&server, "");
    for (n, blank) in [
        "\u{00AD}\u{00AD}",
        "\u{200D}",
        "\u{034F}\u{FE0F}",
        "\u{E0041}\u{E0042}",
        "\u{2800}",
        "\u{3164}",
    ]
    .into_iter()
    .enumerate()
    {
        let item = record_changes(
            "action_item",
            false,
            &uuid(100 + n as u128),
            &rel,
            1_000 + n as u128 * 10,
            &[
                ("title", json!(blank)),
                ("owner", json!("mentor")),
                ("created_at", json!(MADE)),
            ],
        );
        let outcomes = push(&mentor, item);
        assert!(
            outcomes.iter().all(|o| o != &ok()) && outcomes[0] != refused("Incomplete"),
            "{blank:?}: {outcomes:?}"
        );
        let stranger = server.client();
        let reply = stranger.call(
            "sign_up",
            json!({ "display_name": blank, "email": format!("blank{n}@example.com"), "password": common::PASSWORD }),
        );
        assert_eq!(reply.status, 422, "{blank:?}: {:?}", reply.body);
        let why = reply.body.to_string();
        assert!(why.contains("Blank") || why.contains("Invisible"), "{why}");
        let title = mentor.call(
            "start_relationship",
            json!({ "role": "mentor", "title": blank }),
        );
        assert_eq!(title.status, 422, "{blank:?}: {:?}", title.body);
    }
    let broken = record_changes(
        "action_item",
        false,
        &uuid(200),
        &rel,
        2_000,
        &[
            ("title", json!("one\u{2028}two")),
            ("owner", json!("mentor")),
            ("created_at", json!(MADE)),
        ],
    );
    assert_eq!(push(&mentor, broken)[0], refused("WrongType"));
}

#[test]
fn no_record_of_another_kind_can_sit_where_a_derived_record_belongs() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let s = session(&mentor, &rel, 1);
    let session_id: Uuid = s.parse().unwrap();
    let menteees = checkin_id(rel_id(&rel), session_id, Role::Mentee, Role::Mentee).to_string();
    let shared = notes::shared_id(rel_id(&rel), session_id).to_string();
    let stranger = server.client();
    stranger.sign_up("Sam", "sam@example.com");
    let (their_rel, _) = stranger.start_relationship("mentor", "");
    let scope = [("scope", json!("mine now"))];
    assert_eq!(
        push(
            &stranger,
            record_changes("agreement", false, &menteees, &their_rel, 1_000, &scope)
        ),
        vec![refused("WrongId")],
        "a stranger's agreement at the mentee's check-in id"
    );
    let agenda = [
        ("session", json!(s)),
        ("text", json!("planted")),
        ("created_at", json!(MADE)),
    ];
    assert_eq!(
        push(
            &mentor,
            record_changes("agenda_item", false, &shared, &rel, 2_000, &agenda)
        ),
        vec![refused("WrongId"); 3],
        "the partner's agenda item at the shared notes' id"
    );
    let own = record_changes(
        "checkin",
        false,
        &menteees,
        &rel,
        3_000,
        &[("session", json!(s)), ("of", json!("mentee"))],
    );
    assert_eq!(push(&mentee, own), vec![ok(); 2]);
}

#[test]
fn what_an_id_is_derived_from_is_set_when_the_record_is_made_and_never_after() {
    let server = Server::start();
    let (mentor, _, rel) = pair(&server, "");
    let s = session(&mentor, &rel, 1);
    let item = uuid(50);
    let made = record_changes(
        "agenda_item",
        false,
        &item,
        &rel,
        1_000,
        &[("session", json!(s)), ("text", json!("Time management"))],
    );
    assert_eq!(push(&mentor, made), vec![ok(); 2]);
    let later = record_changes(
        "agenda_item",
        false,
        &item,
        &rel,
        2_000,
        &[("carried_from", json!(uuid(51)))],
    );
    assert_eq!(push(&mentor, later), vec![refused("NotYours")]);
}
