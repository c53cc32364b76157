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

/// A change to the agreement: its terms, a signature, or a version both signed.
fn agree(id: u128, kind: &str, record: &str, rel: &str, field: &str, value: Value) -> Value {
    mutation_of(
        kind,
        false,
        id,
        record,
        rel,
        field,
        value,
        &hlc(now_millis(), id as u16, 8),
    )
}

/// The agreement as a member's device reads it from what the server sends them.
fn agreement_as_seen_by(client: &Client, rel: &str) -> app::agreement::Agreement {
    let (changes, _) = pull_all(client, json!([]));
    let mut replica = app::sync::replica::Replica::default();
    for change in changes {
        replica.apply(&serde_json::from_value(change).unwrap());
    }
    app::agreement::Agreement::read(&replica, rel.parse().unwrap())
}

/// Signs the terms as `client` sees them now, as the page does.
fn sign(client: &Client, id: u128, record: &str, rel: &str, role: &str) {
    let seen = app::agreement::canonical(&agreement_as_seen_by(client, rel).terms);
    let outcomes = push(
        client,
        vec![
            agree(
                id,
                "agreement_signature",
                record,
                rel,
                "author",
                json!(role),
            ),
            agree(
                id + 1,
                "agreement_signature",
                record,
                rel,
                "terms",
                json!(seen),
            ),
            agree(
                id + 2,
                "agreement_signature",
                record,
                rel,
                "signed_at",
                json!(now_millis()),
            ),
        ],
    );
    assert_eq!(outcomes, vec![json!("Acknowledged"); 3]);
}

#[test]
fn a_later_edit_withdraws_both_signatures_and_the_signed_version_is_kept() {
    use app::{agreement::Term, relationships::Role};
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let terms = uuid(500);
    push(
        &mentee,
        vec![agree(
            1,
            "agreement",
            &terms,
            &rel,
            "frequency",
            json!("weekly"),
        )],
    );
    sign(&mentor, 10, &uuid(501), &rel, "mentor");
    sign(&mentee, 20, &uuid(502), &rel, "mentee");
    let signed = agreement_as_seen_by(&mentor, &rel);
    assert!(signed.signed_by_both());
    push(
        &mentor,
        vec![agree(
            40,
            "agreement",
            &terms,
            &rel,
            "frequency",
            json!("monthly"),
        )],
    );
    let after = agreement_as_seen_by(&mentee, &rel);
    assert!(!after.counts(Role::Mentor) && !after.counts(Role::Mentee));
    assert_eq!(after.changed_since_signed(), vec![Term::Frequency]);
    assert_eq!(after.versions.len(), 1);
    assert_eq!(
        after.versions[0].1.frequency,
        Some(app::agreement::Frequency::Weekly)
    );
}

#[test]
fn a_signature_on_a_version_the_partner_had_just_changed_is_not_counted() {
    use app::{agreement::Term, relationships::Role};
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let terms = uuid(600);
    push(
        &mentor,
        vec![agree(1, "agreement", &terms, &rel, "weekday", json!("tue"))],
    );
    // The mentee has read Tuesday; a moment before they sign, the mentor makes it Thursday.
    let seen = app::agreement::canonical(&agreement_as_seen_by(&mentee, &rel).terms);
    push(
        &mentor,
        vec![agree(2, "agreement", &terms, &rel, "weekday", json!("thu"))],
    );
    let record = uuid(601);
    push(
        &mentee,
        vec![
            agree(
                3,
                "agreement_signature",
                &record,
                &rel,
                "author",
                json!("mentee"),
            ),
            agree(
                4,
                "agreement_signature",
                &record,
                &rel,
                "terms",
                json!(seen),
            ),
            agree(
                5,
                "agreement_signature",
                &record,
                &rel,
                "signed_at",
                json!(now_millis()),
            ),
        ],
    );
    for client in [&mentor, &mentee] {
        let agreement = agreement_as_seen_by(client, &rel);
        assert!(!agreement.counts(Role::Mentee));
        assert_eq!(agreement.outdated(Role::Mentee), Some(vec![Term::Weekday]));
    }
}

#[test]
fn nobody_signs_for_the_partner() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    sign(&mentee, 1, &uuid(701), &rel, "mentee");
    assert_eq!(
        push(
            &mentor,
            vec![agree(
                10,
                "agreement_signature",
                &uuid(702),
                &rel,
                "author",
                json!("mentee")
            )]
        ),
        vec![json!({ "Rejected": "NotYours" })]
    );
    assert_eq!(
        push(
            &mentor,
            vec![agree(
                11,
                "agreement_signature",
                &uuid(701),
                &rel,
                "terms",
                json!("{}")
            )]
        ),
        vec![json!({ "Rejected": "NotYours" })]
    );
}

#[test]
fn a_signed_version_cannot_be_rewritten_even_by_its_signer() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    push(
        &mentee,
        vec![agree(
            1,
            "agreement",
            &uuid(800),
            &rel,
            "scope",
            json!("Careers"),
        )],
    );
    sign(&mentor, 10, &uuid(801), &rel, "mentor");
    sign(&mentee, 20, &uuid(802), &rel, "mentee");
    let signed = agreement_as_seen_by(&mentor, &rel);
    assert_eq!(signed.versions.len(), 1);
    let forged = json!(app::agreement::canonical(&app::agreement::blank()));
    for (field, value) in [
        ("terms", forged),
        ("signed_at", json!(1_795_766_400_000_i64)),
    ] {
        assert_eq!(
            push(
                &mentee,
                vec![agree(
                    30,
                    "agreement_signature",
                    &uuid(802),
                    &rel,
                    field,
                    value
                )]
            ),
            vec![json!({ "Rejected": "NotYours" })],
            "{field}"
        );
    }
    assert_eq!(
        agreement_as_seen_by(&mentor, &rel).versions,
        signed.versions
    );
}

/// A change to a record of a session: a check-in or notes.
#[allow(clippy::too_many_arguments)]
fn of_session(
    id: u128,
    kind: &str,
    private: bool,
    record: uuid::Uuid,
    rel: &str,
    field: &str,
    value: Value,
) -> Value {
    mutation_of(
        kind,
        private,
        id,
        &record.to_string(),
        rel,
        field,
        value,
        &hlc(now_millis(), id as u16, 9),
    )
}

fn replica_of(client: &Client) -> app::sync::replica::Replica {
    let (changes, _) = pull_all(client, json!([]));
    let mut replica = app::sync::replica::Replica::default();
    for change in changes {
        replica.apply(&serde_json::from_value(change).unwrap());
    }
    replica
}

#[test]
fn check_in_answers_are_stored_per_person_and_both_read_both() {
    use app::{
        checkin::{checkin_id, Checkin},
        relationships::Role,
    };
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let relationship: uuid::Uuid = rel.parse().unwrap();
    let session = uuid::Uuid::from_u128(77);
    for (n, client, role, next) in [
        (1, &mentor, Role::Mentor, "Send two articles"),
        (4, &mentee, Role::Mentee, "Update my CV"),
    ] {
        let record = checkin_id(relationship, session, role, role);
        let outcomes = push(
            client,
            vec![
                of_session(
                    n,
                    "checkin",
                    false,
                    record,
                    &rel,
                    "session",
                    json!(session.to_string()),
                ),
                of_session(
                    n + 1,
                    "checkin",
                    false,
                    record,
                    &rel,
                    "of",
                    json!(role.as_str()),
                ),
                of_session(n + 2, "checkin", false, record, &rel, "next", json!(next)),
            ],
        );
        assert_eq!(outcomes, vec![json!("Acknowledged"); 3]);
    }
    for client in [&mentor, &mentee] {
        let replica = replica_of(client);
        let answers = |role| {
            Checkin::answers(&replica, relationship, session, role)
                .unwrap()
                .checkin
        };
        assert_eq!(answers(Role::Mentor).next, "Send two articles");
        assert_eq!(answers(Role::Mentee).next, "Update my CV");
    }
}

#[test]
fn an_overlong_check_in_answer_is_refused_with_its_limit() {
    use app::{checkin::checkin_id, relationships::Role};
    let server = Server::start();
    let (_, mentee, rel) = pair(&server, "");
    let record = checkin_id(
        rel.parse().unwrap(),
        uuid::Uuid::from_u128(77),
        Role::Mentee,
        Role::Mentee,
    );
    let long = "a".repeat(2001);
    assert_eq!(
        push(
            &mentee,
            vec![of_session(
                1,
                "checkin",
                false,
                record,
                &rel,
                "useful",
                json!(long)
            )]
        ),
        vec![json!({ "Rejected": { "TooLong": 2000 } })]
    );
}

#[test]
fn private_session_notes_never_reach_the_partner() {
    use app::{
        notes::{private_id, shared_id},
        relationships::Role,
    };
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let relationship: uuid::Uuid = rel.parse().unwrap();
    let session = uuid::Uuid::from_u128(78);
    let shared = shared_id(relationship, session);
    let private = private_id(relationship, session, Role::Mentor);
    let on = json!(session.to_string());
    let outcomes = push(
        &mentor,
        vec![
            of_session(
                1,
                "session_notes",
                false,
                shared,
                &rel,
                "session",
                on.clone(),
            ),
            of_session(
                2,
                "session_notes",
                false,
                shared,
                &rel,
                "text",
                json!("Menno wants to lead"),
            ),
            of_session(
                3,
                "private_session_notes",
                true,
                private,
                &rel,
                "session",
                on,
            ),
            of_session(
                4,
                "private_session_notes",
                true,
                private,
                &rel,
                "text",
                json!("Ask about the reorganisation"),
            ),
        ],
    );
    assert_eq!(outcomes, vec![json!("Acknowledged"); 4]);
    let seen = everything_the_partner_gets(&mentee, &rel);
    assert!(seen.contains("Menno wants to lead"));
    assert!(!seen.contains("reorganisation"), "{seen}");
    assert!(format!("{:?}", pull_all(&mentor, json!([])).0).contains("reorganisation"));
}

#[test]
fn only_members_read_or_write_a_sessions_check_in_and_notes() {
    use app::{checkin::checkin_id, notes::shared_id, relationships::Role};
    let server = Server::start();
    let (mentor, _, rel) = pair(&server, "");
    let relationship: uuid::Uuid = rel.parse().unwrap();
    let session = uuid::Uuid::from_u128(79);
    let notes = shared_id(relationship, session);
    push(
        &mentor,
        vec![
            of_session(
                1,
                "session_notes",
                false,
                notes,
                &rel,
                "session",
                json!(session.to_string()),
            ),
            of_session(
                4,
                "session_notes",
                false,
                notes,
                &rel,
                "text",
                json!("Our notes"),
            ),
        ],
    );
    let stranger = server.client();
    stranger.sign_up("Stan", "stan@example.com");
    for (n, kind, record, field) in [
        (
            2,
            "checkin",
            checkin_id(relationship, session, Role::Mentee, Role::Mentee),
            "useful",
        ),
        (3, "session_notes", notes, "text"),
    ] {
        assert_eq!(
            push(
                &stranger,
                vec![of_session(
                    n,
                    kind,
                    false,
                    record,
                    &rel,
                    field,
                    json!("mine now")
                )]
            ),
            vec![json!({ "Rejected": "NoAccess" })]
        );
    }
    let (changes, _) = pull_all(&stranger, json!([]));
    assert!(changes.is_empty(), "{changes:?}");
    assert!(!format!("{:?}", pull_all(&mentor, json!([])).0).contains("mine now"));
}

#[test]
fn an_action_item_made_from_an_answer_on_two_devices_of_one_person_is_one_item_both_acknowledged() {
    let server = Server::start();
    let (_, mentee, rel) = pair(&server, "");
    let session = uuid::Uuid::from_u128(90);
    let item = app::action_items::from_session_id(
        rel.parse().unwrap(),
        session,
        app::relationships::Role::Mentee,
    );
    // The same record, made on a phone and on a laptop before either synced.
    for (n, device) in [(1u128, 11u64), (11, 12)] {
        let at = hlc(now_millis() + device, 0, device);
        let field = |k: u128, name: &str, value: Value| {
            mutation_of(
                "action_item",
                false,
                n + k,
                &item.to_string(),
                &rel,
                name,
                value,
                &at,
            )
        };
        let outcomes = push(
            &mentee,
            vec![
                field(0, "title", json!("Update my CV")),
                field(1, "owner", json!("mentee")),
                field(2, "created_by", json!("mentee")),
                field(3, "created_at", json!(1_795_766_400_000_i64)),
                field(4, "session", json!(session.to_string())),
            ],
        );
        assert_eq!(outcomes, vec![json!("Acknowledged"); 5], "device {device}");
    }
    let (changes, _) = pull_all(&mentee, json!([]));
    let titles = changes.iter().filter(|c| c["field"] == "title").count();
    assert_eq!(titles, 1, "{changes:?}");
}
