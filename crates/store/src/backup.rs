//! Backups and restores. SQLite: `VACUUM INTO` makes a consistent, compact copy while the
//! server runs, and a restore checks the copy and moves it into place atomically.
//! PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --if-exists`, given the
//! database URL (its password is passed in the environment, not on the command line).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use crate::{Backend, Db, Result, StoreError};

/// The first 16 bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// The first bytes of a pg_dump custom-format archive.
const PG_DUMP_MAGIC: &[u8; 5] = b"PGDMP";

fn io(what: &str, path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Backup(format!("{what} {}: {e}", path.display()))
}

impl Db {
    /// Writes a consistent copy of the database to `to`, which must not exist yet. On
    /// PostgreSQL this runs `pg_dump --format=custom` against `url`.
    pub async fn backup_to(&self, to: &Path, url: Option<&str>) -> Result<()> {
        if to.exists() {
            return Err(StoreError::Backup(format!(
                "{} exists already; choose a new file",
                to.display()
            )));
        }
        match self.pool() {
            Backend::Sqlite(pool) => {
                let target = to.to_str().ok_or_else(|| {
                    StoreError::Backup(format!("{} is not a UTF-8 path", to.display()))
                })?;
                sqlx::query("VACUUM INTO $1")
                    .bind(target)
                    .execute(pool)
                    .await?;
                let file = std::fs::File::open(to).map_err(|e| io("cannot open", to, e))?;
                file.sync_all().map_err(|e| io("cannot sync", to, e))?;
                Ok(())
            }
            Backend::Pg(_) => {
                let url = url.ok_or_else(|| {
                    StoreError::Backup("a PostgreSQL backup needs the database URL".into())
                })?;
                let mut cmd = pg_command("pg_dump", url);
                cmd.arg("--format=custom").arg("--file").arg(to);
                run(cmd)
            }
        }
    }
}

/// Replaces the SQLite database at `db_file` with the backup `from`, after checking that
/// it is an intact SQLite database holding Bulyst's migrations (none newer than this
/// program's). Refuses while the database seems open (its `-wal` file exists): stop the
/// server first. The copy is written to a temporary file beside the database, synced, and
/// renamed over it, so a crash leaves either the old database or the restored one.
pub async fn restore_sqlite(from: &Path, db_file: &Path) -> Result<()> {
    check_magic(from, SQLITE_MAGIC, "an SQLite database")?;
    check_sqlite_backup(from).await?;
    let wal = sibling(db_file, "-wal");
    if wal.exists() {
        return Err(StoreError::Backup(format!(
            "{} exists: a server seems to be using the database. Stop it and try again \
             (after a crash, run `bulyst migrate` once first)",
            wal.display()
        )));
    }
    let dir = db_file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| io("cannot create", dir, e))?;
    let temp = sibling(db_file, &format!(".restore-{}.tmp", std::process::id()));
    let copied = (|| {
        let bytes = std::fs::read(from).map_err(|e| io("cannot read", from, e))?;
        let mut file = std::fs::File::create(&temp).map_err(|e| io("cannot create", &temp, e))?;
        file.write_all(&bytes)
            .and_then(|()| file.sync_all())
            .map_err(|e| io("cannot write", &temp, e))
    })();
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    let _ = std::fs::remove_file(sibling(db_file, "-shm"));
    std::fs::rename(&temp, db_file)
        .map_err(|e| io("cannot move the restored file to", db_file, e))?;
    #[cfg(unix)]
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| io("cannot sync", dir, e))?;
    Ok(())
}

/// Restores a `pg_dump --format=custom` archive into the database at `url`, dropping what
/// the archive holds first (`pg_restore --clean --if-exists`).
pub fn restore_postgres(from: &Path, url: &str) -> Result<()> {
    check_magic(from, PG_DUMP_MAGIC, "a pg_dump custom-format archive")?;
    let mut cmd = pg_command("pg_restore", url);
    cmd.args([
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
    ])
    .arg(from);
    run(cmd)
}

fn sibling(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn check_magic(path: &Path, magic: &[u8], what: &str) -> Result<()> {
    use std::io::Read as _;
    let mut head = vec![0; magic.len()];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .map_err(|e| io("cannot read", path, e))?;
    if head != magic {
        return Err(StoreError::Backup(format!(
            "{} is not {what}",
            path.display()
        )));
    }
    Ok(())
}

/// The backup is intact and its migrations are all Bulyst's, as this program knows them.
async fn check_sqlite_backup(path: &Path) -> Result<()> {
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .connect()
        .await?;
    let (integrity,): (String,) = sqlx::query_as("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await?;
    if integrity != "ok" {
        return Err(StoreError::Backup(format!(
            "{} is damaged: {integrity}",
            path.display()
        )));
    }
    let applied: Vec<(i64, Vec<u8>, bool)> =
        sqlx::query_as("SELECT version, checksum, success FROM _sqlx_migrations ORDER BY version")
            .fetch_all(&mut conn)
            .await
            .map_err(|_| {
                StoreError::Backup(format!("{} holds no Bulyst migrations", path.display()))
            })?;
    conn.close().await?;
    let known = sqlx::migrate!("migrations/sqlite");
    if applied.is_empty() {
        return Err(StoreError::Backup(format!(
            "{} holds no Bulyst migrations",
            path.display()
        )));
    }
    for (version, checksum, success) in applied {
        let ours = known.iter().find(|m| m.version == version);
        match ours {
            Some(m) if *m.checksum == *checksum && success => {}
            Some(_) => {
                return Err(StoreError::Backup(format!(
                    "migration {version} in {} is not the one this program ships",
                    path.display()
                )))
            }
            None => {
                return Err(StoreError::Backup(format!(
                "{} was made by a newer Bulyst (migration {version}); restore it with that version",
                path.display()
            )))
            }
        }
    }
    Ok(())
}

/// `program` with the URL's password moved into PGPASSWORD, so it does not show in the
/// process list.
fn pg_command(program: &str, url: &str) -> Command {
    let (url, password) = split_password(url);
    let mut cmd = Command::new(program);
    cmd.arg("--dbname").arg(url);
    if let Some(p) = password {
        cmd.env("PGPASSWORD", p);
    }
    cmd
}

fn run(mut cmd: Command) -> Result<()> {
    let program = cmd.get_program().to_string_lossy().into_owned();
    let out = cmd
        .output()
        .map_err(|e| StoreError::Backup(format!("cannot run {program}: {e}")))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(StoreError::Backup(format!(
            "{program} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        )))
    }
}

/// `postgres://user:secret@host/db` → (`postgres://user@host/db`, `secret`), decoded.
fn split_password(url: &str) -> (String, Option<String>) {
    let Some((scheme, rest)) = url.split_once("://") else {
        return (url.to_string(), None);
    };
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let Some((userinfo, host)) = authority.rsplit_once('@') else {
        return (url.to_string(), None);
    };
    let Some((user, password)) = userinfo.split_once(':') else {
        return (url.to_string(), None);
    };
    (
        format!("{scheme}://{user}@{host}{tail}"),
        Some(percent_decode(password)),
    )
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_leave_the_url() {
        assert_eq!(
            split_password("postgres://bulyst:s%40cret@db:5432/bulyst?sslmode=require"),
            (
                "postgres://bulyst@db:5432/bulyst?sslmode=require".to_string(),
                Some("s@cret".to_string())
            )
        );
        assert_eq!(
            split_password("postgres://postgres@127.0.0.1/test"),
            ("postgres://postgres@127.0.0.1/test".to_string(), None)
        );
    }
}
