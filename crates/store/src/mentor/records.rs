//! What is recorded about a pair once it has started: meetings, the coordinator's
//! check-ins, and the mentee's situation at the follow-ups.

use domain::mentor::{
    CheckIn, CheckInFields, CheckInKind, FollowUp, Level, Meeting, MeetingFields, Outcome,
    OutcomeFields, Pair, PairLog,
};
use time::{Date, OffsetDateTime};

use super::pairs::{pair_in, pairs, PairRow, SELECT_PAIRS};
use super::{read_ids, written_fields};
use crate::audit::{audit, audit_read, Who};
use crate::newcomer::fields;
use crate::{on, on_writer, Db, Result, StoreError};

const SELECT_MEETINGS: &str = "SELECT id, pair_id, held_on, minutes, note FROM mentoring_meetings";
const SELECT_CHECK_INS: &str = "SELECT pair_id, kind, held_on, note FROM mentoring_check_ins";
const SELECT_OUTCOMES: &str = "SELECT pair_id, follow_up, recorded_on, in_work, in_education, \
     qualifications_approved, norwegian_level, in_region FROM mentoring_outcomes";

#[derive(sqlx::FromRow)]
struct MeetingRow {
    id: i64,
    pair_id: i64,
    held_on: Date,
    minutes: i64,
    note: String,
}

impl From<MeetingRow> for Meeting {
    fn from(r: MeetingRow) -> Self {
        Meeting {
            id: r.id,
            pair_id: r.pair_id,
            fields: MeetingFields {
                held_on: r.held_on,
                minutes: r.minutes,
                note: r.note,
            },
        }
    }
}

#[derive(sqlx::FromRow)]
struct CheckInRow {
    pair_id: i64,
    #[sqlx(try_from = "String")]
    kind: CheckInKind,
    held_on: Date,
    note: String,
}

impl From<CheckInRow> for CheckIn {
    fn from(r: CheckInRow) -> Self {
        CheckIn {
            pair_id: r.pair_id,
            fields: CheckInFields {
                kind: r.kind,
                held_on: r.held_on,
                note: r.note,
            },
        }
    }
}

#[derive(sqlx::FromRow)]
struct OutcomeRow {
    pair_id: i64,
    #[sqlx(try_from = "String")]
    follow_up: FollowUp,
    recorded_on: Date,
    in_work: bool,
    in_education: bool,
    qualifications_approved: bool,
    norwegian_level: Option<String>,
    in_region: bool,
}

impl TryFrom<OutcomeRow> for Outcome {
    type Error = StoreError;
    fn try_from(r: OutcomeRow) -> Result<Self> {
        let norwegian_level = r
            .norwegian_level
            .map(|l| l.parse::<Level>())
            .transpose()
            .map_err(StoreError::Invalid)?;
        Ok(Outcome {
            pair_id: r.pair_id,
            fields: OutcomeFields {
                follow_up: r.follow_up,
                recorded_on: r.recorded_on,
                in_work: r.in_work,
                in_education: r.in_education,
                qualifications_approved: r.qualifications_approved,
                norwegian_level,
                in_region: r.in_region,
            },
        })
    }
}

fn outcomes(rows: Vec<OutcomeRow>) -> Result<Vec<Outcome>> {
    rows.into_iter().map(Outcome::try_from).collect()
}

impl Db {
    /// Logs a meeting of a started pair; `today` bounds the date.
    pub async fn add_mentoring_meeting(
        &self,
        who: &Who,
        pair_id: i64,
        m: &MeetingFields,
        today: Date,
    ) -> Result<i64> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let pair = pair_in!(tx, pair_id);
            pair.state.check_meeting_day("held_on", m.held_on, today).map_err(StoreError::Invalid)?;
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO mentoring_meetings (pair_id, held_on, minutes, note, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
                .bind(pair_id).bind(m.held_on).bind(m.minutes).bind(&m.note).bind(OffsetDateTime::now_utc())
                .fetch_one(&mut *tx).await?;
            audit!(tx, who, "create", "mentoring_meeting", id.to_string(), None, fields(Some(("pair", pair_id.into())), &written_fields(None, m)));
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Records (or corrects) the midway or final check-in of a started pair.
    pub async fn set_mentoring_check_in(
        &self,
        who: &Who,
        pair_id: i64,
        c: &CheckInFields,
        today: Date,
    ) -> Result<()> {
        let sql = format!("{SELECT_CHECK_INS} WHERE pair_id = $1 AND kind = $2");
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let pair = pair_in!(tx, pair_id);
            pair.state.check_meeting_day("held_on", c.held_on, today).map_err(StoreError::Invalid)?;
            let before: Option<CheckInRow> = sqlx::query_as(&sql).bind(pair_id).bind(c.kind.code()).fetch_optional(&mut *tx).await?;
            sqlx::query("INSERT INTO mentoring_check_ins (pair_id, kind, held_on, note) VALUES ($1, $2, $3, $4) \
                         ON CONFLICT (pair_id, kind) DO UPDATE SET held_on = excluded.held_on, note = excluded.note")
                .bind(pair_id).bind(c.kind.code()).bind(c.held_on).bind(&c.note).execute(&mut *tx).await?;
            audit!(tx, who, "set", "mentoring_check_in", format!("{pair_id}/{}", c.kind),
                None, fields(None, &written_fields(before.map(|b| CheckIn::from(b).fields).as_ref(), c)));
            tx.commit().await?;
            Ok(())
        })
    }

    /// Records (or corrects) a follow-up of a pair that has ended, once it is due.
    pub async fn set_mentoring_outcome(
        &self,
        who: &Who,
        pair_id: i64,
        o: &OutcomeFields,
        today: Date,
    ) -> Result<()> {
        let sql = format!("{SELECT_OUTCOMES} WHERE pair_id = $1 AND follow_up = $2");
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let pair = pair_in!(tx, pair_id);
            pair.state.check_follow_up(o.follow_up, o.recorded_on, today).map_err(StoreError::Invalid)?;
            let before: Option<OutcomeRow> = sqlx::query_as(&sql).bind(pair_id).bind(o.follow_up.code()).fetch_optional(&mut *tx).await?;
            let before = before.map(Outcome::try_from).transpose()?;
            sqlx::query("INSERT INTO mentoring_outcomes (pair_id, follow_up, recorded_on, in_work, in_education, \
                         qualifications_approved, norwegian_level, in_region) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                         ON CONFLICT (pair_id, follow_up) DO UPDATE SET recorded_on = excluded.recorded_on, in_work = excluded.in_work, \
                         in_education = excluded.in_education, qualifications_approved = excluded.qualifications_approved, \
                         norwegian_level = excluded.norwegian_level, in_region = excluded.in_region")
                .bind(pair_id).bind(o.follow_up.code()).bind(o.recorded_on).bind(o.in_work).bind(o.in_education)
                .bind(o.qualifications_approved).bind(o.norwegian_level.map(|l| l.code())).bind(o.in_region)
                .execute(&mut *tx).await?;
            audit!(tx, who, "set", "mentoring_outcome", format!("{pair_id}/{}", o.follow_up),
                None, fields(None, &written_fields(before.map(|b| b.fields).as_ref(), o)));
            tx.commit().await?;
            Ok(())
        })
    }

    /// A pair's meetings, check-ins and outcomes; the read is audited.
    pub async fn mentoring_pair_log(&self, who: &Who, pair_id: i64) -> Result<PairLog> {
        let sqls = [
            format!("{SELECT_MEETINGS} WHERE pair_id = $1 ORDER BY held_on, id"),
            format!("{SELECT_CHECK_INS} WHERE pair_id = $1 ORDER BY kind"),
            format!("{SELECT_OUTCOMES} WHERE pair_id = $1 ORDER BY recorded_on"),
        ];
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            pair_in!(tx, pair_id);
            let meetings: Vec<MeetingRow> = sqlx::query_as(&sqls[0]).bind(pair_id).fetch_all(&mut *tx).await?;
            let check_ins: Vec<CheckInRow> = sqlx::query_as(&sqls[1]).bind(pair_id).fetch_all(&mut *tx).await?;
            let outcome_rows: Vec<OutcomeRow> = sqlx::query_as(&sqls[2]).bind(pair_id).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            audit_read!(self, who, "mentoring_pair_log", pair_id.to_string(), None);
            Ok(PairLog {
                meetings: meetings.into_iter().map(Into::into).collect(),
                check_ins: check_ins.into_iter().map(Into::into).collect(),
                outcomes: outcomes(outcome_rows)?,
            })
        })
    }

    /// Every pair, meeting and outcome, for counting the output indicators. The counts name
    /// nobody, but the rows do, so the read is audited.
    pub async fn mentoring_indicator_input(
        &self,
        who: &Who,
    ) -> Result<(Vec<Pair>, Vec<Meeting>, Vec<Outcome>)> {
        let pairs_sql = format!("{SELECT_PAIRS} ORDER BY id");
        on!(self, pool => {
            let mut tx = pool.begin().await?;
            let pair_rows: Vec<PairRow> = sqlx::query_as(&pairs_sql).fetch_all(&mut *tx).await?;
            let meetings: Vec<MeetingRow> = sqlx::query_as(SELECT_MEETINGS).fetch_all(&mut *tx).await?;
            let outcome_rows: Vec<OutcomeRow> = sqlx::query_as(SELECT_OUTCOMES).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            audit_read!(self, who, "mentoring_indicators", "all", read_ids(pair_rows.iter().map(|r| r.id_for_audit())));
            Ok((pairs(pair_rows)?, meetings.into_iter().map(Into::into).collect(), outcomes(outcome_rows)?))
        })
    }
}
