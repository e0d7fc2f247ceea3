//! Looking for what a deleted person left behind: in the bytes of the SQLite database
//! file and its `-wal` file as they are (no checkpoint by the test: the erasure must
//! have done it), and on PostgreSQL in every row of the schema and, after a CHECKPOINT,
//! in the data files of its tables, their TOAST tables and all their indexes.

use std::path::Path;

use store::{testing, Db};

/// Runs `check` on a fresh SQLite database and, when PostgreSQL is at hand, on a fresh
/// PostgreSQL database of its own (not a schema): a vacuum keeps the rows that any
/// transaction of the same database may still see, and the other tests' transactions in
/// a shared database would be those.
pub async fn on_each_backend_alone<F, Fut>(check: F)
where
    F: Fn(Db) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let dir = tempfile::tempdir().unwrap();
    check(testing::sqlite(dir.path()).await.unwrap()).await;
    let Some(url) = testing::postgres_url() else {
        eprintln!(
            "PostgreSQL no-trace test skipped: set {}",
            testing::POSTGRES_URL_VAR
        );
        return;
    };
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("bulyst_trace_test_{}_{n}", std::process::id());
    let admin = Db::connect(&url).await.unwrap();
    let store::Backend::Pg(pool) = admin.pool() else {
        unreachable!()
    };
    for sql in [
        format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        format!("CREATE DATABASE {name}"),
    ] {
        sqlx::query(&sql).execute(pool).await.unwrap();
    }
    // The same server, the new database: the URL's path is the database.
    let base = url.rsplit_once('/').map_or(url.as_str(), |(b, _)| b);
    let db = Db::connect(&format!("{base}/{name}")).await.unwrap();
    db.migrate().await.unwrap();
    check(db.clone()).await;
    db.close().await;
    sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .execute(pool)
        .await
        .unwrap();
}

/// A name no other test uses, so finding it anywhere means it was left behind.
pub fn unique_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("Zq{:x}{:x} Erasable", nanos, std::process::id())
}

/// Where a search found the needle, and whether files could be searched at all.
#[derive(Debug)]
pub struct Traces {
    pub found: Vec<String>,
    pub files_searched: bool,
}

impl Traces {
    /// Proves the search works: run before the erasure, it must find the person in the
    /// files (when they could be read) and, on PostgreSQL, in the rows.
    pub fn assert_found(&self, db: &Db) {
        let in_files = self.found.iter().any(|f| f.starts_with("file"));
        let in_rows = self.found.iter().any(|f| f.starts_with("table"));
        assert_eq!(
            in_files,
            self.files_searched,
            "the search finds the person in the files ({}): {self:?}",
            db.backend()
        );
        if matches!(db.pool(), store::Backend::Pg(_)) {
            assert!(in_rows, "the search finds the person in the rows: {self:?}");
        }
    }

    pub fn assert_none(&self, db: &Db) {
        assert_eq!(self.found, Vec::<String>::new(), "{}", db.backend());
    }
}

pub async fn search(db: &Db, needle: &str) -> Traces {
    match db.pool() {
        store::Backend::Sqlite(pool) => {
            let (_, _, file): (i64, String, String) = sqlx::query_as("PRAGMA database_list")
                .fetch_one(pool)
                .await
                .unwrap();
            let mut found = Vec::new();
            for path in [file.clone(), format!("{file}-wal")] {
                // A missing `-wal` file holds nothing.
                let Ok(bytes) = std::fs::read(&path) else {
                    continue;
                };
                if contains(&bytes, needle) {
                    found.push(format!("file {path}"));
                }
            }
            Traces {
                found,
                files_searched: true,
            }
        }
        store::Backend::Pg(pool) => {
            let mut found = in_rows(pool, needle).await;
            let files = match in_files(pool, needle).await {
                Ok(files) => Some(files),
                Err(why) => {
                    eprintln!("PostgreSQL data files NOT searched for erased data: {why}");
                    None
                }
            };
            let files_searched = files.is_some();
            found.extend(files.unwrap_or_default());
            Traces {
                found,
                files_searched,
            }
        }
    }
}

/// Ignoring ASCII case, so that normalised copies (e-mail addresses, name keys) count.
fn contains(bytes: &[u8], needle: &str) -> bool {
    bytes
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Every table of the schema with a row whose text holds `needle`.
async fn in_rows(pool: &sqlx::PgPool, needle: &str) -> Vec<String> {
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    assert!(tables.len() > 10, "{tables:?}");
    let mut found = Vec::new();
    for (table,) in tables {
        let sql = format!("SELECT COUNT(*) FROM \"{table}\" AS r WHERE r::text ILIKE $1");
        let (n,): (i64,) = sqlx::query_as(&sql)
            .bind(format!("%{needle}%"))
            .fetch_one(pool)
            .await
            .unwrap();
        if n > 0 {
            found.push(format!("table {table}"));
        }
    }
    found
}

/// Every data file of the schema's tables, TOAST tables and indexes that holds `needle`
/// once the server has written its buffers out; Err says why the files cannot be read
/// from here (another machine, no permission, no right to CHECKPOINT).
async fn in_files(pool: &sqlx::PgPool, needle: &str) -> Result<Vec<String>, String> {
    sqlx::query("CHECKPOINT")
        .execute(pool)
        .await
        .map_err(|e| format!("CHECKPOINT failed: {e}"))?;
    let (data_dir,): (String,) = sqlx::query_as("SHOW data_directory")
        .fetch_one(pool)
        .await
        .map_err(|e| format!("SHOW data_directory failed: {e}"))?;
    let data_dir = Path::new(&data_dir);
    std::fs::read_dir(data_dir).map_err(|e| {
        format!(
            "the server's data directory {} cannot be read here ({e}); \
             run the tests as root on the server's machine",
            data_dir.display()
        )
    })?;
    let relations: Vec<(String, String)> = sqlx::query_as(
        "WITH tables AS (SELECT oid FROM pg_class \
                         WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'), \
              heaps AS (SELECT oid FROM tables \
                        UNION SELECT reltoastrelid FROM pg_class \
                              WHERE oid IN (SELECT oid FROM tables) AND reltoastrelid <> 0), \
              rels AS (SELECT oid FROM heaps \
                       UNION SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM heaps)) \
         SELECT oid::regclass::text, pg_relation_filepath(oid) FROM rels \
         WHERE pg_relation_filepath(oid) IS NOT NULL",
    )
    .fetch_all(pool)
    .await
    .map_err(|e| format!("listing the relations failed: {e}"))?;
    assert!(
        relations.iter().any(|(r, _)| r.starts_with("pg_toast.")),
        "TOAST tables are searched too: {relations:?}"
    );
    let mut found = Vec::new();
    for (relation, path) in relations {
        // A relation over 1 GB continues in `path.1`, `path.2`, …
        let segments = std::iter::once(path.clone()).chain((1..).map(|n| format!("{path}.{n}")));
        for segment in segments {
            let file = data_dir.join(&segment);
            let bytes = match std::fs::read(&file) {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => break,
                Err(e) => return Err(format!("{} cannot be read: {e}", file.display())),
            };
            if contains(&bytes, needle) {
                found.push(format!("file {segment} ({relation})"));
            }
        }
    }
    Ok(found)
}
