//! The audit journal: the `read` rows of audited reads, written by one task per database
//! that commits whatever rows are waiting in one transaction (group commit), in the order
//! they were queued. A read runs on the shared pool and never writes itself, so it is
//! never refused for want of the write lock; the reader still waits until its rows are
//! committed, so no data leaves the store unaudited, and a failed audit fails the read.

use time::OffsetDateTime;
use tokio::sync::{mpsc, oneshot};

use crate::audit::Who;
use crate::db::{Backend, WritePool};
use crate::{Result, StoreError};

/// At most this many queued reads go into one transaction, so one commit stays short.
const MAX_BATCH: usize = 256;

/// One `read` row of the audit log.
#[derive(Debug)]
pub(crate) struct ReadRow {
    at: OffsetDateTime,
    actor_id: Option<i64>,
    actor: String,
    entity: &'static str,
    entity_id: String,
    after: Option<serde_json::Value>,
}

impl ReadRow {
    /// `who` read `entity` `entity_id`; `after` names what was returned (ids, never values).
    pub(crate) fn new(
        who: &Who,
        entity: &'static str,
        entity_id: impl Into<String>,
        after: Option<serde_json::Value>,
    ) -> ReadRow {
        ReadRow {
            at: OffsetDateTime::now_utc(),
            actor_id: who.id,
            actor: who.label.clone(),
            entity,
            entity_id: entity_id.into(),
            after,
        }
    }
}

struct Queued {
    rows: Vec<ReadRow>,
    committed: oneshot::Sender<Result<(), String>>,
}

#[derive(Debug)]
pub(crate) struct AuditJournal {
    queue: mpsc::UnboundedSender<Queued>,
}

impl AuditJournal {
    /// Starts the writer task on the current runtime; it ends when the journal is dropped.
    pub(crate) fn start(writer: Backend) -> AuditJournal {
        let (queue, incoming) = mpsc::unbounded_channel();
        tokio::spawn(write_queued(writer, incoming));
        AuditJournal { queue }
    }

    /// Returns once `rows` are committed.
    pub(crate) async fn record(&self, rows: Vec<ReadRow>) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let (committed, done) = oneshot::channel();
        self.queue
            .send(Queued { rows, committed })
            .map_err(|_| StoreError::Audit("the audit journal has stopped".into()))?;
        done.await
            .map_err(|_| StoreError::Audit("the audit journal has stopped".into()))?
            .map_err(StoreError::Audit)
    }
}

async fn write_queued(writer: Backend, mut incoming: mpsc::UnboundedReceiver<Queued>) {
    let mut batch = Vec::new();
    while incoming.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let outcome = commit(&writer, &batch).await.map_err(|e| {
            tracing::error!(error = %e, reads = batch.len(), "audit rows of reads could not be written");
            e.to_string()
        });
        for queued in batch.drain(..) {
            // A reader that gave up waiting does not need the answer.
            let _ = queued.committed.send(outcome.clone());
        }
    }
}

/// Inserts every row of `$batch` in one writing transaction on `$pool`.
macro_rules! insert_in_one_transaction {
    ($pool:expr, $batch:expr) => {{
        let sql = "INSERT INTO audit_log (at, actor_id, actor, operation, entity, entity_id, \
                   before_json, after_json) VALUES ($1, $2, $3, 'read', $4, $5, NULL, $6)";
        let mut tx = WritePool($pool).begin().await?;
        for row in $batch.iter().flat_map(|q| &q.rows) {
            sqlx::query(sql)
                .bind(row.at)
                .bind(row.actor_id)
                .bind(&row.actor)
                .bind(row.entity)
                .bind(&row.entity_id)
                .bind(row.after.as_ref().map(|v| v.to_string()))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
    }};
}

async fn commit(writer: &Backend, batch: &[Queued]) -> Result<()> {
    match writer {
        Backend::Sqlite(p) => insert_in_one_transaction!(p, batch),
        Backend::Pg(p) => insert_in_one_transaction!(p, batch),
    }
    Ok(())
}
