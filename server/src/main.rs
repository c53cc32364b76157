//! The Tandem server: configuration, database, routes, and serving until told to stop.

mod config;
mod guard;
mod listen;
mod pwa;
mod turns;
mod viewer;

use app::{
    server::{headers, ServerContext, Settings},
    shell, App,
};
use axum::{
    extract::{FromRef, MatchedPath, State},
    http::{header, HeaderValue, StatusCode},
    middleware::{self, Next},
    response::IntoResponse,
    routing::{get, post},
    Json, Router,
};
use clap::Parser;
use config::Config;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::sync::Arc;
use tower_http::{
    compression::CompressionLayer,
    services::ServeDir,
    set_header::SetResponseHeaderLayer,
    trace::{DefaultOnResponse, TraceLayer},
};
use tracing::Level;

#[derive(Clone, FromRef)]
struct AppState {
    leptos_options: LeptosOptions,
    ctx: ServerContext,
}

/// glibc raises its threshold for mapping large blocks after the first one is freed, and from
/// then on keeps every freed 19 MiB password-hashing buffer in its arenas: a burst of 64
/// sign-ups left 0.65 GiB resident. A fixed threshold gives them back to the system.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn give_large_blocks_back() {
    // SAFETY: mallopt only changes a tuning parameter of the allocator, before any thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

fn main() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    give_large_blocks_back();
    serve();
}

#[tokio::main]
async fn serve() {
    let config = Config::parse();
    // Colour codes only help a person at a terminal; in a file or a log collector they are noise.
    tracing_subscriber::fmt()
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_new(&config.log)
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    if let Err(error) = run(config).await {
        tracing::error!("{error}");
        std::process::exit(1);
    }
}

async fn run(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let leptos_options = config.leptos_options()?;
    let bind = config.bind.unwrap_or(leptos_options.site_addr);
    let base_url = config
        .base_url
        .clone()
        .unwrap_or_else(|| format!("http://{bind}"));
    let db = app::server::db::connect(&config.database_url).await?;
    let settings = Settings {
        base_url: base_url.clone(),
        trusted_proxies: config.trusted_proxy.clone(),
        sign_ups_per_hour: config.sign_ups_per_hour,
        relationship_bytes: config.relationship_bytes.into(),
        max_connections: listen::connections_that_fit(config.max_connections),
    };
    let max_connections = settings.max_connections;
    let state = AppState {
        leptos_options: leptos_options.clone(),
        ctx: ServerContext::new(db, settings).await?,
    };

    let hints = state.ctx.hints.clone();
    let app = router(state);
    let listener = tokio::net::TcpListener::bind(bind).await?;
    tracing::info!(address = %listener.local_addr()?, %base_url, "Tandem is listening");
    listen::serve(
        listener,
        app,
        max_connections,
        std::time::Duration::from_secs(config.header_timeout),
        async move {
            shutdown_signal().await;
            hints.close_all();
        },
    )
    .await;
    tracing::info!("stopped");
    Ok(())
}

fn router(state: AppState) -> Router {
    let options = state.leptos_options.clone();
    let routes = generate_route_list(App);
    let context = {
        let ctx = state.ctx.clone();
        move || provide_context(ctx.clone())
    };
    // Hashed file names change with their content, so they can be cached for good.
    let pkg_cache = if options.hash_files {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let worker = pwa::service_worker(&options);
    let pkg = Router::new()
        .fallback_service(ServeDir::new(format!(
            "{}/{}",
            options.site_root, options.site_pkg_dir
        )))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static(pkg_cache),
        ));

    let https = state.ctx.secure_cookies();
    let guard = guard::Guard::new(&state.ctx.base_url, &app::form_endpoints());
    let served = Router::new()
        .route("/healthz", get(healthz))
        .route("/api/events", get(app::server::hints::events))
        .route("/api/import", post(app::export::server::import))
        .route(
            "/calendar/relationship/{id}",
            get(app::calendar::server::feeds::download),
        )
        .route(
            "/calendar/{file}",
            get(app::calendar::server::feeds::subscribed),
        )
        .route(
            "/sw.js",
            get(move || async move {
                (
                    [
                        (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                        // Browsers must see a new worker as soon as it is deployed.
                        (header::CACHE_CONTROL, "no-cache"),
                    ],
                    worker,
                )
            }),
        )
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .nest(&format!("/{}", options.site_pkg_dir), pkg)
        .route_layer(middleware::from_fn(record_route))
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(middleware::from_fn_with_state(
            state.ctx.clone(),
            viewer::mark_pages,
        ))
        .layer(middleware::from_fn_with_state(
            (state.ctx.clone(), Arc::new(turns::Turns::default())),
            turns::take_turns,
        ))
        .layer(middleware::from_fn_with_state(guard, guard::same_site_only))
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(state);
    with_security_headers(served, https)
}

/// Pages set their own policy, with the nonce of their inline scripts; everything else (files,
/// server functions, the worker) gets the same policy without one.
fn with_security_headers(mut routes: Router, https: bool) -> Router {
    for (name, value) in headers::always(https) {
        routes = routes.layer(SetResponseHeaderLayer::overriding(name, value));
    }
    let policy = headers::content_security_policy(None);
    routes.layer(SetResponseHeaderLayer::if_not_present(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_str(&policy).expect("the policy is plain ASCII"),
    ))
}

/// The request's log line: method and the route it matched, never the path or query itself. A
/// path can hold a secret (an invite link) and a query what a person typed (a form sent before
/// the app loaded). The route is only known once the router has matched it: `record_route` fills it in.
fn request_span(request: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    tracing::info_span!(
        "request",
        method = %request.method(),
        route = tracing::field::Empty
    )
}

async fn record_route(
    route: Option<MatchedPath>,
    request: axum::extract::Request,
    next: Next,
) -> axum::response::Response {
    let route = route.as_ref().map_or("(no route)", MatchedPath::as_str);
    tracing::Span::current().record("route", route);
    next.run(request).await
}

/// Reports whether the database answers, for load balancers and monitoring.
async fn healthz(State(ctx): State<ServerContext>) -> impl IntoResponse {
    if ctx.pool.ping().await {
        (
            StatusCode::OK,
            Json(serde_json::json!({ "status": "ok", "database": "ok" })),
        )
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({ "status": "degraded", "database": "unreachable" })),
        )
    }
}

/// Ctrl-C or SIGTERM: stop accepting, let in-flight requests finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}
