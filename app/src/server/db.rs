//! Opens the database (embedded SQLite, or PostgreSQL) and brings its schema up to date.

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Postgres, Sqlite, SqlitePool, Transaction};
use std::{
    path::{Path, PathBuf},
    str::FromStr,
    time::Duration,
};

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported database URL: it must start with sqlite:// or postgres://")]
    Unsupported,
    #[error("cannot create the database folder {path}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("the server key stored in the database is not 32 bytes")]
    StoredKey,
    #[error("cannot read or create the key file {path}: {source}")]
    Key {
        path: String,
        source: std::io::Error,
    },
}

/// The same thing for either database: a pool, a transaction. Queries both databases agree on
/// are written once and compiled for each with [`on_db!`](crate::on_db).
#[derive(Clone)]
pub enum Backend<S, P> {
    Sqlite(S),
    Postgres(P),
}

pub type Pool = Backend<SqlitePool, PgPool>;
pub type Tx = Backend<Transaction<'static, Sqlite>, Transaction<'static, Postgres>>;

/// Runs `$body` with `$x` bound to what `$db` holds, for whichever database it is: the body is
/// written once and type-checked against each. Placeholders are `$1, $2, …`, which both read.
#[macro_export]
macro_rules! on_db {
    ($db:expr, |$x:ident| $body:expr) => {
        match $db {
            $crate::server::db::Backend::Sqlite($x) => $body,
            $crate::server::db::Backend::Postgres($x) => $body,
        }
    };
}

impl Pool {
    /// A transaction that may write.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Self::Sqlite(pool) => Backend::Sqlite(pool.begin().await?),
            Self::Postgres(pool) => Backend::Postgres(pool.begin().await?),
        })
    }

    /// A transaction that holds the right to hand out change versions until it ends, so that
    /// versions become visible in the order they were handed out: a pull reading "after N"
    /// never misses a change committed later under a smaller number. SQLite takes its one write
    /// lock at once; PostgreSQL locks the row of the last version handed out.
    pub async fn begin_versions(&self) -> Result<(Tx, i64), sqlx::Error> {
        const LAST: &str = "SELECT version FROM sync_state WHERE id = 1";
        Ok(match self {
            Self::Sqlite(pool) => {
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                let (version,) = sqlx::query_as(LAST).fetch_one(&mut *tx).await?;
                (Backend::Sqlite(tx), version)
            }
            Self::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                sqlx::query(POSTGRES_LOCK_TIMEOUT).execute(&mut *tx).await?;
                let (version,) = sqlx::query_as(&format!("{LAST} FOR UPDATE"))
                    .fetch_one(&mut *tx)
                    .await?;
                (Backend::Postgres(tx), version)
            }
        })
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> bool {
        on_db!(self, |pool| sqlx::query("SELECT 1")
            .execute(pool)
            .await
            .is_ok())
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        on_db!(self, |tx| tx.commit().await)
    }
}

/// The database, as two pools: readers and writers. On SQLite, readers run side by side (WAL)
/// and there is one writer: writes wait their turn in the writer pool's queue, first come first
/// served, rather than in SQLite's busy handler, which sleeps and retries and under load
/// answered "database is locked" to valid work. On PostgreSQL both are pools of several.
#[derive(Clone)]
pub struct Database {
    /// Read-only connections on SQLite: a write sent here by mistake fails at once.
    /// PostgreSQL's are not read-only, but are only given reads.
    pub readers: Pool,
    /// Every write goes through these.
    pub writer: Pool,
    /// The secret invite links are derived from: in a file beside an SQLite database
    /// (`<database>.key`), so that a copy of the database alone holds no usable link; in the
    /// database on PostgreSQL, where every server sharing it must derive the same links.
    pub key: [u8; 32],
}

/// How long a write waits for its turn before the caller is asked to try again.
const WRITE_QUEUE_LIMIT: Duration = Duration::from_secs(10);
/// Connections one server holds to PostgreSQL, which has to serve every server: writes have
/// their own, so that writes waiting their turn never keep reads (and `/healthz`) waiting.
const POSTGRES_READERS: u32 = 12;
const POSTGRES_WRITERS: u32 = 8;
/// How long a PostgreSQL write waits for a lock before the caller is asked to try again.
const POSTGRES_LOCK_TIMEOUT: &str = "SET LOCAL lock_timeout = '10s'";

/// Connects (creating an SQLite file and its folder on first start) and applies pending
/// migrations, which are per database.
pub async fn connect(url: &str) -> Result<Database, DbError> {
    if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        connect_postgres(url).await
    } else if url.starts_with("sqlite:") {
        connect_sqlite(url).await
    } else {
        Err(DbError::Unsupported)
    }
}

async fn connect_postgres(url: &str) -> Result<Database, DbError> {
    let pool = PgPoolOptions::new()
        .max_connections(POSTGRES_WRITERS)
        .acquire_timeout(WRITE_QUEUE_LIMIT)
        .connect(url)
        .await?;
    // Servers starting together take turns: the migrator holds an advisory lock.
    sqlx::migrate!("./migrations/postgres").run(&pool).await?;
    let mut key = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut key);
    sqlx::query("INSERT INTO server_key (id, key) VALUES (1, $1) ON CONFLICT DO NOTHING")
        .bind(key.as_slice())
        .execute(&pool)
        .await?;
    let (stored,): (Vec<u8>,) = sqlx::query_as("SELECT key FROM server_key WHERE id = 1")
        .fetch_one(&pool)
        .await?;
    let key = stored.try_into().map_err(|_| DbError::StoredKey)?;
    let readers = PgPoolOptions::new()
        .max_connections(POSTGRES_READERS)
        .connect(url)
        .await?;
    Ok(Database {
        readers: Backend::Postgres(readers),
        writer: Backend::Postgres(pool),
        key,
    })
}

async fn connect_sqlite(url: &str) -> Result<Database, DbError> {
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
    sqlx::migrate!("./migrations/sqlite").run(&writer).await?;
    let key = key_beside(options.get_filename())?;
    let readers = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options.read_only(true))
        .await?;
    Ok(Database {
        readers: Backend::Sqlite(readers),
        writer: Backend::Sqlite(writer),
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
