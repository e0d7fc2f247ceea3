//! The audit log: who changed what, when, with the row before and after, written
//! in the same transaction as the change so neither exists without the other. Reads of
//! personal data are audited too, through the journal (`crate::journal`).

use domain::state::AuditEntry;
use time::OffsetDateTime;

use crate::{on, Db, Result};

/// Who is acting: a signed-in account, or the command line run on the server.
#[derive(Debug, Clone)]
pub struct Who {
    pub id: Option<i64>,
    pub label: String,
}

impl Who {
    pub fn cli() -> Who {
        Who {
            id: None,
            label: "command line".into(),
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct AuditRow {
    id: i64,
    at: OffsetDateTime,
    actor: String,
    operation: String,
    entity: String,
    entity_id: String,
    before_json: Option<String>,
    after_json: Option<String>,
}

impl From<AuditRow> for AuditEntry {
    fn from(r: AuditRow) -> Self {
        let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
        AuditEntry {
            id: r.id,
            at: r.at,
            actor: r.actor,
            operation: r.operation,
            entity: r.entity,
            entity_id: r.entity_id,
            before: parse(r.before_json),
            after: parse(r.after_json),
        }
    }
}

/// Inserts an audit row on `$conn` (a transaction's connection).
macro_rules! audit {
    ($conn:expr, $who:expr, $op:expr, $entity:expr, $id:expr, $before:expr, $after:expr) => {
        sqlx::query(
            "INSERT INTO audit_log (at, actor_id, actor, operation, entity, entity_id, before_json, after_json) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(time::OffsetDateTime::now_utc())
        .bind($who.id)
        .bind(&$who.label)
        .bind($op)
        .bind($entity)
        .bind($id)
        .bind($before.map(|v: serde_json::Value| v.to_string()))
        .bind($after.map(|v: serde_json::Value| v.to_string()))
        .execute(&mut *$conn)
        .await?
    };
}
pub(crate) use audit;

/// Hands a `read` row to the audit journal and waits until it is committed; written after
/// the read, outside its transaction, so that a read never needs the write lock.
macro_rules! audit_read {
    ($db:expr, $who:expr, $entity:expr, $id:expr, $after:expr) => {
        $db.journal()
            .record(vec![$crate::journal::ReadRow::new(
                $who, $entity, $id, $after,
            )])
            .await?
    };
}
pub(crate) use audit_read;

/// Marks the plan as changed; see the `revision` table.
macro_rules! bump_revision {
    ($conn:expr) => {
        sqlx::query("UPDATE revision SET value = value + 1 WHERE id = 1")
            .execute(&mut *$conn)
            .await?
    };
}
pub(crate) use bump_revision;

/// The columns an [`AuditRow`] reads.
pub(crate) const SELECT_AUDIT: &str =
    "SELECT id, at, actor, operation, entity, entity_id, before_json, after_json FROM audit_log";

impl Db {
    /// The newest entries first.
    pub async fn audit_log(&self, limit: i64, offset: i64) -> Result<Vec<AuditEntry>> {
        let sql = "SELECT id, at, actor, operation, entity, entity_id, before_json, after_json \
                   FROM audit_log ORDER BY id DESC LIMIT $1 OFFSET $2";
        let rows: Vec<AuditRow> =
            on!(self, p => sqlx::query_as(sql).bind(limit).bind(offset).fetch_all(p).await)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Entries about the plan written at or after `since`, oldest first.
    pub async fn plan_audit_since(&self, since: OffsetDateTime) -> Result<Vec<AuditEntry>> {
        let sql = "SELECT id, at, actor, operation, entity, entity_id, before_json, after_json \
                   FROM audit_log WHERE at >= $1 AND entity IN ('action', 'measure') ORDER BY id";
        let rows: Vec<AuditRow> =
            on!(self, p => sqlx::query_as(sql).bind(since).fetch_all(p).await)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    pub async fn revision(&self) -> Result<i64> {
        let sql = "SELECT value FROM revision WHERE id = 1";
        let (v,): (i64,) = on!(self, p => sqlx::query_as(sql).fetch_one(p).await)?;
        Ok(v)
    }
}
