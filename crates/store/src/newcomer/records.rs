//! What is recorded about a case: steps, follow-ups, consents and rent-to-own.

use domain::newcomer::{
    ConsentFields, ConsentRecord, FollowUp, FollowUpAt, FollowUpFields, LawfulBasis, Purpose,
    RentToOwn, RentToOwnFields, Residence, Step, StepFields, StepKind,
};
use time::{Date, OffsetDateTime};

use super::{arrival_of, fields, CONSENT, FOLLOW_UP, RENT_TO_OWN, STEP};
use crate::audit::{audit, Who};
use crate::{on_writer, Db, Result, StoreError};

pub(super) const SELECT_STEPS: &str = "SELECT case_id, kind, done_on FROM newcomer_steps";
pub(super) const SELECT_FOLLOW_UPS: &str =
    "SELECT case_id, at, recorded_on, residence FROM newcomer_follow_ups";
pub(super) const SELECT_CONSENTS: &str = "SELECT id, case_id, purpose, basis, given_on, \
     text_version, withdrawn_on FROM newcomer_consents";
pub(super) const SELECT_RENT_TO_OWN: &str = "SELECT case_id, version, selected_on, \
     home_bought_on, renting_from, purchased_on, followed_up_on FROM newcomer_rent_to_own";

#[derive(sqlx::FromRow)]
pub(super) struct StepRow {
    case_id: i64,
    #[sqlx(try_from = "String")]
    kind: StepKind,
    done_on: Date,
}

impl From<StepRow> for Step {
    fn from(r: StepRow) -> Self {
        Step {
            case_id: r.case_id,
            fields: StepFields {
                kind: r.kind,
                done_on: r.done_on,
            },
        }
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct FollowUpRow {
    pub(super) case_id: i64,
    #[sqlx(try_from = "String")]
    at: FollowUpAt,
    recorded_on: Date,
    #[sqlx(try_from = "String")]
    residence: Residence,
}

impl From<FollowUpRow> for FollowUp {
    fn from(r: FollowUpRow) -> Self {
        FollowUp {
            case_id: r.case_id,
            fields: FollowUpFields {
                at: r.at,
                recorded_on: r.recorded_on,
                residence: r.residence,
            },
        }
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct ConsentRow {
    id: i64,
    case_id: i64,
    #[sqlx(try_from = "String")]
    purpose: Purpose,
    #[sqlx(try_from = "String")]
    basis: LawfulBasis,
    given_on: Date,
    text_version: String,
    withdrawn_on: Option<Date>,
}

impl From<ConsentRow> for ConsentRecord {
    fn from(r: ConsentRow) -> Self {
        ConsentRecord {
            id: r.id,
            case_id: r.case_id,
            fields: ConsentFields {
                purpose: r.purpose,
                basis: r.basis,
                given_on: r.given_on,
                text_version: r.text_version,
            },
            withdrawn_on: r.withdrawn_on,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct RentToOwnRow {
    case_id: i64,
    version: i64,
    selected_on: Date,
    home_bought_on: Option<Date>,
    renting_from: Option<Date>,
    purchased_on: Option<Date>,
    followed_up_on: Option<Date>,
}

impl From<RentToOwnRow> for RentToOwn {
    fn from(r: RentToOwnRow) -> Self {
        RentToOwnFields {
            selected_on: r.selected_on,
            home_bought_on: r.home_bought_on,
            renting_from: r.renting_from,
            purchased_on: r.purchased_on,
            followed_up_on: r.followed_up_on,
        }
        .stored(r.case_id, r.version)
    }
}

/// Reads a case and everything recorded about it inside a transaction: None when there
/// is no such case.
macro_rules! detail_in {
    ($tx:expr, $id:expr) => {{
        use $crate::newcomer::records::*;
        let sql = format!("{} WHERE id = $1", $crate::newcomer::cases::SELECT_CASES);
        let row: Option<$crate::newcomer::cases::CaseRow> = sqlx::query_as(&sql)
            .bind($id)
            .fetch_optional(&mut *$tx)
            .await?;
        match row {
            None => None,
            Some(row) => {
                let steps: Vec<StepRow> = sqlx::query_as(&format!(
                    "{SELECT_STEPS} WHERE case_id = $1 ORDER BY done_on, kind"
                ))
                .bind($id)
                .fetch_all(&mut *$tx)
                .await?;
                let follow_ups: Vec<FollowUpRow> = sqlx::query_as(&format!(
                    "{SELECT_FOLLOW_UPS} WHERE case_id = $1 ORDER BY recorded_on, at"
                ))
                .bind($id)
                .fetch_all(&mut *$tx)
                .await?;
                let consents: Vec<ConsentRow> =
                    sqlx::query_as(&format!("{SELECT_CONSENTS} WHERE case_id = $1 ORDER BY id"))
                        .bind($id)
                        .fetch_all(&mut *$tx)
                        .await?;
                let rent: Option<RentToOwnRow> =
                    sqlx::query_as(&format!("{SELECT_RENT_TO_OWN} WHERE case_id = $1"))
                        .bind($id)
                        .fetch_optional(&mut *$tx)
                        .await?;
                Some(domain::newcomer::CaseDetail {
                    case: row.into_case()?,
                    steps: steps.into_iter().map(Into::into).collect(),
                    follow_ups: follow_ups.into_iter().map(Into::into).collect(),
                    consents: consents.into_iter().map(Into::into).collect(),
                    rent_to_own: rent.map(Into::into),
                })
            }
        }
    }};
}
pub(crate) use detail_in;

impl Db {
    /// Records (or corrects the day of) a step.
    pub async fn set_newcomer_step(
        &self,
        who: &Who,
        case_id: i64,
        s: &StepFields,
        today: Date,
    ) -> Result<()> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let arrival = arrival_of!(tx, case_id);
            s.validate(arrival, today).map_err(StoreError::Invalid)?;
            sqlx::query("INSERT INTO newcomer_steps (case_id, kind, done_on) VALUES ($1, $2, $3) \
                         ON CONFLICT (case_id, kind) DO UPDATE SET done_on = excluded.done_on")
                .bind(case_id).bind(s.kind.code()).bind(s.done_on).execute(&mut *tx).await?;
            audit!(tx, who, "set", STEP, case_id.to_string(), None, fields(Some(("kind", s.kind.code().into())), &["done_on"]));
            tx.commit().await?;
            Ok(())
        })
    }

    /// Records (or corrects) a follow-up, once it is due.
    pub async fn set_newcomer_follow_up(
        &self,
        who: &Who,
        case_id: i64,
        f: &FollowUpFields,
        today: Date,
    ) -> Result<()> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let arrival = arrival_of!(tx, case_id);
            f.validate(arrival, today).map_err(StoreError::Invalid)?;
            sqlx::query("INSERT INTO newcomer_follow_ups (case_id, at, recorded_on, residence) VALUES ($1, $2, $3, $4) \
                         ON CONFLICT (case_id, at) DO UPDATE SET recorded_on = excluded.recorded_on, residence = excluded.residence")
                .bind(case_id).bind(f.at.code()).bind(f.recorded_on).bind(f.residence.code()).execute(&mut *tx).await?;
            audit!(tx, who, "set", FOLLOW_UP, case_id.to_string(), None,
                fields(Some(("at", f.at.code().into())), &["recorded_on", "residence"]));
            tx.commit().await?;
            Ok(())
        })
    }

    /// Records a lawful basis or consent for a purpose; returns the record's id. Earlier
    /// records stay as history.
    pub async fn add_newcomer_consent(
        &self,
        who: &Who,
        case_id: i64,
        c: &ConsentFields,
    ) -> Result<i64> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            arrival_of!(tx, case_id);
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO newcomer_consents (case_id, purpose, basis, given_on, text_version, recorded_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
                .bind(case_id).bind(c.purpose.code()).bind(c.basis.code()).bind(c.given_on).bind(&c.text_version)
                .bind(OffsetDateTime::now_utc()).fetch_one(&mut *tx).await?;
            audit!(tx, who, "create", CONSENT, case_id.to_string(), None,
                fields(Some(("consent_id", id.into())), &["purpose", "basis", "given_on", "text_version"]));
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Marks a consent withdrawn on `on`; the record is kept.
    pub async fn withdraw_newcomer_consent(
        &self,
        who: &Who,
        case_id: i64,
        consent_id: i64,
        on: Date,
        today: Date,
    ) -> Result<()> {
        let sql = format!("{SELECT_CONSENTS} WHERE id = $1 AND case_id = $2");
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let row: Option<ConsentRow> = sqlx::query_as(&sql).bind(consent_id).bind(case_id).fetch_optional(&mut *tx).await?;
            let Some(record) = row.map(ConsentRecord::from) else {
                return Err(StoreError::NotFound(format!("consent #{consent_id} of newcomer case #{case_id}")));
            };
            record.check_withdrawal(on, today).map_err(StoreError::Invalid)?;
            sqlx::query("UPDATE newcomer_consents SET withdrawn_on = $1 WHERE id = $2")
                .bind(on).bind(consent_id).execute(&mut *tx).await?;
            audit!(tx, who, "withdraw", CONSENT, case_id.to_string(), None,
                fields(Some(("consent_id", consent_id.into())), &["withdrawn_on"]));
            tx.commit().await?;
            Ok(())
        })
    }

    /// Starts (`version` None) or changes (at `version`) the case's rent-to-own record;
    /// returns its new version.
    pub async fn set_newcomer_rent_to_own(
        &self,
        who: &Who,
        case_id: i64,
        version: Option<i64>,
        r: &RentToOwnFields,
    ) -> Result<i64> {
        let sql = format!("{SELECT_RENT_TO_OWN} WHERE case_id = $1");
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            arrival_of!(tx, case_id);
            let before: Option<RentToOwnRow> = sqlx::query_as(&sql).bind(case_id).fetch_optional(&mut *tx).await?;
            let current = before.map(|b| b.version);
            if current != version {
                return Err(StoreError::Stale { entity: RENT_TO_OWN, id: case_id.to_string(),
                    expected: version.unwrap_or_default(), current: current.unwrap_or_default() });
            }
            sqlx::query("INSERT INTO newcomer_rent_to_own (case_id, selected_on, home_bought_on, renting_from, purchased_on, \
                         followed_up_on) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_id) DO UPDATE SET \
                         selected_on = excluded.selected_on, home_bought_on = excluded.home_bought_on, \
                         renting_from = excluded.renting_from, purchased_on = excluded.purchased_on, \
                         followed_up_on = excluded.followed_up_on, version = newcomer_rent_to_own.version + 1")
                .bind(case_id).bind(r.selected_on).bind(r.home_bought_on).bind(r.renting_from)
                .bind(r.purchased_on).bind(r.followed_up_on).execute(&mut *tx).await?;
            audit!(tx, who, if version.is_some() { "update" } else { "create" }, RENT_TO_OWN, case_id.to_string(), None,
                fields(None, &["selected_on", "home_bought_on", "renting_from", "purchased_on", "followed_up_on"]));
            tx.commit().await?;
            Ok(version.unwrap_or_default() + 1)
        })
    }
}
