//! Observations: an import writes only what differs, and a failed import
//! leaves the database as it was; on both backends.

use domain::stats::{Area, AreaKind, Observation, Source};
use store::{Db, ImportReport, ObservationQuery, StoreError, Who};
use time::macros::datetime;

use super::on_each_backend;

fn municipality(code: &str, name: &str) -> Area {
    Area {
        code: code.into(),
        name: name.into(),
        kind: AreaKind::Municipality,
        valid_from: Some(2020),
        valid_to: None,
        parts: vec!["46".into()],
        successor: None,
    }
}

fn source() -> Source {
    Source {
        publisher: "Statistisk sentralbyrå".into(),
        table: "07459".into(),
        title: "Befolkning".into(),
        query: "test.json".into(),
        retrieved: datetime!(2026-11-23 12:00 UTC),
        updated: Some("2022-02-24T07:00:00Z".into()),
        licence: "CC BY 4.0".into(),
    }
}

fn obs(area: &str, period: &str, value: Option<f64>, status: Option<&str>) -> Observation {
    Observation {
        measure: "Personer1".into(),
        area: area.into(),
        period: period.into(),
        dims: vec![("Kjonn".into(), "0".into())],
        value,
        status: status.map(Into::into),
    }
}

fn population() -> Vec<Observation> {
    vec![
        obs("4640", "2021", Some(12000.0), None),
        obs("4640", "2022", Some(12097.0), None),
        obs("4638", "2022", Some(3965.0), None),
        obs("4639", "2022", None, Some(":")),
    ]
}

async fn with_areas(db: &Db) {
    let areas = [
        municipality("4638", "Høyanger"),
        municipality("4639", "Vik"),
        municipality("4640", "Sogndal"),
    ];
    db.save_areas(&Who::cli(), &areas).await.unwrap();
}

async fn all(db: &Db) -> Vec<Observation> {
    let q = ObservationQuery {
        publisher: source().publisher,
        table: source().table,
        ..Default::default()
    };
    db.observations(&q)
        .await
        .unwrap()
        .into_iter()
        .map(|(o, _)| o)
        .collect()
}

/// Everything an import writes, to compare before and after a failed one.
async fn state(db: &Db) -> (Vec<Observation>, usize, usize, usize, usize) {
    (
        all(db).await,
        db.areas().await.unwrap().len(),
        db.stat_sources().await.unwrap().len(),
        db.stat_imports(100).await.unwrap().len(),
        db.audit_log(1000, 0).await.unwrap().len(),
    )
}

#[tokio::test]
async fn areas_are_saved_and_replaced() {
    on_each_backend(|db| async move {
        with_areas(&db).await;
        let mut sogn = Area {
            code: "sogn".into(),
            name: "Sogn".into(),
            kind: AreaKind::Region,
            valid_from: None,
            valid_to: None,
            parts: (4638..=4644).map(|c| c.to_string()).collect(),
            successor: None,
        };
        db.save_areas(&Who::cli(), std::slice::from_ref(&sogn))
            .await
            .unwrap();
        sogn.name = "Sogn (sju kommunar)".into();
        db.save_areas(&Who::cli(), std::slice::from_ref(&sogn))
            .await
            .unwrap();
        let areas = db.areas().await.unwrap();
        assert_eq!(areas.len(), 4);
        assert_eq!(areas.iter().find(|a| a.code == "sogn"), Some(&sogn));
        assert_eq!(areas[0], municipality("4638", "Høyanger"));
    })
    .await;
}

#[tokio::test]
async fn a_second_import_of_the_same_data_changes_nothing() {
    on_each_backend(|db| async move {
        with_areas(&db).await;
        let first = db
            .import_observations(&Who::cli(), &source(), &population())
            .await
            .unwrap();
        assert_eq!(
            first,
            ImportReport {
                inserted: 4,
                changed: 0,
                unchanged: 0
            }
        );
        let before = all(&db).await;
        let again = db
            .import_observations(&Who::cli(), &source(), &population())
            .await
            .unwrap();
        assert_eq!(
            again,
            ImportReport {
                inserted: 0,
                changed: 0,
                unchanged: 4
            },
            "{}",
            db.backend()
        );
        assert_eq!(all(&db).await, before);
        // Both imports are on record, and the source is one row.
        assert_eq!(db.stat_imports(10).await.unwrap().len(), 2);
        assert_eq!(db.stat_sources().await.unwrap().len(), 1);
    })
    .await;
}

#[tokio::test]
async fn changed_and_new_figures_are_counted_as_such() {
    on_each_backend(|db| async move {
        with_areas(&db).await;
        db.import_observations(&Who::cli(), &source(), &population())
            .await
            .unwrap();
        let mut revised = population();
        revised[0].value = Some(12001.0); // a revised figure
        revised[3] = obs("4639", "2022", Some(2560.0), None); // a suppressed figure published
        revised.push(obs("4638", "2021", Some(3900.0), None)); // a new one
        let report = db
            .import_observations(&Who::cli(), &source(), &revised)
            .await
            .unwrap();
        assert_eq!(
            report,
            ImportReport {
                inserted: 1,
                changed: 2,
                unchanged: 2
            },
            "{}",
            db.backend()
        );
        let stored = all(&db).await;
        assert_eq!(stored.len(), 5);
        assert!(stored.contains(&revised[0]) && stored.contains(&revised[3]));
        let record = &db.stat_imports(1).await.unwrap()[0];
        assert_eq!(
            (record.inserted, record.changed, record.unchanged),
            (1, 2, 2)
        );
    })
    .await;
}

#[tokio::test]
async fn a_missing_figure_keeps_its_status_and_is_never_zero() {
    on_each_backend(|db| async move {
        with_areas(&db).await;
        db.import_observations(&Who::cli(), &source(), &population())
            .await
            .unwrap();
        let q = ObservationQuery {
            publisher: source().publisher,
            table: source().table,
            areas: vec!["4639".into()],
            ..Default::default()
        };
        let found = db.observations(&q).await.unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0.value, None);
        assert_eq!(found[0].0.status.as_deref(), Some(":"));
        assert_eq!(found[0].1, source());
    })
    .await;
}

#[tokio::test]
async fn a_failed_import_leaves_the_database_as_it_was() {
    on_each_backend(|db| async move {
        with_areas(&db).await;
        // Into an empty table (written directly) and into a filled one (compared).
        for existing in [false, true] {
            if existing {
                db.import_observations(&Who::cli(), &source(), &population())
                    .await
                    .unwrap();
            }
            let before = state(&db).await;
            let mut broken = population();
            broken[0].value = Some(1.0);
            broken.push(obs("9999", "2022", Some(1.0), None)); // no such area
            let mut other_source = source();
            other_source.query = "broken.json".into();
            let err = db
                .import_observations(&Who::cli(), &other_source, &broken)
                .await
                .unwrap_err();
            assert!(
                matches!(&err, StoreError::Conflict(m) if m.contains("area")),
                "{err}"
            );
            assert_eq!(state(&db).await, before, "{} {existing}", db.backend());

            let twice = [population()[0].clone(), population()[0].clone()];
            let err = db
                .import_observations(&Who::cli(), &other_source, &twice)
                .await
                .unwrap_err();
            assert!(
                matches!(&err, StoreError::Conflict(m) if m.contains("more than one figure")),
                "{err}"
            );
            assert_eq!(state(&db).await, before);
        }
    })
    .await;
}

#[tokio::test]
async fn queries_select_measures_areas_dimensions_and_periods() {
    on_each_backend(|db| async move {
        with_areas(&db).await;
        let mut data = population();
        let mut women = obs("4640", "2022", Some(6000.0), None);
        women.dims = vec![("Kjonn".into(), "2".into())];
        data.push(women.clone());
        db.import_observations(&Who::cli(), &source(), &data)
            .await
            .unwrap();
        let q = ObservationQuery {
            publisher: source().publisher,
            table: source().table,
            measures: vec!["Personer1".into()],
            areas: vec!["4640".into(), "4638".into()],
            dims: vec![("Kjonn".into(), "0".into())],
            from_period: Some("2022".into()),
            to_period: Some("2022".into()),
        };
        let found: Vec<_> = db
            .observations(&q)
            .await
            .unwrap()
            .into_iter()
            .map(|(o, _)| (o.area, o.value))
            .collect();
        assert_eq!(
            found,
            vec![
                ("4638".to_string(), Some(3965.0)),
                ("4640".to_string(), Some(12097.0))
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn large_imports_cross_batch_boundaries() {
    on_each_backend(|db| async move {
        with_areas(&db).await;
        // More rows than one SQLite statement can carry.
        let many: Vec<Observation> = (0..12_345)
            .map(|i| {
                let mut o = obs("4640", &format!("{}", 1000 + i), Some(i as f64), None);
                o.dims = vec![("i".into(), i.to_string())];
                o
            })
            .collect();
        let first = db
            .import_observations(&Who::cli(), &source(), &many)
            .await
            .unwrap();
        assert_eq!(first.inserted, 12_345);
        let again = db
            .import_observations(&Who::cli(), &source(), &many)
            .await
            .unwrap();
        assert_eq!(again.unchanged, 12_345);
    })
    .await;
}
