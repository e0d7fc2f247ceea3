//! Pages that show the plan.

use app::AppError;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use serde::Deserialize;

use super::{after_form, page, plan_or_error, redirect, OrPage, PageError, PageResult, Sent};
use crate::context::Ctx;
use crate::query::ActionQuery;

fn ok(body: String) -> PageResult {
    Ok(page(StatusCode::OK, body))
}

pub async fn overview(ctx: Ctx) -> PageResult {
    let s = plan_or_error(&ctx, "/").await?;
    ok(render::overview(&ctx.chrome(), &s))
}

pub async fn work_package(ctx: Ctx, Path(id): Path<String>) -> PageResult {
    let s = plan_or_error(&ctx, "/").await?;
    if s.work_package(&id).is_none() {
        let e = AppError::NotFound(format!("work package `{id}`"));
        return Err(PageError::new(&ctx, e, "/"));
    }
    ok(render::work_package(&ctx.chrome(), &s, &id))
}

pub async fn action_plan(ctx: Ctx, Query(q): Query<ActionQuery>) -> PageResult {
    let s = plan_or_error(&ctx, "/").await?;
    let filter = q.filter().or_page(&ctx, "/action-plan")?;
    let rows = s.filtered(&filter);
    ok(render::action_plan(&ctx.chrome(), &s, &filter, &rows))
}

pub async fn timeline(ctx: Ctx, Query(q): Query<ActionQuery>) -> PageResult {
    let s = plan_or_error(&ctx, "/").await?;
    let filter = q.filter().or_page(&ctx, "/action-plan/timeline")?;
    let rows = s.filtered(&filter);
    ok(render::timeline(&ctx.chrome(), &s, &filter, &rows))
}

pub async fn organisation(ctx: Ctx) -> PageResult {
    let s = plan_or_error(&ctx, "/").await?;
    ok(render::organisation(&ctx.chrome(), &s))
}

fn editable_municipalities<'a>(ctx: &Ctx, s: &'a domain::state::Snapshot) -> Vec<&'a str> {
    s.plan
        .municipalities
        .iter()
        .map(|m| m.code.as_str())
        .filter(|code| ctx.can().edit_municipality(code))
        .collect()
}

pub async fn municipalities(ctx: Ctx) -> PageResult {
    let s = plan_or_error(&ctx, "/").await?;
    let may_edit = editable_municipalities(&ctx, &s);
    let body = render::municipalities(
        &ctx.chrome(),
        &s,
        &render::MunicipalitiesPage {
            may_edit,
            form: None,
        },
    );
    ok(body)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ContactForm {
    name: String,
    email: String,
    version: String,
}

impl From<ContactForm> for app::ContactInput {
    fn from(f: ContactForm) -> app::ContactInput {
        app::ContactInput {
            name: f.name,
            email: f.email,
            // A version that is not a number is none, which the app asks for.
            version: f.version.parse().ok(),
        }
    }
}

pub async fn edit_contact(
    ctx: Ctx,
    Path(code): Path<String>,
    sent: Sent<ContactForm>,
) -> PageResult {
    let back = "/municipalities";
    let actor = ctx.require().or_page(&ctx, back)?;
    let result = ctx
        .app
        .update_contact(Some(actor), &code, &sent.form.into())
        .await;
    let (ctx, code) = (&ctx, &code);
    after_form(
        ctx,
        back,
        sent.values,
        result,
        |_| redirect(back),
        |form, status| async move {
            let s = plan_or_error(ctx, back).await?;
            let may_edit = editable_municipalities(ctx, &s);
            let body = render::municipalities(
                &ctx.chrome(),
                &s,
                &render::MunicipalitiesPage {
                    may_edit,
                    form: Some((code, &form)),
                },
            );
            Ok(page(status, body))
        },
    )
    .await
}

pub async fn measure(ctx: Ctx, Path(id): Path<String>) -> PageResult {
    show_measure(&ctx, &id, &render::Form::default(), StatusCode::OK).await
}

async fn show_measure(ctx: &Ctx, id: &str, form: &render::Form, status: StatusCode) -> PageResult {
    let s = plan_or_error(ctx, "/").await?;
    if s.measure(id).is_none() {
        let e = AppError::NotFound(format!("measure `{id}`"));
        return Err(PageError::new(ctx, e, "/"));
    }
    let may_edit = ctx.can().edit_plan;
    // The indicators that name this measure among those they follow.
    let indicators = domain::catalogue::INDICATORS
        .iter()
        .filter(|i| i.measures.contains(&id))
        .map(|i| (i.id, render::indicator_name(ctx.lang, i)))
        .collect();
    let body = render::measure(
        &ctx.chrome(),
        &s,
        &render::MeasurePage {
            id,
            may_edit,
            form,
            indicators,
        },
    );
    Ok(page(status, body))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MeasureForm {
    work_package: String,
    title: String,
    version: String,
}

impl From<MeasureForm> for app::MeasureInput {
    fn from(f: MeasureForm) -> app::MeasureInput {
        app::MeasureInput {
            id: String::new(),
            work_package: f.work_package,
            title: f.title,
            // A version that is not a number is none, which the app asks for.
            version: f.version.parse().ok(),
        }
    }
}

pub async fn edit_measure(ctx: Ctx, Path(id): Path<String>, sent: Sent<MeasureForm>) -> PageResult {
    let back = format!("/measures/{id}");
    let actor = ctx.require().or_page(&ctx, &back)?;
    let result = ctx
        .app
        .update_measure(Some(actor), &id, &sent.form.into())
        .await;
    let (ctx, id) = (&ctx, &id);
    after_form(
        ctx,
        &back,
        sent.values,
        result,
        |_| redirect(&back),
        |form, status| async move { show_measure(ctx, id, &form, status).await },
    )
    .await
}

#[derive(Deserialize)]
pub struct Since {
    since: Option<String>,
}

pub async fn changes(ctx: Ctx, Query(q): Query<Since>) -> PageResult {
    let s = plan_or_error(&ctx, "/").await?;
    let today = time::OffsetDateTime::now_utc().date();
    let meetings = app::recent_meetings(&s, today, 6);
    let since = match q.since.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => app::parse_date("since", v).or_page(&ctx, "/changes")?,
        // Since the last meeting before this month's, or a month back.
        None => meetings
            .iter()
            .copied()
            .find(|d| *d < today.replace_day(1).unwrap_or(today))
            .unwrap_or(today - time::Duration::days(30)),
    };
    let changes = ctx
        .app
        .changes_since(since)
        .await
        .or_page(&ctx, "/changes")?;
    let body = render::changes(
        &ctx.chrome(),
        &s,
        &render::ChangesPage {
            since,
            meetings: &meetings,
            changes: &changes,
        },
    );
    ok(body)
}
