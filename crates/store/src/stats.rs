//! Official statistics: areas, sources and observations. An import is one
//! transaction that writes only what differs, so importing the same data twice
//! changes nothing, and a failed import leaves the database as it was.
//!
//! Files run to millions of cells, so figures go in as batches: multi-row
//! `VALUES` on SQLite (within its 32 766 bind parameters), `UNNEST` of arrays on
//! PostgreSQL. A table seen for the first time is written straight into
//! `observations`; a table already there is first copied into a temporary
//! table and compared with set-based statements.

use std::future::Future;

use domain::stats::{dims_key, Area, AreaKind, Observation, Source};
use serde::Serialize;
use serde_json::json;
use sqlx::{PgConnection, SqliteConnection};
use time::OffsetDateTime;

use crate::audit::{audit, Who};
use crate::{on, on_writer, Backend, Db, Result, StoreError};

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub inserted: u64,
    pub changed: u64,
    pub unchanged: u64,
}

impl ImportReport {
    pub fn total(&self) -> u64 {
        self.inserted + self.changed + self.unchanged
    }
}

/// One figure on its way into the database, borrowing its texts from where
/// it was read so that a file of millions of cells needs no copy of each.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ObservationRow<'a> {
    pub measure: &'a str,
    pub area: &'a str,
    pub period: &'a str,
    /// As [`domain::stats::dims_key`] writes it.
    pub dims: &'a str,
    pub value: Option<f64>,
    pub status: Option<&'a str>,
}

/// Which figures to read. Empty lists mean "any".
#[derive(Debug, Clone, Default)]
pub struct ObservationQuery {
    pub publisher: String,
    pub table: String,
    pub measures: Vec<String>,
    pub areas: Vec<String>,
    /// Each given dimension must have this category.
    pub dims: Vec<(String, String)>,
    /// Inclusive; periods compare as text (`2022K4` comes after `2022`).
    pub from_period: Option<String>,
    pub to_period: Option<String>,
}

/// A recorded import, newest first in [`Db::stat_imports`].
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ImportRecord {
    pub id: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub actor: String,
    pub query: String,
    pub inserted: i64,
    pub changed: i64,
    pub unchanged: i64,
}

/// Rows per statement. SQLite binds six parameters a row plus three shared
/// ones and allows 32 766 in all; PostgreSQL binds one array per column.
const SQLITE_BATCH: usize = 5_000;
const PG_BATCH: usize = 50_000;

/// Where a batch goes: the table itself, or the temporary table an import
/// into existing figures is compared from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Observations,
    Staging,
}

/// The part of an import that differs between the backends.
trait Bulk {
    fn create_staging(&mut self) -> impl Future<Output = Result<()>> + Send;
    fn drop_staging(&mut self) -> impl Future<Output = Result<()>> + Send;
    fn insert_batch(
        &mut self,
        target: Target,
        source: (&str, &str, i64),
        rows: &[ObservationRow<'_>],
    ) -> impl Future<Output = Result<()>> + Send;
}

const STAGING_COLUMNS: &str =
    "measure TEXT NOT NULL, area TEXT NOT NULL, period TEXT NOT NULL, dims TEXT NOT NULL, \
     value DOUBLE PRECISION, status TEXT, PRIMARY KEY (measure, area, period, dims)";

fn insert_head(target: Target) -> &'static str {
    match target {
        Target::Observations => {
            "INSERT INTO observations (publisher, table_id, source_id, measure, area, period, dims, value, status) \
             SELECT $1, $2, $3, "
        }
        // The shared parameters are bound for both targets (and tested for
        // NULL, so that PostgreSQL sees them used) to keep the numbering.
        Target::Staging => {
            "INSERT INTO import_cells (measure, area, period, dims, value, status) \
             SELECT "
        }
    }
}

impl Bulk for SqliteConnection {
    async fn create_staging(&mut self) -> Result<()> {
        sqlx::query(&format!(
            "CREATE TEMP TABLE import_cells ({STAGING_COLUMNS})"
        ))
        .execute(&mut *self)
        .await?;
        Ok(())
    }

    async fn drop_staging(&mut self) -> Result<()> {
        sqlx::query("DROP TABLE temp.import_cells")
            .execute(&mut *self)
            .await?;
        Ok(())
    }

    async fn insert_batch(
        &mut self,
        target: Target,
        (publisher, table, source_id): (&str, &str, i64),
        rows: &[ObservationRow<'_>],
    ) -> Result<()> {
        // Anonymous `?` parameters: SQLite looks up each named or numbered
        // (`$n`) one in a list, which over 30 000 of them costs seconds a batch.
        let mut sql = String::with_capacity(160 + rows.len() * 14);
        sql.push_str(match target {
            Target::Observations => {
                "INSERT INTO observations (publisher, table_id, source_id, measure, area, period, dims, value, status) \
                 SELECT ?, ?, ?, "
            }
            Target::Staging => "INSERT INTO import_cells (measure, area, period, dims, value, status) SELECT ",
        });
        sql.push_str("column1, column2, column3, column4, column5, column6 FROM (VALUES ");
        for i in 0..rows.len() {
            sql.push_str(if i == 0 {
                "(?,?,?,?,?,?)"
            } else {
                ",(?,?,?,?,?,?)"
            });
        }
        sql.push(')');
        let mut q = sqlx::query(&sql);
        if target == Target::Observations {
            q = q.bind(publisher).bind(table).bind(source_id);
        }
        for r in rows {
            q = q
                .bind(r.measure)
                .bind(r.area)
                .bind(r.period)
                .bind(r.dims)
                .bind(r.value)
                .bind(r.status);
        }
        q.execute(&mut *self).await.map_err(constraint)?;
        Ok(())
    }
}

impl Bulk for PgConnection {
    async fn create_staging(&mut self) -> Result<()> {
        sqlx::query(&format!(
            "CREATE TEMP TABLE import_cells ({STAGING_COLUMNS}) ON COMMIT DROP"
        ))
        .execute(&mut *self)
        .await?;
        Ok(())
    }

    async fn drop_staging(&mut self) -> Result<()> {
        // ON COMMIT DROP does it.
        Ok(())
    }

    async fn insert_batch<'r>(
        &mut self,
        target: Target,
        (publisher, table, source_id): (&str, &str, i64),
        rows: &[ObservationRow<'r>],
    ) -> Result<()> {
        let sql = format!(
            "{}m, a, p, d, v, s FROM UNNEST($4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::text[]) \
             AS t(m, a, p, d, v, s) WHERE $1::text IS NOT NULL AND $2::text IS NOT NULL AND $3::bigint IS NOT NULL",
            insert_head(target)
        );
        let column = |f: fn(&ObservationRow<'r>) -> &'r str| rows.iter().map(f).collect::<Vec<_>>();
        sqlx::query(&sql)
            .bind(publisher)
            .bind(table)
            .bind(source_id)
            .bind(column(|r| r.measure))
            .bind(column(|r| r.area))
            .bind(column(|r| r.period))
            .bind(column(|r| r.dims))
            .bind(rows.iter().map(|r| r.value).collect::<Vec<_>>())
            .bind(rows.iter().map(|r| r.status).collect::<Vec<_>>())
            .execute(&mut *self)
            .await
            .map_err(constraint)?;
        Ok(())
    }
}

/// Names the constraints an import can break in words the importer can act on.
fn constraint(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Conflict(
            "the data gives more than one figure for the same measure, area, period and dimensions"
                .into(),
        ),
        sqlx::Error::Database(d) if d.is_foreign_key_violation() => StoreError::Conflict(format!(
            "an observation names an area the database does not know ({})",
            d.message()
        )),
        _ => StoreError::Database(e),
    }
}

#[derive(sqlx::FromRow)]
struct AreaRow {
    code: String,
    name: String,
    kind: String,
    valid_from: Option<i64>,
    valid_to: Option<i64>,
    parts: String,
    successor: Option<String>,
}

impl From<AreaRow> for Area {
    fn from(r: AreaRow) -> Area {
        Area {
            code: r.code,
            name: r.name,
            kind: AreaKind::from_code(&r.kind).unwrap_or(AreaKind::Other),
            valid_from: r.valid_from.map(|y| y as i32),
            valid_to: r.valid_to.map(|y| y as i32),
            parts: serde_json::from_str(&r.parts).unwrap_or_default(),
            successor: r.successor,
        }
    }
}

#[derive(sqlx::FromRow)]
struct ObservationRecord {
    measure: String,
    area: String,
    period: String,
    dims: String,
    value: Option<f64>,
    status: Option<String>,
    source_id: i64,
}

#[derive(sqlx::FromRow)]
struct SourceRow {
    id: i64,
    publisher: String,
    table_id: String,
    title: String,
    query: String,
    retrieved_at: OffsetDateTime,
    updated: Option<String>,
    licence: String,
}

impl From<SourceRow> for (i64, Source) {
    fn from(r: SourceRow) -> (i64, Source) {
        (
            r.id,
            Source {
                publisher: r.publisher,
                table: r.table_id,
                title: r.title,
                query: r.query,
                retrieved: r.retrieved_at,
                updated: r.updated,
                licence: r.licence,
            },
        )
    }
}

/// `Alder=15-74;Kjonn=0` back into pairs.
fn parse_dims(key: &str) -> Vec<(String, String)> {
    key.split(';')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (p.to_string(), String::new()),
        })
        .collect()
}

macro_rules! upsert_area {
    ($conn:expr, $a:expr) => {
        sqlx::query(
            "INSERT INTO areas (code, name, kind, valid_from, valid_to, parts, successor) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, \
             valid_from = excluded.valid_from, valid_to = excluded.valid_to, parts = excluded.parts, \
             successor = excluded.successor",
        )
        .bind(&$a.code)
        .bind(&$a.name)
        .bind($a.kind.code())
        .bind($a.valid_from.map(i64::from))
        .bind($a.valid_to.map(i64::from))
        .bind(json!($a.parts).to_string())
        .bind(&$a.successor)
        .execute(&mut *$conn)
        .await?
    };
}

impl Db {
    /// Adds the areas, or replaces those with the same code.
    pub async fn save_areas(&self, who: &Who, areas: &[Area]) -> Result<()> {
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            for a in areas {
                upsert_area!(tx, a);
            }
            audit!(tx, who, "save", "areas", &areas.len().to_string(), None, Some(json!({ "areas": areas.len() })));
            tx.commit().await?;
            Ok(())
        })
    }

    pub async fn areas(&self) -> Result<Vec<Area>> {
        let sql = "SELECT code, name, kind, valid_from, valid_to, parts, successor FROM areas ORDER BY code";
        let rows: Vec<AreaRow> = on!(self, p => sqlx::query_as(sql).fetch_all(p).await)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Every source figures came from, with its id.
    pub async fn stat_sources(&self) -> Result<Vec<(i64, Source)>> {
        let sql = "SELECT id, publisher, table_id, title, query, retrieved_at, updated, licence \
                   FROM stat_sources ORDER BY id";
        let rows: Vec<SourceRow> = on!(self, p => sqlx::query_as(sql).fetch_all(p).await)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// The newest imports first.
    pub async fn stat_imports(&self, limit: i64) -> Result<Vec<ImportRecord>> {
        let sql = "SELECT id, at, actor, query, inserted, changed, unchanged FROM stat_imports ORDER BY id DESC LIMIT $1";
        Ok(on!(self, p => sqlx::query_as(sql).bind(limit).fetch_all(p).await)?)
    }

    /// Moves with every import, so that figures computed from observations
    /// can be kept in memory until it does.
    pub async fn statistics_revision(&self) -> Result<i64> {
        let sql = "SELECT COALESCE(MAX(id), 0) FROM stat_imports";
        let (v,): (i64,) = on!(self, p => sqlx::query_as(sql).fetch_one(p).await)?;
        Ok(v)
    }

    /// Imports owned observations; see [`Db::import`].
    pub async fn import_observations(
        &self,
        who: &Who,
        source: &Source,
        observations: &[Observation],
    ) -> Result<ImportReport> {
        let keys: Vec<String> = observations.iter().map(|o| dims_key(&o.dims)).collect();
        let rows = observations
            .iter()
            .zip(&keys)
            .map(|(o, dims)| ObservationRow {
                measure: &o.measure,
                area: &o.area,
                period: &o.period,
                dims,
                value: o.value,
                status: o.status.as_deref(),
            });
        self.import(who, source, &[], rows).await
    }

    /// In one transaction: saves `new_areas`, adds or refreshes the source,
    /// inserts new figures, updates those whose value or status differ, and
    /// leaves equal ones alone; then records the import and an audit row.
    /// Any error rolls all of it back.
    pub async fn import<'a, I>(
        &self,
        who: &Who,
        source: &Source,
        new_areas: &[Area],
        rows: I,
    ) -> Result<ImportReport>
    where
        I: IntoIterator<Item = ObservationRow<'a>>,
        I::IntoIter: Send,
    {
        let rows = rows.into_iter();
        let batch = match self.pool() {
            Backend::Sqlite(_) => SQLITE_BATCH,
            Backend::Pg(_) => PG_BATCH,
        };
        on_writer!(self, pool => {
            let mut tx = pool.begin().await?;
            for a in new_areas {
                upsert_area!(tx, a);
            }
            let (source_id,): (i64,) = sqlx::query_as(
                "INSERT INTO stat_sources (publisher, table_id, title, query, retrieved_at, updated, licence) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT (publisher, table_id, query) DO UPDATE SET title = excluded.title, \
                 retrieved_at = excluded.retrieved_at, updated = excluded.updated, licence = excluded.licence \
                 RETURNING id")
                .bind(&source.publisher).bind(&source.table).bind(&source.title).bind(&source.query)
                .bind(source.retrieved).bind(&source.updated).bind(&source.licence)
                .fetch_one(&mut *tx).await?;
            let shared = (source.publisher.as_str(), source.table.as_str(), source_id);
            let existing: Option<(i32,)> = sqlx::query_as(
                "SELECT 1 FROM observations WHERE publisher = $1 AND table_id = $2 LIMIT 1")
                .bind(&source.publisher).bind(&source.table)
                .fetch_optional(&mut *tx).await?;
            let report = if existing.is_none() {
                // Nothing to compare with: every figure is new.
                let n = write_batches(&mut *tx, Target::Observations, shared, rows, batch).await?;
                ImportReport { inserted: n, changed: 0, unchanged: 0 }
            } else {
                tx.create_staging().await?;
                let n = write_batches(&mut *tx, Target::Staging, shared, rows, batch).await?;
                let changed = sqlx::query(
                    "UPDATE observations SET value = c.value, status = c.status, source_id = $3 \
                     FROM import_cells c \
                     WHERE observations.publisher = $1 AND observations.table_id = $2 \
                     AND observations.measure = c.measure AND observations.area = c.area \
                     AND observations.period = c.period AND observations.dims = c.dims \
                     AND (observations.value IS DISTINCT FROM c.value OR observations.status IS DISTINCT FROM c.status)")
                    .bind(shared.0).bind(shared.1).bind(source_id)
                    .execute(&mut *tx).await?.rows_affected();
                // `WHERE true` tells SQLite's parser the ON CONFLICT is the insert's.
                let inserted = sqlx::query(
                    "INSERT INTO observations (publisher, table_id, source_id, measure, area, period, dims, value, status) \
                     SELECT $1, $2, $3, measure, area, period, dims, value, status FROM import_cells WHERE true \
                     ON CONFLICT DO NOTHING")
                    .bind(shared.0).bind(shared.1).bind(source_id)
                    .execute(&mut *tx).await.map_err(constraint)?.rows_affected();
                tx.drop_staging().await?;
                ImportReport { inserted, changed, unchanged: n - inserted - changed }
            };
            sqlx::query(
                "INSERT INTO stat_imports (at, actor_id, actor, source_id, query, inserted, changed, unchanged) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .bind(OffsetDateTime::now_utc()).bind(who.id).bind(&who.label).bind(source_id).bind(&source.query)
                .bind(report.inserted as i64).bind(report.changed as i64).bind(report.unchanged as i64)
                .execute(&mut *tx).await?;
            let entity_id = format!("{}/{}", source.publisher, source.table);
            audit!(tx, who, "import", "statistics", &entity_id, None,
                Some(json!({ "query": source.query, "areas": new_areas.len(), "report": report })));
            tx.commit().await?;
            Ok(report)
        })
    }

    /// Figures with their sources, ordered by area and period.
    pub async fn observations(&self, q: &ObservationQuery) -> Result<Vec<(Observation, Source)>> {
        let mut sql = String::from(
            "SELECT measure, area, period, dims, value, status, source_id FROM observations \
             WHERE publisher = $1 AND table_id = $2",
        );
        let mut n = 2;
        let mut list = |sql: &mut String, column: &str, len: usize| {
            if len == 0 {
                return;
            }
            let marks: Vec<String> = (0..len).map(|i| format!("${}", n + 1 + i)).collect();
            n += len;
            sql.push_str(&format!(" AND {column} IN ({})", marks.join(", ")));
        };
        list(&mut sql, "measure", q.measures.len());
        list(&mut sql, "area", q.areas.len());
        if q.from_period.is_some() {
            n += 1;
            sql.push_str(&format!(" AND period >= ${n}"));
        }
        if q.to_period.is_some() {
            n += 1;
            sql.push_str(&format!(" AND period <= ${n}"));
        }
        sql.push_str(" ORDER BY area, period, measure, dims");
        let rows: Vec<ObservationRecord> = on!(self, p => {
            let mut query = sqlx::query_as(&sql).bind(&q.publisher).bind(&q.table);
            for v in q.measures.iter().chain(&q.areas) {
                query = query.bind(v);
            }
            for v in q.from_period.iter().chain(&q.to_period) {
                query = query.bind(v);
            }
            query.fetch_all(p).await
        })?;
        let sources: std::collections::HashMap<i64, Source> =
            self.stat_sources().await?.into_iter().collect();
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let dims = parse_dims(&r.dims);
            if !q.dims.iter().all(|want| dims.contains(want)) {
                continue;
            }
            let source = sources.get(&r.source_id).cloned().ok_or_else(|| {
                StoreError::NotFound(format!("statistics source {}", r.source_id))
            })?;
            out.push((
                Observation {
                    measure: r.measure,
                    area: r.area,
                    period: r.period,
                    dims,
                    value: r.value,
                    status: r.status,
                },
                source,
            ));
        }
        Ok(out)
    }
}

/// Writes `rows` into `target` in batches of `size`; returns how many there were.
async fn write_batches<'a, C: Bulk + Send>(
    conn: &mut C,
    target: Target,
    shared: (&str, &str, i64),
    rows: impl Iterator<Item = ObservationRow<'a>> + Send,
    size: usize,
) -> Result<u64> {
    let mut buffer: Vec<ObservationRow<'a>> = Vec::with_capacity(size);
    let mut total = 0u64;
    for row in rows {
        buffer.push(row);
        if buffer.len() == size {
            conn.insert_batch(target, shared, &buffer).await?;
            total += buffer.len() as u64;
            buffer.clear();
        }
    }
    if !buffer.is_empty() {
        conn.insert_batch(target, shared, &buffer).await?;
        total += buffer.len() as u64;
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dims_round_trip() {
        let dims = vec![
            ("Alder".to_string(), "15-74".to_string()),
            ("Kjonn".to_string(), "0".to_string()),
        ];
        assert_eq!(parse_dims(&dims_key(&dims)), dims);
        assert!(parse_dims("").is_empty());
    }
}
