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

/// nginx run from a folder of its own, stopped when dropped.
struct Nginx(std::process::Child);

impl Drop for Nginx {
    fn drop(&mut self) {
        // Its quick shutdown, which stops the workers too (a killed master leaves them running).
        let _ = unsafe { libc::kill(self.0.id() as i32, libc::SIGTERM) };
        let _ = self.0.wait();
    }
}

fn nginx_log(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("error.log")).unwrap_or_default()
}

/// The guide's nginx configuration in front of `server`, on free ports with a certificate of
/// its own; returns nginx and its HTTP and HTTPS ports.
fn nginx_in_front_of(server: &Server, dir: &Path) -> (Nginx, u16, u16) {
    let [http, https] = common::free_ports();
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    let made = Command::new("openssl")
        .args(["req", "-x509", "-newkey", "ec", "-pkeyopt"])
        .args(["ec_paramgen_curve:prime256v1", "-nodes", "-days", "1"])
        .args(["-subj", "/CN=tandem.example.org", "-keyout"])
        .args([&key, Path::new("-out"), &cert])
        .output()
        .expect("openssl (make test-tools installs it)");
    assert!(made.status.success(), "{made:?}");
    let guide = std::fs::read_to_string(repository().join("docs/deploy/nginx.conf")).unwrap();
    let mut site = guide.clone();
    for (theirs, ours) in [
        (
            "127.0.0.1:3000",
            server.base.trim_start_matches("http://").to_owned(),
        ),
        ("listen 80;", format!("listen 127.0.0.1:{http};")),
        (
            "listen 443 ssl http2;",
            format!("listen 127.0.0.1:{https} ssl http2;"),
        ),
        (
            "/etc/letsencrypt/live/tandem.example.org/fullchain.pem",
            cert.display().to_string(),
        ),
        (
            "/etc/letsencrypt/live/tandem.example.org/privkey.pem",
            key.display().to_string(),
        ),
    ] {
        assert!(site.contains(theirs), "the guide's nginx.conf has {theirs}");
        site = site.replace(theirs, &ours);
    }
    std::fs::write(dir.join("tandem.conf"), site).unwrap();
    // Run as root (in CI), nginx's workers would otherwise be a user the folder is closed to.
    let user = if unsafe { libc::geteuid() } == 0 {
        "user root;"
    } else {
        ""
    };
    let d = dir.display();
    std::fs::write(
        dir.join("nginx.conf"),
        format!(
            "{user} pid {d}/nginx.pid; error_log {d}/error.log; events {{}}
             http {{ access_log off; client_body_temp_path {d}/body; proxy_temp_path {d}/proxy;
                    fastcgi_temp_path {d}/fastcgi; uwsgi_temp_path {d}/uwsgi;
                    scgi_temp_path {d}/scgi; include {d}/tandem.conf; }}"
        ),
    )
    .unwrap();
    let nginx = || {
        // Debian's, which is not on the PATH of everyone.
        let mut command = Command::new("/usr/sbin/nginx");
        command
            .arg("-p")
            .arg(dir)
            .arg("-c")
            .arg(dir.join("nginx.conf"));
        command
    };
    let checked = nginx()
        .arg("-t")
        .output()
        .expect("nginx (make test-tools installs it)");
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    let running = Nginx(
        nginx()
            .args(["-g", "daemon off;"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    let listening = (0..100).any(|_| {
        let open = std::net::TcpStream::connect(("127.0.0.1", https)).is_ok();
        if !open {
            thread::sleep(Duration::from_millis(50));
        }
        open
    });
    assert!(listening, "nginx is not listening: {}", nginx_log(dir));
    (running, http, https)
}

/// curl, given the name the certificate is for and trusting that certificate.
fn curl(https: u16) -> Command {
    let mut command = Command::new("curl");
    command
        .args(["--silent", "--insecure", "--resolve"])
        .arg(format!("tandem.example.org:{https}:127.0.0.1"));
    command
}

#[test]
fn the_guides_nginx_serves_tandem_over_https_and_passes_a_hint_on_at_once() {
    let server = Server::start();
    let (mentor, mentee, rel) = pair(&server, "Through the proxy");
    let dir = tempfile::tempdir().unwrap();
    let (_nginx, http, https) = nginx_in_front_of(&server, dir.path());
    let site = format!("https://tandem.example.org:{https}");

    let redirect = Command::new("curl")
        .args(["--silent", "--output", "/dev/null", "--write-out"])
        .arg("%{http_code} %{redirect_url}")
        .args(["--header", "Host: tandem.example.org"])
        .arg(format!("http://127.0.0.1:{http}/"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&redirect.stdout),
        "301 https://tandem.example.org/"
    );
    let health = curl(https)
        .args(["--write-out", " %{http_code}"])
        .arg(format!("{site}/healthz"))
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&health.stdout).ends_with(" 200"),
        "{health:?}"
    );

    // The mentee's stream of hints through the proxy, as a browser's, over HTTP/2.
    let mut stream = curl(https)
        .args(["--no-buffer", "--header"])
        .arg(format!("Cookie: {}", mentee.cookie_header()))
        .args(["--header", "Accept: text/event-stream"])
        .arg(format!("{site}/api/events"))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let (hints, heard) = std::sync::mpsc::channel();
    let out = stream.stdout.take().unwrap();
    thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
            if line.starts_with("data:") && hints.send(line).is_err() {
                break;
            }
        }
    });
    // A push before the stream is open is not hinted to it: push until one is.
    let mut n = 1;
    while heard.recv_timeout(Duration::from_millis(500)).is_err() {
        assert!(
            n < 20,
            "no hint through the proxy: {}",
            nginx_log(dir.path())
        );
        common::push(&mentor, vec![scope(n, &rel, &format!("Version {n}"))]);
        n += 1;
    }
    thread::sleep(Duration::from_millis(300));
    while heard.try_recv().is_ok() {}

    // Open, the stream passes the next hint on at once, not when a buffer of nginx fills.
    let pushed = std::time::Instant::now();
    common::push(&mentor, vec![scope(n, &rel, "Leading the first review")]);
    let hint = heard
        .recv_timeout(Duration::from_secs(2))
        .unwrap_or_else(|_| panic!("no hint within 2 s: {}", nginx_log(dir.path())));
    let _ = stream.kill();
    let _ = stream.wait();
    assert_eq!(hint.trim_start_matches("data:").trim(), "pull");
    assert!(pushed.elapsed() < Duration::from_secs(2));
}
