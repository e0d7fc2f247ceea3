//! Rendered plan pages for visitors who are not signed in. Most readers of
//! the plan are anonymous (council, public, steering group between meetings)
//! and see the same page, so it is rendered once per plan revision and
//! language instead of once per request.

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

#[derive(Default)]
pub struct PageCache {
    pages: RwLock<HashMap<(String, Lang), (i64, Bytes)>>,
}

/// Pages that show only the plan; `/changes` depends on today's date and the
/// forms on who is signed in, so they are always rendered.
fn cacheable(path: &str) -> bool {
    let plan_page = ["/work-packages/", "/actions/", "/measures/"]
        .iter()
        .any(|p| path.starts_with(p));
    matches!(
        path,
        "/" | "/action-plan" | "/action-plan/timeline" | "/organisation" | "/municipalities"
    ) || (plan_page && path != "/actions/new")
}

pub async fn serve(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let headers = req.headers();
    let signed_in =
        headers.contains_key(AUTHORIZATION) || cookies::get(headers, cookies::SESSION).is_some();
    if req.method() != Method::GET || signed_in || !cacheable(req.uri().path()) {
        return next.run(req).await;
    }
    let Ok(snapshot) = state.app.snapshot().await else {
        return next.run(req).await;
    };
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
    if let Some((revision, body)) = hit {
        if revision == snapshot.revision {
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
            pages.insert(key, (snapshot.revision, bytes.clone()));
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
