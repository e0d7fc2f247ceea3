//! The newcomer service through the app, on SQLite: who sees which case, bad input that
//! changes nothing, the person's rights and the retention limit.

use domain::access::{Actor, Role};
use domain::newcomer::{Count, Figure, REGION};
use tempfile::TempDir;
use time::macros::date;

use super::*;
use crate::{App, AppError};

async fn app() -> (App, TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let db = store::testing::sqlite(dir.path()).await.unwrap();
    let app = App::new(db);
    app.ensure_plan().await.unwrap();
    (app, dir)
}

/// A stored account with `role`, scoped to `municipalities`.
async fn account(app: &App, email: &str, role: Role, municipalities: &[&str]) -> Actor {
    let municipalities: Vec<String> = municipalities.iter().map(|m| m.to_string()).collect();
    let id = app
        .add_user(
            None,
            email,
            "a long test password",
            role,
            vec![],
            municipalities.clone(),
        )
        .await
        .unwrap();
    Actor {
        id,
        email: email.into(),
        role,
        work_packages: vec![],
        municipalities,
    }
}

fn input(name: &str, municipality: &str, arrival: &str) -> CaseInput {
    CaseInput {
        name: name.into(),
        municipality: municipality.into(),
        arrival_date: arrival.into(),
        category: "labour".into(),
        ..Default::default()
    }
}

fn fields(e: AppError) -> Vec<&'static str> {
    match e {
        AppError::Invalid(errors) => errors.iter().map(|e| e.field).collect(),
        other => panic!("expected field errors, got {other}"),
    }
}

fn follow_up(at: &str, on: &str, residence: &str) -> FollowUpInput {
    FollowUpInput {
        at: at.into(),
        recorded_on: on.into(),
        residence: residence.into(),
    }
}

#[tokio::test]
async fn staff_see_their_municipalities_and_their_own_cases_only() {
    let (app, _dir) = app().await;
    let ardal = account(&app, "ardal@sogn.test", Role::NewcomerStaff, &["4643"]).await;
    let sogndal = account(&app, "sogndal@sogn.test", Role::NewcomerStaff, &["4640"]).await;
    let admin = account(&app, "admin@sogn.test", Role::Admin, &[]).await;
    let reader = account(&app, "reader@sogn.test", Role::Reader, &[]).await;
    let pl = account(&app, "pl@sogn.test", Role::ProjectLeader, &[]).await;

    // The fields the issue names are enough.
    let minimal = CaseInput {
        name: "Ana Silva".into(),
        municipality: "4640".into(),
        arrival_date: "2024-05-02".into(),
        category: "labour".into(),
        ..Default::default()
    };
    let in_4640 = app
        .create_newcomer_case(Some(&sogndal), &minimal)
        .await
        .unwrap();
    let in_4643 = app
        .create_newcomer_case(Some(&ardal), &input("Jonas Berg", "4643", "2024-02-01"))
        .await
        .unwrap();
    assert!(matches!(
        app.create_newcomer_case(Some(&ardal), &minimal).await,
        Err(AppError::Forbidden(_))
    ));
    assert!(matches!(
        app.create_newcomer_case(None, &minimal).await,
        Err(AppError::Unauthenticated)
    ));

    // Staff of 4643 cannot read a 4640 case, and are not told it exists; staff see their
    // own, admin all.
    assert!(matches!(
        app.newcomer_case(Some(&ardal), in_4640).await,
        Err(AppError::NotFound(_))
    ));
    let ids = |cases: Vec<domain::newcomer::Case>| cases.iter().map(|c| c.id).collect::<Vec<_>>();
    assert_eq!(
        ids(app.newcomer_cases(Some(&ardal)).await.unwrap()),
        [in_4643]
    );
    assert_eq!(
        ids(app.newcomer_cases(Some(&admin)).await.unwrap()),
        [in_4640, in_4643]
    );
    let detail = app.newcomer_case(Some(&sogndal), in_4640).await.unwrap();
    assert_eq!(
        detail.case.fields.contact_person,
        Some(sogndal.id),
        "the registering staff member"
    );

    // Nobody else sees a case, not even the project leader.
    for a in [&reader, &pl] {
        assert!(
            matches!(
                app.newcomer_cases(Some(a)).await,
                Err(AppError::Forbidden(_))
            ),
            "{}",
            a.role
        );
        assert!(matches!(
            app.newcomer_case(Some(a), in_4643).await,
            Err(AppError::NotFound(_))
        ));
        assert!(matches!(
            app.export_newcomer_case(Some(a), in_4643).await,
            Err(AppError::NotFound(_))
        ));
        assert!(matches!(
            app.erase_newcomer_case(Some(a), in_4643).await,
            Err(AppError::NotFound(_))
        ));
    }
    assert!(matches!(
        app.newcomer_case(Some(&admin), 999).await,
        Err(AppError::NotFound(_))
    ));

    // A contact person in another municipality still follows the case.
    let handed = CaseInput {
        contact_person: Some(ardal.id),
        version: Some(1),
        ..minimal.clone()
    };
    app.update_newcomer_case(Some(&sogndal), in_4640, &handed)
        .await
        .unwrap();
    assert!(app.newcomer_case(Some(&ardal), in_4640).await.is_ok());
    // Moving a case to a municipality one does not serve is refused.
    let moved = CaseInput {
        municipality: "4644".into(),
        version: Some(2),
        ..handed.clone()
    };
    assert!(matches!(
        app.update_newcomer_case(Some(&sogndal), in_4640, &moved)
            .await,
        Err(AppError::Forbidden(_))
    ));
    // A contact person must be staff.
    let bad_contact = CaseInput {
        contact_person: Some(reader.id),
        version: Some(2),
        ..handed
    };
    assert_eq!(
        fields(
            app.update_newcomer_case(Some(&sogndal), in_4640, &bad_contact)
                .await
                .unwrap_err()
        ),
        ["contact_person"]
    );
}

#[tokio::test]
async fn a_linked_account_sees_corrects_exports_and_erases_only_its_own_case() {
    let (app, _dir) = app().await;
    let staff = account(&app, "staff@sogn.test", Role::NewcomerStaff, &["4643"]).await;
    let ana = account(&app, "ana@sogn.test", Role::Reader, &[]).await;
    let own = app
        .create_newcomer_case(
            Some(&staff),
            &CaseInput {
                account_id: Some(ana.id),
                languages: vec!["portugisisk".into()],
                ..input("Ana Silva", "4643", "2023-05-02")
            },
        )
        .await
        .unwrap();
    let other = app
        .create_newcomer_case(Some(&staff), &input("Jonas Berg", "4643", "2024-02-01"))
        .await
        .unwrap();
    let consent = app
        .record_newcomer_consent(
            Some(&staff),
            own,
            &ConsentInput {
                purpose: "follow-ups".into(),
                basis: "consent".into(),
                given_on: "2023-05-02".into(),
                text_version: "2023-1".into(),
            },
        )
        .await
        .unwrap();

    assert_eq!(
        app.my_newcomer_case(Some(&ana))
            .await
            .unwrap()
            .unwrap()
            .case
            .id,
        own
    );
    assert!(app.newcomer_case(Some(&ana), own).await.is_ok());
    assert!(matches!(
        app.newcomer_case(Some(&ana), other).await,
        Err(AppError::NotFound(_))
    ));
    assert!(matches!(
        app.newcomer_cases(Some(&ana)).await,
        Err(AppError::Forbidden(_))
    ));
    assert!(matches!(
        app.export_newcomer_case(Some(&ana), other).await,
        Err(AppError::NotFound(_))
    ));
    // The service's record (municipality, arrival, category) is not hers to change.
    let moved = CaseInput {
        version: Some(1),
        ..input("Ana Silva", "4640", "2023-05-02")
    };
    assert!(matches!(
        app.update_newcomer_case(Some(&ana), own, &moved).await,
        Err(AppError::Forbidden(_))
    ));
    assert!(matches!(
        app.set_newcomer_step(
            Some(&ana),
            own,
            &StepInput {
                kind: "job".into(),
                done_on: String::new()
            }
        )
        .await,
        Err(AppError::Forbidden(_))
    ));

    let corrected = OwnCorrectionInput {
        name: "Ana Souza Silva".into(),
        email: "ana@example.no".into(),
        languages: vec!["portugisisk".into(), "engelsk".into()],
        needs: vec!["norwegian-course".into()],
        version: Some(1),
        ..Default::default()
    };
    assert_eq!(
        app.correct_newcomer_case(Some(&ana), own, &corrected)
            .await
            .unwrap(),
        2
    );
    assert!(matches!(
        app.correct_newcomer_case(Some(&ana), own, &corrected).await,
        Err(AppError::Conflict(_))
    ));
    assert!(matches!(
        app.correct_newcomer_case(Some(&ana), other, &corrected)
            .await,
        Err(AppError::NotFound(_))
    ));
    let after = app
        .newcomer_case(Some(&staff), own)
        .await
        .unwrap()
        .case
        .fields;
    assert_eq!(
        (
            after.name.as_str(),
            after.municipality.as_str(),
            after.account_id
        ),
        ("Ana Souza Silva", "4643", Some(ana.id))
    );

    // Consent is withdrawn, and kept as history.
    app.withdraw_newcomer_consent(Some(&ana), own, consent, &WithdrawalInput::default())
        .await
        .unwrap();
    assert!(matches!(
        app.withdraw_newcomer_consent(Some(&ana), own, consent, &WithdrawalInput::default())
            .await,
        Err(AppError::Invalid(_))
    ));
    let consents = app.newcomer_case(Some(&ana), own).await.unwrap().consents;
    assert_eq!(consents.len(), 1);
    assert!(consents[0].withdrawn_on.is_some());
    assert!(!domain::newcomer::allowed(
        &consents,
        domain::newcomer::Purpose::FollowUps
    ));

    // The export holds everything, and the audit rows about the case hold no values.
    app.set_newcomer_step(
        Some(&staff),
        own,
        &StepInput {
            kind: "first-contact".into(),
            done_on: "2023-04-20".into(),
        },
    )
    .await
    .unwrap();
    app.record_newcomer_follow_up(
        Some(&staff),
        own,
        &follow_up("3-months", "2023-08-02", "in-municipality"),
    )
    .await
    .unwrap();
    app.set_newcomer_rent_to_own(
        Some(&staff),
        own,
        &RentToOwnInput {
            selected_on: "2024-01-10".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let export =
        serde_json::to_value(app.export_newcomer_case(Some(&ana), own).await.unwrap()).unwrap();
    let detail = &export["detail"];
    assert_eq!(detail["case"]["fields"]["name"], "Ana Souza Silva");
    assert_eq!(
        detail["case"]["fields"]["languages"],
        serde_json::json!(["portugisisk", "engelsk"])
    );
    assert_eq!(detail["steps"][0]["fields"]["kind"], "first-contact");
    assert_eq!(
        detail["follow_ups"][0]["fields"]["residence"],
        "in-municipality"
    );
    assert_eq!(detail["consents"][0]["fields"]["text_version"], "2023-1");
    assert_eq!(detail["rent_to_own"]["phase"], "selected");
    let audit = export["audit"].as_array().unwrap();
    assert!(audit.len() >= 10, "{audit:?}");
    assert!(audit.iter().any(|e| e["operation"] == "withdraw"));
    let text = serde_json::to_string(audit).unwrap();
    assert!(
        !text.contains("Ana") && !text.contains("portugisisk") && !text.contains("2023-08-02"),
        "{text}"
    );

    // Erasure, asked for by the person; a second one is NotFound.
    assert!(matches!(
        app.erase_newcomer_case(Some(&ana), other).await,
        Err(AppError::NotFound(_))
    ));
    app.erase_newcomer_case(Some(&ana), own).await.unwrap();
    assert!(app.my_newcomer_case(Some(&ana)).await.unwrap().is_none());
    assert!(matches!(
        app.erase_newcomer_case(Some(&ana), own).await,
        Err(AppError::NotFound(_))
    ));
    assert!(matches!(
        app.erase_newcomer_case(Some(&staff), own).await,
        Err(AppError::NotFound(_))
    ));
}

#[tokio::test]
async fn bad_input_is_named_and_changes_nothing() {
    let (app, _dir) = app().await;
    let staff = account(&app, "staff@sogn.test", Role::NewcomerStaff, &["4643"]).await;
    let bad = CaseInput {
        name: " ".into(),
        municipality: "0301".into(),
        arrival_date: "2024-02-30".into(),
        category: "tourist".into(),
        needs: vec!["job".into(), "yacht".into()],
        ..Default::default()
    };
    assert_eq!(
        fields(
            app.create_newcomer_case(Some(&staff), &bad)
                .await
                .unwrap_err()
        ),
        ["municipality", "arrival_date", "category", "needs"]
    );
    let unknown = input("Ana Silva", "4699", "2024-02-01");
    assert_eq!(
        fields(
            app.create_newcomer_case(Some(&staff), &unknown)
                .await
                .unwrap_err()
        ),
        ["municipality"]
    );
    let nameless = input(" ", "4643", "2024-02-01");
    assert_eq!(
        fields(
            app.create_newcomer_case(Some(&staff), &nameless)
                .await
                .unwrap_err()
        ),
        ["name"]
    );
    let far = input("Ana Silva", "4643", "2099-01-01");
    assert_eq!(
        fields(
            app.create_newcomer_case(Some(&staff), &far)
                .await
                .unwrap_err()
        ),
        ["arrival_date"]
    );
    assert!(app.newcomer_cases(Some(&staff)).await.unwrap().is_empty());

    let id = app
        .create_newcomer_case(Some(&staff), &input("Ana Silva", "4643", "2024-02-01"))
        .await
        .unwrap();
    // A follow-up before arrival, or before it is due, is refused; so is an unknown point.
    for (at, on) in [("3-months", "2024-01-15"), ("12-months", "2024-06-01")] {
        assert_eq!(
            fields(
                app.record_newcomer_follow_up(
                    Some(&staff),
                    id,
                    &follow_up(at, on, "in-municipality")
                )
                .await
                .unwrap_err()
            ),
            ["recorded_on"]
        );
    }
    assert_eq!(
        fields(
            app.record_newcomer_follow_up(Some(&staff), id, &follow_up("6-months", "x", "gone"))
                .await
                .unwrap_err()
        ),
        ["at", "residence", "recorded_on"]
    );
    assert_eq!(
        fields(
            app.set_newcomer_step(
                Some(&staff),
                id,
                &StepInput {
                    kind: "job".into(),
                    done_on: "2099-01-01".into()
                }
            )
            .await
            .unwrap_err()
        ),
        ["done_on"]
    );
    let rent = RentToOwnInput {
        selected_on: "2024-03-01".into(),
        purchased_on: "2024-04-01".into(),
        ..Default::default()
    };
    assert_eq!(
        fields(
            app.set_newcomer_rent_to_own(Some(&staff), id, &rent)
                .await
                .unwrap_err()
        ),
        ["purchased_on"]
    );
    let detail = app.newcomer_case(Some(&staff), id).await.unwrap();
    assert!(
        detail.follow_ups.is_empty() && detail.steps.is_empty() && detail.rent_to_own.is_none()
    );
}

/// The SQLite database file and write-ahead log in `dir` whose bytes hold `needle`.
fn files_holding(dir: &std::path::Path, needle: &str) -> Vec<String> {
    let file = store::Db::sqlite_file(dir);
    [file.clone(), file.with_extension("sqlite3-wal")]
        .into_iter()
        .filter(|path| {
            let bytes = std::fs::read(path).unwrap_or_default();
            bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
        })
        .map(|path| path.display().to_string())
        .collect()
}

#[tokio::test]
async fn the_retention_limit_erases_and_the_cohorts_keep_counting() {
    let (app, dir) = app().await;
    let staff = account(&app, "staff@sogn.test", Role::NewcomerStaff, &["4643"]).await;
    let mut ids = Vec::new();
    // Six arrivals in 2019; all followed up at 3 and 12 months, one moved away at 12.
    for i in 0..6 {
        let id = app
            .create_newcomer_case(
                Some(&staff),
                &input(&format!("Person Qx{i}Retained"), "4643", "2019-01-10"),
            )
            .await
            .unwrap();
        app.record_newcomer_follow_up(
            Some(&staff),
            id,
            &follow_up("3-months", "2019-04-10", "in-municipality"),
        )
        .await
        .unwrap();
        let residence = if i == 0 {
            "moved-away"
        } else {
            "in-municipality"
        };
        app.record_newcomer_follow_up(
            Some(&staff),
            id,
            &follow_up("12-months", "2020-01-15", residence),
        )
        .await
        .unwrap();
        ids.push(id);
    }
    let recent = app
        .create_newcomer_case(Some(&staff), &input("Newly Arrived", "4643", "2025-06-01"))
        .await
        .unwrap();
    let before = app.newcomer_cohorts(Some(&staff)).await.unwrap();
    assert!(!files_holding(dir.path(), "Retained").is_empty());

    // The one who moved away at 12 months is erased 12 months after that follow-up.
    assert!(app
        .erase_expired(date!(2021 - 01 - 14), 12)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        app.erase_expired(date!(2021 - 01 - 15), 12).await.unwrap(),
        [ids[0]]
    );
    // The others 12 months after the 60-month follow-up fell due (none was recorded).
    assert!(app
        .erase_expired(date!(2025 - 01 - 09), 12)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        app.erase_expired(date!(2025 - 01 - 10), 12).await.unwrap(),
        ids[1..]
    );
    // Nor are they left in the bytes of the database file or its write-ahead log.
    assert_eq!(files_holding(dir.path(), "Retained"), Vec::<String>::new());
    let admin = account(&app, "admin@sogn.test", Role::Admin, &[]).await;
    let left = app.newcomer_cases(Some(&admin)).await.unwrap();
    assert_eq!(left.iter().map(|c| c.id).collect::<Vec<_>>(), [recent]);

    // The cohorts read the same from the tally as from the cases.
    assert_eq!(app.newcomer_cohorts(Some(&staff)).await.unwrap(), before);
    let c2019 = before
        .iter()
        .find(|c| c.area == "4643" && c.arrival_year == 2019)
        .unwrap();
    assert_eq!(c2019.persons, Count::Shown { count: 6 });
    // One of six left: a count under 5, suppressed rather than shown.
    assert_eq!(c2019.after_1_year.in_region, Figure::Suppressed);
    assert_eq!(c2019.after_2_years.in_region, Figure::NotYetKnown);
    let c2025 = before
        .iter()
        .find(|c| c.area == "4643" && c.arrival_year == 2025)
        .unwrap();
    assert_eq!(c2025.persons, Count::Suppressed);

    // The public sees the region only; a reader not at all through the staff view.
    let public = app.public_newcomer_cohorts().await.unwrap();
    assert!(public.iter().all(|c| c.area == REGION) && public.len() == 2);
    let reader = account(&app, "reader@sogn.test", Role::Reader, &[]).await;
    assert!(matches!(
        app.newcomer_cohorts(Some(&reader)).await,
        Err(AppError::Forbidden(_))
    ));
    let pl = account(&app, "pl@sogn.test", Role::ProjectLeader, &[]).await;
    assert_eq!(app.newcomer_cohorts(Some(&pl)).await.unwrap().len(), 4);
}
