//! Status updates: the dated history of how far each action-plan item has come.
//! Updates are only ever added, never changed, so the history is the record.

use domain::status::{Light, Status};
use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::audit::{audit, Who};
use crate::{on, on_writer, Db, Result, StoreError};
use domain::state::{Changes, StatusUpdate};

#[derive(sqlx::FromRow)]
pub(crate) struct UpdateRow {
    id: i64,
    pub action_id: String,
    #[sqlx(try_from = "String")]
    pub status: Status,
    #[sqlx(try_from = "String")]
    pub light: Light,
    pub text: String,
    pub reported_on: Date,
    pub author: String,
    pub created_at: OffsetDateTime,
}

impl From<UpdateRow> for StatusUpdate {
    fn from(r: UpdateRow) -> Self {
        StatusUpdate {
            id: r.id,
            action_id: r.action_id,
            status: r.status,
            light: r.light,
            text: r.text,
            reported_on: r.reported_on,
            author: r.author,
            created_at: r.created_at,
        }
    }
}

pub(crate) const SELECT_UPDATES: &str = "SELECT s.id, s.action_id, s.status, s.light, s.text, \
     s.reported_on, s.author_email AS author, s.created_at FROM status_updates s";

#[derive(Debug, Clone, Serialize)]
pub struct NewStatus {
    pub status: Status,
    pub light: Light,
    pub text: String,
    pub reported_on: Date,
}

impl Db {
    pub async fn add_status(
        &self,
        who: &Who,
        action_id: &str,
        new: &NewStatus,
    ) -> Result<StatusUpdate> {
        let after = serde_json::to_value(new).ok();
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let exists: Option<(String,)> = sqlx::query_as("SELECT id FROM actions WHERE id = $1")
                .bind(action_id).fetch_optional(&mut *tx).await?;
            if exists.is_none() {
                return Err(StoreError::NotFound(format!("action `{action_id}`")));
            }
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO status_updates (action_id, status, light, text, reported_on, author_id, author_email, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
                .bind(action_id)
                .bind(new.status.code())
                .bind(new.light.code())
                .bind(&new.text)
                .bind(new.reported_on)
                .bind(who.id)
                .bind(&who.label)
                .bind(OffsetDateTime::now_utc())
                .fetch_one(&mut *tx).await?;
            audit!(tx, who, "create", "status_update", action_id, None, after);
            let row: UpdateRow = sqlx::query_as(&format!("{SELECT_UPDATES} WHERE s.id = $1"))
                .bind(id).fetch_one(&mut *tx).await?;
            tx.commit().await?;
            Ok(row.into())
        })
    }

    /// At most `limit` of an item's updates, newest first, after skipping `offset`.
    pub async fn status_history(
        &self,
        action_id: &str,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<StatusUpdate>> {
        let sql = format!(
            "{SELECT_UPDATES} WHERE s.action_id = $1 ORDER BY s.id DESC LIMIT $2 OFFSET $3"
        );
        let rows: Vec<UpdateRow> = on!(self, p => sqlx::query_as(&sql)
            .bind(action_id).bind(limit).bind(offset).fetch_all(p).await)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Updates reported on or after `since`, or written since then, oldest first;
    /// and edits of the plan since then.
    pub async fn changes_since(&self, since: Date) -> Result<Changes> {
        let start = since.midnight().assume_utc();
        let sql = format!(
            "{SELECT_UPDATES} WHERE s.reported_on >= $1 OR s.created_at >= $2 ORDER BY s.reported_on, s.id"
        );
        let updates: Vec<UpdateRow> =
            on!(self, p => sqlx::query_as(&sql).bind(since).bind(start).fetch_all(p).await)?;
        let edits = self.plan_audit_since(start).await?;
        Ok(Changes {
            updates: updates.into_iter().map(Into::into).collect(),
            edits,
        })
    }
}
