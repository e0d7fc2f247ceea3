//! The newcomer service's pages: the staff's cases and their forms, a newcomer's own
//! page with export and erasure, the arrival cohorts, and the welcome pages. Ids in URLs,
//! names only in pages; every answer about a person is marked not to be stored.

use app::newcomer::{
    CaseInput, ConsentInput, FollowUpInput, OwnCorrectionInput, RentToOwnInput, StepInput,
    WithdrawalInput,
};
use app::{comma_list, AppError, Unread};
use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::access::Permission;
use domain::newcomer::{due_follow_ups, CaseDetail};
use serde::Deserialize;

use super::{
    after_form, many, page, plan_municipalities, redirect, Fields, OrPage, PageError, PageResult,
    Sent,
};
use crate::context::Ctx;

const LIST: &str = "/newcomers";
const OWN: &str = "/newcomers/me";

/// A page about a person: not to be kept by the browser or anything between.
fn private(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

fn is_staff(ctx: &Ctx) -> bool {
    ctx.can().list_newcomer_cases
}

/// GET /newcomers
pub async fn list(ctx: Ctx) -> PageResult {
    let cases = ctx
        .app
        .newcomer_cases(ctx.actor.as_ref())
        .await
        .or_page(&ctx, LIST)?;
    let municipalities = plan_municipalities(&ctx, LIST).await?;
    let body = render::newcomers(&ctx.chrome(), &cases, &municipalities, is_staff(&ctx));
    Ok(private(page(StatusCode::OK, body)))
}

/// The staff's case form; the contact person is not on it.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CaseForm {
    name: String,
    phone: String,
    email: String,
    municipality: String,
    arrival_date: String,
    category: String,
    /// "partner 1985, child 2016".
    household: String,
    /// "polsk, engelsk".
    languages: String,
    #[serde(deserialize_with = "many")]
    needs: Vec<String>,
    account_id: String,
    version: String,
}

impl From<CaseForm> for CaseInput {
    fn from(f: CaseForm) -> CaseInput {
        let mut unread = Unread::default();
        CaseInput {
            household: unread.household(&f.household),
            account_id: unread.number("account_id", &f.account_id),
            version: unread.number("version", &f.version),
            name: f.name,
            phone: f.phone,
            email: f.email,
            municipality: f.municipality,
            arrival_date: f.arrival_date,
            category: f.category,
            languages: comma_list(&f.languages),
            needs: f.needs,
            contact_person: None,
            unread,
        }
    }
}

async fn new_page(ctx: &Ctx, form: &render::Form, status: StatusCode) -> PageResult {
    let municipalities = plan_municipalities(ctx, LIST).await?;
    Ok(private(page(
        status,
        render::new_newcomer(&ctx.chrome(), &municipalities, form),
    )))
}

/// GET /newcomers/new
pub async fn new_case(ctx: Ctx) -> PageResult {
    app::authorise(ctx.actor.as_ref(), Permission::ListNewcomerCases)
        .or_page(&ctx, "/newcomers/new")?;
    new_page(&ctx, &render::Form::default(), StatusCode::OK).await
}

/// POST /newcomers
pub async fn create(ctx: Ctx, sent: Sent<CaseForm>) -> PageResult {
    let created = ctx
        .app
        .create_newcomer_case(ctx.actor.as_ref(), &sent.form.into())
        .await;
    let ctx = &ctx;
    after_form(
        ctx,
        "/newcomers/new",
        sent.values,
        created,
        |id| redirect(&format!("{LIST}/{id}")),
        |form, status| async move { new_page(ctx, &form, status).await },
    )
    .await
}

async fn case_page(
    ctx: &Ctx,
    detail: &CaseDetail,
    staff: bool,
    form: &render::Form,
    form_name: &str,
    status: StatusCode,
) -> PageResult {
    let municipalities = plan_municipalities(ctx, LIST).await?;
    let recorded: Vec<_> = detail.follow_ups.iter().map(|f| f.fields.clone()).collect();
    let due = due_follow_ups(detail.case.fields.arrival_date, &recorded, app::today());
    let body = render::newcomer_case(
        &ctx.chrome(),
        &render::CasePage {
            detail,
            municipalities: &municipalities,
            due: &due,
            staff,
            form,
            form_name,
        },
    );
    Ok(private(page(status, body)))
}

async fn staff_case(
    ctx: &Ctx,
    id: i64,
    form: &render::Form,
    form_name: &str,
    status: StatusCode,
) -> PageResult {
    let detail = ctx
        .app
        .newcomer_case(ctx.actor.as_ref(), id)
        .await
        .or_page(ctx, &format!("{LIST}/{id}"))?;
    case_page(ctx, &detail, true, form, form_name, status).await
}

/// GET /newcomers/{id}; the person themselves is sent to their own page.
pub async fn show(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    if !is_staff(&ctx) {
        ctx.app
            .newcomer_case(ctx.actor.as_ref(), id)
            .await
            .or_page(&ctx, &format!("{LIST}/{id}"))?;
        return Ok(redirect(OWN));
    }
    staff_case(&ctx, id, &render::Form::default(), "", StatusCode::OK).await
}

/// Back to the case, or the case again with what to fix in the form that was sent.
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
        |form, status| async move { staff_case(ctx, id, &form, form_name, status).await },
    )
    .await
}

/// POST /newcomers/{id}: the staff's edit; the contact person stays who it was.
pub async fn update(ctx: Ctx, Path(id): Path<i64>, sent: Sent<CaseForm>) -> PageResult {
    let actor = ctx.actor.as_ref();
    let result = match ctx.app.newcomer_case(actor, id).await {
        Ok(d) => {
            let input = CaseInput {
                contact_person: d.case.fields.contact_person,
                ..sent.form.into()
            };
            ctx.app.update_newcomer_case(actor, id, &input).await
        }
        Err(e) => Err(e),
    };
    after(&ctx, id, "case", sent.values, result).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StepForm {
    kind: String,
    done_on: String,
}

impl From<StepForm> for StepInput {
    fn from(f: StepForm) -> StepInput {
        StepInput {
            kind: f.kind,
            done_on: f.done_on,
        }
    }
}

/// POST /newcomers/{id}/steps
pub async fn step(ctx: Ctx, Path(id): Path<i64>, sent: Sent<StepForm>) -> PageResult {
    let result = ctx
        .app
        .set_newcomer_step(ctx.actor.as_ref(), id, &sent.form.into())
        .await;
    after(&ctx, id, "step", sent.values, result).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FollowUpForm {
    at: String,
    recorded_on: String,
    residence: String,
}

impl From<FollowUpForm> for FollowUpInput {
    fn from(f: FollowUpForm) -> FollowUpInput {
        FollowUpInput {
            at: f.at,
            recorded_on: f.recorded_on,
            residence: f.residence,
        }
    }
}

/// POST /newcomers/{id}/follow-ups
pub async fn follow_up(ctx: Ctx, Path(id): Path<i64>, sent: Sent<FollowUpForm>) -> PageResult {
    let result = ctx
        .app
        .record_newcomer_follow_up(ctx.actor.as_ref(), id, &sent.form.into())
        .await;
    after(&ctx, id, "follow-up", sent.values, result).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ConsentForm {
    purpose: String,
    basis: String,
    given_on: String,
    text_version: String,
}

impl From<ConsentForm> for ConsentInput {
    fn from(f: ConsentForm) -> ConsentInput {
        ConsentInput {
            purpose: f.purpose,
            basis: f.basis,
            given_on: f.given_on,
            text_version: f.text_version,
        }
    }
}

/// POST /newcomers/{id}/consents
pub async fn consent(ctx: Ctx, Path(id): Path<i64>, sent: Sent<ConsentForm>) -> PageResult {
    let result = ctx
        .app
        .record_newcomer_consent(ctx.actor.as_ref(), id, &sent.form.into())
        .await;
    after(&ctx, id, "consent", sent.values, result).await
}

/// Which consent to withdraw; it is withdrawn today.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct WithdrawalForm {
    consent_id: String,
}

async fn withdraw(ctx: &Ctx, case_id: i64, form: &WithdrawalForm) -> Result<(), AppError> {
    let mut unread = Unread::default();
    let consent = unread.required_number(
        "consent_id",
        &form.consent_id,
        "expected the number of a consent",
    );
    unread.check()?;
    let input = WithdrawalInput {
        withdrawn_on: String::new(),
    };
    ctx.app
        .withdraw_newcomer_consent(ctx.actor.as_ref(), case_id, consent, &input)
        .await
}

/// POST /newcomers/{id}/consents/withdraw
pub async fn withdraw_consent(
    ctx: Ctx,
    Path(id): Path<i64>,
    sent: Sent<WithdrawalForm>,
) -> PageResult {
    let result = withdraw(&ctx, id, &sent.form).await;
    after(&ctx, id, "", sent.values, result).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RentToOwnForm {
    selected_on: String,
    home_bought_on: String,
    renting_from: String,
    purchased_on: String,
    followed_up_on: String,
    version: String,
}

impl From<RentToOwnForm> for RentToOwnInput {
    fn from(f: RentToOwnForm) -> RentToOwnInput {
        let mut unread = Unread::default();
        RentToOwnInput {
            version: unread.number("version", &f.version),
            selected_on: f.selected_on,
            home_bought_on: f.home_bought_on,
            renting_from: f.renting_from,
            purchased_on: f.purchased_on,
            followed_up_on: f.followed_up_on,
            unread,
        }
    }
}

/// POST /newcomers/{id}/rent-to-own
pub async fn rent_to_own(ctx: Ctx, Path(id): Path<i64>, sent: Sent<RentToOwnForm>) -> PageResult {
    let result = ctx
        .app
        .set_newcomer_rent_to_own(ctx.actor.as_ref(), id, &sent.form.into())
        .await;
    after(&ctx, id, "rent", sent.values, result).await
}

/// Everything held about the person, as a JSON download.
async fn export(ctx: &Ctx, id: i64, back: &str) -> PageResult {
    let data = ctx
        .app
        .export_newcomer_case(ctx.actor.as_ref(), id)
        .await
        .or_page(ctx, back)?;
    let body = serde_json::to_vec_pretty(&data)
        .map_err(|e| AppError::Internal(e.to_string()))
        .or_page(ctx, back)?;
    let mut res = private(body.into_response());
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"bulyst-case-{id}.json\""))
    {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

/// GET /newcomers/{id}/export
pub async fn export_case(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    export(&ctx, id, &format!("{LIST}/{id}")).await
}

/// POST /newcomers/{id}/erase
pub async fn erase(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    ctx.app
        .erase_newcomer_case(ctx.actor.as_ref(), id)
        .await
        .or_page(&ctx, &format!("{LIST}/{id}"))?;
    Ok(redirect(LIST))
}

/// The signed-in person's own case, or the page that says there is none.
async fn own_case(ctx: &Ctx) -> Result<Option<CaseDetail>, PageError> {
    ctx.app
        .my_newcomer_case(ctx.actor.as_ref())
        .await
        .or_page(ctx, OWN)
}

/// The signed-in person's own case, for what needs one.
async fn own_case_id(ctx: &Ctx) -> Result<i64, PageError> {
    match own_case(ctx).await? {
        Some(d) => Ok(d.case.id),
        None => Err(PageError::new(
            ctx,
            AppError::NotFound("a newcomer case linked to your account".into()),
            OWN,
        )),
    }
}

async fn own_page(ctx: &Ctx, form: &render::Form, status: StatusCode) -> PageResult {
    match own_case(ctx).await? {
        Some(d) => case_page(ctx, &d, false, form, "case", status).await,
        None => Ok(private(page(
            StatusCode::OK,
            render::no_newcomer_case(&ctx.chrome()),
        ))),
    }
}

/// GET /newcomers/me
pub async fn own(ctx: Ctx) -> PageResult {
    own_page(&ctx, &render::Form::default(), StatusCode::OK).await
}

/// What newcomers may correct in their own case.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CorrectionForm {
    name: String,
    phone: String,
    email: String,
    /// "polsk, engelsk".
    languages: String,
    #[serde(deserialize_with = "many")]
    needs: Vec<String>,
    version: String,
}

impl From<CorrectionForm> for OwnCorrectionInput {
    fn from(f: CorrectionForm) -> OwnCorrectionInput {
        let mut unread = Unread::default();
        OwnCorrectionInput {
            version: unread.number("version", &f.version),
            name: f.name,
            phone: f.phone,
            email: f.email,
            languages: comma_list(&f.languages),
            needs: f.needs,
            unread,
        }
    }
}

/// POST /newcomers/me: the person's own correction.
pub async fn correct(ctx: Ctx, sent: Sent<CorrectionForm>) -> PageResult {
    let id = own_case_id(&ctx).await?;
    let result = ctx
        .app
        .correct_newcomer_case(ctx.actor.as_ref(), id, &sent.form.into())
        .await;
    let ctx = &ctx;
    after_form(
        ctx,
        OWN,
        sent.values,
        result,
        |_| redirect(OWN),
        |form, status| async move { own_page(ctx, &form, status).await },
    )
    .await
}

/// GET /newcomers/me/export
pub async fn export_own(ctx: Ctx) -> PageResult {
    let id = own_case_id(&ctx).await?;
    export(&ctx, id, OWN).await
}

/// POST /newcomers/me/erase
pub async fn erase_own(ctx: Ctx) -> PageResult {
    let id = own_case_id(&ctx).await?;
    ctx.app
        .erase_newcomer_case(ctx.actor.as_ref(), id)
        .await
        .or_page(&ctx, OWN)?;
    Ok(redirect(OWN))
}

/// POST /newcomers/me/consents/withdraw
pub async fn withdraw_own(ctx: Ctx, sent: Sent<WithdrawalForm>) -> PageResult {
    let id = own_case_id(&ctx).await?;
    withdraw(&ctx, id, &sent.form).await.or_page(&ctx, OWN)?;
    Ok(redirect(OWN))
}

/// GET /newcomers/cohorts: every municipality for those who may see them, else the
/// region's public figures; small counts suppressed either way.
pub async fn cohorts(ctx: Ctx) -> PageResult {
    let actor = ctx.actor.as_ref();
    let scoped = ctx.can().read_newcomer_cohorts;
    let figures = if scoped {
        ctx.app.newcomer_cohorts(actor).await
    } else {
        ctx.app.public_newcomer_cohorts().await
    }
    .or_page(&ctx, "/newcomers/cohorts")?;
    let municipalities = plan_municipalities(&ctx, "/newcomers/cohorts").await?;
    Ok(page(
        StatusCode::OK,
        render::newcomer_cohorts(&ctx.chrome(), &figures, &municipalities, !scoped),
    ))
}

/// GET /welcome: the welcome text in the interface's language.
pub async fn welcome(ctx: Ctx) -> PageResult {
    let chrome = ctx.chrome();
    let w = render::welcome_default(&chrome);
    Ok(page(StatusCode::OK, render::welcome(&chrome, w)))
}

/// GET /welcome/{tag}: nn, nb, en, pl or uk.
pub async fn welcome_in(ctx: Ctx, Path(tag): Path<String>) -> PageResult {
    match render::find_welcome(&tag) {
        Some(w) => Ok(page(StatusCode::OK, render::welcome(&ctx.chrome(), w))),
        None => Err(PageError::new(
            &ctx,
            AppError::NotFound(format!(
                "the welcome page in `{}`",
                tag.chars().take(10).collect::<String>()
            )),
            "/welcome",
        )),
    }
}
