//! The ingredients' records over HTTP: who may write them, and what reaches whom.

mod common;

use common::{hlc, mutation_of, now_millis, pair, pull_all, push, uuid, Client, Server};
use serde_json::{json, Value};

/// A change to one's preparation: drafts are private records, shared answers are not.
fn prepare(id: u128, record: &str, rel: &str, draft: bool, field: &str, value: Value) -> Value {
    let kind = if draft {
        "prepare_draft"
    } else {
        "prepare_shared"
    };
    mutation_of(
        kind,
        draft,
        id,
        record,
        rel,
        field,
        value,
        &hlc(now_millis(), id as u16, 7),
    )
}

/// Everything every server function answers the partner, as one text to search.
fn everything_the_partner_gets(partner: &Client, rel: &str) -> String {
    let (changes, _) = pull_all(partner, json!([]));
    let list = partner.call("my_relationships", json!({})).body;
    let one = partner.call("relationship", json!({ "id": rel })).body;
    format!("{changes:?} {list} {one}")
}

#[test]
fn private_preparation_and_earlier_drafts_of_a_shared_answer_never_reach_the_partner() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let (draft, shared) = (uuid(100), uuid(200));
    for (n, field, text) in [
        (1, "want", "first try: a promotion"),
        (2, "bring", "my doubts about staying"),
        (3, "want", "to lead a small team"),
    ] {
        assert_eq!(
            push(
                &mentee,
                vec![prepare(n, &draft, &rel, true, field, json!(text))]
            ),
            vec![json!("Acknowledged")]
        );
    }
    let outcomes = push(
        &mentee,
        vec![
            prepare(4, &shared, &rel, false, "author", json!("mentee")),
            prepare(
                5,
                &shared,
                &rel,
                false,
                "want",
                json!("to lead a small team"),
            ),
        ],
    );
    assert_eq!(outcomes, vec![json!("Acknowledged"); 2]);

    let seen = everything_the_partner_gets(&mentor, &rel);
    assert!(seen.contains("to lead a small team"), "{seen}");
    assert!(
        !seen.contains("first try"),
        "an earlier draft leaked: {seen}"
    );
    assert!(
        !seen.contains("my doubts"),
        "an unshared answer leaked: {seen}"
    );
    // The author still has all of it.
    let (own, _) = pull_all(&mentee, json!([]));
    assert!(format!("{own:?}").contains("my doubts"));
}

#[test]
fn only_the_author_writes_their_shared_answers_and_only_members_write_at_all() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let shared = uuid(300);
    push(
        &mentee,
        vec![
            prepare(1, &shared, &rel, false, "author", json!("mentee")),
            prepare(2, &shared, &rel, false, "want", json!("mine")),
        ],
    );
    // The partner can neither rewrite the answers nor claim to be their author.
    assert_eq!(
        push(
            &mentor,
            vec![prepare(3, &shared, &rel, false, "want", json!("theirs"))]
        ),
        vec![json!({ "Rejected": "NotYours" })]
    );
    let other = uuid(301);
    assert_eq!(
        push(
            &mentor,
            vec![prepare(4, &other, &rel, false, "author", json!("mentee"))]
        ),
        vec![json!({ "Rejected": "NotYours" })]
    );
    // Someone outside the relationship can write nothing of it.
    let stranger = server.client();
    stranger.sign_up("Stan", "stan@example.com");
    assert_eq!(
        push(
            &stranger,
            vec![prepare(5, &uuid(302), &rel, true, "want", json!("x"))]
        ),
        vec![json!({ "Rejected": "NoAccess" })]
    );
    let (changes, _) = pull_all(&mentor, json!([]));
    assert!(format!("{changes:?}").contains("mine"));
    assert!(!format!("{changes:?}").contains("theirs"));
}

#[test]
fn an_answer_longer_than_a_page_is_refused_with_its_limit() {
    let server = Server::start();
    let (_, mentee, rel) = pair(&server, "");
    let long = "a".repeat(4001);
    assert_eq!(
        push(
            &mentee,
            vec![prepare(1, &uuid(400), &rel, true, "want", json!(long))]
        ),
        vec![json!({ "Rejected": { "TooLong": 4000 } })]
    );
}
