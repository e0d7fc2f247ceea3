//! Rendered pages kept for the next reader. Most readers of the plan and the
//! indicators see the same page, so it is rendered once for everyone who may
//! see the same thing, until what it shows changes.
//!
//! A route is cached only where it is declared (see `pages::router`), with
//! the kinds of fact it shows and the query parameters it reads. The key is
//! the path, those parameters (others are dropped from the request before the
//! page sees them), the language, the day, and who is looking: nobody, or a
//! role with its scopes, never a person. A signed-in page is rendered for a
//! stand-in with the role and scopes and no address, and the reader's own
//! address is put in where it is shown.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use app::Revisions;
use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Query, Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::access::{Actor, Role};
use i18n::Lang;
use time::Date;

use crate::context::{language, session_token};
use crate::AppState;

/// Together with `MAX_BYTES`, what the cache may hold: every page of a plan
/// in three languages and for the roles with their scopes, with filters, fits.
const MAX_ENTRIES: usize = 2048;
const MAX_BYTES: usize = 96 * 1024 * 1024;
/// A page larger than this is served but not kept.
const MAX_PAGE: usize = 4 * 1024 * 1024;
/// A query value longer than this is served but not kept: nobody filters by
/// a paragraph, and keys stay small.
const MAX_PARAM: usize = 200;

/// A kind of fact a page shows; a page is rendered again when one it shows moves.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Fact {
    /// Rows, measures, contacts, organisation, targets.
    Plan,
    /// The items' status updates.
    Statuses,
    /// Imported statistics.
    Statistics,
}

/// How a route is cached, declared where the route is.
#[derive(Debug)]
pub struct Cached {
    pub shows: &'static [Fact],
    /// The query parameters the page reads; any others are ignored.
    pub params: &'static [&'static str],
    /// Whether this signed-in reader's page is the same for everyone with the
    /// same role and scopes; where not, it is rendered for them each time.
    pub same_for_role: fn(&Actor) -> bool,
}

/// Who the page is for, as far as it differs.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
enum Viewer {
    Anonymous,
    Role {
        role: Role,
        work_packages: Vec<String>,
        municipalities: Vec<String>,
    },
}

#[derive(Clone, PartialEq, Eq, Hash, Debug)]
struct Key {
    path: String,
    query: String,
    lang: Lang,
    viewer: Viewer,
    /// Pages show dates relative to today (forms' defaults, the timeline).
    day: Date,
}

impl Key {
    fn size(&self) -> usize {
        self.path.len() + self.query.len() + std::mem::size_of::<Key>()
    }
}

struct Entry {
    /// The counters of the facts the page shows, when it was rendered.
    shown: [i64; 4],
    body: Bytes,
    last_used: u64,
}

struct Pages {
    entries: HashMap<Key, Entry>,
    bytes: usize,
    clock: u64,
    max_entries: usize,
    max_bytes: usize,
}

impl Default for Pages {
    fn default() -> Self {
        Pages {
            entries: HashMap::new(),
            bytes: 0,
            clock: 0,
            max_entries: MAX_ENTRIES,
            max_bytes: MAX_BYTES,
        }
    }
}

impl Pages {
    fn get(&mut self, key: &Key, shown: [i64; 4]) -> Option<Bytes> {
        self.clock += 1;
        let clock = self.clock;
        let entry = self.entries.get_mut(key).filter(|e| e.shown == shown)?;
        entry.last_used = clock;
        Some(entry.body.clone())
    }

    fn insert(&mut self, key: Key, shown: [i64; 4], body: Bytes) {
        self.clock += 1;
        let size = key.size() + body.len();
        if let Some(old) = self.entries.remove(&key) {
            self.bytes -= key.size() + old.body.len();
        }
        // Least recently used first; a scan is cheap at this size and only
        // happens when the cache is full.
        while !self.entries.is_empty()
            && (self.entries.len() >= self.max_entries || self.bytes + size > self.max_bytes)
        {
            let oldest = self
                .entries
                .iter()
                .min_by_key(|(_, e)| e.last_used)
                .map(|(k, _)| k.clone())
                .expect("not empty");
            let gone = self.entries.remove(&oldest).expect("present");
            self.bytes -= oldest.size() + gone.body.len();
        }
        self.bytes += size;
        self.entries.insert(
            key,
            Entry {
                shown,
                body,
                last_used: self.clock,
            },
        );
    }
}

/// What the cache holds and has done, for tests and operators.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    pub entries: usize,
    pub bytes: usize,
    /// Requests answered from the cache.
    pub hits: u64,
    /// Requests to a cached route that rendered the page.
    pub renders: u64,
}

#[derive(Default)]
pub struct PageCache {
    pages: Mutex<Pages>,
    /// One render per key at a time; the others wait for it.
    rendering: Mutex<HashMap<Key, Arc<tokio::sync::Mutex<()>>>>,
    hits: AtomicU64,
    renders: AtomicU64,
}

impl PageCache {
    pub fn stats(&self) -> CacheStats {
        let pages = self.pages.lock().expect("page cache");
        CacheStats {
            entries: pages.entries.len(),
            bytes: pages.bytes,
            hits: self.hits.load(Ordering::Relaxed),
            renders: self.renders.load(Ordering::Relaxed),
        }
    }

    fn flight(&self, key: &Key) -> Arc<tokio::sync::Mutex<()>> {
        let mut rendering = self.rendering.lock().expect("page cache flights");
        rendering.entry(key.clone()).or_default().clone()
    }

    fn landed(&self, key: &Key, flight: &Arc<tokio::sync::Mutex<()>>) {
        let mut rendering = self.rendering.lock().expect("page cache flights");
        if rendering.get(key).is_some_and(|f| Arc::ptr_eq(f, flight)) {
            rendering.remove(key);
        }
    }
}

/// The account a signed-in page is rendered for: the reader's role and
/// scopes, and in place of the address a mark that is replaced per reader.
#[derive(Clone)]
pub(crate) struct RenderFor(pub Actor);

/// For pages that show only what the role and scopes decide.
pub fn any_role(_: &Actor) -> bool {
    true
}

/// Letters only, so that escaping leaves it as it is; no address looks like it.
const READER_MARK: &str = "BulystReaderAddressMark7f3e9c";

/// The counters of the facts a route shows; others are left at zero so that
/// they do not make the page render again.
fn shown(route: &Cached, r: &Revisions) -> [i64; 4] {
    let mut out = [0; 4];
    for fact in route.shows {
        match fact {
            Fact::Plan => out[0] = r.plan,
            Fact::Statuses => {
                out[1] = r.statuses.0;
                out[2] = r.statuses.1 as i64;
            }
            Fact::Statistics => out[3] = r.statistics,
        }
    }
    out
}

/// The declared parameters, in declared order, first value each, empty ones
/// dropped: `None` if one is too long to be worth keeping.
fn normalised_query(route: &Cached, uri: &Uri) -> Option<String> {
    let pairs: Vec<(String, String)> = Query::try_from_uri(uri).map(|q| q.0).unwrap_or_default();
    let mut out = Vec::new();
    for name in route.params {
        if let Some((_, v)) = pairs
            .iter()
            .find(|(k, v)| k == name && !v.trim().is_empty())
        {
            if v.len() > MAX_PARAM {
                return None;
            }
            out.push(format!("{name}={}", crate::pages::encode(v)));
        }
    }
    Some(out.join("&"))
}

pub async fn serve(
    State((state, route)): State<(AppState, &'static Cached)>,
    mut req: Request,
    next: Next,
) -> Response {
    if req.method() != Method::GET {
        return next.run(req).await;
    }
    let Some(query) = normalised_query(route, req.uri()) else {
        return next.run(req).await;
    };
    let (viewer, reader) = match session_token(req.headers()) {
        None => (Viewer::Anonymous, None),
        Some(token) => match state.app.actor(&token).await {
            Ok(Some(actor)) if (route.same_for_role)(&actor) => {
                let viewer = Viewer::Role {
                    role: actor.role,
                    work_packages: sorted(&actor.work_packages),
                    municipalities: sorted(&actor.municipalities),
                };
                let stand_in = Actor {
                    id: 0,
                    email: READER_MARK.into(),
                    ..actor.clone()
                };
                req.extensions_mut().insert(RenderFor(stand_in));
                (viewer, Some(actor.email))
            }
            // Not the same for the role, or an unknown or expired session (the
            // page says so in its own way).
            _ => return next.run(req).await,
        },
    };
    let Ok(revisions) = state.app.revisions().await else {
        return next.run(req).await;
    };
    let shown = shown(route, &revisions);
    let key = Key {
        path: req.uri().path().to_string(),
        query,
        lang: language(req.headers()),
        viewer,
        day: app::today(),
    };
    // The page sees only what it is keyed on.
    let target = if key.query.is_empty() {
        key.path.clone()
    } else {
        format!("{}?{}", key.path, key.query)
    };
    if let Ok(uri) = target.parse() {
        *req.uri_mut() = uri;
    }

    let cache = &state.cache;
    if let Some(body) = cache.pages.lock().expect("page cache").get(&key, shown) {
        cache.hits.fetch_add(1, Ordering::Relaxed);
        return html(body, reader.as_deref());
    }
    let flight = cache.flight(&key);
    let _turn = flight.lock().await;
    if let Some(body) = cache.pages.lock().expect("page cache").get(&key, shown) {
        cache.hits.fetch_add(1, Ordering::Relaxed);
        cache.landed(&key, &flight);
        return html(body, reader.as_deref());
    }
    cache.renders.fetch_add(1, Ordering::Relaxed);
    let res = next.run(req).await;
    if res.status() != StatusCode::OK || !is_html(&res) {
        cache.landed(&key, &flight);
        return with_reader(res, reader.as_deref()).await;
    }
    let (parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_PAGE).await else {
        cache.landed(&key, &flight);
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    cache
        .pages
        .lock()
        .expect("page cache")
        .insert(key.clone(), shown, bytes.clone());
    cache.landed(&key, &flight);
    let mut res = Response::from_parts(parts, Body::empty());
    *res.body_mut() = Body::from(for_reader(bytes, reader.as_deref()));
    res
}

fn is_html(res: &Response) -> bool {
    res.headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

fn sorted(list: &[String]) -> Vec<String> {
    let mut list = list.to_vec();
    list.sort();
    list.dedup();
    list
}

fn html(body: Bytes, reader: Option<&str>) -> Response {
    let mut res = Response::new(Body::from(for_reader(body, reader)));
    res.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    res
}

/// A page rendered for the stand-in that is not kept (an error page, say)
/// still names the reader.
async fn with_reader(res: Response, reader: Option<&str>) -> Response {
    if reader.is_none() || !is_html(&res) {
        return res;
    }
    let (parts, body) = res.into_parts();
    match to_bytes(body, MAX_PAGE).await {
        Ok(bytes) => Response::from_parts(parts, Body::from(for_reader(bytes, reader))),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// The page with the reader's own address where the stand-in's mark is.
fn for_reader(body: Bytes, reader: Option<&str>) -> Bytes {
    let Some(email) = reader else {
        return body;
    };
    match std::str::from_utf8(&body) {
        Ok(text) if text.contains(READER_MARK) => {
            Bytes::from(text.replace(READER_MARK, &render::esc(email)))
        }
        _ => body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(path: &str) -> Key {
        Key {
            path: path.into(),
            query: String::new(),
            lang: Lang::default(),
            viewer: Viewer::Anonymous,
            day: app::today(),
        }
    }

    #[test]
    fn the_least_recently_used_page_goes_first_when_bytes_run_out() {
        let page = Bytes::from(vec![b'x'; 1000]);
        let per_entry = key("/a").size() + page.len();
        let mut pages = Pages {
            max_bytes: 3 * per_entry,
            ..Pages::default()
        };
        for path in ["/a", "/b", "/c"] {
            pages.insert(key(path), [0; 4], page.clone());
        }
        // `/a` was read last of the three, so `/b` is the oldest.
        assert!(pages.get(&key("/a"), [0; 4]).is_some());
        pages.insert(key("/d"), [0; 4], page.clone());
        assert_eq!(pages.entries.len(), 3);
        assert!(pages.bytes <= pages.max_bytes);
        assert!(pages.get(&key("/b"), [0; 4]).is_none());
        assert!(pages.get(&key("/a"), [0; 4]).is_some());
        // A page whose facts moved is not served.
        assert!(pages.get(&key("/d"), [1, 0, 0, 0]).is_none());
    }

    #[test]
    fn the_count_is_bounded_too() {
        let mut pages = Pages {
            max_entries: 10,
            ..Pages::default()
        };
        for i in 0..100 {
            pages.insert(key(&format!("/p{i}")), [0; 4], Bytes::from_static(b"x"));
        }
        assert_eq!(pages.entries.len(), 10);
        assert!(pages.get(&key("/p99"), [0; 4]).is_some());
        assert!(pages.get(&key("/p0"), [0; 4]).is_none());
    }
}
