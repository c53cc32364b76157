//! Closing a relationship over HTTP: once it has ended, each person can still write their own
//! closing reflection, which reaches the partner, and nothing else.

mod common;

use app::{closing::reflection_id, relationships::Role};
use common::{pair, pull_all, push, record_changes, uuid, Client};
use serde_json::{json, Value};

fn end(client: &Client, rel: &str) {
    let reply = client.call("end_relationship", json!({ "id": rel }));
    assert_eq!(reply.status, 200, "{:?}", reply.body);
}

fn reflection_of(rel: &str, by: Role) -> String {
    reflection_id(rel.parse().unwrap(), by).to_string()
}

const OK: &str = "Acknowledged";

#[test]
fn a_reflection_can_be_written_after_the_end_and_the_partner_receives_it() {
    let server = common::Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    end(&mentor, &rel);

    let mine = reflection_of(&rel, Role::Mentee);
    let written = record_changes(
        "reflection",
        false,
        &mine,
        &rel,
        100,
        &[
            ("by", json!("mentee")),
            ("gained", json!("Courage")),
            ("rating", json!(4)),
        ],
    );
    assert_eq!(push(&mentee, written), vec![json!(OK); 3]);

    let (pulled, _) = pull_all(&mentor, json!([]));
    let gained: Vec<&Value> = pulled
        .iter()
        .filter(|c| c["record"] == json!(mine) && c["field"] == "gained")
        .map(|c| &c["value"])
        .collect();
    assert_eq!(gained, vec![&json!("Courage")]);
}

#[test]
fn after_the_end_nothing_but_a_reflection_is_written() {
    let server = common::Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let goal = uuid(7);
    let made = record_changes(
        "goal",
        false,
        &goal,
        &rel,
        100,
        &[
            ("title", json!("Give talks")),
            ("status", json!("active")),
            ("created_at", json!(1_795_766_400_000i64)),
        ],
    );
    assert_eq!(push(&mentee, made), vec![json!(OK); 3]);
    end(&mentee, &rel);

    let finally = record_changes(
        "goal",
        false,
        &goal,
        &rel,
        200,
        &[("status", json!("partly"))],
    );
    assert_eq!(
        push(&mentor, finally),
        vec![json!({ "Rejected": "NoAccess" })]
    );
}

#[test]
fn only_its_author_writes_a_reflection() {
    let server = common::Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let theirs = reflection_of(&rel, Role::Mentee);
    let made = record_changes(
        "reflection",
        false,
        &theirs,
        &rel,
        100,
        &[("by", json!("mentee"))],
    );
    assert_eq!(push(&mentee, made), vec![json!(OK)]);
    end(&mentor, &rel);

    let forged = record_changes(
        "reflection",
        false,
        &theirs,
        &rel,
        200,
        &[("gained", json!("Nothing"))],
    );
    assert_eq!(
        push(&mentor, forged),
        vec![json!({ "Rejected": "NotYours" })]
    );
    // Nor can one be made in the partner's name under the id of mine.
    let mine = reflection_of(&rel, Role::Mentor);
    let claimed = record_changes(
        "reflection",
        false,
        &mine,
        &rel,
        300,
        &[("by", json!("mentee"))],
    );
    assert_ne!(push(&mentor, claimed), vec![json!(OK)]);
}

#[test]
fn a_person_who_was_never_a_member_writes_no_reflection() {
    let server = common::Server::start();
    let (mentor, _mentee, rel) = common::pair_of(&server, "one", "");
    let (stranger, _, _) = common::pair_of(&server, "two", "");
    end(&mentor, &rel);
    let mine = reflection_of(&rel, Role::Mentor);
    let made = record_changes(
        "reflection",
        false,
        &mine,
        &rel,
        100,
        &[("by", json!("mentor"))],
    );
    assert_eq!(
        push(&stranger, made),
        vec![json!({ "Rejected": "NoAccess" })]
    );
}
