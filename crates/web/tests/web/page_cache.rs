//! The page cache: what it keeps, for whom, and when a page is rendered again.
//! Render and hit counts come from the cache's own statistics, so nothing
//! here depends on timing.

use axum::http::{Method, StatusCode};
use domain::access::Role;
use serde_json::json;

use crate::helpers::{on_each_backend, TestApp};

const INDICATOR: &str = "/indicators/refugees-settled-here";

/// An account of its own with this role, signed in.
async fn reader(t: &TestApp, email: &str, role: Role, work_packages: &[&str]) -> String {
    let wps = work_packages.iter().map(|s| s.to_string()).collect();
    t.app
        .add_user(None, email, "a long test password", role, wps, vec![])
        .await
        .unwrap();
    t.app
        .login(email, "a long test password")
        .await
        .unwrap()
        .token
}

async fn report(t: &TestApp, token: &str, text: &str) {
    let posted = t
        .json(
            Method::POST,
            "/api/v1/actions/mentorprogram/status-updates",
            Some(token),
            json!({"status": "delayed", "light": "red", "text": text, "reported_on": "2026-11-02"}),
        )
        .await;
    assert_eq!(posted.status, StatusCode::CREATED, "{}", posted.body);
}

#[tokio::test]
async fn query_strings_the_page_does_not_read_share_one_entry() {
    on_each_backend(|t| async move {
        let first = t.get("/action-plan?utm_source=0").await;
        assert_eq!(first.status, StatusCode::OK);
        for i in 1..300 {
            let a = t.get(&format!("/action-plan?utm_source={i}&x{i}=y")).await;
            assert_eq!(a.status, StatusCode::OK);
            // Every variant is the same page, not one that names the variant.
            assert_eq!(a.body, first.body);
        }
        let stats = t.cache.stats();
        assert_eq!((stats.entries, stats.renders, stats.hits), (1, 1, 299));
        assert!(stats.bytes < 2 * first.body.len() + 4096, "{stats:?}");

        // The parameters the page reads are a key each, in any order.
        let a = t.get("/action-plan?status=none&work_package=arbeid").await;
        let b = t
            .get("/action-plan?work_package=arbeid&status=none&utm=1")
            .await;
        assert_eq!(a.body, b.body);
        assert_ne!(a.body, first.body);
        assert_eq!(t.cache.stats().entries, 2);
    })
    .await;
}

#[tokio::test]
async fn a_status_update_renders_only_the_pages_that_show_statuses() {
    on_each_backend(|t| async move {
        let leader = reader(&t, "leader@sogn.test", Role::ProjectLeader, &[]).await;
        for page in [
            "/action-plan",
            "/actions/mentorprogram",
            INDICATOR,
            "/organisation",
        ] {
            assert_eq!(t.get(page).await.status, StatusCode::OK, "{page}");
        }
        let before = t.cache.stats();

        report(&t, &leader, "Samlinga i Årdal er flytt").await;

        let plan = t.get("/action-plan").await;
        let action = t.get("/actions/mentorprogram").await;
        assert!(
            plan.body.contains("Samlinga i Årdal er flytt")
                || plan.body.contains("delayed")
                || plan.body.contains("Forseinka"),
            "{}",
            plan.body
        );
        assert!(
            action.body.contains("Samlinga i Årdal er flytt"),
            "{}",
            action.body
        );
        assert_eq!(t.cache.stats().renders, before.renders + 2);

        // Neither the indicator page nor the organisation shows a status, also
        // once the database's counters have been read again (after 500 ms).
        tokio::time::sleep(std::time::Duration::from_millis(600)).await;
        assert_eq!(t.get(INDICATOR).await.status, StatusCode::OK);
        assert_eq!(t.get("/organisation").await.status, StatusCode::OK);
        let after = t.cache.stats();
        assert_eq!(after.renders, before.renders + 2, "{before:?} {after:?}");
        assert_eq!(after.hits, before.hits + 2, "{before:?} {after:?}");
    })
    .await;
}

#[tokio::test]
async fn a_status_reported_through_another_server_is_seen_within_a_second_or_so() {
    on_each_backend(|t| async move {
        // A second server on the same database, with a cache of its own.
        let other = std::sync::Arc::new(app::App::new(t.db.clone()));
        let leader = reader(&t, "leader@sogn.test", Role::ProjectLeader, &[]).await;
        let actor = other.actor(&leader).await.unwrap().unwrap();
        assert_eq!(t.get(INDICATOR).await.status, StatusCode::OK);
        assert!(!t
            .get("/actions/mentorprogram")
            .await
            .body
            .contains("Meldt frå den andre"));
        let renders = t.cache.stats().renders;

        let input = app::StatusInput {
            status: "ongoing".into(),
            light: "green".into(),
            text: "Meldt frå den andre".into(),
            reported_on: String::new(),
        };
        other
            .report_status(Some(&actor), "mentorprogram", &input)
            .await
            .unwrap();
        // Within the recheck interval; polled, with a wide margin for a busy machine.
        let start = std::time::Instant::now();
        while !t
            .get("/actions/mentorprogram")
            .await
            .body
            .contains("Meldt frå den andre")
        {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(20),
                "never seen"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let before_indicator = t.cache.stats();
        assert_eq!(t.get(INDICATOR).await.status, StatusCode::OK);
        assert_eq!(t.cache.stats().renders, before_indicator.renders);
        assert!(before_indicator.renders > renders);
    })
    .await;
}

#[tokio::test]
async fn signed_in_readers_and_anonymous_visitors_never_get_each_others_page() {
    on_each_backend(|t| async move {
        let anonymous = t.get("/action-plan").await;
        assert!(!anonymous.body.contains("@sogn.test"));

        let ann = reader(&t, "ann@sogn.test", Role::Reader, &[]).await;
        let bo = reader(&t, "bo@sogn.test", Role::Reader, &[]).await;
        let for_ann = t.get_as("/action-plan", &ann).await;
        assert!(for_ann.body.contains("ann@sogn.test"), "{}", for_ann.body);
        assert_ne!(for_ann.body, anonymous.body);

        // The same role: the same page from the cache, with Bo's own address.
        let renders = t.cache.stats().renders;
        let for_bo = t.get_as("/action-plan", &bo).await;
        assert_eq!(t.cache.stats().renders, renders);
        assert!(for_bo.body.contains("bo@sogn.test"), "{}", for_bo.body);
        assert!(!for_bo.body.contains("ann@sogn.test"));
        assert_eq!(
            for_bo.body.replace("bo@sogn.test", "ann@sogn.test"),
            for_ann.body
        );

        // Another role or scope is another page.
        let wg = reader(&t, "wg@sogn.test", Role::WorkGroup, &["arbeid"]).await;
        let for_wg = t.get_as("/actions/mentorprogram", &wg).await;
        assert!(for_wg.body.contains("wg@sogn.test"));
        assert!(!for_wg.body.contains("ann@sogn.test") && !for_wg.body.contains("bo@sogn.test"));

        let again = t.get("/action-plan").await;
        assert_eq!(again.body, anonymous.body);
    })
    .await;
}

#[tokio::test]
async fn the_indicator_overview_is_shared_by_roles_without_the_programme_figures() {
    let t = TestApp::sqlite().await;
    let ann = reader(&t, "ann@sogn.test", Role::Reader, &[]).await;
    let bo = reader(&t, "bo@sogn.test", Role::Reader, &[]).await;
    assert_eq!(t.get_as("/indicators", &ann).await.status, StatusCode::OK);
    let renders = t.cache.stats().renders;
    let for_bo = t.get_as("/indicators", &bo).await;
    assert!(for_bo.body.contains("bo@sogn.test"));
    assert_eq!(t.cache.stats().renders, renders);
}

#[tokio::test]
async fn readers_waiting_for_one_page_get_one_render() {
    let t = TestApp::sqlite().await;
    // Joined on one task, they interleave at each await: all miss at first.
    let g = || t.get(INDICATOR);
    let answers = tokio::join!(g(), g(), g(), g(), g(), g(), g(), g());
    let answers = [
        answers.0, answers.1, answers.2, answers.3, answers.4, answers.5, answers.6, answers.7,
    ];
    assert!(answers.iter().all(|a| a.status == StatusCode::OK));
    let stats = t.cache.stats();
    assert_eq!((stats.renders, stats.hits), (1, 7), "{stats:?}");
}

#[tokio::test]
async fn pages_not_declared_cacheable_are_rendered_every_time() {
    on_each_backend(|t| async move {
        let admin = reader(&t, "admin@sogn.test", Role::Admin, &[]).await;
        for _ in 0..2 {
            // Beside cached routes, but not declared: a form and a date-bound page.
            assert_eq!(
                t.get_as("/actions/new", &admin).await.status,
                StatusCode::OK
            );
            assert_eq!(t.get("/changes").await.status, StatusCode::OK);
            assert_eq!(
                t.get("/indicators/refugees-settled-here.csv").await.status,
                StatusCode::OK
            );
            // Unknown pages under cached paths.
            assert_eq!(
                t.get("/actions/mentorprogram/history").await.status,
                StatusCode::NOT_FOUND
            );
            assert_eq!(
                t.get("/indicators/refugees-settled-here/more").await.status,
                StatusCode::NOT_FOUND
            );
            // The admin's indicator overview has the programme's own figures,
            // read as they stand.
            assert_eq!(t.get_as("/indicators", &admin).await.status, StatusCode::OK);
        }
        let stats = t.cache.stats();
        assert_eq!((stats.entries, stats.hits), (0, 0), "{stats:?}");
    })
    .await;
}
