//! An action-plan item: its page, status reports and edits.

use app::{ActionInput, AppError, StatusInput};
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use domain::access::Permission;

use super::{error_page, field, form_with, page, plan_or_error, Fields, PageResult};
use crate::context::Ctx;
use crate::problem::classify;

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
    let item = s
        .action(id)
        .ok_or_else(|| error_page(ctx, AppError::NotFound(format!("action `{id}`")), "/"))?;
    let (history, more_history) = ctx
        .app
        .history(id, history_page, HISTORY_SHOWN)
        .await
        .map_err(|e| error_page(ctx, e, &format!("/actions/{id}")))?;
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

/// Shows the page again with the errors a form gave, or the error page for
/// errors a form cannot fix.
async fn sent_back(
    ctx: &Ctx,
    id: &str,
    e: AppError,
    fields: Fields,
    which_form: Which,
) -> PageResult {
    match e {
        AppError::Invalid(_) | AppError::Conflict(_) => {
            let (status, _) = classify(&e);
            let form = form_with(fields, &e);
            let empty = render::Form::default();
            let (status_form, edit_form) = match which_form {
                Which::Status => (&form, &empty),
                Which::Edit => (&empty, &form),
            };
            Err(show_action(ctx, id, 0, status_form, edit_form, status)
                .await
                .unwrap_or_else(|r| r))
        }
        e => Err(error_page(ctx, e, &format!("/actions/{id}"))),
    }
}

enum Which {
    Status,
    Edit,
}

pub async fn report(ctx: Ctx, Path(id): Path<String>, Form(fields): Form<Fields>) -> PageResult {
    let back = format!("/actions/{id}");
    let actor = ctx.require().map_err(|e| error_page(&ctx, e, &back))?;
    let input = StatusInput {
        status: field(&fields, "status").to_string(),
        light: field(&fields, "light").to_string(),
        text: field(&fields, "text").to_string(),
        reported_on: field(&fields, "reported_on").to_string(),
    };
    match ctx.app.report_status(Some(actor), &id, &input).await {
        Ok(update) => Ok(Redirect::to(&format!("{back}#update-{}", update.id)).into_response()),
        Err(e) => sent_back(&ctx, &id, e, fields, Which::Status).await,
    }
}

fn action_input(fields: &Fields) -> ActionInput {
    ActionInput {
        id: field(fields, "id").trim().to_string(),
        work_package: field(fields, "work_package").to_string(),
        measure: field(fields, "measure").to_string(),
        how: field(fields, "how").to_string(),
        participants: field(fields, "participants").to_string(),
        when: field(fields, "when").to_string(),
        comment: field(fields, "comment").to_string(),
        responsible: field(fields, "responsible").to_string(),
        version: field(fields, "version").parse().ok(),
    }
}

pub async fn edit(ctx: Ctx, Path(id): Path<String>, Form(fields): Form<Fields>) -> PageResult {
    let back = format!("/actions/{id}");
    let actor = ctx.require().map_err(|e| error_page(&ctx, e, &back))?;
    match ctx
        .app
        .update_action(Some(actor), &id, &action_input(&fields))
        .await
    {
        Ok(_) => Ok(Redirect::to(&back).into_response()),
        Err(e) => sent_back(&ctx, &id, e, fields, Which::Edit).await,
    }
}

pub async fn new(ctx: Ctx) -> PageResult {
    app::authorise(ctx.actor.as_ref(), Permission::EditPlan)
        .map_err(|e| error_page(&ctx, e, "/actions/new"))?;
    let s = plan_or_error(&ctx, "/").await?;
    Ok(page(
        StatusCode::OK,
        render::new_action(&ctx.chrome(), &s, &render::Form::default()),
    ))
}

pub async fn create(ctx: Ctx, Form(fields): Form<Fields>) -> PageResult {
    let actor = ctx
        .require()
        .map_err(|e| error_page(&ctx, e, "/actions/new"))?;
    let input = action_input(&fields);
    match ctx.app.create_action(Some(actor), &input).await {
        Ok(()) => Ok(Redirect::to(&format!("/actions/{}", input.id)).into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            let (status, _) = classify(&e);
            let s = plan_or_error(&ctx, "/").await?;
            Err(page(
                status,
                render::new_action(&ctx.chrome(), &s, &form_with(fields, &e)),
            ))
        }
        Err(e) => Err(error_page(&ctx, e, "/actions/new")),
    }
}
