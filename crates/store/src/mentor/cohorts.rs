//! Workplace cohorts, their mentors, sessions, attendance and evaluations.

use domain::mentor::{
    name_key, Attendance, Cohort, CohortDetail, CohortFields, CohortMentor, Evaluation,
    EvaluationFields, Session, SessionFields,
};
use domain::FieldError;
use serde_json::json;
use time::{Date, OffsetDateTime};

use super::written_fields;
use crate::audit::{audit, audit_read, Who};
use crate::newcomer::fields;
use crate::{on, on_writer, Db, Result, StoreError};

/// The tables a cohort mentor's removal deletes from; scrubbed after.
const DELETED_WITH_COHORT_MENTOR: &[&str] = &["mentoring_cohort_mentors", "mentoring_attendance"];

const ENTITY: &str = "mentoring_cohort";
const SELECT_COHORTS: &str = "SELECT id, version, employer, name, starts_on FROM mentoring_cohorts";

#[derive(sqlx::FromRow)]
struct CohortRow {
    id: i64,
    version: i64,
    employer: String,
    name: String,
    starts_on: Option<Date>,
}

impl From<CohortRow> for Cohort {
    fn from(r: CohortRow) -> Self {
        Cohort {
            id: r.id,
            version: r.version,
            fields: CohortFields {
                employer: r.employer,
                name: r.name,
                starts_on: r.starts_on,
            },
        }
    }
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    cohort_id: i64,
    held_on: Date,
    theme: String,
}

#[derive(sqlx::FromRow)]
struct EvaluationRow {
    id: i64,
    cohort_id: i64,
    session_id: Option<i64>,
    text: String,
    score: Option<i64>,
}

/// Refuses `$id` unless it is a row of `$table` in cohort `$cohort`.
macro_rules! in_cohort {
    ($tx:expr, $table:literal, $field:literal, $id:expr, $cohort:expr) => {{
        let found: Option<(i64,)> =
            sqlx::query_as(concat!("SELECT cohort_id FROM ", $table, " WHERE id = $1"))
                .bind($id)
                .fetch_optional(&mut *$tx)
                .await?;
        if found.map(|(c,)| c) != Some($cohort) {
            return Err(StoreError::Invalid(FieldError::new(
                $field,
                format!("#{} is not part of cohort #{}", $id, $cohort),
            )));
        }
    }};
}

/// Refuses a cohort id that does not exist.
macro_rules! cohort_exists {
    ($tx:expr, $id:expr) => {{
        let found: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM mentoring_cohorts WHERE id = $1")
                .bind($id)
                .fetch_optional(&mut *$tx)
                .await?;
        if found.is_none() {
            return Err(StoreError::NotFound(format!("cohort #{}", $id)));
        }
    }};
}

impl Db {
    pub async fn create_mentoring_cohort(&self, who: &Who, f: &CohortFields) -> Result<i64> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO mentoring_cohorts (employer, name, starts_on, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
                .bind(&f.employer).bind(&f.name).bind(f.starts_on).bind(OffsetDateTime::now_utc())
                .fetch_one(&mut *tx).await?;
            audit!(tx, who, "create", ENTITY, id.to_string(), None, fields(None, &written_fields(None, f)));
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Changes a cohort still at `version`; returns the new version.
    pub async fn update_mentoring_cohort(
        &self,
        who: &Who,
        id: i64,
        version: i64,
        f: &CohortFields,
    ) -> Result<i64> {
        let sql = format!("{SELECT_COHORTS} WHERE id = $1");
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let before: Option<CohortRow> = sqlx::query_as(&sql).bind(id).fetch_optional(&mut *tx).await?;
            let Some(before) = before.map(Cohort::from) else {
                return Err(StoreError::NotFound(format!("cohort #{id}")));
            };
            if before.version != version {
                return Err(StoreError::Stale { entity: ENTITY, id: id.to_string(), expected: version, current: before.version });
            }
            sqlx::query("UPDATE mentoring_cohorts SET employer = $1, name = $2, starts_on = $3, version = version + 1 WHERE id = $4")
                .bind(&f.employer).bind(&f.name).bind(f.starts_on).bind(id).execute(&mut *tx).await?;
            audit!(tx, who, "update", ENTITY, id.to_string(), None, fields(None, &written_fields(Some(&before.fields), f)));
            tx.commit().await?;
            Ok(version + 1)
        })
    }

    /// The cohorts: employers and names, no people, so not audited.
    pub async fn mentoring_cohorts(&self) -> Result<Vec<Cohort>> {
        let sql = format!("{SELECT_COHORTS} ORDER BY id");
        let rows: Vec<CohortRow> = on!(self, p => sqlx::query_as(&sql).fetch_all(p).await)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// A cohort with its mentors (by name), sessions, attendance and evaluations; audited.
    pub async fn mentoring_cohort(&self, who: &Who, id: i64) -> Result<CohortDetail> {
        let sql = format!("{SELECT_COHORTS} WHERE id = $1");
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            let cohort: Option<CohortRow> = sqlx::query_as(&sql).bind(id).fetch_optional(&mut *tx).await?;
            let Some(cohort) = cohort else {
                return Err(StoreError::NotFound(format!("cohort #{id}")));
            };
            let mentors: Vec<(i64, i64, String)> = sqlx::query_as(
                "SELECT id, cohort_id, name FROM mentoring_cohort_mentors WHERE cohort_id = $1 ORDER BY id")
                .bind(id).fetch_all(&mut *tx).await?;
            let sessions: Vec<SessionRow> = sqlx::query_as(
                "SELECT id, cohort_id, held_on, theme FROM mentoring_sessions WHERE cohort_id = $1 ORDER BY held_on, id")
                .bind(id).fetch_all(&mut *tx).await?;
            let attendance: Vec<(i64, i64)> = sqlx::query_as(
                "SELECT a.session_id, a.mentor_id FROM mentoring_attendance a JOIN mentoring_sessions s ON s.id = a.session_id \
                 WHERE s.cohort_id = $1 ORDER BY a.session_id, a.mentor_id")
                .bind(id).fetch_all(&mut *tx).await?;
            let evaluations: Vec<EvaluationRow> = sqlx::query_as(
                "SELECT id, cohort_id, session_id, text, score FROM mentoring_evaluations WHERE cohort_id = $1 ORDER BY id")
                .bind(id).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            audit_read!(self, who, ENTITY, id.to_string(), None);
            Ok(CohortDetail {
                cohort: cohort.into(),
                mentors: mentors.into_iter().map(|(id, cohort_id, name)| CohortMentor { id, cohort_id, name }).collect(),
                sessions: sessions.into_iter().map(|s| Session { id: s.id, cohort_id: s.cohort_id, fields: SessionFields { held_on: s.held_on, theme: s.theme } }).collect(),
                attendance: attendance.into_iter().map(|(session_id, mentor_id)| Attendance { session_id, mentor_id }).collect(),
                evaluations: evaluations.into_iter().map(|e| Evaluation { id: e.id, cohort_id: e.cohort_id, fields: EvaluationFields { session_id: e.session_id, text: e.text, score: e.score } }).collect(),
            })
        })
    }

    /// Adds an employee as a mentor of the cohort; the same name twice is refused.
    pub async fn add_mentoring_cohort_mentor(
        &self,
        who: &Who,
        cohort_id: i64,
        name: &str,
    ) -> Result<i64> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            cohort_exists!(tx, cohort_id);
            let twin: Option<(i64,)> = sqlx::query_as("SELECT id FROM mentoring_cohort_mentors WHERE cohort_id = $1 AND name_key = $2")
                .bind(cohort_id).bind(name_key(name)).fetch_optional(&mut *tx).await?;
            if let Some((twin,)) = twin {
                return Err(StoreError::Invalid(FieldError::new("name", format!("this person is already a mentor in the cohort (#{twin})"))));
            }
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO mentoring_cohort_mentors (cohort_id, name, name_key) VALUES ($1, $2, $3) RETURNING id")
                .bind(cohort_id).bind(name).bind(name_key(name)).fetch_one(&mut *tx).await?;
            audit!(tx, who, "create", "mentoring_cohort_mentor", id.to_string(), None, fields(Some(("cohort", json!(cohort_id))), &["name"]));
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Removes a cohort mentor and their attendance; once committed, the files are
    /// scrubbed of the deleted rows (see [`Db::scrub`]).
    pub async fn delete_mentoring_cohort_mentor(&self, who: &Who, id: i64) -> Result<()> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let row: Option<(i64,)> = sqlx::query_as("DELETE FROM mentoring_cohort_mentors WHERE id = $1 RETURNING cohort_id")
                .bind(id).fetch_optional(&mut *tx).await?;
            let Some((cohort,)) = row else {
                return Err(StoreError::NotFound(format!("cohort mentor #{id}")));
            };
            audit!(tx, who, "delete", "mentoring_cohort_mentor", id.to_string(), Some(json!({ "cohort": cohort })), None);
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        self.scrub(DELETED_WITH_COHORT_MENTOR).await;
        Ok(())
    }

    pub async fn add_mentoring_session(
        &self,
        who: &Who,
        cohort_id: i64,
        s: &SessionFields,
    ) -> Result<i64> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            cohort_exists!(tx, cohort_id);
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO mentoring_sessions (cohort_id, held_on, theme) VALUES ($1, $2, $3) RETURNING id")
                .bind(cohort_id).bind(s.held_on).bind(&s.theme).fetch_one(&mut *tx).await?;
            audit!(tx, who, "create", "mentoring_session", id.to_string(), None, fields(Some(("cohort", json!(cohort_id))), &written_fields(None, s)));
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Sets who attended a session: exactly `mentor_ids`, all mentors of its cohort.
    pub async fn set_mentoring_attendance(
        &self,
        who: &Who,
        session_id: i64,
        mentor_ids: &[i64],
    ) -> Result<()> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let session: Option<(i64,)> = sqlx::query_as("SELECT cohort_id FROM mentoring_sessions WHERE id = $1")
                .bind(session_id).fetch_optional(&mut *tx).await?;
            let Some((cohort,)) = session else {
                return Err(StoreError::NotFound(format!("session #{session_id}")));
            };
            for &m in mentor_ids {
                in_cohort!(tx, "mentoring_cohort_mentors", "mentor_ids", m, cohort);
            }
            let before: Vec<(i64,)> = sqlx::query_as("SELECT mentor_id FROM mentoring_attendance WHERE session_id = $1 ORDER BY mentor_id")
                .bind(session_id).fetch_all(&mut *tx).await?;
            sqlx::query("DELETE FROM mentoring_attendance WHERE session_id = $1").bind(session_id).execute(&mut *tx).await?;
            for &m in mentor_ids {
                sqlx::query("INSERT INTO mentoring_attendance (session_id, mentor_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                    .bind(session_id).bind(m).execute(&mut *tx).await?;
            }
            audit!(tx, who, "set", "mentoring_attendance", session_id.to_string(),
                Some(json!(before.into_iter().map(|(m,)| m).collect::<Vec<_>>())), Some(json!(mentor_ids)));
            tx.commit().await?;
            Ok(())
        })
    }

    pub async fn add_mentoring_evaluation(
        &self,
        who: &Who,
        cohort_id: i64,
        e: &EvaluationFields,
    ) -> Result<i64> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            cohort_exists!(tx, cohort_id);
            if let Some(session) = e.session_id {
                in_cohort!(tx, "mentoring_sessions", "session_id", session, cohort_id);
            }
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO mentoring_evaluations (cohort_id, session_id, text, score, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
                .bind(cohort_id).bind(e.session_id).bind(&e.text).bind(e.score).bind(OffsetDateTime::now_utc())
                .fetch_one(&mut *tx).await?;
            audit!(tx, who, "create", "mentoring_evaluation", id.to_string(), None, fields(Some(("cohort", json!(cohort_id))), &written_fields(None, e)));
            tx.commit().await?;
            Ok(id)
        })
    }
}
