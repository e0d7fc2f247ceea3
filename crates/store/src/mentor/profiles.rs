//! Mentor and mentee profiles.

use domain::mentor::{name_key, Consent, Language, Profile, ProfileFields, Side};
use domain::FieldError;
use serde_json::json;
use time::{Date, OffsetDateTime};

use super::{from_json, read_ids, to_json, written_fields};
use crate::audit::{audit, audit_read, Who};
use crate::newcomer::fields;
use crate::{on, on_writer, Db, Result, StoreError};

const ENTITY: &str = "mentoring_profile";

/// The tables a profile's deletion deletes from, through the cascade; scrubbed after.
const DELETED_WITH_PROFILE: &[&str] = &[
    "mentoring_profiles",
    "mentoring_pairs",
    "mentoring_meetings",
    "mentoring_check_ins",
    "mentoring_outcomes",
    "mentoring_pair_rules",
];

pub(super) const SELECT_PROFILES: &str =
    "SELECT id, version, side, name, municipality, languages, \
     occupation, industry, goals, interests, availability, capacity, consent_given_on, \
     consent_text_version, account_id FROM mentoring_profiles";

#[derive(sqlx::FromRow)]
pub(super) struct ProfileRow {
    id: i64,
    version: i64,
    #[sqlx(try_from = "String")]
    side: Side,
    name: String,
    municipality: String,
    languages: String,
    occupation: String,
    industry: String,
    goals: String,
    interests: String,
    availability: String,
    capacity: Option<i64>,
    consent_given_on: Option<Date>,
    consent_text_version: Option<String>,
    account_id: Option<i64>,
}

impl ProfileRow {
    pub(super) fn into_profile(self) -> Result<Profile, sqlx::Error> {
        let consent = match (self.consent_given_on, self.consent_text_version) {
            (Some(given_on), Some(text_version)) => Some(Consent {
                given_on,
                text_version,
            }),
            _ => None,
        };
        Ok(Profile {
            id: self.id,
            version: self.version,
            fields: ProfileFields {
                side: self.side,
                name: self.name,
                municipality: self.municipality,
                languages: from_json::<Vec<Language>>("languages", &self.languages)?,
                occupation: self.occupation,
                industry: self.industry,
                goals: from_json("goals", &self.goals)?,
                interests: from_json("interests", &self.interests)?,
                availability: from_json("availability", &self.availability)?,
                capacity: self.capacity,
                consent,
                account_id: self.account_id,
            },
        })
    }
}

pub(super) fn profiles(rows: Vec<ProfileRow>) -> Result<Vec<Profile>> {
    Ok(rows
        .into_iter()
        .map(ProfileRow::into_profile)
        .collect::<Result<_, _>>()?)
}

/// Which profiles to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProfileFilter {
    pub side: Option<Side>,
    /// Only the profiles linked to this account.
    pub account_id: Option<i64>,
}

/// Who a profile belongs to, for deciding who may touch it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileOwner {
    pub side: Side,
    pub account_id: Option<i64>,
}

/// Refuses a profile of a person already registered on the same side: the same name in
/// the same municipality, or the same account. `$except` is the profile being edited.
macro_rules! refuse_duplicate {
    ($tx:expr, $f:expr, $except:expr) => {{
        let found: Option<(i64, Option<i64>)> = sqlx::query_as(
            "SELECT id, account_id FROM mentoring_profiles WHERE side = $1 AND id <> $2 \
             AND ((name_key = $3 AND municipality = $4) OR account_id = $5)",
        )
        .bind($f.side.code())
        .bind($except)
        .bind(name_key(&$f.name))
        .bind(&$f.municipality)
        .bind($f.account_id)
        .fetch_optional(&mut *$tx)
        .await?;
        if let Some((id, account)) = found {
            let (field, message) = if account.is_some() && account == $f.account_id {
                ("account_id", format!("this account already has a {} profile (#{id})", $f.side))
            } else {
                ("name", format!("this person is already registered as a {} in this municipality (#{id})", $f.side))
            };
            return Err(StoreError::Invalid(FieldError::new(field, message)));
        }
        if let Some(account) = $f.account_id {
            let user: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE id = $1")
                .bind(account)
                .fetch_optional(&mut *$tx)
                .await?;
            if user.is_none() {
                return Err(StoreError::Invalid(FieldError::new("account_id", format!("there is no account #{account}"))));
            }
        }
    }};
}

impl Db {
    pub async fn create_mentoring_profile(&self, who: &Who, f: &ProfileFields) -> Result<i64> {
        let (given_on, text_version) = consent_columns(f);
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            refuse_duplicate!(tx, f, 0i64);
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO mentoring_profiles (side, name, name_key, municipality, languages, occupation, industry, \
                 goals, interests, availability, capacity, consent_given_on, consent_text_version, account_id, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id")
                .bind(f.side.code()).bind(&f.name).bind(name_key(&f.name)).bind(&f.municipality)
                .bind(to_json(&f.languages)).bind(&f.occupation).bind(&f.industry).bind(to_json(&f.goals))
                .bind(to_json(&f.interests)).bind(to_json(&f.availability)).bind(f.capacity)
                .bind(given_on).bind(text_version).bind(f.account_id).bind(OffsetDateTime::now_utc())
                .fetch_one(&mut *tx).await
                .map_err(|e| StoreError::unique(e, || "this person is registered already".into()))?;
            audit!(tx, who, "create", ENTITY, id.to_string(), None, fields(None, &written_fields(None, f)));
            tx.commit().await?;
            Ok(id)
        })
    }

    /// One profile; the read is audited.
    pub async fn mentoring_profile(&self, who: &Who, id: i64) -> Result<Option<Profile>> {
        let sql = format!("{SELECT_PROFILES} WHERE id = $1");
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            let row: Option<ProfileRow> = sqlx::query_as(&sql).bind(id).fetch_optional(&mut *tx).await?;
            tx.commit().await?;
            if row.is_some() {
                audit_read!(self, who, ENTITY, id.to_string(), None);
            }
            Ok(row.map(ProfileRow::into_profile).transpose()?)
        })
    }

    /// Profiles by id; the read is audited with the ids it returned.
    pub async fn mentoring_profiles(
        &self,
        who: &Who,
        filter: ProfileFilter,
    ) -> Result<Vec<Profile>> {
        let sql = format!("{SELECT_PROFILES} WHERE ($1 IS NULL OR side = $1) AND ($2 IS NULL OR account_id = $2) ORDER BY id");
        let side = filter.side.map(|s| s.code());
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            let rows: Vec<ProfileRow> = sqlx::query_as(&sql).bind(side).bind(filter.account_id).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            audit_read!(self, who, ENTITY, "list", read_ids(rows.iter().map(|r| r.id)));
            profiles(rows)
        })
    }

    /// The side and account of a profile, to decide who may touch it. Not shown to anyone,
    /// so not audited as a read.
    pub async fn mentoring_profile_owner(&self, id: i64) -> Result<Option<ProfileOwner>> {
        let row: Option<(String, Option<i64>)> = on!(self, p => sqlx::query_as(
            "SELECT side, account_id FROM mentoring_profiles WHERE id = $1").bind(id).fetch_optional(p).await)?;
        row.map(|(side, account_id)| {
            Ok(ProfileOwner {
                side: side.parse().map_err(StoreError::Invalid)?,
                account_id,
            })
        })
        .transpose()
    }

    /// Changes a profile still at `version`; the side cannot change. Returns the new version.
    pub async fn update_mentoring_profile(
        &self,
        who: &Who,
        id: i64,
        version: i64,
        f: &ProfileFields,
    ) -> Result<i64> {
        let sql = format!("{SELECT_PROFILES} WHERE id = $1");
        let (given_on, text_version) = consent_columns(f);
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let row: Option<ProfileRow> = sqlx::query_as(&sql).bind(id).fetch_optional(&mut *tx).await?;
            let Some(before) = row.map(ProfileRow::into_profile).transpose()? else {
                return Err(StoreError::NotFound(format!("profile #{id}")));
            };
            if before.version != version {
                return Err(StoreError::Stale { entity: ENTITY, id: id.to_string(), expected: version, current: before.version });
            }
            if before.fields.side != f.side {
                return Err(StoreError::Invalid(FieldError::new("side",
                    format!("a {} profile cannot become a {} profile; register the person anew", before.fields.side, f.side))));
            }
            refuse_duplicate!(tx, f, id);
            sqlx::query(
                "UPDATE mentoring_profiles SET name = $1, name_key = $2, municipality = $3, languages = $4, occupation = $5, \
                 industry = $6, goals = $7, interests = $8, availability = $9, capacity = $10, consent_given_on = $11, \
                 consent_text_version = $12, account_id = $13, version = version + 1 WHERE id = $14 AND version = $15")
                .bind(&f.name).bind(name_key(&f.name)).bind(&f.municipality).bind(to_json(&f.languages))
                .bind(&f.occupation).bind(&f.industry).bind(to_json(&f.goals)).bind(to_json(&f.interests))
                .bind(to_json(&f.availability)).bind(f.capacity).bind(given_on).bind(text_version)
                .bind(f.account_id).bind(id).bind(version)
                .execute(&mut *tx).await
                .map_err(|e| StoreError::unique(e, || "this person is registered already".into()))?;
            audit!(tx, who, "update", ENTITY, id.to_string(), None, fields(None, &written_fields(Some(&before.fields), f)));
            tx.commit().await?;
            Ok(version + 1)
        })
    }

    /// Deletes a profile and, through the foreign keys, every pair, meeting, check-in,
    /// outcome, lock and exclusion it is part of. The audit row names only the profile's id
    /// and side and how many pairs went with it, so the deletion does forget the person.
    /// Once committed, the files are scrubbed of the deleted rows (see [`Db::scrub`]).
    pub async fn delete_mentoring_profile(&self, who: &Who, id: i64) -> Result<()> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let (pairs,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM mentoring_pairs WHERE mentor_id = $1 OR mentee_id = $1")
                .bind(id).fetch_one(&mut *tx).await?;
            let row: Option<(String,)> = sqlx::query_as("DELETE FROM mentoring_profiles WHERE id = $1 RETURNING side")
                .bind(id).fetch_optional(&mut *tx).await?;
            let Some((side,)) = row else {
                return Err(StoreError::NotFound(format!("profile #{id}")));
            };
            audit!(tx, who, "delete", ENTITY, id.to_string(), Some(json!({ "side": side, "pairs": pairs })), None);
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        self.scrub(DELETED_WITH_PROFILE).await;
        Ok(())
    }
}

fn consent_columns(f: &ProfileFields) -> (Option<Date>, Option<&str>) {
    match &f.consent {
        Some(c) => (Some(c.given_on), Some(c.text_version.as_str())),
        None => (None, None),
    }
}
