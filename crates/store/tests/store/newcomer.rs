//! The newcomer service's tables on both backends: audit rows with field names only,
//! stale edits, follow-ups and rent-to-own, erasure that leaves nothing of the person
//! (not even in the bytes of the database's files), and backup and restore.

use domain::newcomer::{
    CaseFields, Category, ConsentFields, FollowUpAt, FollowUpFields, HouseholdMember, LawfulBasis,
    Need, Purpose, Relation, RentPhase, RentToOwnFields, Residence, StepFields, StepKind,
};
use store::{CaseScope, Db, StoreError, Who};
use time::macros::date;

use super::{on_each_backend, traces};

const TODAY: time::Date = date!(2026 - 01 - 15);

fn staff() -> Who {
    Who {
        id: None,
        label: "tilflyttar@ardal.test".into(),
    }
}

fn case(name: &str) -> CaseFields {
    CaseFields {
        name: name.into(),
        phone: "+47 912 34 567".into(),
        email: format!("{}@example.no", name.to_lowercase().replace(' ', ".")),
        municipality: "4643".into(),
        arrival_date: date!(2020 - 03 - 10),
        household: vec![HouseholdMember {
            relation: Relation::Child,
            birth_year: 2016,
        }],
        languages: vec!["tigrinja".into()],
        category: Category::Refugee,
        needs: vec![Need::Housing, Need::School],
        contact_person: None,
        account_id: None,
    }
}

/// Every audit row about newcomers, as text.
async fn newcomer_audit(db: &Db) -> Vec<String> {
    db.audit_log(10_000, 0)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.entity.starts_with("newcomer"))
        .map(|e| serde_json::to_string(&e).unwrap())
        .collect()
}

/// A case with something in every table about it.
async fn full_case(db: &Db, name: &str) -> i64 {
    let who = staff();
    let id = db.create_newcomer_case(&who, &case(name)).await.unwrap();
    let step = StepFields {
        kind: StepKind::Housing,
        done_on: date!(2020 - 04 - 01),
    };
    db.set_newcomer_step(&who, id, &step, TODAY).await.unwrap();
    let follow_up = FollowUpFields {
        at: FollowUpAt::Months12,
        recorded_on: date!(2021 - 03 - 15),
        residence: Residence::MovedWithinRegion,
    };
    db.set_newcomer_follow_up(&who, id, &follow_up, TODAY)
        .await
        .unwrap();
    let consent = ConsentFields {
        purpose: Purpose::FollowUps,
        basis: LawfulBasis::Consent,
        given_on: date!(2020 - 03 - 10),
        text_version: format!("v-{name}"),
    };
    db.add_newcomer_consent(&who, id, &consent).await.unwrap();
    let rent = RentToOwnFields {
        selected_on: date!(2021 - 01 - 01),
        home_bought_on: Some(date!(2021 - 06 - 01)),
        renting_from: None,
        purchased_on: None,
        followed_up_on: None,
    };
    db.set_newcomer_rent_to_own(&who, id, None, &rent)
        .await
        .unwrap();
    id
}

#[tokio::test]
async fn cases_are_audited_with_field_names_and_never_values() {
    on_each_backend(|db| async move {
        let who = staff();
        let f = case("Selam Tesfaye");
        let id = db.create_newcomer_case(&who, &f).await.unwrap();
        let other = db
            .create_newcomer_case(
                &who,
                &CaseFields {
                    municipality: "4640".into(),
                    ..case("Omar Ali")
                },
            )
            .await
            .unwrap();
        let read = db.newcomer_case(&who, id).await.unwrap().unwrap();
        assert_eq!(
            (read.case.fields.clone(), read.case.version),
            (f.clone(), 1)
        );
        let scope = CaseScope {
            municipalities: vec!["4643".into(), "4644".into()],
            ..Default::default()
        };
        let listed = db.newcomer_cases(&who, &scope).await.unwrap();
        assert_eq!(listed.iter().map(|c| c.id).collect::<Vec<_>>(), [id]);
        let all = CaseScope {
            all: true,
            ..Default::default()
        };
        assert_eq!(db.newcomer_cases(&who, &all).await.unwrap().len(), 2);
        let mine = CaseScope {
            contact_person: Some(7),
            ..Default::default()
        };
        assert!(db.newcomer_cases(&who, &mine).await.unwrap().is_empty());

        let changed = CaseFields {
            phone: "+47 400 00 000".into(),
            ..f.clone()
        };
        assert_eq!(
            db.update_newcomer_case(&who, id, 1, &changed)
                .await
                .unwrap(),
            2
        );
        let err = db
            .update_newcomer_case(&who, id, 1, &changed)
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Stale { current: 2, .. }), "{err}");
        assert!(matches!(
            db.update_newcomer_case(&who, 999, 1, &changed)
                .await
                .unwrap_err(),
            StoreError::NotFound(_)
        ));
        full_case(&db, "Hanna Berhe").await;
        db.export_newcomer_case(&who, other).await.unwrap();

        let log = db.audit_log(100, 0).await.unwrap();
        let update = log
            .iter()
            .find(|e| e.operation == "update" && e.entity == "newcomer_case")
            .unwrap();
        assert_eq!(
            update.after.as_ref().unwrap()["fields"],
            serde_json::json!(["phone"])
        );
        assert!(update.before.is_none());
        let lists: Vec<_> = log
            .iter()
            .rev()
            .filter(|e| e.entity_id == "list")
            .map(|e| e.after.clone().unwrap()["ids"].clone())
            .collect();
        assert_eq!(
            lists,
            [
                serde_json::json!([id]),
                serde_json::json!([id, other]),
                serde_json::json!([])
            ]
        );
        let ops: Vec<_> = log
            .iter()
            .rev()
            .filter(|e| e.entity == "newcomer_case")
            .map(|e| e.operation.as_str())
            .collect();
        assert_eq!(
            ops[..7],
            ["create", "create", "read", "read", "read", "read", "update"]
        );
        for row in newcomer_audit(&db).await {
            for value in [
                "Selam",
                "Tesfaye",
                "Hanna",
                "Omar",
                "912 34",
                "400 00",
                "example.no",
                "tigrinja",
                "2020-03-10",
                "school",
                "refugee",
                "moved-within-region",
                "v-Hanna",
            ] {
                assert!(!row.contains(value), "{value} in the audit log: {row}");
            }
        }
    })
    .await;
}

#[tokio::test]
async fn follow_ups_consents_and_rent_to_own_are_checked_where_they_are_written() {
    on_each_backend(|db| async move {
        let who = staff();
        let id = full_case(&db, "Dawit Haile").await;
        let early = FollowUpFields {
            at: FollowUpAt::Months24,
            recorded_on: date!(2021 - 03 - 10),
            residence: Residence::InMunicipality,
        };
        let err = db
            .set_newcomer_follow_up(&who, id, &early, TODAY)
            .await
            .unwrap_err();
        assert!(
            matches!(&err, StoreError::Invalid(e) if e.field == "recorded_on"),
            "{err}"
        );
        let step = StepFields {
            kind: StepKind::Job,
            done_on: date!(2020 - 05 - 01),
        };
        assert!(matches!(
            db.set_newcomer_step(&who, 999, &step, TODAY)
                .await
                .unwrap_err(),
            StoreError::NotFound(_)
        ));

        let detail = db.newcomer_case(&who, id).await.unwrap().unwrap();
        assert_eq!(detail.steps.len(), 1);
        assert_eq!(
            detail.follow_ups[0].fields.residence,
            Residence::MovedWithinRegion
        );
        let rent = detail.rent_to_own.unwrap();
        assert_eq!(
            (rent.phase, rent.version, rent.purchase_year),
            (RentPhase::HomeBought, 1, None)
        );
        let bought = RentToOwnFields {
            renting_from: Some(date!(2021 - 07 - 01)),
            purchased_on: Some(date!(2024 - 08 - 01)),
            ..rent.fields.clone()
        };
        assert!(matches!(
            db.set_newcomer_rent_to_own(&who, id, None, &bought)
                .await
                .unwrap_err(),
            StoreError::Stale { .. }
        ));
        assert_eq!(
            db.set_newcomer_rent_to_own(&who, id, Some(1), &bought)
                .await
                .unwrap(),
            2
        );

        let consent = detail.consents[0].id;
        db.withdraw_newcomer_consent(&who, id, consent, date!(2022 - 01 - 01), TODAY)
            .await
            .unwrap();
        let err = db
            .withdraw_newcomer_consent(&who, id, consent, date!(2022 - 01 - 02), TODAY)
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Invalid(_)), "{err}");
        let detail = db.newcomer_case(&who, id).await.unwrap().unwrap();
        assert_eq!(detail.consents.len(), 1, "kept as history");
        assert_eq!(detail.consents[0].withdrawn_on, Some(date!(2022 - 01 - 01)));
        let rent = detail.rent_to_own.unwrap();
        assert_eq!(
            (rent.phase, rent.purchase_year),
            (RentPhase::Purchased, Some(2024))
        );
    })
    .await;
}

#[tokio::test]
async fn erasure_leaves_no_trace_of_the_person() {
    traces::on_each_backend_alone(|db| async move {
        let who = staff();
        let name = traces::unique_name();
        let token = name.split(' ').next().unwrap().to_string();
        let id = full_case(&db, &name).await;
        let renamed = CaseFields {
            name: format!("{name} Jr"),
            ..case(&name)
        };
        db.update_newcomer_case(&who, id, 1, &renamed)
            .await
            .unwrap();
        let kept = full_case(&db, "Kept Person").await;
        db.export_newcomer_case(&who, id).await.unwrap();
        traces::search(&db, &token).await.assert_found(&db);

        db.erase_newcomer_case(&who, id, "request").await.unwrap();
        traces::search(&db, &token).await.assert_none(&db);
        assert!(db.newcomer_case(&who, id).await.unwrap().is_none());
        assert!(db.newcomer_case(&who, kept).await.unwrap().is_some());

        // A second erasure changes nothing and says so.
        let audit_rows = db.audit_log(10_000, 0).await.unwrap().len();
        let subjects = db.newcomer_cohort_input(&who).await.unwrap();
        let err = db
            .erase_newcomer_case(&who, id, "request")
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::NotFound(_)), "{err}");
        assert_eq!(db.newcomer_cohort_input(&who).await.unwrap(), subjects);
        assert_eq!(
            db.audit_log(10_000, 0).await.unwrap().len(),
            audit_rows + 2,
            "two reads, no erasure"
        );

        // What the cohorts need is kept as a count.
        let tallied: Vec<_> = subjects
            .iter()
            .filter(|s| s.persons == 1 && s.arrival_year == 2020)
            .collect();
        assert_eq!(tallied.len(), 2, "the kept case and the tally row");
        assert!(tallied
            .iter()
            .all(|s| s.outcomes == [None, Some(Residence::MovedWithinRegion), None, None]));
        let erase = db
            .audit_log(10_000, 0)
            .await
            .unwrap()
            .into_iter()
            .find(|e| e.operation == "erase")
            .unwrap();
        assert_eq!(
            (
                erase.entity_id.as_str(),
                erase.after.unwrap()["reason"].as_str()
            ),
            (id.to_string().as_str(), Some("request"))
        );
    })
    .await;
}

#[tokio::test]
async fn erasing_several_cases_scrubs_those_erased_before_one_fails() {
    traces::on_each_backend_alone(|db| async move {
        let who = staff();
        let name = traces::unique_name();
        let token = name.split(' ').next().unwrap().to_string();
        let first = full_case(&db, &name).await;
        let kept = full_case(&db, "Kept Person").await;
        traces::search(&db, &token).await.assert_found(&db);

        let err = db
            .erase_newcomer_cases(&who, &[first, 999_999, kept], "retention")
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::NotFound(_)), "{err}");
        traces::search(&db, &token).await.assert_none(&db);
        assert!(db.newcomer_case(&who, first).await.unwrap().is_none());
        assert!(
            db.newcomer_case(&who, kept).await.unwrap().is_some(),
            "the erasures stop at the first that fails"
        );
    })
    .await;
}

/// A reader in the middle of a transaction keeps the SQLite write-ahead log from being
/// truncated; the erasure still succeeds, and the scrub gets through once it is gone.
#[tokio::test]
async fn a_reader_holding_the_log_delays_the_scrub_but_not_the_erasure() {
    let dir = tempfile::tempdir().unwrap();
    let db = store::testing::sqlite(dir.path()).await.unwrap();
    let store::Backend::Sqlite(pool) = db.pool() else {
        unreachable!()
    };
    let name = traces::unique_name();
    let token = name.split(' ').next().unwrap().to_string();
    let id = full_case(&db, &name).await;
    let mut reader = pool.acquire().await.unwrap();
    sqlx::query("BEGIN").execute(&mut *reader).await.unwrap();
    sqlx::query("SELECT COUNT(*) FROM newcomer_cases")
        .execute(&mut *reader)
        .await
        .unwrap();
    let release = tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        sqlx::query("COMMIT").execute(&mut *reader).await.unwrap();
    });

    db.erase_newcomer_case(&staff(), id, "request")
        .await
        .unwrap();
    release.await.unwrap();
    traces::search(&db, &token).await.assert_none(&db);
}

#[tokio::test]
async fn a_backup_brings_back_what_it_held() {
    let dir = tempfile::tempdir().unwrap();
    let db = store::testing::sqlite(dir.path()).await.unwrap();
    let who = staff();
    let id = full_case(&db, "Backed Up").await;
    let file = dir.path().join("copy.sqlite3");
    db.backup_to(&file, None).await.unwrap();
    assert!(
        matches!(
            db.backup_to(&file, None).await.unwrap_err(),
            StoreError::Backup(_)
        ),
        "no overwrite"
    );
    db.update_newcomer_case(&who, id, 1, &case("Changed Later"))
        .await
        .unwrap();
    db.erase_newcomer_case(&who, full_case(&db, "Erased Later").await, "staff")
        .await
        .unwrap();

    let db_file = Db::sqlite_file(dir.path());
    let err = store::restore_sqlite(&file, &db_file).await.unwrap_err();
    assert!(
        err.to_string().contains("server"),
        "refused while open: {err}"
    );
    db.close().await;
    let junk = dir.path().join("junk");
    std::fs::write(&junk, b"not a database at all").unwrap();
    assert!(store::restore_sqlite(&junk, &db_file).await.is_err());
    let empty = dir.path().join("empty.sqlite3");
    let other = Db::open_sqlite(&empty).await.unwrap();
    other.close().await;
    let err = store::restore_sqlite(&empty, &db_file).await.unwrap_err();
    assert!(err.to_string().contains("migrations"), "{err}");

    store::restore_sqlite(&file, &db_file).await.unwrap();
    let db = store::testing::sqlite(dir.path()).await.unwrap();
    let all = CaseScope {
        all: true,
        ..Default::default()
    };
    let cases = db.newcomer_cases(&who, &all).await.unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(
        (cases[0].id, cases[0].fields.name.as_str(), cases[0].version),
        (id, "Backed Up", 1)
    );
    let detail = db.newcomer_case(&who, id).await.unwrap().unwrap();
    assert_eq!(detail.rent_to_own.unwrap().phase, RentPhase::HomeBought);
    assert!(db
        .newcomer_cohort_input(&who)
        .await
        .unwrap()
        .iter()
        .all(|s| s.persons == 1));
    assert!(std::fs::read_dir(dir.path()).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .ends_with(".tmp")));
}

/// On PostgreSQL, in a database of its own (pg_dump takes a whole database): the dump
/// brings back the case as it was, and what came after is gone.
#[tokio::test]
async fn a_postgres_backup_brings_back_what_it_held() {
    let Some(url) = store::testing::postgres_url() else {
        eprintln!(
            "PostgreSQL backup test skipped: set {}",
            store::testing::POSTGRES_URL_VAR
        );
        return;
    };
    let name = format!("bulyst_backup_test_{}", std::process::id());
    let admin = Db::connect(&url).await.unwrap();
    let Some(pool) = admin.pg_pool() else {
        unreachable!()
    };
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
        .execute(pool)
        .await
        .unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(pool)
        .await
        .unwrap();
    // The same server, the new database: the URL's path is the database.
    let base = url.rsplit_once('/').map_or(url.as_str(), |(b, _)| b);
    let own_url = format!("{base}/{name}");
    let db = Db::connect(&own_url).await.unwrap();
    db.migrate().await.unwrap();
    let who = staff();
    let id = full_case(&db, "Backed Up").await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("copy.pgdump");
    db.backup_to(&file, Some(&own_url)).await.unwrap();
    db.update_newcomer_case(&who, id, 1, &case("Changed Later"))
        .await
        .unwrap();
    let later = full_case(&db, "Added Later").await;
    db.close().await;

    let junk = dir.path().join("junk");
    std::fs::write(&junk, b"not a dump").unwrap();
    assert!(store::restore_postgres(&junk, &own_url).is_err());
    store::restore_postgres(&file, &own_url).unwrap();

    let db = Db::connect(&own_url).await.unwrap();
    let all = CaseScope {
        all: true,
        ..Default::default()
    };
    let cases = db.newcomer_cases(&who, &all).await.unwrap();
    assert_eq!(cases.len(), 1, "the case added after the backup is gone");
    assert_eq!(
        (cases[0].id, cases[0].fields.name.as_str()),
        (id, "Backed Up")
    );
    assert!(db.newcomer_case(&who, later).await.unwrap().is_none());
    db.close().await;
    sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .execute(pool)
        .await
        .unwrap();
}
