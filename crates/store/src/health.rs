//! Is the database intact? SQLite's `PRAGMA quick_check` reads every page and checks the
//! b-trees; on PostgreSQL the server checks its own pages, so answering is enough.

use std::time::{Duration, Instant};

use tokio::sync::Mutex;

use crate::db::Backend;
use crate::{Db, Result, StoreError};

/// How long a health answer is reused: a monitor polling often costs one check per period.
const HEALTH_TTL: Duration = Duration::from_secs(5);

/// Tables left out of the frequent check. The statistics' figures fill nearly the whole
/// file (57 099 of 57 195 pages with the shipped statistics) and a full check of that
/// takes about a second; they are checked at start, and can be imported again.
const BULKY: [&str; 1] = ["observations"];

/// The last health answer, shared by the clones of a [`Db`].
#[derive(Debug, Default)]
pub(crate) struct HealthCache(Mutex<Option<(Instant, Result<(), String>)>>);

impl Db {
    /// `PRAGMA quick_check` of the whole SQLite database: every page of every table and
    /// index. A damaged file is [`StoreError::Corrupt`], naming the file.
    pub async fn check_integrity(&self) -> Result<()> {
        self.quick_check(&[]).await
    }

    /// Answers quickly whether the database answers and, on SQLite, whether every table
    /// but the statistics' figures is intact. One check runs at a time, and its answer is
    /// reused for a few seconds by everyone who asks.
    pub async fn check_health(&self) -> Result<()> {
        let mut last = self.health().0.lock().await;
        if let Some((at, answer)) = last.as_ref() {
            if at.elapsed() < HEALTH_TTL {
                return answer.clone().map_err(StoreError::Unhealthy);
            }
        }
        let answer = self.quick_check(&BULKY).await.map_err(|e| e.to_string());
        *last = Some((Instant::now(), answer.clone()));
        answer.map_err(StoreError::Unhealthy)
    }

    async fn quick_check(&self, except: &[&str]) -> Result<()> {
        let Backend::Sqlite(pool) = self.pool() else {
            return self.ping().await;
        };
        let problems = match checked(pool, except).await {
            Ok(problems) => problems,
            Err(sqlx::Error::Database(e)) if is_corrupt(e.code().as_deref()) => {
                vec![e.message().to_string()]
            }
            Err(e) => return Err(e.into()),
        };
        if problems.is_empty() {
            return Ok(());
        }
        let (_, _, file): (i64, String, String) = sqlx::query_as("PRAGMA database_list")
            .fetch_one(pool)
            .await?;
        Err(StoreError::Corrupt {
            file,
            problems: problems.join("; "),
        })
    }
}

/// What `quick_check` found wrong; empty when all is well.
async fn checked(pool: &sqlx::SqlitePool, except: &[&str]) -> sqlx::Result<Vec<String>> {
    let mut conn = pool.acquire().await?;
    let statements = if except.is_empty() {
        vec!["PRAGMA quick_check".to_string()]
    } else {
        let tables: Vec<(String,)> =
            sqlx::query_as("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
                .fetch_all(&mut *conn)
                .await?;
        tables
            .into_iter()
            .filter(|(t,)| !except.contains(&t.as_str()))
            // Names come from the schema itself; quoted all the same.
            .map(|(t,)| format!("PRAGMA quick_check(\"{}\")", t.replace('"', "\"\"")))
            .collect()
    };
    let mut problems = Vec::new();
    for sql in statements {
        let rows: Vec<(String,)> = sqlx::query_as(&sql).fetch_all(&mut *conn).await?;
        problems.extend(rows.into_iter().map(|(r,)| r).filter(|r| r != "ok"));
    }
    Ok(problems)
}

/// SQLITE_CORRUPT and SQLITE_NOTADB, with their extended codes.
fn is_corrupt(code: Option<&str>) -> bool {
    code.and_then(|c| c.parse::<i32>().ok())
        .is_some_and(|c| matches!(c & 0xff, 11 | 26))
}
