//! `bulyst mentor`: the mentor programme's matching engine on files, without a database.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Subcommand;
use matching::{matrix_text, Goal};

#[derive(Subcommand)]
pub enum MentorCommand {
    /// Solve an assignment problem exactly and print {"total": N, "pairs": [[row, col], …]}.
    ///
    /// The CSV file has one row of integers per line, comma-separated, no header. With fewer
    /// rows than columns every row is assigned; with more rows than columns every column is
    /// (as scipy's linear_sum_assignment does). Pairs are sorted by row, 0-based. Bad input is
    /// reported as FILE:LINE:COLUMN on standard error with exit code 2.
    Assign {
        /// The matrix; `-` reads standard input.
        #[arg(long)]
        scores: PathBuf,
        /// Make the total as large as possible (default: as small as possible).
        #[arg(long)]
        maximize: bool,
        /// Print the time spent reading and solving to standard error.
        #[arg(long)]
        timing: bool,
    },
    /// Match mentees to mentors and print the proposal as JSON: the pairs with the criteria
    /// that gave each its score, and everyone left unmatched with the reason.
    ///
    /// The problem file holds "mentors", "mentees" and "rules" (neighbouring municipalities,
    /// minimum shared language level, exclusions, locks, weights); see the matching crate's
    /// `problem` module for the format.
    Match {
        /// The problem; `-` reads standard input.
        #[arg(long)]
        problem: PathBuf,
    },
}

/// Runs a mentor command. Errors go to standard error with exit code 2 and nothing is printed
/// on standard output, so a script never reads half an answer.
pub fn run(command: MentorCommand) -> ExitCode {
    let result = match command {
        MentorCommand::Assign {
            scores,
            maximize,
            timing,
        } => assign(&scores, maximize, timing),
        MentorCommand::Match { problem } => match_problem(&problem),
    };
    match result.and_then(|out| {
        std::io::stdout()
            .lock()
            .write_all(out.as_bytes())
            .map_err(|e| format!("cannot write the answer: {e}"))
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("bulyst: {message}");
            ExitCode::from(2)
        }
    }
}

fn read_input(path: &Path) -> Result<(Vec<u8>, String), String> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("<stdin>: {e}"))?;
        Ok((bytes, "<stdin>".to_string()))
    } else {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
        Ok((bytes, name))
    }
}

fn assign(path: &Path, maximize: bool, timing: bool) -> Result<String, String> {
    let started = Instant::now();
    let (bytes, name) = read_input(path)?;
    let matrix = matrix_text::parse(&bytes).map_err(|e| format!("{name}:{e}"))?;
    drop(bytes);
    let read = started.elapsed();
    let goal = if maximize {
        Goal::Maximize
    } else {
        Goal::Minimize
    };
    let solving = Instant::now();
    let answer = matching::solve(&matrix, goal).map_err(|e| format!("{name}: {e}"))?;
    let solved = solving.elapsed();
    let mut out = String::with_capacity(32 + answer.pairs.len() * 14);
    let _ = write!(out, "{{\"total\": {}, \"pairs\": [", answer.total);
    for (k, (r, c)) in answer.pairs.iter().enumerate() {
        let sep = if k == 0 { "" } else { ", " };
        let _ = write!(out, "{sep}[{r}, {c}]");
    }
    out.push_str("]}\n");
    if timing {
        eprintln!(
            "timing: read {:.3} s, solve {:.3} s ({} × {})",
            read.as_secs_f64(),
            solved.as_secs_f64(),
            matrix.rows(),
            matrix.cols()
        );
    }
    Ok(out)
}

fn match_problem(path: &Path) -> Result<String, String> {
    let (bytes, name) = read_input(path)?;
    let text = String::from_utf8(bytes).map_err(|e| format!("{name}: not UTF-8 text: {e}"))?;
    let problem = matching::Problem::from_json(&text).map_err(|e| format!("{name}: {e}"))?;
    let proposal = matching::propose(&problem).map_err(|e| format!("{name}: {e}"))?;
    let mut out = serde_json::to_string_pretty(&proposal).map_err(|e| e.to_string())?;
    out.push('\n');
    Ok(out)
}
