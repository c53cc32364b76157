//! What docs/DEPLOY.md has an operator do, done: backups taken while serving and restored, a
//! server killed mid-push, and the service units it gives.

mod common;

use common::{hlc, mutation_of, now_millis, pair, pull_all, uuid, Server, PASSWORD};
use serde_json::{json, Value};
use std::{
    path::{Path, PathBuf},
    process::Command,
    thread,
    time::Duration,
};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

/// Runs one of the repository's scripts as the guide does, and returns what it printed.
fn script(name: &str, args: &[&Path]) -> String {
    let out = Command::new(repository().join("scripts").join(name))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// An agreement's scope, a record whole in one change.
fn scope(n: u128, rel: &str, text: &str) -> Value {
    mutation_of(
        "agreement",
        false,
        n,
        &uuid(n),
        rel,
        "scope",
        json!(text),
        &hlc(now_millis(), 0, 5),
    )
}

fn texts(changes: &[Value]) -> Vec<String> {
    let mut texts: Vec<String> = changes
        .iter()
        .filter_map(|c| c["value"].as_str().map(str::to_owned))
        .collect();
    texts.sort();
    texts
}

#[test]
fn a_copy_taken_while_the_server_runs_restores_its_records_sessions_and_open_invites() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_with(dir.path(), None);
    // On PostgreSQL backups are the database server's own (pg_dump, replicas).
    if !server.is_sqlite() {
        return;
    }
    let (mentor, mentee, rel) = pair(&server, "");
    let (_, open_invite) = mentor.start_relationship("mentor", "Second");
    common::push(&mentee, vec![scope(1, &rel, "Before the copy")]);
    let backups = dir.path().join("backups");
    let database = dir.path().join("tandem.db");
    let older = PathBuf::from(script("backup.sh", &[&database, &backups]));
    // Copies are named by the second they were taken.
    thread::sleep(Duration::from_millis(1_100));
    let copy = PathBuf::from(script("backup.sh", &[&database, &backups, Path::new("1")]));
    assert!(!older.exists(), "only the newest copy is kept");
    let kept: Vec<_> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(kept.len(), 2, "the copy and its key: {kept:?}");
    common::push(&mentee, vec![scope(2, &rel, "After the copy")]);
    server.crash();

    let restored = tempfile::tempdir().unwrap();
    script("restore.sh", &[&copy, &restored.path().join("tandem.db")]);
    let server = Server::start_with(restored.path(), None);
    let mentee = mentee.at(&server.base);
    let (changes, _) = pull_all(&mentee, json!([]));
    assert_eq!(
        texts(&changes),
        ["Before the copy"],
        "the session lives on too"
    );
    let invite = mentee.call("invite", json!({ "token": open_invite }));
    assert_eq!(invite.status, 200, "{:?}", invite.body);
}

#[test]
fn a_server_killed_mid_push_loses_nothing_it_said_was_stored() {
    let dir = tempfile::tempdir().unwrap();
    let first = Server::start_with(dir.path(), None);
    // Two servers on one SQLite file are not a deployment Tandem has: there the server restarts.
    let beside = (!first.is_sqlite()).then(|| Server::start_with(dir.path(), None));
    let (mentor, mentee, rel) = pair(&first, "");
    let (first_stored, stored_once) = std::sync::mpsc::channel();
    let pushing = thread::spawn(move || {
        let mut stored = Vec::new();
        for b in 0..10_000u128 {
            let batch: Vec<Value> = (0..20)
                .map(|i| scope(10_000 + b * 100 + i, &rel, &format!("change {b} {i}")))
                .collect();
            // As the app does: a push beyond the account's share is sent again when asked.
            let reply = loop {
                let Some(reply) = mentee.try_call("push", json!({ "batch": batch.clone() })) else {
                    return stored;
                };
                match reply.retry_after {
                    Some(wait) if reply.status == 429 => thread::sleep(Duration::from_secs(wait)),
                    _ => break reply,
                }
            };
            assert_eq!(reply.status, 200, "{:?}", reply.body);
            let outcomes = reply.body["outcomes"].as_array().unwrap().clone();
            assert!(
                outcomes.iter().all(|o| o[1] == "Acknowledged"),
                "{outcomes:?}"
            );
            stored.extend(
                batch
                    .iter()
                    .map(|m| m["value"].as_str().unwrap().to_owned()),
            );
            let _ = first_stored.send(());
        }
        panic!("the server was not killed");
    });
    // Killed in the middle of the pushes that follow the first one stored.
    stored_once.recv().unwrap();
    thread::sleep(Duration::from_millis(300));
    first.crash();
    let stored = pushing.join().unwrap();
    assert!(
        !stored.is_empty(),
        "some pushes were answered before the kill"
    );
    let survivor = beside.unwrap_or_else(|| Server::start_with(dir.path(), None));
    let mentor = mentor.at(&survivor.base);
    let signed_in = mentor.call(
        "sign_in",
        json!({ "email": "mira@example.com", "password": PASSWORD }),
    );
    assert_eq!(signed_in.status, 200, "{:?}", signed_in.body);
    let (changes, _) = pull_all(&mentor, json!([]));
    let held = texts(&changes);
    let lost: Vec<&String> = stored
        .iter()
        .filter(|t| held.binary_search(t).is_err())
        .collect();
    assert!(
        lost.is_empty(),
        "{} stored changes lost: {lost:?}",
        lost.len()
    );
}

#[test]
fn the_guides_service_units_are_ones_systemd_reads_without_a_complaint() {
    let units = repository().join("docs/deploy");
    let checked = tempfile::tempdir().unwrap();
    for name in [
        "tandem.service",
        "tandem-backup.service",
        "tandem-backup.timer",
    ] {
        let unit = std::fs::read_to_string(units.join(name)).unwrap();
        // systemd checks that the programs exist: here they are the ones just built and the
        // repository's script, where the guide installs them under /opt/tandem.
        let unit = unit
            .replace("/opt/tandem/tandem", env!("CARGO_BIN_EXE_tandem"))
            .replace(
                "/opt/tandem/backup.sh",
                repository().join("scripts/backup.sh").to_str().unwrap(),
            );
        std::fs::write(checked.path().join(name), unit).unwrap();
    }
    let out = Command::new("systemd-analyze")
        .arg("verify")
        .args(
            [
                "tandem.service",
                "tandem-backup.service",
                "tandem-backup.timer",
            ]
            .map(|n| checked.path().join(n)),
        )
        .output()
        .expect("systemd-analyze (make test-tools installs it)");
    let complaints = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && complaints.trim().is_empty(),
        "{complaints}"
    );
}
