//! Bulyst's HTTP layer, kept thin: it reads requests into the app's inputs,
//! calls a use case and writes the answer as an HTML page or JSON.

mod api;
mod cache_control;
mod client;
mod context;
mod cookies;
mod guard;
mod page_cache;
mod pages;
mod problem;
mod query;

use std::sync::Arc;
use std::time::Duration;

use app::App;
use axum::extract::DefaultBodyLimit;
use axum::Router;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use client::TrustedProxy;
pub use page_cache::{CacheStats, PageCache};

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    pub app: Arc<App>,
    cache: Arc<PageCache>,
}

/// The whole site: pages, API, health check and static files, with the
/// security middleware around them.
pub fn router(app: Arc<App>) -> Router {
    router_and_cache(app).0
}

/// The site, and its page cache to look into (tests, operators).
pub fn router_and_cache(app: Arc<App>) -> (Router, Arc<PageCache>) {
    let state = AppState {
        app,
        cache: Default::default(),
    };
    let cache = state.cache.clone();
    let (api, document) = api::router();
    let router = Router::new()
        .merge(pages::router(&state))
        .merge(api)
        .route("/api/openapi.json", api::openapi_json(document))
        .fallback(pages::not_found)
        .with_state(state)
        .layer(axum::middleware::from_fn(guard::cross_site))
        .layer(axum::middleware::from_fn(guard::security_headers))
        .layer(cache_control::unless_declared())
        .layer(DefaultBodyLimit::max(256 * 1024))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(TraceLayer::new_for_http());
    (router, cache)
}
