//! `bulyst`: the one binary. It serves the web application and runs the
//! commands that share its database.

use std::future::IntoFuture;
use std::io::{IsTerminal, Read, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use app::App;

use clap::{Parser, Subcommand, ValueEnum};
use domain::access::Role;
use store::Db;

mod mentor;
mod stats;

#[derive(Parser)]
#[command(
    name = "bulyst",
    version,
    about = "Run and measure a programme that helps newcomers find work and stay"
)]
struct Cli {
    /// Where the embedded SQLite database lives.
    #[arg(
        long,
        global = true,
        env = "BULYST_DATA_DIR",
        default_value = "bulyst-data"
    )]
    data_dir: PathBuf,
    /// A postgres:// URL to use PostgreSQL instead of the embedded database.
    #[arg(long, global = true, env = "DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application (loads the Sogn for alle plan on first start).
    Serve {
        #[arg(long, env = "BULYST_ADDR", default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Fetch the indicators' tables from the PxWebApi this often (like 24h;
        /// off when not given), as `bulyst stats refresh` does once.
        #[arg(long, env = "BULYST_REFRESH_EVERY", value_parser = app::parse_interval)]
        refresh_every: Option<Duration>,
        /// Erase newcomer cases this many months after their last follow-up, checked at
        /// start and daily; 0 turns it off (then run `bulyst newcomers erase-expired`).
        #[arg(long, env = "BULYST_RETENTION_MONTHS", default_value_t = 12)]
        retention_months: u32,
        /// The address of the proxy in front of Bulyst: only from it is
        /// `X-Forwarded-For` believed, for log-in throttling by client address.
        #[arg(long, env = "BULYST_TRUSTED_PROXY")]
        trusted_proxy: Option<std::net::IpAddr>,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Export, import or check a plan file.
    Plan {
        #[command(subcommand)]
        command: PlanCommand,
    },
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Read statistics files (PX, JSON-stat), or import them into the database.
    Stats {
        #[command(subcommand)]
        command: StatsCommand,
    },
    /// Write a consistent copy of the database while the server runs. SQLite: `VACUUM
    /// INTO` the file. PostgreSQL: runs `pg_dump --format=custom` (which must be installed)
    /// with the database URL.
    Backup {
        /// The file to write; it must not exist.
        #[arg(long)]
        to: PathBuf,
    },
    /// Bring back a backup made by `bulyst backup`, replacing the database. SQLite: stop the
    /// server first; the file is checked (an SQLite database with Bulyst's migrations) and
    /// moved into place atomically. PostgreSQL: runs `pg_restore --clean --if-exists`.
    Restore {
        #[arg(long)]
        from: PathBuf,
    },
    /// The newcomer service's retention limit.
    Newcomers {
        #[command(subcommand)]
        command: NewcomersCommand,
    },
    /// The mentor programme's matching engine on files (no database).
    Mentor {
        #[command(subcommand)]
        command: mentor::MentorCommand,
    },
}

#[derive(Subcommand)]
enum NewcomersCommand {
    /// Erase every newcomer case past the retention limit after its last follow-up,
    /// keeping only anonymous counts for the cohorts.
    EraseExpired {
        /// Months after the last follow-up a case is kept.
        #[arg(long, default_value_t = 12)]
        retention_months: u32,
        /// The day to count to (YYYY-MM-DD); today when left out.
        #[arg(long)]
        today: Option<String>,
    },
}

#[derive(Subcommand)]
enum PlanCommand {
    /// Write the plan as it stands, in the plan-file format.
    Export {
        /// The file to write; standard output if left out.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Load a plan file into the database.
    Import {
        file: PathBuf,
        /// Replace a plan that is already there, deleting its status history.
        #[arg(long)]
        replace: bool,
    },
    /// Check a plan file without loading it.
    Check { file: PathBuf },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add an account; the password is read from standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// A work package a work-group member writes in (repeat for more).
        #[arg(long = "work-package")]
        work_packages: Vec<String>,
        /// The municipality number of a municipal contact (repeat for more).
        #[arg(long = "municipality")]
        municipalities: Vec<String>,
    },
}

#[derive(Subcommand)]
enum StatsCommand {
    /// Describe a statistics file: its dimensions, cells, missing cells and sum.
    Inspect {
        file: PathBuf,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// The language of labels in a multilingual file.
        #[arg(long)]
        lang: Option<String>,
    },
    /// Convert a statistics file to another format.
    Convert {
        file: PathBuf,
        #[arg(long)]
        to: Format,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Import PX, JSON-stat or IMDi CSV files into the database, each in one
    /// transaction; stops at the first file that fails.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The publisher, where the file does not name it (or names it otherwise).
        #[arg(long)]
        publisher: Option<String>,
        /// The publisher's table id, where the file does not name it.
        #[arg(long)]
        table: Option<String>,
    },
    /// Fetch a table from SSB's PxWebApi v2 (or --api) and import it in one
    /// transaction; waits out rate limits and splits queries over the cell limit.
    Fetch {
        /// The table id, like 07459.
        table: String,
        /// The selection, like `valueCodes[Region]=4640&valueCodes[Tid]=2022,2023`.
        #[arg(long, default_value = "")]
        query: String,
        /// The PxWebApi v2 base URL (else $BULYST_PXWEBAPI_URL, else SSB's).
        #[arg(long)]
        api: Option<String>,
    },
    /// Fetch every table the indicators need from the PxWebApi and import
    /// what changed; each table in its own transaction.
    Refresh {
        /// The PxWebApi v2 base URL (else $BULYST_PXWEBAPI_URL, else SSB's).
        #[arg(long)]
        api: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    #[value(name = "json-stat2")]
    JsonStat2,
    Csv,
    Px,
}

fn parse_role(s: &str) -> Result<Role, String> {
    s.parse::<Role>().map_err(|e| e.message)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let result = match cli.command {
        // Importing needs the database; reading and converting files does not.
        Command::Stats { command }
            if !matches!(
                command,
                StatsCommand::Import { .. }
                    | StatsCommand::Fetch { .. }
                    | StatsCommand::Refresh { .. }
            ) =>
        {
            stats(command)
        }
        Command::Mentor { command } => return mentor::run(command),
        Command::Plan {
            command: PlanCommand::Check { file },
        } => check_plan(&file),
        // Neither opens the application: a restore must not touch the database first.
        command @ (Command::Backup { .. } | Command::Restore { .. }) => {
            tokio::runtime::Runtime::new()
                .map_err(|e| e.to_string())
                .and_then(|rt| {
                    rt.block_on(backup_or_restore(
                        &cli.data_dir,
                        cli.database_url.as_deref(),
                        command,
                    ))
                })
        }
        command => tokio::runtime::Runtime::new()
            .map_err(|e| e.to_string())
            .and_then(|rt| rt.block_on(run(&cli.data_dir, cli.database_url.as_deref(), command))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("bulyst: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn open(data_dir: &Path, database_url: Option<&str>) -> Result<App, String> {
    let db = Db::open_migrated(data_dir, database_url)
        .await
        .map_err(|e| match database_url {
            Some(_) => format!("cannot open the database: {e}"),
            None => format!(
                "cannot open the database {}: {e}",
                Db::sqlite_file(data_dir).display()
            ),
        })?;
    Ok(App::new(db))
}

async fn run(data_dir: &Path, database_url: Option<&str>, command: Command) -> Result<(), String> {
    let app = open(data_dir, database_url).await?;
    let result = match command {
        Command::Serve {
            addr,
            refresh_every,
            retention_months,
            trusted_proxy,
        } => serve(app, addr, refresh_every, retention_months, trusted_proxy).await,
        Command::Migrate => Ok(()),
        Command::Plan { command } => plan(&app, command).await,
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    role,
                    work_packages,
                    municipalities,
                },
        } => {
            app.ensure_plan().await.map_err(|e| e.to_string())?;
            let password = read_password()?;
            let id = app
                .add_user(None, &email, &password, role, work_packages, municipalities)
                .await
                .map_err(|e| e.to_string())?;
            println!("added account {id} ({role})");
            Ok(())
        }
        Command::Stats {
            command:
                StatsCommand::Import {
                    files,
                    publisher,
                    table,
                },
        } => import_statistics(&app, &files, app::ImportOptions { publisher, table }).await,
        Command::Stats {
            command: StatsCommand::Fetch { table, query, api },
        } => {
            let report = app
                .fetch_statistics_from(None, api.as_deref(), &table, &query)
                .await
                .map_err(|e| format!("{e}\nnothing was imported"))?;
            println!(
                "table {table}: {} new, {} changed, {} unchanged",
                report.inserted, report.changed, report.unchanged
            );
            Ok(())
        }
        Command::Stats {
            command: StatsCommand::Refresh { api },
        } => {
            let done = app.refresh_statistics(api.as_deref()).await;
            let mut failed = 0;
            for r in &done {
                match &r.outcome {
                    Ok(report) => println!(
                        "table {}: {} new, {} changed, {} unchanged",
                        r.fetch.table, report.inserted, report.changed, report.unchanged
                    ),
                    Err(e) => {
                        failed += 1;
                        println!("table {}: failed, nothing imported: {e}", r.fetch.table);
                    }
                }
            }
            match failed {
                0 => Ok(()),
                n => Err(format!(
                    "{n} of {} tables could not be refreshed",
                    done.len()
                )),
            }
        }
        Command::Newcomers {
            command:
                NewcomersCommand::EraseExpired {
                    retention_months,
                    today,
                },
        } => {
            let today = match today {
                Some(day) => app::parse_date("today", &day).map_err(|e| e.to_string())?,
                None => app::today(),
            };
            let erased = app
                .erase_expired(today, retention_months)
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "erased {} newcomer case(s) past {retention_months} months after their last follow-up",
                erased.len()
            );
            Ok(())
        }
        Command::Backup { .. } | Command::Restore { .. } => {
            unreachable!("backups do not open the application")
        }
        Command::Stats { .. } => unreachable!("other stats commands need no database"),
        Command::Mentor { .. } => unreachable!("mentor commands need no database"),
    };
    result
}

async fn backup_or_restore(
    data_dir: &Path,
    database_url: Option<&str>,
    command: Command,
) -> Result<(), String> {
    let sqlite_file = match database_url {
        Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => None,
        Some(url) => Some(PathBuf::from(
            url.trim_start_matches("sqlite://")
                .trim_start_matches("sqlite:"),
        )),
        None => Some(Db::sqlite_file(data_dir)),
    };
    match (command, sqlite_file) {
        (Command::Backup { to }, _) => {
            let db = match database_url {
                Some(url) => Db::connect(url).await,
                None => Db::open_dir(data_dir).await,
            }
            .map_err(|e| format!("cannot open the database: {e}"))?;
            let done = db.backup_to(&to, database_url).await;
            db.close().await;
            done.map_err(|e| e.to_string())?;
            println!("backed up to {}", to.display());
        }
        (Command::Restore { from }, Some(file)) => {
            store::restore_sqlite(&from, &file)
                .await
                .map_err(|e| e.to_string())?;
            println!("restored {} from {}", file.display(), from.display());
        }
        (Command::Restore { from }, None) => {
            let url = database_url.unwrap_or_default();
            store::restore_postgres(&from, url).map_err(|e| e.to_string())?;
            println!("restored the database from {}", from.display());
        }
        _ => unreachable!("only backup and restore"),
    }
    Ok(())
}

fn read_password() -> Result<String, String> {
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password("Password: ").map_err(|e| e.to_string());
    }
    let mut password = String::new();
    std::io::stdin()
        .read_to_string(&mut password)
        .map_err(|e| format!("cannot read the password: {e}"))?;
    Ok(password.trim_end_matches(['\n', '\r']).to_string())
}

async fn serve(
    app: App,
    addr: SocketAddr,
    refresh_every: Option<Duration>,
    retention_months: u32,
    trusted_proxy: Option<std::net::IpAddr>,
) -> Result<(), String> {
    // A damaged file is better found now than by the first user whose page it holds.
    let checking = std::time::Instant::now();
    app.check_integrity().await.map_err(|e| e.to_string())?;
    tracing::info!(
        ms = checking.elapsed().as_millis() as u64,
        "the database is intact"
    );
    if app.ensure_plan().await.map_err(|e| e.to_string())? {
        tracing::info!("loaded the Sogn for alle plan into the new database");
    }
    delete_expired_sessions(&app).await;
    let started = std::time::Instant::now();
    let loaded = app.ensure_statistics().await.map_err(|e| e.to_string())?;
    if loaded > 0 {
        tracing::info!(
            files = loaded,
            ms = started.elapsed().as_millis() as u64,
            "loaded the shipped statistics into the new database"
        );
    }
    let backend = app.backend();
    let app = Arc::new(app);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    println!("Bulyst is serving at http://{local}/ (database: {backend})");
    let _ = std::io::stdout().flush();
    // Polled beside the server in this task (the import's future is not Send).
    let later = async {
        if std::env::var("BULYST_LOAD_LARGE_STATISTICS").as_deref() != Ok("no") {
            match app.ensure_later_statistics().await {
                Ok(0) => {}
                Ok(n) => tracing::info!(files = n, "loaded the large shipped statistics"),
                Err(e) => {
                    tracing::error!(error = %e, "loading the large shipped statistics failed")
                }
            }
        }
        // Computed now rather than by the first visitor of /indicators, who would
        // otherwise wait seconds for it on the large statistics.
        let computing = std::time::Instant::now();
        match app.indicators().await {
            Ok(_) => tracing::info!(
                ms = computing.elapsed().as_millis() as u64,
                "computed the indicators"
            ),
            Err(e) => tracing::warn!(error = %e, "computing the indicators at start failed"),
        }
    };
    // The first refresh waits a whole interval: a start is not a reason to fetch.
    let refresh = async {
        let Some(every) = refresh_every else {
            return std::future::pending().await;
        };
        tracing::info!(every_s = every.as_secs(), "statistics refresh on");
        let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            app.refresh_statistics(None).await;
        }
    };
    // The retention limit is a promise to the people in the register: kept daily.
    let retention = async {
        if retention_months == 0 {
            return std::future::pending().await;
        }
        let mut ticks = tokio::time::interval(Duration::from_secs(24 * 3600));
        loop {
            ticks.tick().await;
            match app.erase_expired(app::today(), retention_months).await {
                Ok(erased) if !erased.is_empty() => {
                    tracing::info!(
                        cases = erased.len(),
                        "erased newcomer cases past the retention limit"
                    )
                }
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "erasing expired newcomer cases failed"),
            }
        }
    };
    // Swept at start (above) and hourly after: a session's row is no use once it expired.
    let sessions = async {
        let hour = Duration::from_secs(3600);
        let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + hour, hour);
        loop {
            ticks.tick().await;
            delete_expired_sessions(&app).await;
        }
    };
    let mut router = web::router(app.clone());
    if let Some(proxy) = trusted_proxy {
        router = router.layer(axum::Extension(web::TrustedProxy(proxy)));
    }
    // The peer's address is what log-in throttling counts by.
    let server = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown());
    // The server decides when to stop; an unfinished load is dropped (its
    // transaction rolls back) and tried again on the next start.
    let server = server.into_future();
    tokio::pin!(server, later, refresh, retention, sessions);
    let mut later_done = false;
    let served = loop {
        tokio::select! {
            r = &mut server => break r,
            () = &mut later, if !later_done => later_done = true,
            () = &mut refresh => {}
            () = &mut retention => {}
            () = &mut sessions => {}
        }
    };
    served.map_err(|e| e.to_string())?;
    app.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn delete_expired_sessions(app: &App) {
    match app.delete_expired_sessions().await {
        Ok(0) => {}
        Ok(n) => tracing::info!(sessions = n, "deleted expired sessions"),
        Err(e) => tracing::error!(error = %e, "deleting expired sessions failed"),
    }
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}

async fn plan(app: &App, command: PlanCommand) -> Result<(), String> {
    match command {
        PlanCommand::Export { output } => {
            let text = app.export_plan().await.map_err(|e| e.to_string())?;
            match output {
                Some(path) => {
                    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
                }
                None => std::io::stdout()
                    .write_all(text.as_bytes())
                    .map_err(|e| e.to_string()),
            }
        }
        PlanCommand::Import { file, replace } => {
            let text = read_text(&file)?;
            let plan = app
                .import_plan(&text, &file.display().to_string(), replace)
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "imported {}: {} work packages, {} action-plan items",
                plan.programme.name,
                plan.work_packages.len(),
                plan.actions().count()
            );
            Ok(())
        }
        PlanCommand::Check { .. } => unreachable!("checked without a database"),
    }
}

fn read_text(file: &Path) -> Result<String, String> {
    std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))
}

fn check_plan(file: &Path) -> Result<(), String> {
    let text = read_text(file)?;
    let plan =
        domain::plan_file::load(&text, &file.display().to_string()).map_err(|e| e.to_string())?;
    println!(
        "{}: {} is a valid plan ({} work packages, {} action-plan items)",
        file.display(),
        plan.programme.name,
        plan.work_packages.len(),
        plan.actions().count()
    );
    Ok(())
}

async fn import_statistics(
    app: &App,
    files: &[PathBuf],
    options: app::ImportOptions,
) -> Result<(), String> {
    for file in files {
        let started = std::time::Instant::now();
        let report = app
            .import_statistics_with(None, file, &options)
            .await
            .map_err(|e| format!("{e}\nnothing was imported from {}", file.display()))?;
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "{}: {} new, {} changed, {} unchanged ({} cells in {seconds:.2} s, {:.0} cells/s)",
            file.display(),
            report.inserted,
            report.changed,
            report.unchanged,
            report.total(),
            report.total() as f64 / seconds.max(1e-9)
        );
    }
    Ok(())
}

fn stats(command: StatsCommand) -> Result<(), String> {
    match command {
        StatsCommand::Inspect { file, json, lang } => stats::inspect(&file, json, lang),
        StatsCommand::Convert { file, to, output } => {
            let to = match to {
                Format::JsonStat2 => statcube::Target::JsonStat2,
                Format::Csv => statcube::Target::Csv,
                Format::Px => statcube::Target::Px,
            };
            stats::convert_file(&file, to, output.as_deref())
        }
        StatsCommand::Import { .. } | StatsCommand::Fetch { .. } | StatsCommand::Refresh { .. } => {
            unreachable!("imported with a database")
        }
    }
}
