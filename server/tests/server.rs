//! The server as an operator sees it: health, compression, pages, shutdown.

mod common;

use common::Server;

#[test]
fn healthz_reports_the_database() {
    let server = Server::start();
    let response = server.client().get("/healthz");
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.into_json().unwrap();
    assert_eq!(
        body,
        serde_json::json!({ "status": "ok", "database": "ok" })
    );
}

#[test]
fn pages_are_rendered_on_the_server_in_the_asked_language_and_compressed() {
    let server = Server::start();
    let agent = ureq::AgentBuilder::new().build();
    let page = |lang: &str, encoding: &str| {
        agent
            .get(&format!("{}/", server.base))
            .set("Accept-Language", lang)
            .set("Accept-Encoding", encoding)
            .call()
            .unwrap()
    };
    let english = page("en-GB,en;q=0.9", "identity").into_string().unwrap();
    assert!(
        english.contains("<html lang=\"en\""),
        "{}",
        &english[..200.min(english.len())]
    );
    assert!(english.contains("Mentoring that keeps its promises"));
    let dutch = page("nl-NL,nl;q=0.9", "identity").into_string().unwrap();
    assert!(dutch.contains("<html lang=\"nl\""));
    assert!(dutch.contains("Mentoring dat zijn afspraken nakomt"));
    assert_eq!(page("en", "br").header("content-encoding"), Some("br"));
    assert_eq!(page("en", "gzip").header("content-encoding"), Some("gzip"));
}

#[test]
fn the_language_cookie_beats_the_browser_language() {
    let server = Server::start();
    let html = ureq::get(&format!("{}/", server.base))
        .set("Accept-Language", "en")
        .set("Cookie", "tandem_lang=nl")
        .call()
        .unwrap()
        .into_string()
        .unwrap();
    assert!(html.contains("Mentoring dat zijn afspraken nakomt"));
}

#[test]
fn an_unknown_page_is_a_404() {
    let server = Server::start();
    assert_eq!(server.client().get("/no/such/page").status(), 404);
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    let server = Server::start();
    assert!(server.terminate().success());
}
