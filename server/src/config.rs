//! Command-line flags and environment variables, and the Leptos options derived from them.

use clap::Parser;
use leptos::prelude::LeptosOptions;
use std::net::{IpAddr, SocketAddr};

#[derive(Debug, Parser)]
#[command(
    name = "tandem",
    about = "Tandem: a mentoring app for a mentor and a mentee"
)]
pub struct Config {
    /// Address to listen on [default: the Leptos site address, 127.0.0.1:3000]
    #[arg(long, env = "TANDEM_BIND")]
    pub bind: Option<SocketAddr>,

    /// Database to use; SQLite files are created on first start
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/tandem.db",
        hide_env_values = true
    )]
    pub database_url: String,

    /// Log filter, e.g. "info" or "tandem=debug,tower_http=info"
    #[arg(long, env = "TANDEM_LOG", default_value = "info")]
    pub log: String,

    /// Public URL of the app, used in invite links; https makes cookies Secure [default: http://<bind>]
    #[arg(long, env = "TANDEM_BASE_URL")]
    pub base_url: Option<String>,

    /// Address of a reverse proxy in front of the app, whose X-Forwarded-For names the client;
    /// repeat for several. Without it, X-Forwarded-For is ignored
    #[arg(long, env = "TANDEM_TRUSTED_PROXY", value_delimiter = ',')]
    pub trusted_proxy: Vec<IpAddr>,

    /// Accounts one client address may create per hour
    #[arg(long, env = "TANDEM_SIGN_UPS_PER_HOUR", default_value_t = 20)]
    pub sign_ups_per_hour: u32,

    /// Connections open at once, at most; fewer when the process may not open that many files.
    /// Streams of hints take up to three quarters of them
    #[arg(long, env = "TANDEM_MAX_CONNECTIONS", default_value_t = 16_384)]
    pub max_connections: usize,

    /// Bytes each person's records may take in one relationship (their values, and 64 a field
    /// for its name, stamp and ids); a change that would pass it is refused, one that shortens
    /// a text or deletes is not
    #[arg(long, env = "TANDEM_RELATIONSHIP_BYTES", default_value_t = 1024 * 1024)]
    pub relationship_bytes: u32,

    /// Seconds a client has to send a request's header before its connection is closed
    #[arg(long, env = "TANDEM_HEADER_TIMEOUT", default_value_t = 10)]
    pub header_timeout: u64,
}

impl Config {
    /// Leptos reads its options from the environment cargo-leptos sets; when the
    /// binary is started directly, the defaults below match the workspace metadata.
    pub fn leptos_options(&self) -> Result<LeptosOptions, Box<dyn std::error::Error>> {
        let mut options = leptos::config::get_configuration(None)?.leptos_options;
        if options.output_name.is_empty() {
            options.output_name = "tandem".into();
        }
        let beside_binary = std::env::current_exe()?
            .parent()
            .map(|dir| dir.join(options.hash_file.as_ref()).exists())
            .unwrap_or(false);
        options.hash_files = options.hash_files || beside_binary;
        Ok(options)
    }
}
