//! The mentor programme's pages: the coordinator's overview and matching, profiles, a
//! pair's life, and a person's own page. Ids in URLs, names only in pages.

use std::collections::BTreeMap;

use app::mentor::{
    effective_weights, CheckInInput, LanguageInput, MatchOutcome, MeetingInput, OutcomeInput,
    PairChangeInput, PairRuleInput, ProfileInput, RulesInput, CRITERIA,
};
use app::AppError;
use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use domain::access::Permission;
use domain::mentor::{PairLog, Profile, Side};
use domain::FieldError;

use super::{
    after_form, comma_list, error_page, field, form_with, optional_number, page,
    plan_municipalities, Fields, PageResult,
};
use crate::context::Ctx;
use crate::problem::classify;

const HOME: &str = "/mentoring";

fn manages(ctx: &Ctx) -> bool {
    ctx.can().manage_mentoring
}

async fn overview_page(ctx: &Ctx, run_form: &render::Form, status: StatusCode) -> PageResult {
    let actor = ctx.actor.as_ref();
    let fail = |e| error_page(ctx, e, HOME);
    // The steering group and the project leader follow the figures, not the people.
    let indicators = ctx.app.mentoring_indicators(actor).await.map_err(fail)?;
    let people = manages(ctx);
    let (profiles, pairs, rules, preview) = if people {
        let profiles = ctx
            .app
            .mentoring_profiles(actor, None)
            .await
            .map_err(fail)?;
        let pairs = ctx.app.mentoring_pairs(actor).await.map_err(fail)?;
        let rules = ctx.app.mentoring_pair_rules(actor).await.map_err(fail)?;
        // Who the matching would leave over now, and why; a problem it cannot solve at
        // all (nobody to match) lists nobody, and the run button says why when pressed.
        let preview = match ctx.app.preview_mentor_matching(actor).await {
            Ok(p) => Some(p),
            Err(AppError::Invalid(_)) => None,
            Err(e) => return Err(fail(e)),
        };
        (profiles, pairs, rules, preview)
    } else {
        Default::default()
    };
    let left_over: Vec<render::LeftOver> = preview
        .iter()
        .flat_map(|p: &MatchOutcome| p.unmatched.iter())
        .map(|u| render::LeftOver {
            side: u.side,
            profile_id: u.profile_id,
            reason: &u.reason,
            detail: &u.detail,
        })
        .collect();
    let municipalities = plan_municipalities(ctx, HOME).await?;
    let body = render::mentoring(
        &ctx.chrome(),
        &render::MentoringOverview {
            profiles: &profiles,
            pairs: &pairs,
            rules: &rules,
            left_over: &left_over,
            indicators: &indicators,
            municipalities: &municipalities,
            run_form,
            people,
        },
    );
    Ok(page(status, body))
}

/// GET /mentoring: the coordinator's overview.
pub async fn overview(ctx: Ctx) -> PageResult {
    overview_page(&ctx, &render::Form::default(), StatusCode::OK).await
}

/// POST /mentoring/matching: runs the matching and stores its proposal.
pub async fn run(ctx: Ctx) -> PageResult {
    match ctx.app.run_mentor_matching(ctx.actor.as_ref()).await {
        Ok(_) => Ok(Redirect::to("/mentoring#mentoring-pairs-heading").into_response()),
        Err(e @ AppError::Invalid(_)) => {
            let (status, _) = classify(&e);
            Err(overview_page(&ctx, &form_with(Vec::new(), &e), status).await?)
        }
        Err(e) => Err(error_page(&ctx, e, HOME)),
    }
}

fn id_field(fields: &Fields, name: &'static str) -> Result<i64, AppError> {
    field(fields, name)
        .trim()
        .parse()
        .map_err(|_| AppError::Invalid(vec![FieldError::new(name, "expected a number")]))
}

/// POST /mentoring/pair-rules: locks, forbids or frees a pair for the next run.
pub async fn pair_rule(ctx: Ctx, Form(fields): Form<Fields>) -> PageResult {
    let input = id_field(&fields, "mentor_id").and_then(|mentor_id| {
        Ok(PairRuleInput {
            mentor_id,
            mentee_id: id_field(&fields, "mentee_id")?,
            kind: field(&fields, "kind").to_string(),
        })
    });
    let done = match input {
        Ok(input) => {
            ctx.app
                .set_mentoring_pair_rule(ctx.actor.as_ref(), &input)
                .await
        }
        Err(e) => Err(e),
    };
    match done {
        Ok(()) => Ok(Redirect::to("/mentoring#mentoring-pairs-heading").into_response()),
        Err(e) => Err(error_page(&ctx, e, HOME)),
    }
}

async fn rules_page(ctx: &Ctx, form: &render::Form, status: StatusCode) -> PageResult {
    let (rules, version) = ctx
        .app
        .mentoring_rules(ctx.actor.as_ref())
        .await
        .map_err(|e| error_page(ctx, e, "/mentoring/rules"))?;
    let weights = effective_weights(&rules);
    let body = render::mentoring_rules(
        &ctx.chrome(),
        &render::RulesPage {
            rules: &rules,
            version,
            weights: &weights,
        },
        form,
    );
    Ok(page(status, body))
}

/// GET /mentoring/rules
pub async fn rules(ctx: Ctx) -> PageResult {
    rules_page(&ctx, &render::Form::default(), StatusCode::OK).await
}

/// "4640-4644, 4641-4642": each entry two codes; an entry of one is kept as one, for the
/// app to say what is wrong.
fn neighbour_pairs(text: &str) -> Vec<Vec<String>> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(|e| e.split(['-', '–']).map(|c| c.trim().to_string()).collect())
        .collect()
}

/// POST /mentoring/rules
pub async fn set_rules(ctx: Ctx, Form(fields): Form<Fields>) -> PageResult {
    let mut errors = Vec::new();
    let mut weights = BTreeMap::new();
    for code in CRITERIA {
        let Some(name) = render::weight_field(code) else {
            continue;
        };
        if let Some(points) = optional_number(&fields, name, &mut errors) {
            weights.insert(code.to_string(), points);
        }
    }
    let version = optional_number(&fields, "version", &mut errors);
    let result = if errors.is_empty() {
        let input = RulesInput {
            min_level: field(&fields, "min_level").to_string(),
            neighbours: neighbour_pairs(field(&fields, "neighbours")),
            weights,
            version,
        };
        ctx.app
            .set_mentoring_rules(ctx.actor.as_ref(), &input)
            .await
            .map(|_| ())
    } else {
        Err(AppError::Invalid(errors))
    };
    match result {
        Ok(()) => Ok(Redirect::to(HOME).into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            let (status, _) = classify(&e);
            Err(rules_page(&ctx, &form_with(fields, &e), status).await?)
        }
        Err(e) => Err(error_page(&ctx, e, "/mentoring/rules")),
    }
}

/// "norsk B1, engelsk C1": each entry's last word is its level. An entry without one
/// keeps an empty level, for the app to say what is missing.
fn languages(text: &str) -> Vec<LanguageInput> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(|e| match e.rsplit_once(char::is_whitespace) {
            Some((language, level)) => LanguageInput {
                language: language.trim().to_string(),
                level: level.to_string(),
            },
            None => LanguageInput {
                language: e.to_string(),
                level: String::new(),
            },
        })
        .collect()
}

fn profile_input(fields: &Fields) -> Result<ProfileInput, AppError> {
    let mut errors = Vec::new();
    let capacity = optional_number(fields, "capacity", &mut errors);
    let account_id = optional_number(fields, "account_id", &mut errors);
    let version = optional_number(fields, "version", &mut errors);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    Ok(ProfileInput {
        side: field(fields, "side").to_string(),
        name: field(fields, "name").to_string(),
        municipality: field(fields, "municipality").to_string(),
        languages: languages(field(fields, "languages")),
        occupation: field(fields, "occupation").to_string(),
        industry: field(fields, "industry").to_string(),
        goals: comma_list(field(fields, "goals")),
        interests: comma_list(field(fields, "interests")),
        availability: comma_list(field(fields, "availability")),
        capacity,
        consent_given_on: field(fields, "consent_given_on").to_string(),
        consent_text_version: field(fields, "consent_text_version").to_string(),
        account_id,
        version,
    })
}

async fn profile_page(
    ctx: &Ctx,
    profile: Option<&Profile>,
    form: &render::Form,
    status: StatusCode,
) -> PageResult {
    let municipalities = plan_municipalities(ctx, HOME).await?;
    let body = render::mentoring_profile(&ctx.chrome(), profile, &municipalities, form);
    Ok(page(status, body))
}

/// GET /mentoring/profiles/new
pub async fn new_profile(ctx: Ctx) -> PageResult {
    app::authorise(ctx.actor.as_ref(), Permission::ManageMentoring)
        .map_err(|e| error_page(&ctx, e, "/mentoring/profiles/new"))?;
    profile_page(&ctx, None, &render::Form::default(), StatusCode::OK).await
}

/// POST /mentoring/profiles
pub async fn create_profile(ctx: Ctx, Form(fields): Form<Fields>) -> PageResult {
    let created = match profile_input(&fields) {
        Ok(input) => {
            ctx.app
                .create_mentoring_profile(ctx.actor.as_ref(), &input)
                .await
        }
        Err(e) => Err(e),
    };
    match created {
        Ok(_) => Ok(Redirect::to(HOME).into_response()),
        Err(e @ AppError::Invalid(_)) => {
            let (status, _) = classify(&e);
            Err(profile_page(&ctx, None, &form_with(fields, &e), status).await?)
        }
        Err(e) => Err(error_page(&ctx, e, "/mentoring/profiles/new")),
    }
}

fn where_to_after(ctx: &Ctx) -> &'static str {
    if manages(ctx) {
        HOME
    } else {
        "/mentoring/me"
    }
}

/// GET /mentoring/profiles/{id}: the profile, to read and correct.
pub async fn show_profile(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let back = format!("/mentoring/profiles/{id}");
    let profile = ctx
        .app
        .mentoring_profile(ctx.actor.as_ref(), id)
        .await
        .map_err(|e| error_page(&ctx, e, &back))?;
    profile_page(
        &ctx,
        Some(&profile),
        &render::Form::default(),
        StatusCode::OK,
    )
    .await
}

/// POST /mentoring/profiles/{id}
pub async fn update_profile(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> PageResult {
    let back = format!("/mentoring/profiles/{id}");
    let updated = match profile_input(&fields) {
        Ok(input) => {
            ctx.app
                .update_mentoring_profile(ctx.actor.as_ref(), id, &input)
                .await
        }
        Err(e) => Err(e),
    };
    match updated {
        Ok(_) => Ok(Redirect::to(where_to_after(&ctx)).into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            let (status, _) = classify(&e);
            let profile = ctx
                .app
                .mentoring_profile(ctx.actor.as_ref(), id)
                .await
                .map_err(|e| error_page(&ctx, e, &back))?;
            // A stale edit shows the stored profile with the message, not what was typed.
            let form = match e {
                AppError::Conflict(_) => form_with(Vec::new(), &e),
                _ => form_with(fields, &e),
            };
            Err(profile_page(&ctx, Some(&profile), &form, status).await?)
        }
        Err(e) => Err(error_page(&ctx, e, &back)),
    }
}

/// POST /mentoring/profiles/{id}/delete
pub async fn delete_profile(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    match ctx
        .app
        .delete_mentoring_profile(ctx.actor.as_ref(), id)
        .await
    {
        Ok(()) => Ok(Redirect::to(where_to_after(&ctx)).into_response()),
        Err(e) => Err(error_page(&ctx, e, &format!("/mentoring/profiles/{id}"))),
    }
}

/// GET /mentoring/me: the signed-in person's own profiles and pairs.
pub async fn own(ctx: Ctx) -> PageResult {
    let actor = ctx.actor.as_ref();
    let fail = |e| error_page(&ctx, e, "/mentoring/me");
    let profiles = ctx.app.my_mentoring_profiles(actor).await.map_err(fail)?;
    let pairs = ctx.app.my_mentoring_pairs(actor).await.map_err(fail)?;
    let municipalities = plan_municipalities(&ctx, "/mentoring/me").await?;
    Ok(page(
        StatusCode::OK,
        render::mentoring_own(&ctx.chrome(), &profiles, &pairs, &municipalities),
    ))
}

async fn pair_page(
    ctx: &Ctx,
    id: i64,
    form: &render::Form,
    form_name: &str,
    status: StatusCode,
) -> PageResult {
    let back = format!("/mentoring/pairs/{id}");
    let actor = ctx.actor.as_ref();
    let fail = |e| error_page(ctx, e, &back);
    let pair = ctx.app.mentoring_pair(actor, id).await.map_err(fail)?;
    let log: PairLog = ctx.app.mentoring_pair_log(actor, id).await.map_err(fail)?;
    let manages = manages(ctx);
    let (mentor, mentee, sides) = if manages {
        let mentor = ctx.app.mentoring_profile(actor, pair.mentor_id).await.ok();
        let mentee = ctx.app.mentoring_profile(actor, pair.mentee_id).await.ok();
        (mentor, mentee, vec![Side::Mentor, Side::Mentee])
    } else {
        // Only their own side: the other person's profile is the coordinator's to see.
        let mine = ctx.app.my_mentoring_profiles(actor).await.map_err(fail)?;
        let own = |pid: i64| mine.iter().find(|p| p.id == pid).cloned();
        let (mentor, mentee) = (own(pair.mentor_id), own(pair.mentee_id));
        let sides = [(Side::Mentor, &mentor), (Side::Mentee, &mentee)]
            .into_iter()
            .filter(|(_, p)| p.is_some())
            .map(|(s, _)| s)
            .collect();
        (mentor, mentee, sides)
    };
    let body = render::mentoring_pair(
        &ctx.chrome(),
        &render::PairPage {
            pair: &pair,
            mentor: mentor.as_ref(),
            mentee: mentee.as_ref(),
            log: &log,
            manages,
            sides,
            form,
            form_name,
        },
    );
    Ok(page(status, body))
}

/// GET /mentoring/pairs/{id}
pub async fn show_pair(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    pair_page(&ctx, id, &render::Form::default(), "", StatusCode::OK).await
}

/// After a pair's form: back to the pair, or the pair again with what to fix.
async fn after_pair_form(
    ctx: &Ctx,
    id: i64,
    form_name: &str,
    fields: Fields,
    result: Result<(), AppError>,
) -> PageResult {
    after_form(
        ctx,
        &format!("/mentoring/pairs/{id}"),
        fields,
        result,
        |form, status| async move { pair_page(ctx, id, &form, form_name, status).await },
    )
    .await
}

/// POST /mentoring/pairs/{id}/changes: accept, start, complete or end early.
pub async fn change_pair(ctx: Ctx, Path(id): Path<i64>, Form(fields): Form<Fields>) -> PageResult {
    let mut errors = Vec::new();
    let version = optional_number(&fields, "version", &mut errors);
    let result = if errors.is_empty() {
        let input = PairChangeInput {
            action: field(&fields, "action").to_string(),
            side: field(&fields, "side").to_string(),
            on: field(&fields, "on").to_string(),
            reason: field(&fields, "reason").to_string(),
            version,
        };
        ctx.app
            .change_mentoring_pair(ctx.actor.as_ref(), id, &input)
            .await
            .map(|_| ())
    } else {
        Err(AppError::Invalid(errors))
    };
    let name = if field(&fields, "action") == "end-early" {
        "end"
    } else {
        ""
    };
    after_pair_form(&ctx, id, name, fields, result).await
}

/// POST /mentoring/pairs/{id}/meetings
pub async fn log_meeting(ctx: Ctx, Path(id): Path<i64>, Form(fields): Form<Fields>) -> PageResult {
    let mut errors = Vec::new();
    let minutes = optional_number(&fields, "minutes", &mut errors);
    let result = match (minutes, errors.is_empty()) {
        (Some(minutes), true) => {
            let input = MeetingInput {
                held_on: field(&fields, "held_on").to_string(),
                minutes,
                note: field(&fields, "note").to_string(),
            };
            ctx.app
                .log_mentoring_meeting(ctx.actor.as_ref(), id, &input)
                .await
                .map(|_| ())
        }
        (None, true) => Err(AppError::Invalid(vec![FieldError::new(
            "minutes",
            "give how long the meeting took, in minutes",
        )])),
        _ => Err(AppError::Invalid(errors)),
    };
    after_pair_form(&ctx, id, "meeting", fields, result).await
}

/// POST /mentoring/pairs/{id}/check-ins
pub async fn check_in(ctx: Ctx, Path(id): Path<i64>, Form(fields): Form<Fields>) -> PageResult {
    let input = CheckInInput {
        kind: field(&fields, "kind").to_string(),
        held_on: field(&fields, "held_on").to_string(),
        note: field(&fields, "note").to_string(),
    };
    let result = ctx
        .app
        .record_mentoring_check_in(ctx.actor.as_ref(), id, &input)
        .await;
    after_pair_form(&ctx, id, "check-in", fields, result).await
}

/// A yes/no choice of the outcome form; anything but `true` and `false` is refused.
fn yes_no(fields: &Fields, name: &'static str, errors: &mut Vec<FieldError>) -> bool {
    match field(fields, name) {
        "true" => true,
        "false" | "" => false,
        _ => {
            errors.push(FieldError::new(name, "expected yes or no"));
            false
        }
    }
}

/// POST /mentoring/pairs/{id}/outcomes
pub async fn outcome(ctx: Ctx, Path(id): Path<i64>, Form(fields): Form<Fields>) -> PageResult {
    let mut errors = Vec::new();
    let input = OutcomeInput {
        follow_up: field(&fields, "follow_up").to_string(),
        recorded_on: field(&fields, "recorded_on").to_string(),
        in_work: yes_no(&fields, "in_work", &mut errors),
        in_education: yes_no(&fields, "in_education", &mut errors),
        qualifications_approved: yes_no(&fields, "qualifications_approved", &mut errors),
        norwegian_level: field(&fields, "norwegian_level").to_string(),
        in_region: yes_no(&fields, "in_region", &mut errors),
    };
    let result = if errors.is_empty() {
        ctx.app
            .record_mentoring_outcome(ctx.actor.as_ref(), id, &input)
            .await
    } else {
        Err(AppError::Invalid(errors))
    };
    after_pair_form(&ctx, id, "outcome", fields, result).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_are_pairs_of_codes() {
        assert_eq!(
            neighbour_pairs("4640-4644, 4641 – 4642;4643"),
            [vec!["4640", "4644"], vec!["4641", "4642"], vec!["4643"]]
        );
        assert!(neighbour_pairs(" ").is_empty());
    }

    #[test]
    fn languages_take_their_last_word_as_level() {
        let l = languages("norsk B1, engelsk  C1; polsk, ");
        let got: Vec<_> = l
            .iter()
            .map(|l| (l.language.as_str(), l.level.as_str()))
            .collect();
        assert_eq!(got, [("norsk", "B1"), ("engelsk", "C1"), ("polsk", "")]);
        assert!(languages(" ").is_empty());
    }
}
