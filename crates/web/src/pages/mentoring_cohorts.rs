//! Workplace-mentor cohorts: the list, a cohort's page, and its forms.

use app::mentor::{CohortInput, CohortMentorInput, EvaluationInput, SessionInput};
use app::AppError;
use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use domain::FieldError;

use super::{after_form, error_page, field, form_with, page, Fields, PageResult};
use crate::context::Ctx;
use crate::problem::classify;

const LIST: &str = "/mentoring/cohorts";

async fn list_page(ctx: &Ctx, form: &render::Form, status: StatusCode) -> PageResult {
    let cohorts = ctx
        .app
        .mentoring_cohorts(ctx.actor.as_ref())
        .await
        .map_err(|e| error_page(ctx, e, LIST))?;
    Ok(page(
        status,
        render::mentoring_cohorts(&ctx.chrome(), &cohorts, form),
    ))
}

/// GET /mentoring/cohorts
pub async fn list(ctx: Ctx) -> PageResult {
    list_page(&ctx, &render::Form::default(), StatusCode::OK).await
}

/// POST /mentoring/cohorts
pub async fn create(ctx: Ctx, Form(fields): Form<Fields>) -> PageResult {
    let input = CohortInput {
        employer: field(&fields, "employer").to_string(),
        name: field(&fields, "name").to_string(),
        starts_on: field(&fields, "starts_on").to_string(),
        version: None,
    };
    match ctx
        .app
        .create_mentoring_cohort(ctx.actor.as_ref(), &input)
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("{LIST}/{id}")).into_response()),
        Err(e @ AppError::Invalid(_)) => {
            let (status, _) = classify(&e);
            Err(list_page(&ctx, &form_with(fields, &e), status).await?)
        }
        Err(e) => Err(error_page(&ctx, e, LIST)),
    }
}

async fn cohort_page(
    ctx: &Ctx,
    id: i64,
    form: &render::Form,
    form_name: &str,
    status: StatusCode,
) -> PageResult {
    let back = format!("{LIST}/{id}");
    let detail = ctx
        .app
        .mentoring_cohort(ctx.actor.as_ref(), id)
        .await
        .map_err(|e| error_page(ctx, e, &back))?;
    Ok(page(
        status,
        render::mentoring_cohort(&ctx.chrome(), &detail, form, form_name),
    ))
}

/// GET /mentoring/cohorts/{id}
pub async fn show(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    cohort_page(&ctx, id, &render::Form::default(), "", StatusCode::OK).await
}

/// Back to the cohort, or the cohort again with what to fix in the form sent.
async fn after(
    ctx: &Ctx,
    id: i64,
    form_name: &str,
    fields: Fields,
    result: Result<(), AppError>,
) -> PageResult {
    after_form(
        ctx,
        &format!("{LIST}/{id}"),
        fields,
        result,
        |form, status| async move { cohort_page(ctx, id, &form, form_name, status).await },
    )
    .await
}

/// POST /mentoring/cohorts/{id}/mentors
pub async fn add_mentor(ctx: Ctx, Path(id): Path<i64>, Form(fields): Form<Fields>) -> PageResult {
    let input = CohortMentorInput {
        name: field(&fields, "name").to_string(),
    };
    let result = ctx
        .app
        .add_mentoring_cohort_mentor(ctx.actor.as_ref(), id, &input)
        .await
        .map(|_| ());
    after(&ctx, id, "mentor", fields, result).await
}

/// Where a form about a cohort's mentor or session goes back to: the cohort it names
/// (a number, so the way back stays on this site), else the list.
fn back_to_cohort(fields: &Fields) -> String {
    match field(fields, "cohort").trim().parse::<i64>() {
        Ok(id) => format!("{LIST}/{id}"),
        Err(_) => LIST.to_string(),
    }
}

/// POST /mentoring/cohort-mentors/{id}/delete
pub async fn remove_mentor(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> PageResult {
    let back = back_to_cohort(&fields);
    match ctx
        .app
        .delete_mentoring_cohort_mentor(ctx.actor.as_ref(), id)
        .await
    {
        Ok(()) => Ok(Redirect::to(&back).into_response()),
        Err(e) => Err(error_page(&ctx, e, &back)),
    }
}

/// POST /mentoring/cohorts/{id}/sessions
pub async fn add_session(ctx: Ctx, Path(id): Path<i64>, Form(fields): Form<Fields>) -> PageResult {
    let input = SessionInput {
        held_on: field(&fields, "held_on").to_string(),
        theme: field(&fields, "theme").to_string(),
    };
    let result = ctx
        .app
        .add_mentoring_session(ctx.actor.as_ref(), id, &input)
        .await
        .map(|_| ());
    after(&ctx, id, "session", fields, result).await
}

/// POST /mentoring/sessions/{id}/attendance: the ticked mentors attended, no others.
pub async fn attendance(ctx: Ctx, Path(id): Path<i64>, Form(fields): Form<Fields>) -> PageResult {
    let mut mentors = Vec::new();
    for (name, value) in &fields {
        if name == "mentor_id" {
            match value.parse() {
                Ok(m) => mentors.push(m),
                Err(_) => {
                    let e =
                        AppError::Invalid(vec![FieldError::new("mentor_id", "expected a number")]);
                    return Err(error_page(&ctx, e, LIST));
                }
            }
        }
    }
    let back = back_to_cohort(&fields);
    match ctx
        .app
        .set_mentoring_attendance(ctx.actor.as_ref(), id, &mentors)
        .await
    {
        Ok(()) => Ok(Redirect::to(&back).into_response()),
        Err(e) => Err(error_page(&ctx, e, &back)),
    }
}

/// POST /mentoring/cohorts/{id}/evaluations
pub async fn evaluate(ctx: Ctx, Path(id): Path<i64>, Form(fields): Form<Fields>) -> PageResult {
    let number = |name: &'static str| -> Result<Option<i64>, AppError> {
        match field(&fields, name).trim() {
            "" => Ok(None),
            t => t.parse().map(Some).map_err(|_| {
                AppError::Invalid(vec![FieldError::new(name, "expected a whole number")])
            }),
        }
    };
    let result = match (number("session_id"), number("score")) {
        (Ok(session_id), Ok(score)) => {
            let input = EvaluationInput {
                session_id,
                text: field(&fields, "text").to_string(),
                score,
            };
            ctx.app
                .add_mentoring_evaluation(ctx.actor.as_ref(), id, &input)
                .await
                .map(|_| ())
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    };
    after(&ctx, id, "evaluation", fields, result).await
}
