//! The person's rights and what outlives them: export, erasure into the anonymous tally,
//! the retention limit, and the counts the arrival cohorts are computed from.

use domain::newcomer::{
    CaseExport, CohortSubject, FollowUp, FollowUpAt, FollowUpFields, Residence,
};
use serde_json::json;
use time::{Date, OffsetDateTime};

use super::records::{detail_in, FollowUpRow, SELECT_FOLLOW_UPS};
use super::CASE;
use crate::audit::{audit, audit_read, AuditRow, Who, SELECT_AUDIT};
use crate::mentor::read_ids;
use crate::{on, on_writer, Db, Result, StoreError};

/// The tables an erasure empties of the case, named in its audit row and scrubbed after.
const TABLES: &[&str] = &[
    "newcomer_cases",
    "newcomer_steps",
    "newcomer_follow_ups",
    "newcomer_consents",
    "newcomer_rent_to_own",
];

/// What the retention limit is computed from, per case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiryInput {
    pub case_id: i64,
    pub arrival_date: Date,
    pub follow_ups: Vec<FollowUpFields>,
}

/// The tally's column for a follow-up: the residence's code, or '' when none was recorded.
fn outcome(follow_ups: &[FollowUp], at: FollowUpAt) -> &'static str {
    follow_ups
        .iter()
        .find(|f| f.fields.at == at)
        .map_or("", |f| f.fields.residence.code())
}

fn group_follow_ups(rows: Vec<FollowUpRow>) -> std::collections::HashMap<i64, Vec<FollowUpFields>> {
    let mut out: std::collections::HashMap<i64, Vec<FollowUpFields>> = Default::default();
    for row in rows {
        let f = FollowUp::from(row);
        out.entry(f.case_id).or_default().push(f.fields);
    }
    out
}

impl Db {
    /// Everything held about a case, with the audit log's entries about it; the export is
    /// itself audited.
    pub async fn export_newcomer_case(&self, who: &Who, id: i64) -> Result<CaseExport> {
        let audit_sql =
            format!("{SELECT_AUDIT} WHERE entity LIKE 'newcomer%' AND entity_id = $1 ORDER BY id");
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let Some(detail) = detail_in!(tx, id) else {
                return Err(StoreError::NotFound(format!("newcomer case #{id}")));
            };
            audit!(tx, who, "export", CASE, id.to_string(), None, None);
            let audit: Vec<AuditRow> = sqlx::query_as(&audit_sql).bind(id.to_string()).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            Ok(CaseExport {
                exported_at: OffsetDateTime::now_utc(),
                detail,
                audit: audit.into_iter().map(Into::into).collect(),
            })
        })
    }

    /// Erases a case from every table in one transaction: its municipality, arrival year,
    /// category and follow-up outcomes are first added to the anonymous tally, then the case
    /// and (by ON DELETE CASCADE) every row about it are deleted. The audit row holds the id
    /// and `reason` only. A second erasure of the same case is NotFound and changes nothing.
    /// Once committed, the files are scrubbed of the deleted rows (see [`Db::scrub`]).
    pub async fn erase_newcomer_case(&self, who: &Who, id: i64, reason: &str) -> Result<()> {
        self.erase_unscrubbed(who, id, reason).await?;
        self.scrub(TABLES).await;
        Ok(())
    }

    /// Erases cases as [`Db::erase_newcomer_case`] does, each in its own transaction, in
    /// order until one fails; the files are scrubbed once at the end, of every case erased
    /// before a failure too.
    pub async fn erase_newcomer_cases(&self, who: &Who, ids: &[i64], reason: &str) -> Result<()> {
        let mut erased = 0;
        let mut outcome = Ok(());
        for &id in ids {
            outcome = self.erase_unscrubbed(who, id, reason).await;
            if outcome.is_err() {
                break;
            }
            erased += 1;
        }
        if erased > 0 {
            self.scrub(TABLES).await;
        }
        outcome
    }

    async fn erase_unscrubbed(&self, who: &Who, id: i64, reason: &str) -> Result<()> {
        let follow_ups_sql = format!("{SELECT_FOLLOW_UPS} WHERE case_id = $1");
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let row: Option<(String, Date, String)> = sqlx::query_as(
                "SELECT municipality, arrival_date, category FROM newcomer_cases WHERE id = $1")
                .bind(id).fetch_optional(&mut *tx).await?;
            let Some((municipality, arrival, category)) = row else {
                return Err(StoreError::NotFound(format!("newcomer case #{id}")));
            };
            let rows: Vec<FollowUpRow> = sqlx::query_as(&follow_ups_sql).bind(id).fetch_all(&mut *tx).await?;
            let follow_ups: Vec<FollowUp> = rows.into_iter().map(Into::into).collect();
            sqlx::query("INSERT INTO newcomer_tally (municipality, arrival_year, category, months_3, months_12, \
                         months_24, months_60, persons) VALUES ($1, $2, $3, $4, $5, $6, $7, 1) \
                         ON CONFLICT (municipality, arrival_year, category, months_3, months_12, months_24, months_60) \
                         DO UPDATE SET persons = newcomer_tally.persons + 1")
                .bind(&municipality).bind(i64::from(arrival.year())).bind(&category)
                .bind(outcome(&follow_ups, FollowUpAt::Months3)).bind(outcome(&follow_ups, FollowUpAt::Months12))
                .bind(outcome(&follow_ups, FollowUpAt::Months24)).bind(outcome(&follow_ups, FollowUpAt::Months60))
                .execute(&mut *tx).await?;
            sqlx::query("DELETE FROM newcomer_cases WHERE id = $1").bind(id).execute(&mut *tx).await?;
            audit!(tx, who, "erase", CASE, id.to_string(), None, Some(json!({ "reason": reason, "tables": TABLES })));
            tx.commit().await?;
            Ok(())
        })
    }

    /// Every case's arrival and follow-ups, to find those past the retention limit. The
    /// read is audited with the ids.
    pub async fn newcomer_expiry_input(&self, who: &Who) -> Result<Vec<ExpiryInput>> {
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            let cases: Vec<(i64, Date)> = sqlx::query_as("SELECT id, arrival_date FROM newcomer_cases ORDER BY id")
                .fetch_all(&mut *tx).await?;
            let rows: Vec<FollowUpRow> = sqlx::query_as(SELECT_FOLLOW_UPS).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            audit_read!(self, who, "newcomer_retention", "all", read_ids(cases.iter().map(|c| c.0)));
            let mut follow_ups = group_follow_ups(rows);
            Ok(cases.into_iter().map(|(case_id, arrival_date)| ExpiryInput {
                case_id,
                arrival_date,
                follow_ups: follow_ups.remove(&case_id).unwrap_or_default(),
            }).collect())
        })
    }

    /// The cohorts' input: each case's municipality, arrival year and follow-ups, and the
    /// anonymous tally of erased cases. The read is audited with the case ids.
    pub async fn newcomer_cohort_input(&self, who: &Who) -> Result<Vec<CohortSubject>> {
        type TallyRow = (String, i64, String, String, String, String, i64);
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            let cases: Vec<(i64, String, Date)> = sqlx::query_as(
                "SELECT id, municipality, arrival_date FROM newcomer_cases ORDER BY id").fetch_all(&mut *tx).await?;
            let rows: Vec<FollowUpRow> = sqlx::query_as(SELECT_FOLLOW_UPS).fetch_all(&mut *tx).await?;
            let tally: Vec<TallyRow> = sqlx::query_as(
                "SELECT municipality, arrival_year, months_3, months_12, months_24, months_60, persons FROM newcomer_tally")
                .fetch_all(&mut *tx).await?;
            tx.commit().await?;
            audit_read!(self, who, "newcomer_cohorts", "all", read_ids(cases.iter().map(|c| c.0)));
            let mut follow_ups = group_follow_ups(rows);
            let mut out: Vec<CohortSubject> = cases.into_iter().map(|(id, municipality, arrival)| {
                CohortSubject::new(&municipality, arrival.year(), &follow_ups.remove(&id).unwrap_or_default(), 1)
            }).collect();
            for (municipality, year, m3, m12, m24, m60, persons) in tally {
                let parse = |s: &str| (!s.is_empty()).then(|| s.parse::<Residence>()).transpose().map_err(StoreError::Invalid);
                out.push(CohortSubject {
                    municipality,
                    arrival_year: year as i32,
                    outcomes: [parse(&m3)?, parse(&m12)?, parse(&m24)?, parse(&m60)?],
                    persons: persons as u32,
                });
            }
            Ok(out)
        })
    }
}
