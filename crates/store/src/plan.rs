//! Writing the plan: loading a whole plan file, and the edits the project
//! leader makes afterwards. Every write checks the row's version (so a stale
//! form cannot overwrite a newer edit), records an audit row and bumps the revision.

use domain::period::Span;
use domain::plan::Plan;
use serde::Serialize;
use serde_json::json;
use time::{Date, Month};

use crate::audit::{audit, bump_revision, Who};
use crate::{on, on_writer, Db, Result, StoreError};

/// The editable fields of an action-plan row.
#[derive(Debug, Clone, Serialize)]
pub struct ActionFields {
    pub work_package: String,
    pub measure: String,
    pub how: String,
    pub participants: String,
    pub when: String,
    pub comment: String,
    pub responsible: String,
    pub starts: Option<Date>,
    pub ends: Option<Date>,
}

#[derive(sqlx::FromRow)]
struct ActionRow {
    work_package: String,
    measure: Option<String>,
    how: String,
    participants: String,
    when_text: String,
    comment: String,
    responsible: String,
    starts: Option<Date>,
    ends: Option<Date>,
    version: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct MeasureFields {
    pub work_package: String,
    pub title: String,
}

fn to_date(d: domain::period::Day) -> Option<Date> {
    Date::from_calendar_date(d.year, Month::try_from(d.month).ok()?, d.day).ok()
}

/// The first and last day of a span, as database dates.
pub fn span_dates(span: Option<Span>) -> (Option<Date>, Option<Date>) {
    match span {
        Some(s) => (to_date(s.from), to_date(s.to)),
        None => (None, None),
    }
}

fn nonempty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

impl Db {
    pub async fn has_plan(&self) -> Result<bool> {
        let row: Option<(String,)> =
            on!(self, p => sqlx::query_as("SELECT id FROM programme").fetch_optional(p).await)?;
        Ok(row.is_some())
    }

    /// Replaces the whole plan, and its status history, with `plan` in one
    /// transaction. A plan with history is only replaced when `replace` is set.
    pub async fn load_plan(&self, who: &Who, plan: &Plan, replace: bool) -> Result<()> {
        let context = plan.context();
        let p = &plan.programme;
        let o = &plan.organisation;
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let existing: Option<(String,)> = sqlx::query_as("SELECT id FROM programme").fetch_optional(&mut *tx).await?;
            if let Some((id,)) = &existing {
                if !replace {
                    return Err(StoreError::Conflict(format!(
                        "the database already holds the plan `{id}`; replacing it deletes its status history, so ask for it explicitly (--replace)"
                    )));
                }
            }
            for table in ["status_updates", "actions", "measures", "strategies", "work_packages", "org_units", "facts", "municipalities", "programme"] {
                sqlx::query(&format!("DELETE FROM {table}")).execute(&mut *tx).await?;
            }
            sqlx::query(
                "INSERT INTO programme (id, name, owner, period, title, main_goal, introduction, other_documents, \
                 strategy_heading, measures_heading, measures_note, action_plan_title, action_plan_period, action_plan_start, \
                 org_heading, org_mandate, org_participants, org_other_relevant_note, meeting_months) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)")
                .bind(&p.id).bind(&p.name).bind(&p.owner).bind(&p.period).bind(&p.title).bind(&p.main_goal)
                .bind(&p.introduction).bind(json!(p.other_documents).to_string())
                .bind(&p.strategy_heading).bind(&p.measures_heading).bind(&p.measures_note)
                .bind(&p.action_plan_title).bind(&p.action_plan_period).bind(&p.action_plan_start)
                .bind(&o.heading).bind(&o.mandate).bind(&o.participants).bind(&o.other_relevant_note)
                .bind(json!(o.steering_group_meeting_months).to_string())
                .execute(&mut *tx).await?;
            for (i, m) in plan.municipalities.iter().enumerate() {
                sqlx::query("INSERT INTO municipalities (code, name, position) VALUES ($1, $2, $3)")
                    .bind(&m.code).bind(&m.name).bind(i as i64).execute(&mut *tx).await?;
            }
            for (i, f) in plan.facts.iter().enumerate() {
                sqlx::query("INSERT INTO facts (position, text, source) VALUES ($1, $2, $3)")
                    .bind(i as i64).bind(&f.text).bind(&f.source).execute(&mut *tx).await?;
            }
            for (i, u) in o.units.iter().enumerate() {
                sqlx::query("INSERT INTO org_units (id, position, name, kind, parent, person, note, work_package, lead, work_group) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                    .bind(&u.id).bind(i as i64).bind(&u.name).bind(u.kind.code()).bind(&u.parent).bind(&u.person)
                    .bind(&u.note).bind(&u.work_package).bind(&u.lead).bind(json!(u.work_group).to_string())
                    .execute(&mut *tx).await?;
            }
            for (i, wp) in plan.work_packages.iter().enumerate() {
                sqlx::query("INSERT INTO work_packages (id, position, name, kind, goal, description) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(&wp.id).bind(i as i64).bind(&wp.name).bind(wp.kind.code()).bind(&wp.goal).bind(&wp.description)
                    .execute(&mut *tx).await?;
            }
            let mut position = 0i64;
            for wp in &plan.work_packages {
                for s in &wp.strategies {
                    sqlx::query("INSERT INTO strategies (number, work_package, text) VALUES ($1, $2, $3)")
                        .bind(s.number as i64).bind(&wp.id).bind(&s.text).execute(&mut *tx).await?;
                }
                for m in &wp.measures {
                    position += 1;
                    sqlx::query("INSERT INTO measures (id, work_package, position, title) VALUES ($1, $2, $3, $4)")
                        .bind(&m.id).bind(&wp.id).bind(position).bind(&m.title).execute(&mut *tx).await?;
                }
            }
            for (i, (wp, a)) in plan.actions().enumerate() {
                let (starts, ends) = span_dates(a.span(context));
                sqlx::query("INSERT INTO actions (id, work_package, position, measure, how, participants, when_text, starts, ends, comment, responsible) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                    .bind(&a.id).bind(&wp.id).bind(i as i64).bind(nonempty(&a.measure)).bind(&a.how)
                    .bind(&a.participants).bind(&a.when).bind(starts).bind(ends).bind(&a.comment).bind(&a.responsible)
                    .execute(&mut *tx).await?;
            }
            let op = if existing.is_some() { "replace" } else { "load" };
            audit!(tx, who, op, "plan", &p.id, None, Some(json!({ "programme": p.id, "work_packages": plan.work_packages.len(), "actions": plan.actions().count() })));
            bump_revision!(tx);
            tx.commit().await?;
            Ok(())
        })
    }

    /// Adds an action-plan row at the end of its work package.
    pub async fn create_action(&self, who: &Who, id: &str, f: &ActionFields) -> Result<()> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let (position,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(position), 0) + 1 FROM actions")
                .fetch_one(&mut *tx).await?;
            sqlx::query("INSERT INTO actions (id, work_package, position, measure, how, participants, when_text, starts, ends, comment, responsible) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                .bind(id).bind(&f.work_package).bind(position).bind(nonempty(&f.measure)).bind(&f.how)
                .bind(&f.participants).bind(&f.when).bind(f.starts).bind(f.ends).bind(&f.comment).bind(&f.responsible)
                .execute(&mut *tx).await
                .map_err(|e| StoreError::unique(e, || format!("an action with the id `{id}` exists already")))?;
            audit!(tx, who, "create", "action", id, None, serde_json::to_value(f).ok());
            bump_revision!(tx);
            tx.commit().await?;
            Ok(())
        })
    }

    /// Changes a row if it is still at `version`; returns the new version.
    pub async fn update_action(
        &self,
        who: &Who,
        id: &str,
        version: i64,
        f: &ActionFields,
    ) -> Result<i64> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let before: Option<ActionRow> = sqlx::query_as(
                "SELECT work_package, measure, how, participants, when_text, comment, responsible, starts, ends, version FROM actions WHERE id = $1")
                .bind(id).fetch_optional(&mut *tx).await?;
            let Some(b) = before else {
                return Err(StoreError::NotFound(format!("action `{id}`")));
            };
            if b.version != version {
                return Err(StoreError::Stale { entity: "action", id: id.to_string(), expected: version, current: b.version });
            }
            sqlx::query("UPDATE actions SET work_package = $1, measure = $2, how = $3, participants = $4, when_text = $5, \
                         starts = $6, ends = $7, comment = $8, responsible = $9, version = version + 1 WHERE id = $10 AND version = $11")
                .bind(&f.work_package).bind(nonempty(&f.measure)).bind(&f.how).bind(&f.participants).bind(&f.when)
                .bind(f.starts).bind(f.ends).bind(&f.comment).bind(&f.responsible).bind(id).bind(version)
                .execute(&mut *tx).await?;
            let before = ActionFields {
                work_package: b.work_package, measure: b.measure.unwrap_or_default(), how: b.how, participants: b.participants,
                when: b.when_text, comment: b.comment, responsible: b.responsible, starts: b.starts, ends: b.ends,
            };
            audit!(tx, who, "update", "action", id, serde_json::to_value(&before).ok(), serde_json::to_value(f).ok());
            bump_revision!(tx);
            tx.commit().await?;
            Ok(version + 1)
        })
    }

    pub async fn create_measure(&self, who: &Who, id: &str, f: &MeasureFields) -> Result<()> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let (position,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(position), 0) + 1 FROM measures")
                .fetch_one(&mut *tx).await?;
            sqlx::query("INSERT INTO measures (id, work_package, position, title) VALUES ($1, $2, $3, $4)")
                .bind(id).bind(&f.work_package).bind(position).bind(&f.title)
                .execute(&mut *tx).await
                .map_err(|e| StoreError::unique(e, || format!("a measure with the id `{id}` exists already")))?;
            audit!(tx, who, "create", "measure", id, None, serde_json::to_value(f).ok());
            bump_revision!(tx);
            tx.commit().await?;
            Ok(())
        })
    }

    pub async fn update_measure(
        &self,
        who: &Who,
        id: &str,
        version: i64,
        f: &MeasureFields,
    ) -> Result<i64> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let before: Option<(String, String, i64)> = sqlx::query_as("SELECT work_package, title, version FROM measures WHERE id = $1")
                .bind(id).fetch_optional(&mut *tx).await?;
            let Some((work_package, title, current)) = before else {
                return Err(StoreError::NotFound(format!("measure `{id}`")));
            };
            if current != version {
                return Err(StoreError::Stale { entity: "measure", id: id.to_string(), expected: version, current });
            }
            sqlx::query("UPDATE measures SET work_package = $1, title = $2, version = version + 1 WHERE id = $3")
                .bind(&f.work_package).bind(&f.title).bind(id).execute(&mut *tx).await?;
            audit!(tx, who, "update", "measure", id, serde_json::to_value(MeasureFields { work_package, title }).ok(), serde_json::to_value(f).ok());
            bump_revision!(tx);
            tx.commit().await?;
            Ok(version + 1)
        })
    }

    pub async fn update_contact(
        &self,
        who: &Who,
        code: &str,
        version: i64,
        name: &str,
        email: &str,
    ) -> Result<i64> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let before: Option<(String, String, i64)> = sqlx::query_as("SELECT contact_name, contact_email, version FROM municipalities WHERE code = $1")
                .bind(code).fetch_optional(&mut *tx).await?;
            let Some((old_name, old_email, current)) = before else {
                return Err(StoreError::NotFound(format!("municipality {code}")));
            };
            if current != version {
                return Err(StoreError::Stale { entity: "municipality", id: code.to_string(), expected: version, current });
            }
            sqlx::query("UPDATE municipalities SET contact_name = $1, contact_email = $2, version = version + 1 WHERE code = $3")
                .bind(name).bind(email).bind(code).execute(&mut *tx).await?;
            audit!(tx, who, "update", "municipality_contact", code,
                Some(json!({ "name": old_name, "email": old_email })), Some(json!({ "name": name, "email": email })));
            bump_revision!(tx);
            tx.commit().await?;
            Ok(version + 1)
        })
    }
}
