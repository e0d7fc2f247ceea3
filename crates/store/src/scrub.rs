//! What an erasure must do after its transaction commits. The erasure is done when it
//! commits: from then on no query, export or later backup holds the person, and that is
//! what the user is told. But a committed DELETE leaves the bytes in the database's files: on SQLite in
//! the `-wal` file until a checkpoint copies the pages back (where `secure_delete` zeroes
//! them) and the log is truncated; on PostgreSQL as dead tuples in the table's, its
//! TOAST table's and its indexes' pages. A plain VACUUM frees those tuples but does not
//! overwrite them when they sit at the edge of a page's free space, so the tables are
//! rewritten with VACUUM FULL. Like any vacuum it keeps the rows that a transaction begun
//! before the erasure may still see: one reading this database, or one writing to any
//! database of the server (its transaction id holds back every snapshot's horizon), so
//! the scrub is repeated until none was running. Neither can run inside a transaction.

use std::time::Duration;

use sqlx::Executor;
use time::OffsetDateTime;

use crate::{Backend, Db, Result, StoreError};

/// Attempts before giving up, the pause doubling from [`FIRST_PAUSE`]: about 6 s in all.
/// A long reader (SQLite) or an older transaction (PostgreSQL) blocks a scrub; the
/// application's last milliseconds, a statistics import or a backup seconds or more.
const ATTEMPTS: u32 = 7;
/// How long one attempt waits for readers or for the table lock. Kept short so that an
/// erasure answers promptly, and so that on PostgreSQL the queue behind VACUUM FULL's
/// exclusive lock stays short.
const WAIT_MS: u32 = 1_000;
const FIRST_PAUSE: Duration = Duration::from_millis(100);

impl Db {
    /// Removes from the database's files what the erasure just committed left of `tables`'
    /// deleted rows. Never fails: the erasure is done and stays done whatever happens
    /// here. If the files stay in use through every attempt, a warning naming only the
    /// tables is logged and the bytes remain until the next successful scrub (on SQLite
    /// any later erasure's, on PostgreSQL the next of the same tables), or until new
    /// writes happen to overwrite them.
    pub(crate) async fn scrub(&self, tables: &[&'static str]) {
        // By the server's clock: transactions begun before now may see the erased rows.
        let now = match self.pool() {
            Backend::Pg(pool) => sqlx::query_as::<_, (OffsetDateTime,)>("SELECT clock_timestamp()")
                .fetch_one(pool)
                .await
                .ok()
                .map(|(t,)| t),
            Backend::Sqlite(_) => None,
        };
        let mut pause = FIRST_PAUSE;
        for attempt in 1..=ATTEMPTS {
            match self.scrub_once(tables, now).await {
                Ok(()) => return,
                Err(e) if attempt < ATTEMPTS => {
                    tracing::debug!(?tables, attempt, error = %e, "scrub after erasure postponed");
                    tokio::time::sleep(pause).await;
                    pause *= 2;
                }
                Err(e) => tracing::warn!(
                    ?tables,
                    error = %e,
                    "erased rows' bytes remain in the database files until the next scrub"
                ),
            }
        }
    }

    async fn scrub_once(&self, tables: &[&'static str], now: Option<OffsetDateTime>) -> Result<()> {
        match self.pool() {
            Backend::Sqlite(pool) => {
                let mut conn = pool.acquire().await?;
                // The pool's busy timeout is made for writers that must get through; a
                // checkpoint that waits that long would hold up the erasure's answer.
                let (timeout,): (i64,) = sqlx::query_as("PRAGMA busy_timeout")
                    .fetch_one(&mut *conn)
                    .await?;
                conn.execute(format!("PRAGMA busy_timeout = {WAIT_MS}").as_str())
                    .await?;
                let checkpoint: Result<(i64, i64, i64), _> =
                    sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                        .fetch_one(&mut *conn)
                        .await;
                if conn
                    .execute(format!("PRAGMA busy_timeout = {timeout}").as_str())
                    .await
                    .is_err()
                {
                    // Never hand the pool a connection that gives up on locks early.
                    drop(conn.detach());
                }
                let (busy, _, _) = checkpoint?;
                if busy != 0 {
                    return Err(StoreError::Conflict(
                        "a reader holds the write-ahead log".into(),
                    ));
                }
            }
            Backend::Pg(pool) => {
                let mut conn = pool.acquire().await?;
                // Only sessions of the same role show their transactions here; one of
                // another role (a pg_dump as the superuser) goes unseen.
                let (older,): (i64,) = sqlx::query_as(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() \
                     AND xact_start < $1 AND (backend_xid IS NOT NULL \
                     OR (datname = current_database() AND backend_xmin IS NOT NULL))",
                )
                .bind(now)
                .fetch_one(&mut *conn)
                .await?;
                conn.execute(format!("SET lock_timeout = {WAIT_MS}").as_str())
                    .await?;
                let vacuum = conn
                    .execute(format!("VACUUM (FULL) {}", tables.join(", ")).as_str())
                    .await;
                if conn.execute("RESET lock_timeout").await.is_err() {
                    drop(conn.detach());
                }
                vacuum?;
                if older > 0 {
                    return Err(StoreError::Conflict(format!(
                        "{older} older transactions may still see the erased rows"
                    )));
                }
            }
        }
        Ok(())
    }
}
