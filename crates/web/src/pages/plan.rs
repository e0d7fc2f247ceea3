//! Pages that show the plan.

use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

use super::{error_page, field, form_with, page, plan_or_error, Fields, PageResult};
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
        return Err(error_page(
            &ctx,
            app::AppError::NotFound(format!("work package `{id}`")),
            "/",
        ));
    }
    ok(render::work_package(&ctx.chrome(), &s, &id))
}

pub async fn action_plan(ctx: Ctx, Query(q): Query<ActionQuery>) -> PageResult {
    let s = plan_or_error(&ctx, "/").await?;
    let filter = q
        .filter()
        .map_err(|e| error_page(&ctx, e, "/action-plan"))?;
    let rows = s.filtered(&filter);
    ok(render::action_plan(&ctx.chrome(), &s, &filter, &rows))
}

pub async fn timeline(ctx: Ctx, Query(q): Query<ActionQuery>) -> PageResult {
    let s = plan_or_error(&ctx, "/").await?;
    let filter = q
        .filter()
        .map_err(|e| error_page(&ctx, e, "/action-plan/timeline"))?;
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

pub async fn edit_contact(
    ctx: Ctx,
    Path(code): Path<String>,
    Form(fields): Form<Fields>,
) -> PageResult {
    let back = "/municipalities";
    let actor = ctx.require().map_err(|e| error_page(&ctx, e, back))?;
    let input = app::ContactInput {
        name: field(&fields, "name").to_string(),
        email: field(&fields, "email").to_string(),
        version: field(&fields, "version").parse().ok(),
    };
    match ctx.app.update_contact(Some(actor), &code, &input).await {
        Ok(_) => Ok(Redirect::to(back).into_response()),
        Err(e @ (app::AppError::Invalid(_) | app::AppError::Conflict(_))) => {
            let (status, _) = crate::problem::classify(&e);
            let s = plan_or_error(&ctx, back).await?;
            let form = form_with(fields, &e);
            let may_edit = editable_municipalities(&ctx, &s);
            let body = render::municipalities(
                &ctx.chrome(),
                &s,
                &render::MunicipalitiesPage {
                    may_edit,
                    form: Some((&code, &form)),
                },
            );
            Err(page(status, body))
        }
        Err(e) => Err(error_page(&ctx, e, back)),
    }
}

pub async fn measure(ctx: Ctx, Path(id): Path<String>) -> PageResult {
    show_measure(&ctx, &id, &render::Form::default(), StatusCode::OK).await
}

async fn show_measure(ctx: &Ctx, id: &str, form: &render::Form, status: StatusCode) -> PageResult {
    let s = plan_or_error(ctx, "/").await?;
    if s.measure(id).is_none() {
        return Err(error_page(
            ctx,
            app::AppError::NotFound(format!("measure `{id}`")),
            "/",
        ));
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

pub async fn edit_measure(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> PageResult {
    let back = format!("/measures/{id}");
    let actor = ctx.require().map_err(|e| error_page(&ctx, e, &back))?;
    let input = app::MeasureInput {
        id: String::new(),
        work_package: field(&fields, "work_package").to_string(),
        title: field(&fields, "title").to_string(),
        version: field(&fields, "version").parse().ok(),
    };
    match ctx.app.update_measure(Some(actor), &id, &input).await {
        Ok(_) => Ok(Redirect::to(&back).into_response()),
        Err(e @ (app::AppError::Invalid(_) | app::AppError::Conflict(_))) => {
            let (status, _) = crate::problem::classify(&e);
            let form = form_with(fields, &e);
            Err(show_measure(&ctx, &id, &form, status)
                .await
                .unwrap_or_else(|r| r))
        }
        Err(e) => Err(error_page(&ctx, e, &back)),
    }
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
        Some(v) => {
            app::parse_date("since", v).map_err(|e| error_page(&ctx, e.into(), "/changes"))?
        }
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
        .map_err(|e| error_page(&ctx, e, "/changes"))?;
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
