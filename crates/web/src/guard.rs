//! Middleware that protects every route: cross-site request checks on writes
//! and the security headers on every answer.

use axum::extract::Request;
use axum::http::header::{self, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Refuses a state-changing request that a browser says comes from another
/// site. Browsers send `Sec-Fetch-Site` (or at least `Origin`) on such
/// requests; clients that are not browsers send neither and carry no ambient
/// credentials of a victim, so they pass.
pub async fn cross_site(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let verdict = match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        Some(site) => site == "same-origin" || site == "none",
        None => match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            Some(origin) => {
                let host = headers
                    .get(header::HOST)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                origin
                    .strip_prefix("https://")
                    .or_else(|| origin.strip_prefix("http://"))
                    .is_some_and(|o| o == host)
            }
            None => true,
        },
    };
    if verdict {
        next.run(req).await
    } else {
        crate::problem::Problem::new(
            StatusCode::FORBIDDEN,
            "Cross-site request refused",
            "This change was sent from another site. Open Bulyst itself and try again.",
        )
        .into_response()
    }
}

const CSP: &str = "default-src 'self'; style-src 'self'; img-src 'self' data:; script-src 'self'; \
                   object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    for (name, value) in [
        ("content-security-policy", CSP),
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
        ("cross-origin-opener-policy", "same-origin"),
        ("cross-origin-resource-policy", "same-origin"),
        (
            "permissions-policy",
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ),
        ("strict-transport-security", "max-age=31536000"),
    ] {
        h.insert(name, HeaderValue::from_static(value));
    }
    res
}
