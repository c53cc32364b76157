//! How pushes hold up when many people sync at once: `make bench` prints latency, errors and throughput.
//!
//! Not a test: the figures depend on the machine. docs/ARCHITECTURE.md § Performance keeps the
//! latest ones.

#[path = "../tests/common/mod.rs"]
mod common;

use common::{percentile, Client, Server};
use serde_json::{json, Value};
use std::{
    sync::atomic::{AtomicU64, Ordering},
    time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

const CLIENTS: usize = 16;
const SINGLE_ROUNDS: usize = 50;
const BATCH: usize = 200;
const BATCH_ROUNDS: usize = 10;

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

fn fresh_uuid() -> String {
    let n = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    format!(
        "{:08x}-0000-7000-8000-{:012x}",
        n >> 48,
        n & 0xffff_ffff_ffff
    )
}

fn now_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
}

/// One device: its relationship, node id and clock counter.
struct Device {
    client: Client,
    relationship: String,
    node: u64,
    counter: u16,
}

impl Device {
    /// `n` new records, as one batch: each whole in one change (the agreement's scope, a kind
    /// with no required field).
    fn batch(&mut self, n: usize) -> Vec<Value> {
        (0..n)
            .map(|_| {
                self.counter = self.counter.wrapping_add(1);
                json!({
                    "id": fresh_uuid(), "record": fresh_uuid(), "relationship": self.relationship,
                    "kind": "agreement", "private": false, "field": "scope",
                    "value": "Career moves",
                    "hlc": format!("{:012x}-{:04x}-{:016x}", now_millis(), self.counter, self.node),
                })
            })
            .collect()
    }
}

/// Sixteen people in eight relationships, each on their own device.
fn devices(server: &Server) -> Vec<Device> {
    (0..CLIENTS / 2)
        .flat_map(|pair| {
            let mentor = server.client();
            mentor.sign_up("Mira", &format!("mira{pair}@example.com"));
            let (relationship, token) = mentor.start_relationship("mentor", "Bench");
            let mentee = server.client();
            mentee.sign_up("Menno", &format!("menno{pair}@example.com"));
            let accepted = mentee.call(
                "respond_to_invite",
                json!({ "token": token, "accept": true }),
            );
            assert_eq!(accepted.status, 200, "{:?}", accepted.body);
            [mentor, mentee].map(|client| (client, relationship.clone()))
        })
        .enumerate()
        .map(|(i, (client, relationship))| Device {
            client,
            relationship,
            node: i as u64 + 1,
            counter: 0,
        })
        .collect()
}

/// Every device pushes `rounds` batches of `size` at the same time; returns each push's time
/// and how many answers were not 200 with every mutation acknowledged.
fn run(devices: &mut [Device], rounds: usize, size: usize) -> (Vec<Duration>, usize, Duration) {
    let started = Instant::now();
    let results: Vec<(Vec<Duration>, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = devices
            .iter_mut()
            .map(|device| {
                scope.spawn(move || {
                    let (mut times, mut errors) = (Vec::new(), 0);
                    for _ in 0..rounds {
                        let batch = device.batch(size);
                        let sent = Instant::now();
                        let reply = device.client.call("push", json!({ "batch": batch }));
                        times.push(sent.elapsed());
                        let acknowledged = reply.body["outcomes"].as_array().is_some_and(|o| {
                            o.len() == size && o.iter().all(|o| o[1] == json!("Acknowledged"))
                        });
                        if reply.status != 200 || !acknowledged {
                            errors += 1;
                            eprintln!("push answered {}: {}", reply.status, reply.body);
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
    (times, results.iter().map(|(_, e)| e).sum(), elapsed)
}

fn main() {
    let server = Server::start();
    let mut devices = devices(&server);

    let (times, errors, _) = run(&mut devices, SINGLE_ROUNDS, 1);
    println!(
        "{CLIENTS} clients pushing one item each, {SINGLE_ROUNDS} times: {} pushes, {errors} errors, \
         p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        times.len(),
        percentile(&times, 0.50),
        percentile(&times, 0.99),
        percentile(&times, 1.0),
    );

    let (times, errors, elapsed) = run(&mut devices, BATCH_ROUNDS, BATCH);
    let mutations = (times.len() * BATCH) as f64;
    println!(
        "{CLIENTS} clients pushing {BATCH}-mutation batches, {BATCH_ROUNDS} times: {} pushes, \
         {errors} errors, p50 {:.1} ms, p99 {:.1} ms, {:.0} mutations/s",
        times.len(),
        percentile(&times, 0.50),
        percentile(&times, 0.99),
        mutations / elapsed.as_secs_f64(),
    );
}
