//! Indicator targets: one value per indicator, area and year; setting one
//! again replaces it, with the old value kept in the audit log.

use domain::indicators::Target;
use serde_json::json;

use crate::audit::{audit, bump_revision, Who};
use crate::{on, on_writer, Db, Result};

#[derive(sqlx::FromRow)]
struct TargetRow {
    indicator: String,
    area: String,
    year: i64,
    value: f64,
    note: String,
}

impl From<TargetRow> for Target {
    fn from(r: TargetRow) -> Self {
        Target {
            indicator: r.indicator,
            area: r.area,
            year: r.year as i32,
            value: r.value,
            note: r.note,
        }
    }
}

impl Db {
    pub async fn set_target(&self, who: &Who, t: &Target) -> Result<()> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            let before: Option<TargetRow> = sqlx::query_as(
                "SELECT indicator, area, year, value, note FROM indicator_targets WHERE indicator = $1 AND area = $2 AND year = $3")
                .bind(&t.indicator).bind(&t.area).bind(t.year as i64).fetch_optional(&mut *tx).await?;
            sqlx::query(
                "INSERT INTO indicator_targets (indicator, area, year, value, note) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (indicator, area, year) DO UPDATE SET value = excluded.value, note = excluded.note")
                .bind(&t.indicator).bind(&t.area).bind(t.year as i64).bind(t.value).bind(&t.note)
                .execute(&mut *tx).await?;
            let id = format!("{}/{}/{}", t.indicator, t.area, t.year);
            audit!(tx, who, "set", "indicator_target", id,
                before.map(|b| json!({ "value": b.value, "note": b.note })), Some(json!({ "value": t.value, "note": t.note })));
            // Indicator pages show targets and are cached per revision.
            bump_revision!(tx);
            tx.commit().await?;
            Ok(())
        })
    }

    /// Targets of an indicator (all indicators when `None`), by area and year.
    pub async fn targets(&self, indicator: Option<&str>) -> Result<Vec<Target>> {
        let rows: Vec<TargetRow> = on!(self, p => sqlx::query_as(
            "SELECT indicator, area, year, value, note FROM indicator_targets \
             WHERE $1 IS NULL OR indicator = $1 ORDER BY indicator, area, year")
            .bind(indicator).fetch_all(p).await)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}
