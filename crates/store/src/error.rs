use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{0} not found")]
    NotFound(String),
    /// Someone else changed the row since it was read.
    #[error("{entity} `{id}` was changed by someone else (now version {current}, you edited version {expected})")]
    Stale {
        entity: &'static str,
        id: String,
        expected: i64,
        current: i64,
    },
    /// A unique or foreign key the caller can fix.
    #[error("{0}")]
    Conflict(String),
    /// A rule checked inside the transaction, so that it holds for what is written, was
    /// broken: a duplicate person, an illegal step in a pair's life, …
    #[error("{0}")]
    Invalid(domain::FieldError),
    /// A backup or restore that cannot be made, and why.
    #[error("{0}")]
    Backup(String),
    /// The audit rows of a read could not be written, so the read is not answered.
    #[error("the read could not be audited: {0}")]
    Audit(String),
    /// The SQLite file is damaged: restore it from a backup.
    #[error("the database file {file} is damaged ({problems}); restore it from a backup with `bulyst restore`")]
    Corrupt { file: String, problems: String },
    /// A health check failed, just now or a few seconds ago.
    #[error("{0}")]
    Unhealthy(String),
    #[error("the database URL is not usable: {0}")]
    Url(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl StoreError {
    /// Maps a violated unique constraint to a message about `what`.
    pub(crate) fn unique(e: sqlx::Error, what: impl FnOnce() -> String) -> StoreError {
        match &e {
            sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Conflict(what()),
            _ => StoreError::Database(e),
        }
    }
}
