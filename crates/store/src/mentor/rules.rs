//! The matching rules and the coordinator's locks and exclusions.

use domain::mentor::{MatchingRules, PairRule, PairRuleKind, Side};
use domain::FieldError;
use serde_json::json;

use super::{from_json, read_ids, to_json, written_fields};
use crate::audit::{audit, audit_read, Who};
use crate::newcomer::fields;
use crate::{on, on_writer, Db, Result, StoreError};

pub(super) const SELECT_RULES: &str =
    "SELECT min_level, neighbours, weights, version FROM mentoring_rules WHERE id = 1";
pub(super) const SELECT_PAIR_RULES: &str =
    "SELECT mentor_id, mentee_id, kind FROM mentoring_pair_rules ORDER BY mentor_id, mentee_id";

#[derive(sqlx::FromRow)]
pub(super) struct RulesRow {
    min_level: String,
    neighbours: String,
    weights: String,
    version: i64,
}

impl RulesRow {
    pub(super) fn into_rules(self) -> Result<(MatchingRules, i64)> {
        Ok((
            MatchingRules {
                min_level: self.min_level.parse().map_err(StoreError::Invalid)?,
                neighbours: from_json("neighbours", &self.neighbours)?,
                weights: from_json("weights", &self.weights)?,
            },
            self.version,
        ))
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct PairRuleRow {
    mentor_id: i64,
    mentee_id: i64,
    #[sqlx(try_from = "String")]
    kind: PairRuleKind,
}

impl From<PairRuleRow> for PairRule {
    fn from(r: PairRuleRow) -> Self {
        PairRule {
            mentor_id: r.mentor_id,
            mentee_id: r.mentee_id,
            kind: r.kind,
        }
    }
}

impl Db {
    /// The rules and their version. They name no person, so the read is not audited.
    pub async fn mentoring_rules(&self) -> Result<(MatchingRules, i64)> {
        let row: RulesRow = on!(self, p => sqlx::query_as(SELECT_RULES).fetch_one(p).await)?;
        row.into_rules()
    }

    /// Replaces the rules if they are still at `version`; returns the new version.
    pub async fn set_mentoring_rules(
        &self,
        who: &Who,
        version: i64,
        rules: &MatchingRules,
    ) -> Result<i64> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let row: RulesRow = sqlx::query_as(SELECT_RULES).fetch_one(&mut *tx).await?;
            let (before, current) = row.into_rules()?;
            if current != version {
                return Err(StoreError::Stale { entity: "mentoring_rules", id: "1".into(), expected: version, current });
            }
            sqlx::query("UPDATE mentoring_rules SET min_level = $1, neighbours = $2, weights = $3, version = version + 1 WHERE id = 1")
                .bind(rules.min_level.code()).bind(to_json(&rules.neighbours)).bind(to_json(&rules.weights))
                .execute(&mut *tx).await?;
            audit!(tx, who, "update", "mentoring_rules", "1", None, fields(None, &written_fields(Some(&before), rules)));
            tx.commit().await?;
            Ok(version + 1)
        })
    }

    /// Locks and exclusions; they say who may be paired with whom, so the read is audited.
    pub async fn mentoring_pair_rules(&self, who: &Who) -> Result<Vec<PairRule>> {
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            let rows: Vec<PairRuleRow> = sqlx::query_as(SELECT_PAIR_RULES).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            audit_read!(self, who, "mentoring_pair_rule", "list", read_ids(rows.iter().map(|r| r.mentee_id)));
            Ok(rows.into_iter().map(Into::into).collect())
        })
    }

    /// Locks or excludes a mentor and a mentee, or (with `None`) lifts what was set.
    pub async fn set_mentoring_pair_rule(
        &self,
        who: &Who,
        mentor_id: i64,
        mentee_id: i64,
        kind: Option<PairRuleKind>,
    ) -> Result<()> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            for (field, id, side) in [("mentor_id", mentor_id, Side::Mentor), ("mentee_id", mentee_id, Side::Mentee)] {
                let found: Option<(String,)> = sqlx::query_as("SELECT side FROM mentoring_profiles WHERE id = $1")
                    .bind(id).fetch_optional(&mut *tx).await?;
                if found.as_ref().map(|(s,)| s.as_str()) != Some(side.code()) {
                    return Err(StoreError::Invalid(FieldError::new(field, format!("there is no {side} #{id}"))));
                }
            }
            if kind == Some(PairRuleKind::Lock) {
                let other: Option<(i64,)> = sqlx::query_as(
                    "SELECT mentor_id FROM mentoring_pair_rules WHERE mentee_id = $1 AND kind = 'lock' AND mentor_id <> $2")
                    .bind(mentee_id).bind(mentor_id).fetch_optional(&mut *tx).await?;
                if let Some((other,)) = other {
                    return Err(StoreError::Invalid(FieldError::new("mentee_id",
                        format!("mentee #{mentee_id} is already locked to mentor #{other}; lift that lock first"))));
                }
            }
            let before: Option<(String,)> = sqlx::query_as("SELECT kind FROM mentoring_pair_rules WHERE mentor_id = $1 AND mentee_id = $2")
                .bind(mentor_id).bind(mentee_id).fetch_optional(&mut *tx).await?;
            match kind {
                Some(kind) => sqlx::query(
                    "INSERT INTO mentoring_pair_rules (mentor_id, mentee_id, kind) VALUES ($1, $2, $3) \
                     ON CONFLICT (mentor_id, mentee_id) DO UPDATE SET kind = excluded.kind")
                    .bind(mentor_id).bind(mentee_id).bind(kind.code()).execute(&mut *tx).await?,
                None => sqlx::query("DELETE FROM mentoring_pair_rules WHERE mentor_id = $1 AND mentee_id = $2")
                    .bind(mentor_id).bind(mentee_id).execute(&mut *tx).await?,
            };
            audit!(tx, who, "set", "mentoring_pair_rule", format!("{mentor_id}/{mentee_id}"),
                before.map(|(k,)| json!({ "kind": k })), kind.map(|k| json!({ "kind": k.code() })));
            tx.commit().await?;
            Ok(())
        })
    }
}
