//! The mentor programme's JSON API under `/api/v1/mentoring`. Everything here is personal
//! data or decisions about people: the app lets the mentor coordinator and admin see it
//! all, a person their own profiles and pairs, and the steering group and project leader
//! the output indicators; every read of people is audited by the store. People appear in
//! URLs by id only.

use app::{
    AppError, CheckInInput, CohortInput, CohortMentorInput, EvaluationInput, MeetingInput,
    OutcomeInput, PairChangeInput, PairRuleInput, ProfileInput, RulesInput, SessionInput,
};
use axum::http::StatusCode;
use axum::Json;
use domain::mentor::Side;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::mentoring_dto::*;
use super::shared::{created, Ids};
use super::{wire, ApiResult, Body, Input, Params};
use crate::cache_control;
use crate::context::Ctx;
use crate::problem::Problem;
use crate::AppState;

/// Everything here is about people, so no answer is kept by a browser or proxy.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(my_mentoring))
        .routes(routes!(list_profiles, create_profile))
        .routes(routes!(profile, update_profile, delete_profile))
        .routes(routes!(rules, set_rules))
        .routes(routes!(pair_rules, set_pair_rule))
        .routes(routes!(preview_matching, run_matching))
        .routes(routes!(pairs))
        .routes(routes!(pair))
        .routes(routes!(change_pair))
        .routes(routes!(pair_log))
        .routes(routes!(log_meeting))
        .routes(routes!(record_check_in))
        .routes(routes!(record_outcome))
        .routes(routes!(mentoring_indicators))
        .routes(routes!(cohorts, create_cohort))
        .routes(routes!(cohort, update_cohort))
        .routes(routes!(add_cohort_mentor))
        .routes(routes!(delete_cohort_mentor))
        .routes(routes!(add_session))
        .routes(routes!(add_evaluation))
        .routes(routes!(set_attendance))
        .route_layer(cache_control::private())
}

// ── Profiles ──────────────────────────────────────────────────────────────────────────

/// The signed-in person's own profiles and the pairs they are in (any signed-in account).
#[utoipa::path(get, path = "/mentoring/me", tag = "mentoring",
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = MyMentoringDto), (status = 401, body = Problem)))]
pub(super) async fn my_mentoring(ctx: Ctx) -> ApiResult<Json<MyMentoringDto>> {
    let actor = ctx.actor.as_ref();
    let profiles = ctx.app.my_mentoring_profiles(actor).await?;
    let pairs = ctx.app.my_mentoring_pairs(actor).await?;
    Ok(Json(MyMentoringDto {
        profiles: profiles.iter().map(Into::into).collect(),
        pairs: pairs.iter().map(Into::into).collect(),
    }))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct SideQuery {
    /// `mentor` or `mentee`; both when left out.
    side: Option<String>,
}

/// Every profile, or one side's (mentor coordinator, admin). The read is audited.
#[utoipa::path(get, path = "/mentoring/profiles", tag = "mentoring", params(SideQuery),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = [ProfileDto]), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub(super) async fn list_profiles(
    ctx: Ctx,
    Params(q): Params<SideQuery>,
) -> ApiResult<Json<Vec<ProfileDto>>> {
    let side = match q.side.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(s.parse::<Side>().map_err(AppError::from)?),
    };
    let all = ctx.app.mentoring_profiles(ctx.actor.as_ref(), side).await?;
    Ok(Json(all.iter().map(Into::into).collect()))
}

async fn profile_dto(ctx: &Ctx, id: i64) -> ApiResult<ProfileDto> {
    Ok((&ctx.app.mentoring_profile(ctx.actor.as_ref(), id).await?).into())
}

/// Registers a mentor or mentee (mentor coordinator, admin). The same person twice is refused.
#[utoipa::path(post, path = "/mentoring/profiles", tag = "mentoring", request_body = wire::ProfileInput,
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 201, body = ProfileDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn create_profile(
    ctx: Ctx,
    Input(input): Input<ProfileInput>,
) -> ApiResult<(StatusCode, Json<ProfileDto>)> {
    let id = ctx
        .app
        .create_mentoring_profile(ctx.actor.as_ref(), &input)
        .await?;
    Ok((StatusCode::CREATED, Json(profile_dto(&ctx, id).await?)))
}

/// One profile (mentor coordinator, admin, or the person it is linked to). The read is audited.
#[utoipa::path(get, path = "/mentoring/profiles/{id}", tag = "mentoring",
    params(("id" = i64, Path, description = "Profile id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = ProfileDto), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub(super) async fn profile(ctx: Ctx, Ids(id): Ids<i64>) -> ApiResult<Json<ProfileDto>> {
    Ok(Json(profile_dto(&ctx, id).await?))
}

/// Corrects a profile (mentor coordinator, admin, or the person it is linked to, who cannot
/// link it to another account); `version` must be the one read.
#[utoipa::path(put, path = "/mentoring/profiles/{id}", tag = "mentoring", request_body = wire::ProfileInput,
    params(("id" = i64, Path, description = "Profile id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = ProfileDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
              (status = 422, body = Problem)))]
pub(super) async fn update_profile(
    ctx: Ctx,
    Ids(id): Ids<i64>,
    Input(input): Input<ProfileInput>,
) -> ApiResult<Json<ProfileDto>> {
    ctx.app
        .update_mentoring_profile(ctx.actor.as_ref(), id, &input)
        .await?;
    Ok(Json(profile_dto(&ctx, id).await?))
}

/// Deletes a profile with every pair and record it is part of (mentor coordinator, admin,
/// or the person it is linked to).
#[utoipa::path(delete, path = "/mentoring/profiles/{id}", tag = "mentoring",
    params(("id" = i64, Path, description = "Profile id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub(super) async fn delete_profile(ctx: Ctx, Ids(id): Ids<i64>) -> ApiResult<StatusCode> {
    ctx.app
        .delete_mentoring_profile(ctx.actor.as_ref(), id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

// ── Rules and matching ────────────────────────────────────────────────────────────────

async fn rules_dto(ctx: &Ctx) -> ApiResult<RulesDto> {
    let (rules, version) = ctx.app.mentoring_rules(ctx.actor.as_ref()).await?;
    Ok(RulesDto::new(&rules, version))
}

/// The matching rules (mentor coordinator, admin).
#[utoipa::path(get, path = "/mentoring/rules", tag = "mentoring",
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = RulesDto), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub(super) async fn rules(ctx: Ctx) -> ApiResult<Json<RulesDto>> {
    Ok(Json(rules_dto(&ctx).await?))
}

/// Changes the matching rules (mentor coordinator, admin); `version` must be the one read.
#[utoipa::path(put, path = "/mentoring/rules", tag = "mentoring", request_body = wire::RulesInput,
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = RulesDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn set_rules(
    ctx: Ctx,
    Input(input): Input<RulesInput>,
) -> ApiResult<Json<RulesDto>> {
    ctx.app
        .set_mentoring_rules(ctx.actor.as_ref(), &input)
        .await?;
    Ok(Json(rules_dto(&ctx).await?))
}

async fn pair_rule_dtos(ctx: &Ctx) -> ApiResult<Vec<PairRuleDto>> {
    let all = ctx.app.mentoring_pair_rules(ctx.actor.as_ref()).await?;
    Ok(all.iter().map(Into::into).collect())
}

/// The locks and exclusions for the next matching run (mentor coordinator, admin).
#[utoipa::path(get, path = "/mentoring/pair-rules", tag = "mentoring",
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = [PairRuleDto]), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub(super) async fn pair_rules(ctx: Ctx) -> ApiResult<Json<Vec<PairRuleDto>>> {
    Ok(Json(pair_rule_dtos(&ctx).await?))
}

/// Locks or excludes a mentor and a mentee, or (with an empty `kind`) lifts what was set
/// (mentor coordinator, admin). Answers with every rule as it now stands.
#[utoipa::path(post, path = "/mentoring/pair-rules", tag = "mentoring", request_body = wire::PairRuleInput,
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = [PairRuleDto]), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn set_pair_rule(
    ctx: Ctx,
    Input(input): Input<PairRuleInput>,
) -> ApiResult<Json<Vec<PairRuleDto>>> {
    ctx.app
        .set_mentoring_pair_rule(ctx.actor.as_ref(), &input)
        .await?;
    Ok(Json(pair_rule_dtos(&ctx).await?))
}

/// What a matching run would propose now, with who would be left unmatched and why; stores
/// nothing (mentor coordinator, admin).
#[utoipa::path(get, path = "/mentoring/matching", tag = "mentoring",
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = MatchOutcomeDto), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 422, body = Problem)))]
pub(super) async fn preview_matching(ctx: Ctx) -> ApiResult<Json<MatchOutcomeDto>> {
    let outcome = ctx.app.preview_mentor_matching(ctx.actor.as_ref()).await?;
    Ok(Json((&outcome).into()))
}

/// Runs the matching and stores its proposal as pairs in status `proposed`, replacing
/// proposals nobody accepted (mentor coordinator, admin). A run in which nobody can be
/// matched is refused and changes nothing.
#[utoipa::path(post, path = "/mentoring/matching", tag = "mentoring",
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 201, body = MatchOutcomeDto), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 409, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn run_matching(ctx: Ctx) -> ApiResult<(StatusCode, Json<MatchOutcomeDto>)> {
    let outcome = ctx.app.run_mentor_matching(ctx.actor.as_ref()).await?;
    Ok((StatusCode::CREATED, Json((&outcome).into())))
}

// ── Pairs ─────────────────────────────────────────────────────────────────────────────

/// Every pair (mentor coordinator, admin). The read is audited.
#[utoipa::path(get, path = "/mentoring/pairs", tag = "mentoring",
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = [PairDto]), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub(super) async fn pairs(ctx: Ctx) -> ApiResult<Json<Vec<PairDto>>> {
    let all = ctx.app.mentoring_pairs(ctx.actor.as_ref()).await?;
    Ok(Json(all.iter().map(Into::into).collect()))
}

/// One pair (mentor coordinator, admin, or either of the two). The read is audited.
#[utoipa::path(get, path = "/mentoring/pairs/{id}", tag = "mentoring",
    params(("id" = i64, Path, description = "Pair id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = PairDto), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub(super) async fn pair(ctx: Ctx, Ids(id): Ids<i64>) -> ApiResult<Json<PairDto>> {
    let p = ctx.app.mentoring_pair(ctx.actor.as_ref(), id).await?;
    Ok(Json((&p).into()))
}

/// Moves a pair on: `accept` (each side for itself, or the coordinator for them), `start`,
/// `complete` or `end-early` (mentor coordinator, admin); `version` must be the one read.
#[utoipa::path(post, path = "/mentoring/pairs/{id}/changes", tag = "mentoring", request_body = wire::PairChangeInput,
    params(("id" = i64, Path, description = "Pair id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = PairDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
              (status = 422, body = Problem)))]
pub(super) async fn change_pair(
    ctx: Ctx,
    Ids(id): Ids<i64>,
    Input(input): Input<PairChangeInput>,
) -> ApiResult<Json<PairDto>> {
    let p = ctx
        .app
        .change_mentoring_pair(ctx.actor.as_ref(), id, &input)
        .await?;
    Ok(Json((&p).into()))
}

/// A pair's meetings, check-ins and outcomes (mentor coordinator, admin, or either of the two).
#[utoipa::path(get, path = "/mentoring/pairs/{id}/log", tag = "mentoring",
    params(("id" = i64, Path, description = "Pair id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = PairLogDto), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub(super) async fn pair_log(ctx: Ctx, Ids(id): Ids<i64>) -> ApiResult<Json<PairLogDto>> {
    let log = ctx.app.mentoring_pair_log(ctx.actor.as_ref(), id).await?;
    Ok(Json((&log).into()))
}

/// Logs a meeting of a started pair (mentor coordinator, admin, or the pair's mentor).
#[utoipa::path(post, path = "/mentoring/pairs/{id}/meetings", tag = "mentoring", request_body = wire::MeetingInput,
    params(("id" = i64, Path, description = "Pair id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 201, body = MeetingDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn log_meeting(
    ctx: Ctx,
    Ids(id): Ids<i64>,
    Input(input): Input<MeetingInput>,
) -> ApiResult<(StatusCode, Json<MeetingDto>)> {
    let actor = ctx.actor.as_ref();
    let meeting = ctx.app.log_mentoring_meeting(actor, id, &input).await?;
    let log = ctx.app.mentoring_pair_log(actor, id).await?;
    created(
        &log.meetings,
        |m| m.id == meeting,
        || format!("meeting #{meeting}"),
    )
}

/// Records (or corrects) the midway or final check-in of a started pair (mentor coordinator, admin).
#[utoipa::path(post, path = "/mentoring/pairs/{id}/check-ins", tag = "mentoring", request_body = wire::CheckInInput,
    params(("id" = i64, Path, description = "Pair id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 201, body = CheckInDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn record_check_in(
    ctx: Ctx,
    Ids(id): Ids<i64>,
    Input(input): Input<CheckInInput>,
) -> ApiResult<(StatusCode, Json<CheckInDto>)> {
    let actor = ctx.actor.as_ref();
    ctx.app.record_mentoring_check_in(actor, id, &input).await?;
    let log = ctx.app.mentoring_pair_log(actor, id).await?;
    created(
        &log.check_ins,
        |c| c.fields.kind.code() == input.kind.trim(),
        || format!("check-in of pair #{id}"),
    )
}

/// Records (or corrects) a mentee's situation at a follow-up of a pair that has ended, once
/// it is due (mentor coordinator, admin).
#[utoipa::path(post, path = "/mentoring/pairs/{id}/outcomes", tag = "mentoring", request_body = wire::OutcomeInput,
    params(("id" = i64, Path, description = "Pair id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 201, body = OutcomeDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn record_outcome(
    ctx: Ctx,
    Ids(id): Ids<i64>,
    Input(input): Input<OutcomeInput>,
) -> ApiResult<(StatusCode, Json<OutcomeDto>)> {
    let actor = ctx.actor.as_ref();
    ctx.app.record_mentoring_outcome(actor, id, &input).await?;
    let log = ctx.app.mentoring_pair_log(actor, id).await?;
    created(
        &log.outcomes,
        |o| o.fields.follow_up.code() == input.follow_up.trim(),
        || format!("outcome of pair #{id}"),
    )
}

/// The programme's output indicators as of today: counts, no people (mentor coordinator,
/// admin, project leader, steering group).
#[utoipa::path(get, path = "/mentoring/indicators", tag = "mentoring",
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = MentoringIndicatorsDto), (status = 401, body = Problem),
              (status = 403, body = Problem)))]
pub(super) async fn mentoring_indicators(ctx: Ctx) -> ApiResult<Json<MentoringIndicatorsDto>> {
    let i = ctx.app.mentoring_indicators(ctx.actor.as_ref()).await?;
    Ok(Json((&i).into()))
}

// ── Workplace cohorts ─────────────────────────────────────────────────────────────────

async fn cohort_detail(ctx: &Ctx, id: i64) -> ApiResult<domain::mentor::CohortDetail> {
    Ok(ctx.app.mentoring_cohort(ctx.actor.as_ref(), id).await?)
}

/// Every workplace cohort: employers and names (mentor coordinator, admin).
#[utoipa::path(get, path = "/mentoring/cohorts", tag = "mentoring",
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = [CohortDto]), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub(super) async fn cohorts(ctx: Ctx) -> ApiResult<Json<Vec<CohortDto>>> {
    let all = ctx.app.mentoring_cohorts(ctx.actor.as_ref()).await?;
    Ok(Json(all.iter().map(Into::into).collect()))
}

/// Starts a workplace cohort (mentor coordinator, admin).
#[utoipa::path(post, path = "/mentoring/cohorts", tag = "mentoring", request_body = wire::CohortInput,
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 201, body = CohortDetailDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn create_cohort(
    ctx: Ctx,
    Input(input): Input<CohortInput>,
) -> ApiResult<(StatusCode, Json<CohortDetailDto>)> {
    let id = ctx
        .app
        .create_mentoring_cohort(ctx.actor.as_ref(), &input)
        .await?;
    let d = cohort_detail(&ctx, id).await?;
    Ok((StatusCode::CREATED, Json((&d).into())))
}

/// A cohort with its mentors, sessions, attendance and evaluations (mentor coordinator,
/// admin). The read is audited.
#[utoipa::path(get, path = "/mentoring/cohorts/{id}", tag = "mentoring",
    params(("id" = i64, Path, description = "Cohort id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = CohortDetailDto), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub(super) async fn cohort(ctx: Ctx, Ids(id): Ids<i64>) -> ApiResult<Json<CohortDetailDto>> {
    Ok(Json((&cohort_detail(&ctx, id).await?).into()))
}

/// Changes a cohort (mentor coordinator, admin); `version` must be the one read.
#[utoipa::path(put, path = "/mentoring/cohorts/{id}", tag = "mentoring", request_body = wire::CohortInput,
    params(("id" = i64, Path, description = "Cohort id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = CohortDetailDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
              (status = 422, body = Problem)))]
pub(super) async fn update_cohort(
    ctx: Ctx,
    Ids(id): Ids<i64>,
    Input(input): Input<CohortInput>,
) -> ApiResult<Json<CohortDetailDto>> {
    ctx.app
        .update_mentoring_cohort(ctx.actor.as_ref(), id, &input)
        .await?;
    Ok(Json((&cohort_detail(&ctx, id).await?).into()))
}

/// Adds an employee as a mentor of the cohort, by name (mentor coordinator, admin).
#[utoipa::path(post, path = "/mentoring/cohorts/{id}/mentors", tag = "mentoring", request_body = wire::CohortMentorInput,
    params(("id" = i64, Path, description = "Cohort id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 201, body = CohortMentorDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn add_cohort_mentor(
    ctx: Ctx,
    Ids(id): Ids<i64>,
    Input(input): Input<CohortMentorInput>,
) -> ApiResult<(StatusCode, Json<CohortMentorDto>)> {
    let mentor = ctx
        .app
        .add_mentoring_cohort_mentor(ctx.actor.as_ref(), id, &input)
        .await?;
    let d = cohort_detail(&ctx, id).await?;
    created(
        &d.mentors,
        |m| m.id == mentor,
        || format!("cohort mentor #{mentor}"),
    )
}

/// Removes a mentor from the cohort, with their attendance (mentor coordinator, admin).
#[utoipa::path(delete, path = "/mentoring/cohorts/{id}/mentors/{mentor_id}", tag = "mentoring",
    params(("id" = i64, Path, description = "Cohort id"), ("mentor_id" = i64, Path, description = "Cohort mentor id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem),
              (status = 404, body = Problem)))]
pub(super) async fn delete_cohort_mentor(
    ctx: Ctx,
    Ids((id, mentor)): Ids<(i64, i64)>,
) -> ApiResult<StatusCode> {
    // The app knows mentors by their own id; the path must name the cohort they are in.
    if !cohort_detail(&ctx, id)
        .await?
        .mentors
        .iter()
        .any(|m| m.id == mentor)
    {
        return Err(AppError::NotFound(format!("mentor #{mentor} of cohort #{id}")).into());
    }
    ctx.app
        .delete_mentoring_cohort_mentor(ctx.actor.as_ref(), mentor)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds a session; it may be planned ahead (mentor coordinator, admin).
#[utoipa::path(post, path = "/mentoring/cohorts/{id}/sessions", tag = "mentoring", request_body = wire::SessionInput,
    params(("id" = i64, Path, description = "Cohort id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 201, body = CohortSessionDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn add_session(
    ctx: Ctx,
    Ids(id): Ids<i64>,
    Input(input): Input<SessionInput>,
) -> ApiResult<(StatusCode, Json<CohortSessionDto>)> {
    let session = ctx
        .app
        .add_mentoring_session(ctx.actor.as_ref(), id, &input)
        .await?;
    let d = cohort_detail(&ctx, id).await?;
    created(
        &d.sessions,
        |s| s.id == session,
        || format!("session #{session}"),
    )
}

/// Sets who attended a session: exactly these mentors of its cohort (mentor coordinator, admin).
#[utoipa::path(put, path = "/mentoring/sessions/{id}/attendance", tag = "mentoring", request_body = AttendanceInput,
    params(("id" = i64, Path, description = "Session id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 200, body = SessionAttendanceDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn set_attendance(
    ctx: Ctx,
    Ids(id): Ids<i64>,
    Body(input): Body<AttendanceInput>,
) -> ApiResult<Json<SessionAttendanceDto>> {
    ctx.app
        .set_mentoring_attendance(ctx.actor.as_ref(), id, &input.mentor_ids)
        .await?;
    let mut mentor_ids = input.mentor_ids;
    mentor_ids.sort_unstable();
    mentor_ids.dedup();
    Ok(Json(SessionAttendanceDto {
        session_id: id,
        mentor_ids,
    }))
}

/// Records what participants thought of a session or the whole cohort (mentor coordinator, admin).
#[utoipa::path(post, path = "/mentoring/cohorts/{id}/evaluations", tag = "mentoring", request_body = wire::EvaluationInput,
    params(("id" = i64, Path, description = "Cohort id")),
    security(("session_cookie" = []), ("bearer" = [])),
    responses((status = 201, body = EvaluationDto), (status = 400, body = Problem), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn add_evaluation(
    ctx: Ctx,
    Ids(id): Ids<i64>,
    Input(input): Input<EvaluationInput>,
) -> ApiResult<(StatusCode, Json<EvaluationDto>)> {
    let evaluation = ctx
        .app
        .add_mentoring_evaluation(ctx.actor.as_ref(), id, &input)
        .await?;
    let d = cohort_detail(&ctx, id).await?;
    created(
        &d.evaluations,
        |e| e.id == evaluation,
        || format!("evaluation #{evaluation}"),
    )
}
