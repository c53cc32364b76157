//! Opens the embedded SQLite database and brings its schema up to date.

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::{
    path::{Path, PathBuf},
    str::FromStr,
    time::Duration,
};

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
    #[error("cannot read or create the key file {path}: {source}")]
    Key {
        path: String,
        source: std::io::Error,
    },
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
    /// The secret invite links are derived from, kept in a file beside the database file
    /// (`<database>.key`) so that a copy of the database alone holds no usable link.
    pub key: [u8; 32],
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
    let key = key_beside(options.get_filename())?;
    let readers = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options.read_only(true))
        .await?;
    Ok(Database {
        readers,
        writer,
        key,
    })
}

/// Reads the key file beside the database, or makes it (readable by this user only) on first
/// start. It is written whole under another name and then linked into place, so a crash or a
/// second server starting at the same moment never sees half a key. An in-memory database
/// gets a key that lives as long as it does.
fn key_beside(database: &Path) -> Result<[u8; 32], DbError> {
    use rand::RngCore;
    use std::io::Write;
    let mut key = [0u8; 32];
    let name = database.to_string_lossy();
    if name.is_empty() || name.contains(":memory:") || name.starts_with("file:sqlx-in-memory") {
        rand::rngs::OsRng.fill_bytes(&mut key);
        return Ok(key);
    }
    let path = PathBuf::from(format!("{name}.key"));
    let failed = |source| DbError::Key {
        path: path.display().to_string(),
        source,
    };
    if !path.exists() {
        let draft = PathBuf::from(format!("{name}.key.{}", std::process::id()));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        rand::rngs::OsRng.fill_bytes(&mut key);
        options
            .open(&draft)
            .and_then(|mut file| file.write_all(&key).and_then(|()| file.sync_all()))
            .map_err(failed)?;
        let linked = std::fs::hard_link(&draft, &path);
        let _ = std::fs::remove_file(&draft);
        match linked {
            Ok(()) => return Ok(key),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(failed(error)),
        }
    }
    let stored = std::fs::read(&path).map_err(failed)?;
    stored.try_into().map_err(|_| {
        failed(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "the key file must hold exactly 32 bytes",
        ))
    })
}

pub async fn ping(pool: &SqlitePool) -> bool {
    sqlx::query("SELECT 1").execute(pool).await.is_ok()
}
