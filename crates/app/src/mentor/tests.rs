//! The mentor programme through the app, on SQLite: who may do what, a pair from
//! matching to outcomes, and bad input that changes nothing.

use domain::access::{Actor, Role};
use domain::mentor::{PairStatus, Side};
use tempfile::TempDir;

use super::*;
use crate::{App, AppError};

async fn app() -> (App, TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let db = store::testing::sqlite(dir.path()).await.unwrap();
    (App::new(db), dir)
}

fn actor(id: i64, role: Role) -> Actor {
    Actor {
        id,
        email: format!("{}@sogn.test", role.code()),
        role,
        work_packages: vec![],
        municipalities: vec![],
    }
}

fn coordinator() -> Actor {
    actor(900, Role::MentorCoordinator)
}

fn person(
    side: &str,
    name: &str,
    municipality: &str,
    norwegian: &str,
    occupation: &str,
) -> ProfileInput {
    ProfileInput {
        side: side.into(),
        name: name.into(),
        municipality: municipality.into(),
        languages: vec![LanguageInput {
            language: "norsk".into(),
            level: norwegian.into(),
        }],
        occupation: occupation.into(),
        capacity: (side == "mentor").then_some(1),
        consent_given_on: "2023-01-01".into(),
        consent_text_version: "2023-1".into(),
        ..Default::default()
    }
}

fn fields(e: AppError) -> Vec<&'static str> {
    match e {
        AppError::Invalid(errors) => errors.iter().map(|e| e.field).collect(),
        other => panic!("expected field errors, got {other}"),
    }
}

fn change(action: &str, side: &str, on: &str, version: i64) -> PairChangeInput {
    PairChangeInput {
        unread: Default::default(),
        action: action.into(),
        side: side.into(),
        on: on.into(),
        reason: String::new(),
        version: Some(version),
    }
}

/// A signed-in account, as self-service needs one to link a profile to.
async fn account(app: &App, email: &str) -> Actor {
    let id = app
        .add_user(
            None,
            email,
            "a long test password",
            Role::Reader,
            vec![],
            vec![],
        )
        .await
        .unwrap();
    Actor {
        id,
        email: email.into(),
        role: Role::Reader,
        work_packages: vec![],
        municipalities: vec![],
    }
}

#[tokio::test]
async fn only_the_coordinator_and_admin_see_and_change_people() {
    let (app, _dir) = app().await;
    let input = person("mentor", "Kari Nordmann", "4640", "native", "elektrikar");
    assert!(matches!(
        app.create_mentoring_profile(None, &input).await,
        Err(AppError::Unauthenticated)
    ));
    assert!(matches!(
        app.run_mentor_matching(None).await,
        Err(AppError::Unauthenticated)
    ));
    for role in [Role::Reader, Role::ProjectLeader, Role::SteeringGroup] {
        let a = actor(1, role);
        assert!(
            matches!(
                app.create_mentoring_profile(Some(&a), &input).await,
                Err(AppError::Forbidden(_))
            ),
            "{role}"
        );
        assert!(
            matches!(
                app.mentoring_profiles(Some(&a), None).await,
                Err(AppError::Forbidden(_))
            ),
            "{role}"
        );
        assert!(
            matches!(
                app.run_mentor_matching(Some(&a)).await,
                Err(AppError::Forbidden(_))
            ),
            "{role}"
        );
    }
    let pl = actor(2, Role::ProjectLeader);
    assert!(
        app.mentoring_indicators(Some(&pl)).await.is_ok(),
        "counts, no people"
    );
    assert!(matches!(
        app.mentoring_indicators(Some(&actor(3, Role::Reader)))
            .await,
        Err(AppError::Forbidden(_))
    ));

    let admin = actor(4, Role::Admin);
    let kari = account(&app, "kari@sogn.test").await;
    let id = app
        .create_mentoring_profile(
            Some(&admin),
            &ProfileInput {
                account_id: Some(kari.id),
                ..input.clone()
            },
        )
        .await
        .unwrap();
    let other = app
        .create_mentoring_profile(
            Some(&admin),
            &person("mentee", "Omar Ali", "4640", "b1", ""),
        )
        .await
        .unwrap();

    // Kari sees and corrects her own profile, not anyone else's, and cannot hand it to another account.
    assert_eq!(
        app.my_mentoring_profiles(Some(&kari)).await.unwrap()[0].id,
        id
    );
    let mine = app.mentoring_profile(Some(&kari), id).await.unwrap();
    assert!(matches!(
        app.mentoring_profile(Some(&kari), other).await,
        Err(AppError::NotFound(_))
    ));
    let corrected = ProfileInput {
        occupation: "installatør".into(),
        account_id: Some(kari.id),
        version: Some(mine.version),
        ..input.clone()
    };
    assert_eq!(
        app.update_mentoring_profile(Some(&kari), id, &corrected)
            .await
            .unwrap(),
        2
    );
    let moved = ProfileInput {
        account_id: None,
        version: Some(2),
        ..corrected.clone()
    };
    assert!(matches!(
        app.update_mentoring_profile(Some(&kari), id, &moved).await,
        Err(AppError::Forbidden(_))
    ));
    assert!(matches!(
        app.delete_mentoring_profile(Some(&kari), other).await,
        Err(AppError::NotFound(_))
    ));
    app.delete_mentoring_profile(Some(&kari), id).await.unwrap();
    assert!(matches!(
        app.mentoring_profile(Some(&admin), id).await,
        Err(AppError::NotFound(_))
    ));

    let reads = app
        .db
        .audit_log(100, 0)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.operation == "read")
        .count();
    assert!(reads >= 2, "reads of personal data are audited");
}

#[tokio::test]
async fn from_profiles_to_indicators() {
    let (app, _dir) = app().await;
    let c = coordinator();
    let (rules, version) = app.mentoring_rules(Some(&c)).await.unwrap();
    assert!(rules.neighbours.is_empty());
    let neighbours = RulesInput {
        unread: Default::default(),
        min_level: "B1".into(),
        neighbours: vec![vec!["4640".into(), "4644".into()]],
        weights: Default::default(),
        version: Some(version),
    };
    app.set_mentoring_rules(Some(&c), &neighbours)
        .await
        .unwrap();

    let kari = account(&app, "kari@sogn.test").await;
    let m1 = app
        .create_mentoring_profile(
            Some(&c),
            &ProfileInput {
                account_id: Some(kari.id),
                ..person("mentor", "Kari Nordmann", "4640", "native", "elektrikar")
            },
        )
        .await
        .unwrap();
    let m2 = app
        .create_mentoring_profile(
            Some(&c),
            &person("mentor", "Per Hansen", "4644", "native", "kokk"),
        )
        .await
        .unwrap();
    let e1 = app
        .create_mentoring_profile(
            Some(&c),
            &person("mentee", "Amina Yusuf", "4640", "B1", "elektrikar"),
        )
        .await
        .unwrap();
    let e2 = app
        .create_mentoring_profile(
            Some(&c),
            &person("mentee", "Omar Ali", "4644", "B2", "kokk"),
        )
        .await
        .unwrap();
    let e3 = app
        .create_mentoring_profile(
            Some(&c),
            &person("mentee", "Sara Haile", "4640", "A2", "kokk"),
        )
        .await
        .unwrap();

    let first = app.run_mentor_matching(Some(&c)).await.unwrap();
    let pairs: Vec<_> = first
        .proposed
        .iter()
        .map(|p| (p.mentor_id, p.mentee_id))
        .collect();
    assert_eq!(pairs, [(m1, e1), (m2, e2)], "occupation weighs most");
    assert!(first.proposed[0]
        .explanation
        .iter()
        .any(|r| r.criterion == "same_occupation"));
    let sara = first.unmatched.iter().find(|u| u.profile_id == e3).unwrap();
    assert_eq!(
        (sara.side, sara.reason.as_str()),
        (Side::Mentee, "no_shared_language")
    );
    assert_eq!(
        app.preview_mentor_matching(Some(&c))
            .await
            .unwrap()
            .proposed
            .len(),
        2,
        "the preview agrees"
    );

    // The coordinator locks Per with Amina and runs again: the lock holds, the rest follows.
    app.set_mentoring_pair_rule(
        Some(&c),
        &PairRuleInput {
            unread: Default::default(),
            mentor_id: m2,
            mentee_id: e1,
            kind: "lock".into(),
        },
    )
    .await
    .unwrap();
    let second = app.run_mentor_matching(Some(&c)).await.unwrap();
    let pairs: Vec<_> = second
        .proposed
        .iter()
        .map(|p| (p.mentor_id, p.mentee_id, p.locked))
        .collect();
    assert_eq!(pairs, [(m1, e2, false), (m2, e1, true)]);
    assert_eq!(
        app.mentoring_pairs(Some(&c)).await.unwrap().len(),
        2,
        "the first proposal was replaced"
    );
    let third = app.run_mentor_matching(Some(&c)).await.unwrap();
    assert_eq!(
        third.proposed, second.proposed,
        "the same problem gives the same proposal, in the same pairs"
    );

    // Kari accepts her own pair; the coordinator records Omar's yes, then runs the pair.
    let pair = second.proposed[0].pair_id.unwrap();
    let per = account(&app, "per@sogn.test").await;
    assert!(matches!(
        app.change_mentoring_pair(
            Some(&per),
            pair,
            &change("accept", "mentor", "2023-01-02", 1)
        )
        .await,
        Err(AppError::NotFound(_))
    ));
    assert!(matches!(
        app.change_mentoring_pair(
            Some(&kari),
            pair,
            &change("accept", "mentee", "2023-01-02", 1)
        )
        .await,
        Err(AppError::Forbidden(_))
    ));
    assert!(matches!(
        app.change_mentoring_pair(Some(&kari), pair, &change("start", "", "2023-01-02", 1))
            .await,
        Err(AppError::Forbidden(_))
    ));
    assert_eq!(
        app.my_mentoring_pairs(Some(&kari)).await.unwrap()[0].id,
        pair
    );
    app.change_mentoring_pair(
        Some(&kari),
        pair,
        &change("accept", "mentor", "2023-01-02", 1),
    )
    .await
    .unwrap();
    let p = app
        .change_mentoring_pair(Some(&c), pair, &change("accept", "mentee", "2023-01-03", 2))
        .await
        .unwrap();
    assert_eq!(p.status(), PairStatus::Accepted);
    let after_accepting = app.run_mentor_matching(Some(&c)).await.unwrap();
    assert_eq!(
        after_accepting.kept,
        [pair],
        "an accepted pair stays out of the matching"
    );
    assert_eq!(
        after_accepting
            .proposed
            .iter()
            .map(|p| p.mentee_id)
            .collect::<Vec<_>>(),
        [e1]
    );

    app.change_mentoring_pair(Some(&c), pair, &change("start", "", "2023-01-10", 3))
        .await
        .unwrap();
    let meeting = MeetingInput {
        unread: Default::default(),
        held_on: "2023-02-01".into(),
        minutes: 90,
        note: "Kafé".into(),
    };
    app.log_mentoring_meeting(Some(&kari), pair, &meeting)
        .await
        .unwrap();
    let check_in = CheckInInput {
        kind: "midway".into(),
        held_on: "2023-03-01".into(),
        note: String::new(),
    };
    app.record_mentoring_check_in(Some(&c), pair, &check_in)
        .await
        .unwrap();
    let p = app
        .change_mentoring_pair(Some(&c), pair, &change("complete", "", "2023-06-01", 4))
        .await
        .unwrap();
    assert_eq!(p.status(), PairStatus::Completed);
    for (follow_up, day, in_work) in [
        ("end", "2023-06-01", false),
        ("6-months", "2023-12-01", true),
    ] {
        let o = OutcomeInput {
            follow_up: follow_up.into(),
            recorded_on: day.into(),
            in_work,
            in_region: true,
            ..Default::default()
        };
        app.record_mentoring_outcome(Some(&c), pair, &o)
            .await
            .unwrap();
    }
    let log = app.mentoring_pair_log(Some(&kari), pair).await.unwrap();
    assert_eq!(
        (log.meetings.len(), log.check_ins.len(), log.outcomes.len()),
        (1, 1, 2)
    );

    let i = app.mentoring_indicators(Some(&c)).await.unwrap();
    assert_eq!(
        (i.pairs_started, i.pairs_completed, i.meetings_held),
        (1, 1, 1)
    );
    let six = i.in_work_or_education_6_months;
    assert_eq!((six.numerator, six.denominator, six.missing), (1, 1, 0));
    let twelve = i.in_work_or_education_12_months;
    assert_eq!(
        (twelve.denominator, twelve.missing, twelve.value()),
        (0, 1, None),
        "a missing follow-up is missing, not 0"
    );
}

#[tokio::test]
async fn impossible_matchings_and_bad_input_change_nothing() {
    let (app, _dir) = app().await;
    let c = coordinator();
    app.create_mentoring_profile(
        Some(&c),
        &person("mentor", "Kari Nordmann", "4640", "native", ""),
    )
    .await
    .unwrap();
    let far = app
        .create_mentoring_profile(Some(&c), &person("mentee", "Amina Yusuf", "4638", "B1", ""))
        .await
        .unwrap();
    let err = app.run_mentor_matching(Some(&c)).await.unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("nobody can be matched") && message.contains(&format!("mentee #{far}")),
        "{message}"
    );
    assert_eq!(fields(err), ["matching"]);
    assert!(app.mentoring_pairs(Some(&c)).await.unwrap().is_empty());

    let twin = person("mentee", " amina yusuf ", "4638", "B1", "");
    assert_eq!(
        fields(
            app.create_mentoring_profile(Some(&c), &twin)
                .await
                .unwrap_err()
        ),
        ["name"]
    );
    let zero = ProfileInput {
        capacity: Some(0),
        ..person("mentor", "Per Hansen", "4640", "native", "")
    };
    assert_eq!(
        fields(
            app.create_mentoring_profile(Some(&c), &zero)
                .await
                .unwrap_err()
        ),
        ["capacity"]
    );
    let malformed = ProfileInput {
        side: "buddy".into(),
        ..zero.clone()
    };
    assert_eq!(
        fields(
            app.create_mentoring_profile(Some(&c), &malformed)
                .await
                .unwrap_err()
        ),
        ["side"]
    );
    assert_eq!(
        app.mentoring_profiles(Some(&c), None).await.unwrap().len(),
        2
    );

    // A lock that breaks a hard constraint is refused by the engine, naming the pair.
    let near = app
        .create_mentoring_profile(Some(&c), &person("mentee", "Omar Ali", "4640", "B1", ""))
        .await
        .unwrap();
    let mentor = app
        .mentoring_profiles(Some(&c), Some(Side::Mentor))
        .await
        .unwrap()[0]
        .id;
    app.set_mentoring_pair_rule(
        Some(&c),
        &PairRuleInput {
            unread: Default::default(),
            mentor_id: mentor,
            mentee_id: far,
            kind: "lock".into(),
        },
    )
    .await
    .unwrap();
    assert_eq!(
        fields(app.run_mentor_matching(Some(&c)).await.unwrap_err()),
        ["locks"]
    );
    app.set_mentoring_pair_rule(
        Some(&c),
        &PairRuleInput {
            unread: Default::default(),
            mentor_id: mentor,
            mentee_id: far,
            kind: String::new(),
        },
    )
    .await
    .unwrap();
    let run = app.run_mentor_matching(Some(&c)).await.unwrap();
    assert_eq!(run.proposed[0].mentee_id, near);

    // Illegal steps in a pair's life are refused and leave it as it was.
    let pair = run.proposed[0].pair_id.unwrap();
    assert_eq!(
        fields(
            app.change_mentoring_pair(Some(&c), pair, &change("complete", "", "", 1))
                .await
                .unwrap_err()
        ),
        ["status"]
    );
    let meeting = MeetingInput {
        unread: Default::default(),
        held_on: String::new(),
        minutes: 30,
        note: String::new(),
    };
    assert_eq!(
        fields(
            app.log_mentoring_meeting(Some(&c), pair, &meeting)
                .await
                .unwrap_err()
        ),
        ["held_on"]
    );
    assert!(matches!(
        app.change_mentoring_pair(Some(&c), pair, &change("accept", "mentor", "", 7))
            .await,
        Err(AppError::Conflict(_))
    ));
    let p = app.mentoring_pair(Some(&c), pair).await.unwrap();
    assert_eq!((p.version, p.status()), (1, PairStatus::Proposed));
}

#[tokio::test]
async fn workplace_cohorts() {
    let (app, _dir) = app().await;
    let c = coordinator();
    let input = CohortInput {
        employer: "Luster kommune".into(),
        name: "Vår 2024".into(),
        starts_on: "2024-02-01".into(),
        version: None,
    };
    assert!(matches!(
        app.create_mentoring_cohort(Some(&actor(1, Role::Reader)), &input)
            .await,
        Err(AppError::Forbidden(_))
    ));
    let cohort = app.create_mentoring_cohort(Some(&c), &input).await.unwrap();
    assert_eq!(
        fields(
            app.update_mentoring_cohort(Some(&c), cohort, &input)
                .await
                .unwrap_err()
        ),
        ["version"]
    );
    let kari = app
        .add_mentoring_cohort_mentor(
            Some(&c),
            cohort,
            &CohortMentorInput {
                name: "Kari Nordmann".into(),
            },
        )
        .await
        .unwrap();
    let session = app
        .add_mentoring_session(
            Some(&c),
            cohort,
            &SessionInput {
                held_on: "2024-02-05".into(),
                theme: "Velkomen".into(),
            },
        )
        .await
        .unwrap();
    app.set_mentoring_attendance(Some(&c), session, &[kari])
        .await
        .unwrap();
    let bad = EvaluationInput {
        unread: Default::default(),
        session_id: Some(session),
        text: String::new(),
        score: Some(9),
    };
    assert_eq!(
        fields(
            app.add_mentoring_evaluation(Some(&c), cohort, &bad)
                .await
                .unwrap_err()
        ),
        ["score"]
    );
    app.add_mentoring_evaluation(
        Some(&c),
        cohort,
        &EvaluationInput {
            score: Some(4),
            ..bad
        },
    )
    .await
    .unwrap();
    let detail = app.mentoring_cohort(Some(&c), cohort).await.unwrap();
    assert_eq!(
        (
            detail.mentors.len(),
            detail.sessions.len(),
            detail.attendance.len(),
            detail.evaluations.len()
        ),
        (1, 1, 1, 1)
    );
    assert_eq!(app.mentoring_cohorts(Some(&c)).await.unwrap().len(), 1);
}
