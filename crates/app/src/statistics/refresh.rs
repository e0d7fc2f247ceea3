//! The scheduled refresh: fetches every table the indicators need from the
//! PxWebApi (`catalogue::refreshed`) and imports what changed. Each import is
//! recorded in `stat_imports` with its counts of new, changed and unchanged
//! figures, so what a refresh changed can be read back; a table that fails is
//! reported and leaves the database as it was, and the others go on.

use std::time::Duration;

use domain::catalogue;
use domain::indicators::Fetch;
use store::ImportReport;

use crate::{App, Result};

/// One table's outcome.
#[derive(Debug)]
pub struct Refreshed {
    pub fetch: Fetch,
    pub outcome: Result<ImportReport>,
}

impl App {
    /// Fetches and imports each table of the refresh, one after another (the
    /// PxWebApi's rate limit is per address). `api`: another PxWebApi v2 than
    /// `BULYST_PXWEBAPI_URL` or SSB's.
    pub async fn refresh_statistics(&self, api: Option<&str>) -> Vec<Refreshed> {
        let mut done = Vec::new();
        for fetch in catalogue::refreshed() {
            let outcome = self
                .fetch_statistics_from(None, api, fetch.table, fetch.query)
                .await;
            match &outcome {
                Ok(r) => tracing::info!(
                    table = fetch.table,
                    new = r.inserted,
                    changed = r.changed,
                    unchanged = r.unchanged,
                    "statistics refresh"
                ),
                Err(e) => {
                    tracing::warn!(table = fetch.table, error = %e, "statistics refresh failed")
                }
            }
            done.push(Refreshed { fetch, outcome });
        }
        done
    }
}

/// Reads a refresh interval: a whole number with `s`, `m`, `h` or `d`, like
/// `24h`; at least a minute, so a typo cannot hammer the statistics office.
pub fn parse_interval(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (n, unit) = t.split_at(split);
    let n: u64 = n
        .parse()
        .map_err(|_| format!("`{text}`: expected a number and a unit, like 24h or 30m"))?;
    let seconds = match unit {
        "s" => n,
        "m" => n.saturating_mul(60),
        "h" => n.saturating_mul(3600),
        "d" => n.saturating_mul(86_400),
        _ => {
            return Err(format!(
                "`{text}`: the unit is s, m, h or d (seconds, minutes, hours, days)"
            ))
        }
    };
    if seconds < 60 {
        return Err(format!("`{text}`: refresh at most once a minute"));
    }
    Ok(Duration::from_secs(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals() {
        assert_eq!(parse_interval("24h"), Ok(Duration::from_secs(86_400)));
        assert_eq!(parse_interval(" 30m "), Ok(Duration::from_secs(1800)));
        assert_eq!(parse_interval("2d"), Ok(Duration::from_secs(172_800)));
        assert!(parse_interval("10s").unwrap_err().contains("once a minute"));
        assert!(parse_interval("h").unwrap_err().contains("like 24h"));
        assert!(parse_interval("3 weeks").unwrap_err().contains("unit"));
        assert!(parse_interval("").is_err());
    }
}
