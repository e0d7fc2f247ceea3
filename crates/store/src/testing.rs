//! Fresh databases for tests, on both backends. PostgreSQL tests run when
//! `BULYST_TEST_POSTGRES_URL` names a server; each database is a new schema.

use std::path::Path;
use std::str::FromStr;

use sqlx::postgres::PgConnectOptions;
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
    let db = Db::open_dir(dir).await?;
    db.migrate().await?;
    Ok(db)
}

/// A migrated PostgreSQL database in a schema of its own.
pub async fn postgres(url: &str) -> Result<Db> {
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
    let db = Db::connect_pg(options.options([("search_path", schema.as_str())])).await?;
    db.migrate().await?;
    Ok(db)
}
