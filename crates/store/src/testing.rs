//! Fresh databases for tests, on both backends. PostgreSQL tests run when
//! `BULYST_TEST_POSTGRES_URL` names a server; each database is a new schema.

use std::path::Path;
use std::str::FromStr;

use sqlx::postgres::PgConnectOptions;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::Connection;

use crate::{Db, Result, StoreError};

pub const POSTGRES_URL_VAR: &str = "BULYST_TEST_POSTGRES_URL";

pub fn postgres_url() -> Option<String> {
    std::env::var(POSTGRES_URL_VAR)
        .ok()
        .filter(|u| !u.is_empty())
}

/// A migrated SQLite database in `dir`.
pub async fn sqlite(dir: &Path) -> Result<Db> {
    Db::open_migrated(dir, None).await
}

/// A migrated PostgreSQL database in a schema of its own.
pub async fn postgres(url: &str) -> Result<Db> {
    let db = Db::connect_pg(postgres_schema(url).await?).await?;
    db.migrate().await?;
    Ok(db)
}

/// Connection options for a new, empty schema of its own on the server `url` names.
pub async fn postgres_schema(url: &str) -> Result<PgConnectOptions> {
    let options = PgConnectOptions::from_str(url).map_err(|e| StoreError::Url(e.to_string()))?;
    // Unique across concurrent tests and processes.
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let schema = format!("bulyst_test_{}_{nanos}_{n}", std::process::id());
    let mut conn = sqlx::PgConnection::connect_with(&options).await?;
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    Ok(options.options([("search_path", schema.as_str())]))
}

/// Overwrites the start of `table`'s first page in the SQLite database `file`, which no
/// one may have open, with bytes no b-tree page starts with, as a failing disk might.
/// Panics if the file cannot be written.
pub async fn damage_sqlite_table(file: &Path, table: &str) -> Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    let options = SqliteConnectOptions::new().filename(file);
    let mut conn = sqlx::SqliteConnection::connect_with(&options).await?;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await?;
    let (root,): (i64,) = sqlx::query_as("SELECT rootpage FROM sqlite_schema WHERE name = $1")
        .bind(table)
        .fetch_one(&mut conn)
        .await?;
    let (page_size,): (i64,) = sqlx::query_as("PRAGMA page_size")
        .fetch_one(&mut conn)
        .await?;
    conn.close().await?;
    let mut f = std::fs::OpenOptions::new().write(true).open(file).unwrap();
    f.seek(SeekFrom::Start(((root - 1) * page_size) as u64))
        .unwrap();
    f.write_all(&[0xA5; 64]).unwrap();
    f.sync_all().unwrap();
    Ok(())
}
