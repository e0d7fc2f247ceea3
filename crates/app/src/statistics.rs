//! Official statistics into the database: PX and JSON-stat files (through
//! statcube) and IMDi's CSV downloads, mapped to observations, checked
//! against the areas Bulyst knows, and imported in one transaction per file.
//! On first start the files shipped in `data/statistics/` are loaded.

mod areas;
mod cube;
mod fetch;
mod imdi;
mod refresh;
mod shipped;
mod table;

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use domain::access::{Actor, Permission};
use domain::stats::{Area, Source};
use domain::FieldError;
use store::ImportReport;
use time::OffsetDateTime;

use crate::accounts::who_of;
use crate::{App, AppError, Result};

pub use areas::SOGN as SOGN_MUNICIPALITIES;
pub use refresh::{parse_interval, Refreshed};
use table::Table;

/// What the importer may say instead of what the file says.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub publisher: Option<String>,
    pub table: Option<String>,
}

fn invalid(message: String) -> AppError {
    AppError::Invalid(vec![FieldError::new("file", message)])
}

/// The licence under which a publisher's figures may be shown, as
/// `data/statistics/README.md` gives it.
fn licence(publisher: &str) -> &'static str {
    match publisher {
        "Statistisk sentralbyrå" | "Statistics Norway" | "SSB" => {
            "CC BY 4.0 (Kilde: Statistisk sentralbyrå)"
        }
        imdi::PUBLISHER => "NLOD (IMDi, from SSB data)",
        _ => "not stated",
    }
}

/// Reads a file of any supported kind into a table.
fn read(file: &str, bytes: Vec<u8>, options: &ImportOptions) -> Result<Table, String> {
    if imdi::looks_like(&bytes) {
        return imdi::table(file, &bytes, options);
    }
    let bytes =
        statcube::source::gunzip_if_needed(bytes).map_err(|e| e.with_file(file).to_string())?;
    let (_, mut cubes) =
        statcube::source::read_cube(&bytes).map_err(|e| e.with_file(file).to_string())?;
    match cubes.len() {
        1 => cube::table(file, cubes.remove(0), options),
        n => Err(format!(
            "{file}: holds {n} datasets; import a file with one dataset"
        )),
    }
}

/// The areas the file names that Bulyst does not know yet, registered from
/// the file's labels; and a refusal if a figure is given for a year in which
/// its area's code was not in use (4640 before 2020, 1418 after 2019).
/// Missing figures claim nothing and are not checked: files mark the years
/// outside a code's life with them.
fn check(file: &str, table: &Table, known: &[Area]) -> Result<Vec<Area>, String> {
    let known: HashMap<&str, &Area> = known.iter().map(|a| (a.code.as_str(), a)).collect();
    let mut new = Vec::new();
    let mut new_index: HashMap<String, usize> = HashMap::new();
    let validity: Vec<(Option<i32>, Option<i32>)> = table
        .areas
        .iter()
        .map(|fa| match known.get(fa.code.as_str()) {
            Some(a) => (a.valid_from, a.valid_to),
            None => {
                let i = *new_index.entry(fa.code.clone()).or_insert_with(|| {
                    new.push(areas::from_label(&fa.code, &fa.label));
                    new.len() - 1
                });
                (new[i].valid_from, new[i].valid_to)
            }
        })
        .collect();
    let years: Vec<Option<i32>> = table
        .periods
        .iter()
        .map(|p| p.get(..4).and_then(|y| y.parse().ok()))
        .collect();
    let mut refused = table.cells().filter(|c| {
        let claims = c.value.is_some() || c.status.is_some_and(|s| s != ".");
        let (from, to) = validity[c.area];
        claims
            && years[c.period]
                .is_some_and(|y| from.is_some_and(|f| y < f) || to.is_some_and(|t| y > t))
    });
    if let Some(c) = refused.next() {
        let more = refused.count();
        let fa = &table.areas[c.area];
        let (from, to) = validity[c.area];
        let span = |y: Option<i32>| y.map_or(String::new(), |y| y.to_string());
        let name = known
            .get(fa.code.as_str())
            .map_or(fa.label.as_str(), |a| a.name.as_str());
        return Err(format!(
            "{file}: {}: area {} ({name}) has a figure for {} but its code was in use only {}–{}{}",
            table.locate(&c),
            fa.code,
            table.periods[c.period],
            span(from),
            span(to),
            if more > 0 {
                format!(" (and {more} more such figures)")
            } else {
                String::new()
            }
        ));
    }
    Ok(new)
}

impl App {
    /// Imports a statistics file with what the file says about itself.
    pub async fn import_statistics(
        &self,
        who: Option<&Actor>,
        path: &Path,
    ) -> Result<ImportReport> {
        self.import_statistics_with(who, path, &ImportOptions::default())
            .await
    }

    /// Imports a PX, JSON-stat or IMDi CSV file (gzip or not) in one
    /// transaction: all of it, or nothing. Admins and the project leader may;
    /// `None` is the command line on the server.
    pub async fn import_statistics_with(
        &self,
        who: Option<&Actor>,
        path: &Path,
        options: &ImportOptions,
    ) -> Result<ImportReport> {
        allow_import(who)?;
        let file = path.display().to_string();
        let bytes =
            std::fs::read(path).map_err(|e| invalid(format!("{file}: cannot read: {e}")))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| file.clone());
        self.import_bytes(who, &file, &name, bytes, options.clone())
            .await
    }

    /// `file` names the file in messages; `name` is its query in the source.
    async fn import_bytes(
        &self,
        who: Option<&Actor>,
        file: &str,
        name: &str,
        bytes: Vec<u8>,
        options: ImportOptions,
    ) -> Result<ImportReport> {
        let now = OffsetDateTime::now_utc();
        self.import_parts(who, file, name, vec![bytes], options, now)
            .await
    }

    /// Imports the parts of one query (a file is one part; a fetch split to
    /// stay under the cell limit is several) in one transaction, under one
    /// source: all of them, or nothing.
    async fn import_parts(
        &self,
        who: Option<&Actor>,
        file: &str,
        name: &str,
        parts: Vec<Vec<u8>>,
        options: ImportOptions,
        retrieved: OffsetDateTime,
    ) -> Result<ImportReport> {
        self.ensure_areas().await?;
        let mut known = self.db.areas().await?;
        let file_owned = file.to_string();
        // Reading and checking millions of cells is CPU work: off the async workers.
        let (tables, new_areas) = tokio::task::spawn_blocking(move || {
            let mut tables = Vec::with_capacity(parts.len());
            let mut new_areas: Vec<Area> = Vec::new();
            for bytes in parts {
                let table = read(&file_owned, bytes, &options)?;
                // Areas a previous part registered are known to the next one.
                let new = check(&file_owned, &table, &known)?;
                known.extend(new.iter().cloned());
                new_areas.extend(new);
                tables.push(table);
            }
            Ok::<_, String>((tables, new_areas))
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(invalid)?;
        let first = tables
            .first()
            .ok_or_else(|| AppError::Internal(format!("{file}: nothing to import")))?;
        let source = Source {
            licence: licence(&first.publisher).to_string(),
            publisher: first.publisher.clone(),
            table: first.table.clone(),
            title: first.title.clone(),
            query: name.to_string(),
            retrieved,
            // The newest stamp of the parts: the data is as fresh as that.
            updated: tables.iter().filter_map(|t| t.updated.clone()).max(),
        };
        let report = self
            .db
            .import(
                &who_of(who),
                &source,
                &new_areas,
                tables.iter().flat_map(|t| t.rows()),
            )
            .await
            .map_err(|e| match e {
                store::StoreError::Conflict(m) => invalid(format!("{file}: {m}")),
                e => e.into(),
            })?;
        self.changed();
        Ok(report)
    }

    /// Saves the built-in areas unless they are there already (the region
    /// Sogn is only ever saved with them). True if it saved them.
    pub async fn ensure_areas(&self) -> Result<bool> {
        if self.db.areas().await?.iter().any(|a| a.code == "sogn") {
            return Ok(false);
        }
        let seed = areas::seed().map_err(AppError::Internal)?;
        self.db.save_areas(&who_of(None), &seed).await?;
        Ok(true)
    }

    /// Loads the statistics shipped with Bulyst that the database does not
    /// have yet: on first start all of them, later none (one query). Returns
    /// how many files it loaded.
    pub async fn ensure_statistics(&self) -> Result<usize> {
        self.load_shipped(shipped::LOADED).await
    }

    /// Loads the large shipped files not yet loaded; `serve` runs this once it
    /// listens, so that a new installation answers at once.
    pub async fn ensure_later_statistics(&self) -> Result<usize> {
        self.load_shipped(shipped::LOADED_LATER).await
    }

    async fn load_shipped(&self, files: &[shipped::Shipped]) -> Result<usize> {
        self.ensure_areas().await?;
        let have: Vec<String> = self
            .db
            .stat_sources()
            .await?
            .into_iter()
            .map(|(_, s)| s.query)
            .collect();
        let mut loaded = 0;
        for file in files {
            if have.iter().any(|q| q == file.name) {
                continue;
            }
            let started = Instant::now();
            let shown = format!("data/statistics/{}", file.name);
            let report = self
                .import_bytes(
                    None,
                    &shown,
                    file.name,
                    file.bytes.to_vec(),
                    ImportOptions::default(),
                )
                .await?;
            tracing::info!(
                file = file.name,
                inserted = report.inserted,
                ms = started.elapsed().as_millis() as u64,
                "loaded shipped statistics"
            );
            loaded += 1;
        }
        Ok(loaded)
    }
}

/// Importing statistics is the right of whoever changes the plan; no actor is the
/// command line on the server, which may.
fn allow_import(who: Option<&Actor>) -> Result<()> {
    match who {
        Some(actor) => Ok(actor.require(Permission::ImportStatistics)?),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use store::ObservationQuery;

    async fn fresh() -> (tempfile::TempDir, App) {
        let dir = tempfile::tempdir().unwrap();
        let db = store::testing::sqlite(dir.path()).await.unwrap();
        (dir, App::new(db))
    }

    /// The sum over Sogn's municipalities of one IMDi refugee figure for 2022.
    async fn refugees(app: &App, settled: &str, residence: &str) -> f64 {
        let q = ObservationQuery {
            publisher: "IMDi".into(),
            table: "flyktning_botid_flytting".into(),
            measures: vec!["Personer".into()],
            areas: SOGN_MUNICIPALITIES.iter().map(|c| c.to_string()).collect(),
            dims: vec![
                ("Botid i Norge".into(), residence.into()),
                ("Sekundærflytting".into(), settled.into()),
            ],
            from_period: Some("2022".into()),
            to_period: Some("2022".into()),
        };
        let found = app.db.observations(&q).await.unwrap();
        assert_eq!(found.len(), 7, "{settled} {residence}");
        found.iter().map(|(o, _)| o.value.unwrap()).sum()
    }

    #[tokio::test]
    async fn the_shipped_statistics_load_once_with_their_real_figures() {
        let (_dir, app) = fresh().await;
        assert_eq!(
            app.ensure_statistics().await.unwrap(),
            shipped::LOADED.len()
        );
        assert_eq!(
            app.ensure_statistics().await.unwrap(),
            0,
            "a second start loads nothing"
        );

        let q = ObservationQuery {
            publisher: "Statistisk sentralbyrå".into(),
            table: "07459".into(),
            areas: vec!["4640".into()],
            ..Default::default()
        };
        let sogndal = app.db.observations(&q).await.unwrap();
        assert_eq!(sogndal.len(), 1);
        assert_eq!(
            (sogndal[0].0.period.as_str(), sogndal[0].0.value),
            ("2022", Some(12097.0))
        );
        assert!(sogndal[0].1.licence.contains("Statistisk sentralbyrå"));

        // Checked against the file independently, with Python's csv module
        // (ISO-8859-1, `;`): summing `Antall` over År 2022 and Kommunenummer
        // 4638–4644 gives 1014 for Sekundærflytting `alle` × Botid `Alle`,
        // 806 for `Bosatt her` × `Alle`, 640 for `alle` × `5+ år` and 498 for
        // `Bosatt her` × `5+ år`, as statistics.md §4 I6 (b) says.
        assert_eq!(refugees(&app, "alle", "Alle").await, 1014.0);
        assert_eq!(refugees(&app, "Bosatt her", "Alle").await, 806.0);
        assert_eq!(refugees(&app, "alle", "5+ år").await, 640.0);
        assert_eq!(refugees(&app, "Bosatt her", "5+ år").await, 498.0);

        let areas = app.db.areas().await.unwrap();
        let area = |c: &str| areas.iter().find(|a| a.code == c).unwrap();
        // An old municipality the seed does not list, registered from IMDi's label.
        assert_eq!(
            (area("1235").name.as_str(), area("1235").valid_to),
            ("Voss", Some(2019))
        );
        assert_eq!(area("K-Rest").kind, domain::stats::AreaKind::Other);
        assert_eq!(
            area("4640").valid_from,
            Some(2020),
            "the seed's history is kept"
        );
    }

    #[tokio::test]
    async fn a_figure_for_a_year_outside_its_code_is_refused_and_nothing_changes() {
        let (dir, app) = fresh().await;
        app.ensure_areas().await.unwrap();
        let before = (
            app.db.areas().await.unwrap(),
            app.db.stat_sources().await.unwrap().len(),
        );
        let path = dir.path().join("botid.csv");
        let csv: Vec<u8> = "Enhet;År;Sekundærflytting;Botid i Norge;Kommunenummer;Kommune;Antall\n\
             Personer;2019;alle;Alle;1418;Balestrand (t.o.m. 2019);72\n\
             Personer;2021;alle;Alle;9999;Ny kommune;3\n\
             Personer;2021;alle;Alle;1418;Balestrand (t.o.m. 2019);70\n"
            .chars()
            .map(|c| c as u32 as u8)
            .collect();
        std::fs::write(&path, csv).unwrap();
        let err = app
            .import_statistics(None, &path)
            .await
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("botid.csv")
                && err.contains("line 4")
                && err.contains("1418")
                && err.contains("2021"),
            "{err}"
        );
        let after = (
            app.db.areas().await.unwrap(),
            app.db.stat_sources().await.unwrap().len(),
        );
        assert_eq!(after, before, "no area registered, no source written");
    }

    #[tokio::test]
    async fn only_the_project_leader_and_admins_import() {
        let (dir, app) = fresh().await;
        let reader = Actor {
            id: 1,
            email: "r@example.org".into(),
            role: domain::access::Role::Reader,
            work_packages: Vec::new(),
            municipalities: Vec::new(),
        };
        let err = app
            .import_statistics(Some(&reader), &dir.path().join("x.px"))
            .await
            .unwrap_err();
        assert!(matches!(err, AppError::Forbidden(_)), "{err}");
    }
}
