//! What browsers and the caches between may keep (`Cache-Control`), declared where the
//! routes are declared rather than by handlers. Nothing is kept unless its route says so;
//! the routes about a person say `private` as well, so that nothing a handler does can
//! make them kept. (What the server itself keeps is `page_cache`'s, declared the same way.)

use axum::http::header::CACHE_CONTROL;
use axum::http::HeaderValue;
use axum::response::Response;
use tower_http::set_header::SetResponseHeaderLayer;

const NO_STORE: HeaderValue = HeaderValue::from_static("no-store");

/// Around the whole site: an answer whose route declares nothing (pages, the API, errors,
/// a path that leads nowhere) is not kept.
pub fn unless_declared() -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(CACHE_CONTROL, NO_STORE)
}

/// For the routes about a person: never kept by a browser or proxy, whatever else sets
/// headers.
pub fn private() -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(CACHE_CONTROL, NO_STORE)
}

type ForAnswer = fn(&Response) -> Option<HeaderValue>;

/// For files that change only with a new release (style sheets, scripts, images): kept
/// for an hour. An error (a file that does not exist) is not kept.
pub fn public_for_an_hour() -> SetResponseHeaderLayer<ForAnswer> {
    let when_found: ForAnswer = |res| {
        res.status()
            .is_success()
            .then(|| HeaderValue::from_static("public, max-age=3600"))
    };
    SetResponseHeaderLayer::if_not_present(CACHE_CONTROL, when_found)
}
