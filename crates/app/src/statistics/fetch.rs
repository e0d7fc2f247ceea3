//! `bulyst stats fetch`: a table from a PxWebApi v2 server (SSB by default),
//! imported like a file. The server's limits are respected here rather than
//! discovered by being refused: SSB allows 30 requests a minute per address
//! and 800 000 cells per extract, so requests wait for a token, a 429 waits
//! as long as it is told, and a query over the cell limit is split on `Tid`
//! (then on its largest listed dimension) into parts imported together.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use domain::access::Actor;
use store::ImportReport;
use time::OffsetDateTime;

use super::{allow_import, invalid, ImportOptions};
use crate::{App, AppError, Result};

/// SSB's PxWebApi v2.
pub const DEFAULT_API: &str = "https://data.ssb.no/api/pxwebapi/v2";
/// Points fetches at another PxWebApi v2 server (tests use a local one).
pub const API_ENV: &str = "BULYST_PXWEBAPI_URL";
const SSB: &str = "Statistisk sentralbyrå";

/// SSB's published limit: 30 requests per minute per address.
const REQUESTS_PER_WINDOW: f64 = 30.0;
const WINDOW: Duration = Duration::from_secs(60);
/// Tries per request, for 429s and for server and connection errors alike.
const TRIES: u32 = 5;
const FIRST_BACKOFF: Duration = Duration::from_secs(2);
const MAX_BACKOFF: Duration = Duration::from_secs(60);
/// A json-stat2 answer at SSB's 800 000 cells is well under this.
const MAX_BODY: u64 = 512 * 1024 * 1024;

/// The base URL: the one given, else `BULYST_PXWEBAPI_URL`, else SSB's.
fn api_base(given: Option<&str>) -> String {
    given
        .map(str::to_string)
        .or_else(|| std::env::var(API_ENV).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| DEFAULT_API.to_string())
        .trim()
        .trim_end_matches('/')
        .to_string()
}

/// One token bucket for the whole process: the limit is per address, so
/// parallel fetches share it.
struct Bucket {
    tokens: f64,
    at: Instant,
}

static BUCKET: Mutex<Option<Bucket>> = Mutex::new(None);

/// Blocks until the process may send another request.
fn take_token() {
    let rate = REQUESTS_PER_WINDOW / WINDOW.as_secs_f64();
    loop {
        let wait = {
            let mut guard = BUCKET.lock().unwrap_or_else(|p| p.into_inner());
            let now = Instant::now();
            let bucket = guard.get_or_insert(Bucket {
                tokens: REQUESTS_PER_WINDOW,
                at: now,
            });
            bucket.tokens = (bucket.tokens + now.duration_since(bucket.at).as_secs_f64() * rate)
                .min(REQUESTS_PER_WINDOW);
            bucket.at = now;
            if bucket.tokens >= 1.0 {
                bucket.tokens -= 1.0;
                return;
            }
            Duration::from_secs_f64((1.0 - bucket.tokens) / rate)
        };
        std::thread::sleep(wait);
    }
}

fn backoff(try_no: u32) -> Duration {
    (FIRST_BACKOFF * 2u32.saturating_pow(try_no.saturating_sub(1))).min(MAX_BACKOFF)
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes all but what PxWebApi's expressions use literally, so
/// `valueCodes[Tid]` and `Æ` travel safely.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~,()*!:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A data query as pairs of decoded keys and values, in the user's order.
#[derive(Debug, Clone, PartialEq)]
struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    fn parse(query: &str) -> std::result::Result<Query, String> {
        let mut pairs = Vec::new();
        for part in query.trim().trim_start_matches('?').split('&') {
            if part.is_empty() {
                continue;
            }
            let (k, v) = part
                .split_once('=')
                .ok_or_else(|| format!("query part {part:?} has no '=' (write KEY=VALUE)"))?;
            pairs.push((decode(k), decode(v)));
        }
        Ok(Query { pairs })
    }

    fn has(&self, key: &str) -> bool {
        self.pairs.iter().any(|(k, _)| k.eq_ignore_ascii_case(key))
    }

    fn with_default(mut self, key: &str, value: &str) -> Query {
        if !self.has(key) {
            self.pairs.push((key.to_string(), value.to_string()));
        }
        self
    }

    fn encoded(&self) -> String {
        self.pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// `valueCodes[VAR]` → `VAR`.
    fn variable(key: &str) -> Option<&str> {
        let lower = key.to_ascii_lowercase();
        lower
            .starts_with("valuecodes[")
            .then(|| key.get("valuecodes[".len()..)?.strip_suffix(']'))
            .flatten()
    }

    /// The listed codes of a value, unless it is an expression (`*`, `?`,
    /// `top(3)`, `[range(2018,2023)]`) whose size only the server knows.
    fn codes(value: &str) -> Option<Vec<&str>> {
        if value.starts_with('[') || value.contains(['*', '?', '(']) {
            return None;
        }
        Some(value.split(',').map(str::trim).collect())
    }

    /// The cells the query asks for, if every selection lists its codes.
    fn cells(&self) -> Option<u64> {
        let mut cells = 1u64;
        let mut any = false;
        for (k, v) in &self.pairs {
            if Self::variable(k).is_some() {
                cells = cells.saturating_mul(Self::codes(v)?.len() as u64);
                any = true;
            }
        }
        any.then_some(cells)
    }

    /// Two halves: of the listed `Tid` codes if there are two or more, else of
    /// the dimension with the most listed codes.
    fn split(&self) -> Option<(Query, Query)> {
        let listed: Vec<(usize, bool, usize)> = self
            .pairs
            .iter()
            .enumerate()
            .filter_map(|(i, (k, v))| {
                let var = Self::variable(k)?;
                let n = Self::codes(v)?.len();
                (n > 1).then_some((i, var.eq_ignore_ascii_case("Tid"), n))
            })
            .collect();
        let (i, _, _) = listed
            .iter()
            .find(|(_, tid, _)| *tid)
            .or_else(|| listed.iter().max_by_key(|(_, _, n)| *n))
            .copied()?;
        let codes = Self::codes(&self.pairs[i].1)?;
        let (a, b) = codes.split_at(codes.len() / 2);
        let half = |codes: &[&str]| {
            let mut q = self.clone();
            q.pairs[i].1 = codes.join(",");
            q
        };
        Some((half(a), half(b)))
    }
}

/// What the server answered a data request with.
enum Answer {
    Data(Vec<u8>),
    TooLarge(String),
}

struct Client {
    agent: ureq::Agent,
    base: String,
    table: String,
}

/// The `title` of a PxWebApi error answer, else the body itself (shortened).
fn problem(body: &[u8]) -> String {
    serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("title").and_then(|t| t.as_str()).map(str::to_string))
        .unwrap_or_else(|| {
            String::from_utf8_lossy(body)
                .trim()
                .chars()
                .take(300)
                .collect()
        })
}

/// SSB answers a query over the cell limit with 403, or with 400 and a
/// title about the cells; other offices word it their own way.
fn says_too_large(status: u16, title: &str) -> bool {
    let t = title.to_lowercase();
    status == 403
        || (status == 400
            && ["cell", "too many", "too large", "for mange", "celler"]
                .iter()
                .any(|w| t.contains(w)))
}

impl Client {
    fn new(base: String, table: String) -> Client {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(300)))
            .user_agent(concat!("bulyst/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Client { agent, base, table }
    }

    /// One GET with the rate limit, 429 waits and retries of server and
    /// connection errors; the final status and body.
    fn get(&self, url: &str) -> std::result::Result<(u16, Vec<u8>), String> {
        let mut last = String::new();
        for try_no in 1..=TRIES {
            take_token();
            let wait = match self.agent.get(url).call() {
                Ok(mut response) => {
                    let status = response.status().as_u16();
                    let retry_after = response
                        .headers()
                        .get("retry-after")
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.trim().parse::<u64>().ok());
                    let body = response
                        .body_mut()
                        .with_config()
                        .limit(MAX_BODY)
                        .read_to_vec()
                        .map_err(|e| format!("GET {url}: reading the answer: {e}"));
                    match (status, body) {
                        (429, _) => {
                            last = format!("rate limited (429) {try_no} times");
                            retry_after.map_or(backoff(try_no), Duration::from_secs)
                        }
                        (500..=599, body) => {
                            last = format!(
                                "answered {status} {}",
                                body.as_deref().map(problem).unwrap_or_default()
                            );
                            backoff(try_no)
                        }
                        (_, Ok(body)) => return Ok((status, body)),
                        (_, Err(e)) => {
                            last = e;
                            backoff(try_no)
                        }
                    }
                }
                Err(e) => {
                    last = format!("cannot reach the server: {e}");
                    backoff(try_no)
                }
            };
            if try_no < TRIES {
                tracing::warn!(url, try_no, wait_s = wait.as_secs_f64(), %last, "PxWebApi: retrying");
                std::thread::sleep(wait.min(MAX_BACKOFF));
            }
        }
        Err(format!(
            "table {}: GET {url} failed after {TRIES} tries: {last}{}",
            self.table,
            // SSB's one undocumented 500: a code listed twice.
            if last.starts_with("answered 500") {
                " (SSB also answers 500 when a code is listed twice)"
            } else {
                ""
            }
        ))
    }

    /// The server's cell limit, if it says; a server without `/config`
    /// still gets the query, and refuses it if it must.
    fn max_cells(&self) -> Option<u64> {
        let url = format!("{}/config", self.base);
        match self.get(&url) {
            Ok((200, body)) => serde_json::from_slice::<serde_json::Value>(&body)
                .ok()?
                .get("maxDataCells")?
                .as_u64(),
            Ok((status, _)) => {
                tracing::warn!(
                    url,
                    status,
                    "PxWebApi: no config; not checking the cell limit"
                );
                None
            }
            Err(e) => {
                tracing::warn!(url, error = %e, "PxWebApi: no config; not checking the cell limit");
                None
            }
        }
    }

    fn data(&self, query: &Query) -> std::result::Result<Answer, String> {
        let url = format!(
            "{}/tables/{}/data?{}",
            self.base,
            encode(&self.table),
            query.encoded()
        );
        let (status, body) = self.get(&url)?;
        match status {
            200..=299 => Ok(Answer::Data(body)),
            _ if says_too_large(status, &problem(&body)) => Ok(Answer::TooLarge(problem(&body))),
            404 => Err(format!(
                "table {}: the server answered 404 Not Found{}: check the table id (SSB also answers 404 to a URL over about 2 100 characters) (GET {url})",
                self.table,
                match problem(&body) {
                    t if t.is_empty() => String::new(),
                    t => format!(" ({t:?})"),
                }
            )),
            _ => Err(format!(
                "table {}: the server refused the query with {status}: {:?} (GET {url})",
                self.table,
                problem(&body)
            )),
        }
    }

    /// Every part of the query, split until each fits; nothing is imported
    /// until all have come.
    fn fetch(
        &self,
        query: Query,
        max: Option<u64>,
        parts: &mut Vec<Vec<u8>>,
    ) -> std::result::Result<(), String> {
        let too_large = match (max, query.cells()) {
            (Some(max), Some(cells)) if cells > max => {
                Some(format!("{cells} cells, over the server's {max}"))
            }
            _ => match self.data(&query)? {
                Answer::Data(body) => {
                    parts.push(body);
                    None
                }
                Answer::TooLarge(why) => Some(why),
            },
        };
        let Some(why) = too_large else {
            return Ok(());
        };
        let (a, b) = query.split().ok_or_else(|| {
            format!(
                "table {}: the query is too large ({why}) and cannot be split: list the codes of Tid (or of another variable) one by one, e.g. valueCodes[Tid]=2021,2022,2023",
                self.table
            )
        })?;
        tracing::info!(table = %self.table, %why, "PxWebApi: splitting the query");
        self.fetch(a, max, parts)?;
        self.fetch(b, max, parts)
    }
}

impl App {
    /// Fetches a table from the PxWebApi v2 at `BULYST_PXWEBAPI_URL`, or SSB's.
    pub async fn fetch_statistics(
        &self,
        who: Option<&Actor>,
        table: &str,
        query: &str,
    ) -> Result<ImportReport> {
        self.fetch_statistics_from(who, None, table, query).await
    }

    /// Fetches `GET {api}/tables/{table}/data?{query}` as json-stat2 and
    /// imports it in one transaction; a query over the cell limit is fetched
    /// in parts and the parts imported together. `query` is the
    /// `valueCodes[VAR]=…&codelist[VAR]=…` string as the user gives it.
    pub async fn fetch_statistics_from(
        &self,
        who: Option<&Actor>,
        api: Option<&str>,
        table: &str,
        query: &str,
    ) -> Result<ImportReport> {
        allow_import(who)?;
        let table = table.trim();
        if table.is_empty() || !table.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(invalid(format!(
                "table {table:?}: a table id is letters and digits, like 07459"
            )));
        }
        let base = api_base(api);
        let query = Query::parse(query)
            .map_err(|e| invalid(format!("table {table}: {e}")))?
            .with_default("lang", "no")
            .with_default("outputFormat", "json-stat2");
        // What the user asked for, as sent: the source's query.
        let asked = format!("{base}/tables/{table}/data?{}", query.encoded());
        let publisher = base.contains("ssb.no").then(|| SSB.to_string());
        let client = Client::new(base, table.to_string());
        let (parts, retrieved) = tokio::task::spawn_blocking(move || {
            let max = query.cells().and_then(|_| client.max_cells());
            let mut parts = Vec::new();
            client.fetch(query, max, &mut parts)?;
            Ok::<_, String>((parts, OffsetDateTime::now_utc()))
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(invalid)?;
        let options = ImportOptions {
            publisher,
            table: Some(table.to_string()),
        };
        let shown = format!("table {table}");
        self.import_parts(who, &shown, &asked, parts, options, retrieved)
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trip_and_defaults() {
        let q = Query::parse("valueCodes[Region]=4640,4641&codelist%5BRegion%5D=agg_KommSummer")
            .unwrap()
            .with_default("lang", "no")
            .with_default("LANG", "en");
        assert_eq!(
            q.encoded(),
            "valueCodes%5BRegion%5D=4640,4641&codelist%5BRegion%5D=agg_KommSummer&lang=no"
        );
        assert!(Query::parse("valueCodes[Tid]").is_err());
    }

    #[test]
    fn cells_only_for_listed_codes() {
        let q = Query::parse("valueCodes[Region]=1,2,3&valueCodes[Tid]=2020,2021").unwrap();
        assert_eq!(q.cells(), Some(6));
        let q = Query::parse("valueCodes[Region]=1,2&valueCodes[Tid]=top(3)").unwrap();
        assert_eq!(q.cells(), None);
        let q = Query::parse("valueCodes[Tid]=[range(2018,2023)]").unwrap();
        assert_eq!(q.cells(), None);
    }

    #[test]
    fn splits_on_tid_then_largest() {
        let q =
            Query::parse("valueCodes[Region]=1,2,3&valueCodes[Tid]=2019,2020,2021,2022").unwrap();
        let (a, b) = q.split().unwrap();
        assert_eq!(a.pairs[1].1, "2019,2020");
        assert_eq!(b.pairs[1].1, "2021,2022");
        let q = Query::parse("valueCodes[Region]=1,2,3&valueCodes[Tid]=2022").unwrap();
        let (a, b) = q.split().unwrap();
        assert_eq!((a.pairs[0].1.as_str(), b.pairs[0].1.as_str()), ("1", "2,3"));
        let q = Query::parse("valueCodes[Region]=1&valueCodes[Tid]=2022").unwrap();
        assert!(q.split().is_none());
    }

    #[test]
    fn too_large_answers() {
        assert!(says_too_large(403, ""));
        assert!(says_too_large(400, "Too many cells selected"));
        assert!(!says_too_large(
            400,
            "Missing selection for mandantory variable ContentsCode"
        ));
    }
}
