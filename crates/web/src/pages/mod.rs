//! The HTML pages. Handlers read the request, call the app and hand the
//! result to `render`; a form with errors comes back with them beside its fields.

// Both arms of a page result are a response (the page, or the error page),
// so boxing one to shrink the `Err` arm would gain nothing.
#![allow(clippy::result_large_err)]

mod account;
mod action;
mod error;
mod indicators;
mod mentoring;
mod mentoring_cohorts;
mod newcomers;
mod plan;
mod sent;

use std::sync::Arc;

use app::AppError;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use domain::state::Snapshot;

use domain::access::{Actor, Capabilities};

use crate::cache_control;
use crate::context::Ctx;
use crate::page_cache::{self, Cached, Fact};
use crate::problem::{classify, detail};
use crate::AppState;

pub use error::{OrPage, PageError, PageResult};
pub use sent::{many, Fields, Sent};

/// What the plan's pages show: they are rendered again when the plan or a
/// status moves, and are the same for everyone with the same role and scopes.
const PLAN_AND_STATUSES: Cached = Cached {
    shows: &[Fact::Plan, Fact::Statuses],
    params: &[],
    same_for_role: page_cache::any_role,
};
const ACTION_PLAN: Cached = Cached {
    params: &["work_package", "responsible", "status", "from", "to"],
    ..PLAN_AND_STATUSES
};
/// An item's page shows its status history a page at a time.
const ACTION: Cached = Cached {
    params: &["page"],
    ..PLAN_AND_STATUSES
};
const PLAN_ONLY: Cached = Cached {
    shows: &[Fact::Plan],
    params: &[],
    same_for_role: page_cache::any_role,
};
/// Indicator pages show statistics and the plan's targets, not statuses.
const INDICATOR: Cached = Cached {
    shows: &[Fact::Plan, Fact::Statistics],
    params: &[],
    same_for_role: page_cache::any_role,
};

/// Some roles also see the programme's own figures on the indicator overview,
/// read from the mentor programme and the newcomer service as they stand.
fn without_programme_figures(actor: &Actor) -> bool {
    !Capabilities::of(Some(actor)).read_restricted_figures()
}

pub fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .merge(plan(state))
        .merge(about_people())
        .merge(account())
        .merge(
            Router::new()
                .route("/static/{*path}", get(static_file))
                .route_layer(cache_control::public_for_an_hour()),
        )
}

/// The plan and the indicators: public, and what the server keeps of them is declared
/// per route. A route is cached only where it says so here; see `page_cache`.
fn plan(state: &AppState) -> Router<AppState> {
    let cached = |route: &'static Cached| {
        axum::middleware::from_fn_with_state((state.clone(), route), page_cache::serve)
    };
    Router::new()
        .route("/", get(plan::overview).layer(cached(&PLAN_AND_STATUSES)))
        .route(
            "/work-packages/{id}",
            get(plan::work_package).layer(cached(&PLAN_AND_STATUSES)),
        )
        .route(
            "/action-plan",
            get(plan::action_plan).layer(cached(&ACTION_PLAN)),
        )
        .route(
            "/action-plan/timeline",
            get(plan::timeline).layer(cached(&ACTION_PLAN)),
        )
        .route(
            "/measures/{id}",
            get(plan::measure)
                .layer(cached(&PLAN_AND_STATUSES))
                .post(plan::edit_measure),
        )
        .route(
            "/organisation",
            get(plan::organisation).layer(cached(&PLAN_ONLY)),
        )
        .route(
            "/roles",
            get(|ctx: Ctx| async move { page(StatusCode::OK, render::roles(&ctx.chrome())) }),
        )
        .route(
            "/municipalities",
            get(plan::municipalities).layer(cached(&PLAN_ONLY)),
        )
        .route("/municipalities/{code}/contact", post(plan::edit_contact))
        .route("/changes", get(plan::changes))
        .route(
            "/indicators",
            get(indicators::overview).layer(cached(&Cached {
                same_for_role: without_programme_figures,
                ..INDICATOR
            })),
        )
        .route(
            "/indicators/{id}",
            get(indicators::show).layer(cached(&INDICATOR)),
        )
        .route("/indicators/{id}/targets", post(indicators::set_target))
        .route("/actions", post(action::create))
        .route("/actions/new", get(action::new))
        .route(
            "/actions/{id}",
            get(action::show).layer(cached(&ACTION)).post(action::edit),
        )
        .route("/actions/{id}/status", post(action::report))
        // What every newcomer may read, in their language; about nobody.
        .route("/welcome", get(newcomers::welcome))
        .route("/welcome/{tag}", get(newcomers::welcome_in))
}

/// The mentor programme and the newcomer service: every page is about a person, so none
/// is kept anywhere.
fn about_people() -> Router<AppState> {
    Router::new()
        .route("/mentoring", get(mentoring::overview))
        .route("/mentoring/matching", post(mentoring::run))
        .route("/mentoring/pair-rules", post(mentoring::pair_rule))
        .route(
            "/mentoring/rules",
            get(mentoring::rules).post(mentoring::set_rules),
        )
        .route("/mentoring/me", get(mentoring::own))
        .route("/mentoring/profiles", post(mentoring::create_profile))
        .route("/mentoring/profiles/new", get(mentoring::new_profile))
        .route(
            "/mentoring/profiles/{id}",
            get(mentoring::show_profile).post(mentoring::update_profile),
        )
        .route(
            "/mentoring/profiles/{id}/delete",
            post(mentoring::delete_profile),
        )
        .route(
            "/mentoring/cohorts",
            get(mentoring_cohorts::list).post(mentoring_cohorts::create),
        )
        .route("/mentoring/cohorts/{id}", get(mentoring_cohorts::show))
        .route(
            "/mentoring/cohorts/{id}/mentors",
            post(mentoring_cohorts::add_mentor),
        )
        .route(
            "/mentoring/cohorts/{id}/sessions",
            post(mentoring_cohorts::add_session),
        )
        .route(
            "/mentoring/cohorts/{id}/evaluations",
            post(mentoring_cohorts::evaluate),
        )
        .route(
            "/mentoring/cohort-mentors/{id}/delete",
            post(mentoring_cohorts::remove_mentor),
        )
        .route(
            "/mentoring/sessions/{id}/attendance",
            post(mentoring_cohorts::attendance),
        )
        .route("/mentoring/pairs/{id}", get(mentoring::show_pair))
        .route(
            "/mentoring/pairs/{id}/changes",
            post(mentoring::change_pair),
        )
        .route(
            "/mentoring/pairs/{id}/meetings",
            post(mentoring::log_meeting),
        )
        .route("/mentoring/pairs/{id}/check-ins", post(mentoring::check_in))
        .route("/mentoring/pairs/{id}/outcomes", post(mentoring::outcome))
        .route("/newcomers", get(newcomers::list).post(newcomers::create))
        .route("/newcomers/new", get(newcomers::new_case))
        .route("/newcomers/cohorts", get(newcomers::cohorts))
        .route(
            "/newcomers/me",
            get(newcomers::own).post(newcomers::correct),
        )
        .route("/newcomers/me/export", get(newcomers::export_own))
        .route("/newcomers/me/erase", post(newcomers::erase_own))
        .route(
            "/newcomers/me/consents/withdraw",
            post(newcomers::withdraw_own),
        )
        .route(
            "/newcomers/{id}",
            get(newcomers::show).post(newcomers::update),
        )
        .route("/newcomers/{id}/export", get(newcomers::export_case))
        .route("/newcomers/{id}/erase", post(newcomers::erase))
        .route("/newcomers/{id}/steps", post(newcomers::step))
        .route("/newcomers/{id}/follow-ups", post(newcomers::follow_up))
        .route("/newcomers/{id}/consents", post(newcomers::consent))
        .route(
            "/newcomers/{id}/consents/withdraw",
            post(newcomers::withdraw_consent),
        )
        .route("/newcomers/{id}/rent-to-own", post(newcomers::rent_to_own))
        .route_layer(cache_control::private())
}

/// Signing in and out, the language, the audit log and the health check.
fn account() -> Router<AppState> {
    Router::new()
        .route("/login", get(account::login_page).post(account::login))
        .route("/logout", post(account::logout))
        .route("/language", post(account::language))
        .route("/audit", get(account::audit))
        .route("/healthz", get(account::healthz))
}

pub fn page(status: StatusCode, body: String) -> Response {
    (status, Html(body)).into_response()
}

pub fn redirect(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// The plan as it stands, or the error page that says why it cannot be read.
pub async fn plan_or_error(ctx: &Ctx, back: &str) -> Result<Arc<Snapshot>, PageError> {
    ctx.app.snapshot().await.or_page(ctx, back)
}

pub async fn not_found(ctx: Ctx) -> Response {
    let e = AppError::NotFound(format!("the page {}", ctx.here));
    PageError::new(&ctx, e, "/").into_response()
}

/// Where `next` and `back` may send a browser: a path on this site, else `/`.
///
/// Browsers drop tabs and line breaks from a location and read `\\` as `/`, so
/// `/\t/evil.example`, `/\\evil` and `//evil` all lead to another site. A path is
/// only kept when it is visible ASCII and, both as sent and percent-decoded (twice
/// over too), starts with one `/`, has no `//`, `.` or `..` segment in its path,
/// no `\\` and no control character.
pub fn local_path(next: &str) -> &str {
    // Anything else cannot even be sent back as a `Location` header.
    if !next.bytes().all(|b| b.is_ascii_graphic()) {
        return "/";
    }
    let mut text = next.to_string();
    for _ in 0..3 {
        if !plain_local_path(&text) {
            return "/";
        }
        let decoded = percent_decoded(&text);
        if decoded == text {
            return next;
        }
        text = decoded;
    }
    // Encoded more deeply than any link of ours is.
    "/"
}

fn plain_local_path(text: &str) -> bool {
    let path = text.split(['?', '#']).next().unwrap_or_default();
    path.starts_with('/')
        && !path.contains("//")
        && !path.split('/').any(|s| s == "." || s == "..")
        && !text.contains('\\')
        && !text.chars().any(char::is_control)
}

/// `%XX` decoded; what is not valid UTF-8 afterwards is replaced, which keeps
/// control bytes visible to the check.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
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

/// Percent-encodes a path for a query parameter.
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The plan's municipalities as (code, name), for names on pages and a form's choices.
pub async fn plan_municipalities(
    ctx: &Ctx,
    back: &str,
) -> Result<Vec<(String, String)>, PageError> {
    let s = plan_or_error(ctx, back).await?;
    Ok(s.plan
        .municipalities
        .iter()
        .map(|m| (m.code.clone(), m.name.clone()))
        .collect())
}

/// After a form was sent: `done` with what the app gave when it worked; a form that can
/// be fixed shown again by `again` with what was typed and what to fix; any other error
/// as the error page that leads back to `back`.
pub async fn after_form<T, Fut>(
    ctx: &Ctx,
    back: &str,
    values: Fields,
    result: Result<T, AppError>,
    done: impl FnOnce(T) -> Response,
    again: impl FnOnce(render::Form, StatusCode) -> Fut,
) -> PageResult
where
    Fut: std::future::Future<Output = PageResult>,
{
    match result {
        Ok(value) => Ok(done(value)),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            let (status, _) = classify(&e);
            let errors = match e {
                AppError::Invalid(errors) => errors
                    .iter()
                    .map(|f| (f.field.to_string(), f.message.clone()))
                    .collect(),
                other => vec![(String::new(), detail(&other))],
            };
            again(render::Form { values, errors }, status).await
        }
        Err(e) => Err(PageError::new(ctx, e, back)),
    }
}

async fn static_file(axum::extract::Path(path): axum::extract::Path<String>) -> Response {
    match render::static_file(&path) {
        Some((content_type, body)) => {
            let mut res = body.into_response();
            res.headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            res
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_our_own_paths_are_kept() {
        for ok in [
            "/",
            "/action-plan",
            "/actions/mentorprogram/",
            "/action-plan?wp=arbeid&from=2024",
            "/newcomers?q=%C3%A6",
            "/login?next=%2Faudit",
        ] {
            assert_eq!(local_path(ok), ok, "{ok}");
        }
        for bad in [
            "/%09/evil.example/phish",
            "/\t/evil",
            "/\t/evil.example",
            "//evil",
            "///evil",
            "/\\evil",
            "\\/evil",
            "/\\/evil",
            "/%2F%2Fevil",
            "/%2f/evil",
            "/%5Cevil",
            "/%5cevil",
            "/%255Cevil",
            "/%252F%252Fevil",
            "https://evil",
            "http:/evil",
            "javascript:alert(1)",
            "%0d%0aSet-Cookie:x",
            "/%0d%0aSet-Cookie:x",
            "/a\nSet-Cookie:x",
            "/a\r\nb",
            "/%00",
            "/a%7F",
            "/%C2%85evil",
            " /evil",
            "/ evil",
            "/.//evil",
            "/./evil",
            "/../evil",
            "/%2e%2e/evil",
            "/æ",
            "",
            "evil.example",
        ] {
            assert_eq!(local_path(bad), "/", "{bad:?}");
        }
    }
}
