//! The JSON API under `/api/v1`, with the same permissions as the pages.
//! Errors are problem details (RFC 9457); the OpenAPI document is generated
//! from these handlers.

mod document;
mod dto;
mod mentoring;
mod mentoring_dto;
mod newcomers;
mod newcomers_dto;
mod roles;
mod shared;
mod wire;

use app::{
    ActionInput, AppError, ContactInput, LoginAttempt, MeasureInput, StatusInput, TargetInput,
    SESSION_HOURS,
};
use axum::extract::Path;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use document::ProblemResponses;
use dto::*;
use serde::Deserialize;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::client::ClientAddr;
use crate::context::Ctx;
use crate::problem::{ApiError, Problem};
use crate::query::{ActionQuery, PageQuery};
use crate::{cookies, AppState};

type ApiResult<T> = Result<T, ApiError>;

/// A JSON body whose errors (malformed JSON, missing fields, wrong types)
/// come back as problem details like every other error.
#[derive(axum::extract::FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
struct Body<T>(T);

/// A JSON body read in the API's wire form and handed to the handler as the app's input;
/// its errors come back as `Body`'s do.
struct Input<T>(T);

impl<S: Send + Sync, T: wire::FromWire> axum::extract::FromRequest<S> for Input<T> {
    type Rejection = ApiError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        let Body(wire) = Body::<T::Wire>::from_request(req, state).await?;
        Ok(Input(wire.into()))
    }
}

/// A query string whose errors come back as problem details.
#[derive(axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
struct Params<T>(T);

impl From<axum::extract::rejection::JsonRejection> for ApiError {
    fn from(e: axum::extract::rejection::JsonRejection) -> Self {
        ApiError(Problem::new(e.status(), "Invalid JSON body", e.body_text()))
    }
}

impl From<axum::extract::rejection::QueryRejection> for ApiError {
    fn from(e: axum::extract::rejection::QueryRejection) -> Self {
        ApiError(Problem::new(
            e.status(),
            "Invalid query string",
            e.body_text(),
        ))
    }
}

/// The API's routes under `/api/v1` and its OpenAPI document, both made from the
/// handlers' `#[utoipa::path]`: a route's path and method are written there only.
pub fn router() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, mut doc) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .nest("/api/v1", routes())
        .split_for_parts();
    ProblemResponses.modify(&mut doc);
    (router, doc)
}

fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(login))
        .routes(routes!(logout))
        .routes(routes!(me))
        .routes(routes!(programme))
        .routes(routes!(work_packages))
        .routes(routes!(work_package))
        .routes(routes!(actions, create_action))
        .routes(routes!(action, update_action))
        .routes(routes!(status_updates, report_status))
        .routes(routes!(measures, create_measure))
        .routes(routes!(measure, update_measure))
        .routes(routes!(organisation))
        .routes(routes!(municipalities))
        .routes(routes!(update_contact))
        .routes(routes!(changes))
        .routes(routes!(audit))
        .routes(routes!(indicators))
        .routes(routes!(indicator_values))
        .routes(routes!(targets, set_target))
        .merge(mentoring::router())
        .merge(newcomers::router())
        .merge(roles::router())
        .fallback(|| async {
            Problem::new(StatusCode::NOT_FOUND, "Not found", "No such API route.")
        })
}

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    email: String,
    password: String,
}

/// Starts a session: answers with a token and sets the session cookie.
#[utoipa::path(post, path = "/login", tag = "accounts", request_body = LoginRequest,
    responses((status = 200, body = SessionDto), (status = 422, body = Problem), (status = 429, body = Problem),
        (status = 503, description = "Too many log-ins are being checked at once; see `Retry-After`", body = Problem)))]
async fn login(
    ctx: Ctx,
    ClientAddr(source): ClientAddr,
    headers: HeaderMap,
    Body(req): Body<LoginRequest>,
) -> ApiResult<Response> {
    let session = ctx
        .app
        .login_with(LoginAttempt {
            email: &req.email,
            password: &req.password,
            source,
            device: cookies::get(&headers, cookies::DEVICE),
        })
        .await?;
    let body = SessionDto {
        token: session.token.clone(),
        expires_at: session
            .expires_at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        user: (&session.actor).into(),
    };
    let mut res = Json(body).into_response();
    cookies::set_session(res.headers_mut(), &session.token, SESSION_HOURS * 3600);
    cookies::set_device(res.headers_mut(), &session.device);
    Ok(res)
}

/// Ends the session the request carries.
#[utoipa::path(post, path = "/logout", tag = "accounts", responses((status = 204)))]
async fn logout(ctx: Ctx) -> ApiResult<Response> {
    if let Some(token) = &ctx.token {
        ctx.app.logout(token).await?;
    }
    let mut res = StatusCode::NO_CONTENT.into_response();
    cookies::clear_session(res.headers_mut());
    Ok(res)
}

/// The signed-in account.
#[utoipa::path(get, path = "/me", tag = "accounts",
    responses((status = 200, body = UserDto), (status = 401, body = Problem)))]
async fn me(ctx: Ctx) -> ApiResult<Json<UserDto>> {
    Ok(Json(ctx.require()?.into()))
}

/// The programme: main goal, municipalities, facts and progress per work package.
#[utoipa::path(get, path = "/programme", tag = "plan", responses((status = 200, body = ProgrammeDto)))]
async fn programme(ctx: Ctx) -> ApiResult<Json<ProgrammeDto>> {
    Ok(Json(dto::programme(&*ctx.app.snapshot().await?)))
}

/// Every work package with its goal, strategies, measures, action-plan rows and work group.
#[utoipa::path(get, path = "/work-packages", tag = "plan", responses((status = 200, body = [WorkPackageDto])))]
async fn work_packages(ctx: Ctx) -> ApiResult<Json<Vec<WorkPackageDto>>> {
    let s = ctx.app.snapshot().await?;
    Ok(Json(
        s.plan
            .work_packages
            .iter()
            .map(|wp| dto::work_package(&s, wp))
            .collect(),
    ))
}

#[utoipa::path(get, path = "/work-packages/{id}", tag = "plan",
    params(("id" = String, Path, description = "Work package id")),
    responses((status = 200, body = WorkPackageDto), (status = 404, body = Problem)))]
async fn work_package(ctx: Ctx, Path(id): Path<String>) -> ApiResult<Json<WorkPackageDto>> {
    let s = ctx.app.snapshot().await?;
    let wp = s
        .work_package(&id)
        .ok_or_else(|| AppError::NotFound(format!("work package `{id}`")))?;
    Ok(Json(dto::work_package(&s, wp)))
}

/// The action plan, filtered.
#[utoipa::path(get, path = "/actions", tag = "plan", params(ActionQuery),
    responses((status = 200, body = [ActionDto]), (status = 422, body = Problem)))]
async fn actions(ctx: Ctx, Params(q): Params<ActionQuery>) -> ApiResult<Json<Vec<ActionDto>>> {
    let s = ctx.app.snapshot().await?;
    let filter = q.filter()?;
    Ok(Json(
        s.filtered(&filter).into_iter().map(Into::into).collect(),
    ))
}

/// Status updates per page in the API, unless the request asks for another number.
const HISTORY_PAGE: i64 = 50;

/// A page of an item's history, and the address of the next page when there is one.
async fn history_page(
    ctx: &Ctx,
    id: &str,
    q: &PageQuery,
) -> ApiResult<(Vec<StatusUpdateDto>, Option<String>)> {
    let (page, limit) = (q.page(), q.limit(HISTORY_PAGE));
    let (updates, more) = ctx.app.history(id, page, limit).await?;
    let next = more.then(|| {
        format!(
            "/api/v1/actions/{id}/status-updates?page={}&limit={limit}",
            page + 1
        )
    });
    Ok((updates.iter().map(Into::into).collect(), next))
}

async fn action_detail(ctx: &Ctx, id: &str) -> ApiResult<ActionDetail> {
    let s = ctx.app.snapshot().await?;
    let item = s
        .action(id)
        .ok_or_else(|| AppError::NotFound(format!("action `{id}`")))?;
    let (history, history_next) = history_page(ctx, id, &PageQuery::default()).await?;
    Ok(ActionDetail {
        action: item.into(),
        history,
        history_next,
    })
}

/// One action-plan row with the newest page of its status history.
#[utoipa::path(get, path = "/actions/{id}", tag = "plan",
    params(("id" = String, Path, description = "Action id")),
    responses((status = 200, body = ActionDetail), (status = 404, body = Problem)))]
async fn action(ctx: Ctx, Path(id): Path<String>) -> ApiResult<Json<ActionDetail>> {
    Ok(Json(action_detail(&ctx, &id).await?))
}

/// Adds an action-plan row (project leader, admin).
#[utoipa::path(post, path = "/actions", tag = "plan", request_body = wire::ActionInput,
    responses((status = 201, body = ActionDetail), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
async fn create_action(
    ctx: Ctx,
    Input(input): Input<ActionInput>,
) -> ApiResult<(StatusCode, Json<ActionDetail>)> {
    ctx.app.create_action(ctx.actor.as_ref(), &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(action_detail(&ctx, &input.id).await?),
    ))
}

/// Changes an action-plan row (project leader, admin); `version` must be the one read.
#[utoipa::path(put, path = "/actions/{id}", tag = "plan", request_body = wire::ActionInput,
    params(("id" = String, Path, description = "Action id")),
    responses((status = 200, body = ActionDetail), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn update_action(
    ctx: Ctx,
    Path(id): Path<String>,
    Input(input): Input<ActionInput>,
) -> ApiResult<Json<ActionDetail>> {
    ctx.app
        .update_action(ctx.actor.as_ref(), &id, &input)
        .await?;
    Ok(Json(action_detail(&ctx, &id).await?))
}

/// An item's status history, newest first, a page at a time (50 updates unless `limit`
/// says otherwise); a `Link` header with `rel="next"` points at the next page when there
/// is one.
#[utoipa::path(get, path = "/actions/{id}/status-updates", tag = "status",
    params(("id" = String, Path, description = "Action id"), PageQuery),
    responses((status = 200, body = [StatusUpdateDto],
                headers(("link" = String, description = "`<…>; rel=\"next\"` when there are older updates"))),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn status_updates(
    ctx: Ctx,
    Path(id): Path<String>,
    Params(q): Params<PageQuery>,
) -> ApiResult<Response> {
    ctx.app
        .snapshot()
        .await?
        .action(&id)
        .ok_or_else(|| AppError::NotFound(format!("action `{id}`")))?;
    let (history, next) = history_page(&ctx, &id, &q).await?;
    let mut res = Json(history).into_response();
    if let Some(next) = next {
        if let Ok(v) = axum::http::HeaderValue::from_str(&format!("<{next}>; rel=\"next\"")) {
            res.headers_mut().insert(axum::http::header::LINK, v);
        }
    }
    Ok(res)
}

/// Reports status on an item. Updates are kept as history, never overwritten.
#[utoipa::path(post, path = "/actions/{id}/status-updates", tag = "status", request_body = wire::StatusInput,
    params(("id" = String, Path, description = "Action id")),
    responses((status = 201, body = StatusUpdateDto), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn report_status(
    ctx: Ctx,
    Path(id): Path<String>,
    Input(input): Input<StatusInput>,
) -> ApiResult<(StatusCode, Json<StatusUpdateDto>)> {
    let update = ctx
        .app
        .report_status(ctx.actor.as_ref(), &id, &input)
        .await?;
    Ok((StatusCode::CREATED, Json((&update).into())))
}

/// Every measure, with the rows that carry it out.
#[utoipa::path(get, path = "/measures", tag = "plan", responses((status = 200, body = [MeasureDto])))]
async fn measures(ctx: Ctx) -> ApiResult<Json<Vec<MeasureDto>>> {
    let s = ctx.app.snapshot().await?;
    Ok(Json(
        s.plan
            .work_packages
            .iter()
            .flat_map(|wp| dto::measures_of(&s, wp))
            .collect(),
    ))
}

async fn measure_dto(ctx: &Ctx, id: &str) -> ApiResult<MeasureDto> {
    let s = ctx.app.snapshot().await?;
    let (wp, _) = s
        .measure(id)
        .ok_or_else(|| AppError::NotFound(format!("measure `{id}`")))?;
    Ok(dto::measures_of(&s, wp)
        .into_iter()
        .find(|m| m.id == id)
        .expect("measure of its package"))
}

#[utoipa::path(get, path = "/measures/{id}", tag = "plan",
    params(("id" = String, Path, description = "Measure id")),
    responses((status = 200, body = MeasureDto), (status = 404, body = Problem)))]
async fn measure(ctx: Ctx, Path(id): Path<String>) -> ApiResult<Json<MeasureDto>> {
    Ok(Json(measure_dto(&ctx, &id).await?))
}

/// Adds a measure (project leader, admin).
#[utoipa::path(post, path = "/measures", tag = "plan", request_body = wire::MeasureInput,
    responses((status = 201, body = MeasureDto), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
async fn create_measure(
    ctx: Ctx,
    Input(input): Input<MeasureInput>,
) -> ApiResult<(StatusCode, Json<MeasureDto>)> {
    ctx.app.create_measure(ctx.actor.as_ref(), &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(measure_dto(&ctx, &input.id).await?),
    ))
}

/// Changes a measure (project leader, admin); `version` must be the one read.
#[utoipa::path(put, path = "/measures/{id}", tag = "plan", request_body = wire::MeasureInput,
    params(("id" = String, Path, description = "Measure id")),
    responses((status = 200, body = MeasureDto), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn update_measure(
    ctx: Ctx,
    Path(id): Path<String>,
    Input(input): Input<MeasureInput>,
) -> ApiResult<Json<MeasureDto>> {
    ctx.app
        .update_measure(ctx.actor.as_ref(), &id, &input)
        .await?;
    Ok(Json(measure_dto(&ctx, &id).await?))
}

/// Sogn regionråd → steering group → project leader → contacts, and the sub-projects.
#[utoipa::path(get, path = "/organisation", tag = "plan", responses((status = 200, body = OrganisationDto)))]
async fn organisation(ctx: Ctx) -> ApiResult<Json<OrganisationDto>> {
    Ok(Json(dto::organisation(&*ctx.app.snapshot().await?)))
}

#[utoipa::path(get, path = "/municipalities", tag = "plan", responses((status = 200, body = [MunicipalityDto])))]
async fn municipalities(ctx: Ctx) -> ApiResult<Json<Vec<MunicipalityDto>>> {
    Ok(Json(dto::municipalities(&*ctx.app.snapshot().await?)))
}

/// Changes a municipality's contact person (its municipal contact, project leader, admin).
#[utoipa::path(put, path = "/municipalities/{code}/contact", tag = "plan", request_body = wire::ContactInput,
    params(("code" = String, Path, description = "Municipality number, like 4643")),
    responses((status = 200, body = MunicipalityDto), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn update_contact(
    ctx: Ctx,
    Path(code): Path<String>,
    Input(input): Input<ContactInput>,
) -> ApiResult<Json<MunicipalityDto>> {
    ctx.app
        .update_contact(ctx.actor.as_ref(), &code, &input)
        .await?;
    let s = ctx.app.snapshot().await?;
    let m = dto::municipalities(&s)
        .into_iter()
        .find(|m| m.code == code)
        .expect("municipality exists");
    Ok(Json(m))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct SinceQuery {
    /// YYYY-MM-DD
    since: String,
}

/// Status updates reported or written on or after `since`, and edits of the plan since then.
#[utoipa::path(get, path = "/changes", tag = "status", params(SinceQuery),
    responses((status = 200, body = ChangesDto), (status = 422, body = Problem)))]
async fn changes(ctx: Ctx, Params(q): Params<SinceQuery>) -> ApiResult<Json<ChangesDto>> {
    let since = app::parse_date("since", &q.since).map_err(AppError::from)?;
    let c = ctx.app.changes_since(since).await?;
    Ok(Json(ChangesDto {
        since: since.to_string(),
        updates: c.updates.iter().map(Into::into).collect(),
        edits: c.edits.iter().map(Into::into).collect(),
    }))
}

/// Audit entries per page in the API, unless the request asks for another number.
const AUDIT_PAGE: i64 = 100;

/// The audit log, newest first, a page at a time (100 entries unless `limit` says
/// otherwise; admin).
#[utoipa::path(get, path = "/audit", tag = "accounts", params(PageQuery),
    responses((status = 200, body = [AuditDto]), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
async fn audit(ctx: Ctx, Params(q): Params<PageQuery>) -> ApiResult<Json<Vec<AuditDto>>> {
    let (entries, _) = ctx
        .app
        .audit_log(ctx.actor.as_ref(), q.page(), q.limit(AUDIT_PAGE))
        .await?;
    Ok(Json(entries.iter().map(Into::into).collect()))
}

/// The indicators, with what they follow in the plan and whether figures are at hand.
#[utoipa::path(get, path = "/indicators", tag = "indicators", responses((status = 200, body = [IndicatorDto])))]
async fn indicators(ctx: Ctx) -> ApiResult<Json<Vec<IndicatorDto>>> {
    let all = ctx.app.indicators().await?;
    Ok(Json(all.iter().map(dto::indicator).collect()))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct ValuesQuery {
    /// `4638`…`4644`, `sogn`, `46`, `0`, or another municipality of Vestland; all when left out.
    area: Option<String>,
    /// First period, inclusive (e.g. `2020`).
    from: Option<String>,
    /// Last period, inclusive.
    to: Option<String>,
}

/// An indicator's values with numerator, denominator, status and source.
#[utoipa::path(get, path = "/indicators/{id}/values", tag = "indicators", params(("id" = String, Path, description = "Indicator id"), ValuesQuery),
    responses((status = 200, body = [IndicatorValueDto]), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn indicator_values(
    ctx: Ctx,
    Path(id): Path<String>,
    Params(q): Params<ValuesQuery>,
) -> ApiResult<Json<Vec<IndicatorValueDto>>> {
    let d = ctx.app.indicator(&id).await?;
    let area = q.area.as_deref().map(str::trim).filter(|a| !a.is_empty());
    if let Some(a) = area {
        if !app::shown_areas(&d.areas).iter().any(|s| s == a) {
            return Err(AppError::Invalid(vec![domain::FieldError::new(
                "area",
                format!("`{a}` is not one of the areas: a municipality of Vestland, sogn, 46 or 0"),
            )])
            .into());
        }
    }
    let from = q.from.as_deref().filter(|p| !p.is_empty());
    let to = q.to.as_deref().filter(|p| !p.is_empty());
    Ok(Json(
        d.values
            .iter()
            .filter(|v| area.is_none_or(|a| v.area == a))
            .filter(|v| {
                from.is_none_or(|f| v.period.as_str() >= f)
                    && to.is_none_or(|t| v.period.as_str() <= t || v.period.starts_with(t))
            })
            .map(Into::into)
            .collect(),
    ))
}

#[utoipa::path(get, path = "/indicators/{id}/targets", tag = "indicators", params(("id" = String, Path, description = "Indicator id")),
    responses((status = 200, body = [TargetDto]), (status = 404, body = Problem)))]
async fn targets(ctx: Ctx, Path(id): Path<String>) -> ApiResult<Json<Vec<TargetDto>>> {
    let d = ctx.app.indicator(&id).await?;
    Ok(Json(d.targets.iter().map(Into::into).collect()))
}

/// Sets a target for an indicator, area and year (project leader, admin); replaces one that was set.
#[utoipa::path(post, path = "/indicators/{id}/targets", tag = "indicators", request_body = wire::TargetInput,
    params(("id" = String, Path, description = "Indicator id")),
    responses((status = 201, body = TargetDto), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn set_target(
    ctx: Ctx,
    Path(id): Path<String>,
    Input(input): Input<TargetInput>,
) -> ApiResult<(StatusCode, Json<TargetDto>)> {
    let t = ctx.app.set_target(ctx.actor.as_ref(), &id, &input).await?;
    Ok((StatusCode::CREATED, Json((&t).into())))
}

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session_cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(cookies::SESSION))),
        );
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Bulyst API", description = "The programme plan, its status reports and its organisation. \
        Reading the plan is public; the mentor programme, the newcomer service (but for its public cohorts) \
        and every write need a session (POST /api/v1/login) and a role that allows them. \
        Errors are problem details (RFC 9457)."),
    modifiers(&Security),
    tags((name = "plan", description = "The programme plan"), (name = "status", description = "Status reports"),
         (name = "accounts", description = "Sessions and the audit log"),
         (name = "indicators", description = "Indicators computed from official statistics, with their sources"),
         (name = "mentoring", description = "The mentor programme: profiles, matching, pairs, workplace cohorts and \
             output indicators. Personal data: the mentor coordinator and admin see everyone, a person their own \
             profiles and pairs; every read of people is audited. People are named in URLs by id only."),
         (name = "newcomers", description = "The newcomer service: cases with household, steps, follow-ups, consent \
             and rent-to-own, the person's rights (export, erasure) and the arrival cohorts. Personal data: staff of \
             the case's municipality, its contact person and admin handle a case, the account it is linked to sees, \
             corrects, exports and erases it (GET /api/v1/newcomers/me); nobody else sees it. Every read is audited, \
             with ids and field names only. Cases are named in URLs by id only, never in a query string, and every \
             answer is `Cache-Control: no-store`. The cohorts (GET /api/v1/newcomers/cohorts) are for staff, the \
             project leader, the steering group and admin; the region's cohorts are public \
             (GET /api/v1/newcomers/cohorts/public). Counts under 5 are suppressed, shown as a status, never as 0."))
)]
struct ApiDoc;

/// The document as served: made once, with the routes, by `router`.
pub fn openapi_json(doc: utoipa::openapi::OpenApi) -> axum::routing::MethodRouter<AppState> {
    get(move || async move { Json(doc) })
}
