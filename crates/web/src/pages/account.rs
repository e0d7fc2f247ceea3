//! Log-in, log-out, the language switch, the audit log and the health check.

use app::{AppError, LoginAttempt, SESSION_HOURS};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::{after_form, local_path, page, redirect, OrPage, PageResult, Sent};
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

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    next: String,
}

pub async fn login(
    ctx: Ctx,
    ClientAddr(source): ClientAddr,
    headers: HeaderMap,
    sent: Sent<LoginForm>,
) -> PageResult {
    let form = &sent.form;
    let next = local_path(&form.next).to_string();
    let attempt = LoginAttempt {
        email: &form.email,
        password: &form.password,
        source,
        device: cookies::get(&headers, cookies::DEVICE),
    };
    let result = ctx.app.login_with(attempt).await;
    // The password is never sent back into the page.
    let kept = sent
        .values
        .into_iter()
        .filter(|(k, _)| k != "password")
        .collect();
    let ctx = &ctx;
    let login_page = |form: render::Form, status: StatusCode| async move {
        Ok(page(status, render::login(&ctx.chrome(), &form)))
    };
    match result {
        Err(AppError::TooManyAttempts(seconds)) => {
            let form = render::Form {
                values: kept,
                errors: vec![(String::new(), waiting(ctx, "login-wait", seconds))],
            };
            let e = AppError::TooManyAttempts(seconds);
            let (status, _) = crate::problem::classify(&e);
            let res = login_page(form, status).await?;
            Ok(with_retry_after(res, retry_after(&e)))
        }
        Err(AppError::Busy(seconds)) => {
            let status = StatusCode::SERVICE_UNAVAILABLE;
            let title = i18n::t(ctx.lang, "error-title-503");
            let detail = waiting(ctx, "login-busy", seconds);
            let res = page(
                status,
                render::error(&ctx.chrome(), status.as_u16(), &title, &detail),
            );
            Ok(with_retry_after(res, Some(seconds)))
        }
        result => {
            let signed_in = |session: app::Session| {
                let mut res = redirect(&next);
                cookies::set_session(res.headers_mut(), &session.token, SESSION_HOURS * 3600);
                cookies::set_device(res.headers_mut(), &session.device);
                res
            };
            after_form(ctx, "/login", kept, result, signed_in, login_page).await
        }
    }
}

/// A message that says how many seconds to wait, in the visitor's language.
fn waiting(ctx: &Ctx, key: &str, seconds: u64) -> String {
    let seconds = i64::try_from(seconds).unwrap_or(i64::MAX);
    i18n::t_with(ctx.lang, key, &[("count", i18n::Arg::Num(seconds))])
}

pub async fn logout(ctx: Ctx) -> PageResult {
    if let Some(token) = &ctx.token {
        ctx.app.logout(token).await.or_page(&ctx, "/")?;
    }
    let mut res = redirect("/");
    cookies::clear_session(res.headers_mut());
    Ok(res)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LanguageForm {
    lang: String,
    back: String,
}

pub async fn language(Sent { form, .. }: Sent<LanguageForm>) -> Response {
    let lang: i18n::Lang = form.lang.parse().unwrap_or_default();
    let mut res = redirect(local_path(&form.back));
    cookies::set_lang(res.headers_mut(), lang.tag());
    res
}

#[derive(Deserialize)]
pub struct Page {
    page: Option<i64>,
}

pub async fn audit(ctx: Ctx, Query(q): Query<Page>) -> PageResult {
    let actor = ctx.require().or_page(&ctx, "/audit")?;
    let page_no = q.page.unwrap_or(0).max(0);
    let (entries, more) = ctx
        .app
        .audit_log(Some(actor), page_no, 50)
        .await
        .or_page(&ctx, "/audit")?;
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
