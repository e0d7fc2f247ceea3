//! Looking after the database the application runs on: checks before and while serving,
//! the sessions that have run out, and closing it at the end. Errors keep the store's own
//! words, which name the file or server at fault.

use store::StoreError;

use crate::App;

impl App {
    /// A full check of the database's files; slow, so for start-up.
    pub async fn check_integrity(&self) -> Result<(), StoreError> {
        self.db.check_integrity().await
    }

    /// Whether the database answers and is whole, from a short-lived cache so that
    /// frequent probes cost little.
    pub async fn check_health(&self) -> Result<(), StoreError> {
        self.db.check_health().await
    }

    /// `sqlite` or `postgres`.
    pub fn backend(&self) -> &'static str {
        self.db.backend()
    }

    /// Deletes the sessions that have expired; answers how many there were.
    pub async fn delete_expired_sessions(&self) -> Result<u64, StoreError> {
        self.db.delete_expired_sessions().await
    }

    /// Closes the database's connections once the last request is answered.
    pub async fn close(&self) {
        self.db.close().await
    }
}
