//! Accounts, log-in and sessions. Passwords are hashed with argon2id; a
//! session token is 256 random bits of which the database keeps only a hash.
//!
//! Failed log-ins slow down, in the database, the source address and the
//! account they were made from and for, and a browser that signed in before (it
//! holds a device cookie for the account, as OWASP's "device cookies") only by
//! its own failures: nobody else's wrong guesses lock the owner out.

use std::net::IpAddr;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use domain::access::{check_scopes, Actor, Permission, Role};
use domain::FieldError;
use sha2::{Digest, Sha256};
use store::{NewUser, Who};
use time::{Duration, OffsetDateTime};

use crate::input::plausible_email;
use crate::passwords::hash_password;
use crate::{App, AppError, Result};

/// How long a session lasts after log-in.
pub const SESSION_HOURS: i64 = 12;
/// How long a browser that signed in is known as the account's device.
pub const DEVICE_DAYS: i64 = 180;
const MIN_PASSWORD: usize = 12;
/// The longest e-mail address there can be (RFC 5321's path limit less `<>`).
pub const MAX_EMAIL: usize = 254;
/// Longer passwords are refused before hashing, in bytes.
pub const MAX_PASSWORD: usize = 1024;

/// How fast failures of one kind of key slow down: `free` failures cost
/// nothing, each further one doubles the wait from [`FIRST_WAIT`] up to `cap`.
struct Rule {
    free: i64,
    cap: Duration,
}

/// An office behind one address may mistype more than one person does.
const BY_ADDRESS: Rule = Rule {
    free: 20,
    cap: Duration::minutes(15),
};
const BY_ACCOUNT: Rule = Rule {
    free: 5,
    cap: Duration::minutes(15),
};
const BY_DEVICE: Rule = Rule {
    free: 5,
    cap: Duration::minutes(15),
};

impl Rule {
    fn wait(&self, failures: i64) -> Duration {
        let over = failures - self.free;
        if over <= 0 {
            return Duration::ZERO;
        }
        // Past 2^20 times the first wait is far beyond any cap.
        (FIRST_WAIT * (1i32 << (over - 1).min(20))).min(self.cap)
    }
}

/// Long enough that a script gains little, short enough for a person who mistyped.
const FIRST_WAIT: Duration = Duration::seconds(5);

const ADDRESS_KEY: &str = "addr:";
const ACCOUNT_KEY: &str = "account:";
const DEVICE_KEY: &str = "device:";

fn wait_for(key: &str, failures: i64) -> Duration {
    let rule = if key.starts_with(ADDRESS_KEY) {
        &BY_ADDRESS
    } else if key.starts_with(DEVICE_KEY) {
        &BY_DEVICE
    } else {
        &BY_ACCOUNT
    };
    rule.wait(failures)
}

/// An IPv6 client may hold a whole /64, so that is what is counted.
fn address_key(ip: IpAddr) -> String {
    match ip.to_canonical() {
        IpAddr::V4(v4) => format!("{ADDRESS_KEY}{v4}"),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!(
                "{ADDRESS_KEY}{:x}:{:x}:{:x}:{:x}::/64",
                s[0], s[1], s[2], s[3]
            )
        }
    }
}

/// Hashed, so the table holds no e-mail address and no key is long.
fn account_key(email: &str) -> String {
    format!("{ACCOUNT_KEY}{}", token_hash(email))
}

fn device_key(device_hash: &str) -> String {
    format!("{DEVICE_KEY}{device_hash}")
}

/// One log-in attempt as it arrived.
#[derive(Debug, Default, Clone, Copy)]
pub struct LoginAttempt<'a> {
    pub email: &'a str,
    pub password: &'a str,
    /// The client's address, when known.
    pub source: Option<IpAddr>,
    /// The device cookie the browser sent, if any.
    pub device: Option<&'a str>,
}

/// A started session: the token goes to the client once, in a cookie or JSON.
#[derive(Debug, Clone)]
pub struct Session {
    pub token: String,
    pub actor: Actor,
    pub expires_at: OffsetDateTime,
    /// The device cookie that marks this browser as one the account signed in from.
    pub device: String,
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

/// Refuses what no account can have before anything is stored or hashed:
/// over-long addresses and passwords, and control characters (NUL too).
fn checked_credentials(email: &str, password: &str) -> Result<String> {
    let mut errors = Vec::new();
    if email.len() > MAX_EMAIL {
        errors.push(FieldError::new(
            "email",
            format!("must be at most {MAX_EMAIL} characters"),
        ));
    } else if email.chars().any(char::is_control) {
        errors.push(FieldError::new("email", "must not hold control characters"));
    }
    if password.len() > MAX_PASSWORD {
        errors.push(FieldError::new(
            "password",
            format!("must be at most {MAX_PASSWORD} bytes"),
        ));
    } else if password.chars().any(char::is_control) {
        errors.push(FieldError::new(
            "password",
            "must not hold control characters",
        ));
    }
    if errors.is_empty() {
        Ok(email.trim().to_lowercase())
    } else {
        Err(AppError::Invalid(errors))
    }
}

fn seconds_until(until: OffsetDateTime, now: OffsetDateTime) -> u64 {
    ((until - now).as_seconds_f64().ceil() as u64).max(1)
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
            actor.require(Permission::ManageUsers)?;
        }
        let email = checked_credentials(email, password)?;
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
        let password_hash = self.passwords.hash(password.to_string()).await?;
        let user = NewUser {
            email,
            password_hash,
            role,
            work_packages,
            municipalities,
        };
        Ok(self.db.create_user(&who_of(who), &user).await?)
    }

    /// [`App::login_with`] for a caller that has no address and no device
    /// cookie to give: the command line and tests.
    pub async fn login(&self, email: &str, password: &str) -> Result<Session> {
        self.login_with(LoginAttempt {
            email,
            password,
            ..Default::default()
        })
        .await
    }

    /// Checks e-mail and password and starts a session, unless failed attempts
    /// from the same address, for the same account or from the same device ask
    /// to wait first.
    pub async fn login_with(&self, attempt: LoginAttempt<'_>) -> Result<Session> {
        let email = checked_credentials(attempt.email, attempt.password)?;
        let now = OffsetDateTime::now_utc();
        let user = self.db.user_by_email(&email).await?;
        let known_device = match (attempt.device.filter(|d| d.len() <= 100), &user) {
            (Some(device), Some(user)) => {
                let hash = token_hash(device);
                let owner = self.db.login_device_user(&hash, now).await?;
                (owner == Some(user.actor.id)).then_some((device, hash))
            }
            _ => None,
        };
        let keys: Vec<String> = match &known_device {
            Some((_, hash)) => vec![device_key(hash)],
            None => [Some(account_key(&email)), attempt.source.map(address_key)]
                .into_iter()
                .flatten()
                .collect(),
        };
        if let Some(until) = self.db.login_blocked_until(&keys, now).await? {
            return Err(AppError::TooManyAttempts(seconds_until(until, now)));
        }
        let hash = user
            .as_ref()
            .map_or_else(|| decoy_hash().to_string(), |u| u.password_hash.clone());
        let ok = self
            .passwords
            .verify(attempt.password.to_string(), hash)
            .await?;
        let Some(user) = user.filter(|_| ok) else {
            self.db
                .record_login_failure(&keys, OffsetDateTime::now_utc(), &wait_for)
                .await?;
            return Err(AppError::Invalid(vec![FieldError::new(
                "password",
                "e-mail address or password is wrong",
            )]));
        };
        // The address keeps its count: one account of one's own must not
        // reset the count of guesses at everybody else's.
        self.db.clear_login_failures(&keys[..1]).await?;
        let device = match known_device {
            Some((device, _)) => device.to_string(),
            None => {
                let device = new_token()?;
                self.db
                    .add_login_device(
                        &token_hash(&device),
                        user.actor.id,
                        now,
                        now + Duration::days(DEVICE_DAYS),
                    )
                    .await?;
                device
            }
        };
        let token = new_token()?;
        let expires_at = now + Duration::hours(SESSION_HOURS);
        self.db
            .create_session(&token_hash(&token), user.actor.id, expires_at)
            .await?;
        Ok(Session {
            token,
            actor: user.actor,
            expires_at,
            device,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_after_the_free_attempts_up_to_a_cap() {
        let waits: Vec<i64> = (1..=8)
            .map(|n| BY_ACCOUNT.wait(n).whole_seconds())
            .collect();
        assert_eq!(waits, [0, 0, 0, 0, 0, 5, 10, 20]);
        assert_eq!(BY_ACCOUNT.wait(60), Duration::minutes(15));
        assert_eq!(BY_ACCOUNT.wait(i64::MAX), Duration::minutes(15));
        assert_eq!(
            wait_for(&address_key([10, 0, 0, 1].into()), 21),
            Duration::seconds(5)
        );
        assert_eq!(
            wait_for(&address_key([10, 0, 0, 1].into()), 20),
            Duration::ZERO
        );
    }

    #[test]
    fn an_ipv6_client_is_counted_by_its_64_prefix() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        assert_eq!(address_key(a), address_key(b));
        let mapped: IpAddr = "::ffff:10.0.0.1".parse().unwrap();
        assert_eq!(address_key(mapped), "addr:10.0.0.1");
    }

    #[test]
    fn impossible_credentials_are_refused_before_any_work() {
        let long = format!("{}@sogn.test", "a".repeat(MAX_EMAIL));
        for (email, password) in [
            (long.as_str(), "x"),
            ("a\0b@sogn.test", "x"),
            ("a@sogn.test", "nul\0in password"),
            ("a@sogn.test", &"p".repeat(MAX_PASSWORD + 1)),
        ] {
            assert!(
                matches!(
                    checked_credentials(email, password),
                    Err(AppError::Invalid(_))
                ),
                "{email:?}"
            );
        }
        assert_eq!(
            checked_credentials(" A@Sogn.test ", "a long password").unwrap(),
            "a@sogn.test"
        );
    }
}
