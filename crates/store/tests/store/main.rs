//! The store's behaviour, run on SQLite and, when `BULYST_TEST_POSTGRES_URL`
//! is set, on PostgreSQL too: the same assertions on both backends.

mod concurrency;
mod mentor;
mod newcomer;
mod startup;
mod stats;
mod throttle;
mod traces;

use domain::plan_file;
use domain::status::{Light, Status};
use store::{testing, ActionFields, Db, NewStatus, StoreError, Who};
use time::macros::date;

const PLAN: &str = include_str!("../../../../data/programmes/sogn-for-alle.toml");

/// Runs `check` on a fresh database of every backend at hand.
async fn on_each_backend<F, Fut>(check: F)
where
    F: Fn(Db) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let dir = tempfile::tempdir().unwrap();
    check(testing::sqlite(dir.path()).await.unwrap()).await;
    match testing::postgres_url() {
        Some(url) => check(testing::postgres(&url).await.unwrap()).await,
        None => eprintln!(
            "PostgreSQL store tests skipped: set {} to run them",
            testing::POSTGRES_URL_VAR
        ),
    }
}

async fn loaded(db: &Db) {
    let plan = plan_file::load(PLAN, "sogn-for-alle.toml").unwrap();
    db.load_plan(&Who::cli(), &plan, false).await.unwrap();
}

fn status(text: &str, on: time::Date) -> NewStatus {
    NewStatus {
        status: Status::Ongoing,
        light: Light::Green,
        text: text.into(),
        reported_on: on,
    }
}

#[tokio::test]
async fn loads_the_whole_plan_and_reads_it_back() {
    on_each_backend(|db| async move {
        assert!(db.snapshot().await.unwrap().is_none());
        loaded(&db).await;
        let s = db.snapshot().await.unwrap().unwrap();
        let file = plan_file::load(PLAN, "x").unwrap();
        assert_eq!(
            s.plan,
            file,
            "the plan comes back exactly as loaded ({})",
            db.backend()
        );
        assert_eq!(s.plan.work_packages.len(), 8);
        assert_eq!(s.actions().count(), 20);
        let mentor = s.action("mentorprogram").unwrap();
        let state = mentor.state.unwrap();
        assert_eq!(state.starts, Some(date!(2020 - 09 - 01)));
        assert_eq!(state.ends, Some(date!(2021 - 05 - 31)));
        assert!(state.latest.is_none());
    })
    .await;
}

#[tokio::test]
async fn a_second_plan_needs_replace_and_a_failed_load_changes_nothing() {
    on_each_backend(|db| async move {
        loaded(&db).await;
        let plan = plan_file::load(PLAN, "x").unwrap();
        let err = db.load_plan(&Who::cli(), &plan, false).await.unwrap_err();
        assert!(matches!(err, StoreError::Conflict(_)), "{err}");

        db.add_status(
            &Who::cli(),
            "mentorprogram",
            &status("i gang", date!(2020 - 10 - 01)),
        )
        .await
        .unwrap();
        let revision = db.revision().await.unwrap();
        // A plan whose row points at a missing measure breaks a foreign key half-way.
        let mut broken = plan.clone();
        broken.work_packages[7].actions[0].measure = "no-such-measure".into();
        assert!(db.load_plan(&Who::cli(), &broken, true).await.is_err());
        assert_eq!(db.revision().await.unwrap(), revision);
        assert_eq!(
            db.status_history("mentorprogram", 1000, 0)
                .await
                .unwrap()
                .len(),
            1,
            "history survived"
        );

        db.load_plan(&Who::cli(), &plan, true).await.unwrap();
        assert!(db
            .status_history("mentorprogram", 1000, 0)
            .await
            .unwrap()
            .is_empty());
    })
    .await;
}

#[tokio::test]
async fn status_updates_are_history() {
    on_each_backend(|db| async move {
        loaded(&db).await;
        let who = Who {
            id: None,
            label: "pl@sogn.no".into(),
        };
        let before = db.revisions().await.unwrap();
        db.add_status(
            &who,
            "mentorprogram",
            &status("første", date!(2020 - 09 - 15)),
        )
        .await
        .unwrap();
        let second = NewStatus {
            status: Status::Delayed,
            light: Light::Red,
            ..status("andre", date!(2020 - 11 - 02))
        };
        db.add_status(&who, "mentorprogram", &second).await.unwrap();
        // Only the statuses moved: pages that show the plan alone stay as they are.
        let after = db.revisions().await.unwrap();
        assert_eq!(after.statuses, before.statuses + 2);
        assert_eq!(
            (after.plan, after.statistics),
            (before.plan, before.statistics)
        );
        let (as_of, latest) = db.latest_statuses().await.unwrap();
        assert_eq!(as_of, after.statuses);
        let newest = latest.iter().find(|u| u.action_id == "mentorprogram");
        assert_eq!(newest.map(|u| u.text.as_str()), Some("andre"));

        let history = db.status_history("mentorprogram", 1000, 0).await.unwrap();
        assert_eq!(
            history.iter().map(|u| u.text.as_str()).collect::<Vec<_>>(),
            ["andre", "første"]
        );
        assert_eq!(history[0].author, "pl@sogn.no");
        let s = db.snapshot().await.unwrap().unwrap();
        assert_eq!(
            s.action("mentorprogram").unwrap().status(),
            Some(Status::Delayed)
        );

        let changes = db.changes_since(date!(2020 - 11 - 01)).await.unwrap();
        assert!(changes.updates.iter().any(|u| u.text == "andre"));
        let err = db
            .add_status(&who, "nope", &status("x", date!(2020 - 09 - 15)))
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::NotFound(_)));
    })
    .await;
}

#[tokio::test]
async fn stale_edits_are_refused_and_edits_are_audited() {
    on_each_backend(|db| async move {
        loaded(&db).await;
        let who = Who {
            id: None,
            label: "pl@sogn.no".into(),
        };
        let s = db.snapshot().await.unwrap().unwrap();
        let a = s.action("lokale-frukostmoter").unwrap();
        let fields = ActionFields {
            work_package: a.work_package.id.clone(),
            measure: a.action.measure.clone(),
            how: a.action.how.clone(),
            participants: a.action.participants.clone(),
            when: a.action.when.clone(),
            comment: "Flytta til november".into(),
            responsible: a.action.responsible.clone(),
            starts: None,
            ends: None,
        };
        let v = a.state.unwrap().version;
        assert_eq!(
            db.update_action(&who, "lokale-frukostmoter", v, &fields)
                .await
                .unwrap(),
            v + 1
        );
        let err = db
            .update_action(&who, "lokale-frukostmoter", v, &fields)
            .await
            .unwrap_err();
        assert!(
            matches!(err, StoreError::Stale { current, .. } if current == v + 1),
            "{err}"
        );

        let log = db.audit_log(10, 0).await.unwrap();
        let edit = log.iter().find(|e| e.entity == "action").unwrap();
        assert_eq!(edit.actor, "pl@sogn.no");
        assert_eq!(edit.before.as_ref().unwrap()["comment"], "");
        assert_eq!(
            edit.after.as_ref().unwrap()["comment"],
            "Flytta til november"
        );
    })
    .await;
}

#[tokio::test]
async fn accounts_and_sessions() {
    on_each_backend(|db| async move {
        loaded(&db).await;
        let user = store::NewUser {
            email: "arbeid@sogn.no".into(),
            password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA".into(),
            role: domain::access::Role::WorkGroup,
            work_packages: vec!["arbeid".into()],
            municipalities: vec![],
        };
        let id = db.create_user(&Who::cli(), &user).await.unwrap();
        assert!(matches!(
            db.create_user(&Who::cli(), &user).await.unwrap_err(),
            StoreError::Conflict(_)
        ));
        let bad = store::NewUser {
            email: "x@sogn.no".into(),
            work_packages: vec!["nope".into()],
            ..user.clone()
        };
        assert!(matches!(
            db.create_user(&Who::cli(), &bad).await.unwrap_err(),
            StoreError::NotFound(_)
        ));

        let later = time::OffsetDateTime::now_utc() + time::Duration::hours(1);
        db.create_session("live", id, later).await.unwrap();
        db.create_session("old", id, later - time::Duration::hours(2))
            .await
            .unwrap();
        let actor = db.session_actor("live").await.unwrap().unwrap();
        assert_eq!(actor.work_packages, ["arbeid"]);
        assert!(db.session_actor("old").await.unwrap().is_none());
        assert_eq!(db.delete_expired_sessions().await.unwrap(), 1);
        db.delete_session("live").await.unwrap();
        assert!(db.session_actor("live").await.unwrap().is_none());
    })
    .await;
}

#[tokio::test]
async fn targets_are_set_and_replaced_with_an_audit_trail() {
    on_each_backend(|db| async move {
        let who = Who {
            id: None,
            label: "pl@sogn.no".into(),
        };
        let mut t = domain::indicators::Target {
            indicator: "refugees-settled-here".into(),
            area: "sogn".into(),
            year: 2024,
            value: 85.0,
            note: "Styringsgruppa, mars 2021".into(),
        };
        db.set_target(&who, &t).await.unwrap();
        t.value = 87.5;
        db.set_target(&who, &t).await.unwrap();
        assert_eq!(
            db.targets(Some("refugees-settled-here")).await.unwrap(),
            [t.clone()]
        );
        assert_eq!(db.targets(None).await.unwrap().len(), 1);
        assert!(db.targets(Some("population")).await.unwrap().is_empty());
        let log = db.audit_log(1, 0).await.unwrap();
        assert_eq!(log[0].before.as_ref().unwrap()["value"], 85.0);
    })
    .await;
}
