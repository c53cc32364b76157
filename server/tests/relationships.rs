//! Relationships and invites over HTTP: pairing, bad invites, and who may touch what.

mod common;

use common::{pair, Client, Server};
use serde_json::{json, Value};

#[test]
fn invite_then_accept_pairs_mentor_and_mentee() {
    let server = Server::start();
    let mentor = server.client();
    mentor.sign_up("Mira", "mira@example.com");
    let (id, token) = mentor.start_relationship("mentor", " Leadership 2027 ");
    let link = mentor.call("relationship", json!({ "id": &id })).body["invite"].clone();
    assert_eq!(link["url"], format!("{}/invite/{token}", server.base));
    assert_eq!(link["state"], "Open");
    assert_eq!(token.len(), 64, "256-bit token");

    let mentee = server.client();
    mentee.sign_up("Menno", "menno@example.com");
    let invite = mentee.call("invite", json!({ "token": &token }));
    assert_eq!(invite.status, 200);
    assert_eq!(invite.body["inviter_name"], "Mira");
    assert_eq!(invite.body["your_role"], "mentee");
    assert_eq!(invite.body["title"], "Leadership 2027");
    mentee.call(
        "respond_to_invite",
        json!({ "token": &token, "accept": true }),
    );

    for (client, role, partner) in [(&mentor, "mentor", "Menno"), (&mentee, "mentee", "Mira")] {
        let list = client.call("my_relationships", json!({})).body;
        assert_eq!(list.as_array().unwrap().len(), 1);
        let r = &list[0];
        assert_eq!(r["id"], id.as_str());
        assert_eq!(r["my_role"], role);
        assert_eq!(r["partner_name"], partner);
        assert!(r["started_at"].is_i64());
        assert_eq!(r["invite"], Value::Null);
    }
}

#[test]
fn a_person_can_hold_many_relationships_in_either_role() {
    let server = Server::start();
    let mira = server.client();
    mira.sign_up("Mira", "mira@example.com");
    for (i, role) in ["mentor", "mentor", "mentee"].iter().enumerate() {
        let (_, token) = mira.start_relationship(role, "");
        let partner = server.client();
        partner.sign_up(&format!("Partner {i}"), &format!("p{i}@example.com"));
        assert_eq!(
            partner
                .call(
                    "respond_to_invite",
                    json!({ "token": &token, "accept": true })
                )
                .status,
            200
        );
    }
    let list = mira.call("my_relationships", json!({})).body;
    let mut roles: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["my_role"].as_str().unwrap())
        .collect();
    roles.sort();
    assert_eq!(roles, ["mentee", "mentor", "mentor"]);
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["title"].is_null()));
}

#[test]
fn used_expired_revoked_declined_own_and_unknown_invites_are_refused() {
    let server = Server::start();
    let mentor = server.client();
    mentor.sign_up("Mira", "mira@example.com");
    let (_, used) = mentor.start_relationship("mentor", "Leadership 2027");
    let mentee = server.client();
    mentee.sign_up("Menno", "menno@example.com");
    let accepted = mentee.call(
        "respond_to_invite",
        json!({ "token": &used, "accept": true }),
    );
    assert_eq!(accepted.status, 200);
    let outsider = server.client();
    outsider.sign_up("Olga", "olga@example.com");
    let refused = |client: &Client, token: &str| {
        let r = client.call("invite", json!({ "token": token }));
        let accept = client.call(
            "respond_to_invite",
            json!({ "token": token, "accept": true }),
        );
        assert_eq!(
            (r.status, &r.body),
            (accept.status, &accept.body),
            "invite and accept agree"
        );
        (r.status, r.body)
    };

    // Used: the pair's invite.
    assert_eq!(
        refused(&outsider, &used),
        (410, json!({ "Invite": "Used" }))
    );

    // Expired: fourteen days old.
    let (expired_rel, expired) = mentor.start_relationship("mentor", "");
    server.sql(&format!(
        "UPDATE invites SET created_at = '2020-01-01T00:00:00+00:00' WHERE relationship_id = '{expired_rel}'"
    ));
    assert_eq!(
        refused(&outsider, &expired),
        (410, json!({ "Invite": "Expired" }))
    );
    assert_eq!(
        mentor
            .call("relationship", json!({ "id": &expired_rel }))
            .body["invite"]["state"],
        "Expired"
    );

    // Revoked by the inviter.
    let (revoked_rel, revoked) = mentor.start_relationship("mentor", "");
    assert_eq!(
        mentor
            .call("revoke_invite", json!({ "id": &revoked_rel }))
            .status,
        200
    );
    assert_eq!(
        refused(&outsider, &revoked),
        (410, json!({ "Invite": "Revoked" }))
    );

    // Declined by the invitee: then nobody can use it.
    let (declined_rel, declined) = mentor.start_relationship("mentor", "");
    let decline = outsider.call(
        "respond_to_invite",
        json!({ "token": &declined, "accept": false }),
    );
    assert_eq!((decline.status, decline.body), (200, json!(null)));
    let late = server.client();
    late.sign_up("Late", "late@example.com");
    assert_eq!(
        refused(&late, &declined),
        (410, json!({ "Invite": "Declined" }))
    );
    assert_eq!(
        mentor
            .call("relationship", json!({ "id": &declined_rel }))
            .body["invite"]["state"],
        "Declined"
    );

    // Own: the inviter opens their own link.
    let (_, own) = mentor.start_relationship("mentee", "");
    assert_eq!(refused(&mentor, &own), (409, json!({ "Invite": "Own" })));

    // Unknown, well-formed or not.
    assert_eq!(
        refused(&outsider, &"ab".repeat(32)),
        (404, json!({ "Invite": "Unknown" }))
    );
    assert_eq!(
        refused(&outsider, "nonsense"),
        (404, json!({ "Invite": "Unknown" }))
    );
}

#[test]
fn a_new_invite_replaces_the_old_one() {
    let server = Server::start();
    let mentor = server.client();
    mentor.sign_up("Mira", "mira@example.com");
    let (id, first) = mentor.start_relationship("mentee", "");
    assert_eq!(mentor.call("new_invite", json!({ "id": &id })).status, 200);
    let second = mentor.invite_token(&id).unwrap();
    assert_ne!(first, second);
    let mentee = server.client();
    mentee.sign_up("Menno", "menno@example.com");
    assert_eq!(
        mentee.call("invite", json!({ "token": &first })).body,
        json!({ "Invite": "Revoked" })
    );
    assert_eq!(
        mentee.call("invite", json!({ "token": &second })).body["your_role"],
        "mentor"
    );
}

#[test]
fn ending_keeps_the_relationship_readable_and_marked() {
    let server = Server::start();
    let (mentor, mentee, id) = pair(&server, "Leadership 2027");
    assert_eq!(
        mentee.call("end_relationship", json!({ "id": &id })).status,
        200
    );
    for client in [&mentor, &mentee] {
        let r = client.call("relationship", json!({ "id": &id }));
        assert_eq!(r.status, 200);
        assert!(r.body["ended_at"].is_i64());
        assert_eq!(r.body["title"], "Leadership 2027");
    }
    assert_eq!(
        mentor.call("new_invite", json!({ "id": &id })).body,
        json!("Ended")
    );
}

#[test]
fn a_paired_relationship_takes_no_new_invite() {
    let server = Server::start();
    let (mentor, _, id) = pair(&server, "Leadership 2027");
    let r = mentor.call("new_invite", json!({ "id": &id }));
    assert_eq!((r.status, r.body), (409, json!("AlreadyPaired")));
}

#[test]
fn bad_relationship_input_is_refused_at_the_field() {
    let server = Server::start();
    let mira = server.client();
    mira.sign_up("Mira", "mira@example.com");
    let r = mira.call(
        "start_relationship",
        json!({ "role": "boss", "title": &"x".repeat(81) }),
    );
    assert_eq!(r.status, 422);
    assert_eq!(
        r.body,
        json!({ "Invalid": [
            { "field": "Role", "problem": "Malformed" },
            { "field": "Title", "problem": { "TooLong": 80 } },
        ]})
    );
    let malformed = mira.call("relationship", json!({ "id": "not-a-uuid" }));
    assert_eq!(malformed.status, 400);
}

/// Every server function that touches a relationship, with arguments for it.
fn relationship_calls(id: &str) -> Vec<(&'static str, Value)> {
    [
        "relationship",
        "new_invite",
        "revoke_invite",
        "end_relationship",
    ]
    .into_iter()
    .map(|function| (function, json!({ "id": id })))
    .collect()
}

#[test]
fn a_stranger_is_refused_and_learns_nothing() {
    let server = Server::start();
    let (mentor, _, id) = pair(&server, "Leadership 2027");
    let stranger = server.client();
    stranger.sign_up("Stranger", "stranger@example.com");
    let missing = "0190b5d2-0000-7000-8000-000000000000";
    for (function, args) in relationship_calls(&id) {
        let reply = stranger.call(function, args);
        assert_eq!(reply.status, 403, "{function}");
        assert_eq!(reply.body, json!("Forbidden"), "{function}");
        // A relationship that does not exist answers exactly the same.
        let (_, missing_args) = relationship_calls(missing)
            .into_iter()
            .find(|(f, _)| *f == function)
            .unwrap();
        let other = stranger.call(function, missing_args);
        assert_eq!(
            (other.status, other.body),
            (reply.status, reply.body),
            "{function}"
        );
    }
    assert_eq!(stranger.call("my_relationships", json!({})).body, json!([]));
    // Nothing the stranger tried changed the relationship.
    let r = mentor.call("relationship", json!({ "id": &id })).body;
    assert!(r["ended_at"].is_null());
    assert_eq!(r["partner_name"], "Menno");
}

#[test]
fn a_signed_out_caller_is_refused_everywhere() {
    let server = Server::start();
    let (_, _, id) = pair(&server, "Leadership 2027");
    let anonymous = server.client();
    let token = "ab".repeat(32);
    let mut calls = relationship_calls(&id);
    calls.push(("my_relationships", json!({})));
    calls.push((
        "start_relationship",
        json!({ "role": "mentor", "title": "" }),
    ));
    calls.push(("invite", json!({ "token": token })));
    calls.push((
        "respond_to_invite",
        json!({ "token": token, "accept": true }),
    ));
    calls.push((
        "change_password",
        json!({ "current_password": "correct horse battery", "new_password": "another long one" }),
    ));
    calls.push(("sign_out_everywhere", json!({})));
    calls.push((
        "delete_account",
        json!({ "password": "correct horse battery" }),
    ));
    for (function, args) in calls {
        let reply = anonymous.call(function, args);
        assert_eq!(
            (reply.status, reply.body),
            (401, json!("Unauthenticated")),
            "{function}"
        );
    }
}

#[test]
fn an_invite_link_is_not_in_the_database_yet_works_and_outlives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_with(dir.path(), None);
    let mentor = server.client();
    mentor.sign_up("Mira", "mira@example.com");
    let (id, token) = mentor.start_relationship("mentor", "Kept secret");
    let dump = server.sql_value("SELECT id, token_hash, relationship_id, inviter_id FROM invites");
    assert!(!dump.contains(&token), "the token is stored: {dump}");
    drop(server);

    let server = Server::start_with(dir.path(), None);
    let mentor = server.client();
    mentor.call(
        "sign_in",
        json!({ "email": "mira@example.com", "password": common::PASSWORD }),
    );
    assert_eq!(
        mentor.invite_token(&id).as_deref(),
        Some(token.as_str()),
        "the same link"
    );
    let mentee = server.client();
    mentee.sign_up("Menno", "menno@example.com");
    let reply = mentee.call(
        "respond_to_invite",
        json!({ "token": token, "accept": true }),
    );
    assert_eq!(reply.status, 200, "{:?}", reply.body);
}

#[test]
fn the_home_page_lists_the_persons_relationships_from_the_server_and_is_fine_for_anyone() {
    let server = Server::start();
    let (mentor, _, _) = pair(&server, "Speaking at meetups");
    let page = mentor.get("/");
    assert_eq!(page.status(), 200);
    assert!(page.into_string().unwrap().contains("Speaking at meetups"));
    let stranger = server.client().get("/");
    assert_eq!(stranger.status(), 200);
    assert!(!stranger
        .into_string()
        .unwrap()
        .contains("Speaking at meetups"));
}
