//! Starts the real `tandem` binary on a free port and a temporary database, and talks to it over HTTP.
//! The database is an SQLite file, or with `TANDEM_TEST_POSTGRES` set to a PostgreSQL server's
//! URL (`make test` starts one), a database of its own on that server.
#![allow(dead_code)] // each test file uses a different part of this harness

use serde_json::{json, Value};
use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    thread::sleep,
    time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

pub struct Server {
    child: Child,
    pub base: String,
    pub store: Store,
    _dir: Option<tempfile::TempDir>,
}

/// Where a test server keeps its data.
pub enum Store {
    Sqlite(PathBuf),
    /// A database on the server `TANDEM_TEST_POSTGRES` names: its name, and its URL.
    Postgres(String, String),
}

impl Store {
    /// The store of the folder `dir`: the same folder gives the same database, to restart over.
    fn of(dir: &Path) -> Self {
        let Ok(server) = std::env::var("TANDEM_TEST_POSTGRES") else {
            return Self::Sqlite(dir.join("tandem.db"));
        };
        let folder = dir.file_name().unwrap().to_string_lossy();
        let name: String = format!("t_{folder}")
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        let created = psql(&server, &format!("CREATE DATABASE \"{name}\""));
        assert!(
            created.status.success()
                || String::from_utf8_lossy(&created.stderr).contains("already exists"),
            "cannot create database {name}: {}",
            String::from_utf8_lossy(&created.stderr)
        );
        let (base, _) = server
            .rsplit_once('/')
            .expect("a URL ending in a database name");
        Self::Postgres(name.clone(), format!("{base}/{name}"))
    }

    fn url(&self) -> String {
        match self {
            Self::Sqlite(path) => format!("sqlite://{}", path.display()),
            Self::Postgres(_, url) => url.clone(),
        }
    }

    /// Runs SQL and returns what it printed: rows on lines, columns between `|`.
    fn run(&self, statement: &str) -> String {
        let out = match self {
            Self::Sqlite(path) => Command::new("python3")
                .arg("-c")
                .arg(
                    "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); \
                     rows=c.execute(sys.argv[2]).fetchall(); c.commit(); \
                     print('\\n'.join('|'.join(map(str, r)) for r in rows))",
                )
                .arg(path)
                .arg(statement)
                .output()
                .unwrap(),
            Self::Postgres(_, url) => psql(url, statement),
        };
        assert!(
            out.status.success(),
            "sql failed: {statement}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    }
}

fn psql(url: &str, statement: &str) -> std::process::Output {
    Command::new("psql")
        .args([
            url,
            "-X",
            "-q",
            "-t",
            "-A",
            "-v",
            "ON_ERROR_STOP=1",
            "-c",
            statement,
        ])
        .output()
        .expect("psql runs")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Several free ports, all different: each is held until all are found.
pub fn free_ports<const N: usize>() -> [u16; N] {
    let held: [TcpListener; N] = std::array::from_fn(|_| TcpListener::bind("127.0.0.1:0").unwrap());
    held.map(|listener| listener.local_addr().unwrap().port())
}

impl Server {
    pub fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut server = Self::start_with(dir.path(), None);
        server._dir = Some(dir);
        server
    }

    /// Starts on an existing database folder, e.g. to restart over the same data.
    pub fn start_with(dir: &Path, base_url: Option<&str>) -> Self {
        Self::spawn(dir, base_url, None, &[])
    }

    /// Starts with request logging on, written to `log`, to see what the server records.
    pub fn start_logging_to(dir: &Path, log: &Path) -> Self {
        Self::spawn(dir, None, Some(log), &[])
    }

    /// Starts with settings of its own, as environment variables (`TANDEM_…`).
    pub fn start_configured(settings: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut server = Self::spawn(dir.path(), None, None, settings);
        server._dir = Some(dir);
        server
    }

    /// Starts as a process that may open at most `files` files (sockets count), as on a
    /// machine with the common limit of 1,024.
    pub fn start_with_open_files(files: u64, settings: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut server = Self::spawn_limited(dir.path(), None, None, settings, Some(files));
        server._dir = Some(dir);
        server
    }

    fn spawn(
        dir: &Path,
        base_url: Option<&str>,
        log: Option<&Path>,
        settings: &[(&str, &str)],
    ) -> Self {
        Self::spawn_limited(dir, base_url, log, settings, None)
    }

    fn spawn_limited(
        dir: &Path,
        base_url: Option<&str>,
        log: Option<&Path>,
        settings: &[(&str, &str)],
        open_files: Option<u64>,
    ) -> Self {
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");
        let store = Store::of(dir);
        let mut command = Command::new(env!("CARGO_BIN_EXE_tandem"));
        if let Some(files) = open_files {
            use std::os::unix::process::CommandExt;
            // SAFETY: between fork and exec only setrlimit runs, which is async-signal-safe.
            unsafe {
                command.pre_exec(move || {
                    let limit = libc::rlimit {
                        rlim_cur: files,
                        rlim_max: files,
                    };
                    if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) == 0 {
                        Ok(())
                    } else {
                        Err(std::io::Error::last_os_error())
                    }
                });
            }
        }
        let child = command
            // Every test signs its people up from this one address.
            .env("TANDEM_SIGN_UPS_PER_HOUR", "1000")
            .envs(settings.iter().copied())
            .env("TANDEM_BIND", format!("127.0.0.1:{port}"))
            .env("TANDEM_BASE_URL", base_url.unwrap_or(&base))
            .env("DATABASE_URL", store.url())
            .env("TANDEM_LOG", if log.is_some() { "info" } else { "warn" })
            .env("LEPTOS_SITE_ROOT", dir.join("site"))
            .stdout(match log {
                Some(path) => Stdio::from(std::fs::File::create(path).unwrap()),
                None => Stdio::null(),
            })
            .spawn()
            .expect("the tandem binary starts");
        let server = Self {
            child,
            base,
            store,
            _dir: None,
        };
        server.wait_until_healthy();
        server
    }

    fn wait_until_healthy(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if ureq::get(&format!("{}/healthz", self.base)).call().is_ok() {
                return;
            }
            sleep(Duration::from_millis(50));
        }
        panic!("server did not become healthy at {}", self.base);
    }

    /// The most memory the server's process has held at once, in bytes (Linux `VmHWM`).
    pub fn peak_memory(&self) -> u64 {
        self.proc_status("VmHWM:")
    }

    /// A size the kernel reports of the server's process, in bytes (`VmRSS:`, `VmHWM:` …).
    pub fn proc_status(&self, key: &str) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let kb: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or_else(|| panic!("{key} in /proc/<pid>/status"));
        kb * 1024
    }

    /// The CPU time the server's process has used so far, in user and kernel mode.
    pub fn cpu_time(&self) -> Duration {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap();
        // The fields after the command's name, which is in parentheses and may hold spaces.
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .unwrap()
            .1
            .split_whitespace()
            .collect();
        let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
        // SAFETY: sysconf only reads a constant of the system.
        let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as u64;
        Duration::from_millis(ticks * 1000 / per_second)
    }

    /// Kills the server without warning, as a power cut would.
    pub fn crash(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Asks the server to stop as an operator would, and returns its exit status.
    pub fn terminate(mut self) -> std::process::ExitStatus {
        unsafe { libc::kill(self.child.id() as i32, libc::SIGTERM) };
        self.child.wait().unwrap()
    }

    /// A second server on this one's database, as behind one address with it.
    pub fn beside(&self, settings: &[(&str, &str)]) -> Self {
        let dir = self
            ._dir
            .as_ref()
            .expect("a server with a folder of its own");
        Self::spawn(dir.path(), None, None, settings)
    }

    pub fn client(&self) -> Client {
        Client {
            agent: ureq::AgentBuilder::new().redirects(0).build(),
            base: self.base.clone(),
        }
    }

    /// Runs SQL against the server's database, to move time or inspect state, and returns its
    /// rows, one a line, columns between `|`.
    pub fn sql_value(&self, query: &str) -> String {
        self.store.run(query)
    }

    pub fn sql(&self, statement: &str) {
        self.store.run(statement);
    }

    pub fn is_sqlite(&self) -> bool {
        matches!(self.store, Store::Sqlite(_))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let (Some(_), Store::Postgres(name, _), Ok(server)) = (
            &self._dir,
            &self.store,
            std::env::var("TANDEM_TEST_POSTGRES"),
        ) {
            psql(&server, &format!("DROP DATABASE \"{name}\" WITH (FORCE)"));
        }
    }
}

/// A browser-like client: it keeps its cookies. A clone is another tab of the same browser.
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    base: String,
}

pub struct Reply {
    pub status: u16,
    pub body: Value,
    pub set_cookies: Vec<String>,
    pub location: Option<String>,
    /// Seconds the server asks to wait (`Retry-After`).
    pub retry_after: Option<u64>,
}

impl Client {
    /// This browser, talking to another server at `base` (cookies are kept per host, not port).
    pub fn at(&self, base: &str) -> Self {
        Self {
            agent: self.agent.clone(),
            base: base.to_owned(),
        }
    }

    /// Calls a server function the way the app does once it has loaded: the account functions
    /// with a form body (their forms post it), the others with a JSON body of their arguments.
    pub fn call(&self, function: &str, args: Value) -> Reply {
        let request = self
            .agent
            .post(&format!("{}/api/{function}", self.base))
            .set("Accept", "application/json");
        if FORM_FUNCTIONS.contains(&function) {
            let fields = form_fields(&args);
            let pairs: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            reply(function, request.send_form(&pairs))
        } else {
            reply(function, request.send_json(args))
        }
    }

    /// [`Client::call`] with a JSON body, where the server may go away: `None` when no answer
    /// came (the connection was refused or cut).
    pub fn try_call(&self, function: &str, args: Value) -> Option<Reply> {
        let result = self
            .agent
            .post(&format!("{}/api/{function}", self.base))
            .set("Accept", "application/json")
            .send_json(args);
        match result {
            Err(ureq::Error::Transport(_)) => None,
            other => Some(reply(function, other)),
        }
    }

    /// Posts a form as a browser does without the app: asking for HTML, from a page of the site.
    pub fn post_form(&self, function: &str, referer: &str, fields: &[(&str, &str)]) -> Reply {
        let request = self
            .agent
            .post(&format!("{}/api/{function}", self.base))
            .set("Accept", "text/html,application/xhtml+xml")
            .set("Referer", &format!("{}{referer}", self.base));
        reply(function, request.send_form(fields))
    }

    /// Posts a body exactly as given, to see what the server makes of input it cannot read.
    pub fn call_raw(&self, function: &str, body: &str) -> Reply {
        let request = self.agent.post(&format!("{}/api/{function}", self.base));
        reply(
            function,
            request
                .set("Accept", "application/json")
                .set("Content-Type", "application/json")
                .send_string(body),
        )
    }

    /// Posts `body` with the headers given, as a page of another site or a tool could.
    pub fn post_with(&self, function: &str, headers: &[(&str, &str)], body: &str) -> Reply {
        let mut request = self.agent.post(&format!("{}/api/{function}", self.base));
        for (name, value) in headers {
            request = request.set(name, value);
        }
        reply(function, request.send_string(body))
    }

    /// Calls a server function with a JSON body, accepting brotli as a browser does: the status
    /// and the body's bytes as they came over the wire.
    pub fn call_compressed(&self, function: &str, args: Value) -> (u16, Vec<u8>) {
        let result = self
            .agent
            .post(&format!("{}/api/{function}", self.base))
            .set("Accept", "application/json")
            .set("Accept-Encoding", "br")
            .send_json(args);
        let response = match result {
            Ok(r) | Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("{function}: {e}"),
        };
        let status = response.status();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut response.into_reader(), &mut bytes).unwrap();
        (status, bytes)
    }

    /// The cookies this client holds, as a `Cookie` header, for requests written by hand.
    pub fn cookie_header(&self) -> String {
        self.agent
            .cookie_store()
            .iter_any()
            .map(|c| format!("{}={}", c.name(), c.value()))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Opens the caller's stream of "pull now" hints as the browser does; each read gives up
    /// `wait` after the stream opened. The status when the server refuses it.
    pub fn hints(&self, wait: std::time::Duration) -> Result<Hints, u16> {
        match self
            .agent
            .get(&format!("{}/api/events", self.base))
            .set("Accept", "text/event-stream")
            .timeout(wait)
            .call()
        {
            Ok(r) => Ok(Hints(std::io::BufReader::new(r.into_reader()))),
            Err(ureq::Error::Status(status, _)) => Err(status),
            Err(e) => panic!("GET /api/events: {e}"),
        }
    }

    pub fn get(&self, path: &str) -> ureq::Response {
        self.get_with(path, &[])
    }

    /// A GET with these headers.
    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> ureq::Response {
        let mut request = self.agent.get(&format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.set(name, value);
        }
        match request.call() {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("GET {path}: {e}"),
        }
    }

    pub fn sign_up(&self, name: &str, email: &str) -> Reply {
        let reply = self.call(
            "sign_up",
            json!({ "display_name": name, "email": email, "password": PASSWORD }),
        );
        assert_eq!(reply.status, 200, "sign up: {:?}", reply.body);
        reply
    }

    /// Starts a relationship and returns its id and the invite token.
    pub fn start_relationship(&self, role: &str, title: &str) -> (String, String) {
        let reply = self.call(
            "start_relationship",
            json!({ "role": role, "title": title }),
        );
        assert_eq!(reply.status, 200, "start: {:?}", reply.body);
        let id = reply.body.as_str().unwrap().to_owned();
        let token = self
            .invite_token(&id)
            .expect("a fresh relationship has an invite");
        (id, token)
    }

    pub fn invite_token(&self, id: &str) -> Option<String> {
        let r = self.call("relationship", json!({ "id": id }));
        assert_eq!(r.status, 200, "{:?}", r.body);
        let url = r.body["invite"]["url"].as_str()?;
        Some(url.rsplit('/').next().unwrap().to_owned())
    }
}

/// Server functions whose forms post to them directly, so they read form bodies.
pub const FORM_FUNCTIONS: [&str; 7] = [
    "sign_up",
    "sign_in",
    "sign_out",
    "start_relationship",
    "change_password",
    "sign_out_everywhere",
    "delete_account",
];

/// A JSON object's fields as form fields: strings as they are, anything else as JSON text.
fn form_fields(args: &Value) -> Vec<(String, String)> {
    args.as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| match v {
            Value::String(s) => (k.clone(), s.clone()),
            other => (k.clone(), other.to_string()),
        })
        .collect()
}

/// An answer as the app sees it: error statuses are answers too.
fn reply(function: &str, result: Result<ureq::Response, ureq::Error>) -> Reply {
    let response = match result {
        Ok(r) | Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("{function}: {e}"),
    };
    let status = response.status();
    let location = response.header("location").map(str::to_owned);
    let retry_after = response.header("retry-after").and_then(|s| s.parse().ok());
    let set_cookies = response
        .all("set-cookie")
        .into_iter()
        .map(str::to_owned)
        .collect();
    let text = response.into_string().unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    Reply {
        status,
        body,
        set_cookies,
        location,
        retry_after,
    }
}

/// An open stream of server-sent hints.
pub struct Hints(std::io::BufReader<Box<dyn std::io::Read + Send + Sync>>);

impl Hints {
    /// Waits for the next hint, past the heartbeats that say the stream is alive; `None` when
    /// the stream ends or the wait is over.
    pub fn next(&mut self) -> Option<String> {
        let mut next = self.next_message();
        while next.as_deref() == Some("alive") {
            next = self.next_message();
        }
        next
    }

    /// Waits for the next message's data, a heartbeat too.
    pub fn next_message(&mut self) -> Option<String> {
        use std::io::BufRead;
        let mut line = String::new();
        loop {
            line.clear();
            if self.0.read_line(&mut line).ok()? == 0 {
                return None;
            }
            if let Some(data) = line.strip_prefix("data:") {
                return Some(data.trim().to_owned());
            }
        }
    }
}

/// A mentor and a mentee who accepted the mentor's invite; returns both and the relationship id.
pub fn pair(server: &Server, title: &str) -> (Client, Client, String) {
    pair_of(server, "", title)
}

/// [`pair`], of people whose addresses end in `tag`, so that one server can hold many pairs.
pub fn pair_of(server: &Server, tag: &str, title: &str) -> (Client, Client, String) {
    let mentor = server.client();
    mentor.sign_up("Mira", &format!("mira{tag}@example.com"));
    let (id, token) = mentor.start_relationship("mentor", title);
    let mentee = server.client();
    mentee.sign_up("Menno", &format!("menno{tag}@example.com"));
    let reply = mentee.call(
        "respond_to_invite",
        json!({ "token": &token, "accept": true }),
    );
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(reply.body, serde_json::json!(id));
    (mentor, mentee, id)
}

pub const PASSWORD: &str = "correct horse battery";

// The sync protocol as the browser speaks it.

pub fn now_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
}

pub fn hlc(millis: u64, counter: u16, node: u64) -> String {
    format!("{millis:012x}-{counter:04x}-{node:016x}")
}

pub fn uuid(n: u128) -> String {
    format!(
        "{:08x}-0000-7000-8000-{:012x}",
        (n >> 48) as u32,
        n & 0xffff_ffff_ffff
    )
}

/// One mutation of any record kind, as the browser sends it.
#[allow(clippy::too_many_arguments)]
pub fn mutation_of(
    kind: &str,
    private: bool,
    id: u128,
    record: &str,
    relationship: &str,
    field: &str,
    value: Value,
    hlc: &str,
) -> Value {
    json!({
        "id": uuid(id), "record": record, "relationship": relationship, "kind": kind,
        "private": private, "field": field, "value": value, "hlc": hlc,
    })
}

/// Changes to one record of `kind`, each a `(field, value)`, stamped now by `node`.
pub fn record_changes(
    kind: &str,
    private: bool,
    record: &str,
    rel: &str,
    first: u128,
    fields: &[(&str, Value)],
) -> Vec<Value> {
    fields
        .iter()
        .enumerate()
        .map(|(n, (field, value))| {
            let at = hlc(now_millis(), n as u16, first as u64);
            mutation_of(
                kind,
                private,
                first + n as u128,
                record,
                rel,
                field,
                value.clone(),
                &at,
            )
        })
        .collect()
}

pub fn push(client: &Client, batch: Vec<Value>) -> Vec<Value> {
    let reply = client.call("push", json!({ "batch": batch }));
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    reply.body["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o[1].clone())
        .collect()
}

/// The changes of a pull's reply, one object per field changed, as a push sends them.
pub fn changes_of(reply: &Value) -> Vec<Value> {
    let records = reply["records"]
        .as_array()
        .expect("a pull's reply has records");
    records
        .iter()
        .flat_map(|r| {
            r["fields"].as_array().unwrap().iter().map(|f| {
                json!({
                    "record": r["record"], "relationship": r["relationship"], "kind": r["kind"],
                    "private": r["private"], "field": f[0], "value": f[1], "hlc": f[2],
                })
            })
        })
        .collect()
}

/// How far a device has read each relationship, kept as the app keeps it: a reply names only
/// the relationships it has changes of, each moved forward, never back.
pub struct Cursors(std::collections::BTreeMap<String, i64>);

impl Cursors {
    pub fn of(cursors: &Value) -> Self {
        let mut known = Self(Default::default());
        known.merge(cursors);
        known
    }

    pub fn merge(&mut self, cursors: &Value) {
        for c in cursors.as_array().unwrap() {
            let cursor = self.0.entry(c[0].as_str().unwrap().to_owned()).or_default();
            *cursor = (*cursor).max(c[1].as_i64().unwrap());
        }
    }

    pub fn json(&self) -> Value {
        json!(self.0.iter().collect::<Vec<_>>())
    }
}

/// Pulls until nothing more is waiting; returns the changes and the cursors.
pub fn pull_all(client: &Client, cursors: Value) -> (Vec<Value>, Value) {
    let mut known = Cursors::of(&cursors);
    let mut changes = Vec::new();
    loop {
        let reply = client.call("pull", json!({ "cursors": known.json() }));
        assert_eq!(reply.status, 200, "{:?}", reply.body);
        changes.extend(changes_of(&reply.body));
        known.merge(&reply.body["cursors"]);
        if !reply.body["more"].as_bool().unwrap() {
            return (changes, known.json());
        }
    }
}

/// The `p` quantile (0–1) of sorted durations, in milliseconds: a benchmark's figure.
pub fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[index].as_secs_f64() * 1000.0
}
