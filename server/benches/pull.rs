//! A mentor with 30 mentees opening the app: `make bench` prints the bytes (as sent, brotli) and
//! the time of their first pull on a new device and after a week offline.
//!
//! Not a test: the figures depend on the machine. docs/ARCHITECTURE.md § Performance keeps the
//! latest ones.

#[path = "../tests/common/mod.rs"]
mod common;

use common::{hlc, mutation_of, now_millis, push, uuid, Client, Cursors, Server};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const MENTEES: usize = 30;
/// Action items per relationship, each with its title, owner, maker, notes and due date.
const ITEMS: usize = 40;
/// Of those, ticked or re-planned during the week the mentor was offline.
const CHANGED_IN_A_WEEK: usize = 8;

/// A mentee's device: its account, relationship and clock.
struct Mentee {
    client: Client,
    relationship: String,
    node: u64,
    counter: u16,
    seed: u64,
}

impl Mentee {
    fn stamp(&mut self) -> String {
        self.counter += 1;
        hlc(now_millis(), self.counter, self.node)
    }

    /// Text as people write it: words of a mentoring conversation, never twice in one order.
    fn words(&mut self, n: usize) -> String {
        const WORDS: [&str; 24] = [
            "ask",
            "Sam",
            "about",
            "the",
            "budget",
            "review",
            "draft",
            "a",
            "plan",
            "for",
            "negotiation",
            "read",
            "chapter",
            "on",
            "feedback",
            "prepare",
            "questions",
            "team",
            "interview",
            "practice",
            "pitch",
            "call",
            "mentor",
            "next",
        ];
        (0..n)
            .map(|_| {
                self.seed = self
                    .seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                WORDS[(self.seed >> 33) as usize % WORDS.len()]
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn item(&mut self, n: usize) -> Vec<Value> {
        let record = uuid((self.node as u128) << 32 | n as u128);
        let at = self.stamp();
        let fields = [
            ("title", json!(self.words(6))),
            ("owner", json!("mentee")),
            (
                "created_at",
                json!(1_795_766_400_000_i64 + n as i64 * 86_400_000),
            ),
            ("created_by", json!("mentee")),
            ("notes", json!(self.words(14))),
            ("due", json!(format!("2027-01-{:02}", 1 + n % 28))),
        ];
        fields
            .into_iter()
            .enumerate()
            .map(|(i, (field, value))| {
                let id = (self.node as u128) << 64 | (n as u128) << 8 | i as u128;
                let kind = "action_item";
                mutation_of(
                    kind,
                    false,
                    id,
                    &record,
                    &self.relationship,
                    field,
                    value,
                    &at,
                )
            })
            .collect()
    }

    /// A week's work: some items ticked, some given a new date.
    fn week(&mut self) -> Vec<Value> {
        (0..CHANGED_IN_A_WEEK)
            .map(|n| {
                let record = uuid((self.node as u128) << 32 | n as u128);
                let id = (self.node as u128) << 64 | 1 << 60 | n as u128;
                let (field, value) = if n % 2 == 0 {
                    ("done_at", json!(1_796_371_200_000_i64))
                } else {
                    ("due", json!("2027-02-01"))
                };
                let at = self.stamp();
                let rel = &self.relationship;
                mutation_of("action_item", false, id, &record, rel, field, value, &at)
            })
            .collect()
    }
}

/// What pulling until nothing more waits took.
struct Pulled {
    requests: usize,
    changes: usize,
    /// The replies' JSON, and as sent with brotli.
    bytes: usize,
    compressed: usize,
    time: Duration,
    cursors: Cursors,
}

fn pull_everything(mentor: &Client, cursors: Cursors) -> Pulled {
    let mut pulled = Pulled {
        requests: 0,
        changes: 0,
        bytes: 0,
        compressed: 0,
        time: Duration::ZERO,
        cursors,
    };
    loop {
        let args = json!({ "cursors": pulled.cursors.json() });
        let (status, body) = mentor.call_compressed("pull", args.clone());
        assert_eq!(status, 200);
        pulled.compressed += body.len();
        let started = Instant::now();
        let reply = mentor.call("pull", args);
        pulled.time += started.elapsed();
        pulled.requests += 1;
        pulled.bytes += reply.body.to_string().len();
        pulled.changes += common::changes_of(&reply.body).len();
        pulled.cursors.merge(&reply.body["cursors"]);
        if !reply.body["more"].as_bool().unwrap() {
            return pulled;
        }
    }
}

impl Pulled {
    fn print(&self, what: &str) {
        println!(
            "{what}: {} changes in {} requests, {} bytes ({:.1} per change), {} brotli ({:.1} per \
             change), {:.1} ms",
            self.changes,
            self.requests,
            self.bytes,
            self.bytes as f64 / self.changes as f64,
            self.compressed,
            self.compressed as f64 / self.changes as f64,
            self.time.as_secs_f64() * 1000.0,
        );
    }
}

fn main() {
    let server = Server::start();
    let mentor = server.client();
    mentor.sign_up("Mira", "mira@example.com");
    let mut mentees: Vec<Mentee> = (0..MENTEES)
        .map(|i| {
            let (relationship, token) = mentor.start_relationship("mentor", &format!("Mentee {i}"));
            let client = server.client();
            client.sign_up("Menno", &format!("menno{i}@example.com"));
            let reply = client.call(
                "respond_to_invite",
                json!({ "token": token, "accept": true }),
            );
            assert_eq!(reply.status, 200, "{:?}", reply.body);
            Mentee {
                client,
                relationship,
                node: i as u64 + 1,
                counter: 0,
                seed: i as u64,
            }
        })
        .collect();
    for mentee in &mut mentees {
        let history: Vec<Value> = (0..ITEMS).flat_map(|n| mentee.item(n)).collect();
        for batch in history.chunks(198) {
            let outcomes = push(&mentee.client, batch.to_vec());
            assert!(outcomes.iter().all(|o| o == "Acknowledged"), "{outcomes:?}");
        }
    }

    let first = pull_everything(&mentor, Cursors::of(&json!([])));
    first.print(&format!(
        "first pull of a new device, {MENTEES} relationships × {ITEMS} items"
    ));

    for mentee in &mut mentees {
        let week = mentee.week();
        let outcomes = push(&mentee.client, week);
        assert!(outcomes.iter().all(|o| o == "Acknowledged"), "{outcomes:?}");
    }
    pull_everything(&mentor, first.cursors).print("after a week offline");
}
