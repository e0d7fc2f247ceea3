//! Log-in, log-out, the language switch, the audit log and the health check.

use app::{AppError, LoginAttempt, SESSION_HOURS};
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{error_page, field, form_with, local_path, page, Fields, PageResult};
use crate::client::ClientAddr;
use crate::context::Ctx;
use crate::problem::{retry_after, with_retry_after};
use crate::{cookies, AppState};

#[derive(Deserialize)]
pub struct Next {
    next: Option<String>,
}

pub async fn login_page(ctx: Ctx, Query(q): Query<Next>) -> PageResult {
    let next = local_path(q.next.as_deref().unwrap_or("/")).to_string();
    let form = render::Form {
        values: vec![("next".into(), next)],
        errors: vec![],
    };
    Ok(page(StatusCode::OK, render::login(&ctx.chrome(), &form)))
}

pub async fn login(
    ctx: Ctx,
    ClientAddr(source): ClientAddr,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> PageResult {
    let next = local_path(field(&fields, "next")).to_string();
    let attempt = LoginAttempt {
        email: field(&fields, "email"),
        password: field(&fields, "password"),
        source,
        device: cookies::get(&headers, cookies::DEVICE),
    };
    match ctx.app.login_with(attempt).await {
        Ok(session) => {
            let mut res = Redirect::to(&next).into_response();
            cookies::set_session(res.headers_mut(), &session.token, SESSION_HOURS * 3600);
            cookies::set_device(res.headers_mut(), &session.device);
            Ok(res)
        }
        Err(e @ (AppError::Invalid(_) | AppError::TooManyAttempts(_))) => {
            let (status, _) = crate::problem::classify(&e);
            // The password is never sent back into the page.
            let kept = fields
                .into_iter()
                .filter(|(k, _)| k != "password")
                .collect();
            let mut form = form_with(kept, &e);
            if let AppError::TooManyAttempts(seconds) = e {
                form.errors = vec![(String::new(), waiting(&ctx, "login-wait", seconds))];
            }
            let res = page(status, render::login(&ctx.chrome(), &form));
            Err(with_retry_after(res, retry_after(&e)))
        }
        Err(AppError::Busy(seconds)) => {
            let status = StatusCode::SERVICE_UNAVAILABLE;
            let title = i18n::t(ctx.lang, "error-title-503");
            let detail = waiting(&ctx, "login-busy", seconds);
            let res = page(
                status,
                render::error(&ctx.chrome(), status.as_u16(), &title, &detail),
            );
            Err(with_retry_after(res, Some(seconds)))
        }
        Err(e) => Err(error_page(&ctx, e, "/login")),
    }
}

/// A message that says how many seconds to wait, in the visitor's language.
fn waiting(ctx: &Ctx, key: &str, seconds: u64) -> String {
    let seconds = i64::try_from(seconds).unwrap_or(i64::MAX);
    i18n::t_with(ctx.lang, key, &[("count", i18n::Arg::Num(seconds))])
}

pub async fn logout(ctx: Ctx) -> PageResult {
    if let Some(token) = &ctx.token {
        ctx.app
            .logout(token)
            .await
            .map_err(|e| error_page(&ctx, e, "/"))?;
    }
    let mut res = Redirect::to("/").into_response();
    cookies::clear_session(res.headers_mut());
    Ok(res)
}

pub async fn language(Form(fields): Form<Fields>) -> Response {
    let lang: i18n::Lang = field(&fields, "lang").parse().unwrap_or_default();
    let mut res = Redirect::to(local_path(field(&fields, "back"))).into_response();
    cookies::set_lang(res.headers_mut(), lang.tag());
    res
}

#[derive(Deserialize)]
pub struct Page {
    page: Option<i64>,
}

pub async fn audit(ctx: Ctx, Query(q): Query<Page>) -> PageResult {
    let actor = ctx.require().map_err(|e| error_page(&ctx, e, "/audit"))?;
    let page_no = q.page.unwrap_or(0).max(0);
    let (entries, more) = ctx
        .app
        .audit_log(Some(actor), page_no, 50)
        .await
        .map_err(|e| error_page(&ctx, e, "/audit"))?;
    Ok(page(
        StatusCode::OK,
        render::audit(&ctx.chrome(), &entries, page_no, more),
    ))
}

pub async fn healthz(State(state): State<AppState>) -> Response {
    match state.app.check_health().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check: database does not answer or is damaged");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}
