//! Rendered plan and indicator pages for visitors who are not signed in. Most
//! readers of the plan are anonymous (council, public, steering group between
//! meetings) and see the same page, so it is rendered once per plan revision,
//! statistics revision (for indicator pages) and language instead of once per
//! request.

use std::collections::HashMap;
use std::sync::RwLock;

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use i18n::Lang;

use crate::context::language;
use crate::{cookies, AppState};

/// Enough for every page of a plan in every language, with filters; past
/// this the cache starts over rather than grow without bound.
const MAX_ENTRIES: usize = 1024;
const MAX_PAGE: usize = 4 * 1024 * 1024;

/// What a cached page was rendered from: the plan's revision (which targets
/// move too) and, for indicator pages, the statistics' revision.
type Revisions = (i64, i64);

#[derive(Default)]
pub struct PageCache {
    pages: RwLock<HashMap<(String, Lang), (Revisions, Bytes)>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shows {
    Plan,
    Indicators,
}

/// Pages that show only the plan, or the plan and the statistics; `/changes`
/// depends on today's date and the forms on who is signed in, so they are
/// always rendered, as are the CSV and XLSX exports.
fn cacheable(path: &str) -> Option<Shows> {
    let plan_page = ["/work-packages/", "/actions/", "/measures/"]
        .iter()
        .any(|p| path.starts_with(p));
    let indicator_page = path
        .strip_prefix("/indicators/")
        .is_some_and(|id| !id.is_empty() && !id.contains(['.', '/']));
    if matches!(
        path,
        "/" | "/action-plan" | "/action-plan/timeline" | "/organisation" | "/municipalities"
    ) || (plan_page && path != "/actions/new")
    {
        Some(Shows::Plan)
    } else if path == "/indicators" || indicator_page {
        Some(Shows::Indicators)
    } else {
        None
    }
}

pub async fn serve(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let headers = req.headers();
    let signed_in =
        headers.contains_key(AUTHORIZATION) || cookies::get(headers, cookies::SESSION).is_some();
    let shows = match cacheable(req.uri().path()) {
        Some(shows) if req.method() == Method::GET && !signed_in => shows,
        _ => return next.run(req).await,
    };
    let Ok(snapshot) = state.app.snapshot().await else {
        return next.run(req).await;
    };
    let statistics = match shows {
        Shows::Plan => 0,
        Shows::Indicators => match state.app.db().statistics_revision().await {
            Ok(r) => r,
            Err(_) => return next.run(req).await,
        },
    };
    let revisions = (snapshot.revision, statistics);
    let key = (
        req.uri()
            .path_and_query()
            .map_or_else(String::new, |p| p.to_string()),
        language(req.headers()),
    );
    let hit = state
        .cache
        .pages
        .read()
        .expect("page cache")
        .get(&key)
        .cloned();
    if let Some((rendered_from, body)) = hit {
        if rendered_from == revisions {
            return html(body);
        }
    }
    let res = next.run(req).await;
    if res.status() != StatusCode::OK {
        return res;
    }
    let (parts, body) = res.into_parts();
    match to_bytes(body, MAX_PAGE).await {
        Ok(bytes) => {
            let mut pages = state.cache.pages.write().expect("page cache");
            if pages.len() >= MAX_ENTRIES {
                pages.clear();
            }
            pages.insert(key, (revisions, bytes.clone()));
            Response::from_parts(parts, Body::from(bytes))
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

fn html(body: Bytes) -> Response {
    let mut res = Response::new(Body::from(body));
    res.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    res
}
