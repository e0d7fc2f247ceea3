//! The `bulyst` binary as a user runs it: plan files, accounts, and a server
//! that starts, answers and stops cleanly.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn bulyst(data: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bulyst"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const PLAN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/programmes/sogn-for-alle.toml"
);

#[test]
fn plan_files_are_checked_imported_and_exported_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let ok = bulyst(&data, &["plan", "check", PLAN], "");
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    assert!(text(&ok.stdout).contains("8 work packages, 20 action-plan items"));

    let broken = dir.path().join("broken.toml");
    let original = std::fs::read_to_string(PLAN).unwrap();
    std::fs::write(
        &broken,
        original.replacen(
            "measure = \"mentorprogram\"",
            "measure = \"mentorprogramm\"",
            1,
        ),
    )
    .unwrap();
    let bad = bulyst(&data, &["plan", "import", broken.to_str().unwrap()], "");
    assert!(!bad.status.success());
    let message = text(&bad.stderr);
    assert!(
        message.contains("broken.toml:")
            && message.contains(".measure`")
            && message.contains("mentorprogramm"),
        "{message}"
    );
    let empty = bulyst(&data, &["plan", "export"], "");
    assert!(!empty.status.success(), "a failed import loads nothing");
    assert!(
        text(&empty.stderr).contains("no plan"),
        "{}",
        text(&empty.stderr)
    );

    let imported = bulyst(&data, &["plan", "import", PLAN], "");
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    let again = bulyst(&data, &["plan", "import", PLAN], "");
    assert!(!again.status.success() && text(&again.stderr).contains("--replace"));
    let first = dir.path().join("first.toml");
    assert!(bulyst(
        &data,
        &["plan", "export", "-o", first.to_str().unwrap()],
        ""
    )
    .status
    .success());
    assert!(bulyst(
        &data,
        &["plan", "import", "--replace", first.to_str().unwrap()],
        ""
    )
    .status
    .success());
    let second = bulyst(&data, &["plan", "export"], "");
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        text(&second.stdout)
    );
}

#[test]
fn accounts_read_their_password_from_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let add =
        |args: &[&str], password: &str| bulyst(&data, &[&["user", "add"], args].concat(), password);
    let ok = add(
        &[
            "--email",
            "arbeid@sogn.test",
            "--role",
            "work-group",
            "--work-package",
            "arbeid",
        ],
        "a long test password\n",
    );
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    let short = add(&["--email", "x@sogn.test", "--role", "reader"], "short\n");
    assert!(
        text(&short.stderr).contains("password"),
        "{}",
        text(&short.stderr)
    );
    let role = add(
        &["--email", "y@sogn.test", "--role", "boss"],
        "a long test password\n",
    );
    assert!(
        text(&role.stderr).contains("admin, project-leader"),
        "{}",
        text(&role.stderr)
    );
    let scope = add(
        &["--email", "z@sogn.test", "--role", "work-group"],
        "a long test password\n",
    );
    assert!(
        text(&scope.stderr).contains("work package"),
        "{}",
        text(&scope.stderr)
    );
    let twice = add(
        &["--email", "arbeid@sogn.test", "--role", "reader"],
        "a long test password\n",
    );
    assert!(
        text(&twice.stderr).contains("exists already"),
        "{}",
        text(&twice.stderr)
    );
}

#[test]
fn serve_answers_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_bulyst"))
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .env_remove("DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .to_string();
    let get = |path: &str| {
        let mut s = TcpStream::connect(&addr).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        s.read_to_string(&mut answer).unwrap();
        answer
    };
    assert!(get("/healthz").starts_with("HTTP/1.1 200"));
    let page = get("/");
    assert!(
        page.starts_with("HTTP/1.1 200") && page.contains("Sogn for alle"),
        "{page}"
    );
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        child.wait().unwrap().success(),
        "a clean exit after SIGTERM"
    );
}

#[test]
fn mentor_assign_prints_an_optimal_assignment_or_says_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let scores = dir.path().join("scores.csv");
    std::fs::write(&scores, "4, 1, 3\n2, 0, 5\n3, 2, 2\n").unwrap();
    let min = bulyst(
        &data,
        &["mentor", "assign", "--scores", scores.to_str().unwrap()],
        "",
    );
    assert!(min.status.success(), "{}", text(&min.stderr));
    let compact = |b: &[u8]| text(b).split_whitespace().collect::<String>();
    assert_eq!(
        compact(&min.stdout),
        r#"{"total":5,"pairs":[[0,1],[1,0],[2,2]]}"#
    );
    let max = bulyst(
        &data,
        &["mentor", "assign", "--maximize", "--scores", "-"],
        "1,2\n3,4\n",
    );
    assert!(
        compact(&max.stdout).contains(r#""total":5"#),
        "{}",
        text(&max.stdout)
    );
    std::fs::write(&scores, "1,2\n3,x\n").unwrap();
    let bad = bulyst(
        &data,
        &["mentor", "assign", "--scores", scores.to_str().unwrap()],
        "",
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(bad.stdout.is_empty());
    assert!(text(&bad.stderr).contains(":2:"), "{}", text(&bad.stderr));
}

/// Starts `bulyst serve` on `data` and returns it with its address once it answers, or
/// its exit status and error output if it stopped instead.
fn start_serving(data: &Path) -> Result<(std::process::Child, String), (bool, String)> {
    start_serving_with(data, &[])
}

/// [`start_serving`] with more arguments for `serve`.
fn start_serving_with(
    data: &Path,
    args: &[&str],
) -> Result<(std::process::Child, String), (bool, String)> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bulyst"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env_remove("DATABASE_URL")
        .env("BULYST_LOAD_LARGE_STATISTICS", "no")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    match line.split("http://").nth(1) {
        Some(rest) => {
            // Drained, so that the server's log lines always have somewhere to go.
            let mut stderr = child.stderr.take().unwrap();
            std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
            std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
            Ok((child, rest.split('/').next().unwrap().to_string()))
        }
        None => {
            let mut errors = String::new();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut errors)
                .unwrap();
            Err((child.wait().unwrap().success(), errors))
        }
    }
}

/// The status line of `GET path`.
fn status_line_of(addr: &str, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    answer.lines().next().unwrap_or_default().to_string()
}

fn stop(mut child: std::process::Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert!(exit.success(), "a clean exit after SIGTERM, not {exit}");
}

#[test]
fn two_servers_started_together_on_a_new_data_directory_both_serve() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let starts: Vec<_> = (0..2)
        .map(|_| {
            let data = data.clone();
            std::thread::spawn(move || start_serving(&data))
        })
        .collect();
    for start in starts {
        match start.join().unwrap() {
            Ok((child, addr)) => {
                assert_eq!(status_line_of(&addr, "/healthz"), "HTTP/1.1 200 OK");
                stop(child)
            }
            Err((_, errors)) => panic!("a server did not come up: {errors}"),
        }
    }
}

#[test]
fn serve_refuses_a_damaged_database_and_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let migrated = bulyst(&data, &["plan", "import", PLAN], "");
    assert!(migrated.status.success(), "{}", text(&migrated.stderr));
    let file = data.join("bulyst.sqlite3");
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(store::testing::damage_sqlite_table(&file, "actions"))
        .unwrap();
    let (succeeded, errors) = start_serving(&data).map(|(c, _)| stop(c)).unwrap_err();
    assert!(!succeeded);
    assert!(
        errors.contains(&file.display().to_string()) && errors.contains("damaged"),
        "{errors}"
    );
}

#[test]
fn serve_deletes_expired_sessions_when_it_starts() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let added = bulyst(
        &data,
        &[
            "user",
            "add",
            "--email",
            "leiar@sogn.test",
            "--role",
            "reader",
        ],
        "a long test password\n",
    );
    assert!(added.status.success(), "{}", text(&added.stderr));
    let rt = tokio::runtime::Runtime::new().unwrap();
    let db = rt.block_on(store::Db::open_dir(&data)).unwrap();
    let user = rt
        .block_on(db.user_by_email("leiar@sogn.test"))
        .unwrap()
        .unwrap();
    let hour = time::Duration::hours(1);
    let now = time::OffsetDateTime::now_utc();
    rt.block_on(db.create_session("expired", user.actor.id, now - hour))
        .unwrap();
    rt.block_on(db.create_session("live", user.actor.id, now + hour))
        .unwrap();

    let (child, addr) = start_serving(&data).unwrap_or_else(|(_, e)| panic!("{e}"));
    assert_eq!(status_line_of(&addr, "/healthz"), "HTTP/1.1 200 OK");
    let left = rt.block_on(db.delete_expired_sessions()).unwrap();
    let live = rt.block_on(db.session_actor("live")).unwrap();
    stop(child);
    assert_eq!(
        left, 0,
        "the server deleted the expired session when it started"
    );
    assert!(live.is_some(), "and kept the live one");
    rt.block_on(db.close());
}

/// The server's resident memory in KiB, as the kernel counts it.
fn resident_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS in /proc/PID/status")
}

/// Sends one request and returns the status line's code.
fn status_of(addr: &str, request: &str) -> u16 {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(120)))
        .unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    answer
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no status in {answer:?}"))
}

#[test]
fn a_hundred_concurrent_failed_log_ins_do_not_exhaust_memory() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, addr) = start_serving(dir.path())
        .unwrap_or_else(|(_, errors)| panic!("serve did not start: {errors}"));
    let login = |n: usize| {
        let body = format!(r#"{{"email":"nobody{n}@sogn.test","password":"wrong guess {n}"}}"#);
        format!(
            "POST /api/v1/login HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
    };
    // The first failure builds what every later one shares.
    assert_eq!(status_of(&addr, &login(0)), 422);
    let before = resident_kib(child.id());
    let statuses: Vec<u16> = std::thread::scope(|s| {
        let threads: Vec<_> = (1..=100)
            .map(|n| {
                let (addr, request) = (&addr, login(n));
                s.spawn(move || status_of(addr, &request))
            })
            .collect();
        threads.into_iter().map(|t| t.join().unwrap()).collect()
    });
    let after = resident_kib(child.id());
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    // Refused, slowed down or turned away while busy: never a server error.
    assert!(
        statuses.iter().all(|s| [422, 429, 503].contains(s)),
        "{statuses:?}"
    );
    let grown_mib = after.saturating_sub(before) / 1024;
    eprintln!("resident memory: {before} KiB before, {after} KiB after, +{grown_mib} MiB");
    assert!(
        grown_mib < 200,
        "resident memory grew by {grown_mib} MiB ({before} KiB to {after} KiB)"
    );
}

#[test]
fn log_ins_are_throttled_by_the_client_address_the_trusted_proxy_names() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, addr) = start_serving_with(dir.path(), &["--trusted-proxy", "127.0.0.1"])
        .unwrap_or_else(|(_, errors)| panic!("serve did not start: {errors}"));
    let login = |n: usize, client: &str| {
        let body = format!(r#"{{"email":"person{n}@sogn.test","password":"Sommar2024!"}}"#);
        let request = format!(
            "POST /api/v1/login HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
             X-Forwarded-For: {client}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        status_of(&addr, &request)
    };
    // Every account is another, so only the address can slow these down.
    let statuses: Vec<u16> = (0..21).map(|n| login(n, "198.51.100.1")).collect();
    let stopped = login(21, "198.51.100.1");
    let elsewhere = login(22, "198.51.100.2");
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    assert!(statuses.iter().all(|s| *s == 422), "{statuses:?}");
    assert_eq!(stopped, 429);
    assert_eq!(elsewhere, 422, "another client behind the same proxy");
}
