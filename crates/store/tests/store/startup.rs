//! What a server needs before it answers: a schema brought up to date once however many
//! start together, and an intact database file.

use std::path::Path;

use store::{testing, Db, StoreError};

use super::loaded;

const TOGETHER: usize = 6;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn servers_started_together_on_a_new_sqlite_directory_all_open_it() {
    // A few rounds: without the lock, most rounds see a migration run twice.
    for _ in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let openings: Vec<_> = (0..TOGETHER)
            .map(|_| {
                let data = data.clone();
                tokio::spawn(async move { Db::open_migrated(&data, None).await })
            })
            .collect();
        for opening in openings {
            let db = opening.await.unwrap().unwrap();
            assert_eq!(db.revision().await.unwrap(), 0);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn migrations_run_together_on_a_new_postgres_database_all_succeed() {
    let Some(url) = testing::postgres_url() else {
        eprintln!(
            "PostgreSQL migration test skipped: set {}",
            testing::POSTGRES_URL_VAR
        );
        return;
    };
    let options = testing::postgres_schema(&url).await.unwrap();
    let migrations: Vec<_> = (0..TOGETHER)
        .map(|_| {
            let options = options.clone();
            tokio::spawn(async move {
                let db = Db::connect_pg(options).await?;
                db.migrate().await?;
                Ok::<_, StoreError>(db)
            })
        })
        .collect();
    for migration in migrations {
        let db = migration.await.unwrap().unwrap();
        assert_eq!(db.revision().await.unwrap(), 0);
    }
}

async fn damaged(dir: &Path) -> Db {
    let db = testing::sqlite(dir).await.unwrap();
    loaded(&db).await;
    db.check_integrity().await.unwrap();
    db.check_health().await.unwrap();
    db.close().await;
    testing::damage_sqlite_table(&Db::sqlite_file(dir), "actions")
        .await
        .unwrap();
    Db::open_dir(dir).await.unwrap()
}

#[tokio::test]
async fn a_damaged_page_fails_the_integrity_check_and_the_health_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = damaged(dir.path()).await;
    let e = db.check_integrity().await.unwrap_err();
    match &e {
        StoreError::Corrupt { file, .. } => assert!(file.ends_with("bulyst.sqlite3"), "{e}"),
        other => panic!("not reported as damaged: {other}"),
    }
    assert!(e.to_string().contains("bulyst.sqlite3"), "{e}");
    assert!(db.check_health().await.is_err());
    // The answer is reused, not computed again, within a few seconds.
    assert!(db.check_health().await.is_err());
}
