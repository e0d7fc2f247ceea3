//! The mentor programme's pages: the coordinator's overview (indicators, the proposal with
//! its reasons, who is left and why, the people), a profile's form, a pair's page with its
//! life and records, and a person's own page. Names appear only here, never in a URL.

use askama::Template;
use domain::mentor::{
    CheckInKind, FollowUp, Level, MatchingRules, MentoringIndicators, Pair, PairLog, PairRule,
    PairRuleKind, PairStatus, Profile, ScoreReason, Share, Side,
};
use i18n::{Arg, Lang};

use crate::form::Form;
use crate::form::{FormView, Kind, SummaryItem};
use crate::format::{date, municipality_name};
use crate::labels::{choices, label, label_or_code, tr};
use crate::layout::Chrome;
use crate::layout::{Ctx, Nav};
use crate::pages::render;

/// Someone the matching would leave without a pair, and the engine's reason.
pub struct LeftOver<'a> {
    pub side: Side,
    pub profile_id: i64,
    /// The engine's code, like `no_mentor_nearby`.
    pub reason: &'a str,
    pub detail: &'a str,
}

/// What the coordinator's overview shows.
pub struct MentoringOverview<'a> {
    pub profiles: &'a [Profile],
    pub pairs: &'a [Pair],
    pub rules: &'a [PairRule],
    pub left_over: &'a [LeftOver<'a>],
    pub indicators: &'a MentoringIndicators,
    /// Municipality code → name.
    pub municipalities: &'a [(String, String)],
    /// Errors of the last run, if it failed.
    pub run_form: &'a Form,
    /// False for those who may see the programme's figures but not its people.
    pub people: bool,
}

/// The engine's criteria in words; a criterion this build does not know keeps its code.
fn criterion_label(lang: Lang, code: &str) -> String {
    // The engine's weights name this criterion in the singular, its reasons in the plural.
    let code = if code == "shared_interest" {
        "shared_interests"
    } else {
        code
    };
    label_or_code(lang, "criterion", code)
}

fn reason_label(lang: Lang, code: &str) -> String {
    match code {
        "no_consent" => tr(lang, "unmatched-no-consent"),
        "no_capacity" => tr(lang, "unmatched-no-capacity"),
        "no_mentor_nearby" => tr(lang, "unmatched-no-mentor-nearby"),
        "no_mentee_nearby" => tr(lang, "unmatched-no-mentee-nearby"),
        "no_shared_language" => tr(lang, "unmatched-no-shared-language"),
        "excluded_by_coordinator" => tr(lang, "unmatched-excluded"),
        "all_feasible_mentors_full" => tr(lang, "unmatched-mentors-full"),
        "feasible_mentees_matched_elsewhere" => tr(lang, "unmatched-mentees-elsewhere"),
        other => other.to_string(),
    }
}

fn profile_name(profiles: &[Profile], id: i64) -> String {
    profiles
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| format!("#{id}"), |p| p.fields.name.clone())
}

fn languages_text(lang: Lang, p: &Profile) -> String {
    p.fields
        .languages
        .iter()
        .map(|l| format!("{} {}", l.language, label(lang, l.level)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "In work or education after N months": the share, and what it is counted from.
pub(crate) fn share_text(lang: Lang, s: &Share) -> String {
    let args = |id: &str| {
        i18n::t_with(
            lang,
            id,
            &[
                ("numerator", Arg::Num(s.numerator.into())),
                ("denominator", Arg::Num(s.denominator.into())),
                ("count", Arg::Num(s.missing.into())),
            ],
        )
    };
    match s.value() {
        Some(v) => format!("{:.0} % ({})", v * 100.0, args("mentor-share-of")),
        None => args("mentor-share-none"),
    }
}

struct PersonRow {
    href: String,
    name: String,
    municipality: String,
    languages: String,
    occupation: String,
    capacity: String,
    consent: String,
}

struct Group {
    id: &'static str,
    heading: String,
    people: Vec<PersonRow>,
}

struct ReasonRow {
    label: String,
    points: i64,
    matched: String,
}

struct PairRow {
    href: String,
    mentor: String,
    mentee: String,
    score: i64,
    reasons: Vec<ReasonRow>,
    status: String,
    locked: bool,
    /// Lock/unlock and exclude forms, for proposals only.
    proposal: bool,
    mentor_id: i64,
    mentee_id: i64,
    lock_label: String,
    unlock_label: String,
    exclude_label: String,
}

struct Excluded {
    mentor: String,
    mentee: String,
    mentor_id: i64,
    mentee_id: i64,
    lift_label: String,
}

/// A button's words, naming both people, so each of many buttons says what it does.
fn pair_label(lang: Lang, id: &str, mentor: &str, mentee: &str) -> String {
    i18n::t_args(lang, id, &[("from", mentor), ("to", mentee)])
}

struct LeftRow {
    name: String,
    side: String,
    reason: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "mentoring.html")]
struct OverviewPage<'a> {
    ctx: Ctx<'a>,
    people: bool,
    summary: Vec<SummaryItem>,
    run_errors: Vec<String>,
    figures: Vec<(String, String)>,
    pairs: Vec<PairRow>,
    left: Vec<LeftRow>,
    groups: Vec<Group>,
    excluded: Vec<Excluded>,
}

fn person_rows(lang: Lang, o: &MentoringOverview, side: Side) -> Vec<PersonRow> {
    o.profiles
        .iter()
        .filter(|p| p.fields.side == side)
        .map(|p| PersonRow {
            href: format!("/mentoring/profiles/{}", p.id),
            name: p.fields.name.clone(),
            municipality: municipality_name(o.municipalities, &p.fields.municipality).into(),
            languages: languages_text(lang, p),
            occupation: p.fields.occupation.clone(),
            capacity: p.fields.capacity.map(|c| c.to_string()).unwrap_or_default(),
            consent: match &p.fields.consent {
                Some(c) => i18n::t_args(
                    lang,
                    "mentor-consent-given",
                    &[("date", &date(lang, c.given_on)), ("code", &c.text_version)],
                ),
                None => tr(lang, "mentor-consent-missing"),
            },
        })
        .collect()
}

fn reason_rows(lang: Lang, reasons: &[ScoreReason]) -> Vec<ReasonRow> {
    reasons
        .iter()
        .map(|r| ReasonRow {
            label: criterion_label(lang, &r.criterion),
            points: r.points,
            matched: r.matched.join(", "),
        })
        .collect()
}

pub fn overview(c: &Chrome, o: &MentoringOverview) -> String {
    let lang = c.lang;
    let ctx = Ctx::new(c, tr(lang, "mentoring-title"), Nav::Mentoring);
    let ind = o.indicators;
    let figures = vec![
        (
            tr(lang, "mentor-ind-started"),
            ind.pairs_started.to_string(),
        ),
        (
            tr(lang, "mentor-ind-completed"),
            ind.pairs_completed.to_string(),
        ),
        (
            tr(lang, "mentor-ind-ended-early"),
            ind.pairs_ended_early.to_string(),
        ),
        (
            tr(lang, "mentor-ind-meetings"),
            ind.meetings_held.to_string(),
        ),
        (
            tr(lang, "mentor-ind-work-6"),
            share_text(lang, &ind.in_work_or_education_6_months),
        ),
        (
            tr(lang, "mentor-ind-work-12"),
            share_text(lang, &ind.in_work_or_education_12_months),
        ),
    ];
    let locked = |p: &Pair| {
        o.rules.iter().any(|r| {
            r.kind == PairRuleKind::Lock && r.mentor_id == p.mentor_id && r.mentee_id == p.mentee_id
        })
    };
    let pairs = o
        .pairs
        .iter()
        .map(|p| {
            let mentor = profile_name(o.profiles, p.mentor_id);
            let mentee = profile_name(o.profiles, p.mentee_id);
            PairRow {
                href: format!("/mentoring/pairs/{}", p.id),
                lock_label: pair_label(lang, "mentoring-lock", &mentor, &mentee),
                unlock_label: pair_label(lang, "mentoring-unlock", &mentor, &mentee),
                exclude_label: pair_label(lang, "mentoring-exclude", &mentor, &mentee),
                mentor,
                mentee,
                score: p.score,
                reasons: reason_rows(lang, &p.explanation),
                status: label(lang, p.status()),
                locked: p.locked || locked(p),
                proposal: p.status() == PairStatus::Proposed,
                mentor_id: p.mentor_id,
                mentee_id: p.mentee_id,
            }
        })
        .collect();
    let left = o
        .left_over
        .iter()
        .map(|l| LeftRow {
            name: profile_name(o.profiles, l.profile_id),
            side: label(lang, l.side),
            reason: reason_label(lang, l.reason),
            detail: l.detail.to_string(),
        })
        .collect();
    let excluded = o
        .rules
        .iter()
        .filter(|r| r.kind == PairRuleKind::Exclude)
        .map(|r| {
            let mentor = profile_name(o.profiles, r.mentor_id);
            let mentee = profile_name(o.profiles, r.mentee_id);
            Excluded {
                lift_label: pair_label(lang, "mentoring-lift", &mentor, &mentee),
                mentor,
                mentee,
                mentor_id: r.mentor_id,
                mentee_id: r.mentee_id,
            }
        })
        .collect();
    let run = FormView::new("run", o.run_form);
    render(&OverviewPage {
        people: o.people,
        summary: run.summary(),
        run_errors: run.general_errors(),
        figures,
        pairs,
        left,
        groups: vec![
            Group {
                id: "mentors",
                heading: tr(lang, "mentoring-mentors"),
                people: person_rows(lang, o, Side::Mentor),
            },
            Group {
                id: "mentees",
                heading: tr(lang, "mentoring-mentees"),
                people: person_rows(lang, o, Side::Mentee),
            },
        ],
        excluded,
        ctx,
    })
}

#[derive(Template)]
#[template(path = "mentoring_profile.html")]
struct ProfilePage<'a> {
    ctx: Ctx<'a>,
    summary: Vec<SummaryItem>,
    form: FormView<'a>,
    action: String,
    submit: String,
    /// Where the delete form posts, for a stored profile.
    delete: Option<String>,
}

/// The text a form shows for a profile's lists: comma-separated.
fn joined(items: &[String]) -> String {
    items.join(", ")
}

/// `/mentoring/profiles/new` (no profile) or `/mentoring/profiles/{id}`.
pub fn profile(
    c: &Chrome,
    profile: Option<&Profile>,
    municipalities: &[(String, String)],
    form: &Form,
) -> String {
    let lang = c.lang;
    let title = match profile {
        Some(p) => p.fields.name.clone(),
        None => tr(lang, "mentor-profile-new-title"),
    };
    let ctx = Ctx::new(c, title, Nav::Mentoring);
    let mut f = FormView::new("profile", form);
    let p = profile.map(|p| &p.fields);
    match p {
        None => {
            f.choice_field(
                "side",
                tr(lang, "field-side"),
                Kind::Radios,
                "",
                choices::<Side>(lang),
            );
        }
        Some(p) => {
            f.hidden("side", p.side.code());
        }
    }
    f.field(
        "name",
        tr(lang, "field-name"),
        Kind::Input("text"),
        p.map_or("", |p| &p.name),
    );
    f.select_or_blank(
        "municipality",
        tr(lang, "field-municipality"),
        p.map_or("", |p| &p.municipality),
        tr(lang, "field-choose"),
        municipalities,
    );
    let languages = p
        .map(|p| {
            p.languages
                .iter()
                .map(|l| format!("{} {}", l.language, l.level.code().to_uppercase()))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    f.field(
        "languages",
        tr(lang, "field-languages"),
        Kind::Input("text"),
        &languages,
    )
    .hint = Some(tr(lang, "field-languages-hint"));
    f.field(
        "occupation",
        tr(lang, "field-occupation"),
        Kind::Input("text"),
        p.map_or("", |p| &p.occupation),
    );
    f.field(
        "industry",
        tr(lang, "field-industry"),
        Kind::Input("text"),
        p.map_or("", |p| &p.industry),
    );
    for (name, id, items) in [
        ("goals", "field-goals", p.map(|p| joined(&p.goals))),
        (
            "interests",
            "field-interests",
            p.map(|p| joined(&p.interests)),
        ),
        (
            "availability",
            "field-availability",
            p.map(|p| joined(&p.availability)),
        ),
    ] {
        f.field(
            name,
            tr(lang, id),
            Kind::Input("text"),
            &items.unwrap_or_default(),
        )
        .hint = Some(tr(lang, "field-list-hint"));
    }
    let capacity = p.and_then(|p| p.capacity).map(|c| c.to_string());
    f.field(
        "capacity",
        tr(lang, "field-capacity"),
        Kind::Input("number"),
        capacity.as_deref().unwrap_or(""),
    )
    .hint = Some(tr(lang, "field-capacity-hint"));
    let consent_on = p
        .and_then(|p| p.consent.as_ref())
        .map(|c| c.given_on.to_string());
    f.field(
        "consent_given_on",
        tr(lang, "field-consent-given-on"),
        Kind::Input("date"),
        consent_on.as_deref().unwrap_or(""),
    )
    .hint = Some(tr(lang, "field-consent-hint"));
    f.field(
        "consent_text_version",
        tr(lang, "field-consent-text-version"),
        Kind::Input("text"),
        p.and_then(|p| p.consent.as_ref())
            .map_or("", |c| c.text_version.as_str()),
    );
    let account = p.and_then(|p| p.account_id).map(|a| a.to_string());
    f.field(
        "account_id",
        tr(lang, "field-account-id"),
        Kind::Input("number"),
        account.as_deref().unwrap_or(""),
    )
    .hint = Some(tr(lang, "field-account-id-hint"));
    if let Some(stored) = profile {
        f.hidden("version", &stored.version.to_string());
    }
    let (action, submit, delete) = match profile {
        Some(p) => (
            format!("/mentoring/profiles/{}", p.id),
            tr(lang, "mentor-profile-save"),
            Some(format!("/mentoring/profiles/{}/delete", p.id)),
        ),
        None => (
            "/mentoring/profiles".to_string(),
            tr(lang, "mentor-profile-create"),
            None,
        ),
    };
    render(&ProfilePage {
        summary: f.summary(),
        form: f,
        action,
        submit,
        delete,
        ctx,
    })
}

/// What a pair's page shows.
pub struct PairPage<'a> {
    pub pair: &'a Pair,
    pub mentor: Option<&'a Profile>,
    pub mentee: Option<&'a Profile>,
    pub log: &'a PairLog,
    /// The coordinator (or admin): starts, completes and ends pairs, records follow-ups.
    pub manages: bool,
    /// The sides the viewer acts for: both for the coordinator, else their own.
    pub sides: Vec<Side>,
    /// The form that was sent back with errors, and which one it was.
    pub form: &'a Form,
    pub form_name: &'a str,
}

struct Step {
    action: &'static str,
    side: &'static str,
    label: String,
}

#[derive(Template)]
#[template(path = "mentoring_pair.html")]
struct PairView<'a> {
    ctx: Ctx<'a>,
    summary: Vec<SummaryItem>,
    changes_action: String,
    meetings_action: String,
    check_ins_action: String,
    outcomes_action: String,
    version: i64,
    mentor: String,
    mentee: String,
    mentor_href: Option<String>,
    mentee_href: Option<String>,
    status: String,
    score: i64,
    reasons: Vec<ReasonRow>,
    facts: Vec<(String, String)>,
    steps: Vec<Step>,
    end_form: Option<FormView<'a>>,
    meetings: Vec<(String, i64, String)>,
    check_ins: Vec<(String, String, String)>,
    outcomes: Vec<(String, String, String)>,
    meeting_form: Option<FormView<'a>>,
    check_in_form: Option<FormView<'a>>,
    outcome_form: Option<FormView<'a>>,
}

fn yes_no(lang: Lang, b: bool) -> String {
    tr(lang, if b { "answer-yes" } else { "answer-no" })
}

pub fn pair(c: &Chrome, page: &PairPage) -> String {
    let lang = c.lang;
    let p = page.pair;
    // The other side's name is not for a member of the pair to read: their side is shown.
    let name = |profile: Option<&Profile>, side: Side| {
        profile.map_or_else(|| label(lang, side), |p| p.fields.name.clone())
    };
    let mentor = name(page.mentor, Side::Mentor);
    let mentee = name(page.mentee, Side::Mentee);
    let title = i18n::t_args(
        lang,
        "mentor-pair-title",
        &[("from", &mentor), ("to", &mentee)],
    );
    let ctx = Ctx::new(c, title, Nav::Mentoring);
    let status = p.status();
    let when = |d: Option<time::Date>| d.map(|d| date(lang, d)).unwrap_or_default();
    let facts = [
        ("mentor-accepted-mentor", when(p.state.mentor_accepted)),
        ("mentor-accepted-mentee", when(p.state.mentee_accepted)),
        ("mentor-started-on", when(p.state.started_on)),
        ("mentor-ended-on", when(p.state.ended_on)),
        ("mentor-end-reason", p.state.end_reason.clone()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(id, v)| (tr(lang, id), v))
    .collect();

    let steps = pair_steps(lang, page, status);
    let sent = |name: &str| page.form.if_sent_to(page.form_name, name);
    let end_form = (page.manages && !status.is_over()).then(|| {
        let mut f = FormView::new("end", sent("end"));
        f.hidden("action", "end-early");
        f.hidden("version", &p.version.to_string());
        f.field("reason", tr(lang, "field-end-reason"), Kind::TextArea, "");
        f
    });
    let records = page.manages && matches!(status, PairStatus::Active | PairStatus::Completed);
    let logs_meetings = page.manages || page.sides.contains(&Side::Mentor);
    let meeting_form = (logs_meetings && status == PairStatus::Active).then(|| {
        let mut f = FormView::new("meeting", sent("meeting"));
        f.field(
            "held_on",
            tr(lang, "field-held-on"),
            Kind::Input("date"),
            "",
        );
        f.field(
            "minutes",
            tr(lang, "field-minutes"),
            Kind::Input("number"),
            "60",
        );
        f.field("note", tr(lang, "field-note"), Kind::TextArea, "");
        f
    });
    let check_in_form = records.then(|| {
        let mut f = FormView::new("check-in", sent("check-in"));
        f.choice_field(
            "kind",
            tr(lang, "field-check-in-kind"),
            Kind::Radios,
            "",
            choices::<CheckInKind>(lang),
        );
        f.field(
            "held_on",
            tr(lang, "field-held-on"),
            Kind::Input("date"),
            "",
        );
        f.field("note", tr(lang, "field-note"), Kind::TextArea, "");
        f
    });
    let outcome_form = (page.manages && status.is_over()).then(|| {
        let mut f = FormView::new("outcome", sent("outcome"));
        f.choice_field(
            "follow_up",
            tr(lang, "field-follow-up"),
            Kind::Radios,
            "",
            choices::<FollowUp>(lang),
        );
        f.field(
            "recorded_on",
            tr(lang, "field-recorded-on"),
            Kind::Input("date"),
            "",
        );
        outcome_fields(lang, &mut f);
        f
    });
    let mut summary = Vec::new();
    for f in [&end_form, &meeting_form, &check_in_form, &outcome_form]
        .into_iter()
        .flatten()
    {
        summary.extend(f.summary());
    }
    render(&PairView {
        summary,
        changes_action: format!("/mentoring/pairs/{}/changes", p.id),
        meetings_action: format!("/mentoring/pairs/{}/meetings", p.id),
        check_ins_action: format!("/mentoring/pairs/{}/check-ins", p.id),
        outcomes_action: format!("/mentoring/pairs/{}/outcomes", p.id),
        version: p.version,
        mentor_href: page
            .mentor
            .filter(|_| page.manages)
            .map(|m| format!("/mentoring/profiles/{}", m.id)),
        mentee_href: page
            .mentee
            .filter(|_| page.manages)
            .map(|m| format!("/mentoring/profiles/{}", m.id)),
        mentor,
        mentee,
        status: label(lang, status),
        score: p.score,
        reasons: reason_rows(lang, &p.explanation),
        facts,
        steps,
        end_form,
        meetings: page
            .log
            .meetings
            .iter()
            .map(|m| {
                (
                    date(lang, m.fields.held_on),
                    m.fields.minutes,
                    m.fields.note.clone(),
                )
            })
            .collect(),
        check_ins: page
            .log
            .check_ins
            .iter()
            .map(|c| {
                (
                    date(lang, c.fields.held_on),
                    label(lang, c.fields.kind),
                    c.fields.note.clone(),
                )
            })
            .collect(),
        outcomes: page
            .log
            .outcomes
            .iter()
            .map(|o| {
                (
                    label(lang, o.fields.follow_up),
                    date(lang, o.fields.recorded_on),
                    outcome_text(lang, &o.fields),
                )
            })
            .collect(),
        meeting_form,
        check_in_form,
        outcome_form,
        ctx,
    })
}

/// What the viewer may do next with the pair: accept it, start it, complete it.
fn pair_steps(lang: Lang, page: &PairPage, status: PairStatus) -> Vec<Step> {
    let p = page.pair;
    let mut steps = Vec::new();
    for side in &page.sides {
        let accepted = match side {
            Side::Mentor => p.state.mentor_accepted.is_some(),
            Side::Mentee => p.state.mentee_accepted.is_some(),
        };
        if !accepted && status.may_become(PairStatus::Accepted) {
            steps.push(Step {
                action: "accept",
                side: side.code(),
                label: match side {
                    Side::Mentor => tr(lang, "mentor-accept-as-mentor"),
                    Side::Mentee => tr(lang, "mentor-accept-as-mentee"),
                },
            });
        }
    }
    if page.manages && status == PairStatus::Accepted {
        steps.push(Step {
            action: "start",
            side: "",
            label: tr(lang, "mentor-start"),
        });
    }
    if page.manages && status == PairStatus::Active {
        steps.push(Step {
            action: "complete",
            side: "",
            label: tr(lang, "mentor-complete"),
        });
    }
    steps
}

/// A follow-up's answers: work, education, qualifications, region and Norwegian.
fn outcome_fields(lang: Lang, f: &mut FormView) {
    let yes_no_choices = || {
        vec![
            ("true".to_string(), tr(lang, "answer-yes")),
            ("false".to_string(), tr(lang, "answer-no")),
        ]
    };
    for (name, id) in [
        ("in_work", "field-in-work"),
        ("in_education", "field-in-education"),
        ("qualifications_approved", "field-qualifications-approved"),
        ("in_region", "field-in-region"),
    ] {
        f.choice_field(name, tr(lang, id), Kind::Radios, "false", yes_no_choices());
    }
    f.select_or_blank(
        "norwegian_level",
        tr(lang, "field-norwegian-level"),
        "",
        tr(lang, "level-not-assessed"),
        &choices::<Level>(lang),
    );
}

/// A follow-up's answers in one line.
fn outcome_text(lang: Lang, o: &domain::mentor::OutcomeFields) -> String {
    let mut parts = vec![
        format!("{}: {}", tr(lang, "field-in-work"), yes_no(lang, o.in_work)),
        format!(
            "{}: {}",
            tr(lang, "field-in-education"),
            yes_no(lang, o.in_education)
        ),
        format!(
            "{}: {}",
            tr(lang, "field-qualifications-approved"),
            yes_no(lang, o.qualifications_approved)
        ),
        format!(
            "{}: {}",
            tr(lang, "field-in-region"),
            yes_no(lang, o.in_region)
        ),
    ];
    if let Some(l) = o.norwegian_level {
        parts.push(format!(
            "{}: {}",
            tr(lang, "field-norwegian-level"),
            label(lang, l)
        ));
    }
    parts.join("; ")
}

struct OwnProfile {
    href: String,
    name: String,
    side: String,
    municipality: String,
    languages: String,
}

struct OwnPair {
    href: String,
    with: String,
    status: String,
}

#[derive(Template)]
#[template(path = "mentoring_me.html")]
struct OwnPage<'a> {
    ctx: Ctx<'a>,
    profiles: Vec<OwnProfile>,
    pairs: Vec<OwnPair>,
}

/// `/mentoring/me`: a person's own profiles and pairs.
pub fn own(
    c: &Chrome,
    profiles: &[Profile],
    pairs: &[Pair],
    municipalities: &[(String, String)],
) -> String {
    let lang = c.lang;
    let ctx = Ctx::new(c, tr(lang, "mentoring-me-title"), Nav::Mentoring);
    let mine = |id: i64| profiles.iter().any(|p| p.id == id);
    render(&OwnPage {
        profiles: profiles
            .iter()
            .map(|p| OwnProfile {
                href: format!("/mentoring/profiles/{}", p.id),
                name: p.fields.name.clone(),
                side: label(lang, p.fields.side),
                municipality: municipality_name(municipalities, &p.fields.municipality).into(),
                languages: languages_text(lang, p),
            })
            .collect(),
        pairs: pairs
            .iter()
            .map(|p| OwnPair {
                href: format!("/mentoring/pairs/{}", p.id),
                // The other side's name is not theirs to see before both have said yes.
                with: if mine(p.mentor_id) {
                    label(lang, Side::Mentee)
                } else {
                    label(lang, Side::Mentor)
                },
                status: label(lang, p.status()),
            })
            .collect(),
        ctx,
    })
}

/// What the rules page shows: the stored rules and the weights a run would use.
pub struct RulesPage<'a> {
    pub rules: &'a MatchingRules,
    pub version: i64,
    /// (criterion code, points), in the engine's order.
    pub weights: &'a [(&'static str, i64)],
}

#[derive(Template)]
#[template(path = "mentoring_rules.html")]
struct RulesView<'a> {
    ctx: Ctx<'a>,
    summary: Vec<SummaryItem>,
    form: FormView<'a>,
}

/// The form's name for a criterion's weight.
pub fn weight_field(code: &str) -> Option<&'static str> {
    Some(match code {
        "same_municipality" => "weight_same_municipality",
        "shared_language_above_minimum" => "weight_shared_language_above_minimum",
        "same_occupation" => "weight_same_occupation",
        "same_industry" => "weight_same_industry",
        "shared_interest" => "weight_shared_interest",
        "overlapping_availability" => "weight_overlapping_availability",
        _ => return None,
    })
}

/// GET /mentoring/rules: the minimum shared language level, which municipalities count as
/// neighbours, and the points per criterion.
pub fn rules(c: &Chrome, page: &RulesPage, form: &Form) -> String {
    let lang = c.lang;
    let ctx = Ctx::new(c, tr(lang, "mentoring-rules-title"), Nav::Mentoring);
    let mut f = FormView::new("rules", form);
    f.choice_field(
        "min_level",
        tr(lang, "field-min-level"),
        Kind::Select,
        page.rules.min_level.code(),
        choices::<Level>(lang),
    )
    .hint = Some(tr(lang, "field-min-level-hint"));
    let neighbours = page
        .rules
        .neighbours
        .iter()
        .map(|(a, b)| format!("{a}-{b}"))
        .collect::<Vec<_>>()
        .join(", ");
    f.field(
        "neighbours",
        tr(lang, "field-neighbours"),
        Kind::Input("text"),
        &neighbours,
    )
    .hint = Some(tr(lang, "field-neighbours-hint"));
    for (code, points) in page.weights {
        if let Some(name) = weight_field(code) {
            f.field(
                name,
                tr_arg_criterion(lang, code),
                Kind::Input("number"),
                &points.to_string(),
            );
        }
    }
    f.hidden("version", &page.version.to_string());
    render(&RulesView {
        summary: f.summary(),
        form: f,
        ctx,
    })
}

/// "Points for: same municipality".
fn tr_arg_criterion(lang: Lang, code: &str) -> String {
    i18n::t_args(
        lang,
        "field-weight",
        &[("name", &criterion_label(lang, code))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_words_in_every_language() {
        for lang in Lang::ALL {
            assert_ne!(
                criterion_label(lang, "same_municipality"),
                "same_municipality"
            );
            assert_ne!(reason_label(lang, "no_mentor_nearby"), "no_mentor_nearby");
            assert_eq!(reason_label(lang, "something_new"), "something_new");
        }
    }
}
