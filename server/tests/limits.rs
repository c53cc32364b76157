//! What a few clients holding connections open can do to the server: nothing that stops it
//! answering others. In a test binary of its own: it opens over a thousand sockets.

mod common;

use common::{pair, Server};
use std::{
    io::Write,
    net::TcpStream,
    time::{Duration, Instant},
};

/// Lets this test process open as many files as it may (sockets count).
fn raise_own_file_limit() -> u64 {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: both calls only read or write the struct given, for this process.
    unsafe {
        assert_eq!(libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit), 0);
        limit.rlim_cur = limit.rlim_max;
        assert_eq!(libc::setrlimit(libc::RLIMIT_NOFILE, &limit), 0);
    }
    limit.rlim_cur
}

fn healthy(server: &Server) -> bool {
    ureq::get(&format!("{}/healthz", server.base))
        .timeout(Duration::from_secs(1))
        .call()
        .is_ok()
}

#[test]
fn a_thousand_connections_that_never_finish_their_header_leave_healthz_answering() {
    // As many as this process may open, up to 1,100; the server may open a tenth fewer (1,024
    // when this process may open 1,300 or more), so together they are more than it may hold.
    let count = raise_own_file_limit().saturating_sub(100).min(1_100);
    let server = Server::start_with_open_files(
        (count * 9 / 10).min(1_024),
        &[("TANDEM_HEADER_TIMEOUT", "2")],
    );
    // Each starts a request and never finishes its header.
    let slow: Vec<TcpStream> = (0..count)
        .filter_map(|_| {
            let mut stream = TcpStream::connect(server.base.trim_start_matches("http://")).ok()?;
            stream
                .write_all(b"GET / HTTP/1.1\r\nHost: tandem\r\nX-Slow: ")
                .ok()?;
            Some(stream)
        })
        .collect();
    assert_eq!(slow.len() as u64, count, "connections made");
    let asked = Instant::now();
    while !healthy(&server) {
        assert!(
            asked.elapsed() < Duration::from_secs(8),
            "/healthz did not answer with {} slow connections open",
            slow.len()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    drop(slow);
}

#[test]
fn streams_of_hints_leave_a_quarter_of_the_connections_to_everything_else() {
    // 40 connections: at most 30 streams, whoever holds them.
    let server = Server::start_configured(&[("TANDEM_MAX_CONNECTIONS", "40")]);
    let (mentor, mentee, _) = pair(&server, "");
    let mut open: Vec<_> = (0..16)
        .map(|_| mentor.hints(Duration::from_secs(10)).unwrap())
        .collect();
    open.extend((0..14).map(|_| mentee.hints(Duration::from_secs(10)).unwrap()));
    assert_eq!(mentee.hints(Duration::from_secs(1)).err(), Some(429));
    assert!(healthy(&server), "/healthz answers with every stream taken");
    drop(open);
}
