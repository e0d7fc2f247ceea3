//! The newcomer service's pages: the staff's cases and their forms, a newcomer's own
//! page with export and erasure, the arrival cohorts, and the welcome pages. Ids in URLs,
//! names only in pages; the router marks every answer about a person not to be stored.

use app::newcomer::{
    CaseInput, ConsentInput, FollowUpInput, HouseholdMemberInput, OwnCorrectionInput,
    RentToOwnInput, StepInput, WithdrawalInput,
};
use app::AppError;
use axum::extract::{Form, Path};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use domain::access::Permission;
use domain::newcomer::{due_follow_ups, CaseDetail};
use domain::FieldError;

use super::{
    after_form, comma_list, error_page, field, form_with, optional_number, page,
    plan_municipalities, Fields, PageResult,
};
use crate::context::Ctx;
use crate::problem::classify;

const LIST: &str = "/newcomers";
const OWN: &str = "/newcomers/me";

fn is_staff(ctx: &Ctx) -> bool {
    ctx.can().list_newcomer_cases
}

/// GET /newcomers
pub async fn list(ctx: Ctx) -> PageResult {
    let cases = ctx
        .app
        .newcomer_cases(ctx.actor.as_ref())
        .await
        .map_err(|e| error_page(&ctx, e, LIST))?;
    let municipalities = plan_municipalities(&ctx, LIST).await?;
    let body = render::newcomers(&ctx.chrome(), &cases, &municipalities, is_staff(&ctx));
    Ok(page(StatusCode::OK, body))
}

/// "partner 1985, child 2016": each entry a relation and a year of birth.
fn household(text: &str, errors: &mut Vec<FieldError>) -> Vec<HouseholdMemberInput> {
    let mut members = Vec::new();
    for entry in comma_list(text) {
        match entry.rsplit_once(char::is_whitespace) {
            Some((relation, year)) if year.parse::<i32>().is_ok() => {
                members.push(HouseholdMemberInput {
                    relation: relation.trim().to_string(),
                    birth_year: year.parse().unwrap_or_default(),
                })
            }
            _ => errors.push(FieldError::new(
                "household",
                format!(
                    "`{}`: give a relation and a year of birth, like `child 2016`",
                    entry.chars().take(40).collect::<String>()
                ),
            )),
        }
    }
    members
}

/// Every value of a field that may be sent more than once (ticked boxes).
fn all(fields: &Fields, name: &str) -> Vec<String> {
    fields
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

fn case_input(fields: &Fields, contact_person: Option<i64>) -> Result<CaseInput, AppError> {
    let mut errors = Vec::new();
    let household = household(field(fields, "household"), &mut errors);
    let account_id = optional_number(fields, "account_id", &mut errors);
    let version = optional_number(fields, "version", &mut errors);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    Ok(CaseInput {
        name: field(fields, "name").to_string(),
        phone: field(fields, "phone").to_string(),
        email: field(fields, "email").to_string(),
        municipality: field(fields, "municipality").to_string(),
        arrival_date: field(fields, "arrival_date").to_string(),
        category: field(fields, "category").to_string(),
        household,
        languages: comma_list(field(fields, "languages")),
        needs: all(fields, "needs"),
        contact_person,
        account_id,
        version,
    })
}

async fn new_page(ctx: &Ctx, form: &render::Form, status: StatusCode) -> PageResult {
    let municipalities = plan_municipalities(ctx, LIST).await?;
    Ok(page(
        status,
        render::new_newcomer(&ctx.chrome(), &municipalities, form),
    ))
}

/// GET /newcomers/new
pub async fn new_case(ctx: Ctx) -> PageResult {
    app::authorise(ctx.actor.as_ref(), Permission::ListNewcomerCases)
        .map_err(|e| error_page(&ctx, e, "/newcomers/new"))?;
    new_page(&ctx, &render::Form::default(), StatusCode::OK).await
}

/// POST /newcomers
pub async fn create(ctx: Ctx, Form(fields): Form<Fields>) -> PageResult {
    let created = match case_input(&fields, None) {
        Ok(input) => {
            ctx.app
                .create_newcomer_case(ctx.actor.as_ref(), &input)
                .await
        }
        Err(e) => Err(e),
    };
    match created {
        Ok(id) => Ok(Redirect::to(&format!("{LIST}/{id}")).into_response()),
        Err(e @ AppError::Invalid(_)) => {
            let (status, _) = classify(&e);
            Err(new_page(&ctx, &form_with(fields, &e), status).await?)
        }
        Err(e) => Err(error_page(&ctx, e, "/newcomers/new")),
    }
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
    Ok(page(status, body))
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
        .map_err(|e| error_page(ctx, e, &format!("{LIST}/{id}")))?;
    case_page(ctx, &detail, true, form, form_name, status).await
}

/// GET /newcomers/{id}; the person themselves is sent to their own page.
pub async fn show(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    if !is_staff(&ctx) {
        let back = format!("{LIST}/{id}");
        ctx.app
            .newcomer_case(ctx.actor.as_ref(), id)
            .await
            .map_err(|e| error_page(&ctx, e, &back))?;
        return Ok(Redirect::to(OWN).into_response());
    }
    staff_case(&ctx, id, &render::Form::default(), "", StatusCode::OK).await
}

/// Back to the case, or the case again with what to fix in the form that was sent.
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
        |form, status| async move { staff_case(ctx, id, &form, form_name, status).await },
    )
    .await
}

/// POST /newcomers/{id}: the staff's edit; the contact person stays who it was.
pub async fn update(ctx: Ctx, Path(id): Path<i64>, Form(fields): Form<Fields>) -> PageResult {
    let actor = ctx.actor.as_ref();
    let result = match ctx.app.newcomer_case(actor, id).await {
        Ok(d) => match case_input(&fields, d.case.fields.contact_person) {
            Ok(input) => ctx
                .app
                .update_newcomer_case(actor, id, &input)
                .await
                .map(|_| ()),
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    after(&ctx, id, "case", fields, result).await
}

/// POST /newcomers/{id}/steps
pub async fn step(ctx: Ctx, Path(id): Path<i64>, Form(fields): Form<Fields>) -> PageResult {
    let input = StepInput {
        kind: field(&fields, "kind").to_string(),
        done_on: field(&fields, "done_on").to_string(),
    };
    let result = ctx
        .app
        .set_newcomer_step(ctx.actor.as_ref(), id, &input)
        .await;
    after(&ctx, id, "step", fields, result).await
}

/// POST /newcomers/{id}/follow-ups
pub async fn follow_up(ctx: Ctx, Path(id): Path<i64>, Form(fields): Form<Fields>) -> PageResult {
    let input = FollowUpInput {
        at: field(&fields, "at").to_string(),
        recorded_on: field(&fields, "recorded_on").to_string(),
        residence: field(&fields, "residence").to_string(),
    };
    let result = ctx
        .app
        .record_newcomer_follow_up(ctx.actor.as_ref(), id, &input)
        .await;
    after(&ctx, id, "follow-up", fields, result).await
}

/// POST /newcomers/{id}/consents
pub async fn consent(ctx: Ctx, Path(id): Path<i64>, Form(fields): Form<Fields>) -> PageResult {
    let input = ConsentInput {
        purpose: field(&fields, "purpose").to_string(),
        basis: field(&fields, "basis").to_string(),
        given_on: field(&fields, "given_on").to_string(),
        text_version: field(&fields, "text_version").to_string(),
    };
    let result = ctx
        .app
        .record_newcomer_consent(ctx.actor.as_ref(), id, &input)
        .await
        .map(|_| ());
    after(&ctx, id, "consent", fields, result).await
}

async fn withdraw(ctx: &Ctx, case_id: i64, fields: &Fields) -> Result<(), AppError> {
    let mut errors = Vec::new();
    let consent = optional_number(fields, "consent_id", &mut errors);
    let Some(consent) = consent.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(vec![FieldError::new(
            "consent_id",
            "expected the number of a consent",
        )]));
    };
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
    Form(fields): Form<Fields>,
) -> PageResult {
    let result = withdraw(&ctx, id, &fields).await;
    after(&ctx, id, "", fields, result).await
}

/// POST /newcomers/{id}/rent-to-own
pub async fn rent_to_own(ctx: Ctx, Path(id): Path<i64>, Form(fields): Form<Fields>) -> PageResult {
    let mut errors = Vec::new();
    let version = optional_number(&fields, "version", &mut errors);
    let result = if errors.is_empty() {
        let input = RentToOwnInput {
            selected_on: field(&fields, "selected_on").to_string(),
            home_bought_on: field(&fields, "home_bought_on").to_string(),
            renting_from: field(&fields, "renting_from").to_string(),
            purchased_on: field(&fields, "purchased_on").to_string(),
            followed_up_on: field(&fields, "followed_up_on").to_string(),
            version,
        };
        ctx.app
            .set_newcomer_rent_to_own(ctx.actor.as_ref(), id, &input)
            .await
            .map(|_| ())
    } else {
        Err(AppError::Invalid(errors))
    };
    after(&ctx, id, "rent", fields, result).await
}

/// Everything held about the person, as a JSON download.
async fn export(ctx: &Ctx, id: i64, back: &str) -> PageResult {
    let data = ctx
        .app
        .export_newcomer_case(ctx.actor.as_ref(), id)
        .await
        .map_err(|e| error_page(ctx, e, back))?;
    let body = serde_json::to_vec_pretty(&data)
        .map_err(|e| error_page(ctx, AppError::Internal(e.to_string()), back))?;
    let mut res = body.into_response();
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
    match ctx.app.erase_newcomer_case(ctx.actor.as_ref(), id).await {
        Ok(()) => Ok(Redirect::to(LIST).into_response()),
        Err(e) => Err(error_page(&ctx, e, &format!("{LIST}/{id}"))),
    }
}

/// The signed-in person's own case, or the page that says there is none.
async fn own_case(ctx: &Ctx) -> Result<Option<CaseDetail>, Response> {
    ctx.app
        .my_newcomer_case(ctx.actor.as_ref())
        .await
        .map_err(|e| error_page(ctx, e, OWN))
}

async fn own_page(ctx: &Ctx, form: &render::Form, status: StatusCode) -> PageResult {
    match own_case(ctx).await? {
        Some(d) => case_page(ctx, &d, false, form, "case", status).await,
        None => Ok(page(
            StatusCode::OK,
            render::no_newcomer_case(&ctx.chrome()),
        )),
    }
}

/// GET /newcomers/me
pub async fn own(ctx: Ctx) -> PageResult {
    own_page(&ctx, &render::Form::default(), StatusCode::OK).await
}

fn no_case() -> AppError {
    AppError::NotFound("a newcomer case linked to your account".into())
}

/// POST /newcomers/me: the person's own correction.
pub async fn correct(ctx: Ctx, Form(fields): Form<Fields>) -> PageResult {
    let Some(d) = own_case(&ctx).await? else {
        return Err(error_page(&ctx, no_case(), OWN));
    };
    let mut errors = Vec::new();
    let version = optional_number(&fields, "version", &mut errors);
    let result = if errors.is_empty() {
        let input = OwnCorrectionInput {
            name: field(&fields, "name").to_string(),
            phone: field(&fields, "phone").to_string(),
            email: field(&fields, "email").to_string(),
            languages: comma_list(field(&fields, "languages")),
            needs: all(&fields, "needs"),
            version,
        };
        ctx.app
            .correct_newcomer_case(ctx.actor.as_ref(), d.case.id, &input)
            .await
            .map(|_| ())
    } else {
        Err(AppError::Invalid(errors))
    };
    match result {
        Ok(()) => Ok(Redirect::to(OWN).into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            let (status, _) = classify(&e);
            Err(own_page(&ctx, &form_with(fields, &e), status).await?)
        }
        Err(e) => Err(error_page(&ctx, e, OWN)),
    }
}

/// GET /newcomers/me/export
pub async fn export_own(ctx: Ctx) -> PageResult {
    let Some(d) = own_case(&ctx).await? else {
        return Err(error_page(&ctx, no_case(), OWN));
    };
    export(&ctx, d.case.id, OWN).await
}

/// POST /newcomers/me/erase
pub async fn erase_own(ctx: Ctx) -> PageResult {
    let Some(d) = own_case(&ctx).await? else {
        return Err(error_page(&ctx, no_case(), OWN));
    };
    match ctx
        .app
        .erase_newcomer_case(ctx.actor.as_ref(), d.case.id)
        .await
    {
        Ok(()) => Ok(Redirect::to(OWN).into_response()),
        Err(e) => Err(error_page(&ctx, e, OWN)),
    }
}

/// POST /newcomers/me/consents/withdraw
pub async fn withdraw_own(ctx: Ctx, Form(fields): Form<Fields>) -> PageResult {
    let Some(d) = own_case(&ctx).await? else {
        return Err(error_page(&ctx, no_case(), OWN));
    };
    match withdraw(&ctx, d.case.id, &fields).await {
        Ok(()) => Ok(Redirect::to(OWN).into_response()),
        Err(e) => Err(error_page(&ctx, e, OWN)),
    }
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
    .map_err(|e| error_page(&ctx, e, "/newcomers/cohorts"))?;
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
        None => Err(error_page(
            &ctx,
            AppError::NotFound(format!(
                "the welcome page in `{}`",
                tag.chars().take(10).collect::<String>()
            )),
            "/welcome",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn household_entries_are_a_relation_and_a_year() {
        let mut errors = Vec::new();
        let h = household("partner 1985, child 2016", &mut errors);
        assert!(errors.is_empty());
        assert_eq!((h[1].relation.as_str(), h[1].birth_year), ("child", 2016));
        household("child", &mut errors);
        assert_eq!(errors[0].field, "household");
    }
}
