//! The mentor programme's pages: the coordinator's overview and matching, profiles, a
//! pair's life, and a person's own page. Ids in URLs, names only in pages.

use std::collections::BTreeMap;

use app::mentor::{
    effective_weights, CheckInInput, LanguageInput, MatchOutcome, MeetingInput, OutcomeInput,
    PairChangeInput, PairRuleInput, ProfileInput, RulesInput, CRITERIA,
};
use app::{comma_list, AppError, Unread};
use axum::extract::Path;
use axum::http::StatusCode;
use domain::access::Permission;
use domain::mentor::{PairLog, Profile, Side};
use serde::Deserialize;

use super::{
    after_form, page, plan_municipalities, redirect, Fields, OrPage, PageError, PageResult, Sent,
};
use crate::context::Ctx;

const HOME: &str = "/mentoring";

fn manages(ctx: &Ctx) -> bool {
    ctx.can().manage_mentoring
}

async fn overview_page(ctx: &Ctx, run_form: &render::Form, status: StatusCode) -> PageResult {
    let actor = ctx.actor.as_ref();
    // The steering group and the project leader follow the figures, not the people.
    let indicators = ctx
        .app
        .mentoring_indicators(actor)
        .await
        .or_page(ctx, HOME)?;
    let people = manages(ctx);
    let (profiles, pairs, rules, preview) = if people {
        let profiles = ctx
            .app
            .mentoring_profiles(actor, None)
            .await
            .or_page(ctx, HOME)?;
        let pairs = ctx.app.mentoring_pairs(actor).await.or_page(ctx, HOME)?;
        let rules = ctx
            .app
            .mentoring_pair_rules(actor)
            .await
            .or_page(ctx, HOME)?;
        // Who the matching would leave over now, and why; a problem it cannot solve at
        // all (nobody to match) lists nobody, and the run button says why when pressed.
        let preview = match ctx.app.preview_mentor_matching(actor).await {
            Ok(p) => Some(p),
            Err(AppError::Invalid(_)) => None,
            Err(e) => return Err(PageError::new(ctx, e, HOME)),
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
    let result = ctx.app.run_mentor_matching(ctx.actor.as_ref()).await;
    let ctx = &ctx;
    after_form(
        ctx,
        HOME,
        Fields::new(),
        result,
        |_| redirect("/mentoring#mentoring-pairs-heading"),
        |form, status| async move { overview_page(ctx, &form, status).await },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PairRuleForm {
    mentor_id: String,
    mentee_id: String,
    kind: String,
}

impl From<PairRuleForm> for PairRuleInput {
    fn from(f: PairRuleForm) -> PairRuleInput {
        let mut unread = Unread::default();
        PairRuleInput {
            mentor_id: unread.required_number("mentor_id", &f.mentor_id, "expected a number"),
            mentee_id: unread.required_number("mentee_id", &f.mentee_id, "expected a number"),
            kind: f.kind,
            unread,
        }
    }
}

/// POST /mentoring/pair-rules: locks, forbids or frees a pair for the next run.
pub async fn pair_rule(ctx: Ctx, sent: Sent<PairRuleForm>) -> PageResult {
    ctx.app
        .set_mentoring_pair_rule(ctx.actor.as_ref(), &sent.form.into())
        .await
        .or_page(&ctx, HOME)?;
    Ok(redirect("/mentoring#mentoring-pairs-heading"))
}

async fn rules_page(ctx: &Ctx, form: &render::Form, status: StatusCode) -> PageResult {
    let (rules, version) = ctx
        .app
        .mentoring_rules(ctx.actor.as_ref())
        .await
        .or_page(ctx, "/mentoring/rules")?;
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

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RulesForm {
    min_level: String,
    /// "4640-4644, 4641-4642".
    neighbours: String,
    version: String,
    /// Points per criterion, each in the field `render::weight_field` names.
    #[serde(flatten)]
    weights: BTreeMap<String, String>,
}

impl From<RulesForm> for RulesInput {
    fn from(f: RulesForm) -> RulesInput {
        let mut unread = Unread::default();
        let mut weights = BTreeMap::new();
        for code in CRITERIA {
            let Some(name) = render::weight_field(code) else {
                continue;
            };
            let text = f.weights.get(name).map_or("", String::as_str);
            if let Some(points) = unread.number(name, text) {
                weights.insert(code.to_string(), points);
            }
        }
        RulesInput {
            version: unread.number("version", &f.version),
            min_level: f.min_level,
            neighbours: RulesInput::neighbours_from_text(&f.neighbours),
            weights,
            unread,
        }
    }
}

/// POST /mentoring/rules
pub async fn set_rules(ctx: Ctx, sent: Sent<RulesForm>) -> PageResult {
    let result = ctx
        .app
        .set_mentoring_rules(ctx.actor.as_ref(), &sent.form.into())
        .await;
    let ctx = &ctx;
    after_form(
        ctx,
        "/mentoring/rules",
        sent.values,
        result,
        |_| redirect(HOME),
        |form, status| async move { rules_page(ctx, &form, status).await },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProfileForm {
    side: String,
    name: String,
    municipality: String,
    /// "norsk B1, engelsk C1".
    languages: String,
    occupation: String,
    industry: String,
    /// Comma-separated, as the next three.
    goals: String,
    interests: String,
    availability: String,
    capacity: String,
    consent_given_on: String,
    consent_text_version: String,
    account_id: String,
    version: String,
}

impl From<ProfileForm> for ProfileInput {
    fn from(f: ProfileForm) -> ProfileInput {
        let mut unread = Unread::default();
        ProfileInput {
            capacity: unread.number("capacity", &f.capacity),
            account_id: unread.number("account_id", &f.account_id),
            version: unread.number("version", &f.version),
            side: f.side,
            name: f.name,
            municipality: f.municipality,
            languages: LanguageInput::list_from_text(&f.languages),
            occupation: f.occupation,
            industry: f.industry,
            goals: comma_list(&f.goals),
            interests: comma_list(&f.interests),
            availability: comma_list(&f.availability),
            consent_given_on: f.consent_given_on,
            consent_text_version: f.consent_text_version,
            unread,
        }
    }
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
        .or_page(&ctx, "/mentoring/profiles/new")?;
    profile_page(&ctx, None, &render::Form::default(), StatusCode::OK).await
}

/// POST /mentoring/profiles
pub async fn create_profile(ctx: Ctx, sent: Sent<ProfileForm>) -> PageResult {
    let created = ctx
        .app
        .create_mentoring_profile(ctx.actor.as_ref(), &sent.form.into())
        .await;
    let ctx = &ctx;
    after_form(
        ctx,
        "/mentoring/profiles/new",
        sent.values,
        created,
        |_| redirect(HOME),
        |form, status| async move { profile_page(ctx, None, &form, status).await },
    )
    .await
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
    let profile = ctx
        .app
        .mentoring_profile(ctx.actor.as_ref(), id)
        .await
        .or_page(&ctx, &format!("/mentoring/profiles/{id}"))?;
    profile_page(
        &ctx,
        Some(&profile),
        &render::Form::default(),
        StatusCode::OK,
    )
    .await
}

/// POST /mentoring/profiles/{id}
pub async fn update_profile(ctx: Ctx, Path(id): Path<i64>, sent: Sent<ProfileForm>) -> PageResult {
    let back = format!("/mentoring/profiles/{id}");
    let updated = ctx
        .app
        .update_mentoring_profile(ctx.actor.as_ref(), id, &sent.form.into())
        .await;
    let ctx = &ctx;
    let back = &back;
    after_form(
        ctx,
        back,
        sent.values,
        updated,
        |_| redirect(where_to_after(ctx)),
        |mut form, status| async move {
            let profile = ctx
                .app
                .mentoring_profile(ctx.actor.as_ref(), id)
                .await
                .or_page(ctx, back)?;
            // A stale edit shows the stored profile with the message, not what was typed.
            if status == StatusCode::CONFLICT {
                form.values.clear();
            }
            profile_page(ctx, Some(&profile), &form, status).await
        },
    )
    .await
}

/// POST /mentoring/profiles/{id}/delete
pub async fn delete_profile(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    ctx.app
        .delete_mentoring_profile(ctx.actor.as_ref(), id)
        .await
        .or_page(&ctx, &format!("/mentoring/profiles/{id}"))?;
    Ok(redirect(where_to_after(&ctx)))
}

/// GET /mentoring/me: the signed-in person's own profiles and pairs.
pub async fn own(ctx: Ctx) -> PageResult {
    let actor = ctx.actor.as_ref();
    let back = "/mentoring/me";
    let profiles = ctx
        .app
        .my_mentoring_profiles(actor)
        .await
        .or_page(&ctx, back)?;
    let pairs = ctx
        .app
        .my_mentoring_pairs(actor)
        .await
        .or_page(&ctx, back)?;
    let municipalities = plan_municipalities(&ctx, back).await?;
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
    let pair = ctx
        .app
        .mentoring_pair(actor, id)
        .await
        .or_page(ctx, &back)?;
    let log: PairLog = ctx
        .app
        .mentoring_pair_log(actor, id)
        .await
        .or_page(ctx, &back)?;
    let manages = manages(ctx);
    let (mentor, mentee, sides) = if manages {
        let mentor = ctx.app.mentoring_profile(actor, pair.mentor_id).await.ok();
        let mentee = ctx.app.mentoring_profile(actor, pair.mentee_id).await.ok();
        (mentor, mentee, vec![Side::Mentor, Side::Mentee])
    } else {
        // Only their own side: the other person's profile is the coordinator's to see.
        let mine = ctx
            .app
            .my_mentoring_profiles(actor)
            .await
            .or_page(ctx, &back)?;
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
async fn after_pair_form<T>(
    ctx: &Ctx,
    id: i64,
    form_name: &str,
    values: Fields,
    result: Result<T, AppError>,
) -> PageResult {
    let back = format!("/mentoring/pairs/{id}");
    after_form(
        ctx,
        &back,
        values,
        result,
        |_| redirect(&back),
        |form, status| async move { pair_page(ctx, id, &form, form_name, status).await },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PairChangeForm {
    action: String,
    side: String,
    on: String,
    reason: String,
    version: String,
}

impl From<PairChangeForm> for PairChangeInput {
    fn from(f: PairChangeForm) -> PairChangeInput {
        let mut unread = Unread::default();
        PairChangeInput {
            version: unread.number("version", &f.version),
            action: f.action,
            side: f.side,
            on: f.on,
            reason: f.reason,
            unread,
        }
    }
}

/// POST /mentoring/pairs/{id}/changes: accept, start, complete or end early.
pub async fn change_pair(ctx: Ctx, Path(id): Path<i64>, sent: Sent<PairChangeForm>) -> PageResult {
    // Ending early has its own form on the page; the other changes are buttons.
    let name = if sent.form.action == "end-early" {
        "end"
    } else {
        ""
    };
    let result = ctx
        .app
        .change_mentoring_pair(ctx.actor.as_ref(), id, &sent.form.into())
        .await;
    after_pair_form(&ctx, id, name, sent.values, result).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MeetingForm {
    held_on: String,
    minutes: String,
    note: String,
}

impl From<MeetingForm> for MeetingInput {
    fn from(f: MeetingForm) -> MeetingInput {
        let mut unread = Unread::default();
        MeetingInput {
            minutes: unread.required_number(
                "minutes",
                &f.minutes,
                "give how long the meeting took, in minutes",
            ),
            held_on: f.held_on,
            note: f.note,
            unread,
        }
    }
}

/// POST /mentoring/pairs/{id}/meetings
pub async fn log_meeting(ctx: Ctx, Path(id): Path<i64>, sent: Sent<MeetingForm>) -> PageResult {
    let result = ctx
        .app
        .log_mentoring_meeting(ctx.actor.as_ref(), id, &sent.form.into())
        .await;
    after_pair_form(&ctx, id, "meeting", sent.values, result).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CheckInForm {
    kind: String,
    held_on: String,
    note: String,
}

impl From<CheckInForm> for CheckInInput {
    fn from(f: CheckInForm) -> CheckInInput {
        CheckInInput {
            kind: f.kind,
            held_on: f.held_on,
            note: f.note,
        }
    }
}

/// POST /mentoring/pairs/{id}/check-ins
pub async fn check_in(ctx: Ctx, Path(id): Path<i64>, sent: Sent<CheckInForm>) -> PageResult {
    let result = ctx
        .app
        .record_mentoring_check_in(ctx.actor.as_ref(), id, &sent.form.into())
        .await;
    after_pair_form(&ctx, id, "check-in", sent.values, result).await
}

/// The outcome form; its yes/no boxes send `true` when ticked and nothing otherwise.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OutcomeForm {
    follow_up: String,
    recorded_on: String,
    in_work: String,
    in_education: String,
    qualifications_approved: String,
    norwegian_level: String,
    in_region: String,
}

impl From<OutcomeForm> for OutcomeInput {
    fn from(f: OutcomeForm) -> OutcomeInput {
        let mut unread = Unread::default();
        OutcomeInput {
            in_work: unread.yes_no("in_work", &f.in_work),
            in_education: unread.yes_no("in_education", &f.in_education),
            qualifications_approved: unread
                .yes_no("qualifications_approved", &f.qualifications_approved),
            in_region: unread.yes_no("in_region", &f.in_region),
            follow_up: f.follow_up,
            recorded_on: f.recorded_on,
            norwegian_level: f.norwegian_level,
            unread,
        }
    }
}

/// POST /mentoring/pairs/{id}/outcomes
pub async fn outcome(ctx: Ctx, Path(id): Path<i64>, sent: Sent<OutcomeForm>) -> PageResult {
    let result = ctx
        .app
        .record_mentoring_outcome(ctx.actor.as_ref(), id, &sent.form.into())
        .await;
    after_pair_form(&ctx, id, "outcome", sent.values, result).await
}
