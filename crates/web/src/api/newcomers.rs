//! The newcomer service's JSON API under `/api/v1/newcomers`. A case is personal data about
//! a person in a vulnerable position: the app lets staff of its municipality, its contact
//! person and admin handle it, and the account it is linked to see, correct, export and
//! erase it; nobody else sees it. Every read is audited by the store, with ids and field
//! names only. People appear in URLs by id only, never in a query string, and no answer
//! may be kept by a cache.

use app::{
    AppError, CaseInput, ConsentInput, FollowUpInput, OwnCorrectionInput, RentToOwnInput,
    StepInput, WithdrawalInput,
};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::newcomer::CaseDetail;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::newcomers_dto::*;
use super::shared::{created, Ids};
use super::{wire, ApiResult, Input};
use crate::cache_control;
use crate::context::Ctx;
use crate::problem::Problem;
use crate::AppState;

/// Personal data is never kept by a browser or proxy, whatever else sets headers.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(newcomer_cases, create_newcomer_case))
        // Static segments take precedence over `{id}`, so `me` and `cohorts` are never ids.
        .routes(routes!(my_newcomer_case))
        .routes(routes!(newcomer_cohorts))
        .routes(routes!(public_newcomer_cohorts))
        .routes(routes!(
            newcomer_case,
            update_newcomer_case,
            erase_newcomer_case
        ))
        .routes(routes!(correct_newcomer_case))
        .routes(routes!(export_newcomer_case))
        .routes(routes!(set_newcomer_step))
        .routes(routes!(record_newcomer_follow_up))
        .routes(routes!(record_newcomer_consent))
        .routes(routes!(withdraw_newcomer_consent))
        .routes(routes!(set_newcomer_rent_to_own))
        .route_layer(cache_control::private())
}

async fn detail(ctx: &Ctx, id: i64) -> ApiResult<CaseDetail> {
    Ok(ctx.app.newcomer_case(ctx.actor.as_ref(), id).await?)
}

fn detail_dto(d: &CaseDetail) -> NewcomerCaseDetailDto {
    NewcomerCaseDetailDto::new(d, app::today())
}

// ── Cases ─────────────────────────────────────────────────────────────────────────────

/// The cases the signed-in staff member handles: those of their municipalities and those
/// they are the contact person of; admin every case. The read is audited.
#[utoipa::path(get, path = "/newcomers", tag = "newcomers",
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = [NewcomerCaseDto]), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub(super) async fn newcomer_cases(ctx: Ctx) -> ApiResult<Json<Vec<NewcomerCaseDto>>> {
    let all = ctx.app.newcomer_cases(ctx.actor.as_ref()).await?;
    Ok(Json(all.iter().map(Into::into).collect()))
}

/// Registers a case (newcomer staff in their municipalities, admin); staff become its
/// contact person unless another is named. Answers with the case as stored.
#[utoipa::path(post, path = "/newcomers", tag = "newcomers", request_body = wire::CaseInput,
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 201, body = NewcomerCaseDetailDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn create_newcomer_case(
    ctx: Ctx,
    Input(input): Input<CaseInput>,
) -> ApiResult<(StatusCode, Json<NewcomerCaseDetailDto>)> {
    let id = ctx
        .app
        .create_newcomer_case(ctx.actor.as_ref(), &input)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(detail_dto(&detail(&ctx, id).await?)),
    ))
}

/// The case linked to the signed-in account, with everything recorded about it; 404 when
/// no case is linked to it. The read is audited.
#[utoipa::path(get, path = "/newcomers/me", tag = "newcomers",
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = NewcomerCaseDetailDto), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub(super) async fn my_newcomer_case(ctx: Ctx) -> ApiResult<Json<NewcomerCaseDetailDto>> {
    let d = ctx
        .app
        .my_newcomer_case(ctx.actor.as_ref())
        .await?
        .ok_or_else(|| AppError::NotFound("a newcomer case linked to your account".into()))?;
    Ok(Json(detail_dto(&d)))
}

/// One case with its steps, follow-ups, consents and rent-to-own (its staff, admin, or the
/// account it is linked to). The read is audited.
#[utoipa::path(get, path = "/newcomers/{id}", tag = "newcomers",
    params(("id" = i64, Path, description = "Case id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = NewcomerCaseDetailDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem)))]
pub(super) async fn newcomer_case(
    ctx: Ctx,
    Ids(id): Ids<i64>,
) -> ApiResult<Json<NewcomerCaseDetailDto>> {
    Ok(Json(detail_dto(&detail(&ctx, id).await?)))
}

/// Changes a case (its staff, admin); `version` must be the one read. Moving it to another
/// municipality needs the right to register there.
#[utoipa::path(put, path = "/newcomers/{id}", tag = "newcomers", request_body = wire::CaseInput,
    params(("id" = i64, Path, description = "Case id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = NewcomerCaseDetailDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
              (status = 422, body = Problem)))]
pub(super) async fn update_newcomer_case(
    ctx: Ctx,
    Ids(id): Ids<i64>,
    Input(input): Input<CaseInput>,
) -> ApiResult<Json<NewcomerCaseDetailDto>> {
    ctx.app
        .update_newcomer_case(ctx.actor.as_ref(), id, &input)
        .await?;
    Ok(Json(detail_dto(&detail(&ctx, id).await?)))
}

/// The newcomer corrects their name, contact, languages and needs (the account the case is
/// linked to; its staff and admin may too); `version` must be the one read.
#[utoipa::path(put, path = "/newcomers/{id}/correction", tag = "newcomers", request_body = wire::OwnCorrectionInput,
    params(("id" = i64, Path, description = "Case id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = NewcomerCaseDetailDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
              (status = 422, body = Problem)))]
pub(super) async fn correct_newcomer_case(
    ctx: Ctx,
    Ids(id): Ids<i64>,
    Input(input): Input<OwnCorrectionInput>,
) -> ApiResult<Json<NewcomerCaseDetailDto>> {
    ctx.app
        .correct_newcomer_case(ctx.actor.as_ref(), id, &input)
        .await?;
    Ok(Json(detail_dto(&detail(&ctx, id).await?)))
}

/// Everything held about the person, as a JSON file: the case, every record about it and
/// the audit log's entries about it (its staff, admin, or the account it is linked to).
/// The export is audited.
#[utoipa::path(get, path = "/newcomers/{id}/export", tag = "newcomers",
    params(("id" = i64, Path, description = "Case id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = NewcomerExportDto,
                headers(("content-disposition" = String, description = "attachment; filename=\"newcomer-case-{id}.json\""))),
              (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub(super) async fn export_newcomer_case(ctx: Ctx, Ids(id): Ids<i64>) -> ApiResult<Response> {
    let e = ctx.app.export_newcomer_case(ctx.actor.as_ref(), id).await?;
    let mut res = Json(NewcomerExportDto::new(&e, app::today())).into_response();
    let disposition = format!("attachment; filename=\"newcomer-case-{id}.json\"");
    res.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&disposition).expect("an id is a valid header value"),
    );
    Ok(res)
}

/// Erases the case from every table at once, leaving only an anonymous count for the
/// cohorts (its staff, admin, or the account it is linked to). A second erasure is 404.
#[utoipa::path(delete, path = "/newcomers/{id}", tag = "newcomers",
    params(("id" = i64, Path, description = "Case id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 204), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem)))]
pub(super) async fn erase_newcomer_case(ctx: Ctx, Ids(id): Ids<i64>) -> ApiResult<StatusCode> {
    ctx.app.erase_newcomer_case(ctx.actor.as_ref(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ── Steps, follow-ups, consent, rent-to-own ───────────────────────────────────────────

/// Records (or corrects the day of) a step: one per kind (its staff, admin).
#[utoipa::path(post, path = "/newcomers/{id}/steps", tag = "newcomers", request_body = wire::StepInput,
    params(("id" = i64, Path, description = "Case id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 201, body = NewcomerStepDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn set_newcomer_step(
    ctx: Ctx,
    Ids(id): Ids<i64>,
    Input(input): Input<StepInput>,
) -> ApiResult<(StatusCode, Json<NewcomerStepDto>)> {
    ctx.app
        .set_newcomer_step(ctx.actor.as_ref(), id, &input)
        .await?;
    let d = detail(&ctx, id).await?;
    let kind = input.kind.trim().to_lowercase();
    created(
        &d.steps,
        |s| s.fields.kind.code() == kind,
        || format!("step of newcomer case #{id}"),
    )
}

/// Records (or corrects) a follow-up once it is due: 3, 12, 24 or 60 months after the
/// arrival (its staff, admin).
#[utoipa::path(post, path = "/newcomers/{id}/follow-ups", tag = "newcomers", request_body = wire::FollowUpInput,
    params(("id" = i64, Path, description = "Case id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 201, body = NewcomerFollowUpDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn record_newcomer_follow_up(
    ctx: Ctx,
    Ids(id): Ids<i64>,
    Input(input): Input<FollowUpInput>,
) -> ApiResult<(StatusCode, Json<NewcomerFollowUpDto>)> {
    ctx.app
        .record_newcomer_follow_up(ctx.actor.as_ref(), id, &input)
        .await?;
    let d = detail(&ctx, id).await?;
    let at = input.at.trim().to_lowercase();
    created(
        &d.follow_ups,
        |f| f.fields.at.code() == at,
        || format!("follow-up of newcomer case #{id}"),
    )
}

/// Records the lawful basis or consent for a purpose (its staff, admin); earlier records
/// stay as history.
#[utoipa::path(post, path = "/newcomers/{id}/consents", tag = "newcomers", request_body = wire::ConsentInput,
    params(("id" = i64, Path, description = "Case id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 201, body = NewcomerConsentDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn record_newcomer_consent(
    ctx: Ctx,
    Ids(id): Ids<i64>,
    Input(input): Input<ConsentInput>,
) -> ApiResult<(StatusCode, Json<NewcomerConsentDto>)> {
    let consent = ctx
        .app
        .record_newcomer_consent(ctx.actor.as_ref(), id, &input)
        .await?;
    let d = detail(&ctx, id).await?;
    created(
        &d.consents,
        |c| c.id == consent,
        || format!("consent #{consent}"),
    )
}

/// Withdraws a consent (its staff, admin, or the account the case is linked to); the
/// record is kept, marked withdrawn. Only a consent is withdrawn, and only once; send `{}`
/// to withdraw it today.
#[utoipa::path(post, path = "/newcomers/{id}/consents/{consent_id}/withdrawal", tag = "newcomers",
    request_body = wire::WithdrawalInput,
    params(("id" = i64, Path, description = "Case id"), ("consent_id" = i64, Path, description = "Consent id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = NewcomerConsentDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn withdraw_newcomer_consent(
    ctx: Ctx,
    Ids((id, consent)): Ids<(i64, i64)>,
    Input(input): Input<WithdrawalInput>,
) -> ApiResult<Json<NewcomerConsentDto>> {
    ctx.app
        .withdraw_newcomer_consent(ctx.actor.as_ref(), id, consent, &input)
        .await?;
    let d = detail(&ctx, id).await?;
    let c = d
        .consents
        .iter()
        .find(|c| c.id == consent)
        .ok_or_else(|| AppError::NotFound(format!("consent #{consent}")))?;
    Ok(Json(c.into()))
}

/// Starts (without `version`) or changes (with the version read) the household's
/// rent-to-own record (its staff, admin).
#[utoipa::path(put, path = "/newcomers/{id}/rent-to-own", tag = "newcomers", request_body = wire::RentToOwnInput,
    params(("id" = i64, Path, description = "Case id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = RentToOwnDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
              (status = 422, body = Problem)))]
pub(super) async fn set_newcomer_rent_to_own(
    ctx: Ctx,
    Ids(id): Ids<i64>,
    Input(input): Input<RentToOwnInput>,
) -> ApiResult<Json<RentToOwnDto>> {
    ctx.app
        .set_newcomer_rent_to_own(ctx.actor.as_ref(), id, &input)
        .await?;
    let d = detail(&ctx, id).await?;
    let r = d
        .rent_to_own
        .as_ref()
        .ok_or_else(|| AppError::NotFound(format!("rent-to-own of newcomer case #{id}")))?;
    Ok(Json(r.into()))
}

// ── Cohorts ───────────────────────────────────────────────────────────────────────────

/// Who stays, per arrival year, for every municipality and the region (newcomer staff,
/// project leader, steering group, admin). Counts under 5 are suppressed: a figure that
/// is not shown says so in its `status` and carries no number.
#[utoipa::path(get, path = "/newcomers/cohorts", tag = "newcomers",
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = [NewcomerCohortDto]), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub(super) async fn newcomer_cohorts(ctx: Ctx) -> ApiResult<Json<Vec<NewcomerCohortDto>>> {
    let all = ctx.app.newcomer_cohorts(ctx.actor.as_ref()).await?;
    Ok(Json(all.iter().map(Into::into).collect()))
}

/// The region's arrival cohorts, for anyone (no session needed); small counts suppressed
/// as in the staff's figures.
#[utoipa::path(get, path = "/newcomers/cohorts/public", tag = "newcomers",
    responses((status = 200, body = [NewcomerCohortDto])))]
pub(super) async fn public_newcomer_cohorts(ctx: Ctx) -> ApiResult<Json<Vec<NewcomerCohortDto>>> {
    let all = ctx.app.public_newcomer_cohorts().await?;
    Ok(Json(all.iter().map(Into::into).collect()))
}
