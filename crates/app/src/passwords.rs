//! Password hashing and checking, a few at a time. Each argon2id run takes about
//! 19 MiB; run unbounded, a burst of log-ins costs gigabytes that the allocator
//! keeps afterwards. So runs wait for one of a few permits, and each permit's
//! memory is reused instead of allocated per run.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, SaltString};
use argon2::{Argon2, Block, Params};
use tokio::sync::Semaphore;

use crate::{AppError, Result};

/// How long a run waits for a permit before the request is turned away.
const QUEUE_WAIT: Duration = Duration::from_secs(2);
/// What a turned-away client is told to wait, in seconds.
pub(crate) const BUSY_RETRY_AFTER: u64 = 5;

#[derive(Clone)]
pub(crate) struct Passwords(Arc<Gate>);

struct Gate {
    permits: Semaphore,
    /// Working memory of finished runs, at most one per permit.
    memory: Mutex<Vec<Vec<Block>>>,
    size: usize,
}

impl Passwords {
    /// As many permits as cores, at least one and at most four.
    pub(crate) fn new() -> Passwords {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Passwords::with_permits(cores.clamp(1, 4))
    }

    pub(crate) fn with_permits(size: usize) -> Passwords {
        Passwords(Arc::new(Gate {
            permits: Semaphore::new(size),
            memory: Mutex::new(Vec::new()),
            size,
        }))
    }

    /// Runs `work` on a blocking thread once a permit is free, or says the
    /// server is busy when none frees up in time.
    async fn gated<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Gate) -> T + Send + 'static,
    ) -> Result<T> {
        let permit = tokio::time::timeout(QUEUE_WAIT, self.0.permits.acquire())
            .await
            .map_err(|_| AppError::Busy(BUSY_RETRY_AFTER))?
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let gate = self.0.clone();
        let result = tokio::task::spawn_blocking(move || work(&gate))
            .await
            .map_err(|e| AppError::Internal(e.to_string()));
        drop(permit);
        result
    }

    pub(crate) async fn hash(&self, password: String) -> Result<String> {
        self.gated(move |_| hash_password(&password)).await?
    }

    /// Whether `password` is the one `hash` was made from.
    pub(crate) async fn verify(&self, password: String, hash: String) -> Result<bool> {
        self.gated(move |gate| gate.verify_now(&password, &hash))
            .await
    }
}

impl Gate {
    fn verify_now(&self, password: &str, hash: &str) -> bool {
        let Ok(parsed) = PasswordHash::new(hash) else {
            return false;
        };
        let (Ok(params), Some(expected)) = (Params::try_from(&parsed), parsed.hash) else {
            return false;
        };
        let Ok(algorithm) = parsed.algorithm.try_into() else {
            return false;
        };
        let version = parsed
            .version
            .and_then(|v| v.try_into().ok())
            .unwrap_or_default();
        let mut salt = [0u8; 64];
        let Some(salt) = parsed.salt.and_then(|s| s.decode_b64(&mut salt).ok()) else {
            return false;
        };
        let mut memory = self
            .memory
            .lock()
            .expect("password memory lock")
            .pop()
            .unwrap_or_default();
        memory.resize(params.block_count(), Block::default());
        let mut out = vec![0u8; expected.len()];
        let argon2 = Argon2::new(algorithm, version, params);
        let ok = argon2
            .hash_password_into_with_memory(password.as_bytes(), salt, &mut out, &mut memory)
            .is_ok()
            && constant_time_eq(&out, expected.as_bytes());
        let mut kept = self.memory.lock().expect("password memory lock");
        if kept.len() < self.size {
            kept.push(memory);
        }
        ok
    }
}

/// Compares without stopping at the first difference, so timing tells nothing.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Internal(format!("hashing a password failed: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passwords(permits: usize) -> Passwords {
        Passwords::with_permits(permits)
    }

    #[tokio::test]
    async fn a_hash_is_checked_with_reused_memory() {
        let p = passwords(1);
        let hash = p.hash("right horse battery".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        for _ in 0..3 {
            assert!(p
                .verify("right horse battery".into(), hash.clone())
                .await
                .unwrap());
            assert!(!p.verify("wrong".into(), hash.clone()).await.unwrap());
        }
        assert_eq!(
            p.0.memory.lock().unwrap().len(),
            1,
            "one permit, one buffer"
        );
        assert!(!p.verify("x".into(), "not a hash".into()).await.unwrap());
    }

    #[tokio::test]
    async fn a_full_queue_is_turned_away_as_busy() {
        let p = passwords(1);
        let _held = p.0.permits.acquire().await.unwrap();
        let e = p.verify("x".into(), "y".into()).await.unwrap_err();
        assert!(matches!(e, AppError::Busy(BUSY_RETRY_AFTER)), "{e}");
    }
}
