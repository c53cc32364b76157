//! An export brought back over HTTP (`POST /api/import`): into a fresh server, twice, and the
//! files that must be refused with nothing written.

mod common;

use common::{hlc, mutation_of, now_millis, pair, pull_all, push, uuid, Client, Server};
use serde_json::{json, Value};
use std::collections::BTreeMap;

const MADE: i64 = 1_795_766_400_000;

/// An action item of `owner`'s, written by `client` as its device would.
fn item(client: &Client, rel: &str, n: u128, owner: &str, title: &str) -> String {
    let id = uuid(n);
    let at = now_millis();
    let batch = [
        ("title", json!(title)),
        ("owner", json!(owner)),
        ("created_at", json!(MADE)),
        ("created_by", json!(owner)),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (field, value))| {
        let stamp = hlc(at, i as u16, n as u64);
        mutation_of(
            "action_item",
            false,
            n * 10 + i as u128,
            &id,
            rel,
            field,
            value,
            &stamp,
        )
    })
    .collect();
    let outcomes = push(client, batch);
    assert!(outcomes.iter().all(|o| o == "Acknowledged"), "{outcomes:?}");
    id
}

/// The export `client`'s device would make: each relationship's facts and every record it
/// pulls, each field with its clock.
fn export_of(client: &Client) -> Value {
    let list = client.call("my_relationships", json!({})).body;
    let (changes, _) = pull_all(client, json!([]));
    let relationships: Vec<Value> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let mut records: BTreeMap<String, Value> = BTreeMap::new();
            for c in changes.iter().filter(|c| c["relationship"] == r["id"]) {
                let record = records
                    .entry(c["record"].as_str().unwrap().to_owned())
                    .or_insert_with(|| {
                        json!({
                            "id": c["record"], "kind": c["kind"], "private": c["private"],
                            "fields": {}, "clocks": {},
                        })
                    });
                let field = c["field"].as_str().unwrap();
                record["fields"][field] = c["value"].clone();
                record["clocks"][field] = c["hlc"].clone();
            }
            json!({
                "id": r["id"], "title": r["title"], "my_role": r["my_role"],
                "partner_name": r["partner_name"], "created_at": r["created_at"],
                "started_at": r["started_at"], "ended_at": r["ended_at"],
                "records": records.into_values().collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "format": "tandem-export/1", "exported_at": MADE, "relationships": relationships })
}

/// Ticking the action item `item` done, as its device would.
fn tick(item: &str, rel: &str) -> Value {
    mutation_of(
        "action_item",
        false,
        90,
        item,
        rel,
        "done_at",
        json!(MADE),
        &hlc(now_millis(), 0, 9),
    )
}

fn import(client: &Client, file: &str) -> common::Reply {
    client.post_with("import", &[("Content-Type", "application/json")], file)
}

/// Every field the client pulls, as (record, field, value, clock).
fn fields(client: &Client) -> Vec<(String, String, String, String)> {
    let (changes, _) = pull_all(client, json!([]));
    let mut all: Vec<_> = changes
        .iter()
        .map(|c| {
            (
                c["record"].to_string(),
                c["field"].to_string(),
                c["value"].to_string(),
                c["hlc"].to_string(),
            )
        })
        .collect();
    all.sort();
    all
}

fn newcomer(server: &Server, name: &str) -> Client {
    let client = server.client();
    client.sign_up(name, &format!("{}@example.com", name.to_ascii_lowercase()));
    client
}

#[test]
fn a_relationship_comes_back_on_a_fresh_server_with_its_ids_clocks_and_a_named_former_partner() {
    let first = Server::start();
    let (mentor, mentee, rel) = pair(&first, "Growing");
    item(&mentor, &rel, 1, "mentor", "Introduce to Sam");
    item(&mentee, &rel, 2, "mentee", "Read the book");
    let file = export_of(&mentee).to_string();
    let before = fields(&mentee);

    let second = Server::start();
    let menno = newcomer(&second, "Menno");
    let reply = import(&menno, &file);
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(reply.body["relationships"], 1);
    assert_eq!(
        reply.body["message"],
        "Brought back: 1 relationships, 2 records, 9 changes."
    );

    let list = menno.call("my_relationships", json!({})).body;
    assert_eq!(list[0]["id"], json!(rel));
    assert_eq!(list[0]["title"], "Growing");
    assert_eq!(list[0]["my_role"], "mentee");
    assert_eq!(list[0]["partner_name"], "Mira (former member)");
    assert_eq!(fields(&menno), before);
}

#[test]
fn the_former_partners_records_stay_theirs() {
    let first = Server::start();
    let (mentor, mentee, rel) = pair(&first, "Growing");
    let theirs = item(&mentor, &rel, 1, "mentor", "Introduce to Sam");
    let file = export_of(&mentee).to_string();
    let second = Server::start();
    let menno = newcomer(&second, "Menno");
    assert_eq!(import(&menno, &file).status, 200);

    // Only its owner ticks an item: the mentor's, whom the mentee is not.
    assert_eq!(
        push(&menno, vec![tick(&theirs, &rel)]),
        vec![json!({ "Rejected": "NotYours" })]
    );
}

#[test]
fn the_former_partner_joins_again_by_invite_and_their_records_are_theirs_again() {
    let first = Server::start();
    let (mentor, mentee, rel) = pair(&first, "Growing");
    let theirs = item(&mentor, &rel, 1, "mentor", "Introduce to Sam");
    let exported = export_of(&mentee);
    let second = Server::start();
    let menno = newcomer(&second, "Menno");
    assert_eq!(import(&menno, &exported.to_string()).status, 200);
    // No invite is made until the importer asks for one.
    assert_eq!(menno.invite_token(&rel), None);
    let reply = menno.call("new_invite", json!({ "id": &rel }));
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let token = menno
        .invite_token(&rel)
        .expect("an invite for the former partner");

    let mira = newcomer(&second, "Mira");
    // The invite says whose place they take.
    let asked = mira.call("invite", json!({ "token": &token }));
    assert_eq!(asked.body["in_place_of"], "Mira", "{:?}", asked.body);
    let reply = mira.call(
        "respond_to_invite",
        json!({ "token": &token, "accept": true }),
    );
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let list = mira.call("my_relationships", json!({})).body;
    assert_eq!(list[0]["my_role"], "mentor");
    // It keeps the day it started.
    assert_eq!(
        list[0]["started_at"],
        exported["relationships"][0]["started_at"]
    );
    let seen = menno.call("relationship", json!({ "id": &rel })).body;
    assert_eq!(seen["partner_name"], "Mira");
    assert_eq!(seen["invite"], Value::Null);
    assert_eq!(
        second.sql_value("SELECT COUNT(*) FROM users WHERE email LIKE 'imported:%'"),
        "0"
    );

    // What the mentor wrote before is theirs to change again, and reaches them.
    let quoted = json!(theirs).to_string();
    assert!(fields(&mira).iter().any(|(record, ..)| *record == quoted));
    assert_eq!(
        push(&mira, vec![tick(&theirs, &rel)]),
        vec![json!("Acknowledged")]
    );
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let first = Server::start();
    let (_, mentee, rel) = pair(&first, "Growing");
    item(&mentee, &rel, 2, "mentee", "Read the book");
    let file = export_of(&mentee).to_string();
    let second = Server::start();
    let menno = newcomer(&second, "Menno");
    let once = import(&menno, &file);
    assert!(
        once.body["changed"].as_u64().unwrap() > 0,
        "{:?}",
        once.body
    );
    let version = second.sql_value("SELECT version FROM sync_state");
    let after_once = fields(&menno);

    let twice = import(&menno, &file);
    assert_eq!(twice.status, 200, "{:?}", twice.body);
    assert_eq!(twice.body["changed"], 0);
    assert_eq!(second.sql_value("SELECT version FROM sync_state"), version);
    assert_eq!(fields(&menno), after_once);
    assert_eq!(
        second.sql_value("SELECT COUNT(*) FROM users"),
        "2",
        "one importer and one former partner"
    );
}

#[test]
fn a_file_with_a_refused_record_is_refused_naming_it_and_nothing_is_written() {
    let first = Server::start();
    let (_, mentee, rel) = pair(&first, "Growing");
    item(&mentee, &rel, 2, "mentee", "Read the book");
    let mut file = export_of(&mentee);
    // A second relationship, fine but for its first record's title.
    let mut other = file["relationships"][0].clone();
    other["id"] = json!(uuid(500));
    other["records"][0]["id"] = json!(uuid(501));
    other["records"][0]["fields"]["title"] = json!("x".repeat(500));
    file["relationships"].as_array_mut().unwrap().push(other);

    let second = Server::start();
    let menno = newcomer(&second, "Menno");
    let reply = import(&menno, &file.to_string());
    assert_eq!(reply.status, 422);
    assert_eq!(reply.body["problem"], "bad_record");
    assert_eq!(reply.body["relationship"], json!(uuid(500)));
    assert_eq!(reply.body["index"], 1);
    assert_eq!(reply.body["field"], "title");
    assert_eq!(reply.body["rejection"], json!({ "TooLong": 200 }));
    assert_eq!(
        reply.body["message"],
        format!(
            "Record 1 of relationship {} is refused: title: Use at most 200 characters. Nothing of the file was kept.",
            uuid(500)
        )
    );
    assert_eq!(menno.call("my_relationships", json!({})).body, json!([]));
    assert_eq!(second.sql_value("SELECT COUNT(*) FROM records"), "0");
}

#[test]
fn a_file_that_is_not_an_export_of_this_version_or_too_large_is_refused() {
    let server = Server::start();
    let menno = newcomer(&server, "Menno");
    for (body, status, problem) in [
        ("not json".to_owned(), 422, "not_an_export"),
        (json!({ "hello": 1 }).to_string(), 422, "not_an_export"),
        (
            json!({ "format": "tandem-export/9", "relationships": [] }).to_string(),
            422,
            "other_format",
        ),
        (
            json!({ "format": "tandem-export/1", "relationships": [{ "id": "x" }] }).to_string(),
            422,
            "bad_relationship",
        ),
        (" ".repeat(10 * 1024 * 1024 + 1), 413, "too_large"),
    ] {
        let reply = import(&menno, &body);
        assert_eq!(reply.status, status, "{:?}", reply.body);
        assert_eq!(reply.body["problem"], problem);
    }
    assert_eq!(server.sql_value("SELECT COUNT(*) FROM relationships"), "0");
    let dutch = menno.post_with(
        "import",
        &[
            ("Content-Type", "application/json"),
            ("Accept-Language", "nl-NL,nl;q=0.9"),
        ],
        "not json",
    );
    assert_eq!(
        dutch.body["message"],
        "Dit bestand is geen Tandem-export. Er is niets van het bestand bewaard."
    );
}

#[test]
fn a_file_whose_ids_are_other_peoples_is_refused() {
    let server = Server::start();
    let (_, mentee, rel) = pair(&server, "Growing");
    let record = item(&mentee, &rel, 2, "mentee", "Read the book");
    let file = export_of(&mentee);
    let stranger = newcomer(&server, "Stranger");

    let reply = import(&stranger, &file.to_string());
    assert_eq!(reply.status, 422);
    assert_eq!(reply.body["problem"], "taken");
    assert_eq!(reply.body["relationship"], json!(rel));
    assert_eq!(
        reply.body["message"],
        format!("Relationship {rel} of the file belongs to other people here. Nothing of the file was kept.")
    );

    let mut elsewhere = file.clone();
    elsewhere["relationships"][0]["id"] = json!(uuid(500));
    let reply = import(&stranger, &elsewhere.to_string());
    assert_eq!(reply.status, 422, "{:?}", reply.body);
    assert_eq!(reply.body["problem"], "record_taken");
    assert_eq!(reply.body["record"], json!(record));
    assert_eq!(stranger.call("my_relationships", json!({})).body, json!([]));
}

#[test]
fn an_import_needs_someone_signed_in() {
    let server = Server::start();
    let reply = import(
        &server.client(),
        r#"{"format":"tandem-export/1","relationships":[]}"#,
    );
    assert_eq!(reply.status, 401);
    assert_eq!(reply.body["problem"], "sign_in");
}

#[test]
fn a_file_never_puts_words_in_the_name_of_a_partner_who_is_here() {
    let server = Server::start();
    let (_, mentee, rel) = pair(&server, "Growing");
    item(&mentee, &rel, 2, "mentee", "Read the book");
    let mut file = export_of(&mentee);
    let unchanged = import(&mentee, &file.to_string());
    assert_eq!(unchanged.status, 200, "{:?}", unchanged.body);
    assert_eq!(unchanged.body["changed"], 0);

    // A promise the mentor never made.
    let mut forged = file["relationships"][0]["records"][0].clone();
    forged["id"] = json!(uuid(77));
    forged["fields"]["title"] = json!("Pay for the course");
    forged["fields"]["owner"] = json!("mentor");
    forged["fields"]["created_by"] = json!("mentor");
    file["relationships"][0]["records"]
        .as_array_mut()
        .unwrap()
        .push(forged);
    let reply = import(&mentee, &file.to_string());
    assert_eq!(reply.status, 422);
    assert_eq!(reply.body["problem"], "shared");
    assert_eq!(reply.body["relationship"], json!(rel));
    assert_eq!(
        server.sql_value(&format!(
            "SELECT COUNT(*) FROM records WHERE id = '{}'",
            uuid(77)
        )),
        "0"
    );
}

#[test]
fn an_address_that_looks_like_a_former_partners_is_still_a_person_here() {
    let server = Server::start();
    let mentor = server.client();
    mentor.sign_up("Mira", "imported:mira@example.com");
    let (rel, token) = mentor.start_relationship("mentor", "Growing");
    let mentee = newcomer(&server, "Menno");
    let accepted = mentee.call(
        "respond_to_invite",
        json!({ "token": &token, "accept": true }),
    );
    assert_eq!(accepted.status, 200, "{:?}", accepted.body);
    item(&mentee, &rel, 2, "mentee", "Read the book");
    let mut file = export_of(&mentee);
    let mut forged = file["relationships"][0]["records"][0].clone();
    forged["id"] = json!(uuid(77));
    forged["fields"]["owner"] = json!("mentor");
    forged["fields"]["created_by"] = json!("mentor");
    file["relationships"][0]["records"]
        .as_array_mut()
        .unwrap()
        .push(forged);
    let reply = import(&mentee, &file.to_string());
    assert_eq!(reply.status, 422, "{:?}", reply.body);
    assert_eq!(reply.body["problem"], "shared");
}

#[test]
fn a_record_twice_in_one_file_is_refused() {
    let first = Server::start();
    let (_, mentee, rel) = pair(&first, "Growing");
    let record = item(&mentee, &rel, 2, "mentee", "Read the book");
    let mut file = export_of(&mentee);
    let again = file["relationships"][0]["records"][0].clone();
    file["relationships"][0]["records"]
        .as_array_mut()
        .unwrap()
        .push(again);
    let second = Server::start();
    let menno = newcomer(&second, "Menno");
    let reply = import(&menno, &file.to_string());
    assert_eq!(reply.status, 422, "{:?}", reply.body);
    assert_eq!(reply.body["problem"], "twice");
    assert_eq!(reply.body["record"], json!(record));
    assert_eq!(second.sql_value("SELECT COUNT(*) FROM records"), "0");
}

#[test]
fn a_relationship_waiting_for_its_partner_takes_none_of_their_records_and_keeps_its_invite() {
    let first = Server::start();
    let (_, mentee, rel) = pair(&first, "Growing");
    item(&mentee, &rel, 2, "mentee", "Read the book");
    let file = export_of(&mentee);

    let second = Server::start();
    let mentor = newcomer(&second, "Mira");
    let (waiting, token) = mentor.start_relationship("mentor", "Waiting");
    let mut theirs = file.clone();
    theirs["relationships"][0]["id"] = json!(waiting);
    theirs["relationships"][0]["my_role"] = json!("mentor");
    let reply = import(&mentor, &theirs.to_string());
    assert_eq!(reply.status, 422, "{:?}", reply.body);
    assert_eq!(reply.body["problem"], "bad_record");
    assert_eq!(reply.body["rejection"], "NotYours");

    let menno = newcomer(&second, "Menno");
    let accepted = menno.call(
        "respond_to_invite",
        json!({ "token": &token, "accept": true }),
    );
    assert_eq!(accepted.status, 200, "{:?}", accepted.body);
}

#[test]
fn a_relationship_whose_dates_are_out_of_range_or_out_of_order_is_refused() {
    let server = Server::start();
    let menno = newcomer(&server, "Menno");
    for (created, ended) in [
        (json!(i64::MAX), json!(null)),
        (json!(MADE), json!(MADE - 1)),
    ] {
        let file = json!({
            "format": "tandem-export/1",
            "relationships": [{
                "id": uuid(500), "title": null, "my_role": "mentee", "partner_name": null,
                "created_at": created, "started_at": null, "ended_at": ended, "records": [],
            }],
        });
        let reply = import(&menno, &file.to_string());
        assert_eq!(reply.status, 422, "{:?}", reply.body);
        assert_eq!(reply.body["problem"], "bad_relationship");
    }
    assert_eq!(server.sql_value("SELECT COUNT(*) FROM relationships"), "0");
}
