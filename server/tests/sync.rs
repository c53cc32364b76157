//! The sync protocol over HTTP: push, pull, and what must hold even when things go wrong.

mod common;

use common::{hlc, mutation_of, now_millis, pair, pull_all, push, uuid, Client, Server};
use serde_json::{json, Value};
use std::{
    collections::{BTreeMap, BTreeSet},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

/// One action item mutation as the browser sends it.
fn mutation(
    id: u128,
    record: &str,
    relationship: &str,
    field: &str,
    value: Value,
    hlc: &str,
) -> Value {
    mutation_of(
        "action_item",
        false,
        id,
        record,
        relationship,
        field,
        value,
        hlc,
    )
}

/// A record whole in one change: the agreement's scope (its terms have no required field).
fn note(id: u128, record: &str, rel: &str, text: Value, at: &str) -> Value {
    mutation_of("agreement", false, id, record, rel, "scope", text, at)
}

fn item(id: u128, record: &str, rel: &str, owner: &str, title: &str, at: &str) -> Vec<Value> {
    vec![
        mutation(id, record, rel, "title", json!(title), at),
        mutation(id + 1, record, rel, "owner", json!(owner), at),
        mutation(
            id + 2,
            record,
            rel,
            "created_at",
            json!(1_795_766_400_000_i64),
            at,
        ),
    ]
}

#[test]
fn a_replayed_push_changes_nothing() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let record = uuid(1000);
    let batch = item(
        1,
        &record,
        &rel,
        "mentee",
        "Read chapter 3",
        &hlc(now_millis(), 0, 7),
    );
    assert_eq!(push(&mentee, batch.clone()), vec![json!("Acknowledged"); 3]);
    let (changes, cursors) = pull_all(&mentor, json!([]));
    assert_eq!(changes.len(), 3);
    let version = server.sql_value("SELECT version FROM sync_state");

    assert_eq!(push(&mentee, batch.clone()), vec![json!("Acknowledged"); 3]);
    assert_eq!(
        push(&mentee, batch[1..].to_vec()),
        vec![json!("Acknowledged"); 2]
    );
    assert_eq!(
        server.sql_value("SELECT version FROM sync_state"),
        version,
        "no new versions"
    );
    let (again, _) = pull_all(&mentor, cursors);
    assert!(again.is_empty(), "{again:?}");
}

#[test]
fn later_stamps_win_per_field_and_both_edits_survive() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let record = uuid(1000);
    let t = now_millis();
    push(
        &mentor,
        item(
            1,
            &record,
            &rel,
            "mentee",
            "Read one chapter",
            &hlc(t, 0, 1),
        ),
    );
    // Offline edits, pushed late and in the "wrong" order.
    let tick = mutation(
        10,
        &record,
        &rel,
        "done_at",
        json!(1_795_770_000_000_i64),
        &hlc(t + 5, 0, 2),
    );
    let rename = mutation(
        11,
        &record,
        &rel,
        "title",
        json!("Read two chapters"),
        &hlc(t + 9, 0, 1),
    );
    let stale = mutation(
        12,
        &record,
        &rel,
        "title",
        json!("stale title"),
        &hlc(t + 2, 0, 2),
    );
    assert_eq!(push(&mentor, vec![rename]), vec![json!("Acknowledged")]);
    assert_eq!(
        push(&mentee, vec![tick, stale]),
        vec![json!("Acknowledged"); 2]
    );
    for client in [&mentor, &mentee] {
        let (changes, _) = pull_all(client, json!([]));
        let fields: BTreeMap<&str, &Value> = changes
            .iter()
            .map(|c| (c["field"].as_str().unwrap(), &c["value"]))
            .collect();
        assert_eq!(fields["title"], &json!("Read two chapters"));
        assert_eq!(fields["done_at"], &json!(1_795_770_000_000_i64));
    }
}

#[test]
fn invalid_mutations_are_rejected_with_a_reason_beside_applied_ones() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let t = hlc(now_millis(), 0, 3);
    let mine = uuid(1000);
    push(&mentee, item(1, &mine, &rel, "mentee", "My item", &t));
    let later = hlc(now_millis() + 1, 0, 3);
    assert_eq!(
        push(
            &mentor,
            item(10, &uuid(2000), &rel, "mentor", "Fine", &later)
        ),
        vec![json!("Acknowledged"); 3]
    );
    let later = hlc(now_millis() + 2, 0, 3);
    let outcomes = push(
        &mentor,
        vec![
            mutation(11, &uuid(2000), &rel, "colour", json!("red"), &later),
            mutation(
                12,
                &uuid(2000),
                &rel,
                "notes",
                json!("x".repeat(2001)),
                &later,
            ),
            mutation(13, &uuid(2000), &rel, "title", json!("   "), &later),
            mutation(14, &uuid(2000), &rel, "due", json!("next week"), &later),
            // The mentee's item is the mentee's to tick.
            mutation(
                15,
                &mine,
                &rel,
                "done_at",
                json!(1_795_770_000_000_i64),
                &later,
            ),
            mutation(
                16,
                &uuid(2000),
                &rel,
                "title",
                json!("From the future"),
                &hlc(now_millis() + 3_600_000, 0, 3),
            ),
            // "Created by" names the writer, never the other person.
            mutation(17, &uuid(2000), &rel, "created_by", json!("mentee"), &later),
        ],
    );
    assert_eq!(
        outcomes,
        vec![
            json!({ "Rejected": "UnknownField" }),
            json!({ "Rejected": { "TooLong": 2000 } }),
            json!({ "Rejected": "Empty" }),
            json!({ "Rejected": "WrongType" }),
            json!({ "Rejected": "NotYours" }),
            json!({ "Rejected": "ClockAhead" }),
            json!({ "Rejected": "NotYours" }),
        ]
    );
    let (changes, _) = pull_all(&mentee, json!([]));
    let titles: Vec<&Value> = changes
        .iter()
        .filter(|c| c["field"] == "title")
        .map(|c| &c["value"])
        .collect();
    assert_eq!(titles, vec![&json!("My item"), &json!("Fine")]);
    assert!(!changes
        .iter()
        .any(|c| c["field"] == "done_at" || c["field"] == "colour"));
}

#[test]
fn strangers_cannot_push_or_pull_and_signed_out_callers_are_refused() {
    let server = Server::start();
    let (_, mentee, rel) = pair(&server, "");
    push(
        &mentee,
        item(
            1,
            &uuid(1000),
            &rel,
            "mentee",
            "Private matters",
            &hlc(now_millis(), 0, 1),
        ),
    );
    let stranger = server.client();
    stranger.sign_up("Stranger", "stranger@example.com");
    let attempt = mutation(
        50,
        &uuid(1000),
        &rel,
        "title",
        json!("Hijacked"),
        &hlc(now_millis() + 5, 0, 9),
    );
    assert_eq!(
        push(&stranger, vec![attempt.clone()]),
        vec![json!({ "Rejected": "NoAccess" })]
    );
    let reply = stranger.call("pull", json!({ "cursors": [[rel, 0]] }));
    assert_eq!(reply.status, 200);
    assert_eq!(
        (&reply.body["records"], &reply.body["cursors"]),
        (&json!([]), &json!([])),
        "the stranger learns nothing, not even that it exists"
    );
    let anonymous = server.client();
    for (function, body) in [
        ("push", json!({ "batch": [attempt] })),
        ("pull", json!({ "cursors": [] })),
    ] {
        let reply = anonymous.call(function, body);
        assert_eq!(
            (reply.status, reply.body),
            (401, json!("Unauthenticated")),
            "{function}"
        );
    }
    let (changes, _) = pull_all(&mentee, json!([]));
    assert!(changes.iter().all(|c| c["value"] != "Hijacked"));
}

#[test]
fn a_private_record_never_reaches_the_partner() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let draft = uuid(3000);
    let private = mutation_of(
        "prepare_draft",
        true,
        1,
        &draft,
        &rel,
        "want",
        json!("Only for me"),
        &hlc(now_millis(), 0, 1),
    );
    assert_eq!(
        push(&mentee, vec![private.clone()]),
        vec![json!("Acknowledged")]
    );
    let (mine, _) = pull_all(&mentee, json!([]));
    assert_eq!(mine.len(), 1);
    let (theirs, _) = pull_all(&mentor, json!([]));
    assert!(theirs.is_empty(), "{theirs:?}");
    // Guessing the id does not let the partner write into it, private or not.
    let mut overwrite = private.clone();
    overwrite["id"] = json!(uuid(2));
    overwrite["hlc"] = json!(hlc(now_millis() + 10, 0, 2));
    overwrite["value"] = json!("Seen it");
    assert_eq!(
        push(&mentor, vec![overwrite.clone()]),
        vec![json!({ "Rejected": "Mismatch" })]
    );
    overwrite["private"] = json!(false);
    assert_eq!(
        push(&mentor, vec![overwrite]),
        vec![json!({ "Rejected": "Mismatch" })]
    );
}

#[test]
fn batches_are_bounded() {
    let server = Server::start();
    let (_, mentee, rel) = pair(&server, "");
    let t = hlc(now_millis(), 0, 1);
    let batch: Vec<Value> = (0..201)
        .map(|i| mutation(i, &uuid(5000 + i), &rel, "title", json!("x"), &t))
        .collect();
    let reply = mentee.call("push", json!({ "batch": batch }));
    assert_eq!(reply.status, 400);
}

#[test]
fn a_mentor_pulls_every_relationship_in_one_request_and_a_cut_reply_continues_where_it_stopped() {
    let server = Server::start();
    let mentor = server.client();
    mentor.sign_up("Mira", "mira@example.com");
    let mentees: Vec<(Client, String)> = (0..3)
        .map(|i| {
            let (rel, token) = mentor.start_relationship("mentor", &format!("Mentee {i}"));
            let mentee = server.client();
            mentee.sign_up("Menno", &format!("menno{i}@example.com"));
            let accept = json!({ "token": token, "accept": true });
            assert_eq!(mentee.call("respond_to_invite", accept).status, 200);
            (mentee, rel)
        })
        .collect();
    let t = now_millis();
    // Pushed in turns, so that each relationship's changes interleave with the others'.
    for round in 0..3u128 {
        for (i, (mentee, rel)) in mentees.iter().enumerate() {
            let base = (i as u128 + 1) * 10_000 + round * 200;
            let batch: Vec<Value> = (base..base + 200)
                .map(|n| note(n, &uuid(n), rel, json!(format!("Note {n}")), &hlc(t, 0, 1)))
                .collect();
            assert_eq!(push(mentee, batch), vec![json!("Acknowledged"); 200]);
        }
    }

    let first = mentor.call("pull", json!({ "cursors": [] }));
    assert_eq!(
        first.body["more"],
        json!(true),
        "1,800 changes come in parts"
    );
    let read = first.body["cursors"].as_array().unwrap().len();
    assert_eq!(read, 3, "one reply reads all three relationships");
    let (changes, cursors) = pull_all(&mentor, json!([]));
    let records: BTreeSet<&str> = changes
        .iter()
        .map(|c| c["record"].as_str().unwrap())
        .collect();
    assert_eq!(
        (changes.len(), records.len()),
        (1_800, 1_800),
        "each change once"
    );
    assert_eq!(cursors.as_array().unwrap().len(), 3);
    let (again, _) = pull_all(&mentor, cursors);
    assert!(again.is_empty());
}

#[test]
fn a_pull_naming_more_relationships_than_anyone_has_is_refused() {
    let server = Server::start();
    let (mentor, _, _) = pair(&server, "");
    let cursors: Vec<(String, i64)> = (0..4_001).map(|n| (uuid(n), 0)).collect();
    let reply = mentor.call("pull", json!({ "cursors": cursors }));
    assert_eq!(reply.status, 400);
}

#[test]
fn a_person_whose_share_of_a_relationship_is_full_can_add_no_more_text_but_shorten_and_the_partner_still_writes(
) {
    let server = Server::start_configured(&[("TANDEM_RELATIONSHIP_BYTES", "20000")]);
    let (mentor, mentee, rel) = pair(&server, "");
    let t = now_millis();
    let page = "x".repeat(1000);
    // 18 notes of 1,002 bytes (the value as JSON) and 64 for each field beside it: 19,188.
    let notes: Vec<Value> = (0..18)
        .map(|n| note(n, &uuid(n), &rel, json!(page), &hlc(t, 0, 1)))
        .collect();
    assert_eq!(push(&mentee, notes), vec![json!("Acknowledged"); 18]);

    let one_more = note(100, &uuid(100), &rel, json!(page), &hlc(t, 1, 1));
    assert_eq!(
        push(&mentee, vec![one_more.clone()]),
        vec![json!({ "Rejected": "Full" })]
    );
    let partners = note(300, &uuid(300), &rel, json!(page), &hlc(t, 1, 2));
    assert_eq!(
        push(&mentor, vec![partners]),
        vec![json!("Acknowledged")],
        "one person's full share leaves the partner's room alone"
    );
    let shorter = note(200, &uuid(0), &rel, json!("A line"), &hlc(t, 2, 1));
    assert_eq!(push(&mentee, vec![shorter]), vec![json!("Acknowledged")]);
    assert_eq!(push(&mentee, vec![one_more]), vec![json!("Acknowledged")]);

    let bytes = if server.is_sqlite() {
        "length(CAST(f.value AS BLOB))"
    } else {
        "octet_length(f.value)"
    };
    assert_eq!(
        server.sql_value("SELECT SUM(bytes) FROM relationship_usage"),
        server.sql_value(&format!("SELECT SUM({bytes} + 64) FROM record_fields f")),
        "the shares count what the relationship holds"
    );
}

#[test]
fn a_body_that_is_not_json_is_a_bad_request() {
    let server = Server::start();
    let (_, mentee, _) = pair(&server, "");
    for function in ["push", "pull", "relationship"] {
        for body in ["", "{not json", "[1, 2]", r#"{"batch": "many"}"#] {
            let reply = mentee.call_raw(function, body);
            assert_eq!(reply.status, 400, "{function} {body:?}: {:?}", reply.body);
        }
    }
}

#[test]
fn pull_cursors_skip_no_change_while_pushes_commit_concurrently() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let mentee = Arc::new(mentee);
    let done = Arc::new(Mutex::new(false));
    let writers: Vec<_> = (0..3u128)
        .map(|w| {
            let (client, rel) = (mentee.clone(), rel.clone());
            std::thread::spawn(move || {
                for b in 0..20u128 {
                    let batch = (0..5u128)
                        .map(|i| {
                            let n = w * 1000 + b * 10 + i;
                            note(
                                n,
                                &uuid(100_000 + n),
                                &rel,
                                json!(format!("item {n}")),
                                &hlc(now_millis(), 0, w as u64 + 1),
                            )
                        })
                        .collect();
                    assert!(push(&client, batch).iter().all(|o| o == "Acknowledged"));
                }
            })
        })
        .collect();
    let reader = {
        let done = done.clone();
        std::thread::spawn(move || {
            let mut seen = BTreeSet::new();
            let mut cursors = json!([]);
            loop {
                let finished = *done.lock().unwrap();
                let (changes, next) = pull_all(&mentor, cursors);
                cursors = next;
                seen.extend(
                    changes
                        .iter()
                        .map(|c| c["record"].as_str().unwrap().to_owned()),
                );
                if finished {
                    return seen;
                }
            }
        })
    };
    for w in writers {
        w.join().unwrap();
    }
    *done.lock().unwrap() = true;
    let seen = reader.join().unwrap();
    assert_eq!(seen.len(), 300, "every record, read incrementally");
}

#[test]
fn an_account_pushing_more_than_its_share_is_told_when_to_come_back_and_another_pair_goes_on() {
    let server = Server::start();
    let (_, flooder, rel) = pair(&server, "");
    let other = server.client();
    other.sign_up("Olga", "olga@example.com");
    let (other_rel, _) = other.start_relationship("mentor", "");
    // Pushes of 200 changes and about 1.8 MB each, as fast as the server answers.
    let text = json!("x".repeat(9_000));
    let refused = (0..10u128)
        .map(|b| {
            let batch: Vec<Value> = (0..200u128)
                .map(|i| {
                    let n = 400_000 + b * 1_000 + i;
                    note(n, &uuid(n), &rel, text.clone(), &hlc(now_millis(), 0, 1))
                })
                .collect();
            flooder.call("push", json!({ "batch": batch }))
        })
        .find(|reply| reply.status != 200)
        .expect("a flood is refused before 18 MB are taken");
    assert_eq!(refused.status, 429, "{:?}", refused.body);
    let wait = refused.retry_after.expect("Retry-After");
    assert!((1..=10).contains(&wait), "wait {wait} s");
    assert_eq!(refused.body, json!({ "TooManyChanges": wait }));
    let record = uuid(500_000);
    let outcomes = push(
        &other,
        item(
            1,
            &record,
            &other_rel,
            "mentor",
            "Send the article",
            &hlc(now_millis(), 0, 2),
        ),
    );
    assert!(outcomes.iter().all(|o| o == "Acknowledged"), "{outcomes:?}");
}

#[test]
fn an_accounts_calls_take_turns_two_at_a_time_while_another_persons_push_is_answered_at_once() {
    let server = Server::start();
    let (_, flooder, rel) = pair(&server, "");
    let other = server.client();
    other.sign_up("Olga", "olga@example.com");
    let (other_rel, _) = other.start_relationship("mentor", "");
    let batch = |b: u128| -> Vec<Value> {
        (0..200u128)
            .map(|i| {
                let n = 600_000 + b * 1_000 + i;
                note(n, &uuid(n), &rel, json!("x"), &hlc(now_millis(), 0, 1))
            })
            .collect()
    };
    // The account's share of changes, taken whole.
    for b in 0..10 {
        let reply = flooder.call("push", json!({ "batch": batch(b) }));
        assert_eq!(reply.status, 200, "{:?}", reply.body);
    }
    let started = Instant::now();
    let answered: Vec<(u16, f64)> = std::thread::scope(|scope| {
        let refused: Vec<_> = (10..16)
            .map(|b| {
                let (flooder, batch) = (flooder.clone(), batch(b));
                scope.spawn(move || {
                    let reply = flooder.call("push", json!({ "batch": batch }));
                    (reply.status, started.elapsed().as_secs_f64())
                })
            })
            .collect();
        std::thread::sleep(Duration::from_millis(200));
        let sent = Instant::now();
        let record = uuid(700_000);
        let at = hlc(now_millis(), 0, 2);
        let outcomes = push(&other, item(1, &record, &other_rel, "mentor", "Call", &at));
        let took = sent.elapsed();
        assert!(outcomes.iter().all(|o| o == "Acknowledged"), "{outcomes:?}");
        assert!(
            took < Duration::from_millis(800),
            "another person waited {took:?}"
        );
        refused.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(
        answered.iter().all(|(status, _)| *status == 429),
        "{answered:?}"
    );
    let mut times: Vec<f64> = answered.iter().map(|(_, at)| *at).collect();
    times.sort_by(f64::total_cmp);
    // Each refusal holds its turn for a second: two are answered after about 1 s, two after 2
    // and two after 3, where without turns all six would be answered after one.
    assert!(
        times[1] < 1.9 && times[2] >= 1.95 && times[4] >= 2.95 && times[5] < 6.0,
        "answered after {times:?} s"
    );
}

#[test]
fn a_push_slowed_inside_its_transaction_is_not_skipped_by_a_pull_of_a_later_one() {
    let server = Server::start();
    // SQLite lets one transaction write at a time: there, nothing can commit out of order.
    if server.is_sqlite() {
        return;
    }
    let (mentor, mentee, rel) = pair(&server, "");
    let (slow, fast) = (uuid(300_001), uuid(300_002));
    let start = now_millis();
    push(
        &mentee,
        vec![note(1, &slow, &rel, json!("before"), &hlc(start, 0, 1))],
    );
    let (_, cursors) = pull_all(&mentor, json!([]));
    let (first, second) = std::thread::scope(|scope| {
        // Another connection holds the slow record's row: the next push to it stalls inside its
        // transaction after it has read what it needs, as a slow disk or a busy server would.
        scope.spawn(|| {
            server.sql(&format!(
                "BEGIN; SELECT 1 FROM record_fields WHERE record_id = '{slow}' FOR UPDATE;
                 SELECT pg_sleep(1.5); COMMIT;"
            ))
        });
        std::thread::sleep(std::time::Duration::from_millis(300));
        let stalled = scope.spawn(|| {
            push(
                &mentee,
                vec![note(2, &slow, &rel, json!("after"), &hlc(start + 1, 0, 1))],
            )
        });
        std::thread::sleep(std::time::Duration::from_millis(300));
        push(
            &mentee,
            vec![note(3, &fast, &rel, json!("fast"), &hlc(start + 2, 0, 1))],
        );
        let first = pull_all(&mentor, cursors);
        stalled.join().unwrap();
        let second = pull_all(&mentor, first.1.clone());
        (first.0, second.0)
    });
    let values: BTreeMap<String, Value> = first
        .iter()
        .chain(&second)
        .map(|c| (c["record"].as_str().unwrap().to_owned(), c["value"].clone()))
        .collect();
    assert_eq!(values.get(&fast), Some(&json!("fast")));
    assert_eq!(
        values.get(&slow),
        Some(&json!("after")),
        "the stalled push's change reached the partner"
    );
}

#[test]
fn every_acknowledged_mutation_survives_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_with(dir.path(), None);
    let (mentor, mentee, rel) = pair(&server, "");
    drop(mentor);
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let pusher = {
        let acknowledged = acknowledged.clone();
        std::thread::spawn(move || {
            for b in 0..10_000u128 {
                let batch: Vec<Value> = (0..10u128)
                    .map(|i| {
                        let n = b * 10 + i;
                        note(
                            n,
                            &uuid(200_000 + n),
                            &rel,
                            json!(format!("item {n}")),
                            &hlc(now_millis(), 0, 1),
                        )
                    })
                    .collect();
                let ids: Vec<String> = batch
                    .iter()
                    .map(|m| m["record"].as_str().unwrap().to_owned())
                    .collect();
                let reply = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    mentee.call("push", json!({ "batch": batch }))
                }));
                match reply {
                    Ok(r) if r.status == 200 => acknowledged.lock().unwrap().extend(ids),
                    _ => return,
                }
            }
        })
    };
    while acknowledged.lock().unwrap().len() < 300 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    server.crash();
    pusher.join().unwrap();
    let acknowledged = acknowledged.lock().unwrap().clone();

    let restarted = Server::start_with(dir.path(), None);
    if restarted.is_sqlite() {
        assert_eq!(restarted.sql_value("PRAGMA integrity_check"), "ok");
    }
    let mentee = restarted.client();
    let reply = mentee.call(
        "sign_in",
        json!({ "email": "menno@example.com", "password": common::PASSWORD }),
    );
    assert_eq!(reply.status, 200);
    let (changes, _) = pull_all(&mentee, json!([]));
    let stored: BTreeSet<&str> = changes
        .iter()
        .map(|c| c["record"].as_str().unwrap())
        .collect();
    let missing: Vec<&String> = acknowledged
        .iter()
        .filter(|id| !stored.contains(id.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "{} acknowledged mutations lost",
        missing.len()
    );
}

#[test]
fn clients_that_hang_up_mid_push_leave_the_server_writable() {
    use std::io::Write;
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let cookie = mentee.cookie_header();
    assert!(cookie.contains("tandem_session="), "{cookie}");

    // Phones on a train: full batches sent, the connection gone before the answer.
    let address = server.base.trim_start_matches("http://").to_owned();
    for round in 0..30u128 {
        let t = hlc(now_millis(), 0, 7);
        let batch: Vec<Value> = (0..200)
            .map(|i| {
                let n = 10_000 + round * 1000 + i;
                note(n, &uuid(n), &rel, json!("cut off"), &t)
            })
            .collect();
        let body = json!({ "batch": batch }).to_string();
        let mut stream = std::net::TcpStream::connect(&address).unwrap();
        write!(
            stream,
            "POST /api/push HTTP/1.1\r\nHost: {address}\r\nCookie: {cookie}\r\n\
             Content-Type: application/json\r\nAccept: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        drop(stream);
    }

    // Everyone can still write. (Before server function bodies ran on their own task, a push
    // cut off mid-transaction could keep the write lock: later writes failed after the 5 s
    // busy wait, in about one run of three with this many hang-ups.) The pushes cut off run to
    // their end, each in its turn: more than the mentee's share, so the partner writes.
    let t = hlc(now_millis(), 1, 8);
    assert_eq!(
        push(&mentor, vec![note(1, &uuid(1), &rel, json!("after"), &t)]),
        vec![json!("Acknowledged")]
    );
    let newcomer = server.client();
    newcomer.sign_up("Nina", "nina@example.com");
}

#[test]
fn the_partner_cannot_take_an_item_over_to_tick_it_nor_rewrite_who_made_it() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let record = uuid(3000);
    let at = hlc(now_millis(), 0, 2);
    let mut created = item(30, &record, &rel, "mentee", "Mentee's own", &at);
    created.push(mutation(
        33,
        &record,
        &rel,
        "created_by",
        json!("mentee"),
        &at,
    ));
    assert!(push(&mentee, created).iter().all(|o| o == "Acknowledged"));

    let later = hlc(now_millis(), 5, 1);
    let outcomes = push(
        &mentor,
        vec![
            mutation(40, &record, &rel, "owner", json!("mentor"), &later),
            mutation(
                41,
                &record,
                &rel,
                "done_at",
                json!(1_795_770_000_000_i64),
                &later,
            ),
            mutation(42, &record, &rel, "created_by", json!("mentor"), &later),
        ],
    );
    assert_eq!(outcomes, vec![json!({ "Rejected": "NotYours" }); 3]);

    // The owner may hand it over; then it is the mentor's to tick.
    let handed = hlc(now_millis(), 6, 2);
    let outcomes = push(
        &mentee,
        vec![mutation(
            50,
            &record,
            &rel,
            "owner",
            json!("mentor"),
            &handed,
        )],
    );
    assert_eq!(outcomes, vec![json!("Acknowledged")]);
    let tick = hlc(now_millis(), 7, 1);
    let outcomes = push(
        &mentor,
        vec![mutation(
            51,
            &record,
            &rel,
            "done_at",
            json!(1_795_770_000_000_i64),
            &tick,
        )],
    );
    assert_eq!(outcomes, vec![json!("Acknowledged")]);
}

#[test]
fn a_refused_change_does_not_move_the_servers_clock() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "");
    let record = uuid(4000);
    let at = hlc(now_millis(), 0, 2);
    assert!(
        push(&mentee, item(60, &record, &rel, "mentee", "Mine", &at))
            .iter()
            .all(|o| o == "Acknowledged")
    );
    // Ten minutes ahead is within the allowed drift, but the change is not the mentor's to make.
    let ahead = now_millis() + 10 * 60_000;
    let reply = mentor.call(
        "push",
        json!({ "batch": [mutation(61, &record, &rel, "done_at", json!(1_795_770_000_000_i64), &hlc(ahead, 0, 1))] }),
    );
    assert_eq!(
        reply.body["outcomes"][0][1],
        json!({ "Rejected": "NotYours" })
    );
    let clock = reply.body["clock"].as_str().unwrap();
    let millis = u64::from_str_radix(&clock[..12], 16).unwrap();
    assert!(millis < ahead - 5 * 60_000, "the clock moved to {clock}");
}

#[test]
fn an_account_pulling_in_a_loop_is_slowed_to_its_share_and_its_partners_pulls_are_not() {
    let server = Server::start();
    let (mentor, mentee, _) = pair(&server, "");
    let started = Instant::now();
    for _ in 0..75 {
        let reply = mentee.call("pull", json!({ "cursors": [] }));
        assert_eq!(reply.status, 200, "slowed, never refused: {:?}", reply.body);
    }
    let looped = started.elapsed();
    // 60 at once, then five a second: the last 15 take about 3 s.
    assert!(looped >= Duration::from_millis(2_500), "{looped:?}");
    // Ten more pulls of the looping account's share would take two seconds.
    let started = Instant::now();
    for _ in 0..10 {
        assert_eq!(mentor.call("pull", json!({ "cursors": [] })).status, 200);
    }
    let partner = started.elapsed();
    assert!(partner < Duration::from_millis(1_500), "{partner:?}");
}
