//! Accounts, log-in and sessions. Passwords are hashed with argon2id; a
//! session token is 256 random bits of which the database keeps only a hash.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use domain::access::{check_scopes, Actor, Role, Write};
use domain::FieldError;
use sha2::{Digest, Sha256};
use store::{NewUser, Who};
use time::OffsetDateTime;

use crate::input::plausible_email;
use crate::{App, AppError, Result};

/// How long a session lasts after log-in.
pub const SESSION_HOURS: i64 = 12;
/// Failed log-ins per account before it is paused.
const MAX_FAILURES: u32 = 5;
const FAILURE_WINDOW: Duration = Duration::from_secs(15 * 60);
const MIN_PASSWORD: usize = 12;

#[derive(Default)]
pub(crate) struct Failures(HashMap<String, (u32, Instant)>);

/// A started session: the token goes to the client once, in a cookie or JSON.
#[derive(Debug, Clone)]
pub struct Session {
    pub token: String,
    pub actor: Actor,
    pub expires_at: OffsetDateTime,
}

pub fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Internal(format!("hashing a password failed: {e}")))
}

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

fn token_hash(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

fn new_token() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| AppError::Internal(format!("no randomness: {e}")))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// A hash to verify against when the account does not exist, so that a wrong
/// e-mail address takes as long as a wrong password and reveals nothing.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password that opens nothing").unwrap_or_default())
}

impl App {
    /// Adds an account. Only an admin, or the command line on the server, may.
    pub async fn add_user(
        &self,
        who: Option<&Actor>,
        email: &str,
        password: &str,
        role: Role,
        work_packages: Vec<String>,
        municipalities: Vec<String>,
    ) -> Result<i64> {
        if let Some(actor) = who {
            if !actor.may(Write::ManageUsers) {
                return Err(AppError::Forbidden("only an admin manages accounts".into()));
            }
        }
        let email = email.trim().to_lowercase();
        let mut errors = Vec::new();
        if !plausible_email(&email) {
            errors.push(FieldError::new(
                "email",
                format!("`{email}` is not an e-mail address"),
            ));
        }
        if password.chars().count() < MIN_PASSWORD {
            errors.push(FieldError::new(
                "password",
                format!("must be at least {MIN_PASSWORD} characters"),
            ));
        }
        if let Err(e) = check_scopes(role, &work_packages, &municipalities) {
            errors.push(e);
        }
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let password = password.to_string();
        let password_hash = tokio::task::spawn_blocking(move || hash_password(&password))
            .await
            .map_err(|e| AppError::Internal(e.to_string()))??;
        let user = NewUser {
            email,
            password_hash,
            role,
            work_packages,
            municipalities,
        };
        Ok(self.db.create_user(&who_of(who), &user).await?)
    }

    /// Checks e-mail and password and starts a session.
    pub async fn login(&self, email: &str, password: &str) -> Result<Session> {
        let email = email.trim().to_lowercase();
        if let Some(wait) = self.paused(&email) {
            return Err(AppError::TooManyAttempts(wait.as_secs().div_ceil(60)));
        }
        let user = self.db.user_by_email(&email).await?;
        let hash = user
            .as_ref()
            .map_or_else(|| decoy_hash().to_string(), |u| u.password_hash.clone());
        let password = password.to_string();
        let ok = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let Some(user) = user.filter(|_| ok) else {
            self.record_failure(&email);
            return Err(AppError::Invalid(vec![FieldError::new(
                "password",
                "e-mail address or password is wrong",
            )]));
        };
        self.failures
            .lock()
            .expect("failures lock")
            .0
            .remove(&email);
        let token = new_token()?;
        let expires_at = OffsetDateTime::now_utc() + time::Duration::hours(SESSION_HOURS);
        self.db
            .create_session(&token_hash(&token), user.actor.id, expires_at)
            .await?;
        Ok(Session {
            token,
            actor: user.actor,
            expires_at,
        })
    }

    pub async fn logout(&self, token: &str) -> Result<()> {
        Ok(self.db.delete_session(&token_hash(token)).await?)
    }

    /// The account behind a session token, if the session is live.
    pub async fn actor(&self, token: &str) -> Result<Option<Actor>> {
        if token.len() > 100 {
            return Ok(None);
        }
        Ok(self.db.session_actor(&token_hash(token)).await?)
    }

    fn paused(&self, email: &str) -> Option<Duration> {
        let failures = self.failures.lock().expect("failures lock");
        let (count, first) = failures.0.get(email)?;
        let elapsed = first.elapsed();
        (*count >= MAX_FAILURES && elapsed < FAILURE_WINDOW).then(|| FAILURE_WINDOW - elapsed)
    }

    fn record_failure(&self, email: &str) {
        let mut failures = self.failures.lock().expect("failures lock");
        // Forget old windows so the map cannot grow without bound.
        failures
            .0
            .retain(|_, (_, first)| first.elapsed() < FAILURE_WINDOW);
        let entry = failures
            .0
            .entry(email.to_string())
            .or_insert((0, Instant::now()));
        entry.0 += 1;
    }
}

/// The audit log's name for an actor; `None` is the command line.
pub(crate) fn who_of(actor: Option<&Actor>) -> Who {
    match actor {
        Some(a) => Who {
            id: Some(a.id),
            label: a.email.clone(),
        },
        None => Who::cli(),
    }
}
