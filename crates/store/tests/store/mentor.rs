//! The mentor programme's tables: audited reads and writes, stale edits, deletion that
//! forgets (not even leaving the person in the bytes of the database's files), and a
//! pair's life; on both backends.

use domain::mentor::{
    CheckInFields, CheckInKind, Consent, FollowUp, Language, Level, MeetingFields, NewPair,
    OutcomeFields, PairEvent, PairRuleKind, PairStatus, ProfileFields, Side,
};
use store::{Db, ProfileFilter, StoreError, Who};
use time::macros::date;

use super::{on_each_backend, traces};

fn coordinator() -> Who {
    Who {
        id: None,
        label: "koordinator@sogn.no".into(),
    }
}

fn profile(side: Side, name: &str) -> ProfileFields {
    ProfileFields {
        side,
        name: name.into(),
        municipality: "4640".into(),
        languages: vec![Language {
            language: "norsk".into(),
            level: Level::B2,
        }],
        occupation: "elektrikar".into(),
        industry: "bygg".into(),
        goals: vec![],
        interests: vec!["fotball".into()],
        availability: vec![],
        capacity: (side == Side::Mentor).then_some(2),
        consent: Some(Consent {
            given_on: date!(2024 - 01 - 10),
            text_version: "v1".into(),
        }),
        account_id: None,
    }
}

async fn audit_ops(db: &Db, entity: &str) -> Vec<String> {
    let mut ops: Vec<String> = db
        .audit_log(1000, 0)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.entity == entity)
        .map(|e| e.operation)
        .collect();
    ops.reverse();
    ops
}

async fn pair_of(db: &Db) -> (i64, i64, i64) {
    let who = coordinator();
    let mentor = db
        .create_mentoring_profile(&who, &profile(Side::Mentor, "Kari Nordmann"))
        .await
        .unwrap();
    let mentee = db
        .create_mentoring_profile(&who, &profile(Side::Mentee, "Amina Yusuf"))
        .await
        .unwrap();
    let proposal = [NewPair {
        mentor_id: mentor,
        mentee_id: mentee,
        locked: false,
        score: 30,
        explanation: vec![],
    }];
    let pairs = db.store_mentoring_proposal(&who, &proposal).await.unwrap();
    (mentor, mentee, pairs[0].id)
}

#[tokio::test]
async fn profiles_are_audited_when_written_and_when_read() {
    on_each_backend(|db| async move {
        let who = coordinator();
        let f = profile(Side::Mentor, "Kari Nordmann");
        let id = db.create_mentoring_profile(&who, &f).await.unwrap();
        let read = db.mentoring_profile(&who, id).await.unwrap().unwrap();
        assert_eq!((read.fields, read.version), (f.clone(), 1));
        let listed = db
            .mentoring_profiles(
                &who,
                ProfileFilter {
                    side: Some(Side::Mentor),
                    account_id: None,
                },
            )
            .await
            .unwrap();
        assert_eq!(listed.len(), 1);
        assert!(db
            .mentoring_profiles(
                &who,
                ProfileFilter {
                    side: Some(Side::Mentee),
                    account_id: None
                }
            )
            .await
            .unwrap()
            .is_empty());
        assert_eq!(
            audit_ops(&db, "mentoring_profile").await,
            ["create", "read", "read", "read"]
        );
        let log = db.audit_log(10, 0).await.unwrap();
        assert_eq!(
            log[1].after.as_ref().unwrap()["ids"],
            serde_json::json!([id])
        );
        assert_eq!(log[1].actor, "koordinator@sogn.no");
    })
    .await;
}

#[tokio::test]
async fn duplicates_and_stale_edits_are_refused_and_change_nothing() {
    on_each_backend(|db| async move {
        let who = coordinator();
        let f = profile(Side::Mentee, "Amina Yusuf");
        let id = db.create_mentoring_profile(&who, &f).await.unwrap();
        let twin = ProfileFields {
            name: " amina  YUSUF".into(),
            ..f.clone()
        };
        let err = db.create_mentoring_profile(&who, &twin).await.unwrap_err();
        assert!(
            matches!(&err, StoreError::Invalid(e) if e.field == "name"),
            "{err}"
        );
        let elsewhere = ProfileFields {
            municipality: "4641".into(),
            ..twin
        };
        db.create_mentoring_profile(&who, &elsewhere).await.unwrap();

        let changed = ProfileFields {
            interests: vec!["sjakk".into()],
            ..f.clone()
        };
        assert_eq!(
            db.update_mentoring_profile(&who, id, 1, &changed)
                .await
                .unwrap(),
            2
        );
        let err = db
            .update_mentoring_profile(&who, id, 1, &f)
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Stale { current: 2, .. }), "{err}");
        let to_mentor = ProfileFields {
            side: Side::Mentor,
            ..changed.clone()
        };
        let err = db
            .update_mentoring_profile(&who, id, 2, &to_mentor)
            .await
            .unwrap_err();
        assert!(
            matches!(&err, StoreError::Invalid(e) if e.field == "side"),
            "{err}"
        );
        let now = db.mentoring_profile(&who, id).await.unwrap().unwrap();
        assert_eq!((now.version, now.fields), (2, changed));
        let update = db
            .audit_log(100, 0)
            .await
            .unwrap()
            .into_iter()
            .find(|e| e.operation == "update")
            .unwrap();
        assert_eq!(
            (update.before, update.after),
            (None, Some(serde_json::json!({ "fields": ["interests"] }))),
            "the field's name, not its values"
        );
    })
    .await;
}

#[tokio::test]
async fn a_pair_lives_its_life_and_illegal_steps_change_nothing() {
    on_each_backend(|db| async move {
        let who = coordinator();
        let (_, _, id) = pair_of(&db).await;
        let day = date!(2024 - 02 - 01);
        let err = db
            .change_mentoring_pair(&who, id, 1, &PairEvent::Start { on: day })
            .await
            .unwrap_err();
        assert!(
            matches!(&err, StoreError::Invalid(e) if e.field == "status"),
            "{err}"
        );
        let p = db
            .change_mentoring_pair(
                &who,
                id,
                1,
                &PairEvent::Accept {
                    side: Side::Mentor,
                    on: day,
                },
            )
            .await
            .unwrap();
        assert_eq!(
            (p.status(), p.version, p.state.mentor_accepted),
            (PairStatus::Proposed, 2, Some(day))
        );
        let err = db
            .change_mentoring_pair(
                &who,
                id,
                1,
                &PairEvent::Accept {
                    side: Side::Mentee,
                    on: day,
                },
            )
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Stale { .. }), "{err}");
        let p = db
            .change_mentoring_pair(
                &who,
                id,
                2,
                &PairEvent::Accept {
                    side: Side::Mentee,
                    on: day,
                },
            )
            .await
            .unwrap();
        assert_eq!(p.status(), PairStatus::Accepted);
        let p = db
            .change_mentoring_pair(&who, id, 3, &PairEvent::Start { on: day })
            .await
            .unwrap();
        assert_eq!(p.status(), PairStatus::Active);

        let today = date!(2025 - 12 - 01);
        let meeting = MeetingFields {
            held_on: date!(2024 - 03 - 01),
            minutes: 90,
            note: "Kafé".into(),
        };
        db.add_mentoring_meeting(&who, id, &meeting, today)
            .await
            .unwrap();
        let early = MeetingFields {
            held_on: date!(2024 - 01 - 01),
            ..meeting.clone()
        };
        let err = db
            .add_mentoring_meeting(&who, id, &early, today)
            .await
            .unwrap_err();
        assert!(
            matches!(&err, StoreError::Invalid(e) if e.field == "held_on"),
            "{err}"
        );
        let check_in = CheckInFields {
            kind: CheckInKind::Midway,
            held_on: date!(2024 - 04 - 01),
            note: "Går fint".into(),
        };
        db.set_mentoring_check_in(&who, id, &check_in, today)
            .await
            .unwrap();
        let outcome = OutcomeFields {
            follow_up: FollowUp::AtEnd,
            recorded_on: date!(2024 - 06 - 01),
            in_work: true,
            in_education: false,
            qualifications_approved: false,
            norwegian_level: Some(Level::B1),
            in_region: true,
        };
        assert!(
            matches!(
                db.set_mentoring_outcome(&who, id, &outcome, today)
                    .await
                    .unwrap_err(),
                StoreError::Invalid(_)
            ),
            "still active"
        );
        let p = db
            .change_mentoring_pair(
                &who,
                id,
                4,
                &PairEvent::Complete {
                    on: date!(2024 - 06 - 01),
                },
            )
            .await
            .unwrap();
        assert_eq!(p.status(), PairStatus::Completed);
        db.set_mentoring_outcome(&who, id, &outcome, today)
            .await
            .unwrap();
        let six = OutcomeFields {
            follow_up: FollowUp::SixMonths,
            recorded_on: date!(2024 - 12 - 02),
            ..outcome.clone()
        };
        db.set_mentoring_outcome(&who, id, &six, today)
            .await
            .unwrap();
        db.set_mentoring_outcome(
            &who,
            id,
            &OutcomeFields {
                in_work: false,
                ..six
            },
            today,
        )
        .await
        .unwrap();

        let log = db.mentoring_pair_log(&who, id).await.unwrap();
        assert_eq!(
            (log.meetings.len(), log.check_ins.len(), log.outcomes.len()),
            (1, 1, 2)
        );
        assert!(
            !log.outcomes[1].fields.in_work,
            "a second record corrects the first"
        );
        let (pairs, meetings, outcomes) = db.mentoring_indicator_input(&who).await.unwrap();
        assert_eq!((pairs.len(), meetings.len(), outcomes.len()), (1, 1, 2));
        assert_eq!(
            audit_ops(&db, "mentoring_pair")
                .await
                .iter()
                .filter(|o| *o == "update")
                .count(),
            4
        );
        assert_eq!(audit_ops(&db, "mentoring_pair_log").await, ["read"]);
    })
    .await;
}

#[tokio::test]
async fn a_new_proposal_replaces_only_what_nobody_accepted() {
    on_each_backend(|db| async move {
        let who = coordinator();
        let (mentor, mentee, accepted) = pair_of(&db).await;
        db.change_mentoring_pair(
            &who,
            accepted,
            1,
            &PairEvent::Accept {
                side: Side::Mentee,
                on: date!(2024 - 02 - 01),
            },
        )
        .await
        .unwrap();
        let other = db
            .create_mentoring_profile(&who, &profile(Side::Mentee, "Omar Ali"))
            .await
            .unwrap();
        let first = db
            .store_mentoring_proposal(
                &who,
                &[NewPair {
                    mentor_id: mentor,
                    mentee_id: other,
                    locked: false,
                    score: 1,
                    explanation: vec![],
                }],
            )
            .await
            .unwrap();
        let again = db
            .store_mentoring_proposal(
                &who,
                &[NewPair {
                    mentor_id: mentor,
                    mentee_id: other,
                    locked: true,
                    score: 2,
                    explanation: vec![],
                }],
            )
            .await
            .unwrap();
        assert_eq!(
            first[0].id, again[0].id,
            "the same two people keep their pair"
        );
        assert!(again[0].locked);
        let all = db.mentoring_pairs(&who, None).await.unwrap();
        assert_eq!(
            all.iter().map(|p| p.id).collect::<Vec<_>>(),
            [accepted, again[0].id]
        );
        db.store_mentoring_proposal(&who, &[]).await.unwrap();
        assert_eq!(
            db.mentoring_pairs(&who, None).await.unwrap().len(),
            1,
            "the accepted pair stays"
        );
        let clash = db
            .store_mentoring_proposal(
                &who,
                &[NewPair {
                    mentor_id: mentor,
                    mentee_id: mentee,
                    locked: false,
                    score: 1,
                    explanation: vec![],
                }],
            )
            .await;
        assert!(matches!(clash, Err(StoreError::Conflict(_))));
    })
    .await;
}

#[tokio::test]
async fn deleting_a_profile_removes_the_person_from_every_mentor_table() {
    traces::on_each_backend_alone(|db| async move {
        let who = coordinator();
        let (mentor, mentee, pair) = pair_of(&db).await;
        let name = traces::unique_name();
        let token = name.split(' ').next().unwrap().to_string();
        db.update_mentoring_profile(&who, mentee, 1, &profile(Side::Mentee, &name))
            .await
            .unwrap();
        let day = date!(2024 - 02 - 01);
        for (v, event) in [
            (
                1,
                PairEvent::Accept {
                    side: Side::Mentor,
                    on: day,
                },
            ),
            (
                2,
                PairEvent::Accept {
                    side: Side::Mentee,
                    on: day,
                },
            ),
            (3, PairEvent::Start { on: day }),
        ] {
            db.change_mentoring_pair(&who, pair, v, &event)
                .await
                .unwrap();
        }
        db.add_mentoring_meeting(
            &who,
            pair,
            &MeetingFields {
                held_on: day,
                minutes: 60,
                note: format!("{token} kom for seint"),
            },
            day,
        )
        .await
        .unwrap();
        let check_in = CheckInFields {
            kind: CheckInKind::Midway,
            held_on: day,
            note: format!("{token} trivst"),
        };
        db.set_mentoring_check_in(&who, pair, &check_in, day)
            .await
            .unwrap();
        db.set_mentoring_pair_rule(&who, mentor, mentee, Some(PairRuleKind::Lock))
            .await
            .unwrap();
        traces::search(&db, &token).await.assert_found(&db);

        db.delete_mentoring_profile(&who, mentee).await.unwrap();
        traces::search(&db, &token).await.assert_none(&db);
        assert!(db.mentoring_profile(&who, mentee).await.unwrap().is_none());
        assert!(db.mentoring_pairs(&who, None).await.unwrap().is_empty());
        assert!(db.mentoring_pair_rules(&who).await.unwrap().is_empty());
        let (pairs, meetings, outcomes) = db.mentoring_indicator_input(&who).await.unwrap();
        assert!(pairs.is_empty() && meetings.is_empty() && outcomes.is_empty());
        assert!(
            db.mentoring_profile(&who, mentor).await.unwrap().is_some(),
            "the mentor stays"
        );
        let deletion = db
            .audit_log(100, 0)
            .await
            .unwrap()
            .into_iter()
            .find(|e| e.operation == "delete")
            .unwrap();
        assert_eq!(
            deletion.before.unwrap(),
            serde_json::json!({ "side": "mentee", "pairs": 1 })
        );
        assert!(matches!(
            db.delete_mentoring_profile(&who, mentee).await,
            Err(StoreError::NotFound(_))
        ));
    })
    .await;
}

#[tokio::test]
async fn rules_and_locks() {
    on_each_backend(|db| async move {
        let who = coordinator();
        let (mut rules, version) = db.mentoring_rules().await.unwrap();
        assert_eq!((rules.min_level, version), (Level::B1, 1));
        rules.neighbours.push(("4640".into(), "4644".into()));
        rules.weights.insert("same_industry".into(), 15);
        assert_eq!(db.set_mentoring_rules(&who, 1, &rules).await.unwrap(), 2);
        assert!(matches!(
            db.set_mentoring_rules(&who, 1, &rules).await,
            Err(StoreError::Stale { .. })
        ));
        assert_eq!(db.mentoring_rules().await.unwrap(), (rules, 2));

        let (mentor, mentee, _) = pair_of(&db).await;
        let other = db
            .create_mentoring_profile(&who, &profile(Side::Mentor, "Per Hansen"))
            .await
            .unwrap();
        db.set_mentoring_pair_rule(&who, mentor, mentee, Some(PairRuleKind::Lock))
            .await
            .unwrap();
        let err = db
            .set_mentoring_pair_rule(&who, other, mentee, Some(PairRuleKind::Lock))
            .await
            .unwrap_err();
        assert!(
            matches!(&err, StoreError::Invalid(e) if e.field == "mentee_id"),
            "{err}"
        );
        let err = db
            .set_mentoring_pair_rule(&who, mentee, mentor, Some(PairRuleKind::Exclude))
            .await
            .unwrap_err();
        assert!(
            matches!(&err, StoreError::Invalid(e) if e.field == "mentor_id"),
            "{err}"
        );
        db.set_mentoring_pair_rule(&who, other, mentee, Some(PairRuleKind::Exclude))
            .await
            .unwrap();
        assert_eq!(db.mentoring_pair_rules(&who).await.unwrap().len(), 2);
        db.set_mentoring_pair_rule(&who, mentor, mentee, None)
            .await
            .unwrap();
        let input = db.mentoring_matching_input(&who).await.unwrap();
        assert_eq!(
            (
                input.profiles.len(),
                input.pairs.len(),
                input.pair_rules.len()
            ),
            (3, 1, 1)
        );
        assert_eq!(input.side(Side::Mentor).count(), 2);
    })
    .await;
}

#[tokio::test]
async fn cohorts_sessions_attendance_and_evaluations() {
    on_each_backend(|db| async move {
        use domain::mentor::{CohortFields, EvaluationFields, SessionFields};
        let who = coordinator();
        let f = CohortFields {
            employer: "Sogndal kommune".into(),
            name: "Haust 2024".into(),
            starts_on: Some(date!(2024 - 09 - 01)),
        };
        let cohort = db.create_mentoring_cohort(&who, &f).await.unwrap();
        assert_eq!(
            db.update_mentoring_cohort(&who, cohort, 1, &f)
                .await
                .unwrap(),
            2
        );
        assert!(matches!(
            db.update_mentoring_cohort(&who, cohort, 1, &f).await,
            Err(StoreError::Stale { .. })
        ));
        let kari = db
            .add_mentoring_cohort_mentor(&who, cohort, "Kari Nordmann")
            .await
            .unwrap();
        let per = db
            .add_mentoring_cohort_mentor(&who, cohort, "Per Hansen")
            .await
            .unwrap();
        assert!(matches!(
            db.add_mentoring_cohort_mentor(&who, cohort, "kari nordmann")
                .await,
            Err(StoreError::Invalid(_))
        ));
        let session = db
            .add_mentoring_session(
                &who,
                cohort,
                &SessionFields {
                    held_on: date!(2024 - 09 - 10),
                    theme: "Velkomen".into(),
                },
            )
            .await
            .unwrap();
        db.set_mentoring_attendance(&who, session, &[kari, per])
            .await
            .unwrap();
        db.set_mentoring_attendance(&who, session, &[kari])
            .await
            .unwrap();
        let other = db.create_mentoring_cohort(&who, &f).await.unwrap();
        let stranger = db
            .add_mentoring_cohort_mentor(&who, other, "Ola Nordmann")
            .await
            .unwrap();
        assert!(matches!(
            db.set_mentoring_attendance(&who, session, &[stranger])
                .await,
            Err(StoreError::Invalid(_))
        ));
        let e = EvaluationFields {
            session_id: Some(session),
            text: "Nyttig".into(),
            score: Some(4),
        };
        db.add_mentoring_evaluation(&who, cohort, &e).await.unwrap();
        assert!(matches!(
            db.add_mentoring_evaluation(&who, other, &e).await,
            Err(StoreError::Invalid(_))
        ));

        let detail = db.mentoring_cohort(&who, cohort).await.unwrap();
        assert_eq!(detail.mentors.len(), 2);
        assert_eq!(detail.attendance.len(), 1);
        assert_eq!(detail.evaluations[0].fields.score, Some(4));
        db.delete_mentoring_cohort_mentor(&who, kari).await.unwrap();
        assert!(db
            .mentoring_cohort(&who, cohort)
            .await
            .unwrap()
            .attendance
            .is_empty());
        assert_eq!(db.mentoring_cohorts().await.unwrap().len(), 2);
        assert_eq!(
            audit_ops(&db, "mentoring_cohort").await.last().unwrap(),
            "read"
        );
    })
    .await;
}

#[tokio::test]
async fn removing_a_cohort_mentor_leaves_no_trace_of_them() {
    traces::on_each_backend_alone(|db| async move {
        use domain::mentor::{CohortFields, SessionFields};
        let who = coordinator();
        let f = CohortFields {
            employer: "Sogndal kommune".into(),
            name: "Vår 2025".into(),
            starts_on: None,
        };
        let cohort = db.create_mentoring_cohort(&who, &f).await.unwrap();
        let name = traces::unique_name();
        let token = name.split(' ').next().unwrap().to_string();
        let mentor = db
            .add_mentoring_cohort_mentor(&who, cohort, &name)
            .await
            .unwrap();
        let held_on = date!(2025 - 02 - 03);
        let theme = "Arbeidsliv".to_string();
        let session = db
            .add_mentoring_session(&who, cohort, &SessionFields { held_on, theme })
            .await
            .unwrap();
        db.set_mentoring_attendance(&who, session, &[mentor])
            .await
            .unwrap();
        traces::search(&db, &token).await.assert_found(&db);

        db.delete_mentoring_cohort_mentor(&who, mentor)
            .await
            .unwrap();
        traces::search(&db, &token).await.assert_none(&db);
        let created = db
            .audit_log(100, 0)
            .await
            .unwrap()
            .into_iter()
            .find(|e| e.entity == "mentoring_cohort_mentor" && e.operation == "create")
            .unwrap();
        assert_eq!(
            created.after,
            Some(serde_json::json!({ "cohort": cohort, "fields": ["name"] }))
        );
    })
    .await;
}
