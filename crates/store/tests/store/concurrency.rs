//! Many requests at once, as a municipality's staff and the public make them: reads of one
//! newcomer case, the public cohort figures, new cases and status updates from many tasks
//! together. None may fail (on SQLite the old code answered "database is locked"), and
//! every read of personal data is in the audit log.

use domain::newcomer::{CaseFields, Category};
use store::{CaseScope, Db, Who};
use time::macros::date;

use super::{loaded, on_each_backend, status};

const TASKS: usize = 12;
const ROUNDS: usize = 8;

fn staff() -> Who {
    Who {
        id: None,
        label: "tilflyttar@ardal.test".into(),
    }
}

fn public() -> Who {
    Who {
        id: None,
        label: "public cohort figures".into(),
    }
}

fn case(name: &str) -> CaseFields {
    CaseFields {
        name: name.into(),
        phone: "+47 912 34 567".into(),
        email: "ny@example.no".into(),
        municipality: "4643".into(),
        arrival_date: date!(2021 - 08 - 02),
        household: vec![],
        languages: vec!["arabisk".into()],
        category: Category::Refugee,
        needs: vec![],
        contact_person: None,
        account_id: None,
    }
}

async fn reads_audited(db: &Db) -> usize {
    db.audit_log(1_000_000, 0)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.operation == "read")
        .count()
}

#[derive(Default)]
struct Tally {
    reads: usize,
    errors: Vec<String>,
}

/// Task `n` does one kind of request `ROUNDS` times: a quarter each reads the case, reads
/// the public cohorts, creates cases and reports status.
async fn one_task(db: Db, n: usize, case_id: i64) -> Tally {
    let mut tally = Tally::default();
    for round in 0..ROUNDS {
        let outcome = match n % 4 {
            0 => db
                .newcomer_case(&staff(), case_id)
                .await
                .map(|found| assert!(found.is_some())),
            1 => db.newcomer_cohort_input(&public()).await.map(|_| ()),
            2 => db
                .create_newcomer_case(&staff(), &case(&format!("Ny {n} {round}")))
                .await
                .map(|_| ()),
            _ => db
                .add_status(
                    &Who::cli(),
                    "mentorprogram",
                    &status(&format!("{n}/{round}"), date!(2021 - 03 - 01)),
                )
                .await
                .map(|_| ()),
        };
        match outcome {
            Ok(()) if n % 4 < 2 => tally.reads += 1,
            Ok(()) => {}
            Err(e) => tally.errors.push(e.to_string()),
        }
    }
    tally
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn staff_and_public_reads_and_writes_at_once_all_succeed_and_every_read_is_audited() {
    on_each_backend(|db| async move {
        loaded(&db).await;
        let case_id = db
            .create_newcomer_case(&staff(), &case("Eksisterande"))
            .await
            .unwrap();
        let before = reads_audited(&db).await;
        let tasks: Vec<_> = (0..TASKS)
            .map(|n| tokio::spawn(one_task(db.clone(), n, case_id)))
            .collect();
        let mut reads = 0;
        let mut errors = Vec::new();
        for task in tasks {
            let tally = task.await.unwrap();
            reads += tally.reads;
            errors.extend(tally.errors);
        }
        assert!(
            errors.is_empty(),
            "{} failed on {}: {errors:?}",
            errors.len(),
            db.backend()
        );
        assert_eq!(reads, TASKS / 2 * ROUNDS);
        assert_eq!(
            reads_audited(&db).await - before,
            reads,
            "every read is audited ({})",
            db.backend()
        );
        let all = CaseScope {
            all: true,
            ..Default::default()
        };
        let cases = db.newcomer_cases(&staff(), &all).await.unwrap();
        assert_eq!(
            cases.len(),
            1 + TASKS / 4 * ROUNDS,
            "every new case is there"
        );
    })
    .await;
}

/// Queued reads are written in the order they were queued, one transaction for many.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn audit_rows_of_reads_keep_their_order() {
    on_each_backend(|db| async move {
        loaded(&db).await;
        let ids = [
            db.create_newcomer_case(&staff(), &case("A")).await.unwrap(),
            db.create_newcomer_case(&staff(), &case("B")).await.unwrap(),
        ];
        for round in 0..20 {
            db.newcomer_case(&staff(), ids[round % 2]).await.unwrap();
        }
        let mut read: Vec<String> = db
            .audit_log(40, 0)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.operation == "read")
            .map(|e| e.entity_id)
            .collect();
        read.reverse();
        let expected: Vec<String> = (0..20).map(|r| ids[r % 2].to_string()).collect();
        assert_eq!(read, expected);
    })
    .await;
}

/// A read whose audit row cannot be written is not answered.
#[tokio::test]
async fn a_read_that_cannot_be_audited_fails() {
    on_each_backend(|db| async move {
        loaded(&db).await;
        let id = db
            .create_newcomer_case(&staff(), &case("Uaudited"))
            .await
            .unwrap();
        let rename = "ALTER TABLE audit_log RENAME TO audit_log_away";
        match db.pool() {
            store::Backend::Sqlite(p) => sqlx::query(rename).execute(p).await.map(|_| ()),
            store::Backend::Pg(p) => sqlx::query(rename).execute(p).await.map(|_| ()),
        }
        .unwrap();
        let e = db.newcomer_case(&staff(), id).await.unwrap_err();
        assert!(matches!(e, store::StoreError::Audit(_)), "{e}");
    })
    .await;
}
