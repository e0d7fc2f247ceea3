use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

use crate::{Result, StoreError};

/// The database, on either backend.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Pg(PgPool),
}

impl Db {
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
    pub fn sqlite_file(dir: &Path) -> std::path::PathBuf {
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
            // A first start loads large statistics in one transaction while the
            // server already answers; writers wait for it rather than fail.
            .busy_timeout(Duration::from_secs(60));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        Ok(Db::Sqlite(pool))
    }

    /// Connects to a `postgres://` or `sqlite:` URL.
    pub async fn connect(url: &str) -> Result<Db> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options =
                PgConnectOptions::from_str(url).map_err(|e| StoreError::Url(e.to_string()))?;
            Self::connect_pg(options).await
        } else if let Some(path) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            Self::open_sqlite(Path::new(path)).await
        } else {
            Err(StoreError::Url(format!(
                "`{}` is neither postgres://… nor sqlite:…",
                url.split('@').next_back().unwrap_or_default()
            )))
        }
    }

    pub async fn connect_pg(options: PgConnectOptions) -> Result<Db> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        Ok(Db::Pg(pool))
    }

    pub async fn migrate(&self) -> Result<()> {
        match self {
            Db::Sqlite(p) => sqlx::migrate!("migrations/sqlite").run(p).await?,
            Db::Pg(p) => sqlx::migrate!("migrations/postgres").run(p).await?,
        }
        Ok(())
    }

    /// Answers when the database does.
    pub async fn ping(&self) -> Result<()> {
        crate::on!(self, p => sqlx::query("SELECT 1").execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub fn backend(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Pg(_) => "postgres",
        }
    }

    pub async fn close(&self) {
        crate::on!(self, p => p.close().await)
    }
}
