//! Newcomer cases: the main person, the household, what they need.

use domain::newcomer::{
    changed_fields, Case, CaseDetail, CaseFields, Category, HouseholdMember, Need,
};
use domain::FieldError;
use time::{Date, OffsetDateTime};

use super::{fields, CASE};
use crate::audit::{audit, audit_read, Who};
use crate::mentor::{from_json, read_ids, to_json};
use crate::{on, on_writer, Db, Result, StoreError};

pub(super) const SELECT_CASES: &str = "SELECT id, version, name, phone, email, municipality, \
     arrival_date, household, languages, category, needs, contact_person, account_id FROM newcomer_cases";

/// Every field a case has, as the audit log names them.
pub(super) const CASE_FIELDS: &[&str] = &[
    "name",
    "phone",
    "email",
    "municipality",
    "arrival_date",
    "household",
    "languages",
    "category",
    "needs",
    "contact_person",
    "account_id",
];

#[derive(sqlx::FromRow)]
pub(super) struct CaseRow {
    pub(super) id: i64,
    version: i64,
    name: String,
    phone: String,
    email: String,
    municipality: String,
    arrival_date: Date,
    household: String,
    languages: String,
    #[sqlx(try_from = "String")]
    category: Category,
    needs: String,
    contact_person: Option<i64>,
    account_id: Option<i64>,
}

impl CaseRow {
    pub(super) fn into_case(self) -> Result<Case, sqlx::Error> {
        Ok(Case {
            id: self.id,
            version: self.version,
            fields: CaseFields {
                name: self.name,
                phone: self.phone,
                email: self.email,
                municipality: self.municipality,
                arrival_date: self.arrival_date,
                household: from_json::<Vec<HouseholdMember>>("household", &self.household)?,
                languages: from_json("languages", &self.languages)?,
                category: self.category,
                needs: from_json::<Vec<Need>>("needs", &self.needs)?,
                contact_person: self.contact_person,
                account_id: self.account_id,
            },
        })
    }
}

/// Which cases to list: everything, or those a person may see.
#[derive(Debug, Clone, Default)]
pub struct CaseScope {
    pub all: bool,
    /// Cases this staff account is the contact person of.
    pub contact_person: Option<i64>,
    /// Cases linked to this account.
    pub account_id: Option<i64>,
    /// Cases in these municipalities.
    pub municipalities: Vec<String>,
}

/// Where a case is and whose it is, for deciding who may touch it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseAccess {
    pub municipality: String,
    pub contact_person: Option<i64>,
    pub account_id: Option<i64>,
}

/// Refuses links to accounts that do not exist, and a contact person who is not staff.
macro_rules! check_links {
    ($tx:expr, $f:expr) => {{
        for (field, account) in [
            ("contact_person", $f.contact_person),
            ("account_id", $f.account_id),
        ] {
            let Some(account) = account else { continue };
            let user: Option<(String,)> = sqlx::query_as("SELECT role FROM users WHERE id = $1")
                .bind(account)
                .fetch_optional(&mut *$tx)
                .await?;
            let Some((role,)) = user else {
                return Err(StoreError::Invalid(if field == "account_id" {
                    not_linkable()
                } else {
                    FieldError::new(field, format!("there is no account #{account}"))
                }));
            };
            if field == "contact_person" && role != "newcomer-staff" && role != "admin" {
                return Err(StoreError::Invalid(FieldError::new(
                    field,
                    format!("account #{account} is not newcomer staff"),
                )));
            }
        }
    }};
}

/// The one answer to an account that cannot be the newcomer's own, whether it does not
/// exist or is linked to another case already: telling them apart would tell staff who
/// else is a newcomer.
fn not_linkable() -> FieldError {
    FieldError::new(
        "account_id",
        "cannot be linked to this case: give the newcomer's own account, or none",
    )
}

fn linked_twice(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Invalid(not_linkable()),
        _ => StoreError::Database(e),
    }
}

impl Db {
    pub async fn create_newcomer_case(&self, who: &Who, f: &CaseFields) -> Result<i64> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            check_links!(tx, f);
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO newcomer_cases (name, phone, email, municipality, arrival_date, household, languages, \
                 category, needs, contact_person, account_id, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id")
                .bind(&f.name).bind(&f.phone).bind(&f.email).bind(&f.municipality).bind(f.arrival_date)
                .bind(to_json(&f.household)).bind(to_json(&f.languages)).bind(f.category.code())
                .bind(to_json(&f.needs)).bind(f.contact_person).bind(f.account_id).bind(OffsetDateTime::now_utc())
                .fetch_one(&mut *tx).await
                .map_err(linked_twice)?;
            audit!(tx, who, "create", CASE, id.to_string(), None, fields(None, CASE_FIELDS));
            tx.commit().await?;
            Ok(id)
        })
    }

    /// A case with its steps, follow-ups, consents and rent-to-own; the read is audited.
    pub async fn newcomer_case(&self, who: &Who, id: i64) -> Result<Option<CaseDetail>> {
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            let detail = super::records::detail_in!(tx, id);
            tx.commit().await?;
            if detail.is_some() {
                audit_read!(self, who, CASE, id.to_string(), None);
            }
            Ok(detail)
        })
    }

    /// The cases in `scope`; the read is audited with the ids it returned.
    pub async fn newcomer_cases(&self, who: &Who, scope: &CaseScope) -> Result<Vec<Case>> {
        let sql = format!(
            "{SELECT_CASES} WHERE $1 OR contact_person = $2 OR account_id = $3 \
             OR $4 LIKE '%,' || municipality || ',%' ORDER BY id"
        );
        let municipalities = format!(",{},", scope.municipalities.join(","));
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            let rows: Vec<CaseRow> = sqlx::query_as(&sql).bind(scope.all).bind(scope.contact_person)
                .bind(scope.account_id).bind(&municipalities).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            audit_read!(self, who, CASE, "list", read_ids(rows.iter().map(|r| r.id)));
            Ok(rows.into_iter().map(CaseRow::into_case).collect::<Result<_, _>>()?)
        })
    }

    /// Where a case is and whose it is. Shown to no one, so not audited as a read.
    pub async fn newcomer_case_access(&self, id: i64) -> Result<Option<CaseAccess>> {
        let row: Option<(String, Option<i64>, Option<i64>)> = on!(self, p => sqlx::query_as(
            "SELECT municipality, contact_person, account_id FROM newcomer_cases WHERE id = $1")
            .bind(id).fetch_optional(p).await)?;
        Ok(
            row.map(|(municipality, contact_person, account_id)| CaseAccess {
                municipality,
                contact_person,
                account_id,
            }),
        )
    }

    /// Changes a case still at `version`; returns the new version. The audit row names the
    /// fields that changed, not what they held or hold.
    pub async fn update_newcomer_case(
        &self,
        who: &Who,
        id: i64,
        version: i64,
        f: &CaseFields,
    ) -> Result<i64> {
        let sql = format!("{SELECT_CASES} WHERE id = $1");
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let row: Option<CaseRow> = sqlx::query_as(&sql).bind(id).fetch_optional(&mut *tx).await?;
            let Some(before) = row.map(CaseRow::into_case).transpose()? else {
                return Err(StoreError::NotFound(format!("newcomer case #{id}")));
            };
            if before.version != version {
                return Err(StoreError::Stale { entity: CASE, id: id.to_string(), expected: version, current: before.version });
            }
            check_links!(tx, f);
            sqlx::query(
                "UPDATE newcomer_cases SET name = $1, phone = $2, email = $3, municipality = $4, arrival_date = $5, \
                 household = $6, languages = $7, category = $8, needs = $9, contact_person = $10, account_id = $11, \
                 version = version + 1 WHERE id = $12 AND version = $13")
                .bind(&f.name).bind(&f.phone).bind(&f.email).bind(&f.municipality).bind(f.arrival_date)
                .bind(to_json(&f.household)).bind(to_json(&f.languages)).bind(f.category.code())
                .bind(to_json(&f.needs)).bind(f.contact_person).bind(f.account_id).bind(id).bind(version)
                .execute(&mut *tx).await
                .map_err(linked_twice)?;
            audit!(tx, who, "update", CASE, id.to_string(), None, fields(None, &changed_fields(&before.fields, f)));
            tx.commit().await?;
            Ok(version + 1)
        })
    }
}
