//! Pairs: the matching's proposals and their life after.

use domain::mentor::{NewPair, Pair, PairEvent, PairState, PairStatus, ScoreReason};
use serde_json::json;
use time::{Date, OffsetDateTime};

use super::profiles::{profiles, ProfileRow, SELECT_PROFILES};
use super::rules::{PairRuleRow, RulesRow, SELECT_PAIR_RULES, SELECT_RULES};
use super::{from_json, read_ids, to_json, written_fields, MatchingInput};
use crate::audit::{audit, audit_read, Who};
use crate::newcomer::fields;
use crate::{on, on_writer, Db, Result, StoreError};

const ENTITY: &str = "mentoring_pair";

pub(super) const SELECT_PAIRS: &str = "SELECT id, version, mentor_id, mentee_id, status, locked, score, \
     explanation, mentor_accepted, mentee_accepted, started_on, ended_on, end_reason FROM mentoring_pairs";

#[derive(sqlx::FromRow)]
pub(super) struct PairRow {
    id: i64,
    version: i64,
    mentor_id: i64,
    mentee_id: i64,
    #[sqlx(try_from = "String")]
    status: PairStatus,
    locked: bool,
    score: i64,
    explanation: String,
    mentor_accepted: Option<Date>,
    mentee_accepted: Option<Date>,
    started_on: Option<Date>,
    ended_on: Option<Date>,
    end_reason: String,
}

impl PairRow {
    pub(super) fn id_for_audit(&self) -> i64 {
        self.id
    }

    pub(super) fn into_pair(self) -> Result<Pair, sqlx::Error> {
        Ok(Pair {
            id: self.id,
            version: self.version,
            mentor_id: self.mentor_id,
            mentee_id: self.mentee_id,
            locked: self.locked,
            score: self.score,
            explanation: from_json::<Vec<ScoreReason>>("explanation", &self.explanation)?,
            state: PairState {
                status: self.status,
                mentor_accepted: self.mentor_accepted,
                mentee_accepted: self.mentee_accepted,
                started_on: self.started_on,
                ended_on: self.ended_on,
                end_reason: self.end_reason,
            },
        })
    }
}

pub(super) fn pairs(rows: Vec<PairRow>) -> Result<Vec<Pair>> {
    Ok(rows
        .into_iter()
        .map(PairRow::into_pair)
        .collect::<Result<_, _>>()?)
}

/// The pair `$id` read inside the transaction `$tx`, or NotFound.
macro_rules! pair_in {
    ($tx:expr, $id:expr) => {{
        let row: Option<$crate::mentor::pairs::PairRow> = sqlx::query_as(&format!(
            "{} WHERE id = $1",
            $crate::mentor::pairs::SELECT_PAIRS
        ))
        .bind($id)
        .fetch_optional(&mut *$tx)
        .await?;
        match row {
            Some(r) => r.into_pair()?,
            None => return Err($crate::StoreError::NotFound(format!("pair #{}", $id))),
        }
    }};
}
pub(super) use pair_in;

impl Db {
    /// Every pair, or those `profile_id` is part of; the read is audited.
    pub async fn mentoring_pairs(&self, who: &Who, profile_id: Option<i64>) -> Result<Vec<Pair>> {
        let sql = format!(
            "{SELECT_PAIRS} WHERE $1 IS NULL OR mentor_id = $1 OR mentee_id = $1 ORDER BY id"
        );
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            let rows: Vec<PairRow> = sqlx::query_as(&sql).bind(profile_id).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            audit_read!(self, who, ENTITY, "list", read_ids(rows.iter().map(|r| r.id)));
            pairs(rows)
        })
    }

    pub async fn mentoring_pair(&self, who: &Who, id: i64) -> Result<Pair> {
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            let pair = pair_in!(tx, id);
            tx.commit().await?;
            audit_read!(self, who, ENTITY, id.to_string(), None);
            Ok(pair)
        })
    }

    /// The accounts of a pair's mentor and mentee, to decide who may accept it. Not shown
    /// to anyone, so not audited as a read.
    pub async fn mentoring_pair_owners(
        &self,
        id: i64,
    ) -> Result<Option<(Option<i64>, Option<i64>)>> {
        let sql = "SELECT a.account_id, b.account_id FROM mentoring_pairs p \
                   JOIN mentoring_profiles a ON a.id = p.mentor_id JOIN mentoring_profiles b ON b.id = p.mentee_id WHERE p.id = $1";
        Ok(on!(self, p => sqlx::query_as(sql).bind(id).fetch_optional(p).await)?)
    }

    /// Profiles, pairs and rules for a matching run, read together with one audit row.
    pub async fn mentoring_matching_input(&self, who: &Who) -> Result<MatchingInput> {
        let profiles_sql = format!("{SELECT_PROFILES} ORDER BY id");
        let pairs_sql = format!("{SELECT_PAIRS} ORDER BY id");
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            let profile_rows: Vec<ProfileRow> = sqlx::query_as(&profiles_sql).fetch_all(&mut *tx).await?;
            let pair_rows: Vec<PairRow> = sqlx::query_as(&pairs_sql).fetch_all(&mut *tx).await?;
            let rules: RulesRow = sqlx::query_as(SELECT_RULES).fetch_one(&mut *tx).await?;
            let pair_rules: Vec<PairRuleRow> = sqlx::query_as(SELECT_PAIR_RULES).fetch_all(&mut *tx).await?;
            let profiles = profiles(profile_rows)?;
            tx.commit().await?;
            audit_read!(self, who, "mentoring_profile", "matching", read_ids(profiles.iter().map(|p| p.id)));
            let (rules, rules_version) = rules.into_rules()?;
            Ok(MatchingInput {
                profiles,
                pairs: pairs(pair_rows)?,
                rules,
                rules_version,
                pair_rules: pair_rules.into_iter().map(Into::into).collect(),
            })
        })
    }

    /// Stores a matching's proposal: proposals nobody has accepted are replaced (one for the
    /// same two people keeps its id), every other pair stays. Refused as a conflict if a
    /// proposed mentee got a pair since the matching read the database.
    pub async fn store_mentoring_proposal(
        &self,
        who: &Who,
        proposal: &[NewPair],
    ) -> Result<Vec<Pair>> {
        let sql = format!("{SELECT_PAIRS} WHERE status IN ('proposed', 'accepted', 'active', 'completed') ORDER BY id");
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let held = pairs(sqlx::query_as(&sql).fetch_all(&mut *tx).await?)?;
            let (mut replaceable, kept): (Vec<Pair>, Vec<Pair>) = held.into_iter().partition(Pair::is_replaceable);
            let mut ids = Vec::new();
            for p in proposal {
                if kept.iter().any(|k| k.mentee_id == p.mentee_id) {
                    return Err(StoreError::Conflict(format!(
                        "mentee #{} got a pair while the matching ran; run it again", p.mentee_id)));
                }
                let same = replaceable.iter().position(|r| (r.mentor_id, r.mentee_id) == (p.mentor_id, p.mentee_id));
                let id = match same.map(|k| replaceable.remove(k)) {
                    // Unchanged, it keeps its version, so a form open on it stays valid.
                    Some(r) if (r.locked, r.score, &r.explanation) == (p.locked, p.score, &p.explanation) => r.id,
                    Some(r) => {
                        sqlx::query("UPDATE mentoring_pairs SET locked = $1, score = $2, explanation = $3, version = version + 1 WHERE id = $4")
                            .bind(p.locked).bind(p.score).bind(to_json(&p.explanation)).bind(r.id).execute(&mut *tx).await?;
                        r.id
                    }
                    None => {
                        let (id,): (i64,) = sqlx::query_as(
                            "INSERT INTO mentoring_pairs (mentor_id, mentee_id, status, locked, score, explanation, proposed_at) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")
                            .bind(p.mentor_id).bind(p.mentee_id).bind(PairStatus::Proposed.code()).bind(p.locked)
                            .bind(p.score).bind(to_json(&p.explanation)).bind(OffsetDateTime::now_utc())
                            .fetch_one(&mut *tx).await?;
                        id
                    }
                };
                ids.push(id);
            }
            for r in &replaceable {
                sqlx::query("DELETE FROM mentoring_pairs WHERE id = $1").bind(r.id).execute(&mut *tx).await?;
            }
            let summary = |v: Vec<(i64, i64, i64)>| json!(v.into_iter().map(|(id, a, b)| json!({ "id": id, "mentor": a, "mentee": b })).collect::<Vec<_>>());
            audit!(tx, who, "propose", ENTITY, "matching",
                Some(summary(replaceable.iter().map(|r| (r.id, r.mentor_id, r.mentee_id)).collect())),
                Some(summary(ids.iter().zip(proposal).map(|(id, p)| (*id, p.mentor_id, p.mentee_id)).collect())));
            let mut stored = Vec::new();
            for id in ids {
                stored.push(pair_in!(tx, id));
            }
            tx.commit().await?;
            Ok(stored)
        })
    }

    /// Moves a pair still at `version` on in its life, if the move is legal now.
    pub async fn change_mentoring_pair(
        &self,
        who: &Who,
        id: i64,
        version: i64,
        event: &PairEvent,
    ) -> Result<Pair> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let before = pair_in!(tx, id);
            if before.version != version {
                return Err(StoreError::Stale { entity: ENTITY, id: id.to_string(), expected: version, current: before.version });
            }
            let s = before.state.apply(event).map_err(StoreError::Invalid)?;
            sqlx::query("UPDATE mentoring_pairs SET status = $1, mentor_accepted = $2, mentee_accepted = $3, started_on = $4, \
                         ended_on = $5, end_reason = $6, version = version + 1 WHERE id = $7 AND version = $8")
                .bind(s.status.code()).bind(s.mentor_accepted).bind(s.mentee_accepted).bind(s.started_on)
                .bind(s.ended_on).bind(&s.end_reason).bind(id).bind(version)
                .execute(&mut *tx).await?;
            audit!(tx, who, "update", ENTITY, id.to_string(), None, fields(None, &written_fields(Some(&before.state), &s)));
            let after = pair_in!(tx, id);
            tx.commit().await?;
            Ok(after)
        })
    }
}
