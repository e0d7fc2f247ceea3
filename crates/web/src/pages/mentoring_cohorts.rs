//! Workplace-mentor cohorts: the list, a cohort's page, and its forms.

use app::mentor::{CohortInput, CohortMentorInput, EvaluationInput, SessionInput};
use app::{AppError, Unread};
use axum::extract::Path;
use axum::http::StatusCode;
use serde::Deserialize;

use super::{after_form, many, page, redirect, Fields, OrPage, PageResult, Sent};
use crate::context::Ctx;

const LIST: &str = "/mentoring/cohorts";

async fn list_page(ctx: &Ctx, form: &render::Form, status: StatusCode) -> PageResult {
    let cohorts = ctx
        .app
        .mentoring_cohorts(ctx.actor.as_ref())
        .await
        .or_page(ctx, LIST)?;
    Ok(page(
        status,
        render::mentoring_cohorts(&ctx.chrome(), &cohorts, form),
    ))
}

/// GET /mentoring/cohorts
pub async fn list(ctx: Ctx) -> PageResult {
    list_page(&ctx, &render::Form::default(), StatusCode::OK).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CohortForm {
    employer: String,
    name: String,
    starts_on: String,
}

impl From<CohortForm> for CohortInput {
    fn from(f: CohortForm) -> CohortInput {
        CohortInput {
            employer: f.employer,
            name: f.name,
            starts_on: f.starts_on,
            version: None,
        }
    }
}

/// POST /mentoring/cohorts
pub async fn create(ctx: Ctx, sent: Sent<CohortForm>) -> PageResult {
    let created = ctx
        .app
        .create_mentoring_cohort(ctx.actor.as_ref(), &sent.form.into())
        .await;
    let ctx = &ctx;
    after_form(
        ctx,
        LIST,
        sent.values,
        created,
        |id| redirect(&format!("{LIST}/{id}")),
        |form, status| async move { list_page(ctx, &form, status).await },
    )
    .await
}

async fn cohort_page(
    ctx: &Ctx,
    id: i64,
    form: &render::Form,
    form_name: &str,
    status: StatusCode,
) -> PageResult {
    let detail = ctx
        .app
        .mentoring_cohort(ctx.actor.as_ref(), id)
        .await
        .or_page(ctx, &format!("{LIST}/{id}"))?;
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
async fn after<T>(
    ctx: &Ctx,
    id: i64,
    form_name: &str,
    values: Fields,
    result: Result<T, AppError>,
) -> PageResult {
    let back = format!("{LIST}/{id}");
    after_form(
        ctx,
        &back,
        values,
        result,
        |_| redirect(&back),
        |form, status| async move { cohort_page(ctx, id, &form, form_name, status).await },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CohortMentorForm {
    name: String,
}

impl From<CohortMentorForm> for CohortMentorInput {
    fn from(f: CohortMentorForm) -> CohortMentorInput {
        CohortMentorInput { name: f.name }
    }
}

/// POST /mentoring/cohorts/{id}/mentors
pub async fn add_mentor(ctx: Ctx, Path(id): Path<i64>, sent: Sent<CohortMentorForm>) -> PageResult {
    let result = ctx
        .app
        .add_mentoring_cohort_mentor(ctx.actor.as_ref(), id, &sent.form.into())
        .await;
    after(&ctx, id, "mentor", sent.values, result).await
}

/// A form about a cohort's mentor or session, which names the cohort to go back to.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InCohortForm {
    cohort: String,
    /// The ticked mentors of an attendance form.
    #[serde(deserialize_with = "many")]
    mentor_id: Vec<String>,
}

impl InCohortForm {
    /// The cohort the form names (a number, so the way back stays on this site), else
    /// the list.
    fn back(&self) -> String {
        match self.cohort.trim().parse::<i64>() {
            Ok(id) => format!("{LIST}/{id}"),
            Err(_) => LIST.to_string(),
        }
    }
}

/// POST /mentoring/cohort-mentors/{id}/delete
pub async fn remove_mentor(
    ctx: Ctx,
    Path(id): Path<i64>,
    Sent { form, .. }: Sent<InCohortForm>,
) -> PageResult {
    let back = form.back();
    ctx.app
        .delete_mentoring_cohort_mentor(ctx.actor.as_ref(), id)
        .await
        .or_page(&ctx, &back)?;
    Ok(redirect(&back))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SessionForm {
    held_on: String,
    theme: String,
}

impl From<SessionForm> for SessionInput {
    fn from(f: SessionForm) -> SessionInput {
        SessionInput {
            held_on: f.held_on,
            theme: f.theme,
        }
    }
}

/// POST /mentoring/cohorts/{id}/sessions
pub async fn add_session(ctx: Ctx, Path(id): Path<i64>, sent: Sent<SessionForm>) -> PageResult {
    let result = ctx
        .app
        .add_mentoring_session(ctx.actor.as_ref(), id, &sent.form.into())
        .await;
    after(&ctx, id, "session", sent.values, result).await
}

/// POST /mentoring/sessions/{id}/attendance: the ticked mentors attended, no others.
pub async fn attendance(
    ctx: Ctx,
    Path(id): Path<i64>,
    Sent { form, .. }: Sent<InCohortForm>,
) -> PageResult {
    let mut unread = Unread::default();
    let mentors = unread.numbers("mentor_id", &form.mentor_id);
    unread.check().or_page(&ctx, LIST)?;
    let back = form.back();
    ctx.app
        .set_mentoring_attendance(ctx.actor.as_ref(), id, &mentors)
        .await
        .or_page(&ctx, &back)?;
    Ok(redirect(&back))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EvaluationForm {
    session_id: String,
    text: String,
    score: String,
}

impl From<EvaluationForm> for EvaluationInput {
    fn from(f: EvaluationForm) -> EvaluationInput {
        let mut unread = Unread::default();
        EvaluationInput {
            session_id: unread.number("session_id", &f.session_id),
            score: unread.number("score", &f.score),
            text: f.text,
            unread,
        }
    }
}

/// POST /mentoring/cohorts/{id}/evaluations
pub async fn evaluate(ctx: Ctx, Path(id): Path<i64>, sent: Sent<EvaluationForm>) -> PageResult {
    let result = ctx
        .app
        .add_mentoring_evaluation(ctx.actor.as_ref(), id, &sent.form.into())
        .await;
    after(&ctx, id, "evaluation", sent.values, result).await
}
