//! Opens the embedded SQLite database and brings its schema up to date.

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::{path::Path, str::FromStr, time::Duration};

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported database URL {0:?}: only sqlite:// is supported so far")]
    Unsupported(String),
    #[error("cannot create the database folder {path}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// The database, as two pools: readers, which SQLite's WAL lets run side by side, and the one
/// writer. Writers wait their turn in the writer pool's queue, first come first served, rather
/// than in SQLite's busy handler, which sleeps and retries and under load answered "database
/// is locked" to valid work.
#[derive(Clone)]
pub struct Database {
    /// Read-only connections: a write sent here by mistake fails at once.
    pub readers: SqlitePool,
    /// The single connection every write goes through.
    pub writer: SqlitePool,
}

/// How long a write waits for its turn before the caller is asked to try again.
const WRITE_QUEUE_LIMIT: Duration = Duration::from_secs(10);

/// Connects (creating the file and its folder on first start) and applies pending migrations.
pub async fn connect(url: &str) -> Result<Database, DbError> {
    if !url.starts_with("sqlite:") {
        return Err(DbError::Unsupported(url.to_owned()));
    }
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .foreign_keys(true)
        .journal_mode(SqliteJournalMode::Wal)
        // An acknowledged change is one a device forgets: it must survive a power cut too.
        .synchronous(SqliteSynchronous::Full)
        .busy_timeout(Duration::from_secs(5));
    if let Some(folder) = Path::new(options.get_filename()).parent() {
        if !folder.as_os_str().is_empty() {
            std::fs::create_dir_all(folder).map_err(|source| DbError::Folder {
                path: folder.display().to_string(),
                source,
            })?;
        }
    }
    let writer = SqlitePoolOptions::new()
        .max_connections(1)
        .acquire_timeout(WRITE_QUEUE_LIMIT)
        .connect_with(options.clone())
        .await?;
    sqlx::migrate!("./migrations").run(&writer).await?;
    let readers = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options.read_only(true))
        .await?;
    Ok(Database { readers, writer })
}

pub async fn ping(pool: &SqlitePool) -> bool {
    sqlx::query("SELECT 1").execute(pool).await.is_ok()
}
