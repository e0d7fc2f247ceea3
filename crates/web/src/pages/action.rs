//! An action-plan item: its page, status reports and edits.

use app::{ActionInput, AppError, StatusInput};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use domain::access::Permission;
use serde::Deserialize;

use super::{
    after_form, page, plan_or_error, redirect, Fields, OrPage, PageError, PageResult, Sent,
};
use crate::context::Ctx;

/// Status updates per page of the item's history.
const HISTORY_SHOWN: i64 = 50;

/// Which page of the item's history to show.
#[derive(serde::Deserialize, Default)]
pub struct HistoryQuery {
    page: Option<i64>,
}

/// The item's page, with either form sent back when it had errors.
async fn show_action(
    ctx: &Ctx,
    id: &str,
    history_page: i64,
    status_form: &render::Form,
    edit_form: &render::Form,
    status: StatusCode,
) -> PageResult {
    let s = plan_or_error(ctx, "/").await?;
    let Some(item) = s.action(id) else {
        let e = AppError::NotFound(format!("action `{id}`"));
        return Err(PageError::new(ctx, e, "/"));
    };
    let (history, more_history) = ctx
        .app
        .history(id, history_page, HISTORY_SHOWN)
        .await
        .or_page(ctx, &format!("/actions/{id}"))?;
    let can = ctx.can();
    let body = render::action(
        &ctx.chrome(),
        &s,
        &render::ActionPage {
            item,
            history: &history,
            history_page,
            more_history,
            may_report: can.report_status(&item.work_package.id),
            may_edit: can.edit_plan,
            status_form,
            edit_form,
            today: time::OffsetDateTime::now_utc().date(),
        },
    );
    Ok(page(status, body))
}

pub async fn show(ctx: Ctx, Path(id): Path<String>, Query(q): Query<HistoryQuery>) -> PageResult {
    let empty = render::Form::default();
    let page = q.page.unwrap_or(0);
    show_action(&ctx, &id, page, &empty, &empty, StatusCode::OK).await
}

/// Which of the item's forms was sent.
enum Which {
    Status,
    Edit,
}

/// Back to `done`, or the item's page again with the form that was sent and its errors.
async fn after<T>(
    ctx: &Ctx,
    id: &str,
    which: Which,
    values: Fields,
    result: Result<T, AppError>,
    done: impl FnOnce(T) -> axum::response::Response,
) -> PageResult {
    after_form(
        ctx,
        &format!("/actions/{id}"),
        values,
        result,
        done,
        |form, status| async move {
            let empty = render::Form::default();
            let (status_form, edit_form) = match which {
                Which::Status => (&form, &empty),
                Which::Edit => (&empty, &form),
            };
            show_action(ctx, id, 0, status_form, edit_form, status).await
        },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    status: String,
    light: String,
    text: String,
    reported_on: String,
}

impl From<StatusForm> for StatusInput {
    fn from(f: StatusForm) -> StatusInput {
        StatusInput {
            status: f.status,
            light: f.light,
            text: f.text,
            reported_on: f.reported_on,
        }
    }
}

pub async fn report(ctx: Ctx, Path(id): Path<String>, sent: Sent<StatusForm>) -> PageResult {
    let back = format!("/actions/{id}");
    let actor = ctx.require().or_page(&ctx, &back)?;
    let result = ctx
        .app
        .report_status(Some(actor), &id, &sent.form.into())
        .await;
    after(&ctx, &id, Which::Status, sent.values, result, |update| {
        redirect(&format!("{back}#update-{}", update.id))
    })
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ActionForm {
    id: String,
    work_package: String,
    measure: String,
    how: String,
    participants: String,
    when: String,
    comment: String,
    responsible: String,
    version: String,
}

impl From<ActionForm> for ActionInput {
    fn from(f: ActionForm) -> ActionInput {
        ActionInput {
            id: f.id.trim().to_string(),
            work_package: f.work_package,
            measure: f.measure,
            how: f.how,
            participants: f.participants,
            when: f.when,
            comment: f.comment,
            responsible: f.responsible,
            // A version that is not a number is none, which the app asks for.
            version: f.version.parse().ok(),
        }
    }
}

pub async fn edit(ctx: Ctx, Path(id): Path<String>, sent: Sent<ActionForm>) -> PageResult {
    let back = format!("/actions/{id}");
    let actor = ctx.require().or_page(&ctx, &back)?;
    let result = ctx
        .app
        .update_action(Some(actor), &id, &sent.form.into())
        .await;
    after(&ctx, &id, Which::Edit, sent.values, result, |_| {
        redirect(&back)
    })
    .await
}

pub async fn new(ctx: Ctx) -> PageResult {
    app::authorise(ctx.actor.as_ref(), Permission::EditPlan).or_page(&ctx, "/actions/new")?;
    let s = plan_or_error(&ctx, "/").await?;
    Ok(page(
        StatusCode::OK,
        render::new_action(&ctx.chrome(), &s, &render::Form::default()),
    ))
}

pub async fn create(ctx: Ctx, sent: Sent<ActionForm>) -> PageResult {
    let actor = ctx.require().or_page(&ctx, "/actions/new")?;
    let input = ActionInput::from(sent.form);
    let result = ctx.app.create_action(Some(actor), &input).await;
    let ctx = &ctx;
    after_form(
        ctx,
        "/actions/new",
        sent.values,
        result,
        |()| redirect(&format!("/actions/{}", input.id)),
        |form, status| async move {
            let s = plan_or_error(ctx, "/").await?;
            Ok(page(status, render::new_action(&ctx.chrome(), &s, &form)))
        },
    )
    .await
}
