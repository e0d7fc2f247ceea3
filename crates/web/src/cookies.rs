//! The cookies Bulyst sets: the session, the chosen language, and the device
//! cookie that marks a browser an account signed in from.

use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue};

pub const SESSION: &str = "bulyst_session";
pub const LANG: &str = "bulyst_lang";
pub const DEVICE: &str = "bulyst_device";

pub fn get<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// `Secure` is always set: browsers accept it on http://localhost, and
/// anywhere else Bulyst must be behind TLS.
fn cookie(name: &str, value: &str, max_age: i64, http_only: bool) -> HeaderValue {
    let http_only = if http_only { "; HttpOnly" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/; Max-Age={max_age}; Secure; SameSite=Lax{http_only}"
    ))
    .expect("cookie values are ASCII")
}

pub fn set_session(headers: &mut HeaderMap, token: &str, max_age: i64) {
    headers.append(SET_COOKIE, cookie(SESSION, token, max_age, true));
}

pub fn clear_session(headers: &mut HeaderMap) {
    headers.append(SET_COOKIE, cookie(SESSION, "", 0, true));
}

pub fn set_lang(headers: &mut HeaderMap, lang: &str) {
    headers.append(SET_COOKIE, cookie(LANG, lang, 365 * 24 * 3600, true));
}

/// Kept after log-out: it only says that this browser signed in before.
pub fn set_device(headers: &mut HeaderMap, token: &str) {
    headers.append(
        SET_COOKIE,
        cookie(DEVICE, token, app::DEVICE_DAYS * 24 * 3600, true),
    );
}
