//! 5,000 idle devices, each holding its stream of "pull now" hints open and pulling as the app
//! does: `make bench` prints the server's memory per device, its CPU time per idle device per
//! minute, and how long a hint takes to reach the last of them.
//!
//! Every device speaks HTTP/1.1 over two connections of its own, as a browser tab does (the
//! stream, and one kept alive for its pulls); they come from different addresses behind a proxy
//! the server trusts, as devices on the internet do. Not a test: the figures depend on the
//! machine. docs/ARCHITECTURE.md § Performance keeps the latest ones.

#[path = "../tests/common/mod.rs"]
mod common;

use common::{hlc, mutation_of, now_millis, pair_of, percentile, Client, Server};
use serde_json::json;
use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};
use tokio::{
    io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader},
    net::TcpStream,
    sync::mpsc,
};

const DEVICES: usize = 5_000;
/// Two people in each relationship, each with ten devices (a person may have 16 streams open).
const PAIRS: usize = DEVICES / 20;
/// The bench's clients that sign people up and push, side by side (a divisor of [`PAIRS`]).
const CLIENTS: usize = 5;
/// As the app's timer while its stream of hints is open (`PULL_WHILE_HINTED_MS` in the browser's
/// sync engine); it pulls every 2.5 s only while the stream is down.
const PULL_EVERY: Duration = Duration::from_secs(60);
/// Over how long the devices' first pulls are spread.
const FIRST_PULLS: Duration = Duration::from_millis(2_500);
/// How long the devices sit idle while the server's CPU time is counted.
const IDLE: Duration = Duration::from_secs(60);

/// The server's resident memory now, in bytes (Linux `VmRSS`).
fn resident(server: &Server) -> u64 {
    server.proc_status("VmRSS:")
}

/// What one device needs to talk to the server.
struct Device {
    number: usize,
    address: String,
    cookie: String,
    forwarded_for: String,
}

/// Reads one HTTP response's head; returns its status and its `Content-Length`, if any.
async fn head(reader: &mut BufReader<TcpStream>) -> std::io::Result<(u16, Option<usize>)> {
    let mut line = String::new();
    reader.read_line(&mut line).await?;
    let status = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut length = None;
    loop {
        line.clear();
        if reader.read_line(&mut line).await? == 0 || line == "\r\n" {
            return Ok((status, length));
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().ok();
            }
        }
    }
}

/// Opens the device's stream, says whether it opened, then sends the time of every hint.
async fn listen(
    device: Arc<Device>,
    opened: mpsc::Sender<bool>,
    hinted: mpsc::UnboundedSender<(usize, Instant)>,
) {
    let connected = async {
        let mut stream = TcpStream::connect(&device.address).await?;
        let request = format!(
            "GET /api/events HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\nCookie: {}\r\n\
             X-Forwarded-For: {}\r\n\r\n",
            device.address, device.cookie, device.forwarded_for
        );
        stream.write_all(request.as_bytes()).await?;
        let mut reader = BufReader::new(stream);
        let (status, _) = head(&mut reader).await?;
        Ok::<_, std::io::Error>((status, reader))
    };
    let Ok((200, mut reader)) = connected.await else {
        let _ = opened.send(false).await;
        return;
    };
    let _ = opened.send(true).await;
    let mut line = String::new();
    while matches!(reader.read_line(&mut line).await, Ok(n) if n > 0) {
        if line
            .strip_prefix("data:")
            .is_some_and(|data| data.trim() != app::sync::hint::ALIVE)
        {
            let _ = hinted.send((device.number, Instant::now()));
        }
        line.clear();
    }
}

/// Pulls every [`PULL_EVERY`], beginning at `offset`, over one connection kept alive while the
/// server keeps it; counts the pulls and the ones not answered 200. A kept connection the server
/// closed meanwhile is made again, as a browser does, and not counted as an error.
async fn poll(
    device: Arc<Device>,
    offset: Duration,
    pulls: Arc<AtomicUsize>,
    errors: Arc<AtomicUsize>,
) {
    tokio::time::sleep(offset).await;
    let mut reader: Option<BufReader<TcpStream>> = None;
    let body = r#"{"cursors":[]}"#;
    let mut every = tokio::time::interval(PULL_EVERY);
    loop {
        every.tick().await;
        let mut answered = pull_once(&device, &mut reader, body).await;
        if answered.is_err() {
            reader = None;
            answered = pull_once(&device, &mut reader, body).await;
        }
        pulls.fetch_add(1, Ordering::Relaxed);
        if !matches!(answered, Ok(200)) {
            errors.fetch_add(1, Ordering::Relaxed);
            reader = None;
        }
    }
}

/// One pull on the kept connection, or on a new one; its status.
async fn pull_once(
    device: &Device,
    reader: &mut Option<BufReader<TcpStream>>,
    body: &str,
) -> std::io::Result<u16> {
    if reader.is_none() {
        *reader = Some(BufReader::new(TcpStream::connect(&device.address).await?));
    }
    let connection = reader.as_mut().expect("connected above");
    let request = format!(
        "POST /api/pull HTTP/1.1\r\nHost: {}\r\nAccept: application/json\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nCookie: {}\r\n\
         X-Forwarded-For: {}\r\n\r\n{body}",
        device.address,
        body.len(),
        device.cookie,
        device.forwarded_for
    );
    connection.get_mut().write_all(request.as_bytes()).await?;
    let (status, length) = head(connection).await?;
    if status == 0 {
        // Closed by the server, idle past its header timeout: no answer at all.
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    let mut reply = vec![0; length.unwrap_or(0)];
    connection.read_exact(&mut reply).await?;
    Ok(status)
}

fn main() {
    let server = Server::start_configured(&[
        ("TANDEM_TRUSTED_PROXY", "127.0.0.1"),
        ("TANDEM_SIGN_UPS_PER_HOUR", "2000"),
    ]);
    let pairs: Vec<(Client, Client, String)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..CLIENTS)
            .map(|t| {
                let server = &server;
                scope.spawn(move || {
                    (0..PAIRS / CLIENTS)
                        .map(|p| pair_of(server, &format!("{t}x{p}"), ""))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert_eq!(pairs.len() * 20, DEVICES);
    let address = server.base.trim_start_matches("http://").to_owned();
    let devices: Vec<Arc<Device>> = pairs
        .iter()
        .flat_map(|(mentor, mentee, _)| [mentor, mentee])
        .flat_map(|person| std::iter::repeat_n(person.cookie_header(), DEVICES / PAIRS / 2))
        .enumerate()
        .map(|(n, cookie)| {
            Arc::new(Device {
                number: n,
                address: address.clone(),
                cookie,
                forwarded_for: format!("10.{}.{}.{}", n / 65_536, n / 256 % 256, n % 256),
            })
        })
        .collect();
    let before = resident(&server);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (pulls, errors) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let (hinted, mut hints) = mpsc::unbounded_channel();
    let refused = runtime.block_on(async {
        let (opened, mut open) = mpsc::channel(DEVICES);
        let mut refused = 0;
        for (n, device) in devices.iter().enumerate() {
            tokio::spawn(listen(device.clone(), opened.clone(), hinted.clone()));
            // The app pulls as its stream opens, then at the timer's pace.
            let offset = FIRST_PULLS * n as u32 / DEVICES as u32;
            tokio::spawn(poll(device.clone(), offset, pulls.clone(), errors.clone()));
            // A hundred at a time, as devices come online one after another: 5,000 connections
            // in one instant overflow the kernel's queue of connections not yet accepted.
            if n % 100 == 99 {
                for _ in 0..100 {
                    let answer = tokio::time::timeout(Duration::from_secs(10), open.recv()).await;
                    refused += usize::from(!matches!(answer, Ok(Some(true))));
                }
            }
        }
        refused
    });
    // Every device has pulled once, and the memory of a first pull is counted too.
    std::thread::sleep(FIRST_PULLS * 2);
    let held = resident(&server).saturating_sub(before);
    let cpu = server.cpu_time();
    let (pulls_before, errors_before) = (
        pulls.load(Ordering::Relaxed),
        errors.load(Ordering::Relaxed),
    );
    std::thread::sleep(IDLE);
    let used = server.cpu_time() - cpu;
    let polled = pulls.load(Ordering::Relaxed) - pulls_before;
    let failed = errors.load(Ordering::Relaxed) - errors_before;
    let idle_held = resident(&server).saturating_sub(before);
    println!(
        "{DEVICES} devices, {refused} streams refused or not open within 10 s: server memory \
         {:.1} MiB in all; more than before they came: {:.1} MiB after their first pulls \
         ({:.1} KiB a device), {:.1} MiB after idling ({:.1} KiB a device)",
        resident(&server) as f64 / 1_048_576.0,
        held as f64 / 1_048_576.0,
        held as f64 / 1024.0 / DEVICES as f64,
        idle_held as f64 / 1_048_576.0,
        idle_held as f64 / 1024.0 / DEVICES as f64
    );
    println!(
        "idle for {} s: {polled} pulls ({failed} not 200), server CPU {:.2} s, {:.2} ms a device a minute",
        IDLE.as_secs(),
        used.as_secs_f64(),
        used.as_secs_f64() * 1000.0 / DEVICES as f64 * 60.0 / IDLE.as_secs_f64()
    );
    // One change in every relationship, pushed at once: every device is told.
    while hints.try_recv().is_ok() {}
    let sent = Instant::now();
    std::thread::scope(|scope| {
        for (c, chunk) in pairs.chunks(PAIRS / CLIENTS).enumerate() {
            scope.spawn(move || {
                for (i, (mentor, _, relationship)) in chunk.iter().enumerate() {
                    let n = c * (PAIRS / CLIENTS) + i;
                    let record = common::uuid(1_000_000 + n as u128);
                    let change = mutation_of(
                        "agreement",
                        false,
                        2_000_000 + n as u128,
                        &record,
                        relationship,
                        "scope",
                        json!("Career moves"),
                        &hlc(now_millis(), 0, 7),
                    );
                    let reply = mentor.call("push", json!({ "batch": [change] }));
                    assert_eq!(reply.status, 200, "{:?}", reply.body);
                }
            });
        }
    });
    let pushed = sent.elapsed();
    let mut first = std::collections::BTreeMap::new();
    runtime.block_on(async {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        while first.len() < DEVICES - refused {
            match tokio::time::timeout_at(deadline, hints.recv()).await {
                Ok(Some((device, at))) => {
                    first.entry(device).or_insert(at.duration_since(sent));
                }
                _ => break,
            }
        }
    });
    let missed: Vec<usize> = (0..DEVICES).filter(|d| !first.contains_key(d)).collect();
    if !missed.is_empty() {
        println!("  not hinted within 30 s: devices {missed:?}");
    }
    let mut arrived: Vec<Duration> = first.into_values().collect();
    arrived.sort();
    println!(
        "{PAIRS} pushes, one in each relationship, sent in {:.0} ms: {} of {} devices hinted, \
         p50 {:.0} ms, the last after {:.0} ms",
        pushed.as_secs_f64() * 1000.0,
        arrived.len(),
        DEVICES - refused,
        percentile(&arrived, 0.5),
        percentile(&arrived, 1.0)
    );
    runtime.shutdown_background();
}
