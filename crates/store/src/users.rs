//! Accounts and sessions. Passwords arrive here already hashed and session
//! tokens only as hashes, so a copy of the database opens no account.

use domain::access::{Actor, Role};
use serde_json::json;
use time::OffsetDateTime;

use crate::audit::{audit, Who};
use crate::{on, on_writer, Db, Result, StoreError};

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub password_hash: String,
    pub role: Role,
    pub work_packages: Vec<String>,
    pub municipalities: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct StoredUser {
    pub actor: Actor,
    pub password_hash: String,
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    email: String,
    password_hash: String,
    #[sqlx(try_from = "String")]
    role: Role,
}

const WORK_PACKAGE: &str = "work_package";
const MUNICIPALITY: &str = "municipality";

impl Db {
    /// Creates an account; scopes must name existing work packages and municipalities.
    pub async fn create_user(&self, who: &Who, u: &NewUser) -> Result<i64> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            for wp in &u.work_packages {
                let found: Option<(String,)> = sqlx::query_as("SELECT id FROM work_packages WHERE id = $1").bind(wp).fetch_optional(&mut *tx).await?;
                if found.is_none() {
                    return Err(StoreError::NotFound(format!("work package `{wp}`")));
                }
            }
            for m in &u.municipalities {
                let found: Option<(String,)> = sqlx::query_as("SELECT code FROM municipalities WHERE code = $1").bind(m).fetch_optional(&mut *tx).await?;
                if found.is_none() {
                    return Err(StoreError::NotFound(format!("municipality `{m}`")));
                }
            }
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO users (email, password_hash, role, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
                .bind(&u.email).bind(&u.password_hash).bind(u.role.code()).bind(OffsetDateTime::now_utc())
                .fetch_one(&mut *tx).await
                .map_err(|e| StoreError::unique(e, || format!("an account for {} exists already", u.email)))?;
            for (kind, values) in [(WORK_PACKAGE, &u.work_packages), (MUNICIPALITY, &u.municipalities)] {
                for v in values {
                    sqlx::query("INSERT INTO user_scopes (user_id, kind, value) VALUES ($1, $2, $3)")
                        .bind(id).bind(kind).bind(v).execute(&mut *tx).await?;
                }
            }
            audit!(tx, who, "create", "user", id.to_string(), None, Some(json!({
                "email": u.email, "role": u.role.code(), "work_packages": u.work_packages, "municipalities": u.municipalities
            })));
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Changes a password (for `bulyst user add` on an existing account, and resets).
    pub async fn set_password(&self, who: &Who, email: &str, password_hash: &str) -> Result<()> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let row: Option<(i64,)> = sqlx::query_as("UPDATE users SET password_hash = $1 WHERE email = $2 RETURNING id")
                .bind(password_hash).bind(email).fetch_optional(&mut *tx).await?;
            let Some((id,)) = row else {
                return Err(StoreError::NotFound(format!("an account for {email}")));
            };
            // A new password ends every open session of the account.
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
            audit!(tx, who, "set-password", "user", id.to_string(), None::<serde_json::Value>, None);
            tx.commit().await?;
            Ok(())
        })
    }

    pub async fn user_by_email(&self, email: &str) -> Result<Option<StoredUser>> {
        let row: Option<UserRow> = on!(self, p => sqlx::query_as("SELECT id, email, password_hash, role FROM users WHERE email = $1")
            .bind(email).fetch_optional(p).await)?;
        match row {
            Some(r) => {
                let actor = self.actor(r.id, r.email, r.role).await?;
                Ok(Some(StoredUser {
                    actor,
                    password_hash: r.password_hash,
                }))
            }
            None => Ok(None),
        }
    }

    async fn actor(&self, id: i64, email: String, role: Role) -> Result<Actor> {
        let scopes: Vec<(String, String)> = on!(self, p => sqlx::query_as("SELECT kind, value FROM user_scopes WHERE user_id = $1 ORDER BY value")
            .bind(id).fetch_all(p).await)?;
        let pick = |kind: &str| {
            scopes
                .iter()
                .filter(|(k, _)| k == kind)
                .map(|(_, v)| v.clone())
                .collect()
        };
        Ok(Actor {
            id,
            email,
            role,
            work_packages: pick(WORK_PACKAGE),
            municipalities: pick(MUNICIPALITY),
        })
    }

    pub async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        expires_at: OffsetDateTime,
    ) -> Result<()> {
        on!(self, p => sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(token_hash).bind(user_id).bind(OffsetDateTime::now_utc()).bind(expires_at).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// The account behind a live session.
    pub async fn session_actor(&self, token_hash: &str) -> Result<Option<Actor>> {
        let row: Option<UserRow> = on!(self, p => sqlx::query_as(
            "SELECT u.id, u.email, u.password_hash, u.role FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2")
            .bind(token_hash).bind(OffsetDateTime::now_utc()).fetch_optional(p).await)?;
        match row {
            Some(r) => Ok(Some(self.actor(r.id, r.email, r.role).await?)),
            None => Ok(None),
        }
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        on!(self, p => sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn delete_expired_sessions(&self) -> Result<u64> {
        let r = on!(self, p => sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(OffsetDateTime::now_utc()).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(r)
    }
}
