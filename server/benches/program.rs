//! A whole mentoring program syncing at once: `make bench` prints push latency, errors and
//! throughput for 16 and 64 people, beside an account flooding the server, and on PostgreSQL
//! through two servers sharing the database.
//!
//! 40 mentors with 25 mentees each (1,000 relationships), each relationship with a year of
//! history: goals, sessions with their agendas and check-ins, action items. Then mentees tick
//! their items, at the app's pace (a push a second, as while typing) or as fast as answered.
//! Not a test: the figures depend on the machine. docs/ARCHITECTURE.md § Performance keeps the
//! latest ones.

#[path = "../tests/common/mod.rs"]
mod common;

use app::{checkin::checkin_id, relationships::Role};
use common::{hlc, mutation_of, now_millis, percentile, Client, Server};
use serde_json::{json, Value};
use std::{
    sync::{
        atomic::{AtomicBool, AtomicU64, Ordering},
        Mutex,
    },
    thread,
    time::{Duration, Instant},
};

const MENTORS: usize = 40;
const MENTEES_EACH: usize = 25;
const GOALS: usize = 3;
const SESSIONS: usize = 12;
const AGENDA_EACH: usize = 3;
const ITEMS: usize = 20;
/// How long each load runs.
const RUN: Duration = Duration::from_secs(10);
/// The flooding account's connections, each resending at once when refused.
const FLOOD_CONNECTIONS: usize = 48;
/// A year of sign-ups from one address, within the hour.
const SETTINGS: &[(&str, &str)] = &[("TANDEM_SIGN_UPS_PER_HOUR", "2000")];

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A number never used before in this run, for an id.
fn next() -> u128 {
    u128::from(NEXT_ID.fetch_add(1, Ordering::Relaxed))
}

/// A record id never used before, shaped as the app's (version 7).
fn fresh() -> uuid::Uuid {
    uuid::Uuid::from_u128(0x7000_8000_0000_0000_0000 | next())
}

/// A mentee's device, with its relationship and clock.
struct Mentee {
    client: Client,
    relationship: String,
    node: u64,
    counter: u16,
    /// Their action items, to tick and untick.
    items: Vec<uuid::Uuid>,
}

impl Mentee {
    fn stamp(&mut self) -> String {
        self.counter = self.counter.wrapping_add(1);
        hlc(now_millis(), self.counter, self.node)
    }

    fn record(&mut self, kind: &str, id: uuid::Uuid, fields: &[(&str, Value)]) -> Vec<Value> {
        let at = self.stamp();
        fields
            .iter()
            .map(|(field, value)| {
                mutation_of(
                    kind,
                    false,
                    next(),
                    &id.to_string(),
                    &self.relationship,
                    field,
                    value.clone(),
                    &at,
                )
            })
            .collect()
    }

    /// A year of the relationship, as the mentee's device made it.
    fn history(&mut self) -> Vec<Value> {
        let made = json!(1_767_225_600_000_i64);
        let mut history = Vec::new();
        for g in 0..GOALS {
            history.extend(self.record(
                "goal",
                fresh(),
                &[
                    (
                        "title",
                        json!(format!("Lead the team's planning, part {g}")),
                    ),
                    ("status", json!("active")),
                    ("created_at", made.clone()),
                    ("description", json!("Run the quarterly planning on my own")),
                    ("unit", json!("meetings")),
                    ("start", json!(0)),
                    ("target", json!(4)),
                ],
            ));
        }
        let relationship: uuid::Uuid = self.relationship.parse().unwrap();
        for s in 0..SESSIONS {
            let session = fresh();
            history.extend(self.record(
                "session",
                session,
                &[
                    ("date", json!(format!("2026-{:02}-15", s + 1))),
                    ("created_at", made.clone()),
                    ("theme", json!("Feedback and the next step")),
                ],
            ));
            for a in 0..AGENDA_EACH {
                history.extend(self.record(
                    "agenda_item",
                    fresh(),
                    &[
                        ("session", json!(session.to_string())),
                        ("text", json!(format!("Topic {a}: how the last weeks went"))),
                        ("added_by", json!("mentee")),
                        ("created_at", made.clone()),
                    ],
                ));
            }
            let checkin = checkin_id(relationship, session, Role::Mentee, Role::Mentee);
            history.extend(self.record(
                "checkin",
                checkin,
                &[
                    ("session", json!(session.to_string())),
                    ("of", json!("mentee")),
                    ("useful", json!("Practising the difficult conversation")),
                    ("next", json!("Ask for the budget review")),
                    ("change", json!("More time for questions")),
                    ("rating", json!(4)),
                ],
            ));
        }
        for i in 0..ITEMS {
            let item = fresh();
            self.items.push(item);
            let mut fields = vec![
                (
                    "title",
                    json!(format!("Prepare questions for the review {i}")),
                ),
                ("owner", json!("mentee")),
                ("created_by", json!("mentee")),
                ("created_at", made.clone()),
                ("due", json!("2026-12-20")),
            ];
            if i.is_multiple_of(2) {
                fields.push(("done_at", json!(1_780_000_000_000_i64)));
            }
            history.extend(self.record("action_item", item, &fields));
        }
        history
    }

    /// Ticks or unticks one of their items: one change, as the app pushes it.
    fn tick(&mut self, round: usize) -> Vec<Value> {
        let item = self.items[round % self.items.len()];
        let done = if round.is_multiple_of(2) {
            json!(now_millis())
        } else {
            Value::Null
        };
        self.record("action_item", item, &[("done_at", done)])
    }
}

fn sign_up(server: &Server, name: &str, email: &str) -> Client {
    let client = server.client();
    client.sign_up(name, email);
    client
}

/// The program: every mentor's relationships, each with its mentee's history stored.
fn program(server: &Server) -> (Vec<Mentee>, usize) {
    let node = AtomicU64::new(1);
    let mentees = Mutex::new(Vec::with_capacity(MENTORS * MENTEES_EACH));
    let changes = AtomicU64::new(0);
    thread::scope(|scope| {
        for m in 0..MENTORS {
            let (mentees, node, changes) = (&mentees, &node, &changes);
            scope.spawn(move || {
                let mentor = sign_up(server, "Mira", &format!("mentor{m}@example.com"));
                for e in 0..MENTEES_EACH {
                    let (relationship, token) =
                        mentor.start_relationship("mentor", &format!("Mentee {e}"));
                    let client = sign_up(server, "Menno", &format!("mentee{m}x{e}@example.com"));
                    let accepted = client.call(
                        "respond_to_invite",
                        json!({ "token": token, "accept": true }),
                    );
                    assert_eq!(accepted.status, 200, "{:?}", accepted.body);
                    let mut mentee = Mentee {
                        client,
                        relationship,
                        node: node.fetch_add(1, Ordering::Relaxed),
                        counter: 0,
                        items: Vec::new(),
                    };
                    let history = mentee.history();
                    changes.store(history.len() as u64, Ordering::Relaxed);
                    for batch in history.chunks(200) {
                        let reply = mentee.client.call("push", json!({ "batch": batch }));
                        assert_eq!(reply.status, 200, "{:?}", reply.body);
                        let stored = reply.body["outcomes"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .all(|o| o[1] == json!("Acknowledged"));
                        assert!(stored, "history refused: {}", reply.body);
                    }
                    mentees.lock().unwrap().push(mentee);
                }
            });
        }
    });
    (mentees.into_inner().unwrap(), changes.into_inner() as usize)
}

#[derive(Clone, Copy)]
enum Pace {
    /// A push a second, as the app sends while someone keeps typing or ticking.
    AsTheApp,
    /// The next push as soon as the last is answered.
    Flat,
}

/// What a run measured: each push's time, the pushes not stored, and how long it ran.
struct Measured {
    times: Vec<Duration>,
    errors: usize,
    elapsed: Duration,
}

/// `pushers` mentees push for [`RUN`] at `pace`; a push is an error unless answered 200 with its
/// change stored. The pushers spread their first push over the first second.
fn run(mentees: &mut [Mentee], pace: Pace, stop: &AtomicBool) -> Measured {
    let count = mentees.len();
    let started = Instant::now();
    let results: Vec<(Vec<Duration>, usize)> = thread::scope(|scope| {
        let handles: Vec<_> = mentees
            .iter_mut()
            .enumerate()
            .map(|(n, mentee)| {
                scope.spawn(move || {
                    thread::sleep(Duration::from_secs(1) * n as u32 / count as u32);
                    let (mut times, mut errors, mut round) = (Vec::new(), 0, 0);
                    while started.elapsed() < RUN && !stop.load(Ordering::Relaxed) {
                        let batch = mentee.tick(round);
                        round += 1;
                        let sent = Instant::now();
                        let reply = mentee.client.call("push", json!({ "batch": batch }));
                        times.push(sent.elapsed());
                        if reply.status != 200 || reply.body["outcomes"][0][1] != "Acknowledged" {
                            errors += 1;
                            eprintln!("push answered {}: {}", reply.status, reply.body);
                        }
                        if let Pace::AsTheApp = pace {
                            thread::sleep(Duration::from_secs(1).saturating_sub(sent.elapsed()));
                        }
                    }
                    (times, errors)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let elapsed = started.elapsed();
    let mut times: Vec<Duration> = results.iter().flat_map(|(t, _)| t.clone()).collect();
    times.sort();
    Measured {
        times,
        errors: results.iter().map(|(_, e)| e).sum(),
        elapsed,
    }
}

/// One account sending 100-record agenda batches through many connections, each resending at
/// once whatever the answer, until `stop`; returns how many answers had each status.
fn flood(flooder: &Mentee, stop: &AtomicBool) -> Vec<(u16, usize)> {
    let session = fresh().to_string();
    let answers = Mutex::new(std::collections::BTreeMap::new());
    thread::scope(|scope| {
        for c in 0..FLOOD_CONNECTIONS {
            let (answers, session) = (&answers, &session);
            let client = flooder.client.clone();
            scope.spawn(move || {
                let mut counter = 0u16;
                while !stop.load(Ordering::Relaxed) {
                    counter = counter.wrapping_add(1);
                    let at = hlc(now_millis(), counter, 1_000_000 + c as u64);
                    let batch: Vec<Value> = (0..100)
                        .flat_map(|_| {
                            let record = fresh().to_string();
                            ["session", "text"].map(|field| {
                                let value = if field == "session" {
                                    json!(session)
                                } else {
                                    json!("x".repeat(300))
                                };
                                mutation_of(
                                    "agenda_item",
                                    false,
                                    next(),
                                    &record,
                                    &flooder.relationship,
                                    field,
                                    value,
                                    &at,
                                )
                            })
                        })
                        .collect();
                    let status = client.call("push", json!({ "batch": batch })).status;
                    *answers.lock().unwrap().entry(status).or_insert(0) += 1;
                }
            });
        }
    });
    answers.into_inner().unwrap().into_iter().collect()
}

fn report(what: &str, measured: &Measured) {
    println!(
        "{what}: {} pushes, {} errors, p50 {:.1} ms, p99 {:.1} ms, {:.0} pushes/s",
        measured.times.len(),
        measured.errors,
        percentile(&measured.times, 0.50),
        percentile(&measured.times, 0.99),
        measured.times.len() as f64 / measured.elapsed.as_secs_f64(),
    );
}

/// `pushers` at `pace` while one more account floods the server.
fn run_beside_flood(mentees: &mut [Mentee], flooder: &Mentee, pace: Pace) -> Measured {
    let stop = AtomicBool::new(false);
    thread::scope(|scope| {
        let flooding = scope.spawn(|| flood(flooder, &stop));
        thread::sleep(Duration::from_secs(1));
        let measured = run(mentees, pace, &AtomicBool::new(false));
        stop.store(true, Ordering::Relaxed);
        println!(
            "  the flooding account's answers by status: {:?}",
            flooding.join().unwrap()
        );
        measured
    })
}

fn main() {
    let server = Server::start_configured(SETTINGS);
    let database = if server.is_sqlite() {
        "SQLite"
    } else {
        "PostgreSQL"
    };
    let started = Instant::now();
    let (mut mentees, changes) = program(&server);
    let flooder = mentees.pop().unwrap();
    println!(
        "{database}: {} relationships, {changes} changes of history each, set up in {:.1} s",
        MENTORS * MENTEES_EACH,
        started.elapsed().as_secs_f64()
    );
    let no_stop = AtomicBool::new(false);
    for pushers in [16, 64] {
        for (pace, name) in [
            (Pace::AsTheApp, "a push a second"),
            (Pace::Flat, "flat out"),
        ] {
            let measured = run(&mut mentees[..pushers], pace, &no_stop);
            report(&format!("{pushers} pushers, {name}"), &measured);
        }
    }
    for (pace, name) in [
        (Pace::AsTheApp, "a push a second"),
        (Pace::Flat, "flat out"),
    ] {
        let measured = run_beside_flood(&mut mentees[..64], &flooder, pace);
        report(
            &format!(
                "64 pushers, {name}, one account flooding through {FLOOD_CONNECTIONS} connections"
            ),
            &measured,
        );
    }
    if !server.is_sqlite() {
        let second = server.beside(SETTINGS);
        let mut pushers: Vec<Mentee> = mentees.drain(..64).collect();
        for mentee in pushers.iter_mut().skip(1).step_by(2) {
            mentee.client = mentee.client.at(&second.base);
        }
        let measured = run(&mut pushers, Pace::Flat, &no_stop);
        report(
            "64 pushers, flat out, half through a second server",
            &measured,
        );
    }
}
