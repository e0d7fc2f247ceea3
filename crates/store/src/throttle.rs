//! Failed log-ins and the devices that signed in, kept in the database so that
//! throttling holds across servers and restarts. How long a key waits after how
//! many failures is the caller's rule; here are only the counts and the times.

use time::{Duration, OffsetDateTime};

use crate::{on, Db, Result};

/// Failures older than this are forgotten: the count starts again and the row
/// is deleted, so the table holds at most a day of failures.
pub const THROTTLE_MEMORY: Duration = Duration::days(1);

/// How many devices an account keeps; a new one pushes out the oldest.
pub const DEVICES_PER_ACCOUNT: i64 = 20;

impl Db {
    /// The latest moment after `now` until which any of `keys` is blocked.
    pub async fn login_blocked_until(
        &self,
        keys: &[String],
        now: OffsetDateTime,
    ) -> Result<Option<OffsetDateTime>> {
        let mut latest: Option<OffsetDateTime> = None;
        for key in keys {
            let row: Option<(OffsetDateTime,)> = on!(self, p => sqlx::query_as(
                "SELECT blocked_until FROM login_throttle WHERE key = $1 AND blocked_until > $2")
                .bind(key).bind(now).fetch_optional(p).await)?;
            if let Some((until,)) = row {
                latest = latest.max(Some(until));
            }
        }
        Ok(latest)
    }

    /// Counts one more failure for each key and blocks it until `now` plus what
    /// `wait` says for its new count; deletes what has been forgotten.
    pub async fn record_login_failure(
        &self,
        keys: &[String],
        now: OffsetDateTime,
        wait: &(dyn Fn(&str, i64) -> Duration + Sync),
    ) -> Result<()> {
        let forget_before = now - THROTTLE_MEMORY;
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            for key in keys {
                // One statement, so two servers counting at once both count.
                let (failures,): (i64,) = sqlx::query_as(
                    "INSERT INTO login_throttle (key, failures, last_failure, blocked_until) VALUES ($1, 1, $2, $2) \
                     ON CONFLICT (key) DO UPDATE SET \
                       failures = CASE WHEN login_throttle.last_failure < $3 THEN 1 ELSE login_throttle.failures + 1 END, \
                       last_failure = $2 \
                     RETURNING failures")
                    .bind(key).bind(now).bind(forget_before).fetch_one(&mut *tx).await?;
                sqlx::query("UPDATE login_throttle SET blocked_until = $2 WHERE key = $1")
                    .bind(key).bind(now + wait(key, failures)).execute(&mut *tx).await?;
            }
            sqlx::query("DELETE FROM login_throttle WHERE last_failure < $1")
                .bind(forget_before).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// Forgets the failures of `keys`, after a right password.
    pub async fn clear_login_failures(&self, keys: &[String]) -> Result<()> {
        for key in keys {
            on!(self, p => sqlx::query("DELETE FROM login_throttle WHERE key = $1")
                .bind(key).execute(p).await.map(|r| r.rows_affected()))?;
        }
        Ok(())
    }

    /// How many keys are counted now; for tests and the operator.
    pub async fn login_throttle_rows(&self) -> Result<i64> {
        let (n,): (i64,) = on!(self, p => sqlx::query_as("SELECT COUNT(*) FROM login_throttle")
            .fetch_one(p).await)?;
        Ok(n)
    }

    /// Remembers a device that signed in to `user_id`, keeping the account's newest
    /// [`DEVICES_PER_ACCOUNT`] and dropping expired ones.
    pub async fn add_login_device(
        &self,
        token_hash: &str,
        user_id: i64,
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> Result<()> {
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("INSERT INTO login_devices (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
                .bind(token_hash).bind(user_id).bind(now).bind(expires_at).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM login_devices WHERE expires_at <= $1")
                .bind(now).execute(&mut *tx).await?;
            sqlx::query(
                "DELETE FROM login_devices WHERE user_id = $1 AND token_hash NOT IN \
                 (SELECT token_hash FROM login_devices WHERE user_id = $1 ORDER BY created_at DESC, token_hash LIMIT $2)")
                .bind(user_id).bind(DEVICES_PER_ACCOUNT).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// The account a live device cookie signed in to.
    pub async fn login_device_user(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> Result<Option<i64>> {
        let row: Option<(i64,)> = on!(self, p => sqlx::query_as(
            "SELECT user_id FROM login_devices WHERE token_hash = $1 AND expires_at > $2")
            .bind(token_hash).bind(now).fetch_optional(p).await)?;
        Ok(row.map(|(id,)| id))
    }
}
