use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, Postgres, Sqlite, SqlitePool, Transaction};

use crate::health::HealthCache;
use crate::journal::AuditJournal;
use crate::{Result, StoreError};

/// How long a writer waits for its turn, and (on SQLite) for another process's writer.
/// A first start loads large statistics in one transaction while the server already
/// answers; writers wait for it rather than fail.
const WRITER_PATIENCE: Duration = Duration::from_secs(60);

/// The database, on either backend. Cheap to clone: clones share the pools and the audit
/// journal.
#[derive(Clone, Debug)]
pub struct Db {
    /// Reads, and writes of single statements.
    pool: Backend,
    /// Writing transactions: on SQLite a pool of one connection, so that writers in this
    /// process queue in order instead of meeting in SQLite's busy handler; on PostgreSQL
    /// the same pool as `pool`.
    writer: Backend,
    journal: Arc<AuditJournal>,
    health: Arc<HealthCache>,
}

/// The SQLite file a `sqlite:` URL names, `None` for a PostgreSQL URL.
fn sqlite_path(url: &str) -> Result<Option<PathBuf>> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(None)
    } else if let Some(path) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        Ok(Some(PathBuf::from(path)))
    } else {
        Err(StoreError::Url(format!(
            "`{}` is neither postgres://… nor sqlite:…",
            url.split('@').next_back().unwrap_or_default()
        )))
    }
}

/// Waits for an exclusive lock on `<database>.lock`; dropping the file releases it, and
/// so does the end of the process, however it ends.
async fn lock_beside(database: &Path) -> Result<std::fs::File> {
    let mut name = database.as_os_str().to_owned();
    name.push(".lock");
    let path = PathBuf::from(name);
    let locking = path.clone();
    tokio::task::spawn_blocking(move || {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&locking)?;
        file.lock()?;
        Ok::<_, std::io::Error>(file)
    })
    .await
    .map_err(|e| StoreError::Url(format!("cannot lock {}: {e}", path.display())))?
    .map_err(|e| StoreError::Url(format!("cannot lock {}: {e}", path.display())))
}

/// A connection pool of one backend; what [`on!`](crate::on) binds.
#[derive(Clone, Debug)]
pub enum Backend {
    Sqlite(SqlitePool),
    Pg(PgPool),
}

/// The pool writing transactions begin on, as bound by `on_writer!`.
pub(crate) struct WritePool<'a, DB: sqlx::Database>(pub(crate) &'a sqlx::Pool<DB>);

impl WritePool<'_, Sqlite> {
    /// A transaction that holds SQLite's write lock from its first statement, so it is
    /// never refused the upgrade from reader to writer halfway through. Writers of this
    /// process take turns on the pool's single connection (sqlx hands connections out
    /// first come, first served); other processes are waited for by the busy timeout.
    pub(crate) async fn begin(&self) -> Result<Transaction<'static, Sqlite>, sqlx::Error> {
        self.0.begin_with("BEGIN IMMEDIATE").await
    }
}

impl WritePool<'_, Postgres> {
    pub(crate) async fn begin(&self) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
        self.0.begin().await
    }
}

impl Db {
    fn new(pool: Backend, writer: Backend) -> Db {
        let journal = Arc::new(AuditJournal::start(writer.clone()));
        Db {
            pool,
            writer,
            journal,
            health: Arc::default(),
        }
    }

    /// Opens (creating if needed) the SQLite database in `dir`.
    pub async fn open_dir(dir: &Path) -> Result<Db> {
        std::fs::create_dir_all(dir).map_err(|e| {
            StoreError::Url(format!(
                "cannot create the data directory {}: {e}",
                dir.display()
            ))
        })?;
        Self::open_sqlite(&Self::sqlite_file(dir)).await
    }

    /// The SQLite database file in the data directory `dir`.
    pub fn sqlite_file(dir: &Path) -> PathBuf {
        dir.join("bulyst.sqlite3")
    }

    pub async fn open_sqlite(path: &Path) -> Result<Db> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a write acknowledged to a user survives a power cut, not only a crash.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            // Deleted content is overwritten with zeros, so an erased newcomer leaves no
            // bytes behind in the file once the WAL is checkpointed.
            .pragma("secure_delete", "ON")
            // For writers in other processes (the CLI, a second server).
            .busy_timeout(WRITER_PATIENCE);
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options.clone())
            .await?;
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(WRITER_PATIENCE)
            .connect_with(options)
            .await?;
        Ok(Db::new(Backend::Sqlite(pool), Backend::Sqlite(writer)))
    }

    /// Connects to a `postgres://` or `sqlite:` URL.
    pub async fn connect(url: &str) -> Result<Db> {
        match sqlite_path(url)? {
            Some(path) => Self::open_sqlite(&path).await,
            None => {
                let options =
                    PgConnectOptions::from_str(url).map_err(|e| StoreError::Url(e.to_string()))?;
                Self::connect_pg(options).await
            }
        }
    }

    /// Opens the database `url` names, or else the SQLite database in `data_dir`, and
    /// brings its schema up to date. Two servers started together on a new database must
    /// not both create it and run the same migrations: on SQLite an exclusive lock on a
    /// file beside the database is held meanwhile (SQLite's own locks guard single
    /// statements, not a migration run); PostgreSQL's migrator takes an advisory lock.
    pub async fn open_migrated(data_dir: &Path, url: Option<&str>) -> Result<Db> {
        let sqlite = match url {
            Some(url) => sqlite_path(url)?,
            None => {
                std::fs::create_dir_all(data_dir).map_err(|e| {
                    StoreError::Url(format!(
                        "cannot create the data directory {}: {e}",
                        data_dir.display()
                    ))
                })?;
                Some(Self::sqlite_file(data_dir))
            }
        };
        let Some(file) = sqlite else {
            let db = Self::connect(url.unwrap_or_default()).await?;
            db.migrate().await?;
            return Ok(db);
        };
        let _lock = lock_beside(&file).await?;
        let db = Self::open_sqlite(&file).await?;
        db.migrate().await?;
        Ok(db)
    }

    pub async fn connect_pg(options: PgConnectOptions) -> Result<Db> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        Ok(Db::new(Backend::Pg(pool.clone()), Backend::Pg(pool)))
    }

    pub async fn migrate(&self) -> Result<()> {
        match &self.pool {
            Backend::Sqlite(p) => sqlx::migrate!("migrations/sqlite").run(p).await?,
            Backend::Pg(p) => sqlx::migrate!("migrations/postgres").run(p).await?,
        }
        Ok(())
    }

    /// Answers when the database does.
    pub async fn ping(&self) -> Result<()> {
        crate::on!(self, p => sqlx::query("SELECT 1").execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub fn backend(&self) -> &'static str {
        match self.pool {
            Backend::Sqlite(_) => "sqlite",
            Backend::Pg(_) => "postgres",
        }
    }

    /// The pool reads run on; see [`on!`](crate::on).
    pub fn pool(&self) -> &Backend {
        &self.pool
    }

    /// The pool writing transactions begin on; see `on_writer!`.
    pub(crate) fn writer(&self) -> &Backend {
        &self.writer
    }

    pub(crate) fn journal(&self) -> &AuditJournal {
        &self.journal
    }

    pub(crate) fn health(&self) -> &HealthCache {
        &self.health
    }

    /// The SQLite pool, for tests and tools that need SQLite's own statements.
    pub fn sqlite_pool(&self) -> Option<&SqlitePool> {
        match &self.pool {
            Backend::Sqlite(p) => Some(p),
            Backend::Pg(_) => None,
        }
    }

    /// The PostgreSQL pool, for tests and tools that need PostgreSQL's own statements.
    pub fn pg_pool(&self) -> Option<&PgPool> {
        match &self.pool {
            Backend::Pg(p) => Some(p),
            Backend::Sqlite(_) => None,
        }
    }

    pub async fn close(&self) {
        crate::on!(self, p => p.close().await);
        if let Backend::Sqlite(w) = &self.writer {
            w.close().await;
        }
    }
}
